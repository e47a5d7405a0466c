import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "../domain/errors.ts";
import { renderXlsx, sheetName } from "./render-xlsx.ts";
import { sampleLetter, sampleReport } from "./sample-document.ts";

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

describe("XLSX writer (read back with exceljs)", async () => {
  const bytes = await renderXlsx(sampleReport());
  const book = await read(bytes);
  const ws = book.worksheets[0];

  it("writes the annex as one sheet named by the table", () => {
    expect(book.worksheets).toHaveLength(1);
    expect(ws?.name).toBe("Nhiệm vụ quý I-2022");
  });

  it("has the caption, a bold header, the number row and every row", () => {
    if (!ws) throw new Error("no sheet");
    expect(ws.getCell("A1").value).toBe("PHỤ LỤC: KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ QUÝ I NĂM 2022");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A2").value).toBe("(Kèm theo Báo cáo số 15/BC-SCT ngày 05/4/2022 của Sở Công Thương)");
    expect(ws.getCell("A2").font?.italic).toBe(true);
    const header = ws.getRow(4);
    expect(header.getCell(2).value).toBe("Nội dung nhiệm vụ");
    expect(header.getCell(2).font?.bold).toBe(true);
    expect(header.getCell(2).font?.name).toBe("Times New Roman");
    expect(ws.getRow(5).getCell(6).value).toBe("(6)");
    expect(ws.getCell("A6").value).toBe("1");
    expect(ws.getCell("C6").value).toBe("Sở Thông tin và Truyền thông");
    expect(ws.getCell("A7").font?.bold).toBe(true); // group row "2"
    expect(ws.getCell(`A${5 + 61}`).value).toBe("8.10");
    expect(ws.rowCount).toBe(5 + 61);
    expect(ws.getCell("B8").alignment?.wrapText).toBe(true);
  });

  it("filters on the header, freezes it, prints A4 with it repeated", () => {
    if (!ws) throw new Error("no sheet");
    expect(ws.autoFilter).toBe("A4:F66");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe("portrait");
    expect(ws.pageSetup.printTitlesRow).toBe("4:5");
    const widths = ws.columns.map((c) => c.width ?? 0);
    expect(widths[1]).toBeGreaterThan(widths[0] ?? 0);
  });

  it("is the same bytes every time, dated by builtAt", async () => {
    expect(book.created?.toISOString()).toBe("2022-04-05T02:30:00.000Z");
    const again = await renderXlsx(sampleReport());
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it("refuses a document without a table, in Vietnamese and English", async () => {
    const err = await renderXlsx(sampleLetter()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("VALIDATION");
    expect((err as AppError).messageVi).toContain("không có bảng");
    expect((err as AppError).message).toContain("no table");
  });

  it("keeps sheet names within Excel's rules", () => {
    const taken = new Set<string>();
    const long = sheetName("Kết quả thực hiện các nhiệm vụ quý I năm 2022: bảng tổng hợp", taken);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long).not.toMatch(/[:\\/?*[\]]/);
    const again = sheetName("Kết quả thực hiện các nhiệm vụ quý I năm 2022: bảng tổng hợp", taken);
    expect(again).not.toBe(long);
    expect(again.length).toBeLessThanOrEqual(31);
  });
});
