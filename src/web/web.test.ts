import { describe, expect, it } from "vitest";
import { formatDate, formatNumber, formatPeriod, formatQuantity, formatRate } from "./format.ts";
import { messages, translate } from "./i18n.ts";
import { match } from "./router.tsx";
import { safeNext } from "./safe-next.ts";

describe("formatNumber", () => {
  it("writes Vietnamese numbers with dot groups and a decimal comma", () => {
    expect(formatNumber(27700, "vi")).toBe("27.700");
    expect(formatNumber(138700, "vi")).toBe("138.700");
    expect(formatNumber(25.8, "vi")).toBe("25,8");
    expect(formatNumber(1234567.25, "vi")).toBe("1.234.567,25");
    expect(formatNumber(5, "vi")).toBe("5");
    expect(formatNumber(-1000, "vi")).toBe("-1.000");
  });
  it("keeps the zeros of whole numbers without decimals (rates printed '0 (%)', 100 % as '1%')", () => {
    expect(formatNumber(0, "vi", 0)).toBe("0");
    expect(formatNumber(100, "vi", 0)).toBe("100");
    expect(formatNumber(2.5, "vi", 0)).toBe("3");
    expect(formatNumber(10.5, "vi")).toBe("10,5");
    expect(formatNumber(10, "vi")).toBe("10");
    expect(formatRate(0, 22, "vi")).toBe("0%");
    expect(formatRate(22, 22, "vi")).toBe("100%");
    expect(formatRate(1, 22, "vi")).toBe("5%");
  });
  it("writes English numbers with comma groups and a decimal point", () => {
    expect(formatNumber(27700, "en")).toBe("27,700");
    expect(formatNumber(25.8, "en")).toBe("25.8");
  });
  it("joins units, with no space before %", () => {
    expect(formatQuantity(25.8, "%", "vi")).toBe("25,8%");
    expect(formatQuantity(27700, "tỷ đồng", "vi")).toBe("27.700 tỷ đồng");
    expect(formatQuantity(5, "", "vi")).toBe("5");
  });
});

describe("formatDate and formatPeriod", () => {
  it("shows ISO dates as dd/mm/yyyy", () => {
    expect(formatDate("2022-03-31")).toBe("31/03/2022");
    expect(formatDate(null)).toBe("");
    expect(formatDate("Quý I")).toBe("Quý I");
  });
  it("shows a period of years", () => {
    expect(formatPeriod(2021, 2025)).toBe("2021 – 2025");
    expect(formatPeriod(2022, 2022)).toBe("2022");
    expect(formatPeriod(null, null)).toBe("");
  });
});

describe("i18n", () => {
  it("has every key in both languages, with the same {slots}", () => {
    const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.vi).sort());
    for (const key of Object.keys(messages.vi) as (keyof typeof messages.vi)[]) {
      expect(slots(messages.en[key]), key).toEqual(slots(messages.vi[key]));
    }
  });
  it("fills slots and names the other language on the toggle", () => {
    expect(translate("vi", "taskHeading", { code: "3.2" })).toBe("Nhiệm vụ 3.2");
    expect(translate("vi", "langToggle")).toBe("English");
    expect(translate("en", "langToggle")).toBe("Tiếng Việt");
    expect(translate("vi", "cmp.>")).toBe("trên");
    expect(translate("en", "cmp.>=")).toBe("at least");
  });
});

describe("router match", () => {
  it("matches fixed and :param segments", () => {
    expect(match("/", "/")).toEqual({});
    expect(match("/", "/plans")).toBeNull();
    expect(match("/plans/:id", "/plans/12")).toEqual({ id: "12" });
    expect(match("/plans/:id", "/plans/12/")).toEqual({ id: "12" });
    expect(match("/plans/:id", "/plans")).toBeNull();
    expect(match("/agencies", "/agencies")).toEqual({});
    expect(match("/agencies/:id", "/agencies")).toBeNull();
  });
});

describe("safeNext (where sign-in and the password page go next)", () => {
  it("keeps a path of this site", () => {
    expect(safeNext("/plans/1")).toBe("/plans/1");
    expect(safeNext("/my?tab=2#x")).toBe("/my?tab=2#x");
    expect(safeNext("/plans/1/../2")).toBe("/plans/2");
  });
  it("refuses anything that a browser would take to another site, or nothing", () => {
    for (const bad of [
      "/\\host",
      "//host",
      "https://x",
      "/\\/host",
      "%2F%2Fhost",
      "\\\\host",
      "/\t/host",
      "/\n/host",
      " //host",
      "javascript:alert(1)",
      "http:host",
      "",
      null,
      undefined,
    ])
      expect(safeNext(bad), JSON.stringify(bad)).toBeNull();
  });
  it("refuses the sign-in page itself (a loop)", () => {
    expect(safeNext("/login")).toBeNull();
    expect(safeNext("/login?next=/my")).toBeNull();
    expect(safeNext("/loginhelp")).toBe("/loginhelp");
  });
});
