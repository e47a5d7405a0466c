// The entry forms read numbers the way the reader's language writes them: a Vietnamese "27.700"
// is twenty-seven thousand seven hundred, never 27.7; in English the comma groups thousands.
import { describe, expect, it } from "vitest";
import { optionalNumber, parseNumberInput } from "./types.ts";

describe("parseNumberInput", () => {
  it("reads Vietnamese numbers: dot groups thousands, comma marks decimals", () => {
    expect(parseNumberInput("27.700", "vi")).toBe(27700);
    expect(parseNumberInput("14,9", "vi")).toBe(14.9);
    expect(parseNumberInput("1.234,5", "vi")).toBe(1234.5);
    expect(parseNumberInput(" 25,8% ", "vi")).toBe(25.8);
    expect(parseNumberInput("27,7 tỷ", "vi")).toBeNull();
    expect(parseNumberInput("", "vi")).toBeNull();
  });
  it("reads English numbers: comma groups thousands, dot marks decimals", () => {
    expect(parseNumberInput("27,700", "en")).toBe(27700);
    expect(parseNumberInput("14.9", "en")).toBe(14.9);
    expect(parseNumberInput("1,234.5", "en")).toBe(1234.5);
    expect(parseNumberInput("27,70", "en")).toBeNull();
    expect(parseNumberInput("abc", "en")).toBeNull();
  });
  it("an optional field: blank is null, anything unreadable NaN", () => {
    expect(optionalNumber("  ", "vi")).toBeNull();
    expect(optionalNumber("35,5", "vi")).toBe(35.5);
    expect(optionalNumber("ba mươi", "vi")).toBeNaN();
  });
});
