import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { romanToInt } from "./roman.ts";
import { compareTaskCodes, parentCode, taskCodeSortKey } from "./task-code.ts";

const sign = (n: number) => Math.sign(n);

describe("compareTaskCodes", () => {
  it.each([
    ["4.9", "4.10"],
    ["9", "10"],
    ["2", "2a"],
    ["2a", "2b"],
    ["2b", "3"],
    ["2", "2.1"],
    ["2.1", "2a"],
    ["2.9", "2.10"],
    ["8.10", "9"],
    ["I", "II"],
    ["II.1", "II.2"],
    ["II.2", "III"],
    ["IX", "X"],
    ["XIX", "XX"],
    ["d", "đ"],
    ["đ", "e"],
    ["h", "i"],
  ])("%s < %s", (a, b) => {
    expect(compareTaskCodes(a, b)).toBeLessThan(0);
    expect(compareTaskCodes(b, a)).toBeGreaterThan(0);
  });

  it.each([
    ["1.", "1"],
    [" 2.3 ", "2.3"],
    ["05", "5"],
    ["II", "2"],
    ["2A", "2a"],
    ["a)", "a"],
  ])("%j equals %j", (a, b) => {
    expect(compareTaskCodes(a, b)).toBe(0);
  });

  it("sorts a plan's codes as a reader does", () => {
    const codes = ["4.10", "2a", "10", "4.9", "2", "1", "2.1", "9", "2b", "4"];
    expect([...codes].sort(compareTaskCodes)).toEqual([
      "1",
      "2",
      "2.1",
      "2a",
      "2b",
      "4",
      "4.9",
      "4.10",
      "9",
      "10",
    ]);
  });
});

describe("taskCodeSortKey", () => {
  it.each([
    ["4.10", "0004.0010"],
    ["4.9", "0004.0009"],
    ["2a", "0002a"],
    ["II.1", "0002.0001"],
    ["1.", "0001"],
    ["10", "0010"],
    ["", ""],
  ])("%j → %j", (code, key) => {
    expect(taskCodeSortKey(code)).toBe(key);
  });

  it("keys sort as plain strings in the order of compareTaskCodes", () => {
    const roman = fc
      .integer({ min: 1, max: 20 })
      .map(
        (n) =>
          [
            "I",
            "II",
            "III",
            "IV",
            "V",
            "VI",
            "VII",
            "VIII",
            "IX",
            "X",
            "XI",
            "XII",
            "XIII",
            "XIV",
            "XV",
            "XVI",
            "XVII",
            "XVIII",
            "XIX",
            "XX",
          ][n - 1] ?? "I",
      );
    const segment = fc.oneof(
      fc.integer({ min: 0, max: 120 }).map(String),
      fc.integer({ min: 0, max: 99_999_999 }).map(String),
      fc
        .tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom("a", "b", "c", "d", "đ", "e", "i", "A", "ab"))
        .map(([n, l]) => `${n}${l}`),
      fc.constantFrom("a", "b", "đ", "i", "x", "y", "05", "0"),
      roman,
    );
    const code = fc.oneof(
      fc
        .array(segment, { minLength: 1, maxLength: 4 })
        .chain((segs) => fc.constantFrom(".", "-", ". ", ")").map((sep) => segs.join(sep))),
      fc.string({ maxLength: 8 }),
    );
    const cmpKeys = (a: string, b: string) => {
      const [x, y] = [taskCodeSortKey(a), taskCodeSortKey(b)];
      return x < y ? -1 : x > y ? 1 : 0;
    };
    fc.assert(
      fc.property(fc.array(code, { maxLength: 20 }), (codes) => {
        expect([...codes].sort(cmpKeys)).toEqual([...codes].sort(compareTaskCodes));
        for (const a of codes)
          for (const b of codes) expect(sign(cmpKeys(a, b))).toBe(sign(compareTaskCodes(a, b)));
      }),
      { numRuns: 500 },
    );
  });
});

describe("parentCode", () => {
  it.each([
    ["2.3", "2"],
    ["2a", "2"],
    ["1", null],
    ["1.", null],
    ["4.10", "4"],
    ["2.3a", "2.3"],
    ["II.1", "II"],
    ["II", null],
    ["", null],
  ])("%j → %j", (code, parent) => {
    expect(parentCode(code)).toBe(parent);
  });

  it("a child sorts after its parent", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 2, maxLength: 4 }), (parts) => {
        const code = parts.join(".");
        const parent = parentCode(code);
        expect(parent).toBe(parts.slice(0, -1).join("."));
        expect(compareTaskCodes(parent ?? "", code)).toBeLessThan(0);
      }),
    );
  });
});

describe("romanToInt", () => {
  it.each([
    ["I", 1],
    ["IV", 4],
    ["IX", 9],
    ["XIV", 14],
    ["XX", 20],
    ["MCMXCIX", 1999],
  ])("%s → %d", (text, n) => {
    expect(romanToInt(text)).toBe(n);
  });
  it.each(["", "IIII", "iv", "VX", "IC", "A"])("%j is not a numeral", (text) => {
    expect(romanToInt(text)).toBeNull();
  });
});
