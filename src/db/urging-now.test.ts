/**
 * "Gửi nhắc việc" now (urging-now.ts) against a real database (PGlite; PostgreSQL under
 * DATABASE_URL): every late agency is urged whatever the reminder schedule says, once per agency
 * per period per day, and a ceased agency's late report urges its successor (REGULATIONS.md §5).
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, toCount } from "./connection.ts";
import { SYSTEM } from "./reporting/actor.ts";
import { openPeriod } from "./reporting/periods.ts";
import { saveRegime } from "./reporting/regime.ts";
import { saveDraft, submitReport } from "./reporting/reports.ts";
import { answerAll } from "./reporting/test-answers.ts";
import { agencies, auditLog, expectedReports, notifications, roleAssignments, users } from "./schema.ts";
import { seededTestDb, type TestDatabase } from "./test-db.ts";
import { urgeLateNow } from "./urging-now.ts";

let database: TestDatabase;
let db: Db;
let planId: number;
let periodId: number;
const agency = { sct: 0, a: 0, b: 0, c: 0, successor: 0 };
const user = { a: 0, b: 0, c: 0, successor: 0 };

async function agencyId(name: string): Promise<number> {
  const [row] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.name, name), eq(agencies.province, "Tuyên Quang")));
  if (!row) throw new Error(`no agency ${name}`);
  return row.id;
}

async function addReporter(username: string, agencyId: number): Promise<number> {
  const [row] = await db
    .insert(users)
    .values({ username, displayName: `Người dùng ${username}`, passwordHash: "x", agencyId, email: null })
    .returning({ id: users.id });
  if (!row) throw new Error("insert user");
  await db.insert(roleAssignments).values({ userId: row.id, role: "reporter", planId, agencyId: null });
  return row.id;
}

async function urgesOf(userId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, "reminder.urge")));
  return toCount(row?.n);
}

beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  ({ database, planId } = await seededTestDb());
  db = database.db;
  agency.sct = await agencyId("Sở Công Thương");
  agency.a = await agencyId("Sở Khoa học và Công nghệ");
  agency.b = await agencyId("Sở Lao động - Thương binh và Xã hội");
  agency.c = await agencyId("Sở Xây dựng");
  agency.successor = await agencyId("Sở Nội vụ");
  // B ceased on 28/02/2025 (its last day the 27th); Sở Nội vụ answers for it from then.
  await db
    .update(agencies)
    .set({ validTo: "2025-02-27", successorId: agency.successor })
    .where(eq(agencies.id, agency.b));
  await saveRegime(
    db,
    planId,
    {
      frequencies: ["quarterly"],
      deadlineDays: { quarterly: 2 },
      remindBefore: [],
      remindAfter: [],
      coordinatorAgencyId: agency.sct,
      reporterAgencyIds: [agency.a, agency.b, agency.c],
    },
    SYSTEM,
  );
  periodId = (await openPeriod(db, planId, "quarterly", "2022-Q1", SYSTEM)).id;
  user.a = await addReporter("now.a", agency.a);
  user.b = await addReporter("now.b", agency.b);
  user.c = await addReporter("now.c", agency.c);
  user.successor = await addReporter("now.noivu", agency.successor);
  const [erC] = await db
    .select()
    .from(expectedReports)
    .where(and(eq(expectedReports.periodId, periodId), eq(expectedReports.agencyId, agency.c)));
  if (!erC) throw new Error("no expected report for C");
  const c = { userId: user.c, username: "now.c" };
  await saveDraft(db, erC.id, { version: 0, summary: "Đúng hạn", updates: await answerAll(db, erC.id) }, c);
  await submitReport(db, erC.id, { version: 1 }, c, new Date("2022-03-10T03:00:00Z"));
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("urgeLateNow", () => {
  it("urges every late agency now (no reminder scheduled that day), the successor for a ceased agency", async () => {
    // 07/12/2026: the 2022-Q1 report of A and B is years late; no remindAfter day falls today.
    const r = await urgeLateNow(db, planId, periodId, "2026-12-07");
    expect(r.sent.map((s) => s.agencyId).sort()).toEqual([agency.a, agency.successor].sort());
    expect(r.sent.every((s) => s.people === 1)).toBe(true);
    expect(r.skipped).toEqual([]);
    expect(await urgesOf(user.a)).toBe(1);
    expect(await urgesOf(user.successor)).toBe(1);
    // The ceased agency's own account and the agency that reported on time are not urged.
    expect(await urgesOf(user.b)).toBe(0);
    expect(await urgesOf(user.c)).toBe(0);
    const [audit] = await db
      .select({ n: sql`count(*)` })
      .from(auditLog)
      .where(eq(auditLog.action, "reminder.urge"));
    expect(toCount(audit?.n)).toBe(2);
  });

  it("urges each agency once a day: a second call the same day sends nothing, the next day again", async () => {
    const again = await urgeLateNow(db, planId, periodId, "2026-12-07");
    expect(again.sent).toEqual([]);
    expect(again.skipped.map((s) => s.agencyId).sort()).toEqual([agency.a, agency.successor].sort());
    expect(await urgesOf(user.a)).toBe(1);
    const tomorrow = await urgeLateNow(db, planId, periodId, "2026-12-08");
    expect(tomorrow.sent).toHaveLength(2);
    expect(await urgesOf(user.a)).toBe(2);
  });

  it("before the reorganisation the ceased agency is urged itself", async () => {
    const r = await urgeLateNow(db, planId, periodId, "2022-03-21");
    expect(r.sent.map((s) => s.agencyId).sort()).toEqual([agency.a, agency.b].sort());
    expect(await urgesOf(user.b)).toBe(1);
  });
});
