/**
 * The demo history (seed-history.ts): reproducible, idempotent, every state of the loop present,
 * no figure in indicator_values, marked demo and removable.
 */

import { count, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCount } from "./connection.ts";
import { listExpected } from "./reporting/expected.ts";
import { listPeriods } from "./reporting/periods.ts";
import { indicatorValues, notifications, reportingPeriods, reportVersions } from "./schema.ts";
import { seedDemo } from "./seed.ts";
import { historyDigest, removeDemoHistory } from "./seed-history.ts";
import { createTestDb, seededTestDb, type TestDatabase } from "./test-db.ts";

let database: TestDatabase;
let planId: number;
let figuresWithout = 0;

beforeAll(async () => {
  // The demo as every test gets it (the run's template, seeded by the same seedDemo).
  const { database: plain } = await seededTestDb();
  try {
    const [row] = await plain.db.select({ n: count() }).from(indicatorValues);
    figuresWithout = Number(row?.n ?? 0);
    const [p] = await plain.db.select({ n: count() }).from(reportingPeriods);
    expect(Number(p?.n)).toBe(0); // tests get no history unless they ask
  } finally {
    await plain.close();
  }
  database = await createTestDb();
  ({ planId } = await seedDemo(database, () => {}, { history: true }));
}, 600_000);
afterAll(() => database?.close());

describe("demo reporting history", () => {
  it("has every state: on time, late, returned then resubmitted, extension, draft, awaiting review, missing", async () => {
    const items = await listExpected(database.db, { planId });
    const past = items.filter((i) => i.period.end < "2026-09-01");
    expect(past.some((i) => i.state === "accepted" && i.late === false)).toBe(true);
    expect(past.some((i) => i.state === "accepted" && i.late === true)).toBe(true);
    expect(past.some((i) => i.extendedDue && i.extensionReason && i.late === false)).toBe(true);
    expect(past.some((i) => i.state === "not_started")).toBe(true);
    expect(past.some((i) => i.state === "draft")).toBe(true);
    expect(items.some((i) => i.state === "submitted")).toBe(true);
    expect(items.every((i) => i.period.demo)).toBe(true);
    const returned = await database.db
      .select({ n: count() })
      .from(reportVersions)
      .where(eq(reportVersions.outcome, "returned"));
    expect(Number(returned[0]?.n)).toBeGreaterThan(0);
    // Returned and then resubmitted: a report with two versions, the last accepted.
    const resubmitted = await database.db.execute(
      sql`select count(*)::int as n from (select report_id from report_versions group by report_id having count(*) > 1 and bool_or(outcome = 'accepted')) x`,
    );
    expect(Number((resubmitted as unknown as { rows: { n: number }[] }).rows[0]?.n)).toBeGreaterThan(0);
  });

  it("opens the rounds 2022 – Q3/2026 and today's monthly round, never Q4/2026", async () => {
    const periods = await listPeriods(database.db, planId);
    const labels = periods.map((p) => p.label);
    expect(labels).toContain("2022-Q1");
    expect(labels).toContain("2025");
    expect(labels).toContain("2026-Q3");
    expect(labels).toContain("2026-11");
    expect(labels).not.toContain("2026-Q4");
    const q3 = periods.find((p) => p.label === "2026-Q3");
    expect(q3 && q3.received < q3.expected).toBe(true); // urging has work
  });

  it("tells the past hand-offs as read: nobody opens the demo to a full bell", async () => {
    const [all] = await database.db.select({ n: count() }).from(notifications);
    const [unread] = await database.db
      .select({ n: count() })
      .from(notifications)
      .where(isNull(notifications.readAt));
    expect(toCount(all?.n)).toBeGreaterThan(0);
    expect(toCount(unread?.n)).toBe(0);
  });

  it("writes no figure into the indicator series", async () => {
    const [row] = await database.db.select({ n: count() }).from(indicatorValues);
    expect(Number(row?.n)).toBe(figuresWithout);
    const fromReports = await database.db
      .select({ n: count() })
      .from(indicatorValues)
      .where(eq(indicatorValues.origin, "report"));
    expect(Number(fromReports[0]?.n)).toBe(0);
  });

  it("is idempotent and reproducible: a second start adds nothing, a second database gets the same digest", async () => {
    const digest = await historyDigest(database.db, planId);
    await seedDemo(database, () => {}, { history: true });
    expect(await historyDigest(database.db, planId)).toBe(digest);
    // Another, independent seeding: the run's history template (built by the same seedDemo in the
    // global setup, in another process) has the same digest.
    const { database: other, planId: p2 } = await seededTestDb({ history: true });
    try {
      expect(await historyDigest(other.db, p2)).toBe(digest);
    } finally {
      await other.close();
    }
  }, 600_000);

  it("can be removed by an administrator, leaving no demo period", async () => {
    const removed = await removeDemoHistory(database.db, planId, { userId: null, username: "admin" });
    expect(removed).toBeGreaterThan(20);
    expect(await listPeriods(database.db, planId)).toEqual([]);
  });
});
