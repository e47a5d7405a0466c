/**
 * A task table pasted from a PDF or a web page often arrives with one cell per line: the header
 * cells on consecutive lines ("TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", …), then each row as a
 * line with its number followed by its cells. Empty cells leave no line, so a short row is filled
 * by meaning: the deadline is the cell that reads as a schedule.
 */
import { parseSchedule } from "../domain/schedule.ts";
import { classifyHeaderCell, type TaskColumn, type TaskColumns, type TextRow } from "./tables.ts";
import { cleanInline } from "./text.ts";

const CODE_LINE = /^(?:\d{1,3}(?:\.\d{1,3})*|[a-zđ]\)|[IVX]{1,5})[.)]?$/;
const END = /^(?:[IVX]+\.\s+[A-ZĐ]|PHỤ LỤC|Nơi nhận|KẾ HOẠCH\s*$)/;

function headerAt(lines: string[], i: number): TaskColumn[] | null {
  if (classifyHeaderCell(lines[i] ?? "") !== "code") return null;
  const cols: TaskColumn[] = ["code"];
  for (let j = i + 1; j < lines.length && cols.length < 9; j++) {
    const line = lines[j] ?? "";
    if (line === "") continue;
    const kind = classifyHeaderCell(line);
    if (!kind || kind === "code" || line.length > 60) break;
    cols.push(kind);
  }
  return cols.includes("lead") && cols.includes("content") && cols.length >= 4 ? cols : null;
}

/** Finds a one-cell-per-line task table; returns its columns and rows in header order. */
export function verticalTaskTable(
  rawLines: string[],
): { cols: TaskColumns; rows: TextRow[]; start: number } | null {
  const lines = rawLines.map((l) => cleanInline(l));
  for (let i = 0; i < lines.length; i++) {
    const header = headerAt(lines, i);
    if (!header) continue;
    const cols: TaskColumns = {};
    header.forEach((k, idx) => {
      if (cols[k] === undefined) cols[k] = idx;
    });
    const rows: TextRow[] = [];
    let current: { line: number; cells: string[] } | null = null;
    const flush = () => {
      if (current) rows.push(placeCells(current, header));
      current = null;
    };
    let j = i + header.length;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? "";
      if (line === "" || /^\(\d{1,2}\)$/.test(line)) continue;
      if (END.test(line)) break;
      const again = headerAt(lines, j);
      if (again) {
        j += again.length - 1; // a page's repeated header
        continue;
      }
      if (CODE_LINE.test(line)) {
        flush();
        current = { line: j + 1, cells: [line] };
      } else if (current) current.cells.push(line);
    }
    flush();
    if (rows.length) return { cols, rows, start: i };
  }
  return null;
}

/** Puts a row's cells under the header; a short row's deadline goes to the deadline column. */
function placeCells(row: { line: number; cells: string[] }, header: TaskColumn[]): TextRow {
  const out = header.map(() => "");
  const [code, ...cells] = row.cells;
  out[0] = code ?? "";
  // More lines than columns: the content wrapped over several lines.
  const excess = cells.length - (header.length - 1);
  const rest =
    excess > 0 && header[1] === "content"
      ? [cells.slice(0, excess + 1).join(" "), ...cells.slice(excess + 1)]
      : cells;
  const contentAt = header.indexOf("content");
  const deadlineAt = header.indexOf("deadline");
  if (rest.length >= header.length - 1 || deadlineAt < 0) {
    rest.forEach((c, k) => {
      if (k + 1 < out.length) out[k + 1] = c;
      else out[out.length - 1] = `${out[out.length - 1]} ${c}`.trim();
    });
  } else {
    const readable = rest
      .map((c, k) => (k > 0 && parseSchedule(c).schedule.kind !== "unknown" ? k : -1))
      .filter((k) => k > 0);
    const d = readable.length ? (readable[readable.length - 1] as number) : -1;
    const others = rest.filter((_, k) => k !== d);
    const order = header.map((_, idx) => idx).filter((idx) => idx !== 0 && idx !== deadlineAt);
    if (contentAt > 0) out[contentAt] = others.shift() ?? "";
    for (const idx of order) {
      if (idx === contentAt) continue;
      out[idx] = others.shift() ?? "";
    }
    if (d >= 0) out[deadlineAt] = rest[d] ?? "";
  }
  return { line: row.line, cells: out, rawCells: out };
}
