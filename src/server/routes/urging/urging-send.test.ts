/**
 * HTTP: POST /api/plans/{id}/urging/send?period= ("Gửi nhắc việc" on the Đôn đốc tab) urges
 * every agency late for the period now, once a day; it is the coordinator's (a viewer, the
 * provincial leader, is refused with 403 and nothing is sent).
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../../../db/reporting/actor.ts";
import { openPeriod } from "../../../db/reporting/periods.ts";
import { saveRegime } from "../../../db/reporting/regime.ts";
import { agencies, notifications } from "../../../db/schema.ts";
import { createApp } from "../../app.ts";
import { startTestApp, type TestApp } from "../../test-app.ts";
import { login, send, type TestSession } from "../../test-auth.ts";

type UrgeResult = {
  periodLabel: string;
  sent: { agencyId: number; agencyName: string; people: number }[];
  skipped: { agencyId: number; agencyName: string }[];
};

let t: TestApp;
let app: ReturnType<typeof createApp>;
let coordinator: TestSession;
let viewer: TestSession;
let periodId: number;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const rows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(
      and(
        inArray(agencies.name, ["Sở Công Thương", "Sở Xây dựng", "Sở Tài chính"]),
        eq(agencies.province, "Tuyên Quang"),
      ),
    );
  const id = (name: string) => rows.find((r) => r.name === name)?.id ?? 0;
  await saveRegime(
    db,
    t.planId,
    {
      frequencies: ["quarterly"],
      deadlineDays: { quarterly: 5 },
      remindBefore: [],
      remindAfter: [],
      coordinatorAgencyId: id("Sở Công Thương"),
      reporterAgencyIds: [id("Sở Xây dựng"), id("Sở Tài chính")],
    },
    SYSTEM,
  );
  periodId = (await openPeriod(db, t.planId, "quarterly", "2026-Q3", SYSTEM)).id;
  // 07/12/2026: the Q3/2026 reports (due in September) are late; no reminder is scheduled today.
  app = createApp({ database: t.database, now: () => new Date("2026-12-07T03:00:00Z") });
  coordinator = await login(app, "sct.dieuphoi");
  viewer = await login(app, "lanhdao.tinh");
}, 180_000);
afterAll(async () => t?.close());

describe("POST /api/plans/{id}/urging/send", () => {
  const path = () => `/api/plans/${t.planId}/urging/send?period=${periodId}`;

  it("refuses the provincial leader (viewer) with 403 and sends nothing", async () => {
    const res = await send(app, viewer, "POST", path());
    expect(res.status).toBe(403);
    expect(
      await t.database.db.select().from(notifications).where(eq(notifications.kind, "reminder.urge")),
    ).toEqual([]);
  });

  it("urges every late agency for the coordinator, then once a day only", async () => {
    const res = await send(app, coordinator, "POST", path());
    expect(res.status).toBe(200);
    const body = (await res.json()) as UrgeResult;
    expect(body.periodLabel).toBe("2026-Q3");
    expect(body.sent.map((s) => s.agencyName).sort()).toEqual(["Sở Tài chính", "Sở Xây dựng"]);
    expect(body.sent.every((s) => s.people > 0)).toBe(true);
    expect(body.skipped).toEqual([]);
    const again = (await (await send(app, coordinator, "POST", path())).json()) as UrgeResult;
    expect(again.sent).toEqual([]);
    expect(again.skipped.map((s) => s.agencyName).sort()).toEqual(["Sở Tài chính", "Sở Xây dựng"]);
  });

  it("answers 404 for a period of another plan, 400 without a period", async () => {
    expect((await send(app, coordinator, "POST", `/api/plans/${t.planId}/urging/send`)).status).toBe(400);
    expect(
      (await send(app, coordinator, "POST", `/api/plans/${t.planId}/urging/send?period=999999`)).status,
    ).toBe(404);
  });
});
