/**
 * The status board's rows against a real database (PGlite; PostgreSQL under DATABASE_URL),
 * issue 9 §4: each task carries its lead and coordinating agencies on the as-of date; a
 * continuous task whose next-period report was accepted early shows "reported" (not "not
 * reported" because the previous period, due, was skipped); a reported difficulty shows.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../connection.ts";
import { agencies, expectedReports, roleAssignments, taskAssignments, tasks, users } from "../schema.ts";
import { seededTestDb, type TestDatabase } from "../test-db.ts";
import { SYSTEM } from "./actor.ts";
import { openPeriod } from "./periods.ts";
import { saveRegime } from "./regime.ts";
import { reviewReport, saveDraft, submitReport } from "./reports.ts";
import { planTaskStatuses } from "./status.ts";
import { answerAll } from "./test-answers.ts";

let database: TestDatabase;
let db: Db;
let planId: number;
let sct: number;
let taskId: number;

beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  ({ database, planId } = await seededTestDb());
  db = database.db;
  const [a] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.name, "Sở Công Thương"), eq(agencies.province, "Tuyên Quang")));
  sct = a?.id ?? 0;
  const led = await db
    .select({ id: tasks.id, code: tasks.code })
    .from(tasks)
    .innerJoin(taskAssignments, eq(taskAssignments.taskId, tasks.id))
    .where(
      and(
        eq(tasks.planId, planId),
        eq(tasks.continuous, true),
        eq(taskAssignments.role, "lead"),
        inArray(taskAssignments.agencyId, [sct]),
      ),
    );
  taskId = led[0]?.id ?? 0;
  expect(taskId).toBeGreaterThan(0);
  await saveRegime(
    db,
    planId,
    {
      frequencies: ["quarterly"],
      deadlineDays: { quarterly: 2 },
      remindBefore: [],
      remindAfter: [],
      coordinatorAgencyId: sct,
      reporterAgencyIds: [sct],
    },
    SYSTEM,
  );
  await openPeriod(db, planId, "quarterly", "2025-Q3", SYSTEM);
  const q4 = await openPeriod(db, planId, "quarterly", "2025-Q4", SYSTEM);
  const [er] = await db
    .select()
    .from(expectedReports)
    .where(and(eq(expectedReports.periodId, q4.id), eq(expectedReports.agencyId, sct)));
  if (!er) throw new Error("no Q4 expected report");
  const [leader] = await db
    .insert(users)
    .values({ username: "board.leader", displayName: "Lãnh đạo", passwordHash: "x", agencyId: sct })
    .returning({ id: users.id });
  await db
    .insert(roleAssignments)
    .values({ userId: leader?.id ?? 0, role: "leader", planId, agencyId: null });
  const actor = { userId: leader?.id ?? 0, username: "board.leader" };
  const updates = await answerAll(db, er.id, [
    { taskId, status: "stalled", difficulties: "Thiếu vốn đối ứng cho hạ tầng cụm công nghiệp" },
  ]);
  await saveDraft(db, er.id, { version: 0, summary: "Quý IV/2025", updates }, actor);
  // Sent and accepted on 10/12/2025, before Q4's due date; Q3 (due in September) was never sent.
  await submitReport(db, er.id, { version: 1 }, actor, new Date("2025-12-10T03:00:00Z"));
  await reviewReport(db, er.id, { outcome: "accepted" }, SYSTEM, new Date("2025-12-10T04:00:00Z"));
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("planTaskStatuses for the status board", () => {
  it("shows an early accepted Q4 report as reported, with its difficulty, and the lead on the date", async () => {
    const row = (await planTaskStatuses(db, planId, "2025-12-12")).find((r) => r.taskId === taskId);
    expect(row?.status).toBe("reported");
    expect(row?.latest).toEqual({ periodLabel: "2025-Q4", status: "stalled" });
    expect(row?.difficulty).toEqual({
      stalled: true,
      text: "Thiếu vốn đối ứng cho hạ tầng cụm công nghiệp",
      periodLabel: "2025-Q4",
    });
    expect(row?.leads.map((l) => l.id)).toContain(sct);
    // Before the acceptance: Q3 is due and unreported.
    const before = (await planTaskStatuses(db, planId, "2025-12-09")).find((r) => r.taskId === taskId);
    expect(before?.status).toBe("not_reported");
    expect(before?.difficulty).toBeNull();
  });
});
