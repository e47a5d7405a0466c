/**
 * Urging against a real database (PGlite; PostgreSQL under DATABASE_URL): reminders on the right
 * working days, once only — also from two database handles at once, which under DATABASE_URL are
 * two separate pools, as several server processes would be — e-mail to a local SMTP sink, and the
 * urging letter.
 */
import type { AddressInfo } from "node:net";
import { and, eq, inArray, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { compareTaskCodes } from "../domain/task-code.ts";
import { startReminderJob } from "../server/reminder-job.ts";
import { type Database, type Db, openDatabase, toCount } from "./connection.ts";
import type { ActorRef } from "./reporting/actor.ts";
import { SYSTEM } from "./reporting/actor.ts";
import { agencyOwnTasks } from "./reporting/late-agencies.ts";
import { openPeriod } from "./reporting/periods.ts";
import { saveRegime } from "./reporting/regime.ts";
import { tasksToReport } from "./reporting/report-tasks.ts";
import { grantExtension, saveDraft, submitReport } from "./reporting/reports.ts";
import { answerAll } from "./reporting/test-answers.ts";
import {
  agencies,
  auditLog,
  emailOutbox,
  expectedReports,
  notifications,
  remindersSent,
  roleAssignments,
  users,
} from "./schema.ts";
import { seededTestDb, type TestDatabase } from "./test-db.ts";
import { createMailer, listNotifications, markRead, runReminders, urgingLetter } from "./urging.ts";

let database: TestDatabase;
let db: Db;
let planId: number;
let periodId: number;
const agency = { sct: 0, a: 0, b: 0, c: 0 };
const er = { a: 0, b: 0, c: 0 };
const user = { aReporter: 0, aLeader: 0, aViewer: 0, bReporter: 0, bDisabled: 0, cLeader: 0, coordinator: 0 };

async function agencyId(name: string): Promise<number> {
  const [row] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.name, name), eq(agencies.province, "Tuyên Quang")));
  if (!row) throw new Error(`no agency ${name}`);
  return row.id;
}

async function addUser(
  username: string,
  agencyId: number | null,
  email: string | null,
  roles: { role: string; planId: number | null; agencyId: number | null }[],
  disabled = false,
): Promise<number> {
  const [row] = await db
    .insert(users)
    .values({
      username,
      displayName: `Người dùng ${username}`,
      email,
      passwordHash: "not-a-real-hash",
      agencyId,
      disabledAt: disabled ? new Date() : null,
    })
    .returning({ id: users.id });
  if (!row) throw new Error("insert user");
  if (roles.length) await db.insert(roleAssignments).values(roles.map((r) => ({ userId: row.id, ...r })));
  return row.id;
}

async function count(table: typeof notifications | typeof remindersSent, q: Db = db): Promise<number> {
  const [row] = await q.select({ n: sql`count(*)` }).from(table);
  return toCount(row?.n);
}

async function countAudit(action: string): Promise<number> {
  const [row] = await db.select({ n: sql`count(*)` }).from(auditLog).where(eq(auditLog.action, action));
  return toCount(row?.n);
}

async function resetUrging() {
  await db.delete(emailOutbox);
  await db.delete(notifications);
  await db.delete(remindersSent);
}

beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  ({ database, planId } = await seededTestDb());
  db = database.db;
  agency.sct = await agencyId("Sở Công Thương");
  // Agencies without demo accounts (seed-accounts.ts), so that only this file's users are reminded.
  agency.a = await agencyId("Sở Khoa học và Công nghệ");
  agency.b = await agencyId("Sở Lao động - Thương binh và Xã hội");
  agency.c = await agencyId("Sở Nội vụ");
  await saveRegime(
    db,
    planId,
    {
      frequencies: ["quarterly"],
      deadlineDays: { quarterly: 2 },
      remindBefore: [2, 1],
      remindAfter: [1, 3],
      coordinatorAgencyId: agency.sct,
      reporterAgencyIds: [agency.a, agency.b, agency.c],
    },
    SYSTEM,
  );
  // Q1 2022: cut-off 15/12/2021–14/03/2022 (Monday), due 2 working days later: Wednesday 16/03/2022.
  const period = await openPeriod(db, planId, "quarterly", "2022-Q1", SYSTEM);
  periodId = period.id;
  expect(period.due).toBe("2022-03-16");
  const rows = await db.select().from(expectedReports).where(eq(expectedReports.periodId, periodId));
  const erOf = (id: number) => rows.find((r) => r.agencyId === id)?.id ?? 0;
  er.a = erOf(agency.a);
  er.b = erOf(agency.b);
  er.c = erOf(agency.c);

  // A: a reporter (role for this plan, agency from the user), a leader (agency on the role), a viewer (never reminded).
  user.aReporter = await addUser("a.reporter", agency.a, "a.reporter@kehoach.test", [
    { role: "reporter", planId, agencyId: null },
  ]);
  user.aLeader = await addUser("a.leader", null, "a.leader@kehoach.test", [
    { role: "leader", planId, agencyId: agency.a },
  ]);
  user.aViewer = await addUser("a.viewer", agency.a, "a.viewer@kehoach.test", [
    { role: "viewer", planId, agencyId: null },
  ]);
  // B: a reporter in every plan without an e-mail address, and a disabled account.
  user.bReporter = await addUser("b.reporter", agency.b, null, [
    { role: "reporter", planId: null, agencyId: null },
  ]);
  user.bDisabled = await addUser(
    "b.disabled",
    agency.b,
    "b.disabled@kehoach.test",
    [{ role: "reporter", planId, agencyId: null }],
    true,
  );
  // C submits on time; the coordinator is never reminded.
  user.cLeader = await addUser("c.leader", agency.c, "c.leader@kehoach.test", [
    { role: "leader", planId, agencyId: null },
  ]);
  user.coordinator = await addUser("sct.coordinator", agency.sct, "sct@kehoach.test", [
    { role: "coordinator", planId, agencyId: null },
  ]);

  // Nobody else (demo accounts) reports for A, B or C: the counts below are this file's users.
  const reportersOfABC = await db
    .selectDistinct({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        inArray(roleAssignments.role, ["reporter", "leader"]),
        inArray(sql`coalesce(${roleAssignments.agencyId}, ${users.agencyId})`, [
          agency.a,
          agency.b,
          agency.c,
        ]),
      ),
    );
  expect(reportersOfABC.map((r) => r.userId).sort((x, y) => x - y)).toEqual(
    [user.aReporter, user.aLeader, user.bReporter, user.bDisabled, user.cLeader].sort((x, y) => x - y),
  );

  const cLeader: ActorRef = { userId: user.cLeader, username: "c.leader" };
  await saveDraft(
    db,
    er.c,
    { version: 0, summary: "Báo cáo quý I/2022", updates: await answerAll(db, er.c) },
    cLeader,
  );
  await submitReport(db, er.c, { version: 1 }, cLeader, new Date("2022-03-10T03:00:00Z"));
  // B has a draft, A has not started.
  await saveDraft(
    db,
    er.b,
    { version: 0, summary: "Bản nháp", updates: [] },
    { userId: user.bReporter, username: "b.reporter" },
  );
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("runReminders", () => {
  beforeEach(resetUrging);

  it("sends each reminder on its working day: 2 and 1 working days before, 1 and 3 after the due date", async () => {
    const days: Record<string, number> = {};
    for (
      let d = new Date(Date.UTC(2022, 2, 1));
      d <= new Date(Date.UTC(2022, 3, 8));
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      const today = d.toISOString().slice(0, 10);
      const r = await runReminders(db, planId, today);
      if (r.sent > 0) days[today] = r.sent;
    }
    // Monday 14, Tuesday 15 (before); Thursday 17, and Monday 21 — not the weekend (after). A and B each time; never C, which submitted.
    expect(days).toEqual({ "2022-03-14": 2, "2022-03-15": 2, "2022-03-17": 2, "2022-03-21": 2 });
    expect(await count(remindersSent)).toBe(8);
    const keys = (await db.select({ key: remindersSent.key }).from(remindersSent)).map((r) => r.key).sort();
    expect(keys).toContain(`er:${er.a}:before:2:2022-03-16`);
    expect(keys).toContain(`er:${er.b}:after:3:2022-03-16`);
    expect(keys.some((k) => k.startsWith(`er:${er.c}:`))).toBe(false);

    // A's reporter and leader get 4 each; B's enabled reporter 4; nobody else any.
    expect(await count(notifications)).toBe(12);
    for (const [id, n] of [
      [user.aReporter, 4],
      [user.aLeader, 4],
      [user.bReporter, 4],
      [user.aViewer, 0],
      [user.bDisabled, 0],
      [user.cLeader, 0],
      [user.coordinator, 0],
    ] as const) {
      expect((await listNotifications(db, id)).length, `user ${id}`).toBe(n);
    }
    const mine = await listNotifications(db, user.aReporter);
    expect(mine.map((n) => n.kind)).toEqual([
      "reminder.after",
      "reminder.after",
      "reminder.before",
      "reminder.before",
    ]);
    const overdue = mine[0];
    expect(overdue?.title).toBe("Quá hạn gửi báo cáo kỳ Quý I/2022");
    expect(overdue?.body).toContain("Sở Khoa học và Công nghệ chưa gửi báo cáo kỳ Quý I/2022");
    expect(overdue?.body).toContain("hạn gửi là ngày 16/03/2022, đã quá hạn 3 ngày làm việc");
    expect(overdue?.link).toBe(`/reports/${er.a}`);
    expect(mine[3]?.body).toContain("còn 2 ngày làm việc");
    expect(mine.every((n) => n.readAt === null)).toBe(true);
  });

  it("running twice sends nothing new", async () => {
    const auditBefore = await countAudit("reminder.send");
    expect(await runReminders(db, planId, "2022-03-14")).toEqual({ sent: 2, skipped: 0 });
    expect(await runReminders(db, planId, "2022-03-14")).toEqual({ sent: 0, skipped: 2 });
    expect(await count(remindersSent)).toBe(2);
    expect(await count(notifications)).toBe(3);
    expect(await countAudit("reminder.send")).toBe(auditBefore + 2);
  });

  it("sends nothing on a weekend", async () => {
    expect(await runReminders(db, planId, "2022-03-19")).toEqual({ sent: 0, skipped: 0 });
    expect(await runReminders(db, planId, "2022-03-20")).toEqual({ sent: 0, skipped: 0 });
  });

  it("two database connections running at once send each reminder exactly once", async () => {
    // Under DATABASE_URL a second, separate pool on the same database: another server process.
    let other: Database | null = null;
    let second: Db = db;
    if (database.kind === "postgres") {
      const result = (await db.execute(sql`select current_database() as name`)) as unknown as {
        rows: { name: string }[];
      };
      const url = new URL(process.env.DATABASE_URL as string);
      url.pathname = `/${result.rows[0]?.name}`;
      other = await openDatabase({ url: url.toString() });
      second = other.db;
    }
    try {
      let sent = 0;
      let skipped = 0;
      for (const today of ["2022-03-14", "2022-03-15", "2022-03-17", "2022-03-21"]) {
        const results = await Promise.all([
          runReminders(db, planId, today),
          runReminders(second, planId, today),
          runReminders(db, planId, today),
          runReminders(second, planId, today),
        ]);
        expect(
          results.reduce((s, r) => s + r.sent, 0),
          today,
        ).toBe(2);
        sent += results.reduce((s, r) => s + r.sent, 0);
        skipped += results.reduce((s, r) => s + r.skipped, 0);
      }
      expect({ sent, skipped }).toEqual({ sent: 8, skipped: 24 });
      expect(await count(remindersSent)).toBe(8);
      expect(await count(remindersSent, second)).toBe(8);
      expect(await count(notifications)).toBe(12);
      const perUserKey = (await db.execute(
        sql`select count(*) as n from notifications group by user_id, key having count(*) > 1`,
      )) as unknown as { rows: unknown[] };
      expect(perUserKey.rows).toEqual([]);
    } finally {
      await other?.close();
    }
  });

  it("a notification is read by its owner only", async () => {
    await runReminders(db, planId, "2022-03-14");
    const [first] = await listNotifications(db, user.aLeader);
    expect(first).toBeDefined();
    const id = first?.id as number;
    await expect(markRead(db, user.bReporter, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const read = await markRead(db, user.aLeader, id, new Date("2022-03-14T08:00:00Z"));
    expect(read.readAt).toBe("2022-03-14T08:00:00.000Z");
    // Marking again keeps the first reading time.
    expect((await markRead(db, user.aLeader, id, new Date("2022-03-15T08:00:00Z"))).readAt).toBe(
      "2022-03-14T08:00:00.000Z",
    );
    expect(await listNotifications(db, user.aLeader, { unreadOnly: true })).toEqual([]);
    expect((await listNotifications(db, user.aReporter, { unreadOnly: true })).length).toBe(1);
  });
});

// ─── E-mail, to a local SMTP sink only ─────────────────────────────────────────────────────

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** Decodes RFC 2047 encoded words ("=?UTF-8?Q?...?=" / "=?UTF-8?B?...?="), joining adjacent ones. */
function decodeHeader(value: string): string {
  const unfolded = value.replace(/\r?\n[ \t]+/g, " ");
  const joined = unfolded.replace(/(\?=)\s+(?==\?)/g, "$1");
  let out = "";
  let pending: Buffer[] = [];
  const flush = () => {
    if (pending.length) out += Buffer.concat(pending).toString("utf8");
    pending = [];
  };
  let last = 0;
  for (const m of joined.matchAll(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g)) {
    if (m.index > last) {
      flush();
      out += joined.slice(last, m.index);
    }
    const text = m[3] ?? "";
    pending.push(
      m[2]?.toUpperCase() === "B"
        ? Buffer.from(text, "base64")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9A-Fa-f]{2})/g, (_s, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            "latin1",
          ),
    );
    last = m.index + m[0].length;
  }
  flush();
  return out + joined.slice(last);
}

function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? "";
  const m = new RegExp(`^${name}:[ \\t]*((?:.*)(?:\\r?\\n[ \\t].*)*)`, "im").exec(head);
  return m ? decodeHeader(m[1] ?? "") : "";
}

function body(raw: string): string {
  const [, ...rest] = raw.split(/\r?\n\r?\n/);
  const text = rest.join("\n\n");
  const cte = header(raw, "Content-Transfer-Encoding").toLowerCase();
  if (cte === "base64") return Buffer.from(text.replace(/\s+/g, ""), "base64").toString("utf8");
  if (cte === "quoted-printable") {
    const soft = text.replace(/=\r?\n/g, "");
    return Buffer.from(
      soft.replace(/=([0-9A-Fa-f]{2})/g, (_s, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      "latin1",
    ).toString("utf8");
  }
  return text;
}

describe("e-mail", () => {
  let sink: SMTPServer;
  let port = 0;
  const received: Received[] = [];

  beforeAll(async () => {
    sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", () => resolve()));
    port = (sink.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => sink.close(() => resolve()));
  });

  beforeEach(async () => {
    await resetUrging();
    received.length = 0;
  });

  it("no mailer without SMTP_HOST", () => {
    expect(createMailer({})).toBeNull();
    expect(createMailer({ SMTP_HOST: "  " })).toBeNull();
  });

  it("e-mails the agency's reporters and leaders who have an address, with a Vietnamese subject", async () => {
    const mailer = createMailer({
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(port),
      SMTP_FROM: "Sở Công Thương <sct@kehoach.test>",
    });
    expect(mailer).not.toBeNull();
    try {
      expect(await runReminders(db, planId, "2022-03-17", mailer)).toEqual({ sent: 2, skipped: 0 });
    } finally {
      mailer?.close();
    }
    // A's reporter and leader; B's reporter has no address and B's disabled account gets nothing.
    expect(received.flatMap((m) => m.to).sort()).toEqual([
      "a.leader@kehoach.test",
      "a.reporter@kehoach.test",
    ]);
    for (const m of received) {
      expect(m.from).toBe("sct@kehoach.test");
      expect(header(m.raw, "Subject")).toBe(
        "[kehoach] Đôn đốc: quá hạn gửi báo cáo kỳ Quý I/2022 (hạn ngày 16/03/2022)",
      );
      const text = body(m.raw);
      expect(text).toContain("Sở Khoa học và Công nghệ chưa gửi báo cáo kỳ Quý I/2022");
      expect(text).toContain("số liệu từ ngày 15/12/2021 đến ngày 14/03/2022");
      expect(text).toContain(`/reports/${er.a}`);
    }
    const [claim] = await db
      .select()
      .from(remindersSent)
      .where(eq(remindersSent.key, `er:${er.a}:after:1:2022-03-16`));
    expect(claim?.emailedTo?.sort()).toEqual(["a.leader@kehoach.test", "a.reporter@kehoach.test"]);
    // In-app notifications are made as well, and a second run mails nothing.
    expect(await count(notifications)).toBe(3);
    const again = createMailer({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) });
    try {
      expect(await runReminders(db, planId, "2022-03-17", again)).toEqual({ sent: 0, skipped: 2 });
    } finally {
      again?.close();
    }
    expect(received.length).toBe(2);
  });

  it("a mail server that refuses does not stop the in-app notifications", async () => {
    // A port nothing listens on: the sink's, after asking the OS for a free one and closing it.
    const probe = new SMTPServer({ disabledCommands: ["AUTH", "STARTTLS"], logger: false });
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
    const deadPort = (probe.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const mailer = createMailer({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(deadPort) });
    try {
      expect(await runReminders(db, planId, "2022-03-14", mailer)).toEqual({ sent: 2, skipped: 0 });
    } finally {
      mailer?.close();
    }
    expect(await count(notifications)).toBe(3);
    const key = `er:${er.a}:before:2:2022-03-16`;
    const [claim] = await db.select().from(remindersSent).where(eq(remindersSent.key, key));
    // Addressed through the outbox; the refused sends wait there for a retry (src/db/outbox.ts).
    expect(claim?.emailedTo?.sort()).toEqual(["a.leader@kehoach.test", "a.reporter@kehoach.test"]);
    const queued = await db.select().from(emailOutbox).where(eq(emailOutbox.reminderKey, key));
    expect(queued.map((q) => [q.sentAt, q.claimedAt, q.attempts, q.lastError !== null])).toEqual([
      [null, null, 1, true],
      [null, null, 1, true],
    ]);
  });
});

// ─── The urging letter ─────────────────────────────────────────────────────────────────────

describe("urgingLetter", () => {
  it("names exactly the late agencies, what each owes, in the form of an official letter", async () => {
    const text = (await urgingLetter(db, planId, periodId, "2022-03-21")) ?? "";
    const lines = text.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "UBND TỈNH TUYÊN QUANG",
      "SỞ CÔNG THƯƠNG",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
    ]);
    expect(lines).toContain("Số: …/SCT-…");
    expect(lines).toContain("Tuyên Quang, ngày 21 tháng 3 năm 2022");
    const subject = lines.find((l) => l.startsWith("V/v "));
    expect(subject).toBe(
      "V/v đôn đốc gửi báo cáo tình hình thực hiện Kế hoạch phát triển công nghiệp tỉnh Tuyên Quang giai đoạn 2021 - 2025 kỳ Quý I/2022",
    );
    // Addressed to A and B (late, not submitted) — never C, which submitted.
    const to = lines.slice(lines.indexOf("Kính gửi:") + 1, lines.indexOf("Kính gửi:") + 3);
    expect(to).toEqual(["- Sở Khoa học và Công nghệ;", "- Sở Lao động - Thương binh và Xã hội."]);
    expect(text).not.toContain("Sở Nội vụ");
    const items = lines.filter((l) => /^\d+\. /.test(l));
    expect(items).toHaveLength(2);
    // Only A's own tasks (lead or named coordinator), not those it reaches through a group.
    const own = ((await agencyOwnTasks(db, planId, [agency.a], "2022-03-21")).get(agency.a) ?? []).map(
      (t) => t.code,
    );
    const viaGroups = (await tasksToReport(db, planId, agency.a, "2022-03-14")).map((t) => t.code);
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThanOrEqual(viaGroups.length);
    expect(items[0]).toBe(
      `1. Sở Khoa học và Công nghệ: báo cáo kỳ Quý I/2022, hạn gửi ngày 16/03/2022, đã quá hạn 3 ngày làm việc; các nhiệm vụ chưa hoàn thành do đơn vị chủ trì hoặc phối hợp: số ${[...own].sort(compareTaskCodes).join(", ")}.`,
    );
    expect(items[1]).toMatch(
      /^2\. Sở Lao động - Thương binh và Xã hội: báo cáo kỳ Quý I\/2022, hạn gửi ngày 16\/03\/2022, đã quá hạn 3 ngày làm việc/,
    );
    expect(text).toContain("(số liệu từ ngày 15/12/2021 đến ngày 14/03/2022)");
    expect(text).toContain("chưa nhận được báo cáo của 2 cơ quan, đơn vị sau:");
    expect(text).toContain(
      "đề nghị các cơ quan, đơn vị nêu trên khẩn trương hoàn thành và gửi báo cáo kỳ Quý I/2022",
    );
    const end = lines.findIndex((l) => l.endsWith("./."));
    const recipients = lines.indexOf("Nơi nhận:");
    expect(end).toBeGreaterThan(items.length);
    expect(recipients).toBeGreaterThan(end);
    expect(lines.slice(recipients + 1, recipients + 2)).toEqual(["- Như trên;"]);
    expect(lines.some((l) => l.startsWith("- Lưu: VT"))).toBe(true);
  });

  it("is null when nobody is late (no error), and refused for a period of another plan", async () => {
    expect(await urgingLetter(db, planId, periodId, "2022-03-16")).toBeNull();
    await expect(urgingLetter(db, planId + 1000, periodId, "2022-03-21")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(urgingLetter(db, planId, periodId + 1000, "2022-03-21")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

// ─── Extensions and the background job (they change state: last) ──────────────────────────

describe("after an extension", () => {
  beforeEach(resetUrging);

  it("reminds again against the new due date, and the letter says so", async () => {
    await runReminders(db, planId, "2022-03-21");
    expect(
      (await db.select({ key: remindersSent.key }).from(remindersSent)).map((r) => r.key).sort(),
    ).toEqual([`er:${er.a}:after:3:2022-03-16`, `er:${er.b}:after:3:2022-03-16`].sort());
    await grantExtension(
      db,
      er.a,
      { due: "2022-03-23", reason: "Chờ số liệu của Cục Thống kê" },
      { userId: user.coordinator, username: "sct.coordinator" },
    );
    await resetUrging();
    // Monday 21: A is now 2 working days before its new due date; B is 3 days late.
    expect(await runReminders(db, planId, "2022-03-21")).toEqual({ sent: 2, skipped: 0 });
    const keys = (await db.select({ key: remindersSent.key }).from(remindersSent)).map((r) => r.key).sort();
    expect(keys).toEqual([`er:${er.a}:before:2:2022-03-23`, `er:${er.b}:after:3:2022-03-16`].sort());
    // On 21/03 only B is late; on 25/03 A is too, 2 working days past its extension.
    expect(await urgingLetter(db, planId, periodId, "2022-03-21")).not.toContain("Sở Khoa học và Công nghệ");
    const later = await urgingLetter(db, planId, periodId, "2022-03-25");
    expect(later).toContain(
      "1. Sở Khoa học và Công nghệ: báo cáo kỳ Quý I/2022, hạn gửi ngày 23/03/2022 (đã gia hạn), đã quá hạn 2 ngày làm việc",
    );
    expect(later).toContain(
      "2. Sở Lao động - Thương binh và Xã hội: báo cáo kỳ Quý I/2022, hạn gửi ngày 16/03/2022, đã quá hạn 7 ngày làm việc",
    );
  });

  it("the background job runs every plan, for Vietnam's date", async () => {
    // 17:30 UTC on Monday 21/03 is already Tuesday 22/03 in Vietnam: A's "1 day before" its extension.
    const job = startReminderJob(database, 3_600_000, {
      mailer: null,
      now: () => new Date("2022-03-21T17:30:00Z"),
      runAtStart: false,
      log: () => {},
    });
    try {
      expect(await job.runOnce()).toEqual({ plans: 1, sent: 1, skipped: 0 });
      expect(await job.runOnce()).toEqual({ plans: 1, sent: 0, skipped: 1 });
    } finally {
      await job.stop();
    }
    expect((await db.select({ key: remindersSent.key }).from(remindersSent)).map((r) => r.key)).toEqual([
      `er:${er.a}:before:1:2022-03-23`,
    ]);
  });
});
