/**
 * A plain table (title, headers, rows) to bytes: CSV (RFC 4180, UTF-8 with a BOM so Excel opens
 * Vietnamese text correctly, CRLF) or XLSX (one sheet, bold header row, frozen and filterable).
 * Pure: model → bytes; numbers stay numbers in XLSX so a clerk can sum them.
 */
import ExcelJS from "exceljs";

export type Cell = string | number | null;

export interface PlainTable {
  /** The sheet's name and the first line of the file's title (e.g. "Nhiệm vụ quá hạn"). */
  title: string;
  /** A second title line: the plan and the as-of date, in words ("Số liệu đến ngày 31/12/2023"). */
  subtitle: string;
  headers: string[];
  rows: Cell[][];
}

const csvCell = (v: Cell) => {
  if (v === null) return "";
  const s = String(v);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV: the header row then the data rows (the titles are in the file name, not in the data). */
export function tableToCsv(t: PlainTable): Uint8Array {
  const lines = [t.headers, ...t.rows].map((r) => r.map(csvCell).join(","));
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

/** XLSX: title, subtitle, an empty line, then the table with an autofilter on its header. */
export async function tableToXlsx(t: PlainTable): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "kehoach";
  // A fixed date: the same table gives the same file.
  wb.created = new Date(Date.UTC(2021, 0, 1));
  wb.modified = wb.created;
  // Sheet names: at most 31 characters, none of []:*?/\
  const ws = wb.addWorksheet(t.title.replace(/[[\]:*?/\\]/g, " ").slice(0, 31));
  ws.addRow([t.title]).font = { bold: true, size: 13 };
  ws.addRow([t.subtitle]).font = { italic: true };
  ws.addRow([]);
  const header = ws.addRow(t.headers);
  header.font = { bold: true };
  for (const r of t.rows) ws.addRow(r);
  const first = 4;
  ws.autoFilter = {
    from: { row: first, column: 1 },
    to: { row: first + t.rows.length, column: t.headers.length },
  };
  ws.views = [{ state: "frozen", ySplit: first }];
  t.headers.forEach((h, i) => {
    const widest = Math.max(h.length, ...t.rows.map((r) => String(r[i] ?? "").length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(8, widest + 2));
  });
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
