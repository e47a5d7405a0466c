import { describe, expect, it } from "vitest";
import { applyMine, checkValues, formOf, sameForm, saveBody } from "./report-draft.ts";
import type { RequestedIndicator } from "./reporting-types.ts";

const indicator: RequestedIndicator = {
  code: "industrial_production_value_2010_prices",
  nameVi: "Giá trị sản xuất công nghiệp (giá so sánh 2010)",
  nameEn: "Industrial production value (2010 constant prices)",
  unit: "tỷ đồng",
  period: "2025-Q2",
  defaultScope: "Tuyên Quang (pre-merger)",
  validation: { min: 0, max: null, maxJumpPct: 30 },
  previous: null,
};

describe("indicator figures in the report form", () => {
  it("shows a stored figure the Vietnamese way and sends what is typed as a number", () => {
    const f = formOf(
      null,
      [],
      [],
      [
        {
          indicatorCode: indicator.code,
          scope: indicator.defaultScope,
          kind: "official",
          value: 6100.5,
          comment: null,
        },
      ],
      [indicator],
    );
    expect(f.values?.[indicator.code]?.value).toBe("6.100,5");
    const typed = {
      ...f,
      values: {
        [indicator.code]: {
          value: "27.700,25",
          kind: "estimate" as const,
          scope: indicator.defaultScope,
          comment: " ",
        },
      },
    };
    expect(saveBody(typed, [], 4, [indicator]).indicatorValues).toEqual([
      {
        indicatorCode: indicator.code,
        scope: indicator.defaultScope,
        kind: "estimate",
        value: 27700.25,
        comment: null,
      },
    ]);
  });

  it("an empty value is no figure; a value that is not a number is a problem before sending", () => {
    const f = formOf(null, [], [], [], [indicator]);
    expect(saveBody(f, [], 0, [indicator]).indicatorValues).toEqual([]);
    const bad = {
      ...f,
      values: {
        [indicator.code]: {
          value: "6,100.5",
          kind: "estimate" as const,
          scope: indicator.defaultScope,
          comment: "",
        },
      },
    };
    expect(checkValues(bad)).toEqual({ [indicator.code]: "ri.notANumber" });
    expect(checkValues(f)).toEqual({});
  });

  it("a draft kept before figures existed equals an empty card; my typed figure survives a conflict merge", () => {
    const f = formOf("S", [], [], [], [indicator]);
    expect(sameForm({ summary: "S", updates: {} }, f)).toBe(true);
    const mine = {
      ...f,
      values: {
        [indicator.code]: {
          value: "5.800",
          kind: "estimate" as const,
          scope: indicator.defaultScope,
          comment: "",
        },
      },
    };
    const theirs = formOf("T", [], [], [], [indicator]);
    expect(applyMine(theirs, mine, f).values?.[indicator.code]?.value).toBe("5.800");
    expect(applyMine(theirs, mine, f).summary).toBe("T");
  });
});
