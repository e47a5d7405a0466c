import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatVnNumber, formatVnPercent, parseVnNumber } from "./vn-number.ts";

describe("parseVnNumber", () => {
  it.each([
    ["27.700", 27700],
    ["138.700", 138700],
    ["25,8", 25.8],
    ["1.234,5", 1234.5],
    ["1.234.567,25", 1234567.25],
    ["05", 5],
    ["0,5", 0.5],
    ["1.5", 1.5],
    ["0.500", 0.5],
    ["12.34", 12.34],
    ["1.500", 1500],
    ["27700", 27700],
    [" 14,9 ", 14.9],
    ["-3,5", -3.5],
    ["+1.000", 1000],
    ["0", 0],
    ["-0", 0],
  ])("%j → %d", (text, value) => {
    expect(parseVnNumber(text)).toBe(value);
  });

  it.each([
    "",
    " ",
    ".",
    ",",
    "1,2,3",
    "12.34.567",
    "1.23,4",
    "27.700 tỷ",
    "25,8%",
    "abc",
    "1e5",
    "1.234.5678",
    "--1",
  ])("%j is not a number", (text) => {
    expect(parseVnNumber(text)).toBeNull();
  });

  it("never throws and returns a finite number or null", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[-+]?[\d.,]{0,12}$/)), (s) => {
        const n = parseVnNumber(s);
        expect(n === null || Number.isFinite(n)).toBe(true);
      }),
    );
  });
});

describe("formatVnNumber", () => {
  it.each([
    [27700, undefined, "27.700"],
    [14.9, undefined, "14,9"],
    [1234567.25, undefined, "1.234.567,25"],
    [0, undefined, "0"],
    [-0, undefined, "0"],
    [999, undefined, "999"],
    [1000, undefined, "1.000"],
    [-27700.5, undefined, "-27.700,5"],
    [14, 1, "14,0"],
    [2.345, 2, "2,35"],
    [1234.5, 0, "1.235"],
    [-0.001, 1, "0,0"],
    [1e21, undefined, "1.000.000.000.000.000.000.000"],
    [1e-7, undefined, "0,0000001"],
    [Number.NaN, undefined, "NaN"],
  ])("%d (%s decimals) → %j", (n, digits, text) => {
    expect(formatVnNumber(n, digits)).toBe(text);
  });

  it("writes percentages with a decimal comma", () => {
    expect(formatVnPercent(14.9)).toBe("14,9%");
    expect(formatVnPercent(25.8)).toBe("25,8%");
    expect(formatVnPercent(50, 1)).toBe("50,0%");
  });

  it("reads back what it writes: integers", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(parseVnNumber(formatVnNumber(n))).toBe(n + 0);
      }),
    );
  });

  it("reads back what it writes: numbers with up to 2 decimals", () => {
    const hundredths = fc.integer({ min: -1e13, max: 1e13 }).map((k) => k / 100);
    const tenths = fc.integer({ min: -1e13, max: 1e13 }).map((k) => k / 10);
    fc.assert(
      fc.property(fc.oneof(hundredths, tenths), (n) => {
        expect(parseVnNumber(formatVnNumber(n))).toBe(n + 0);
      }),
    );
  });

  it("reads back what it writes with fixed decimals, to that precision", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 2 }), (k, digits) => {
        const n = k / 10 ** digits;
        expect(parseVnNumber(formatVnNumber(n, digits))).toBeCloseTo(n, digits);
      }),
    );
  });

  it("groups thousands with dots and never writes a decimal dot", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = formatVnNumber(n);
        expect(text).toMatch(/^-?\d{1,3}(\.\d{3})*(,\d+)?$/);
      }),
    );
  });
});
