/**
 * The dashboard (dashboard.ts) and the public page (public-plan.ts) on the demo with its
 * reporting history: as of 31/12/2023 it says what was true then, and every number is the one
 * the page behind it computes (planTaskStatuses, planRates, evaluatePlanTargets).
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../domain/working-days.ts";
import { evaluatePlanTargets } from "../indicators/evaluate.ts";
import { planRates, planTaskStatuses } from "../reporting/status.ts";
import { auditLog, reportingPeriods } from "../schema.ts";
import { seededTestDb, type TestDatabase } from "../test-db.ts";
import { type Dashboard, planDashboard } from "./dashboard.ts";
import { publicPlan, publishedPlans, setPlanPublic } from "./public-plan.ts";

const PAST = "2023-12-31";
const TODAY = "2026-12-07";
let database: TestDatabase;
let planId: number;
let past: Dashboard;
let today: Dashboard;

beforeAll(async () => {
  // The demo with its reporting history, copied from the run's template (src/db/test-templates.ts).
  ({ database, planId } = await seededTestDb({ history: true }));
  past = await planDashboard(database.db, planId, PAST, { withRates: true });
  today = await planDashboard(database.db, planId, TODAY, { withRates: true });
}, 600_000);
afterAll(() => database?.close());

describe("planDashboard", () => {
  it("counts the tasks as the status board does, on each date, and names every overdue task", async () => {
    for (const [asOf, d] of [
      [PAST, past],
      [TODAY, today],
    ] as const) {
      const statuses = await planTaskStatuses(database.db, planId, asOf);
      const counts: Record<string, number> = {};
      for (const s of statuses) counts[s.status] = (counts[s.status] ?? 0) + 1;
      expect(d.tasks.counts).toEqual(counts);
      expect(d.tasks.total).toBe(statuses.length);
      expect(d.tasks.overdue.map((t) => t.code)).toEqual(
        statuses.filter((s) => s.status === "overdue").map((s) => s.code),
      );
    }
    expect(today.tasks.total).toBeGreaterThan(50);
    expect(today.tasks.overdue.length).toBeGreaterThan(0);
    expect(today.tasks.overdue[0]?.leads.length).toBeGreaterThan(0);
  });

  it("differs as of 31/12/2023 from today where the history moved", () => {
    expect(past.asOf).toBe(PAST);
    expect(past.tasks.counts).not.toEqual(today.tasks.counts);
    expect(past.agencies?.overall.expected).toBeLessThan(today.agencies?.overall.expected ?? 0);
  });

  it("ranks the agencies by on-time rate with the numbers of the rates page", async () => {
    for (const [asOf, d] of [
      [PAST, past],
      [TODAY, today],
    ] as const) {
      const rates = await planRates(database.db, planId, asOf);
      expect(d.agencies?.overall.onTimeRate).toBe(rates.overall.onTimeRate);
      const ranked = d.agencies?.ranked ?? [];
      expect(ranked.length).toBeGreaterThan(0);
      for (const a of ranked) {
        const r = rates.agencies.find((x) => x.agencyId === a.agencyId);
        expect(r?.onTimeRate).toBe(a.onTimeRate);
        expect(r?.expected).toBe(a.expected);
      }
      const values = ranked.map((a) => a.onTimeRate ?? -1);
      expect(values).toEqual([...values].sort((x, y) => y - x));
    }
    // The demo has late agencies: the ranking is not flat.
    const todayRates = (today.agencies?.ranked ?? []).map((a) => a.onTimeRate);
    expect(new Set(todayRates).size).toBeGreaterThan(1);
  });

  it("leaves the agencies' rates out for a reader who may not see them", async () => {
    const d = await planDashboard(database.db, planId, PAST, { withRates: false });
    expect(d.agencies).toBeNull();
    expect(d.tasks).toEqual(past.tasks);
  });

  it("gives the six targets with the evaluation of the targets page and their series", async () => {
    const ev = await evaluatePlanTargets(database.db, planId, TODAY);
    expect(today.targets.map((t) => t.code)).toEqual(ev.targets.map((t) => t.code));
    expect(today.targets.length).toBe(6);
    for (const tile of today.targets) {
      const target = ev.targets.find((t) => t.id === tile.targetId);
      expect(tile.status).toBe(target?.overall.status);
      expect(tile.measure?.goal.value).toBe(target?.measures[0]?.goal.value);
    }
    const withSeries = today.targets.filter((t) => (t.measure?.series.length ?? 0) >= 2);
    expect(withSeries.length).toBeGreaterThan(0);
    // Figures published after 2023 are not known on 31/12/2023.
    const latestYear = (d: Dashboard) => Math.max(...d.targets.map((t) => t.measure?.latest?.year ?? 0));
    expect(latestYear(past)).toBeLessThan(latestYear(today));
  });

  it("says the plan ended on 31/12/2025 after that day, not before", () => {
    expect(today.plan.endsOn).toBe("2025-12-31");
    expect(today.plan.ended).toBe(true);
    expect(past.plan.ended).toBe(false);
  });

  it("lists only what falls due in the 30 days after the as-of date, not done", async () => {
    const until = addDays(PAST, 30);
    const statuses = await planTaskStatuses(database.db, planId, PAST);
    for (const t of past.dueSoon.tasks) {
      expect(t.due && t.due > PAST && t.due <= until).toBe(true);
      expect(["done_on_time", "done_late"]).not.toContain(
        statuses.find((s) => s.taskId === t.taskId)?.status,
      );
    }
    for (const p of past.dueSoon.periods) expect(p.due > PAST && p.due <= until).toBe(true);
    // Ten days before a period's due date, its reports are listed.
    const [period] = await database.db
      .select()
      .from(reportingPeriods)
      .where(eq(reportingPeriods.planId, planId))
      .orderBy(asc(reportingPeriods.due))
      .limit(1);
    if (!period) throw new Error("the demo history has periods");
    const before = await planDashboard(database.db, planId, addDays(period.due, -10), { withRates: false });
    expect(before.dueSoon.periods.map((p) => p.label)).toContain(period.label);
    // After the plan's end nothing of it falls due.
    expect(today.dueSoon.tasks).toEqual([]);
  });

  it("keeps the answer small (the first screen on slow 4G)", () => {
    expect(JSON.stringify(today).length).toBeLessThan(40_000);
  });
});

describe("the public page", () => {
  it("is off by default, on when the administrator publishes it (audited), off again when withdrawn", async () => {
    expect(await publishedPlans(database.db)).toEqual([]);
    await expect(publicPlan(database.db, planId, TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setPlanPublic(database.db, planId, true, "admin");
    expect((await publishedPlans(database.db)).map((p) => p.id)).toEqual([planId]);
    const page = await publicPlan(database.db, planId, TODAY);
    expect(page.targets.length).toBe(6);
    expect(page.tasks.total).toBe(today.tasks.total);
    expect(page.zones.length).toBeGreaterThan(0);
    const withLand = page.zones.filter((z) => z.availableHa !== null);
    for (const z of withLand)
      expect(z.availableHa).toBe(Math.max(0, (z.leasableHa ?? 0) - (z.leasedHa ?? 0)));
    const text = JSON.stringify(page);
    expect(text).not.toMatch(/warnings|pglite|postgres|username|displayName|draft/i);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "plan.publish"), eq(auditLog.entityId, String(planId))));
    expect(audit.length).toBe(1);
    await setPlanPublic(database.db, planId, false, "admin");
    await expect(publicPlan(database.db, planId, TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
