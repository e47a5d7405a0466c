/**
 * Test helper (not a test): fast-check arbitraries of HTTP requests built from the app's own
 * OpenAPI document — for every operation, its path and query parameters and its JSON or
 * multipart body, each value either plausible for its schema or hostile: wrong types, 100 KB
 * strings, NUL, lone surrogates, deep JSON, huge, negative and fractional numbers, empty bodies,
 * extra fields (issue 8, "fuzz the API from its OpenAPI description"). Used by fuzz.test.ts.
 */
import fc from "fast-check";

/** The parts of an OpenAPI 3.1 document the fuzzer reads. */
export type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  additionalProperties?: Schema | boolean;
  example?: unknown;
};
type Parameter = { name: string; in: "path" | "query" | string; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
};
export type OpenApiDoc = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

/** One request to send: the method, the path with its query, and the body. */
export type FuzzRequest = {
  method: string;
  path: string;
  body?: { kind: "json"; text: string } | { kind: "form"; fields: [string, string | File][] } | undefined;
};

/** Known ids that exist in the seeded demo, so some requests get past "not found". */
export type Known = { ids: number[]; codes: string[] };

let deep = "x" as unknown;
for (let i = 0; i < 60; i++) deep = [deep];
const DEEP_ARRAY = deep;
let deepObj = 1 as unknown;
for (let i = 0; i < 40; i++) deepObj = { a: deepObj };
const DEEP_OBJECT = deepObj;

const HUGE = "ả".repeat(50_000); // 100 KB of UTF-8
/** Hostile values by kind; a kind is chosen first, so rare kinds (NUL) come up as often as any. */
export const HOSTILE: Record<string, unknown[]> = {
  nul: ["\u0000", "a\u0000b", "Tuyên Quang\u0000"],
  loneSurrogate: ["\ud800", "x\udfffy", "\udc00Sở"],
  hugeString: [HUGE],
  hugeNumber: [2_147_483_648, -2_147_483_649, Number.MAX_SAFE_INTEGER, 2 ** 63, 1e308, -1e308],
  smallNumber: [0, -1, 1.5, -0.5, 5e-324],
  wrongType: [true, false, null, [], {}, [1, 2, 3], 1],
  numberAsText: ["1e3", " 1", "0x10", "true", "2147483648", "9".repeat(40), "-1", "NaN", "1.0"],
  deep: [DEEP_ARRAY, DEEP_OBJECT, { "\u0000": 1 }],
  oddText: ["", " ", "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "2025-02-30", "🏭"],
};
// The kinds that reached the database as a 500 (issue 8 §5, §6) come up twice as often.
const KIND_WEIGHT: Record<string, number> = { nul: 2, loneSurrogate: 2, hugeNumber: 2 };
const hostile = fc.oneof(
  ...Object.entries(HOSTILE).map(([kind, values]) => ({
    arbitrary: fc.constantFrom(...values),
    weight: KIND_WEIGHT[kind] ?? 1,
  })),
);

function resolve(doc: OpenApiDoc, s: Schema | undefined): Schema {
  if (!s) return {};
  if (s.$ref) return resolve(doc, doc.components?.schemas?.[s.$ref.split("/").pop() ?? ""]);
  if (s.allOf?.length) return resolve(doc, s.allOf[0]);
  return s;
}

/** A value plausible for the schema (right type, within its bounds), `depth` levels deep. */
function plausible(doc: OpenApiDoc, raw: Schema | undefined, known: Known, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, raw);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => plausible(doc, a, known, depth)));
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const other = plainValue(doc, s, known, depth);
  // The documented example is the likeliest value to get past the other checks.
  return s.example === undefined
    ? other
    : fc.oneof({ arbitrary: fc.constant(s.example), weight: 3 }, { arbitrary: other, weight: 1 });
}

function plainValue(doc: OpenApiDoc, s: Schema, known: Known, depth: number): fc.Arbitrary<unknown> {
  const type = Array.isArray(s.type) ? (s.type.find((t) => t !== "null") ?? "string") : s.type;
  const lo = s.minimum ?? -1e6;
  const hi = Math.min(s.maximum ?? 1e6, 1e6);
  switch (type) {
    case "integer":
      return fc.oneof(
        fc.constantFrom(...known.ids),
        fc.integer({ min: Math.max(lo, -1e6), max: Math.max(hi, lo) }),
      );
    case "number":
      return fc.double({ min: Math.max(lo, -1e6), max: Math.max(hi, lo), noNaN: true });
    case "boolean":
      return fc.boolean();
    case "array":
      return depth > 3
        ? fc.constant([])
        : fc.array(plausible(doc, s.items, known, depth + 1), { maxLength: 3 });
    case "object":
      if (depth > 3 || !s.properties) return fc.constant({});
      return record(doc, s, known, depth + 1);
    default:
      return fc.oneof(
        {
          arbitrary: fc.constantFrom(
            ...known.codes,
            "Tuyên Quang",
            "Sở Công Thương",
            "2025",
            "2025-02-28",
            "Nguồn",
          ),
          weight: 3,
        },
        {
          arbitrary: fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) }),
          weight: 1,
        },
      );
  }
}

/** An object for the schema: the required properties, each optional one present or not. */
function record(doc: OpenApiDoc, s: Schema, known: Known, depth: number) {
  const required = new Set(s.required ?? []);
  const each = Object.entries(s.properties ?? {}).map(([k, p]) =>
    (required.has(k)
      ? plausible(doc, p, known, depth)
      : fc.option(plausible(doc, p, known, depth), { nil: undefined })
    ).map((v) => [k, v] as const),
  );
  return fc.tuple(...each).map((pairs) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of pairs) if (v !== undefined) out[k] = v;
    return out;
  });
}

/** Percent-encodes text, lone surrogates included (as their WTF-8 bytes, which no decoder accepts). */
export function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s]
      .map((ch) => {
        const c = ch.charCodeAt(0);
        if (ch.length !== 1 || c < 0xd800 || c > 0xdfff) return encodeURIComponent(ch);
        const bytes = [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
        return bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join("");
      })
      .join("");
  }
}

const asText = (v: unknown) =>
  typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v);

const RAW_BODIES = ["", "{", "null", "[]", '"x"', "1e999", JSON.stringify(DEEP_ARRAY), "{}"];
const FILE_NAMES = ["bao-cao.pdf", "a\u0000.pdf", "plan.txt", "x.xlsx", "data.csv", "🗂.png", ""];
const FILE_BYTES = [
  new Uint8Array(0),
  new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]),
  new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]),
  new TextEncoder().encode("code,period,scope,kind,value\nx,2025,Tuyên Quang,official,1e308\n"),
  new TextEncoder().encode("KẾ HOẠCH\n\u0000\n| STT | Nhiệm vụ |\n"),
];

/** Where one hostile value can go: a parameter, a body property, or a property of a body list's item. */
type Slot = { kind: "path" | "query" | "body" | "form"; key: string; item?: string; schema?: Schema };

function slotsOf(doc: OpenApiDoc, op: Operation): { slots: Slot[]; json?: Schema; form?: Schema } {
  const slots: Slot[] = [];
  for (const p of op.parameters ?? []) {
    if (p.in === "path" || p.in === "query") slots.push({ kind: p.in, key: p.name, schema: p.schema });
  }
  const content = op.requestBody?.content ?? {};
  const json = content["application/json"] ? resolve(doc, content["application/json"].schema) : undefined;
  const form = content["multipart/form-data"]
    ? resolve(doc, content["multipart/form-data"].schema)
    : undefined;
  for (const [k, p] of Object.entries(json?.properties ?? {})) {
    slots.push({ kind: "body", key: k, schema: p });
    const items = resolve(doc, resolve(doc, p).items);
    for (const sub of Object.keys(items.properties ?? {})) slots.push({ kind: "body", key: k, item: sub });
  }
  for (const [k, p] of Object.entries(form?.properties ?? {}))
    if (p.format !== "binary") slots.push({ kind: "form", key: k, schema: p });
  return { slots, json, form };
}

/**
 * One operation's requests: a plausible request (every parameter and body property right for
 * its schema) with, most of the time, exactly one place made hostile — so the hostile value
 * gets past the other fields' validation and reaches as deep as it can.
 */
function operationArb(doc: OpenApiDoc, path: string, method: string, op: Operation, known: Known) {
  const { slots, json, form } = slotsOf(doc, op);
  const params = (op.parameters ?? []).filter((p) => p.in === "path" || p.in === "query");
  const base = fc.record({
    params: fc.tuple(
      ...params.map((p) =>
        p.in === "path" || p.required
          ? plausible(doc, p.schema, known)
          : fc.option(plausible(doc, p.schema, known), { nil: undefined }),
      ),
    ),
    body: json ? record(doc, json, known, 1) : fc.constant(undefined),
    form: form ? record(doc, form, known, 1) : fc.constant(undefined),
    file: fc.tuple(fc.constantFrom(...FILE_NAMES), fc.constantFrom(...FILE_BYTES), fc.boolean()),
  });
  // Which place is hostile: a slot, the raw body, an extra body field, or none.
  const specials = json ? 3 : 1;
  const choice = fc.tuple(
    fc.nat({ max: slots.length + specials - 1 }),
    hostile,
    fc.constantFrom(...RAW_BODIES),
  );
  return fc.tuple(base, choice).map(([b, [pick, bad, raw]]): FuzzRequest => {
    const values = new Map(params.map((p, i) => [`${p.in}:${p.name}`, b.params[i]]));
    const body = b.body ? { ...(b.body as Record<string, unknown>) } : undefined;
    const fields = b.form ? { ...(b.form as Record<string, unknown>) } : undefined;
    let rawText: string | undefined;
    const slot = slots[pick];
    if (slot?.kind === "path" || slot?.kind === "query") values.set(`${slot.kind}:${slot.key}`, bad);
    else if (slot?.kind === "form" && fields) fields[slot.key] = bad;
    else if (slot?.kind === "body" && body) {
      if (!slot.item) body[slot.key] = bad;
      else {
        const list = Array.isArray(body[slot.key]) ? [...(body[slot.key] as unknown[])] : [];
        const first = typeof list[0] === "object" && list[0] !== null ? { ...(list[0] as object) } : {};
        list[0] = { ...first, [slot.item]: bad };
        body[slot.key] = list;
      }
    } else if (body && pick === slots.length) rawText = raw;
    else if (body && pick === slots.length + 1)
      Object.defineProperty(body, "x\u0000", { value: bad, enumerable: true });
    let url = path;
    const query: string[] = [];
    for (const p of params) {
      const v = values.get(`${p.in}:${p.name}`);
      if (p.in === "path") url = url.replace(`{${p.name}}`, encode(asText(v)) || "%20");
      else if (v !== undefined) query.push(`${encode(p.name)}=${encode(asText(v))}`);
    }
    const [fileName, fileBytes, withFile] = b.file;
    return {
      method: method.toUpperCase(),
      path: query.length ? `${url}?${query.join("&")}` : url,
      body: json
        ? { kind: "json", text: rawText ?? JSON.stringify(body) }
        : form
          ? {
              kind: "form",
              fields: [
                ...(withFile ? [["file", new File([fileBytes], fileName)] as [string, File]] : []),
                ...Object.entries(fields ?? {}).map(([k, v]) => [k, asText(v)] as [string, string]),
              ],
            }
          : undefined,
    };
  });
}

/** Every operation of the document as [label, arbitrary of its requests]. */
export function operations(doc: OpenApiDoc, known: Known): [string, fc.Arbitrary<FuzzRequest>][] {
  const out: [string, fc.Arbitrary<FuzzRequest>][] = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops))
      out.push([`${method.toUpperCase()} ${path}`, operationArb(doc, path, method, op, known)]);
  return out;
}
