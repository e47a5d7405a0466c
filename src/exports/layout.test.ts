import { describe, expect, it } from "vitest";
import {
  dateLine,
  mmToTwip,
  recipientLines,
  splitBody,
  textWidthMm,
  vietnamYear,
  withClosingMark,
} from "./layout.ts";
import { sampleLetter, sampleReport } from "./sample-document.ts";

describe("layout (Decree 30/2020 Appendix I)", () => {
  it("writes the date line with the decree's leading zeros", () => {
    const meta = sampleReport().meta;
    expect(dateLine({ place: "Tuyên Quang", date: "2022-04-05", meta })).toBe(
      "Tuyên Quang, ngày 05 tháng 4 năm 2022",
    );
    expect(dateLine({ place: "Tuyên Quang", date: "2022-02-15", meta })).toBe(
      "Tuyên Quang, ngày 15 tháng 02 năm 2022",
    );
    expect(dateLine({ place: "Tuyên Quang", date: "2022-12-31", meta })).toBe(
      "Tuyên Quang, ngày 31 tháng 12 năm 2022",
    );
  });

  it("leaves a draft's day and month blank, with the year it was built in Vietnam", () => {
    const meta = { ...sampleReport().meta, builtAt: "2022-12-31T18:00:00.000Z" }; // 01:00 on 01/01/2023 in Hà Nội
    expect(dateLine({ place: "Tuyên Quang", date: null, meta })).toBe(
      "Tuyên Quang, ngày      tháng      năm 2023",
    );
    expect(vietnamYear("2026-12-07T10:00:00Z")).toBe(2026);
  });

  it("ends each recipient with ; and the last with .", () => {
    expect(recipientLines(["UBND tỉnh (báo cáo);", "Lưu: VT, QLCN."])).toEqual([
      "- UBND tỉnh (báo cáo);",
      "- Lưu: VT, QLCN.",
    ]);
    expect(recipientLines(["Lưu: VT"])).toEqual(["- Lưu: VT."]);
  });

  it("appends ./. without doubling the sentence's full stop", () => {
    expect(
      withClosingMark([{ text: "Xin báo cáo." }], true)
        .map((r) => r.text)
        .join(""),
    ).toBe("Xin báo cáo./.");
    const runs = [{ text: "Xin " }, { text: "báo cáo", bold: true }, { text: " " }];
    expect(
      withClosingMark(runs, true)
        .map((r) => r.text)
        .join(""),
    ).toBe("Xin báo cáo./.");
    expect(
      withClosingMark([{ text: "a." }], false)
        .map((r) => r.text)
        .join(""),
    ).toBe("a.");
  });

  it("puts the annex after the signed text, and keeps an annex-only document in order", () => {
    const { main, annexes } = splitBody(sampleReport());
    expect(main.at(-1)?.kind).toBe("paragraph");
    expect(annexes[0]?.kind).toBe("table");
    const only = sampleReport({ body: annexes });
    expect(splitBody(only).annexes).toEqual([]);
    expect(splitBody(sampleLetter()).annexes).toEqual([]);
  });

  it("has the page and margins in the units each writer needs", () => {
    expect(mmToTwip(210)).toBe(11906);
    expect(mmToTwip(297)).toBe(16838);
    expect(mmToTwip(30)).toBe(1701);
    expect(textWidthMm({ orientation: "portrait" })).toBe(165);
    expect(textWidthMm({ orientation: "landscape" })).toBe(252);
  });
});
