/**
 * The importer: a plan document's text → Plan JSON (docs/plan-json.md). Pure: reads nothing,
 * writes nothing. Everything it could not read becomes a warning, never a guess.
 */

import { AppError } from "../domain/errors.ts";
import { parseSchedule } from "../domain/schedule.ts";
import { AgencyResolver } from "./agency-resolve.ts";
import { splitAgencyCell } from "./agency-split.ts";
import { bodyUnits, findBody } from "./body-link.ts";
import { appendixStart, issueYear, readPlanHeader } from "./metadata.ts";
import type { ImportWarning, PlanJson, TaskJson } from "./plan-json.ts";
import { proseTasks } from "./prose-tasks.ts";
import { readTaskHeader, type TaskColumns, type TextRow, tableLines } from "./tables.ts";
import { readTargets } from "./targets.ts";
import { checkNumbering, uniqueCodes } from "./task-codes-check.ts";
import { buildTaskRows, type RawTaskRow } from "./task-rows.ts";
import { checkPlanLines, checkTaskCount, decodePlanBytes, normaliseDocument } from "./text.ts";
import { verticalTaskTable } from "./vertical-table.ts";

export interface KnownAgency {
  name: string;
  aliases?: string[];
  kind?: string | null;
  level?: string | null;
}

export interface ParseOptions {
  /** Shown in messages and used as the title when the document has none. */
  sourceName?: string;
  /** A province's registry (from the database) so its agencies resolve as known. */
  knownAgencies?: KnownAgency[];
}

const TABLE_END = /^\s*(?:[IVX]+\.\s+[A-ZĐ]|PHỤ LỤC|Phụ lục|Nơi nhận|KẾ HOẠCH\s*$)/;

/** The task table: from its first header to the last table row before prose resumes for good. */
function taskTableRows(
  lines: string[],
  rows: (TextRow | null)[],
): { cols: TaskColumns; rows: TextRow[]; start: number; warnings: ImportWarning[] } | null {
  const start = rows.findIndex((r) => r !== null && readTaskHeader(r.cells) !== null);
  if (start < 0) return null;
  const first = rows[start];
  const cols = first ? readTaskHeader(first.cells) : null;
  if (!cols) return null;
  // A bare "a | b | c" table (its header does not start with "|") keeps a row's empty outer
  // cells: " | text | | " is a continuation row, not a Markdown row.
  const bare = !(lines[start] ?? "").trim().startsWith("|") && (lines[start] ?? "").includes("|");
  const out: TextRow[] = [];
  const warnings: ImportWarning[] = [];
  let stray: number[] = [];
  for (let i = start + 1; i < rows.length; i++) {
    const row = rows[i];
    const line = lines[i] ?? "";
    if (row) {
      for (const s of stray)
        warnings.push({
          where: `line ${s}`,
          code: "line_in_table",
          message: "A line of text inside the task table was not read as a row.",
        });
      stray = [];
      out.push(bare ? { ...row, cells: row.rawCells } : row);
      continue;
    }
    if (line.trim() === "") continue;
    if (TABLE_END.test(line) && !rows.slice(i + 1).some((r) => r && readTaskHeader(r.cells))) break;
    stray.push(i + 1);
    if (stray.length > 8) break;
  }
  return { cols, rows: out, start, warnings };
}

function verticalTable(lines: string[]) {
  const v = verticalTaskTable(lines);
  if (!v) return null;
  const warning: ImportWarning = {
    where: `line ${v.start + 1}`,
    code: "table_one_cell_per_line",
    message:
      "The task table has one cell per line; short rows were filled by meaning (check leads and coordinators).",
  };
  return { ...v, warnings: [warning] };
}

/** Parses a plan document's bytes (refusing empty, binary or oversized input). */
export function parsePlanBytes(bytes: Uint8Array, options: ParseOptions = {}): PlanJson {
  return parsePlanText(decodePlanBytes(bytes, options.sourceName), options);
}

/**
 * Parses with a registry of known agencies by province: a first pass finds the plan's province,
 * a second (only when the registry knows agencies there) resolves their aliases. One pure call,
 * so the whole of it can run in a worker thread.
 */
export function parsePlanWithRegistry(
  bytes: Uint8Array,
  sourceName: string,
  registry: Readonly<Record<string, KnownAgency[]>>,
): PlanJson {
  const first = parsePlanBytes(bytes, { sourceName });
  const known = registry[first.plan.province ?? ""] ?? [];
  return known.length ? parsePlanBytes(bytes, { sourceName, knownAgencies: known }) : first;
}

/** Parses a plan document's text into Plan JSON. */
export function parsePlanText(input: string, options: ParseOptions = {}): PlanJson {
  const sourceName = options.sourceName ?? "plan";
  const lines = normaliseDocument(input).split("\n");
  checkPlanLines(lines, sourceName);
  const rows = tableLines(lines);
  const warnings: ImportWarning[] = [];
  const { header, warnings: headerWarnings } = readPlanHeader(lines, sourceName);
  warnings.push(...headerWarnings);

  const table = taskTableRows(lines, rows) ?? verticalTable(lines);
  let raw: { tasks: RawTaskRow[]; groups: { code: string; title: string }[] };
  let bodyEnd = appendixStart(lines);
  if (table) {
    const built = buildTaskRows(table.rows, table.cols);
    warnings.push(...table.warnings, ...built.warnings);
    raw = built;
    bodyEnd = Math.min(bodyEnd, table.start);
  } else {
    raw = proseTasks(lines, bodyEnd);
    if (raw.tasks.length === 0) {
      throw new AppError("PLAN_NO_TASK_TABLE", {
        en: `${sourceName}: no task table was found (a table with columns such as "TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện"), nor tasks assigned in the text.`,
        vi: `${sourceName}: không tìm thấy bảng nhiệm vụ (bảng có các cột "TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện") hay nhiệm vụ được giao trong văn bản.`,
      });
    }
    warnings.push({
      where: "tasks",
      code: "tasks_from_prose",
      message: `No task table; ${raw.tasks.length} task(s) read from the text under headings that name the lead body.`,
    });
  }
  checkTaskCount(raw.tasks.length, sourceName);
  warnings.push(...uniqueCodes(raw.tasks), ...checkNumbering(raw.tasks, raw.groups));

  const resolver = new AgencyResolver(options.knownAgencies);
  const units = bodyUnits(lines.slice(0, bodyEnd));
  const unknownWarned = new Set<string>();
  const resolveAll = (cell: string, role: "lead" | "coordinator", code: string): string[] =>
    splitAgencyCell(cell, role).map((phrase) => {
      const r = resolver.resolve(phrase);
      if (!r.known && !r.isGroup && !unknownWarned.has(r.name)) {
        unknownWarned.add(r.name);
        warnings.push({
          where: `task ${code}`,
          code: "agency_unknown",
          message: `"${phrase}" is not in the agency catalogue; it was added as a new agency "${r.name}".`,
        });
      }
      return r.name;
    });

  const tasks: TaskJson[] = raw.tasks.map((t) => {
    const parsed = parseSchedule(t.deadline);
    for (const w of parsed.warnings) {
      warnings.push({
        where: `task ${t.code}`,
        code: parsed.schedule.kind === "unknown" ? "deadline_unreadable" : "deadline_partial",
        message: w,
      });
    }
    const leads = [...new Set(resolveAll(t.lead, "lead", t.code))];
    if (leads.length === 0)
      warnings.push({ where: `task ${t.code}`, code: "lead_missing", message: "No lead agency is named." });
    const body = findBody(t.content, t.code, units);
    return {
      code: t.code,
      group: t.group,
      content: t.content,
      body,
      leads,
      coordinators: [...new Set(resolveAll(t.coordinators, "coordinator", t.code))],
      deadlineText: t.deadline,
      schedule: parsed.schedule,
      note: t.note || null,
    };
  });

  if (header.periodStart === null) {
    const years = tasks
      .flatMap((t) => t.schedule.milestones.flatMap((m) => [m.start, m.due]))
      .filter((d): d is string => !!d)
      .map((d) => Number(d.slice(0, 4)));
    const issued = issueYear(lines);
    if (years.length || issued) {
      header.periodStart = issued ?? Math.min(...years);
      header.periodEnd = Math.max(header.periodStart, ...years);
      warnings.push({
        where: "header",
        code: "period_inferred",
        message: `The plan names no period; ${header.periodStart}–${header.periodEnd} was inferred from its issue year and task deadlines.`,
      });
    }
  }
  const { targets, warnings: targetWarnings } = readTargets(lines, rows, bodyEnd, header.periodEnd);
  warnings.push(...targetWarnings);
  return {
    plan: header,
    groups: raw.groups.map((g) => ({ code: g.code, title: g.title })),
    targets,
    tasks,
    agencies: resolver.agencies(),
    warnings,
  };
}
