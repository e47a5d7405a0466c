/**
 * Opening a reporting period: the window comes from Decree 09/2019 Art. 12, the due date from the
 * regime's rule in working days (holidays from the database), and one expected report is created
 * for every reporting agency valid on the period's cut-off end date (REGULATIONS.md §5: a ceased
 * agency's successor reports). Opening the same period twice is refused.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import { type Frequency, periodByLabel } from "../../domain/periods.ts";
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

export async function openPeriod(
  db: Db,
  planId: number,
  frequency: Frequency,
  label: string,
  actor: ActorRef,
  now = new Date(),
) {
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
  const period = periodByLabel(frequency, label);
  if (!period) {
    throw new AppError(
      "VALIDATION",
      {
        en: `"${label}" is not a ${frequency} period label.`,
        vi: `"${label}" không phải là kỳ báo cáo hợp lệ.`,
      },
      {
        fields: [
          { field: "label", reason: "unknown period label", reasonVi: "nhãn kỳ báo cáo không hợp lệ" },
        ],
      },
    );
  }
  const holidays = await holidayDates(db);
  const due = dueDate(period.end, regime.deadlineDays[frequency] ?? 2, holidays);
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
        { en: `Period ${label} is already open.`, vi: `Kỳ báo cáo ${label} đã được mở.` },
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
