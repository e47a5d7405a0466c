/**
 * Opening a reporting period: the window comes from Decree 09/2019 Art. 12, the due date from the
 * regime's rule in working days (holidays from the database), and one expected report is created
 * for every reporting agency valid on the period's cut-off end date (REGULATIONS.md §5: a ceased
 * agency's successor reports). Opening the same period twice is refused.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import { periodFromText } from "../../domain/period-label.ts";
import { type Frequency, periodTitle } from "../../domain/periods.ts";
import { type ExpectedReportRow, reportingRates } from "../../domain/reporting-rates.ts";
import { dueDate } from "../../domain/working-days.ts";
import { appendAudit, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import { qualified, toCount } from "../connection.ts";
import { expectedReports, reportingPeriods } from "../schema.ts";
import type { ActorRef } from "./actor.ts";
import { listExpected } from "./expected.ts";
import { holidayDates } from "./holidays.ts";
import { getRegime } from "./regime.ts";
import { reportersOn } from "./reporters-on.ts";

/**
 * The period a coordinator names — by code ("2026-Q4") or by the title the app shows
 * ("Quý IV/2026"; domain/period-label.ts) — with its window (Decree 09/2019 Art. 12) and its due
 * date by the plan's regime (working days after the window's end, holidays from the database).
 * Refuses a frequency the regime lacks, or a text naming no period of that frequency.
 */
async function namedPeriod(db: Db, planId: number, frequency: Frequency, text: string) {
  const regime = await getRegime(db, planId);
  if (!regime.frequencies.includes(frequency)) {
    throw new AppError(
      "VALIDATION",
      {
        en: `The plan's regime has no ${frequency} reports.`,
        vi: `Chế độ báo cáo của kế hoạch không có kỳ báo cáo này (${frequency}).`,
      },
      {
        fields: [
          {
            field: "frequency",
            reason: "not in the plan's regime",
            reasonVi: "không có trong chế độ báo cáo",
          },
        ],
      },
    );
  }
  const period = periodFromText(frequency, text);
  const holidays = await holidayDates(db);
  const due = dueDate(period.end, regime.deadlineDays[frequency] ?? 2, holidays);
  return { regime, period, due };
}

/**
 * What opening a period would create, without opening it: its code, window and due date, and
 * the id of the period if it is already open (issue 9 §3: the form shows them before "Mở kỳ").
 */
export async function previewPeriod(db: Db, planId: number, frequency: Frequency, text: string) {
  const { period, due } = await namedPeriod(db, planId, frequency, text);
  const [existing] = await db
    .select({ id: reportingPeriods.id })
    .from(reportingPeriods)
    .where(
      and(
        eq(reportingPeriods.planId, planId),
        eq(reportingPeriods.frequency, frequency),
        eq(reportingPeriods.label, period.label),
      ),
    );
  return {
    frequency,
    label: period.label,
    start: period.start,
    end: period.end,
    due,
    openedPeriodId: existing?.id ?? null,
  };
}

/** Opens the period named by code or title (see `namedPeriod`); stores it by its code. */
export async function openPeriod(
  db: Db,
  planId: number,
  frequency: Frequency,
  text: string,
  actor: ActorRef,
  now = new Date(),
) {
  const { regime, period, due } = await namedPeriod(db, planId, frequency, text);
  const label = period.label;
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: reportingPeriods.id })
      .from(reportingPeriods)
      .where(
        and(
          eq(reportingPeriods.planId, planId),
          eq(reportingPeriods.frequency, frequency),
          eq(reportingPeriods.label, label),
        ),
      );
    if (existing) {
      throw new AppError(
        "INVALID_STATE",
        {
          en: `Period ${periodTitle(label)?.en ?? label} is already open.`,
          vi: `Kỳ báo cáo ${periodTitle(label)?.vi ?? label} đã được mở.`,
        },
        { details: { periodId: existing.id } },
      );
    }
    const [row] = await tx
      .insert(reportingPeriods)
      .values({
        planId,
        frequency,
        label,
        windowStart: period.start,
        windowEnd: period.end,
        due,
        openedAt: now,
      })
      .returning();
    if (!row) throw new Error("insert period returned nothing");
    // Only agencies valid on the cut-off end date report (REGULATIONS.md §5; reporters-on.ts).
    const reporters = await reportersOn(tx as Tx, planId, period.end, regime.saved ? regime.reporters : null);
    if (reporters.length) {
      await tx
        .insert(expectedReports)
        .values(reporters.map((r) => ({ periodId: row.id, agencyId: r.id, due })));
    }
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: "period.open",
      entity: "reporting_period",
      entityId: row.id,
      planId,
      after: { planId, frequency, label, due, reporters: reporters.length },
    });
    return { ...row, expected: reporters.length };
  });
}

/**
 * The plan's opened periods with how many reports are expected, received and on time as of
 * `asOf` (ISO date), counted by the one rule of `reportingRates` (domain/reporting-rates.ts):
 * every report of the period is owed; received = submitted or accepted and sent by as-of
 * (a returned report is not received); on time = sent by its (extended) due date.
 */
export async function listPeriods(db: Db, planId: number, asOf = "9999-12-31") {
  const rows = await db
    .select({
      period: reportingPeriods,
      expected: sql`(select count(*) from ${expectedReports} er where er.period_id = ${qualified(reportingPeriods.id)})`,
    })
    .from(reportingPeriods)
    .where(eq(reportingPeriods.planId, planId))
    .orderBy(asc(reportingPeriods.windowEnd), asc(reportingPeriods.frequency));
  const byPeriod = new Map<number, ExpectedReportRow[]>();
  for (const e of await listExpected(db, { planId })) {
    const list = byPeriod.get(e.period.id) ?? [];
    list.push({
      agencyId: e.agency.id,
      periodLabel: e.period.label,
      due: e.due,
      extendedDue: e.extendedDue,
      submittedAt: e.submittedAt,
      state: e.state,
    });
    byPeriod.set(e.period.id, list);
  }
  return rows.map((r) => {
    const rate = reportingRates(byPeriod.get(r.period.id) ?? [], asOf, { wholePeriod: true }).overall;
    return {
      id: r.period.id,
      frequency: r.period.frequency,
      label: r.period.label,
      start: r.period.windowStart,
      end: r.period.windowEnd,
      due: r.period.due,
      openedAt: r.period.openedAt,
      demo: r.period.demo,
      expected: toCount(r.expected),
      received: rate.received,
      onTime: rate.onTime,
    };
  });
}
