/**
 * Opening a period by the title the app shows (issue 9 §3): the preview gives the window and due
 * date without opening anything; "Quý IV/2026" opens the period stored as 2026-Q4; all five
 * frequencies of the regime can be opened; a bad title is refused with the field named.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededTestDb, type TestDatabase } from "../../../db/test-db.ts";
import { createApp } from "../../app.ts";
import { call, login, type TestSession } from "../../test-auth.ts";

interface Preview {
  frequency: string;
  label: string;
  start: string;
  end: string;
  due: string;
  openedPeriodId: number | null;
}
type Failure = { error: { code: string; message: string; fields?: { field: string }[] } };

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let planId = 0;
const s: Record<string, TestSession> = {};
const coord = () => s["sct.dieuphoi"] ?? null;
const preview = (frequency: string, label: string, who = coord()) =>
  call<Preview & Failure>(
    app,
    who,
    "GET",
    `/api/plans/${planId}/periods/preview?frequency=${frequency}&label=${encodeURIComponent(label)}`,
  );
const periodCount = async () =>
  Number(
    (
      (await database.db.execute(sql`select count(*) as n from reporting_periods`)) as unknown as {
        rows: { n: unknown }[];
      }
    ).rows[0]?.n,
  );

beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  ({ database, planId } = await seededTestDb());
  const clock = new Date("2026-12-07T03:00:00Z");
  app = createApp({ database, now: () => clock });
  for (const u of ["sct.dieuphoi", "sct.baocao"]) s[u] = await login(app, u);
  const saved = await call(app, coord(), "PUT", `/api/plans/${planId}/regime`, {
    frequencies: ["monthly", "quarterly", "half-yearly", "nine-month", "yearly"],
    deadlineDays: { monthly: 2, quarterly: 2, "half-yearly": 3, "nine-month": 3, yearly: 5 },
    remindBefore: [5, 1],
    remindAfter: [1, 3],
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}, 120_000);
afterAll(async () => {
  await database?.close();
});

describe("period preview and opening by title", () => {
  it("previews Quý IV/2026: window 15/09–14/12/2026, due two working days later, nothing opened", async () => {
    const before = await periodCount();
    const got = await preview("quarterly", "Quý IV/2026");
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect(got.body).toEqual({
      frequency: "quarterly",
      label: "2026-Q4",
      start: "2026-09-15",
      end: "2026-12-14",
      due: "2026-12-16",
      openedPeriodId: null,
    });
    expect(await periodCount()).toBe(before);
    // The code reads the same.
    expect((await preview("quarterly", "2026-Q4")).body.due).toBe("2026-12-16");
  });

  it("previews the 6- and 9-month periods with the regime's own deadlines", async () => {
    const half = await preview("half-yearly", "6 tháng cuối năm 2026");
    expect([half.body.label, half.body.start, half.body.end]).toEqual([
      "2026-H2",
      "2026-06-15",
      "2026-12-14",
    ]);
    // 14/12/2026 is a Monday: three working days → Thursday 17/12.
    expect(half.body.due).toBe("2026-12-17");
    const nine = await preview("nine-month", "9 tháng năm 2026");
    expect([nine.body.label, nine.body.start, nine.body.end]).toEqual([
      "2026-9M",
      "2025-12-15",
      "2026-09-14",
    ]);
  });

  it("refuses a bad title or a title of another frequency (400, field label), and a reporter (403)", async () => {
    const bad = await preview("quarterly", "Quý V/2026");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.[0]?.field).toBe("label");
    const other = await preview("monthly", "Quý IV/2026");
    expect(other.status).toBe(400);
    expect((await preview("quarterly", "Quý IV/2026", s["sct.baocao"] ?? null)).status).toBe(403);
  });

  it("opens Quý IV/2026 by its title, stored as 2026-Q4; the preview then names it; again → 409", async () => {
    const opened = await call<{ id: number; label: string; due: string; expected: number }>(
      app,
      coord(),
      "POST",
      `/api/plans/${planId}/periods`,
      { frequency: "quarterly", label: "Quý IV/2026" },
    );
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect([opened.body.label, opened.body.due]).toEqual(["2026-Q4", "2026-12-16"]);
    expect(opened.body.expected).toBeGreaterThan(1);
    expect((await preview("quarterly", "Quý IV/2026")).body.openedPeriodId).toBe(opened.body.id);
    const again = await call<Failure>(app, coord(), "POST", `/api/plans/${planId}/periods`, {
      frequency: "quarterly",
      label: "2026-Q4",
    });
    expect(again.status).toBe(409);
    const list = await call<{ label: string }[]>(app, coord(), "GET", `/api/plans/${planId}/periods`);
    expect(list.body.filter((p) => p.label === "2026-Q4")).toHaveLength(1);
  });

  it("opens a nine-month period by its title", async () => {
    const opened = await call<{ label: string }>(app, coord(), "POST", `/api/plans/${planId}/periods`, {
      frequency: "nine-month",
      label: "9 tháng năm 2026",
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.label).toBe("2026-9M");
  });
});
