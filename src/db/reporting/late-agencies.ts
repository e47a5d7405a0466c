/**
 * Who is late with a period's report on a date, and to whom the urging goes (issue 9 §4):
 *  - a report is late when it is not received (reporting-rates.ts `isReceivedState`: a draft, a
 *    report awaiting the leader, a returned one…) and its effective due date has passed;
 *  - the addressee is an agency that EXISTS on the letter's date: a ceased agency (validTo
 *    before the date) is replaced by its successor, followed along the chain (REGULATIONS.md §5,
 *    the 2025 reorganisation); several late reports reaching one addressee make one entry;
 *  - each entry lists the addressee's OWN OPEN tasks: those it (or the ceased agency it replaces)
 *    leads or is a named coordinator of — not tasks it reaches only through a group such as
 *    "UBND huyện, thành phố" (a group names no one agency accountable), and not tasks done
 *    by then (task-status.ts, the lead's accepted reports);
 *  - the coordinator's own agency is listed like any other when it is late.
 */
import { and, eq, inArray } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import { effectiveDue } from "../../domain/reminders.ts";
import { isReceivedState } from "../../domain/reporting-rates.ts";
import { compareTaskCodes } from "../../domain/task-code.ts";
import { workingDaysBetween } from "../../domain/working-days.ts";
import type { Db } from "../connection.ts";
import { assignmentValidOn } from "../queries/assignments-on.ts";
import { agencies, reportingPeriods, taskAssignments, tasks } from "../schema.ts";
import { listExpected } from "./expected.ts";
import { holidayDates } from "./holidays.ts";
import { planTaskStatuses } from "./status.ts";

export interface LateAgency {
  /** The first late expected report of the addressee (the link of its reminder). */
  expectedReportId: number;
  expectedReportIds: number[];
  /** The addressee: an agency valid on the date. */
  agencyId: number;
  agencyName: string;
  /** The ceased agencies whose late report the addressee answers for (empty when none). */
  replaces: { id: number; name: string }[];
  due: string;
  extended: boolean;
  workingDaysOverdue: number;
  /** Codes of the addressee's own open tasks, in plan order. */
  taskCodes: string[];
}

/**
 * Which tasks of the plan each agency owns: it is the lead or a named coordinator itself (no
 * group membership) on `onDate` (the assignment history, `src/db/queries/assignments-on.ts`: a
 * ceased agency's rows end the day before its successor's begin). The ONE place that answers
 * "which tasks does agency A own" for urging.
 */
export async function agencyOwnTasks(
  db: Db,
  planId: number,
  agencyIds: readonly number[],
  onDate: string,
): Promise<Map<number, { taskId: number; code: string; role: string }[]>> {
  const out = new Map<number, { taskId: number; code: string; role: string }[]>();
  if (agencyIds.length === 0) return out;
  const rows = await db
    .select({
      agencyId: taskAssignments.agencyId,
      taskId: tasks.id,
      code: tasks.code,
      role: taskAssignments.role,
      planId: tasks.planId,
    })
    .from(taskAssignments)
    .innerJoin(tasks, eq(tasks.id, taskAssignments.taskId))
    .where(and(inArray(taskAssignments.agencyId, [...agencyIds]), assignmentValidOn(onDate)));
  for (const r of rows) {
    if (r.planId !== planId) continue;
    const list = out.get(r.agencyId) ?? [];
    if (!list.some((x) => x.taskId === r.taskId)) list.push({ taskId: r.taskId, code: r.code, role: r.role });
    out.set(r.agencyId, list);
  }
  return out;
}

type AgencyRow = { id: number; name: string; validTo: string | null; successorId: number | null };

/** The agency that answers for `id` on `date`: itself while valid, else its successor (followed, no loops). */
export function addresseeOn(
  byId: ReadonlyMap<number, AgencyRow>,
  id: number,
  date: string,
): AgencyRow | undefined {
  let a = byId.get(id);
  const seen = new Set<number>();
  while (a && a.validTo !== null && a.validTo < date && a.successorId !== null && !seen.has(a.id)) {
    seen.add(a.id);
    const next = byId.get(a.successorId);
    if (!next) break;
    a = next;
  }
  return a;
}

/** The agencies late with their report for the period on `today`, addressed as above, by name. */
export async function lateAgencies(
  db: Db,
  planId: number,
  periodId: number,
  today: string,
): Promise<LateAgency[]> {
  const [period] = await db.select().from(reportingPeriods).where(eq(reportingPeriods.id, periodId));
  if (!period || period.planId !== planId)
    throw new AppError("NOT_FOUND", {
      en: `Period ${periodId} is not a period of plan ${planId}.`,
      vi: `Kỳ báo cáo ${periodId} không thuộc kế hoạch ${planId}.`,
    });
  const late = (await listExpected(db, { planId, periodId })).filter(
    (e) => !isReceivedState(e.state) && effectiveDue(e) < today,
  );
  if (late.length === 0) return [];
  const holidays = await holidayDates(db);
  const agencyRows = await db
    .select({
      id: agencies.id,
      name: agencies.name,
      validTo: agencies.validTo,
      successorId: agencies.successorId,
    })
    .from(agencies);
  const byId = new Map(agencyRows.map((a) => [a.id, a]));
  const entries = new Map<number, LateAgency & { owners: Set<number> }>();
  for (const e of late) {
    const to = addresseeOn(byId, e.agency.id, today) ?? { id: e.agency.id, name: e.agency.name };
    const due = effectiveDue(e);
    const entry = entries.get(to.id) ?? {
      expectedReportId: e.id,
      expectedReportIds: [],
      agencyId: to.id,
      agencyName: to.name,
      replaces: [],
      due,
      extended: false,
      workingDaysOverdue: 0,
      taskCodes: [],
      owners: new Set([to.id]),
    };
    entry.expectedReportIds.push(e.id);
    entry.owners.add(e.agency.id);
    if (e.agency.id !== to.id) entry.replaces.push({ id: e.agency.id, name: e.agency.name });
    if (due < entry.due) entry.due = due;
    entry.extended ||= e.extendedDue !== null;
    entry.workingDaysOverdue = workingDaysBetween(entry.due, today, holidays);
    entries.set(to.id, entry);
  }
  const owners = [...new Set([...entries.values()].flatMap((x) => [...x.owners]))];
  const own = await agencyOwnTasks(db, planId, owners, today);
  const done = new Set(
    (await planTaskStatuses(db, planId, today))
      .filter((s) => s.status === "done_on_time" || s.status === "done_late")
      .map((s) => s.taskId),
  );
  return [...entries.values()]
    .map(({ owners: ids, ...entry }) => {
      const codes = new Set<string>();
      for (const id of ids) for (const t of own.get(id) ?? []) if (!done.has(t.taskId)) codes.add(t.code);
      return { ...entry, taskCodes: [...codes].sort(compareTaskCodes) };
    })
    .sort((a, b) => a.agencyName.localeCompare(b.agencyName, "vi"));
}
