/**
 * surelyClean (input-guard.ts) lets a JSON body skip the parse-and-walk on the request loop only
 * when jsonProblems would find nothing: checked on random values (strings with NUL, lone and
 * paired surrogates, deep nesting), at the depth limit, and on escaped look-alikes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonProblems, MAX_JSON_DEPTH, surelyClean } from "./input-guard.ts";

const nest = (n: number): unknown => {
  let v: unknown = "leaf";
  for (let i = 0; i < n; i++) v = i % 2 ? { k: v } : [v];
  return v;
};
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("a\u0000b", "\ud800", "x\udfffy", "😀", "\\u0000", '"', "\\"),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    text,
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("node"), { maxLength: 4 }),
    fc.dictionary(text, tie("node"), { maxKeys: 4 }),
  ),
})).node;

describe("surelyClean", () => {
  it("never passes a body that jsonProblems refuses", () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: MAX_JSON_DEPTH + 3 }), (v, depth) => {
        let wrapped: unknown = v;
        for (let i = 0; i < depth; i++) wrapped = [wrapped];
        if (surelyClean(JSON.stringify(wrapped))) expect(jsonProblems(wrapped)).toEqual([]);
      }),
      { seed: 8, numRuns: 2000 },
    );
  });

  it("passes nesting up to the limit and refuses one level more, like jsonProblems", () => {
    expect(surelyClean(JSON.stringify(nest(MAX_JSON_DEPTH)))).toBe(true);
    expect(jsonProblems(nest(MAX_JSON_DEPTH))).toEqual([]);
    expect(surelyClean(JSON.stringify(nest(MAX_JSON_DEPTH + 1)))).toBe(false);
    expect(jsonProblems(nest(MAX_JSON_DEPTH + 1))).not.toEqual([]);
  });

  it("brackets and escapes inside strings do not count; NUL and surrogate escapes send it to the full check", () => {
    expect(surelyClean(JSON.stringify({ s: "[".repeat(100), q: 'say "[{"' }))).toBe(true);
    expect(surelyClean('{"a":"x\\u0000y"}')).toBe(false);
    expect(surelyClean('{"a":"\\ud800"}')).toBe(false);
    expect(surelyClean('{"a":"\\uD83D\\uDE00"}')).toBe(false); // a pair: the full check passes it
    expect(jsonProblems(JSON.parse('{"a":"\\uD83D\\uDE00"}'))).toEqual([]);
  });

  it("a clean map layer of 200,000 positions skips the walk", () => {
    const ring = Array.from({ length: 200_000 }, (_, i) => [105 + i / 1e6, 21]);
    const layer = {
      type: "FeatureCollection",
      features: [{ type: "Feature", geometry: { type: "Polygon", coordinates: [ring] } }],
    };
    expect(surelyClean(JSON.stringify({ geojson: layer, attribution: "Sở TN&MT" }))).toBe(true);
  });
});
