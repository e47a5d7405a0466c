/**
 * Finding tables in a plan's text. Vietnamese plans arrive as tab-separated rows (copied from
 * Word), Markdown pipe tables with or without a separator row, or bare "a | b | c" lines; a page
 * break repeats the header. This module turns any of these into rows of cells.
 */
import { cleanInline, MAX_TABLE_CELLS } from "./text.ts";

export interface TextRow {
  /** 1-based line number in the document. */
  line: number;
  /** Cells, reading a line that starts and ends with "|" as a Markdown row (outer pipes dropped). */
  cells: string[];
  /** Cells split at every separator, outer pipes kept as empty cells: how a bare "a | b" table reads. */
  rawCells: string[];
}

/** Splits one line into cells when it is a table row; null when it is prose. */
export function splitTableLine(raw: string): string[] | null {
  return splitTableLineRaw(raw)?.cells ?? null;
}

function splitTableLineRaw(raw: string): { cells: string[]; rawCells: string[] } | null {
  const line = raw.replace(/[ \r]+$/, ""); // trailing tabs are empty cells, keep them
  if (line.trim() === "") return null;
  // A line of hundreds of separators is not a task table row: never split and cleaned cell by cell.
  if ((line.match(/[\t|]/g)?.length ?? 0) > MAX_TABLE_CELLS * 2) return null;
  if (line.includes("\t")) {
    const cells = line.split("\t");
    // ≥ 3 cells; one filled cell is enough (a row continued after a page break has only its text).
    if (cells.length >= 3 && cells.some((c) => c.trim() !== "")) {
      const clean = cells.map(cleanInline);
      return { cells: clean, rawCells: clean };
    }
  }
  const pipes = (line.match(/\|/g) ?? []).length;
  if (pipes >= 2) {
    const trimmed = line.trim();
    const rawCells = trimmed.split("|").map(cleanInline);
    const outer = trimmed.startsWith("|") && trimmed.endsWith("|");
    return { cells: outer ? rawCells.slice(1, -1) : rawCells, rawCells };
  }
  return null;
}

/** A Markdown separator row ("| --- | :---: |"). */
export function isSeparatorRow(cells: string[]): boolean {
  return (
    cells.length > 0 &&
    cells.every((c) => /^:?-{2,}:?$/.test(c.trim()) || c.trim() === "") &&
    cells.some((c) => c.includes("-"))
  );
}

/** A row that only numbers the columns: "(1) | (2) | (3)". */
export function isColumnNumberRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== "");
  return filled.length >= 2 && filled.every((c) => /^\(?\d{1,2}\)?$/.test(c.trim()));
}

export type TaskColumn = "code" | "content" | "lead" | "coordinators" | "deadline" | "note" | "product";

/** Column positions of a task table, read from its header row. */
export type TaskColumns = Partial<Record<TaskColumn, number>>;

const CODE_HEADER = /^(số\s*)?(s\.?\s*)?tt\.?$|^stt\.?$|^số\s*thứ\s*tự$/i;

export function classifyHeaderCell(cell: string): TaskColumn | null {
  const c = cell.toLowerCase().replace(/\s+/g, " ").trim();
  if (CODE_HEADER.test(c)) return "code";
  if (/chủ trì/.test(c)) return "lead";
  if (/phối hợp/.test(c)) return "coordinators";
  if (/thời gian|thời hạn|tiến độ|hoàn thành|thời điểm/.test(c)) return "deadline";
  if (/ghi chú/.test(c)) return "note";
  if (/sản phẩm|kết quả/.test(c)) return "product";
  if (/nội dung|nhiệm vụ|công việc|giải pháp|tên/.test(c)) return "content";
  return null;
}

/**
 * Reads a header row of a task-assignment table: it needs a code column and a lead column
 * ("Đơn vị chủ trì", "Cơ quan chủ trì"). Returns the column positions, or null for any other row.
 */
export function readTaskHeader(cells: string[]): TaskColumns | null {
  const cols: TaskColumns = {};
  cells.forEach((cell, i) => {
    const kind = classifyHeaderCell(cell);
    if (kind && cols[kind] === undefined) cols[kind] = i;
  });
  if (cols.lead === undefined || cols.content === undefined) return null;
  if (cols.code === undefined) {
    // Some tables leave the first header cell blank or write "TT" in another form.
    if (cols.content > 0 && cells[0]?.trim().length && cells[0].trim().length <= 6) cols.code = 0;
    else return null;
  }
  return cols;
}

export type TargetColumn = "code" | "name" | "unit" | "value";
export type TargetColumns = Partial<Record<TargetColumn, number>> & { year: number | null };

/**
 * Reads the header of a targets table ("TT | Chỉ tiêu | Đơn vị tính | Mục tiêu năm 2025"):
 * the value column is the last one naming a target, a plan or a year.
 */
export function readTargetHeader(cells: string[]): TargetColumns | null {
  const cols: TargetColumns = { year: null };
  cells.forEach((cell, i) => {
    const c = cell.toLowerCase().trim();
    if (CODE_HEADER.test(c) && cols.code === undefined) cols.code = i;
    else if (/chỉ tiêu/.test(c) && cols.name === undefined) cols.name = i;
    else if (/đơn vị/.test(c) && !/chủ trì|phối hợp/.test(c)) cols.unit = i;
    else if (/mục tiêu|kế hoạch|năm \d{4}|^\d{4}$|đến \d{4}/.test(c)) {
      cols.value = i;
      const y = c.match(/(19|20)\d{2}/g);
      cols.year = y ? Number(y[y.length - 1]) : cols.year;
    }
  });
  if (cols.name === undefined || cols.value === undefined) return null;
  return cols;
}

/** Every line of the document as a table row or null, keeping line numbers. */
export function tableLines(lines: string[]): (TextRow | null)[] {
  return lines.map((l, i) => {
    const split = splitTableLineRaw(l);
    return split ? { line: i + 1, ...split } : null;
  });
}
