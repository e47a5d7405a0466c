/**
 * One log line for an unexpected error, safe to write to a log file. A failed query must never
 * log its parameters: they carry password hashes, session token hashes, e-mail addresses and
 * report drafts. Drizzle's DrizzleQueryError puts them in its message ("params: …") and in its
 * stack; PGlite adds `params` to its error; PostgreSQL's message and `detail` may quote a value
 * ("Key (username)=(…) already exists", "invalid input syntax for type integer: \"…\"").
 *
 * So for a database error (one with a statement, parameters or a five-character SQLSTATE) the line
 * holds only its name, SQLSTATE, the constraint, table and column it names, and the statement
 * with its $1 placeholders — never its message, detail or parameters. Other errors keep their
 * message. Causes are followed (a few levels); stack frames are kept (where it failed), taken
 * from the stack only after the message, so a value cannot slip in as a fake frame.
 */
const SQLSTATE = /^[0-9A-Z]{5}$/;
const MAX_CAUSES = 4;
const MAX_FRAMES = 8;
const MAX_TEXT = 2000;

interface ErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  query?: unknown;
  params?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  stack?: unknown;
  cause?: unknown;
}

const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, MAX_TEXT);

function isDatabaseError(e: ErrorShape): boolean {
  return (
    typeof e.query === "string" ||
    e.params !== undefined ||
    (typeof e.code === "string" && SQLSTATE.test(e.code))
  );
}

function describeOne(e: unknown, shownQuery: string | null): string {
  if (typeof e !== "object" || e === null) return oneLine(String(e));
  const err = e as ErrorShape;
  const name = text(err.name) ?? "Error";
  if (!isDatabaseError(err)) return `${name}: ${oneLine(text(err.message) ?? "")}`;
  const parts = [`${name} (database)`];
  const code = text(err.code);
  if (code) parts.push(`code=${code}`);
  for (const key of ["constraint", "table", "column"] as const) {
    const value = text(err[key]);
    if (value) parts.push(`${key}=${value}`);
  }
  const query = text(err.query);
  if (query && query !== shownQuery) parts.push(`statement: ${oneLine(query)}`);
  return parts.join(" ");
}

/** The stack frames of an error, read after its "Name: message" head; none when that head is not found. */
function framesOf(e: unknown): string[] {
  if (typeof e !== "object" || e === null) return [];
  const err = e as ErrorShape;
  const stack = text(err.stack);
  if (!stack) return [];
  const heads = [
    `${text(err.name) ?? "Error"}: ${text(err.message) ?? ""}`,
    `Error: ${text(err.message) ?? ""}`,
  ];
  const head = heads.find((h) => stack.startsWith(h));
  if (head === undefined) return [];
  return stack
    .slice(head.length)
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("at "))
    .slice(0, MAX_FRAMES);
}

/** The error (and its causes) as one parameter-free line, with where it was thrown. */
export function describeError(err: unknown): string {
  const chain: string[] = [];
  let e: unknown = err;
  let shownQuery: string | null = null;
  for (let i = 0; i <= MAX_CAUSES && e !== undefined && e !== null; i++) {
    chain.push(describeOne(e, shownQuery));
    if (typeof e !== "object") break;
    shownQuery = text((e as ErrorShape).query) ?? shownQuery;
    e = (e as ErrorShape).cause;
  }
  const frames = framesOf(err);
  return chain.join(" ← cause: ") + (frames.length ? ` | ${frames.join(" | ")}` : "");
}
