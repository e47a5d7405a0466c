/**
 * Issue 8, defect 14 (second part): the hourly job runs the same plans with the same regime as
 * the manual run (POST /api/plans/{id}/reminders/run) — also a plan whose regime was never saved,
 * which runs on the default regime. The job used to skip such plans. Real database, both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLAIM_TIMEOUT_MS } from "../db/outbox.ts";
import { SYSTEM } from "../db/reporting/actor.ts";
import { openPeriod } from "../db/reporting/periods.ts";
import { getRegime } from "../db/reporting/regime.ts";
import { emailOutbox, remindersSent } from "../db/schema.ts";
import { seededTestDb, type TestDatabase } from "../db/test-db.ts";
import { type Mailer, runReminders } from "../db/urging.ts";
import { startReminderJob } from "./reminder-job.ts";

let database: TestDatabase;
let planId: number;
let due: string;

beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  ({ database, planId } = await seededTestDb());
  expect((await getRegime(database.db, planId)).saved).toBe(false);
  due = (await openPeriod(database.db, planId, "quarterly", "2022-Q1", SYSTEM)).due;
}, 120_000);
afterAll(async () => {
  await database?.close();
});

describe("the hourly reminder job", () => {
  it("reminds for a plan whose regime was never saved, as the manual run does", async () => {
    // The days after the due date, until one is a reminder day of the default regime (1 working day late).
    let day = "";
    let jobRun = { plans: 0, sent: 0, skipped: 0 };
    for (let i = 1; i <= 7 && jobRun.sent === 0; i++) {
      day = new Date(Date.parse(`${due}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
      const job = startReminderJob(database, 3_600_000, {
        mailer: null,
        now: () => new Date(`${day}T03:00:00Z`),
        runAtStart: false,
        log: () => {},
      });
      try {
        jobRun = await job.runOnce();
      } finally {
        await job.stop();
      }
    }
    expect(jobRun.plans).toBe(1);
    expect(jobRun.sent).toBeGreaterThan(0);
    // The manual run of that day finds the very reminders the job sent: the same list, claimed.
    expect(await runReminders(database.db, planId, day)).toEqual({ sent: 0, skipped: jobRun.sent });
  });
});

describe("an e-mail claimed but never marked sent (the process stopped in between)", () => {
  it("is logged by the job after the claim timeout, and not sent again", async () => {
    const [claim] = await database.db.select().from(remindersSent).limit(1);
    expect(claim).toBeDefined();
    const claimedAt = new Date(Date.now() - CLAIM_TIMEOUT_MS - 60_000);
    const [row] = await database.db
      .insert(emailOutbox)
      .values({
        reminderKey: claim?.key as string,
        recipient: "nguoi.nhan@kehoach.test",
        subject: "s",
        body: "b",
        claimedAt,
        attempts: 1,
      })
      .returning({ id: emailOutbox.id });
    const sent: string[] = [];
    const mailer: Mailer = {
      from: "x@kehoach.test",
      send: async (m) => void sent.push(m.to),
      close: () => {},
    };
    const lines: string[] = [];
    const job = startReminderJob(database, 3_600_000, {
      mailer,
      now: () => new Date("2022-01-01T03:00:00Z"),
      runAtStart: false,
      log: (line) => lines.push(line),
    });
    try {
      await job.runOnce();
    } finally {
      await job.stop();
    }
    expect(sent).toEqual([]);
    expect(lines.join("\n")).toContain(`#${row?.id} nguoi.nhan@kehoach.test`);
  });
});
