/**
 * The importer under mutated real plans (issue 8, "the edges still open"): random pipes, tabs,
 * NULs and huge lines inserted, lines deleted and duplicated, spacing shuffled. Every document
 * either parses or is refused with an AppError of a known PLAN_* code — no other exception — and
 * none hangs: each is parsed in a worker with a time limit, and PARSE_TIMEOUT fails the test.
 * Seeded and bounded, so a failure replays.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../domain/errors.ts";
import { parsePlanInWorker } from "../server/workers/heavy.ts";
import { HeavyPool } from "../server/workers/pool.ts";

const PLANS = [
  "../../data/plans/tuyen-quang-cong-nghiep-2021-2025.txt",
  "../../test/fixtures/plans/btnmt-kh09-2024-tinchi-cacbon.txt",
  "../../test/fixtures/plans/laocai-kh-chithi11-khoangsan-2026.txt",
].map((p) => readFileSync(new URL(p, import.meta.url), "utf8").split("\n"));

const KNOWN = new Set([
  "PLAN_EMPTY",
  "PLAN_NOT_TEXT",
  "PLAN_TOO_LARGE",
  "PLAN_NO_TASK_TABLE",
  "PLAN_TOO_MANY_TASKS",
  "PLAN_TOO_MANY_LINES",
  "PLAN_LINE_TOO_LONG",
]);

/** A time limit far above any real plan's parse (tens of milliseconds): only a hang reaches it. */
const pool = new HeavyPool({ size: 1, timeoutMs: 30_000 });
afterAll(() => pool.close());

type Edit =
  | { op: "insert"; at: number; text: string }
  | { op: "delete"; at: number; count: number }
  | { op: "duplicate"; at: number; count: number }
  | { op: "spacing"; at: number; text: string };

const junk = fc.oneof(
  fc.constantFrom("|", "||", " | ", "\t", "\t\t", "\u0000", "| --- |", "TT\tNội dung\tChủ trì\tThời gian"),
  fc.string({ unit: fc.constantFrom("|", "\t", " ", "a", "Đ", "1", ".", "\u0000", "\r"), maxLength: 200 }),
  fc.integer({ min: 1, max: 30_000 }).map((n) => "x|".repeat(n)),
  fc.integer({ min: 15_000, max: 25_000 }).map((n) => "ư".repeat(n)),
);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), text: junk }),
  fc.record({ op: fc.constant("delete" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant("duplicate" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 100 }) }),
  fc.record({
    op: fc.constant("spacing" as const),
    at: fc.nat(),
    text: fc.constantFrom(" ", "  ", "\t", "", "\u00a0"),
  }),
);

function mutate(lines: readonly string[], edits: readonly Edit[]): string {
  const out = [...lines];
  for (const e of edits) {
    const at = out.length ? e.at % out.length : 0;
    if (e.op === "insert") {
      const line = out[at] ?? "";
      const col = line.length ? e.at % (line.length + 1) : 0;
      out[at] = line.slice(0, col) + e.text + line.slice(col);
    } else if (e.op === "delete") out.splice(at, e.count);
    else if (e.op === "duplicate") out.splice(at, 0, ...Array(e.count).fill(out[at] ?? ""));
    else out[at] = (out[at] ?? "").replace(/\s+/g, e.text);
  }
  return out.join("\n");
}

describe("the importer under mutated real plans", () => {
  it("parses or refuses with a known code; never another exception, never a hang", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: PLANS.length - 1 }),
        fc.array(edit, { minLength: 1, maxLength: 12 }),
        async (which, edits) => {
          const text = mutate(PLANS[which] as string[], edits);
          const result = await parsePlanInWorker(new TextEncoder().encode(text), "fuzz.txt", {}, pool).then(
            (plan) => ({ plan, error: null }),
            (error: unknown) => ({ plan: null, error }),
          );
          if (result.error) {
            expect(result.error).toBeInstanceOf(AppError);
            expect(KNOWN, String((result.error as Error).message)).toContain((result.error as AppError).code);
          } else expect(Array.isArray(result.plan?.tasks)).toBe(true);
        },
      ),
      { seed: 8_2026, numRuns: 30 },
    );
  }, 300_000);
});
