/**
 * The plan's numbered goals (mục tiêu cụ thể, chỉ tiêu): from a list after a lead-in such as
 * "Phấn đấu hoàn thành vượt mức các mục tiêu cụ thể đến năm 2025:", from a targets table, or —
 * when the plan has neither — from "Phấn đấu …" sentences that carry a number.
 */
import { countNamedZones, extractMeasures } from "./measures.ts";
import type { ImportWarning, TargetJson } from "./plan-json.ts";
import {
  isColumnNumberRow,
  isSeparatorRow,
  readTargetHeader,
  readTaskHeader,
  type TextRow,
} from "./tables.ts";
import { cleanInline, squash } from "./text.ts";

const LEAD_IN =
  /(mục tiêu cụ thể|các chỉ tiêu|chỉ tiêu chủ yếu|chỉ tiêu cụ thể|mục tiêu đến năm|mục tiêu chủ yếu)/i;
const ITEM = /^\s*(?:\((\d{1,2})\)\s*[-–.:)]?|(\d{1,2})[.)]\s|([a-zđ])\)\s|[-–+•]\s)\s*(.*)$/;

/** A target "mỗi năm"/"hàng năm" is yearly, not for one year: its year is null. */
function isYearly(s: string): boolean {
  return /(mỗi năm|hàng năm|hằng năm)/i.test(s);
}

function yearOf(s: string): number | null {
  const m = s.match(/(?:đến|năm|vào)\s+(?:năm\s+)?((?:19|20)\d{2})/);
  return m ? Number(m[1]) : null;
}

function targetFrom(code: string, text: string, year: number | null): TargetJson {
  const measures = extractMeasures(text);
  return {
    code,
    text,
    year: yearOf(text) ?? year,
    measures: measures.length ? measures : countNamedZones(text),
  };
}

/** Targets listed after a lead-in line in the body. */
function listedTargets(lines: string[], end: number, periodEnd: number | null): TargetJson[] {
  for (let i = 0; i < end; i++) {
    const lead = cleanInline(lines[i] ?? "");
    if (!LEAD_IN.test(lead) || lead.length > 240) continue;
    if (/mục tiêu chung/i.test(lead)) continue;
    const year = yearOf(lead) ?? periodEnd;
    const out: TargetJson[] = [];
    let bulletNo = 0;
    for (let j = i + 1; j < end; j++) {
      const line = cleanInline(lines[j] ?? "");
      if (line === "") continue;
      const m = line.match(ITEM);
      if (!m) break;
      const isParen = m[1] !== undefined;
      const body = squash(m[4] ?? "");
      const code = m[1] ?? m[2] ?? m[3] ?? String(++bulletNo);
      if (!isParen && !m[3] && extractMeasures(body).length === 0 && out.length === 0 && m[2]) break;
      const target = targetFrom(code, body, year);
      if (!isParen && target.measures.length === 0) continue;
      out.push(target);
    }
    if (out.length) return out;
  }
  return [];
}

/** Targets from a table whose header names "Chỉ tiêu" and a target year or value column. */
function tableTargets(rows: (TextRow | null)[], periodEnd: number | null): TargetJson[] {
  const out: TargetJson[] = [];
  for (let i = 0; i < rows.length; i++) {
    const header = rows[i];
    const cols = header ? readTargetHeader(header.cells) : null;
    if (!cols || cols.name === undefined || cols.value === undefined) continue;
    let n = 0;
    for (let j = i + 1; j < rows.length; j++) {
      const row = rows[j];
      if (!row) {
        if (rows[j + 1]) continue;
        break;
      }
      if (readTaskHeader(row.cells)) break; // the next table (tasks) begins
      if (isSeparatorRow(row.cells) || isColumnNumberRow(row.cells)) continue;
      const name = row.cells[cols.name]?.trim() ?? "";
      const value = row.cells[cols.value]?.trim() ?? "";
      if (!name || /^\(?\d+\)?$/.test(name) || readTargetHeader(row.cells)) continue;
      const unit = cols.unit !== undefined ? (row.cells[cols.unit]?.trim() ?? "") : "";
      const code =
        cols.code !== undefined
          ? row.cells[cols.code]?.trim().replace(/[.)]$/, "") || String(++n)
          : String(++n);
      const measure = extractMeasures(`${value} ${unit}`.trim())[0] ?? valueWithUnit(value, unit);
      out.push({
        code,
        text: name,
        year: cols.year ?? periodEnd,
        measures: measure ? [{ ...measure, text: `${name}: ${value} ${unit}`.trim() }] : [],
      });
    }
    if (out.length) return out;
  }
  return out;
}

function valueWithUnit(value: string, unit: string) {
  const m = value.match(/(trên|hơn|>|≥|>=|ít nhất|tối thiểu|dưới|<|≤|<=|tối đa|không quá)?\s*(\d[\d.,]*)/i);
  if (!m) return null;
  const v = extractMeasures(`${m[2]} %`)[0]?.value;
  if (v === undefined) return null;
  const w = (m[1] ?? "").toLowerCase();
  const comparator = /trên|hơn|^>$/.test(w)
    ? ">"
    : /ít nhất|tối thiểu|≥|>=/.test(w)
      ? ">="
      : /dưới|^<$/.test(w)
        ? "<"
        : /tối đa|không quá|≤|<=/.test(w)
          ? "<="
          : "=";
  return { value: v, unit: unit || "", comparator, text: value } as const;
}

/** "Phấn đấu …" sentences with a measurable number, for plans without a target list. */
function strivingSentences(lines: string[], end: number, periodEnd: number | null): TargetJson[] {
  const text = squash(lines.slice(0, end).map(cleanInline).join(" "));
  const out: TargetJson[] = [];
  for (const m of text.matchAll(/(?:^|[.;:]\s+|\s-\s|\s)((?:Phấn đấu|phấn đấu)\s[^.;]{5,400})/g)) {
    const sentence = (m[1] ?? "").trim();
    const measures = extractMeasures(sentence);
    if (measures.length === 0) continue;
    out.push({
      code: String(out.length + 1),
      text: sentence,
      year: isYearly(sentence) ? null : (yearOf(sentence) ?? periodEnd),
      measures,
    });
  }
  return out;
}

/** Reads the plan's targets, preferring an explicit list, then a table, then "Phấn đấu" sentences. */
export function readTargets(
  lines: string[],
  rows: (TextRow | null)[],
  bodyEnd: number,
  periodEnd: number | null,
): { targets: TargetJson[]; warnings: ImportWarning[] } {
  const warnings: ImportWarning[] = [];
  let targets = listedTargets(lines, bodyEnd, periodEnd);
  if (targets.length === 0) targets = tableTargets(rows, periodEnd);
  if (targets.length === 0) {
    targets = strivingSentences(lines, bodyEnd, periodEnd);
    if (targets.length)
      warnings.push({
        where: "targets",
        code: "targets_from_prose",
        message: `No target list; ${targets.length} target(s) read from "Phấn đấu …" sentences.`,
      });
  }
  for (const t of targets) {
    if (t.measures.length === 0)
      warnings.push({
        where: `target ${t.code}`,
        code: "target_without_number",
        message: "This target names no number that could be measured.",
      });
  }
  return { targets, warnings };
}
