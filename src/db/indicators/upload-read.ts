/**
 * Reading an uploaded file of indicator values into rows — pure (no database), so it runs in a
 * worker thread (src/server/workers) as well as in process. Limits first (issue 8, defect 3): the
 * byte size, then the row limit while reading (an XLSX sheet is streamed and reading stops past
 * the limit; a CSV stops splitting there), and an XLSX's unpacked size (a zip bomb is refused).
 */
import { AppError } from "../../domain/errors.ts";
import { parseVnNumber } from "../../domain/vn-number.ts";
import { parseCsv } from "./csv.ts";
import { type Cell, readXlsxRows } from "./xlsx-rows.ts";
import { ZipProblem } from "./zip-read.ts";

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_UPLOAD_ROWS = 5000;
/** An upload's workbook may unpack to at most this (a zip bomb is refused past it). */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

export const COLUMNS = [
  "indicator",
  "period",
  "scope",
  "kind",
  "value",
  "unit",
  "source",
  "comment",
] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: Column[] = ["indicator", "period", "scope", "kind", "value", "source"];

/** Header words accepted for each column (the part before any "(…)" explanation, lower case). */
const HEADER_WORDS: Record<Column, string[]> = {
  indicator: ["indicator", "code", "mã chỉ tiêu", "chỉ tiêu"],
  period: ["period", "kỳ"],
  scope: ["scope", "phạm vi", "địa bàn"],
  kind: ["kind", "loại", "loại số liệu"],
  value: ["value", "giá trị"],
  unit: ["unit", "đơn vị", "đơn vị tính"],
  source: ["source", "nguồn"],
  comment: ["comment", "ghi chú"],
};

export interface UploadRow {
  line: number;
  indicator: string;
  period: string;
  scope: string;
  kind: string;
  value: number | null;
  /** The value cell as written, for the error message. */
  valueText: string;
  unit: string;
  source: string;
  comment: string;
}

export interface RowProblem {
  line: number;
  column: string;
  reason: string;
  reasonVi: string;
}

export function fileProblem(
  en: string,
  vi: string,
  line?: number,
  details: Record<string, unknown> = {},
): AppError {
  return new AppError(
    "VALIDATION",
    { en: `${en} Nothing was stored.`, vi: `${vi} Không có số liệu nào được lưu.` },
    {
      fields: [{ field: line ? `line ${line}` : "file", reason: en, reasonVi: vi }],
      details: { rows: line ? [{ line, column: "", reason: en, reasonVi: vi }] : [], ...details },
    },
  );
}

function tooManyRows(details: Record<string, unknown>): AppError {
  return fileProblem(
    `A file may have at most ${MAX_UPLOAD_ROWS} rows; reading stopped there.`,
    `Mỗi tệp tối đa ${MAX_UPLOAD_ROWS} dòng; việc đọc đã dừng ở giới hạn này.`,
    undefined,
    { limit: MAX_UPLOAD_ROWS, ...details },
  );
}

function headerColumn(text: string): Column | null {
  const key = text.normalize("NFC").replace(/\(.*$/s, "").trim().toLowerCase();
  for (const c of COLUMNS) if (HEADER_WORDS[c].includes(key)) return c;
  return null;
}

function toRows(records: { line: number; cells: Cell[] }[]): UploadRow[] {
  const [header, ...data] = records;
  if (!header) throw fileProblem("The file is empty.", "Tệp không có nội dung.");
  const index = new Map<Column, number>();
  header.cells.forEach((h, i) => {
    const c = headerColumn(String(h ?? ""));
    if (c && !index.has(c)) index.set(c, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length)
    throw fileProblem(
      `The header row (line ${header.line}) lacks the column(s): ${missing.join(", ")}. Columns: ${COLUMNS.join(", ")}.`,
      `Dòng tiêu đề (dòng ${header.line}) thiếu cột: ${missing.join(", ")}. Các cột: ${COLUMNS.join(", ")}.`,
      header.line,
    );
  if (data.length > MAX_UPLOAD_ROWS) throw tooManyRows({});
  const text = (r: { cells: Cell[] }, c: Column) => {
    const i = index.get(c);
    const v = i === undefined ? null : r.cells[i];
    return v === null || v === undefined ? "" : String(v).normalize("NFC").trim();
  };
  return data
    .filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== ""))
    .map((r) => {
      const i = index.get("value");
      const raw = i === undefined ? null : r.cells[i];
      const value =
        typeof raw === "number" ? raw : raw === null || raw === undefined ? null : parseVnNumber(String(raw));
      return {
        line: r.line,
        indicator: text(r, "indicator"),
        period: text(r, "period"),
        scope: text(r, "scope"),
        kind: text(r, "kind"),
        value,
        valueText: raw === null || raw === undefined ? "" : String(raw),
        unit: text(r, "unit"),
        source: text(r, "source"),
        comment: text(r, "comment"),
      };
    });
}

async function readXlsx(bytes: Uint8Array) {
  try {
    const read = await readXlsxRows(bytes, {
      maxRecords: MAX_UPLOAD_ROWS + 1,
      maxUnpacked: MAX_UNPACKED_BYTES,
      minColumns: COLUMNS.length,
      sheetName: "values",
    });
    if (!read) throw fileProblem("The workbook has no sheet.", "Bảng tính không có trang nào.");
    if (read.tooMany) throw tooManyRows({ unpackedBytes: read.unpacked, sheetBytes: read.sheetDeclared });
    return read.records;
  } catch (err) {
    if (!(err instanceof ZipProblem)) throw err;
    if (err.kind === "too_large")
      throw fileProblem(
        `The workbook unpacks to more than ${MAX_UNPACKED_BYTES / 1048576} MB (${err.message}): it was refused.`,
        `Bảng tính khi giải nén lớn hơn ${MAX_UNPACKED_BYTES / 1048576} MB nên bị từ chối.`,
        undefined,
        { unpackedLimit: MAX_UNPACKED_BYTES },
      );
    throw fileProblem("The Excel workbook cannot be read.", "Không đọc được bảng tính Excel.");
  }
}

/** The rows of an uploaded file; throws a VALIDATION error for a file that cannot be read at all. */
export async function readUpload(fileName: string, bytes: Uint8Array): Promise<UploadRow[]> {
  if (bytes.length === 0) throw fileProblem("The file is empty.", "Tệp không có nội dung.");
  if (bytes.length > MAX_UPLOAD_BYTES) throw fileProblem("A file may be at most 5 MB.", "Tệp tối đa 5 MB.");
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (/\.xlsx$/i.test(fileName)) {
    if (!isZip)
      throw fileProblem("The .xlsx file is not an Excel workbook.", "Tệp .xlsx không phải bảng tính Excel.");
    return toRows(await readXlsx(bytes));
  }
  if (/\.csv$/i.test(fileName)) {
    if (isZip)
      throw fileProblem(
        "The .csv file is a zip/Excel file: name it .xlsx.",
        "Tệp .csv thực chất là tệp Excel: hãy đặt đuôi .xlsx.",
      );
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw fileProblem("The CSV file is not UTF-8 text.", "Tệp CSV không phải văn bản UTF-8.");
    }
    // The header and one record past the limit are enough to know the file is too long.
    const { records, problem, truncated } = parseCsv(text, undefined, MAX_UPLOAD_ROWS + 2);
    if (truncated) throw tooManyRows({ stoppedAtLine: records.at(-1)?.line });
    if (problem)
      throw fileProblem(
        `Line ${problem.line}: ${problem.reason}.`,
        `Dòng ${problem.line}: ${problem.reasonVi}.`,
        problem.line,
      );
    return toRows(records);
  }
  throw fileProblem("Upload a .csv or .xlsx file.", "Hãy tải lên tệp .csv hoặc .xlsx.");
}
