import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { renderDocx } from "./render-docx.ts";
import { sampleLetter, sampleReport } from "./sample-document.ts";

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    const f = zip.files[name];
    if (f && !f.dir) out[name] = await f.async("string");
  }
  return out;
}
/** The visible text of a WordprocessingML part, paragraph by paragraph. */
const paragraphs = (xml: string): string[] =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );

describe("DOCX writer (read back from the zip)", async () => {
  const bytes = await renderDocx(sampleReport());
  const p = await parts(bytes);
  const doc = p["word/document.xml"] ?? "";
  const text = paragraphs(doc);

  it("has the Appendix I header in Vietnamese", () => {
    expect(text).toContain("UBND TỈNH TUYÊN QUANG");
    expect(text).toContain("SỞ CÔNG THƯƠNG");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("Số: 15/BC-SCT");
    expect(text).toContain("Tuyên Quang, ngày 05 tháng 4 năm 2022");
    expect(text).toContain("BÁO CÁO");
    expect(text.some((t) => t.startsWith("Kết quả thực hiện Kế hoạch phát triển công nghiệp"))).toBe(true);
  });

  it("names Times New Roman, A4 portrait and the decree's margins (twips)", () => {
    expect(doc).toContain('w:ascii="Times New Roman"');
    expect(p["word/styles.xml"]).toContain("Times New Roman");
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    // top/bottom 20 mm = 1134, left 30 mm = 1701, right 15 mm = 850
    expect(doc).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  });

  it("numbers pages from 2: a different first-page header without the PAGE field", () => {
    expect(doc).toContain("<w:titlePg/>");
    const rels = p["word/_rels/document.xml.rels"] ?? "";
    const target = (type: string) => {
      const id = doc.match(new RegExp(`<w:headerReference w:type="${type}" r:id="(rId\\d+)"`))?.[1];
      const file = rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))?.[1];
      return p[`word/${file}`] ?? "";
    };
    expect(target("default")).toMatch(/PAGE/);
    expect(target("first")).not.toMatch(/PAGE/);
  });

  it("justifies the body with a 1.27 cm first-line indent and 14 pt type", () => {
    const para =
      doc.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*Giá trị sản xuất công nghiệp[\s\S]*?<\/w:p>/)?.[0] ?? "";
    expect(para).toContain('<w:jc w:val="both"/>');
    expect(para).toContain('w:firstLine="720"');
    expect(para).toContain('<w:sz w:val="28"/>');
  });

  it("keeps a heading with the paragraph after it", () => {
    const heading =
      doc.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*I\. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU[\s\S]*?<\/w:p>/)?.[0] ?? "";
    expect(heading).toContain("<w:keepNext/>");
    expect(heading).toContain("<w:b/>");
  });

  it("ends the text with ./. and lists the recipients with ; and the last with .", () => {
    expect(text.some((t) => t.endsWith("kèm theo./."))).toBe(true);
    expect(text.join("\n")).not.toContain("../.");
    expect(text).toContain("Nơi nhận:");
    expect(text).toContain("- UBND tỉnh (báo cáo);");
    expect(text).toContain("- Lưu: VT, QLCN.");
    expect(text).toContain("KT. GIÁM ĐỐC");
    expect(text).toContain("Nguyễn Văn Hùng");
  });

  it("writes the annex table: repeated bold header, the number row, every task", () => {
    const tables = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const annex = tables.find((t) => t.includes("Nội dung nhiệm vụ")) ?? "";
    const rows = [...annex.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(2 + 61);
    expect(rows[0]).toContain("<w:tblHeader/>");
    expect(rows[0]).toContain("<w:b/>");
    expect(paragraphs(rows[1] ?? "")).toEqual(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]);
    expect(rows[1]).toContain("<w:tblHeader/>");
    expect(paragraphs(rows[rows.length - 1] ?? "")[0]).toBe("8.10");
    expect(text).toContain("PHỤ LỤC: KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ QUÝ I NĂM 2022");
    expect(text).toContain("(Kèm theo Báo cáo số 15/BC-SCT ngày 05/4/2022 của Sở Công Thương)");
  });

  it("stamps builtAt, not the clock, in the properties and the zip", async () => {
    expect(p["docProps/core.xml"]).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2022-04-05T02:30:00Z',
    );
    expect(p["docProps/core.xml"]).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2022-04-05T02:30:00Z',
    );
    const zip = await JSZip.loadAsync(bytes);
    for (const f of Object.values(zip.files)) expect(f.date.toISOString()).toBe("2022-04-05T02:30:00.000Z");
    const again = await renderDocx(sampleReport());
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it("turns the page for a landscape document", async () => {
    const d = (await parts(await renderDocx(sampleReport({ orientation: "landscape" }))))[
      "word/document.xml"
    ];
    expect(d).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  it("writes a draft letter: blank day and month, V/v under the number, Kính gửi", async () => {
    const t = paragraphs((await parts(await renderDocx(sampleLetter())))["word/document.xml"] ?? "");
    expect(t).toContain("Tuyên Quang, ngày      tháng      năm 2022");
    expect(
      t.indexOf("V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch phát triển công nghiệp quý I năm 2022"),
    ).toBe(t.indexOf("Số:       /SCT-QLCN") + 1);
    expect(t).toContain("Kính gửi:");
    expect(t).toContain("- Ban Quản lý các khu công nghiệp tỉnh.");
    expect(t).toContain("- Như trên;");
  });
});
