/**
 * Issue 8, defect 14: a reminder's e-mail goes out at most once. The e-mails are written to the
 * outbox with the reminder's claim and sent after it commits; a crash between the SMTP server's
 * acceptance and the mark does not send it again, it is reported instead; a refused send is
 * retried with backoff; two server processes (two pools under DATABASE_URL) send each e-mail
 * once. Real database (both engines) and a local SMTP sink.
 */
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Database, type Db, openDatabase } from "./connection.ts";
import { CLAIM_TIMEOUT_MS, deliverOutbox, MAX_ATTEMPTS, unconfirmedEmails } from "./outbox.ts";
import { SYSTEM } from "./reporting/actor.ts";
import { openPeriod } from "./reporting/periods.ts";
import { saveRegime } from "./reporting/regime.ts";
import { agencies, emailOutbox, notifications, remindersSent, roleAssignments, users } from "./schema.ts";
import { seededTestDb, type TestDatabase } from "./test-db.ts";
import { createMailer, type Mailer, runReminders } from "./urging.ts";

let database: TestDatabase;
let db: Db;
let planId: number;
let sink: SMTPServer;
let port = 0;
const received: string[] = [];
const ADDRESSES = ["a.leader@kehoach.test", "a.reporter@kehoach.test"];
// Q1 2022 is due on 16/03/2022: 14/03 is "2 working days before", 17/03 "1 day late".
const LATE_DAY = "2022-03-17";
const EARLY_DAY = "2022-03-14";

const mailer = (p = port) => createMailer({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(p) }) as Mailer;

beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  ({ database, planId } = await seededTestDb());
  db = database.db;
  const [a] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.name, "Sở Khoa học và Công nghệ"), eq(agencies.province, "Tuyên Quang")));
  const [sct] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.name, "Sở Công Thương"), eq(agencies.province, "Tuyên Quang")));
  await saveRegime(
    db,
    planId,
    {
      frequencies: ["quarterly"],
      deadlineDays: { quarterly: 2 },
      remindBefore: [2],
      remindAfter: [1],
      coordinatorAgencyId: sct?.id as number,
      reporterAgencyIds: [a?.id as number],
    },
    SYSTEM,
  );
  await openPeriod(db, planId, "quarterly", "2022-Q1", SYSTEM);
  for (const [username, role] of [
    ["a.reporter", "reporter"],
    ["a.leader", "leader"],
  ] as const) {
    const [u] = await db
      .insert(users)
      .values({
        username,
        displayName: username,
        email: `${username}@kehoach.test`,
        passwordHash: "not-a-real-hash",
        agencyId: a?.id ?? null,
      })
      .returning({ id: users.id });
    await db.insert(roleAssignments).values({ userId: u?.id as number, role, planId, agencyId: null });
  }
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        received.push(...session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", () => resolve()));
  port = (sink.server.address() as AddressInfo).port;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (sink ? sink.close(() => resolve()) : resolve()));
  await database?.close();
});

beforeEach(async () => {
  await db.delete(emailOutbox);
  await db.delete(notifications);
  await db.delete(remindersSent);
  received.length = 0;
});

/**
 * The database as a process sees it that stops the moment `state.crashed` is set: every later
 * statement, in or out of a transaction, fails (the open transaction is rolled back).
 */
function crashing(target: Db, state: { crashed: boolean }): Db {
  const wrap = <T extends object>(obj: T): T =>
    new Proxy(obj, {
      get(t, prop, receiver) {
        const v = Reflect.get(t, prop, receiver);
        if (typeof v !== "function") return v;
        if (prop === "transaction")
          return (fn: (tx: unknown) => unknown, config?: unknown) =>
            (v as (f: (tx: object) => unknown, c?: unknown) => unknown).call(
              t,
              (tx: object) => fn(wrap(tx)),
              config,
            );
        if (["execute", "select", "selectDistinct", "insert", "update", "delete"].includes(String(prop)))
          return (...args: unknown[]) => {
            if (state.crashed) throw new Error("simulated crash: the process stopped");
            return (v as (...a: unknown[]) => unknown).apply(t, args);
          };
        return (v as (...a: unknown[]) => unknown).bind(t);
      },
    });
  return wrap(target);
}

describe("a crash after the SMTP server accepted an e-mail", () => {
  it("does not send it again on the next run; it is reported as unconfirmed after a timeout", async () => {
    const state = { crashed: false };
    const real = mailer();
    // The process stops right after the SMTP server accepted the first e-mail.
    const accepting: Mailer = {
      from: real.from,
      async send(m) {
        await real.send(m);
        state.crashed = true;
      },
      close: () => real.close(),
    };
    try {
      await expect(runReminders(crashing(db, state), planId, LATE_DAY, accepting)).rejects.toThrow(
        /simulated crash/,
      );
    } finally {
      accepting.close();
    }
    expect(received.length).toBeGreaterThanOrEqual(1);
    // The restarted server runs again: the reminder is claimed, its e-mails never doubled.
    const again = mailer();
    try {
      expect(await runReminders(db, planId, LATE_DAY, again)).toEqual({ sent: 0, skipped: 1 });
      await deliverOutbox(db, again);
    } finally {
      again.close();
    }
    expect(received.sort()).toEqual(ADDRESSES);
    // The one in the crash window is reported once it is older than the claim timeout, not resent.
    expect(await unconfirmedEmails(db)).toEqual([]);
    const later = await unconfirmedEmails(db, new Date(Date.now() + CLAIM_TIMEOUT_MS + 1000));
    expect(later.map((u) => u.recipient)).toHaveLength(1);
    expect(ADDRESSES).toContain(later[0]?.recipient);
  });
});

describe("a refused e-mail", () => {
  it("is retried after its backoff, and given up after the last attempt", async () => {
    const probe = new SMTPServer({ disabledCommands: ["AUTH", "STARTTLS"], logger: false });
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
    const deadPort = (probe.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const dead = mailer(deadPort);
    const good = mailer();
    try {
      expect(await runReminders(db, planId, EARLY_DAY, dead)).toEqual({ sent: 1, skipped: 0 });
      expect(received).toEqual([]);
      // Not due again yet: nothing is tried.
      expect(await deliverOutbox(db, good)).toEqual({ sent: 0, failed: 0 });
      const inTwoMinutes = () => new Date(Date.now() + 2 * 60_000);
      expect(await deliverOutbox(db, good, { now: inTwoMinutes })).toEqual({ sent: 2, failed: 0 });
      expect(received.sort()).toEqual(ADDRESSES);
      const rows = await db.select().from(emailOutbox);
      expect(rows.map((r) => [r.attempts, r.sentAt !== null, r.lastError])).toEqual([
        [2, true, null],
        [2, true, null],
      ]);
      // A row that keeps failing is tried MAX_ATTEMPTS times in all, then left with its error.
      await db.update(emailOutbox).set({ sentAt: null, claimedAt: null, attempts: 0 });
      let failed = 0;
      for (let i = 1; i <= MAX_ATTEMPTS + 2; i++) {
        const r = await deliverOutbox(db, dead, { now: () => new Date(Date.now() + i * 86_400_000) });
        failed += r.failed;
      }
      expect(failed).toBe(2 * MAX_ATTEMPTS);
      const left = await db.select().from(emailOutbox);
      expect(left.every((r) => r.sentAt === null && r.attempts === MAX_ATTEMPTS && r.lastError)).toBe(true);
    } finally {
      dead.close();
      good.close();
    }
  });
});

describe("two server processes", () => {
  it("send each e-mail once", async () => {
    // Under DATABASE_URL a second, separate pool on the same database: another server process.
    let other: Database | null = null;
    let second: Db = db;
    if (database.kind === "postgres") {
      const r = (await db.execute(sql`select current_database() as name`)) as unknown as {
        rows: { name: string }[];
      };
      const url = new URL(process.env.DATABASE_URL as string);
      url.pathname = `/${r.rows[0]?.name}`;
      other = await openDatabase({ url: url.toString() });
      second = other.db;
    }
    const mailers = [mailer(), mailer(), mailer(), mailer()];
    try {
      for (const day of [EARLY_DAY, LATE_DAY]) {
        const runs = await Promise.all(
          mailers.map((m, i) => runReminders(i % 2 ? second : db, planId, day, m)),
        );
        expect(runs.reduce((s, r) => s + r.sent, 0)).toBe(1);
        // And the outbox drained by both at once (nothing left to send twice).
        await Promise.all(mailers.map((m, i) => deliverOutbox(i % 2 ? second : db, m)));
      }
    } finally {
      for (const m of mailers) m.close();
      await other?.close();
    }
    expect(received.sort()).toEqual([...ADDRESSES, ...ADDRESSES].sort());
    const rows = await db.select().from(emailOutbox);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.sentAt !== null && r.attempts === 1)).toBe(true);
  });
});
