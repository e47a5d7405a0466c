/**
 * The demo plan's reporting history for `npm start` (issue 9 §5): the quarterly rounds 2022 –
 * Q3/2026, the yearly rounds 2022–2025 and the monthly round 11/2026, written through the loop's
 * own functions (openPeriod, saveDraft, submitReport, reviewReport, grantExtension) with an
 * explicit time for each step, so states, versions, lateness and audit rows follow the live
 * rules. Reports on time, late, returned then resubmitted, with an extension, left as a draft,
 * missing. Deterministic (seeded PRNG, fixed as of HISTORY_AS_OF) and written in one
 * transaction: all or nothing, and a second start adds nothing.
 *
 * Marked demo: every period it opens has `demo = true` (the UI says "Dữ liệu minh họa";
 * removeDemoHistory deletes it). Its reports carry no indicator figures, so indicator_values
 * (real figures with sources) never receive a demo number. Q4/2026 is left unopened.
 * Which agencies report is openPeriod's answer (the regime, agency validity): never listed here.
 */
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { type Frequency, periodByLabel, periodTitle } from "../domain/periods.ts";
import { appendAudit, contentDigest, type Tx } from "./audit.ts";
import { type Database, type Db, toCount } from "./connection.ts";
import type { ActorRef } from "./reporting/actor.ts";
import { openPeriod } from "./reporting/periods.ts";
import { tasksToReport } from "./reporting/report-tasks.ts";
import { grantExtension, reviewReport, saveDraft, submitReport } from "./reporting/reports.ts";
import {
  agencies,
  expectedReports,
  notifications,
  reportingPeriods,
  reports,
  reportVersions,
  roleAssignments,
  taskUpdates,
  users,
} from "./schema.ts";
import {
  addDays,
  between,
  EXTENSION_REASONS,
  pick,
  RETURN_COMMENTS,
  rng,
  summaryOf,
  taskUpdate,
} from "./seed-history-text.ts";

/** The day the history is written as of: fixed, so every run gives the same history. */
export const HISTORY_AS_OF = "2026-12-07";
const SEED = "kehoach-demo-history-v1";

export type Fate = "on_time" | "late" | "returned" | "extension" | "draft" | "missing" | "awaiting_review";

interface Round {
  frequency: Frequency;
  label: string;
  /** "past": finished rounds; "current": the rounds still being collected today. */
  kind: "past" | "current";
}

/** The rounds of the history, oldest first. */
export function historyRounds(): Round[] {
  const out: Round[] = [];
  for (let y = 2022; y <= 2026; y++) {
    for (let q = 1; q <= 4; q++) {
      if (y === 2026 && q === 4) continue; // the round test opens Q4/2026
      out.push({
        frequency: "quarterly",
        label: `${y}-Q${q}`,
        kind: y === 2026 && q === 3 ? "current" : "past",
      });
    }
    if (y <= 2025) out.push({ frequency: "yearly", label: `${y}`, kind: "past" });
  }
  out.push({ frequency: "monthly", label: "2026-11", kind: "current" });
  const end = (r: Round) => periodByLabel(r.frequency, r.label)?.end ?? "";
  return out.sort((a, b) => end(a).localeCompare(end(b)) || a.frequency.localeCompare(b.frequency));
}

/** What happens to one agency's report in one round. */
export function fateOf(round: Round, agency: string): Fate {
  const x = rng(`${SEED}:fate:${round.frequency}:${round.label}:${agency}`)();
  if (round.label === "2026-11") {
    return x < 0.3
      ? "on_time"
      : x < 0.45
        ? "late"
        : x < 0.6
          ? "awaiting_review"
          : x < 0.75
            ? "draft"
            : "missing";
  }
  if (round.kind === "current") {
    return x < 0.45
      ? "on_time"
      : x < 0.6
        ? "late"
        : x < 0.7
          ? "awaiting_review"
          : x < 0.8
            ? "returned"
            : x < 0.88
              ? "draft"
              : "missing";
  }
  return x < 0.58
    ? "on_time"
    : x < 0.74
      ? "late"
      : x < 0.84
        ? "returned"
        : x < 0.91
          ? "extension"
          : x < 0.94
            ? "draft"
            : "missing";
}

/** An instant on a Vietnamese working day at a given hour (UTC+7), never after HISTORY_AS_OF. */
function at(date: string, hour: number): Date {
  let d = date;
  for (let i = 0; i < 3; i++) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) break;
    d = addDays(d, wd === 6 ? 2 : 1);
  }
  if (d >= HISTORY_AS_OF) d = addDays(HISTORY_AS_OF, -1);
  return new Date(
    `${d}T${String(hour).padStart(2, "0")}:${String((hour * 7) % 60).padStart(2, "0")}:00+07:00`,
  );
}

interface Actors {
  coordinator: ActorRef;
  byAgency: Map<number, { reporter: ActorRef; leader: ActorRef }>;
}

/** The demo accounts that act: the plan's coordinator, each agency's reporter and leader (else a marked demo actor). */
async function actorsOf(db: Db, planId: number): Promise<Actors> {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      role: roleAssignments.role,
      agencyId: roleAssignments.agencyId,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(eq(roleAssignments.planId, planId))
    .orderBy(asc(users.username));
  const fallback: ActorRef = { userId: null, username: "minh-hoa" };
  const coord = rows.find((r) => r.role === "coordinator");
  const byAgency = new Map<number, { reporter: ActorRef; leader: ActorRef }>();
  for (const r of rows) {
    if (r.agencyId === null || (r.role !== "reporter" && r.role !== "leader")) continue;
    const entry = byAgency.get(r.agencyId) ?? { reporter: fallback, leader: fallback };
    entry[r.role] = { userId: r.id, username: r.username };
    byAgency.set(r.agencyId, entry);
  }
  return { coordinator: coord ? { userId: coord.id, username: coord.username } : fallback, byAgency };
}

export interface HistoryResult {
  seeded: boolean;
  periods: number;
  reports: number;
  ms: number;
  reason?: string;
}

/** Writes the demo history for the plan once; a plan that already has periods is left as it is. */
export async function seedHistory(
  database: Database,
  planId: number,
  log: (s: string) => void = () => {},
): Promise<HistoryResult> {
  const started = Date.now();
  const { db } = database;
  const [any] = await db
    .select({ id: reportingPeriods.id })
    .from(reportingPeriods)
    .where(eq(reportingPeriods.planId, planId))
    .limit(1);
  if (any) return { seeded: false, periods: 0, reports: 0, ms: 0, reason: "plan has periods" };
  const rounds = historyRounds();
  let written = 0;
  await db.transaction(async (outer) => {
    // One transaction for the whole history: the loop's functions nest as savepoints.
    const tx = outer as unknown as Db;
    const actors = await actorsOf(tx, planId);
    const [before] = await tx
      .select({ id: sql<number>`coalesce(max(${notifications.id}), 0)` })
      .from(notifications);
    const lastBefore = toCount(before?.id ?? 0);
    for (const [i, round] of rounds.entries()) {
      written += await seedRound(tx, planId, round, actors);
      log(
        `  Dữ liệu minh họa: kỳ ${periodTitle(round.label)?.vi ?? round.label} (${i + 1}/${rounds.length}) / demo history: ${round.label} (${Date.now() - started} ms)`,
      );
    }
    // The loop's steps told each person as they went (issue 9 §2); the past is read: nobody opens
    // the demo to a bell of hundreds: the history's own notifications are marked read when sent.
    await tx
      .update(notifications)
      .set({ readAt: sql`${notifications.createdAt}` })
      .where(and(gt(notifications.id, lastBefore), isNull(notifications.readAt)));
    await appendAudit(outer as Tx, {
      actor: "seed",
      action: "demo_history.seed",
      entity: "plan",
      entityId: planId,
      planId,
      after: { seed: SEED, asOf: HISTORY_AS_OF, periods: rounds.length, reports: written },
    });
  });
  return { seeded: true, periods: rounds.length, reports: written, ms: Date.now() - started };
}

async function seedRound(db: Db, planId: number, round: Round, actors: Actors): Promise<number> {
  const window = periodByLabel(round.frequency, round.label);
  if (!window) throw new Error(`no period ${round.label}`);
  const opened = await openPeriod(
    db,
    planId,
    round.frequency,
    round.label,
    actors.coordinator,
    at(addDays(window.start, 3), 8),
  );
  await db.update(reportingPeriods).set({ demo: true }).where(eq(reportingPeriods.id, opened.id));
  const expected = await db
    .select({
      id: expectedReports.id,
      agencyId: expectedReports.agencyId,
      due: expectedReports.due,
      name: agencies.name,
    })
    .from(expectedReports)
    .innerJoin(agencies, eq(agencies.id, expectedReports.agencyId))
    .where(eq(expectedReports.periodId, opened.id))
    .orderBy(asc(agencies.name));
  const title = periodTitle(round.label)?.vi ?? round.label;
  let n = 0;
  for (const e of expected) {
    const fate = fateOf(round, e.name);
    if (fate === "missing") continue;
    const r = rng(`${SEED}:steps:${round.label}:${e.name}`);
    const who = actors.byAgency.get(e.agencyId) ?? {
      reporter: { userId: null, username: "minh-hoa" },
      leader: { userId: null, username: "minh-hoa" },
    };
    const tasks = await tasksToReport(db, planId, e.agencyId, window.end);
    const key = `${SEED}:${round.frequency}:${round.label}:${e.name}`;
    const updates = tasks.map((t) => taskUpdate(t, window, key));
    const summary = summaryOf(e.name, title, updates);
    const lateDays = fate === "late" ? between(r, 2, 25) : 0;
    const submitDay =
      fate === "late"
        ? addDays(e.due, lateDays)
        : fate === "extension"
          ? addDays(e.due, between(r, 2, 4))
          : addDays(e.due, -between(r, 0, 4));
    if (fate === "extension")
      await grantExtension(
        db,
        e.id,
        { due: addDays(e.due, 7), reason: pick(r, EXTENSION_REASONS) },
        actors.coordinator,
      );
    let report = await saveDraft(
      db,
      e.id,
      { version: 0, summary, updates },
      who.reporter,
      at(addDays(submitDay, -between(r, 1, 3)), 9),
    );
    n++;
    if (fate === "draft") continue;
    report = await submitReport(db, e.id, { version: report.report.version }, who.leader, at(submitDay, 15));
    if (fate === "awaiting_review") continue;
    let reviewDay = addDays(submitDay, between(r, 1, 6));
    if (fate === "returned") {
      await reviewReport(
        db,
        e.id,
        { outcome: "returned", comment: pick(r, RETURN_COMMENTS) },
        actors.coordinator,
        at(reviewDay, 10),
      );
      if (round.kind === "current" && r() < 0.5) continue; // still with the agency today
      const fixDay = addDays(reviewDay, between(r, 1, 5));
      const fixed = updates.map((u) =>
        u.difficulties
          ? { ...u, proposals: u.proposals ?? "Đề nghị cơ quan chủ trì tổng hợp, báo cáo UBND tỉnh." }
          : u,
      );
      report = await saveDraft(
        db,
        e.id,
        {
          version: report.report.version + 1,
          summary: `${summary} Đã bổ sung theo ý kiến của cơ quan điều phối.`,
          updates: fixed,
        },
        who.reporter,
        at(fixDay, 9),
      );
      await submitReport(db, e.id, { version: report.report.version }, who.leader, at(fixDay, 16));
      reviewDay = addDays(fixDay, between(r, 1, 4));
    }
    await reviewReport(db, e.id, { outcome: "accepted" }, actors.coordinator, at(reviewDay, 11));
  }
  return n;
}

/**
 * A digest of the plan's demo history as stored (no ids, no audit times): two runs that give the
 * same history give the same digest.
 */
export async function historyDigest(db: Db, planId: number): Promise<string> {
  const periods = await db
    .select()
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.planId, planId), eq(reportingPeriods.demo, true)))
    .orderBy(asc(reportingPeriods.windowEnd), asc(reportingPeriods.frequency));
  const out: unknown[] = [];
  for (const p of periods) {
    const rows = await db
      .select({ expected: expectedReports, agency: agencies.name, report: reports })
      .from(expectedReports)
      .innerJoin(agencies, eq(agencies.id, expectedReports.agencyId))
      .leftJoin(reports, eq(reports.expectedReportId, expectedReports.id))
      .where(eq(expectedReports.periodId, p.id))
      .orderBy(asc(agencies.name));
    const items = [];
    for (const { expected: e, agency, report } of rows) {
      const versions = report
        ? await db
            .select()
            .from(reportVersions)
            .where(eq(reportVersions.reportId, report.id))
            .orderBy(asc(reportVersions.number))
        : [];
      const updates = report
        ? await db
            .select()
            .from(taskUpdates)
            .where(eq(taskUpdates.reportId, report.id))
            .orderBy(asc(taskUpdates.taskId))
        : [];
      items.push({
        agency,
        due: e.due,
        extendedDue: e.extendedDue,
        extensionReason: e.extensionReason,
        report: report && {
          state: report.state,
          version: report.version,
          summary: report.summary,
          submittedAt: report.submittedAt?.toISOString() ?? null,
          late: report.late,
          updatedAt: report.updatedAt.toISOString(),
        },
        updates: updates.map(({ id: _i, reportId: _r, taskId: _t, ...u }) => u),
        versions: versions.map((v) => ({
          number: v.number,
          content: v.content,
          submittedAt: v.submittedAt.toISOString(),
          late: v.late,
          outcome: v.outcome,
          reviewComment: v.reviewComment,
          reviewedAt: v.reviewedAt?.toISOString() ?? null,
        })),
      });
    }
    out.push({
      label: p.label,
      frequency: p.frequency,
      start: p.windowStart,
      end: p.windowEnd,
      due: p.due,
      openedAt: p.openedAt?.toISOString() ?? null,
      items,
    });
  }
  return contentDigest(out);
}

/**
 * Removes the plan's demo history (periods marked demo and everything under them), in one
 * transaction with an audit row; real periods are untouched. The audit rows of the history stay
 * (append-only).
 */
export async function removeDemoHistory(db: Db, planId: number, actor: ActorRef): Promise<number> {
  return db.transaction(async (tx) => {
    const periodIds = (
      await tx
        .select({ id: reportingPeriods.id })
        .from(reportingPeriods)
        .where(and(eq(reportingPeriods.planId, planId), eq(reportingPeriods.demo, true)))
    ).map((p) => p.id);
    if (periodIds.length === 0) return 0;
    const ids = sql.join(
      periodIds.map((id) => sql`${id}`),
      sql`, `,
    );
    const er = sql`(select id from expected_reports where period_id in (${ids}))`;
    const rp = sql`(select id from reports where expected_report_id in ${er})`;
    for (const table of ["attachments", "task_updates", "report_versions", "report_indicator_values"])
      await tx.execute(sql`delete from ${sql.identifier(table)} where report_id in ${rp}`);
    await tx.execute(sql`delete from reminders_sent where expected_report_id in ${er}`);
    await tx.execute(sql`delete from reports where expected_report_id in ${er}`);
    await tx.delete(expectedReports).where(inArray(expectedReports.periodId, periodIds));
    await tx.delete(reportingPeriods).where(inArray(reportingPeriods.id, periodIds));
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: "demo_history.remove",
      entity: "plan",
      entityId: planId,
      planId,
      before: { periods: periodIds.length },
    });
    return periodIds.length;
  });
}
