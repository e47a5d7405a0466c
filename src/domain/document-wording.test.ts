import { describe, expect, it } from "vitest";
import {
  agencyAbbreviation,
  continueSentence,
  countText,
  deputySignature,
  draftNumberLine,
  endSentence,
  issuerParentLine,
  joinVi,
  periodInWords,
  shortContent,
  vnDateText,
} from "./document-wording.ts";
import { calendarSpan, nextPeriodLabel, samePeriodLastYear } from "./period-span.ts";
import { measureSentence } from "./target-sentence.ts";

describe("document wording", () => {
  it("writes a period in words as a summary line does", () => {
    expect(periodInWords("2022-Q1")).toBe("Quý I năm 2022");
    expect(periodInWords("2022-Q4")).toBe("Quý IV năm 2022");
    expect(periodInWords("2022-03")).toBe("tháng 3 năm 2022");
    expect(periodInWords("2022-H1")).toBe("6 tháng đầu năm 2022");
    expect(periodInWords("2022-H2")).toBe("6 tháng cuối năm 2022");
    expect(periodInWords("2022-9M")).toBe("9 tháng năm 2022");
    expect(periodInWords("2022")).toBe("năm 2022");
    expect(() => periodInWords("2022-Q5")).toThrow(RangeError);
  });

  it("derives the letterhead and the number from the province and the agency, not from constants", () => {
    expect(issuerParentLine("Tuyên Quang", null)).toBe("UBND TỈNH TUYÊN QUANG");
    expect(issuerParentLine("Lào Cai", null)).toBe("UBND TỈNH LÀO CAI");
    expect(issuerParentLine("", "Bộ Công Thương")).toBe("BỘ CÔNG THƯƠNG");
    expect(agencyAbbreviation("Sở Công Thương", "SCT")).toBe("SCT");
    expect(agencyAbbreviation("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT")).toBe("SKHĐT");
    expect(agencyAbbreviation("Sở Tài nguyên và Môi trường")).toBe("STNMT");
    expect(draftNumberLine("BC", "SCT")).toBe("Số:      /BC-SCT");
    expect(deputySignature("Sở Công Thương")).toEqual({ lines: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], name: "" });
    expect(deputySignature("Ban Quản lý các khu công nghiệp tỉnh").lines).toEqual([
      "KT. TRƯỞNG BAN",
      "PHÓ TRƯỞNG BAN",
    ]);
  });

  it("writes dates, counts and lists the Vietnamese way", () => {
    expect(vnDateText("2022-04-05")).toBe("05/04/2022");
    expect(countText(2, "nhiệm vụ")).toBe("02 nhiệm vụ");
    expect(countText(54, "nhiệm vụ")).toBe("54 nhiệm vụ");
    expect(joinVi(["1.1", "1.2", "2.3"])).toBe("1.1, 1.2 và 2.3");
    expect(joinVi(["1.1"])).toBe("1.1");
    expect(continueSentence("Công tác giải phóng mặt bằng còn chậm")).toBe(
      "công tác giải phóng mặt bằng còn chậm",
    );
    expect(continueSentence("Đề nghị UBND tỉnh chỉ đạo")).toBe("đề nghị UBND tỉnh chỉ đạo");
    expect(continueSentence("Sở Công Thương chủ trì họp")).toBe("Sở Công Thương chủ trì họp");
    expect(continueSentence("UBND tỉnh chỉ đạo")).toBe("UBND tỉnh chỉ đạo");
    expect(endSentence("Đã hoàn thành;")).toBe("Đã hoàn thành.");
    expect(endSentence("Đã hoàn thành.")).toBe("Đã hoàn thành.");
    const cut = shortContent(`${"Xây dựng kế hoạch ".repeat(20)}.`, 60);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(61);
  });
});

describe("period spans", () => {
  it("reads a period as its calendar months and finds the next one", () => {
    expect(calendarSpan("2022-Q1")).toEqual({ label: "2022-Q1", start: "2022-01-01", end: "2022-03-31" });
    expect(calendarSpan("2024-02").end).toBe("2024-02-29");
    expect(calendarSpan("2022-9M")).toMatchObject({ start: "2022-01-01", end: "2022-09-30" });
    expect(nextPeriodLabel("2022-Q4")).toBe("2023-Q1");
    expect(nextPeriodLabel("2022-12")).toBe("2023-01");
    expect(nextPeriodLabel("2022-H1")).toBe("2022-H2");
    expect(nextPeriodLabel("2022-9M")).toBe("2022-Q4");
    expect(nextPeriodLabel("2025")).toBe("2026");
    expect(samePeriodLastYear("2022-Q1")).toBe("2021-Q1");
  });
});

describe("a measure's sentence", () => {
  const base = {
    periodWords: "Quý I năm 2025",
    unit: "tỷ đồng",
    additive: true,
    yearPlan: null,
    lastYear: null,
    cumulative: null,
    latestKnown: null,
    evaluation: "Đúng tiến độ",
  };
  it("gives the figure, the percent of the year's plan and of the same period last year", () => {
    expect(
      measureSentence({
        ...base,
        value: { value: 5447, kindLabel: "Sơ bộ" },
        yearPlan: { value: 27700, from: "plan" },
        lastYear: 4862.5,
      }),
    ).toBe(
      "Quý I năm 2025 đạt 5.447 tỷ đồng (số liệu sơ bộ), bằng 19,7% kế hoạch năm, bằng 112% so với cùng kỳ năm trước; đánh giá: đúng tiến độ.",
    );
  });
  it("says plainly that a figure is missing, with the latest one known", () => {
    expect(
      measureSentence({
        ...base,
        value: null,
        latestKnown: { when: "năm 2021", value: 15156, kindLabel: "Sơ bộ" },
        evaluation: "Chưa đủ số liệu",
      }),
    ).toBe("chưa có số liệu Quý I năm 2025; số liệu gần nhất: năm 2021 đạt 15.156 tỷ đồng (sơ bộ).");
  });
  it("compares a percentage by its level, not as a share of the plan", () => {
    const s = measureSentence({
      ...base,
      unit: "%",
      additive: false,
      value: { value: 16.6, kindLabel: "" },
      yearPlan: { value: 16.6, from: "plan" },
    });
    expect(s).toContain("đạt 16,6%");
    expect(s).toContain("kế hoạch năm: 16,6%");
  });
});
