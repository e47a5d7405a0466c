/**
 * OfficialDocument → XLSX: each table of the document as a sheet, for the clerk who sorts, filters
 * and adds up the annex (Appendix I's annex table: title, bold header, the number row). Print setup
 * A4 with the decree's margins, so a printed sheet looks like the annex. Only documents with tables.
 */
import ExcelJS from "exceljs";
import { AppError } from "../domain/errors.ts";
import type { Block, OfficialDocument } from "../domain/official-document.ts";
import {
  cellParts,
  FONT_NAME,
  MARGIN_MM,
  numberRowLabels,
  SIZE,
  stampDate,
  tableCaption,
  tablesOf,
} from "./layout.ts";
import { stampOoxml } from "./ooxml-stamp.ts";

type TableBlock = Extract<Block, { kind: "table" }>;

/** Excel's sheet-name rules: ≤ 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[:\\/?*[\]]/g, "-")
      .replace(/^'+|'+$/g, "")
      .trim()
      .slice(0, 31) || "Bảng";
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++)
    name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

const INCH_PER_MM = 1 / 25.4;
/** Column widths in Excel characters: the relative widths scaled to about 120 characters in all. */
const TOTAL_CHARS = 120;

function addSheet(book: ExcelJS.Workbook, b: TableBlock, name: string): void {
  const n = b.columns.length;
  const sum = b.columns.reduce((s, c) => s + (c.width > 0 ? c.width : 1), 0);
  const wide = n > 6 || sum === 0;
  const ws = book.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: wide ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: {
        left: MARGIN_MM.left * INCH_PER_MM,
        right: MARGIN_MM.right * INCH_PER_MM,
        top: MARGIN_MM.top * INCH_PER_MM,
        bottom: MARGIN_MM.bottom * INCH_PER_MM,
        header: (MARGIN_MM.top / 2) * INCH_PER_MM,
        footer: (MARGIN_MM.bottom / 2) * INCH_PER_MM,
      },
    },
  });
  const font = (o: { bold?: boolean; italic?: boolean } = {}) => ({
    name: FONT_NAME,
    size: SIZE.table,
    bold: o.bold === true,
    italic: o.italic === true,
  });
  ws.columns = b.columns.map((c) => ({
    width: Math.max(6, ((c.width > 0 ? c.width : 1) / sum) * TOTAL_CHARS),
  }));
  let row = 1;
  for (const c of tableCaption(b)) {
    ws.mergeCells(row, 1, row, n);
    const cell = ws.getCell(row, 1);
    cell.value = c.text;
    cell.font = { ...font(c), size: SIZE.annexTitle };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    row++;
  }
  if (row > 1) row++; // one blank row between the caption and the table
  const thin = { style: "thin" as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const headerRow = row;
  const put = (r: number, values: string[], o: { bold?: boolean; italic?: boolean }[], align: string[]) => {
    values.forEach((v, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = v;
      cell.font = font(o[i]);
      cell.border = border;
      cell.alignment = { horizontal: align[i] as "left", vertical: "middle", wrapText: true };
    });
  };
  put(
    row++,
    b.columns.map((c) => c.header),
    b.columns.map(() => ({ bold: true })),
    b.columns.map(() => "center"),
  );
  if (b.numberRow) {
    put(
      row++,
      numberRowLabels(b.columns),
      b.columns.map(() => ({ italic: true })),
      b.columns.map(() => "center"),
    );
  }
  const frozen = row - 1;
  for (const r of b.rows) {
    const parts = b.columns.map((_, i) => cellParts(r[i] ?? ""));
    put(
      row++,
      parts.map((p) => p.text),
      parts,
      parts.map((p, i) => p.align ?? b.columns[i]?.align ?? "left"),
    );
  }
  // The filter sits on the header row; the frozen rows are the caption, header and number row.
  ws.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: Math.max(headerRow, row - 1), column: n },
  };
  ws.views = [{ state: "frozen", ySplit: frozen, xSplit: 0 }];
  ws.pageSetup.printTitlesRow = `${headerRow}:${frozen}`;
}

/** Writes the XLSX; a document without tables is refused (VALIDATION, vi + en). */
export async function renderXlsx(doc: OfficialDocument): Promise<Uint8Array> {
  const tables = tablesOf(doc);
  if (tables.length === 0) {
    throw new AppError(
      "VALIDATION",
      {
        en: "format: this document has no table, so it cannot be written as XLSX; choose DOCX or PDF",
        vi: "format: văn bản này không có bảng nên không xuất được tệp XLSX; hãy chọn DOCX hoặc PDF",
      },
      { fields: [{ field: "format", reason: "no table to export", reasonVi: "không có bảng để xuất" }] },
    );
  }
  const at = stampDate(doc);
  const book = new ExcelJS.Workbook();
  book.creator = doc.issuer;
  book.lastModifiedBy = doc.issuer;
  book.created = at;
  book.modified = at;
  book.title = [doc.title, doc.summary].filter(Boolean).join(" ");
  const taken = new Set<string>();
  tables.forEach((b, i) => {
    addSheet(book, b, sheetName(b.sheet ?? b.title ?? `Bảng ${i + 1}`, taken));
  });
  const raw = await book.xlsx.writeBuffer();
  return stampOoxml(new Uint8Array(raw as ArrayBuffer), at);
}
