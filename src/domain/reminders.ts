/**
 * Which reminders (đôn đốc) are due today, as pure data (MODEL.md "Reminder sent: expected report
 * × kind × day — never twice"). For a report not yet submitted, a "before" reminder goes out on
 * the working day that leaves N working days until the effective due date (the extension's, else
 * the period's), and an "after" reminder on the N-th working day past it (overdue). Nothing is
 * sent on a day off, and nothing for a report that was submitted or accepted.
 *
 * Each reminder has a stable key, `er:<expectedReportId>:<kind>:<offset>:<effective due>`: the
 * database claims a key once (reminders_sent primary key), so a reminder is never sent twice by
 * one process or several; a new extension moves the due date and so gives new keys.
 */
import { addDays, isWorkingDay } from "./working-days.ts";

export type ReminderKind = "before" | "after";

/** The states of a report that has not reached the receiver yet (reports.state; none: not_started). */
export const UNSUBMITTED_STATES: readonly string[] = [
  "not_started",
  "draft",
  "awaiting_leader",
  "approved",
  "returned",
];

export interface ExpectedForReminder {
  id: number;
  agencyId: number;
  due: string;
  extendedDue: string | null;
  /** not_started | draft | approved | submitted | accepted | returned */
  state: string;
}

export interface ReminderRegime {
  /** Working days before the due date (0: on the last working day up to the due date). */
  remindBefore: readonly number[];
  /** Working days after the due date (≥ 1). */
  remindAfter: readonly number[];
}

export interface Reminder {
  key: string;
  expectedReportId: number;
  agencyId: number;
  kind: ReminderKind;
  /** Working days before (kind "before") or past (kind "after") the due date. */
  offset: number;
  /** The effective due date: the extension's, else the period's. */
  due: string;
  /** The day it is sent: today. */
  on: string;
}

export function reminderKey(
  expectedReportId: number,
  kind: ReminderKind,
  offset: number,
  due: string,
): string {
  return `er:${expectedReportId}:${kind}:${offset}:${due}`;
}

/** The effective due date of an expected report. */
export function effectiveDue(e: Pick<ExpectedForReminder, "due" | "extendedDue">): string {
  return e.extendedDue ?? e.due;
}

/**
 * How many working days d there are with a < d ≤ b — `workingDaysBetween` for a ≤ b — but
 * counting no further than `cap + 1`: a reminder only needs to know whether the count equals one
 * of its offsets, and a report years overdue should not cost a walk over years every hour.
 */
export function workingDaysAfter(a: string, b: string, holidays: ReadonlySet<string>, cap: number): number {
  let n = 0;
  for (let d = addDays(a, 1); d <= b && n <= cap; d = addDays(d, 1)) {
    if (isWorkingDay(d, holidays)) n++;
  }
  return n;
}

function offsets(list: readonly number[], min: number): number[] {
  return [...new Set(list.filter((n) => Number.isInteger(n) && n >= min))].sort((a, b) => a - b);
}

/**
 * The reminders to send on `today` (ISO date). "before N": today is a working day on or before the
 * due date and exactly N working days follow it up to the due date (N = 0: today is the last
 * working day up to the due date). "after N": today is the N-th working day after the due date.
 */
export function dueReminders(
  expected: readonly ExpectedForReminder[],
  regime: ReminderRegime,
  today: string,
  holidays: ReadonlySet<string>,
): Reminder[] {
  if (!isWorkingDay(today, holidays)) return [];
  const before = offsets(regime.remindBefore, 0);
  const after = offsets(regime.remindAfter, 1);
  const maxBefore = before.at(-1) ?? -1;
  const maxAfter = after.at(-1) ?? -1;
  const out: Reminder[] = [];
  const seen = new Set<string>();
  for (const e of expected) {
    if (!UNSUBMITTED_STATES.includes(e.state)) continue;
    const due = effectiveDue(e);
    let kind: ReminderKind | null = null;
    let offset = -1;
    if (today <= due && maxBefore >= 0) {
      const n = workingDaysAfter(today, due, holidays, maxBefore);
      if (before.includes(n)) [kind, offset] = ["before", n];
    } else if (today > due && maxAfter >= 1) {
      const n = workingDaysAfter(due, today, holidays, maxAfter);
      if (after.includes(n)) [kind, offset] = ["after", n];
    }
    if (!kind) continue;
    const key = reminderKey(e.id, kind, offset, due);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key, expectedReportId: e.id, agencyId: e.agencyId, kind, offset, due, on: today });
  }
  return out;
}
