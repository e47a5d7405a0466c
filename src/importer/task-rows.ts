/**
 * From the rows of a task-assignment table to raw task rows: skips repeated headers and
 * column-number rows, joins rows continued after a page break, recognises group rows
 * ("2 | Về cơ chế, chính sách…" with no lead) and writes codes as the plan does ("1." → "1",
 * "a)" under group 2 → "2a").
 */

import type { ImportWarning } from "./plan-json.ts";
import {
  isColumnNumberRow,
  isSeparatorRow,
  readTaskHeader,
  type TaskColumns,
  type TextRow,
} from "./tables.ts";

export interface RawTaskRow {
  line: number;
  code: string;
  content: string;
  lead: string;
  coordinators: string;
  deadline: string;
  note: string;
  /** Code of the group row above it, if any. */
  group: string | null;
}

export interface RawGroup {
  code: string;
  title: string;
  line: number;
}

const ROMAN = /^(X{0,3})(IX|IV|V?I{0,3})$/;
const NUMERIC_CODE = /^\d{1,3}(\.\d{1,3})*$/;
const LETTER_CODE = /^[a-zđ]$/i;

/** "1." → "1", "a)" → "a", "(2)" → "2", "2.1-" → "2.1". Returns "" for an empty cell. */
export function cleanCode(cell: string): string {
  return cell
    .trim()
    .replace(/^\(|[.)\-:]+$/g, "")
    .replace(/\s+/g, "")
    .trim();
}

function isRoman(code: string): boolean {
  return code.length > 0 && ROMAN.test(code.toUpperCase()) && /^[IVX]+$/.test(code);
}

function cell(row: TextRow, col: number | undefined): string {
  return col === undefined ? "" : (row.cells[col] ?? "").trim();
}

function joinText(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return `${a} ${b}`;
}

interface Built {
  tasks: RawTaskRow[];
  groups: RawGroup[];
  warnings: ImportWarning[];
}

/**
 * Builds task rows from the table rows that follow a header (repeated headers are skipped and
 * may change the column positions).
 */
export function buildTaskRows(rows: TextRow[], initial: TaskColumns): Built {
  let cols = initial;
  const tasks: RawTaskRow[] = [];
  const groups: RawGroup[] = [];
  const warnings: ImportWarning[] = [];
  let currentTop: string | null = null; // the last numeric top-level code ("2")
  let currentRoman: string | null = null;
  let last: RawTaskRow | null = null;
  const pendingGroups = new Map<string, RawGroup>();

  for (const row of rows) {
    if (isSeparatorRow(row.cells) || isColumnNumberRow(row.cells)) continue;
    const header = readTaskHeader(row.cells);
    if (header) {
      cols = header; // a page's repeated header, or a new table with other columns
      continue;
    }
    const codeCell = cell(row, cols.code);
    const content = cell(row, cols.content);
    const lead = cell(row, cols.lead);
    const coordinators = cell(row, cols.coordinators);
    const deadline = cell(row, cols.deadline);
    const note = cell(row, cols.note);
    if (!codeCell && !content && !lead && !coordinators && !deadline) continue;
    let code = cleanCode(codeCell);

    if (!code) {
      if (!last) {
        warnings.push({
          where: `line ${row.line}`,
          code: "row_without_code",
          message: "A table row without a number before any task was ignored.",
        });
        continue;
      }
      last.content = joinText(last.content, content);
      last.lead = joinText(last.lead, lead);
      last.coordinators = joinText(last.coordinators, coordinators);
      last.deadline = joinText(last.deadline, deadline);
      last.note = joinText(last.note, note);
      warnings.push({
        where: `line ${row.line}`,
        code: "row_continuation",
        message: `A row without a number was read as the continuation of task ${last.code} (a page break).`,
      });
      continue;
    }

    const isAssigned = lead !== "" || deadline !== "";
    if (isRoman(code) && !isAssigned) {
      currentRoman = code;
      currentTop = null;
      groups.push({ code, title: content, line: row.line });
      last = null;
      continue;
    }
    if (LETTER_CODE.test(code)) {
      const parent = currentTop ?? currentRoman;
      code = parent ? `${parent}${code.toLowerCase()}` : code.toLowerCase();
    } else if (!NUMERIC_CODE.test(code) && !isRoman(code)) {
      warnings.push({
        where: `line ${row.line}`,
        code: "code_unusual",
        message: `Unusual task number "${codeCell}" kept as written.`,
      });
    }
    const depth = code.split(".").length;
    if (NUMERIC_CODE.test(code) && depth === 1) currentTop = code;

    if (!isAssigned) {
      // A row with a number but no lead and no deadline heads a group of tasks.
      const g = { code, title: content, line: row.line };
      groups.push(g);
      pendingGroups.set(code, g);
      last = null;
      continue;
    }
    const group = groupOf(code, pendingGroups, currentRoman);
    const task: RawTaskRow = { line: row.line, code, content, lead, coordinators, deadline, note, group };
    tasks.push(task);
    last = task;
  }
  return { tasks, groups, warnings };
}

function groupOf(code: string, groups: Map<string, RawGroup>, roman: string | null): string | null {
  if (/^\d/.test(code)) {
    const dot = code.lastIndexOf(".");
    const letter = code.match(/^(\d+)[a-zđ]$/);
    const parent = dot > 0 ? code.slice(0, dot) : letter ? letter[1] : null;
    if (parent && groups.has(parent)) return parent;
    if (parent) {
      const top = parent.split(".")[0] ?? parent;
      if (groups.has(top)) return top;
    }
  }
  return roman;
}
