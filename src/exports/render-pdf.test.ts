import { describe, expect, it } from "vitest";
import { splitBody } from "./layout.ts";
import { inkShare, poppler, popplerAvailable } from "./poppler.test-support.ts";
import { renderPdf } from "./render-pdf.ts";
import { sampleLetter, sampleReport } from "./sample-document.ts";

const lines = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");

describe.runIf(popplerAvailable())("PDF writer (read back with poppler)", async () => {
  const report = await renderPdf(sampleReport());
  const pages = Number(poppler("pdfinfo", report).match(/Pages:\s+(\d+)/)?.[1]);

  it("is A4 portrait, several pages, dated by builtAt", () => {
    const info = poppler("pdfinfo", report);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(info).toMatch(/CreationDate:\s+Tue Apr\s+5 02:30:00 2022 UTC/);
    expect(info).toMatch(/ModDate:\s+Tue Apr\s+5 02:30:00 2022 UTC/);
    expect(info).toContain("Author:          SỞ CÔNG THƯƠNG");
  });

  it("embeds the four Liberation Serif faces and no other font", () => {
    const fonts = lines(poppler("pdffonts", report)).slice(2);
    const names = fonts.map((l) => l.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, ""));
    expect(names.sort()).toEqual(
      [
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-BoldItalic",
        "LiberationSerif-Italic",
      ].sort(),
    );
    for (const l of fonts) expect(l).toMatch(/\syes\s+yes\s+yes\s/); // embedded, subset, unicode map
  });

  it("page 1 holds the header elements in Vietnamese, and no page number", () => {
    const p1 = lines(poppler("pdftotext", report, ["-f", "1", "-l", "1", "-layout"]));
    const text = p1.join("\n");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toMatch(/UBND TỈNH TUYÊN QUANG\s+CỘNG HÒA/); // level, issuer left
    expect(text).toMatch(/Số: 15\/BC-SCT\s+Tuyên Quang, ngày 05 tháng 4 năm 2022/);
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("Giá trị sản xuất công nghiệp");
    expect(p1.some((l) => /^\d+$/.test(l))).toBe(false);
  });

  it("numbers every page from 2, centred at the top", () => {
    for (const n of [2, pages]) {
      const first = lines(poppler("pdftotext", report, ["-f", String(n), "-l", String(n), "-layout"]))[0];
      expect(first).toBe(String(n));
    }
  });

  it("ends the text with ./. then Nơi nhận and the signature, before the annex", () => {
    const all = poppler("pdftotext", report, ["-layout"]);
    expect(all).toContain("kèm theo./.");
    expect(all).not.toContain("../.");
    const close = all.indexOf("./.");
    const recipients = all.indexOf("Nơi nhận:");
    const annex = all.indexOf("PHỤ LỤC: KẾT QUẢ THỰC HIỆN");
    expect(close).toBeGreaterThan(0);
    expect(recipients).toBeGreaterThan(close);
    expect(annex).toBeGreaterThan(recipients);
    expect(all).toMatch(/- Lưu: VT, QLCN\./);
    expect(all).toMatch(/- UBND tỉnh \(báo cáo\);/);
    expect(all).toContain("PHÓ GIÁM ĐỐC");
    expect(all).toContain("Nguyễn Văn Hùng");
  });

  it("repeats the annex header and number row on every annex page", () => {
    const last = poppler("pdftotext", report, ["-f", String(pages), "-l", String(pages), "-layout"]);
    expect(last).toContain("Nội dung nhiệm vụ");
    expect(last).toMatch(/\(1\)\s+\(2\)\s+\(3\)/);
    const all = poppler("pdftotext", report, ["-layout"]);
    expect(all).toContain("8.10"); // the 54th task reached the file
  });

  it("draws something on page 1 (not a blank page)", () => {
    const ink = inkShare(report, 1);
    expect(ink).toBeGreaterThan(0.01);
    expect(ink).toBeLessThan(0.5);
  });

  it("is the same bytes every time", async () => {
    const again = await renderPdf(sampleReport());
    expect(Buffer.from(again).equals(Buffer.from(report))).toBe(true);
  });

  it("turns the page for a landscape document", async () => {
    const pdf = await renderPdf(sampleReport({ orientation: "landscape" }));
    expect(poppler("pdfinfo", pdf)).toMatch(/Page size:\s+841\.89 x 595\.28 pts/);
  });

  it("writes a draft letter: blank day and month, V/v, Kính gửi", async () => {
    const text = poppler("pdftotext", await renderPdf(sampleLetter()), ["-layout"]);
    expect(text).toMatch(/Tuyên Quang, ngày\s+tháng\s+năm 2022/);
    expect(text).toContain("V/v đôn đốc báo cáo");
    expect(text).toContain("Kính gửi:");
    expect(text).toContain("- Sở Kế hoạch và Đầu tư;");
    expect(text).toContain("Ủy ban nhân dân tỉnh./.");
    expect(text).toMatch(/- Như trên;/);
  });

  it("never leaves a heading as the last line of a page", async () => {
    const base = sampleReport();
    const { main } = splitBody(base);
    const headings = main.flatMap((b) => (b.kind === "heading" ? [b.text] : []));
    const filler = { kind: "paragraph" as const, runs: [{ text: "Nội dung bổ sung của báo cáo." }] };
    for (let k = 0; k < 6; k++) {
      const pdf = await renderPdf({ ...base, body: [...Array(k).fill(filler), ...main] });
      const n = Number(poppler("pdfinfo", pdf).match(/Pages:\s+(\d+)/)?.[1]);
      for (let page = 1; page < n; page++) {
        const last = lines(poppler("pdftotext", pdf, ["-f", String(page), "-l", String(page), "-layout"])).at(
          -1,
        );
        expect(headings, `page ${page} with ${k} extra paragraphs ends "${last}"`).not.toContain(last);
      }
    }
  });
});
