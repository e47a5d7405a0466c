/**
 * Closing a plan (issue 10 §1) on the demo with its reporting history (seeded once): refused
 * before the plan's end and a second time, by the coordinator or the administrator only; the
 * final statuses frozen as of the end and shown by every read after; and every write through the
 * closed plan refused PLAN_CLOSED (409), one test per group of write paths, nothing written.
 */
import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCount } from "../../../db/connection.ts";
import { periodicFixture } from "../../../db/documents/fixture.ts";
import { finaliseDocument, storeDraft } from "../../../db/documents/store.ts";
import { closePlan } from "../../../db/plan-closing/close.ts";
import { computeFinalStatuses, type FinalTaskStatus } from "../../../db/plan-closing/final-statuses.ts";
import { assertPlanOpen } from "../../../db/plan-closing/guard.ts";
import { SYSTEM } from "../../../db/reporting/actor.ts";
import { listExpected } from "../../../db/reporting/expected.ts";
import { planTaskStatuses } from "../../../db/reporting/status.ts";
import {
  auditLog,
  measures,
  planFinalStatuses,
  plans,
  reportingPeriods,
  reportVersions,
  targets,
} from "../../../db/schema.ts";
import { seededTestDb, type TestDatabase } from "../../../db/test-db.ts";
import { createApp } from "../../app.ts";
import { writeTarget } from "../../plan-closed-guard.ts";
import { call, login, type TestSession } from "../../test-auth.ts";

let database: TestDatabase;
let planId: number;
let app: ReturnType<typeof createApp>;
let coordinator: TestSession;
let viewer: TestSession;
let before: FinalTaskStatus[];
let reviewId = 0;

beforeAll(async () => {
  // The demo with its reporting history, copied from the run's template (src/db/test-templates.ts).
  ({ database, planId } = await seededTestDb({ history: true }));
  app = createApp({ database, now: () => new Date("2026-12-07T03:00:00Z") });
  coordinator = await login(app, "sct.dieuphoi");
  viewer = await login(app, "lanhdao.tinh");
  before = await computeFinalStatuses(database.db, planId, "2025-12-31");
}, 1_500_000);
afterAll(() => database?.close());

type Err = { error: { code: string; messageVi: string } };

describe("closing", () => {
  it("is refused on or before the plan's last day (PLAN_NOT_ENDED), and to a viewer (403)", async () => {
    await expect(closePlan(database.db, planId, SYSTEM, { today: "2025-12-31" })).rejects.toMatchObject({
      code: "PLAN_NOT_ENDED",
    });
    const early = createApp({ database, now: () => new Date("2025-06-01T03:00:00Z") });
    const session = await login(early, "sct.dieuphoi");
    const res = await call<Err>(early, session, "POST", `/api/plans/${planId}/close`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("PLAN_NOT_ENDED");
    expect(res.body.error.messageVi).toContain("31/12/2025");
    expect((await call(app, viewer, "POST", `/api/plans/${planId}/close`, {})).status).toBe(403);
    const [p] = await database.db.select().from(plans).where(eq(plans.id, planId));
    expect(p?.closedAt).toBeNull();
  });

  it("is refused until the end-of-plan review is issued (PLAN_REVIEW_MISSING); a draft review is not enough", async () => {
    const missing = await call<Err>(app, coordinator, "POST", `/api/plans/${planId}/close`, {});
    expect(missing.status).toBe(409);
    expect(missing.body.error.code).toBe("PLAN_REVIEW_MISSING");
    expect(missing.body.error.messageVi).toContain("Báo cáo tổng kết");
    const draft = await storeDraft(
      database.db,
      { planId, kind: "review", period: null, model: { ...periodicFixture(planId), kind: "review" } },
      SYSTEM,
    );
    const still = await call<Err>(app, coordinator, "POST", `/api/plans/${planId}/close`, {});
    expect(still.body.error.code).toBe("PLAN_REVIEW_MISSING");
    const final = await finaliseDocument(
      database.db,
      draft.id,
      { version: draft.version, number: "30", date: "2026-12-05" },
      SYSTEM,
    );
    reviewId = final.id;
    const [p] = await database.db.select().from(plans).where(eq(plans.id, planId));
    expect(p?.closedAt).toBeNull();
  });

  it("closes for the coordinator: statuses frozen as of the end, audit row, plan marked; a second time PLAN_CLOSED", async () => {
    const res = await call<{ frozen: number; asOf: string; reviewDocumentId: number | null }>(
      app,
      coordinator,
      "POST",
      `/api/plans/${planId}/close`,
      {},
    );
    expect(res.status).toBe(200);
    expect(res.body.reviewDocumentId).toBe(reviewId);
    expect(res.body.frozen).toBe(54);
    expect(res.body.asOf).toBe("2025-12-31");
    const rows = await database.db
      .select()
      .from(planFinalStatuses)
      .where(eq(planFinalStatuses.planId, planId));
    expect(rows).toHaveLength(54);
    for (const t of before) {
      const r = rows.find((x) => x.taskId === t.taskId);
      expect(r?.status, t.code).toBe(t.status);
      expect(r?.leads).toEqual(t.leads);
    }
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, "plan.close"));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.planId).toBe(planId);
    const plan = await call<{ closedAt: string | null; closedBy: number | null }>(
      app,
      null,
      "GET",
      `/api/plans/${planId}`,
    );
    expect(plan.body.closedAt).toBe("2026-12-07T03:00:00.000Z");
    expect(plan.body.closedBy).toBe(coordinator.user.id);
    const again = await call<Err>(app, coordinator, "POST", `/api/plans/${planId}/close`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("PLAN_CLOSED");
    expect(await database.db.select({ n: count() }).from(planFinalStatuses)).toEqual([{ n: 54 }]);
  });

  it("reads show the frozen statuses, even when the reports behind them change afterwards", async () => {
    // Something outside the guarded paths (a repair in the database) unaccepts every report:
    const accepted = await database.db
      .select({ id: reportVersions.id })
      .from(reportVersions)
      .where(eq(reportVersions.outcome, "accepted"));
    expect(accepted.length).toBeGreaterThan(0);
    await database.db
      .update(reportVersions)
      .set({ outcome: "returned" })
      .where(eq(reportVersions.outcome, "accepted"));
    const statuses = await planTaskStatuses(database.db, planId, "2026-12-07");
    for (const t of before)
      expect(statuses.find((s) => s.taskId === t.taskId)?.status, t.code).toBe(t.status);
    const res = await call<
      { items?: { taskId: number; status: string }[] } | { taskId: number; status: string }[]
    >(app, coordinator, "GET", `/api/plans/${planId}/task-status?asOf=2026-12-07`);
    expect(res.status).toBe(200);
    const items = Array.isArray(res.body) ? res.body : (res.body.items ?? []);
    expect(items).toHaveLength(54);
    for (const t of before) expect(items.find((s) => s.taskId === t.taskId)?.status).toBe(t.status);
    await database.db
      .update(reportVersions)
      .set({ outcome: "accepted" })
      .where(
        inArray(
          reportVersions.id,
          accepted.map((a) => a.id),
        ),
      );
  });
});

describe("PLAN_CLOSED: every write through the closed plan is refused (409), nothing written", () => {
  let expectedId: number;
  let periodId: number;
  let measureId: number;
  beforeAll(async () => {
    const items = await listExpected(database.db, { planId });
    const open = items.find((i) => i.state === "draft" || i.state === "not_started") ?? items[0];
    expectedId = open?.id ?? 0;
    periodId = open?.period.id ?? 0;
    const [m] = await database.db
      .select({ id: measures.id })
      .from(measures)
      .innerJoin(targets, eq(targets.id, measures.targetId))
      .where(eq(targets.planId, planId));
    measureId = m?.id ?? 0;
  });

  async function refused(method: string, path: string, body: unknown = {}) {
    const auditBefore = toCount((await database.db.select({ n: count() }).from(auditLog))[0]?.n);
    const res = await call<Err>(app, coordinator, method, path, body);
    expect(res.status, `${method} ${path}`).toBe(409);
    expect(res.body.error.code).toBe("PLAN_CLOSED");
    expect(res.body.error.messageVi).toContain("Kế hoạch đã đóng");
    const auditAfter = toCount((await database.db.select({ n: count() }).from(auditLog))[0]?.n);
    expect(auditAfter).toBe(auditBefore);
  }

  it("report save, submit, hand-offs and review", async () => {
    await refused("PUT", `/api/reports/${expectedId}`, { version: 0, summary: "x", updates: [] });
    await refused("POST", `/api/reports/${expectedId}/submit`, { version: 1 });
    await refused("POST", `/api/reports/${expectedId}/send-to-leader`, { version: 1 });
    await refused("POST", `/api/reports/${expectedId}/review`, { outcome: "accepted" });
    await refused("POST", `/api/expected-reports/${expectedId}/extension`, {
      due: "2026-12-31",
      reason: "x",
    });
  });

  it("attachments", async () => {
    await refused("POST", `/api/reports/${expectedId}/attachments`);
  });

  it("period opening and the regime", async () => {
    const periodsBefore = await database.db.select({ n: count() }).from(reportingPeriods);
    await refused("POST", `/api/plans/${planId}/periods`, { frequency: "quarterly", label: "2026-Q4" });
    expect(await database.db.select({ n: count() }).from(reportingPeriods)).toEqual(periodsBefore);
    await refused("PUT", `/api/plans/${planId}/regime`, { frequencies: ["quarterly"] });
  });

  it("urging and reminders", async () => {
    await refused("POST", `/api/plans/${planId}/urging/send?period=${periodId}`);
    await refused("POST", `/api/plans/${planId}/reminders/run`);
  });

  it("indicator values through the plan and a measure's trajectory", async () => {
    await refused("POST", `/api/plans/${planId}/indicator-values/upload`);
    await refused("PUT", `/api/measures/${measureId}/trajectory`, { points: [] });
  });

  it("task edits: any write on a task of the plan is guarded; the db writers' own check refuses too", async () => {
    expect(writeTarget("PATCH", "/api/tasks/12")).toEqual({ kind: "task", id: 12 });
    expect(writeTarget("GET", "/api/tasks/12")).toBeNull();
    expect(writeTarget("POST", `/api/plans/${planId}/close`)).toBeNull();
    expect(writeTarget("POST", "/api/holidays/2026-12-31")).toBeNull();
    await expect(assertPlanOpen(database.db, planId)).rejects.toMatchObject({ code: "PLAN_CLOSED" });
  });

  it("reads still answer", async () => {
    expect((await call(app, coordinator, "GET", `/api/plans/${planId}/task-status`)).status).toBe(200);
    expect((await call(app, coordinator, "GET", `/api/plans/${planId}/regime`)).status).toBe(200);
  });
});
