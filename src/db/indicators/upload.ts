/**
 * Uploading indicator values from a file: CSV (comma or semicolon) or XLSX (the template from
 * template.ts, or any sheet with the same column names). All or nothing: every row is checked
 * first — indicator, period, kind, value, scope, source, unit, the validation rules, the
 * uploader's right to enter that indicator, duplicates within the file — and if ANY row is bad,
 * the answer lists every bad row with its line and reason and NOTHING is stored. A good file is
 * stored in one transaction with one audit row.
 */
import ExcelJS from "exceljs";
import { AppError } from "../../domain/errors.ts";
import type { IndicatorValue, ValueKind } from "../../domain/indicator-values.ts";
import { parseVnNumber } from "../../domain/vn-number.ts";
import { appendAudit } from "../audit.ts";
import type { Db } from "../connection.ts";
import type { ActorRef } from "../reporting/actor.ts";
import { indicators, indicatorValues } from "../schema.ts";
import { parseCsv } from "./csv.ts";
import {
  checkValueInput,
  type IndicatorRow,
  type PresentedValue,
  parseKind,
  presentValue,
  revisedBy,
  toIndicatorValue,
  type ValueRow,
  valuesOf,
} from "./values.ts";

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_UPLOAD_ROWS = 5000;

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

function fileProblem(en: string, vi: string, line?: number): AppError {
  return new AppError(
    "VALIDATION",
    { en: `${en} Nothing was stored.`, vi: `${vi} Không có số liệu nào được lưu.` },
    {
      fields: [{ field: line ? `line ${line}` : "file", reason: en, reasonVi: vi }],
      details: { rows: line ? [{ line, column: "", reason: en, reasonVi: vi }] : [] },
    },
  );
}

function headerColumn(text: string): Column | null {
  const key = text.normalize("NFC").replace(/\(.*$/s, "").trim().toLowerCase();
  for (const c of COLUMNS) if (HEADER_WORDS[c].includes(key)) return c;
  return null;
}

type Cell = string | number | null;

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
  if (data.length > MAX_UPLOAD_ROWS)
    throw fileProblem(
      `A file may have at most ${MAX_UPLOAD_ROWS} rows.`,
      `Mỗi tệp tối đa ${MAX_UPLOAD_ROWS} dòng.`,
    );
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

/** An XLSX cell as plain text or number: rich text joined, formulas by their cached result, dates as ISO days. */
function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("result" in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in v) return String((v as { text: unknown }).text);
    if ("error" in v) return String((v as { error: unknown }).error);
  }
  return String(v);
}

/** The rows of an uploaded file; throws a VALIDATION error for a file that cannot be read at all. */
export async function readUpload(fileName: string, bytes: Uint8Array): Promise<UploadRow[]> {
  if (bytes.length === 0) throw fileProblem("The file is empty.", "Tệp không có nội dung.");
  if (bytes.length > MAX_UPLOAD_BYTES) throw fileProblem("A file may be at most 5 MB.", "Tệp tối đa 5 MB.");
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (/\.xlsx$/i.test(fileName)) {
    if (!isZip)
      throw fileProblem("The .xlsx file is not an Excel workbook.", "Tệp .xlsx không phải bảng tính Excel.");
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(Buffer.from(bytes) as never);
    } catch {
      throw fileProblem("The Excel workbook cannot be read.", "Không đọc được bảng tính Excel.");
    }
    const ws = wb.getWorksheet("values") ?? wb.worksheets[0];
    if (!ws) throw fileProblem("The workbook has no sheet.", "Bảng tính không có trang nào.");
    const records: { line: number; cells: Cell[] }[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, COLUMNS.length); c++)
        cells.push(cellValue(row.getCell(c).value));
      records.push({ line: rowNumber, cells });
    });
    return toRows(records);
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
    const { records, problem } = parseCsv(text);
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

export interface UploadOptions {
  /** May the uploader enter values of this indicator (the route's permission rule)? */
  mayWrite: (indicator: IndicatorRow) => boolean;
  /** May the uploader enter this indicator's figures for the row's scope (its province's, defect 10)? */
  mayWriteScope?: (indicator: IndicatorRow, scope: string) => boolean;
  now?: Date;
}

/** Checks every row; returns the problems (empty: the file may be stored). */
export function checkRows(
  rows: readonly UploadRow[],
  byCode: ReadonlyMap<string, IndicatorRow>,
  existing: readonly ValueRow[],
  mayWrite: (indicator: IndicatorRow) => boolean,
  mayWriteScope: (indicator: IndicatorRow, scope: string) => boolean = () => true,
): RowProblem[] {
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const codeOf = new Map<number, IndicatorRow>([...byCode.values()].map((i) => [i.id, i]));
  const known: IndicatorValue[] = existing.flatMap((r) => {
    const ind = codeOf.get(r.indicatorId);
    return ind ? [toIndicatorValue(r, ind)] : [];
  });
  const asValue = (r: UploadRow, ind: IndicatorRow): IndicatorValue => ({
    indicator: ind.code,
    period: r.period,
    scope: r.scope,
    kind: (parseKind(r.kind) ?? "official") as ValueKind,
    value: r.value as number,
    unit: ind.unit,
    source: r.source,
    recordedAt: new Date().toISOString(),
  });
  const check = (r: UploadRow, ind: IndicatorRow, knownValues: readonly IndicatorValue[]) =>
    checkValueInput(
      ind,
      {
        period: r.period,
        scope: r.scope,
        kind: r.kind,
        value: r.value as number,
        source: r.source,
        comment: r.comment,
        unit: r.unit,
      },
      knownValues,
    );
  // Pass 1: each row against the stored figures. Pass 2: the rows that passed, against the stored
  // figures and the file's other good rows (a file may carry 2023 and 2024: the jump rule sees both;
  // a bad row is never the "previous value" of another).
  const firstPass = new Map<UploadRow, RowProblem[]>();
  const good = new Map<UploadRow, IndicatorValue>();
  for (const r of rows) {
    const out: RowProblem[] = [];
    firstPass.set(r, out);
    const add = (column: string, reason: string, reasonVi: string) =>
      out.push({ line: r.line, column, reason, reasonVi });
    const ind = byCode.get(r.indicator);
    if (!r.indicator) {
      add("indicator", "The indicator code is missing.", "Thiếu mã chỉ tiêu.");
      continue;
    }
    if (!ind) {
      add("indicator", `Unknown indicator code "${r.indicator}".`, `Không có chỉ tiêu mã "${r.indicator}".`);
      continue;
    }
    if (!mayWrite(ind)) {
      add(
        "indicator",
        `You may not enter figures of ${ind.code} (only the plan's coordinator or the supplying agency).`,
        `Bạn không có quyền nhập số liệu chỉ tiêu ${ind.code} (chỉ điều phối viên hoặc đơn vị cung cấp số liệu).`,
      );
      continue;
    }
    if (r.scope && !mayWriteScope(ind, r.scope)) {
      add(
        "scope",
        `You may not enter figures for "${r.scope}": only for the territory of this plan's province.`,
        `Bạn không có quyền nhập số liệu cho phạm vi "${r.scope}": chỉ nhập cho địa bàn tỉnh của kế hoạch này.`,
      );
      continue;
    }
    if (r.value === null) {
      add(
        "value",
        r.valueText ? `The value "${r.valueText}" is not a number.` : "The value is missing.",
        r.valueText ? `Giá trị "${r.valueText}" không phải là số.` : "Thiếu giá trị.",
      );
      continue;
    }
    for (const p of check(r, ind, known)) add(p.field, p.reason, p.reasonVi);
    const kind = parseKind(r.kind);
    const key = `${ind.code}\u0000${r.period}\u0000${r.scope}\u0000${kind}`;
    const first = seen.get(key);
    if (first !== undefined)
      add(
        "period",
        `The same figure (${ind.code}, ${r.period}, ${r.scope}, ${kind}) is already on line ${first}.`,
        `Số liệu (${ind.code}, ${r.period}, ${r.scope}, ${kind}) trùng với dòng ${first}.`,
      );
    else seen.set(key, r.line);
    if (out.length === 0) good.set(r, asValue(r, ind));
  }
  for (const r of rows) {
    const out = firstPass.get(r) ?? [];
    if (out.length === 0 && good.size > 1) {
      const ind = byCode.get(r.indicator) as IndicatorRow;
      const others = [...good.entries()].filter(([row]) => row !== r).map(([, v]) => v);
      for (const p of check(r, ind, [...known, ...others]))
        out.push({ line: r.line, column: p.field, reason: p.reason, reasonVi: p.reasonVi });
    }
    problems.push(...out);
  }
  return problems;
}

/**
 * Reads, checks and stores an uploaded file of values. Refused whole (VALIDATION, every bad row
 * in `details.rows` and `fields`, the first ones in the message) when any row is bad.
 */
export async function uploadIndicatorValues(
  db: Db,
  file: { name: string; bytes: Uint8Array },
  actor: ActorRef,
  options: UploadOptions,
  context: { planId?: number } = {},
): Promise<{ file: string; stored: number; values: PresentedValue[] }> {
  const rows = await readUpload(file.name, file.bytes);
  if (rows.length === 0) throw fileProblem("The file has no data rows.", "Tệp không có dòng số liệu nào.");
  const all = await db.select().from(indicators);
  const byCode = new Map(all.map((i) => [i.code, i]));
  return db.transaction(async (tx) => {
    const wanted = [
      ...new Set(rows.map((r) => byCode.get(r.indicator)?.id).filter((x): x is number => x !== undefined)),
    ];
    const existing = await valuesOf(tx, wanted);
    const problems = checkRows(rows, byCode, existing, options.mayWrite, options.mayWriteScope);
    if (problems.length > 0) {
      const lines = [...new Set(problems.map((p) => p.line))];
      const head = problems.slice(0, 3);
      throw new AppError(
        "VALIDATION",
        {
          en: `${lines.length} row(s) of ${file.name} are invalid (line ${lines.join(", ")}); nothing was stored. ${head.map((p) => `Line ${p.line}: ${p.reason}`).join(" ")}`,
          vi: `${lines.length} dòng của tệp ${file.name} không hợp lệ (dòng ${lines.join(", ")}); không có số liệu nào được lưu. ${head.map((p) => `Dòng ${p.line}: ${p.reasonVi}`).join(" ")}`,
        },
        {
          fields: problems.map((p) => ({
            field: `line ${p.line}: ${p.column}`,
            reason: p.reason,
            reasonVi: p.reasonVi,
          })),
          details: { file: file.name, rows: problems },
        },
      );
    }
    const stored: ValueRow[] = [];
    const now = options.now ?? new Date();
    for (const r of rows) {
      const ind = byCode.get(r.indicator) as IndicatorRow;
      const kind = parseKind(r.kind) as ValueKind;
      const mine = existing.filter((v) => v.indicatorId === ind.id);
      const [row] = await tx
        .insert(indicatorValues)
        .values({
          indicatorId: ind.id,
          period: r.period,
          scope: r.scope,
          kind,
          value: r.value as number,
          source: r.source,
          comment: r.comment || null,
          revisesId: revisedBy(mine, r.period, r.scope, kind),
          origin: "upload",
          enteredBy: actor.userId,
          enteredAt: now,
        })
        .returning();
      if (row) stored.push(row);
    }
    const codeOfId = new Map(all.map((i) => [i.id, i]));
    const values = stored.map((v) => presentValue(v, codeOfId.get(v.indicatorId) as IndicatorRow));
    await appendAudit(tx, {
      actor: actor.username,
      action: "indicator_value.upload",
      entity: "indicator_values",
      entityId: context.planId ?? null,
      planId: context.planId ?? null,
      after: { file: file.name, count: values.length, values },
    });
    return { file: file.name, stored: values.length, values };
  });
}
