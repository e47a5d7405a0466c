/**
 * Reads a task's deadline phrase ("Thời gian thực hiện") into a `Schedule`: continuous work,
 * a recurrence, dated milestones, or a mix (GLOSSARY.md "Deadline phrases"). A task's status is
 * computed from its schedule (MODEL.md invariants; REGULATIONS.md §2: done on time / late,
 * within term / overdue), so a date is only ever read, never guessed: what cannot be read is
 * reported in `warnings` and the schedule says `kind: "unknown"`.
 */
import { type Expr, findExpressions } from "./schedule-patterns.ts";
import {
  actionWords,
  lastClauseStart,
  normaliseDeadline,
  splitProduct,
  stripLeading,
} from "./schedule-text.ts";
import type { Milestone, Recurrence, Schedule, ScheduleKind, ScheduleParse } from "./schedule-types.ts";
import { dayBefore } from "./vn-dates.ts";

/** Shortest period first: when a phrase names several, the most frequent one is kept. */
const RECURRENCE_ORDER: Recurrence[] = ["monthly", "quarterly", "half-yearly", "yearly"];

/**
 * The summary kind of a schedule (schedule-types.ts): "mixed" when more than one of continuous,
 * recurrence and milestones is present ("Năm 2022 và hàng năm"), "unknown" when none is, else
 * the one present. Derived, never stored by hand, so it cannot disagree with the parts.
 */
export function scheduleKind(s: Pick<Schedule, "continuous" | "recurrence" | "milestones">): ScheduleKind {
  const parts: ScheduleKind[] = [];
  if (s.continuous) parts.push("continuous");
  if (s.recurrence !== null) parts.push("recurring");
  if (s.milestones.length > 0) parts.push("milestone");
  if (parts.length > 1) return "mixed";
  return parts[0] ?? "unknown";
}

/**
 * The earliest milestone due date (ISO), or null when there is none. A task's first deadline is
 * what "chưa đến hạn" / "quá hạn" (REGULATIONS.md §2: within term / overdue) is first judged on.
 */
export function firstDue(s: Pick<Schedule, "milestones">): string | null {
  return s.milestones.reduce<string | null>((min, m) => (min === null || m.due < min ? m.due : min), null);
}

/**
 * The latest milestone due date (ISO), or null when there is none: after it, an unfinished
 * task is overdue (REGULATIONS.md §2, "not done and overdue").
 */
export function lastDue(s: Pick<Schedule, "milestones">): string | null {
  return s.milestones.reduce<string | null>((max, m) => (max === null || m.due > max ? m.due : max), null);
}

/**
 * Real deadline cells are under 100 characters; a cell of thousands is a mis-read table (merged
 * cells), not a deadline, and is refused rather than scanned.
 */
const MAX_LENGTH = 2000;
const BEFORE = /(?<![\p{L}\p{N}])trước\s*$/iu;
const VAGUE = /(?<![\p{L}\p{N}])(đầu|giữa)\s*$/iu;
const RANGE_JOINER = /^\s*(?:-|đến|tới|đến hết)\s*$/iu;
const QUANTITY = /\s*\(([^()]{0,80})\)/uy;

/** A milestone being read, with what is needed to extend it into a span. */
interface Reading {
  milestone: Milestone;
  /** First day of the period it was read from. */
  from: string;
  /** Read from "trước …" (due the day before), so it cannot start a span. */
  before: boolean;
}

interface State {
  text: string;
  warnings: string[];
  continuous: boolean;
  recurrences: Set<Recurrence>;
  milestones: Reading[];
  /** The last milestone, while the next piece may still continue its clause. */
  previous: Reading | null;
  unread: string[];
}

/**
 * Parses a deadline phrase. Never throws: anything unreadable ends up in `warnings`.
 *
 * Supported (case-insensitive, any whitespace): "Thường xuyên", "Liên tục"; "Hàng/Hằng năm|quý|
 * tháng", "6 tháng một lần", "định kỳ 6 tháng", "nửa năm"; "Quý I/2022", "quý II năm 2022",
 * "Quý 3/2022", "Q4/2021"; "tháng 8/2022", "tháng 5 năm 2026", "8/2024"; "6 tháng đầu|cuối năm
 * 2023", "9 tháng năm 2023"; "ngày 15/3/2022", "15/03/2022", "ngày 15 tháng 3 năm 2022"; "năm
 * 2022", "2025"; spans "2024 - 2025", "giai đoạn 2021-2025", "từ năm 2024 đến năm 2030", "từ tháng
 * 1/2022 đến tháng 6/2022". A milestone is due on the last day of the period named; "trước X"
 * (before X) is due the day before X starts ("trước ngày 01/01/2030" → 2029-12-31). Actions,
 * products and "(4 cụm)" quantities are read around the dates (GLOSSARY.md "Deadline phrases").
 */
export function parseSchedule(text: string): ScheduleParse {
  const normalised = normaliseDeadline(typeof text === "string" ? text : "");
  if (normalised.length > MAX_LENGTH) {
    return unknown(`${normalised.slice(0, 80)}…`, [
      `deadline text too long to be a deadline (${normalised.length} characters)`,
    ]);
  }
  try {
    return parseNormalised(normalised);
  } catch (error) {
    return unknown(normalised, [`internal error: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

function unknown(text: string, warnings: string[]): ScheduleParse {
  return {
    schedule: { continuous: false, recurrence: null, milestones: [], kind: "unknown" },
    warnings: [`unreadable deadline: "${text}"`, ...warnings],
  };
}

function parseNormalised(text: string): ScheduleParse {
  const state: State = {
    text,
    warnings: [],
    continuous: false,
    recurrences: new Set(),
    milestones: [],
    previous: null,
    unread: [],
  };
  let cursor = 0;
  for (const expr of findExpressions(text)) {
    cursor = readExpression(state, expr, text.slice(cursor, expr.start));
  }
  state.unread.push(text.slice(cursor));
  for (const piece of state.unread) {
    const words = actionWords(piece);
    if (/\p{N}/u.test(words)) state.warnings.push(`unread words: "${words}"`);
  }
  const recurrence = RECURRENCE_ORDER.find((r) => state.recurrences.has(r)) ?? null;
  const milestones = state.milestones.map((r) => r.milestone);
  const parts = { continuous: state.continuous, recurrence, milestones };
  const kind = scheduleKind(parts);
  if (kind === "unknown") return unknown(text, state.warnings);
  return { schedule: { ...parts, kind }, warnings: state.warnings };
}

/** Applies one expression; `gap` is the text between the previous expression and this one. Returns the new cursor. */
function readExpression(state: State, expr: Expr, gap: string): number {
  if (expr.type !== "period") {
    state.unread.push(gap);
    state.previous = null;
    if (expr.type === "continuous") state.continuous = true;
    else if (expr.type === "recurrence") state.recurrences.add(expr.recurrence);
    else state.warnings.push(expr.message);
    return expr.end;
  }
  if (VAGUE.test(gap)) {
    state.unread.push(gap.replace(VAGUE, ""));
    state.previous = null;
    state.warnings.push(`vague date not kept: "${(VAGUE.exec(gap)?.[1] ?? "").trim()} ${expr.text}"`);
    return expr.end;
  }
  QUANTITY.lastIndex = expr.end;
  const q = QUANTITY.exec(state.text);
  const end = expr.end + (q ? q[0].length : 0);
  const quantity = q && /\p{N}/u.test(q[1] ?? "") ? (q[1] ?? "").trim() : undefined;
  const before = BEFORE.test(gap);
  const due = before ? dayBefore(expr.from) : expr.to;
  const previous = state.previous;

  // "từ tháng 1/2022 đến tháng 6/2022", "Quý I/2022 - Quý II/2022": one span.
  if (previous && !previous.before && !before && RANGE_JOINER.test(gap)) {
    const m = previous.milestone;
    const start = m.start ?? previous.from;
    if (start <= due) {
      m.start = start;
      m.due = due;
      if (quantity !== undefined) m.quantity = quantity;
      m.text = `${m.text}${gap}${state.text.slice(expr.start, end)}`;
      state.previous = null;
      return end;
    }
  }

  const clauseAt = lastClauseStart(gap);
  if (clauseAt >= 0) state.unread.push(gap.slice(0, clauseAt));
  const clause = clauseAt >= 0 ? gap.slice(clauseAt) : gap;
  const words = actionWords(clause);
  const inherit = words === "" && clauseAt < 0 && previous !== null;
  const { action, product } = inherit ? previous.milestone : splitProduct(words);
  const written = inherit ? "" : stripLeading(clause);
  const milestone: Milestone = {
    due,
    ...(expr.span && !before ? { start: expr.from } : {}),
    ...(action !== undefined ? { action } : {}),
    ...(product !== undefined ? { product } : {}),
    ...(quantity !== undefined ? { quantity } : {}),
    text: `${written}${state.text.slice(expr.start, end)}`,
  };
  const reading = { milestone, from: expr.from, before };
  state.milestones.push(reading);
  state.previous = reading;
  return end;
}
