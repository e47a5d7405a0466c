/**
 * The leaders' dashboard (issue 10 §2): one small answer for the first screen, composed of the
 * functions the detailed pages use — evaluatePlanTargets (targets page), planTaskStatuses
 * (status board), planRates (rates page) — all as of one date, so every number on the
 * dashboard is the number the page behind it shows. Only what the tiles need is kept: the
 * targets page has the working, the status board every task.
 */
import { and, asc, eq, gt, lte } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import type { Bilingual } from "../../domain/indicator-values.ts";
import type { TaskStatus } from "../../domain/task-status.ts";
import { addDays } from "../../domain/working-days.ts";
import type { Db } from "../connection.ts";
import { evaluatePlanTargets } from "../indicators/evaluate.ts";
import { planRates, planTaskStatuses } from "../reporting/status.ts";
import { milestones, plans, reportingPeriods, tasks } from "../schema.ts";

/** How far ahead "what falls due" looks, in days after the as-of date. */
export const DUE_SOON_DAYS = 30;
const DONE: ReadonlySet<TaskStatus> = new Set(["done_on_time", "done_late"]);

export interface DashboardTile {
  targetId: number;
  code: string;
  text: string;
  status: string;
  statusLabel: Bilingual;
  /** The measure shown on the tile: the target's first measure (targets with variants: the first). */
  measure: {
    code: string;
    unit: string;
    goal: { value: number; comparator: string; year: number };
    latest: { year: number; value: number; kind: string | null } | null;
    /** The yearly series the evaluation used, oldest first: the sparkline. */
    series: { year: number; value: number }[];
  } | null;
}

export interface DashboardTask {
  taskId: number;
  code: string;
  content: string;
  due: string | null;
  leads: string[];
}

export interface Dashboard {
  asOf: string;
  plan: {
    id: number;
    title: string;
    number: string | null;
    periodStart: number | null;
    periodEnd: number | null;
    /** 31/12 of the plan's last year (ISO), or null when the document gives no period. */
    endsOn: string | null;
    ended: boolean;
  };
  targets: DashboardTile[];
  tasks: { total: number; counts: Partial<Record<TaskStatus, number>>; overdue: DashboardTask[] };
  /** Null when the reader may not see the agencies' reporting rates (status:read-all). */
  agencies: {
    overall: { expected: number; received: number; onTime: number; onTimeRate: number | null };
    ranked: {
      agencyId: number;
      name: string;
      expected: number;
      received: number;
      onTime: number;
      onTimeRate: number | null;
    }[];
  } | null;
  dueSoon: {
    days: number;
    tasks: DashboardTask[];
    periods: { periodId: number; label: string; due: string }[];
  };
}

const short = (text: string, n = 160) => (text.length > n ? `${text.slice(0, n - 1).trimEnd()}…` : text);

/**
 * The dashboard of a plan as of `asOf` (ISO). `withRates`: the reader may see each agency's
 * reporting rate (the route passes can(actor, "status:read-all")); otherwise `agencies` is null.
 */
export async function planDashboard(
  db: Db,
  planId: number,
  asOf: string,
  { withRates }: { withRates: boolean },
): Promise<Dashboard> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan)
    throw new AppError("NOT_FOUND", {
      en: `Plan ${planId} does not exist.`,
      vi: `Không tìm thấy kế hoạch ${planId}.`,
    });
  const endsOn = plan.periodEnd ? `${plan.periodEnd}-12-31` : null;
  const evaluation = await evaluatePlanTargets(db, planId, asOf);
  const statuses = await planTaskStatuses(db, planId, asOf);

  const counts: Partial<Record<TaskStatus, number>> = {};
  for (const s of statuses) counts[s.status] = (counts[s.status] ?? 0) + 1;
  const toTask = (s: (typeof statuses)[number], due = s.due): DashboardTask => ({
    taskId: s.taskId,
    code: s.code,
    content: short(s.content),
    due,
    leads: s.leads.map((l) => l.name),
  });

  let agencies: Dashboard["agencies"] = null;
  if (withRates) {
    const rates = await planRates(db, planId, asOf);
    agencies = {
      overall: {
        expected: rates.overall.expected,
        received: rates.overall.received,
        onTime: rates.overall.onTime,
        onTimeRate: rates.overall.onTimeRate,
      },
      ranked: rates.agencies
        .filter((a) => a.expected > 0)
        .map((a) => ({
          agencyId: a.agencyId,
          name: a.agency.name,
          expected: a.expected,
          received: a.received,
          onTime: a.onTime,
          onTimeRate: a.onTimeRate,
        }))
        // Best first; equal rates: more reports owed first, then by name.
        .sort(
          (a, b) =>
            (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
            b.expected - a.expected ||
            a.name.localeCompare(b.name, "vi"),
        ),
    };
  }

  // The last valid day caps the window (an as-of date in December 9999 has no 30 days after it).
  const until = asOf > "9999-12-01" ? "9999-12-31" : addDays(asOf, DUE_SOON_DAYS);
  const soonMilestones = await db
    .select({ taskId: milestones.taskId, due: milestones.due })
    .from(milestones)
    .innerJoin(tasks, eq(tasks.id, milestones.taskId))
    .where(and(eq(tasks.planId, planId), gt(milestones.due, asOf), lte(milestones.due, until)))
    .orderBy(asc(milestones.due));
  const byId = new Map(statuses.map((s) => [s.taskId, s]));
  const seen = new Set<number>();
  const dueTasks: DashboardTask[] = [];
  for (const m of soonMilestones) {
    const s = byId.get(m.taskId);
    if (!s || seen.has(m.taskId) || DONE.has(s.status)) continue;
    seen.add(m.taskId);
    dueTasks.push(toTask(s, m.due));
  }
  const periods = await db
    .select({ periodId: reportingPeriods.id, label: reportingPeriods.label, due: reportingPeriods.due })
    .from(reportingPeriods)
    .where(
      and(
        eq(reportingPeriods.planId, planId),
        gt(reportingPeriods.due, asOf),
        lte(reportingPeriods.due, until),
      ),
    )
    .orderBy(asc(reportingPeriods.due));

  return {
    asOf,
    plan: {
      id: plan.id,
      title: plan.title,
      number: plan.number,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      endsOn,
      ended: endsOn !== null && asOf > endsOn,
    },
    targets: evaluation.targets.map((t): DashboardTile => {
      const m = t.measures[0];
      const latest = m?.evaluation.latest ?? null;
      return {
        targetId: t.id,
        code: t.code,
        text: short(t.text, 200),
        status: t.overall.status,
        statusLabel: t.overall.statusLabel,
        measure: m
          ? {
              code: m.code,
              unit: m.goal.unit,
              goal: { value: m.goal.value, comparator: m.goal.comparator, year: m.goal.year },
              latest: latest ? { year: latest.year, value: latest.value, kind: latest.kind ?? null } : null,
              series: m.observations.map((o) => ({ year: o.year, value: o.value })),
            }
          : null,
      };
    }),
    tasks: {
      total: statuses.length,
      counts,
      overdue: statuses.filter((s) => s.status === "overdue").map((s) => toTask(s)),
    },
    agencies,
    dueSoon: {
      days: DUE_SOON_DAYS,
      tasks: dueTasks,
      periods,
    },
  };
}
