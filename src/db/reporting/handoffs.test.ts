/**
 * Issue 9 §2: the report's hand-offs (reporter → leader → back to reporter → leader → coordinator
 * return → resubmission → accept, an extension), each allowed or refused with its code, each
 * writing its notification rows and (with e-mail on) outbox rows in the same transaction, none
 * twice for one step; the e-mails leave after the commit through a real SMTP server, a refusal
 * retried. Real database (both engines).
 */

import type { AddressInfo } from "node:net";
import { and, asc, eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../connection.ts";
import { createMailer, type Mailer } from "../mailer.ts";
import { deliverOutbox } from "../outbox.ts";
import { agencies, auditLog, emailOutbox, notifications, users } from "../schema.ts";
import { seededTestDb, type TestDatabase } from "../test-db.ts";
import type { ActorRef } from "./actor.ts";
import { listExpected } from "./expected.ts";
import { openPeriod } from "./periods.ts";
import {
  getReport,
  grantExtension,
  reviewReport,
  saveDraft,
  sendBackToReporter,
  sendToLeader,
  submitReport,
  takeBackFromLeader,
} from "./reports.ts";
import { answerAll } from "./test-answers.ts";

let database: TestDatabase;
let db: Db;
let planId = 0;
let expectedId = 0;
let otherExpectedId = 0;
let taskId = 0;
const who: Record<string, ActorRef> = {};
const ids: Record<string, number> = {};
let sink: SMTPServer;
let port = 0;
const received: { to: string[]; subject: string }[] = [];
let refuseNext = 0;
const EMAIL = { email: true };
const at = (day: string, hh = "03") => new Date(`${day}T${hh}:00:00Z`);

async function code(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

/** The notifications of one kind for the report, as (username, title, body). */
async function notes(kind: string) {
  const rows = await db
    .select({ userId: notifications.userId, title: notifications.title, body: notifications.body })
    .from(notifications)
    .where(and(eq(notifications.kind, kind), eq(notifications.link, `/reports/${expectedId}`)))
    .orderBy(asc(notifications.id));
  const names = new Map(Object.entries(ids).map(([n, id]) => [id, n]));
  return rows.map((r) => ({ user: names.get(r.userId), title: r.title, body: r.body }));
}

beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  ({ database, planId } = await seededTestDb());
  db = database.db;
  await openPeriod(db, planId, "quarterly", "2022-Q1", { userId: null, username: "test" });
  for (const name of ["sct.baocao", "sct.lanhdao", "sct.dieuphoi"]) {
    const [u] = await db.select().from(users).where(eq(users.username, name));
    ids[name] = u?.id as number;
    who[name] = { userId: u?.id as number, username: name };
  }
  // The leader and the coordinator have an address; the reporter has none (in-app only).
  await db.update(users).set({ email: "lanhdao@sct.test" }).where(eq(users.username, "sct.lanhdao"));
  await db.update(users).set({ email: "dieuphoi@sct.test" }).where(eq(users.username, "sct.dieuphoi"));
  await db.update(users).set({ email: null }).where(eq(users.username, "sct.baocao"));
  const [sct] = await db.select().from(agencies).where(eq(agencies.name, "Sở Công Thương"));
  const all = await listExpected(db, { planId });
  expectedId = all.find((e) => e.agency.id === sct?.id)?.id as number;
  // An agency with no account at all: nobody could approve its report.
  const demoAgencies = new Set(
    (await db.select({ a: users.agencyId }).from(users)).map((r) => r.a).filter((a) => a !== null),
  );
  otherExpectedId = all.find((e) => !demoAgencies.has(e.agency.id))?.id as number;
  taskId = (await getReport(db, expectedId)).tasks[0]?.id as number;
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refuseNext > 0) {
        refuseNext--;
        const err = new Error("mailbox busy, try later") as Error & { responseCode: number };
        err.responseCode = 451;
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => {
        raw += c.toString("utf8");
      });
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: /^Subject: (.*)$/m.exec(raw)?.[1] ?? "",
        });
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

const mailer = () => createMailer({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) }) as Mailer;

describe("the hand-offs of one report, in order", () => {
  let v = 0;
  const reporter = () => who["sct.baocao"] as ActorRef;
  const leader = () => who["sct.lanhdao"] as ActorRef;
  const coordinator = () => who["sct.dieuphoi"] as ActorRef;

  it("refuses to send to the leader a report nobody wrote, and one of an agency without a leader", async () => {
    expect(await code(sendToLeader(db, expectedId, { version: 0 }, reporter(), at("2022-03-01")))).toBe(
      "INVALID_STATE",
    );
    const other = await saveDraft(db, otherExpectedId, { version: 0, updates: [] }, reporter());
    expect(
      await code(
        sendToLeader(db, otherExpectedId, { version: other.report.version }, reporter(), at("2022-03-01")),
      ),
    ).toBe("NO_LEADER");
    expect((await getReport(db, otherExpectedId)).report.state).toBe("draft");
  });

  it("reporter → leader: awaiting_leader; the leader told in the app and by e-mail, once", async () => {
    const d = await saveDraft(
      db,
      expectedId,
      {
        version: 0,
        updates: await answerAll(db, expectedId, [
          { taskId, status: "in_progress", progress: 40, result: "Đang làm" },
        ]),
      },
      reporter(),
    );
    const r = await sendToLeader(
      db,
      expectedId,
      { version: d.report.version },
      reporter(),
      at("2022-03-02"),
      EMAIL,
    );
    expect(r.report.state).toBe("awaiting_leader");
    v = r.report.version;
    expect(await notes("report.ready")).toEqual([
      {
        user: "sct.lanhdao",
        title: "Báo cáo Quý I/2022 chờ lãnh đạo duyệt",
        body: expect.stringContaining("báo cáo kỳ Quý I/2022 của Sở Công Thương"),
      },
    ]);
    // A retried request names the old version: refused, nothing written twice.
    expect(
      await code(
        sendToLeader(db, expectedId, { version: d.report.version }, reporter(), at("2022-03-02"), EMAIL),
      ),
    ).toBe("VERSION_CONFLICT");
    expect(await notes("report.ready")).toHaveLength(1);
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.recipient, "lanhdao@sct.test"));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.reminderKey).toBeNull();
    expect(mails[0]?.subject).toBe("[kehoach] Báo cáo Quý I/2022 chờ lãnh đạo duyệt");
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "report.send-to-leader"));
    expect(audit).toBeDefined();
  });

  it("sends the queued e-mail after the commit; a refused send is retried, never doubled", async () => {
    // The outbox row was queued at the real time (next_attempt_at defaults to now()).
    const base = Date.now() + 1000;
    refuseNext = 1;
    const first = await deliverOutbox(db, mailer(), { now: () => new Date(base) });
    expect(first).toEqual({ sent: 0, failed: 1 });
    const again = await deliverOutbox(db, mailer(), { now: () => new Date(base) });
    expect(again.sent).toBe(0); // not yet due: backoff
    const later = await deliverOutbox(db, mailer(), { now: () => new Date(base + 120_000) });
    expect(later).toEqual({ sent: 1, failed: 0 });
    expect(received.map((m) => m.to)).toEqual([["lanhdao@sct.test"]]);
    expect(received[0]?.subject).toContain("kehoach");
    expect((await deliverOutbox(db, mailer(), { now: () => new Date(base + 3_600_000) })).sent).toBe(0);
  });

  it("the reporter takes it back while the leader has not acted; not twice", async () => {
    const r = await takeBackFromLeader(db, expectedId, { version: v }, reporter(), at("2022-03-02", "06"));
    expect(r.report.state).toBe("draft");
    v = r.report.version;
    expect(await code(takeBackFromLeader(db, expectedId, { version: v }, reporter()))).toBe("INVALID_STATE");
    expect((await notes("report.taken_back")).map((n) => n.user)).toEqual(["sct.lanhdao"]);
  });

  it("the leader sends it back with a required comment: a draft again, the comment kept and shown", async () => {
    expect(await code(sendBackToReporter(db, expectedId, { version: v, comment: "x" }, leader()))).toBe(
      "INVALID_STATE",
    ); // not sent to the leader
    v = (await sendToLeader(db, expectedId, { version: v }, reporter(), at("2022-03-03"))).report.version;
    // The leader may correct the draft while it waits; it stays with the leader.
    const edited = await saveDraft(
      db,
      expectedId,
      {
        version: v,
        updates: await answerAll(db, expectedId, [
          { taskId, status: "in_progress", progress: 45, result: "Đang làm" },
        ]),
      },
      leader(),
    );
    expect(edited.report.state).toBe("awaiting_leader");
    v = edited.report.version;
    expect(await code(sendBackToReporter(db, expectedId, { version: v, comment: "  " }, leader()))).toBe(
      "VALIDATION",
    );
    const r = await sendBackToReporter(
      db,
      expectedId,
      { version: v, comment: "Bổ sung số liệu tháng 3." },
      leader(),
      at("2022-03-04"),
    );
    expect(r.report.state).toBe("draft");
    expect(r.report.leaderComment?.text).toBe("Bổ sung số liệu tháng 3.");
    v = r.report.version;
    const back = await notes("report.sent_back");
    expect(back).toEqual([
      {
        user: "sct.baocao",
        title: "Lãnh đạo chuyển lại báo cáo Quý I/2022 để chỉnh sửa",
        body: expect.stringContaining("“Bổ sung số liệu tháng 3.”"),
      },
    ]);
    // The reporter has no address: in the app only.
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.recipient, ""))).toHaveLength(0);
  });

  it("leader → coordinator: submitted, the coordinator told; the leader's comment cleared", async () => {
    v = (await sendToLeader(db, expectedId, { version: v }, reporter(), at("2022-03-05"))).report.version;
    const r = await submitReport(db, expectedId, { version: v }, leader(), at("2022-03-10"), EMAIL);
    expect(r.report.state).toBe("submitted");
    expect(r.report.leaderComment).toBeNull();
    v = r.report.version;
    expect(await code(submitReport(db, expectedId, { version: v - 1 }, leader()))).toBe("VERSION_CONFLICT");
    expect(await code(submitReport(db, expectedId, { version: v }, leader()))).toBe("INVALID_STATE");
    expect(await code(sendToLeader(db, expectedId, { version: v }, reporter()))).toBe("INVALID_STATE");
    expect(await notes("report.submitted")).toEqual([
      {
        user: "sct.dieuphoi",
        title: "Sở Công Thương đã gửi báo cáo Quý I/2022",
        body: "Báo cáo kỳ Quý I/2022 của Sở Công Thương đã đến, chờ xem xét.",
      },
    ]);
    expect(
      await db.select().from(emailOutbox).where(eq(emailOutbox.recipient, "dieuphoi@sct.test")),
    ).toHaveLength(1);
  });

  it("coordinator returns with the comment: reporter and leader told; the list keeps the return until resent", async () => {
    const r = await reviewReport(
      db,
      expectedId,
      { outcome: "returned", comment: "Thiếu kết quả nhiệm vụ 1." },
      coordinator(),
      at("2022-03-11"),
      EMAIL,
    );
    expect(r.report.state).toBe("returned");
    v = r.report.version;
    const ret = await notes("report.returned");
    expect(ret.map((n) => n.user).sort()).toEqual(["sct.baocao", "sct.lanhdao"]);
    expect(ret[0]?.body).toContain("“Thiếu kết quả nhiệm vụ 1.”");
    expect(await code(reviewReport(db, expectedId, { outcome: "accepted" }, coordinator()))).toBe(
      "INVALID_STATE",
    );
    // The reporter saves: the state is a draft, but the leader's list still shows the return.
    v = (
      await saveDraft(
        db,
        expectedId,
        {
          version: v,
          updates: await answerAll(db, expectedId, [
            { taskId, status: "done", progress: 100, result: "Xong" },
          ]),
        },
        reporter(),
      )
    ).report.version;
    const [row] = await listExpected(db, { planId, agencyId: r.expected.agencyId, periodId: r.period.id });
    expect(row?.state).toBe("draft");
    expect(row?.returnComment).toBe("Thiếu kết quả nhiệm vụ 1.");
  });

  it("resubmission: the coordinator told of 'lần 2'; the latest submission time is shown", async () => {
    v = (await sendToLeader(db, expectedId, { version: v }, reporter(), at("2022-03-12"))).report.version;
    const r = await submitReport(db, expectedId, { version: v }, leader(), at("2022-03-14"));
    v = r.report.version;
    expect(r.report.submittedAt?.toISOString()).toBe(at("2022-03-10").toISOString());
    expect(r.report.lastSubmittedAt?.toISOString()).toBe(at("2022-03-14").toISOString());
    expect(r.report.submissions).toBe(2);
    const [row] = await listExpected(db, { planId, agencyId: r.expected.agencyId, periodId: r.period.id });
    expect(row?.lastSubmittedAt?.toISOString()).toBe(at("2022-03-14").toISOString());
    expect(row?.submissions).toBe(2);
    expect(row?.returnComment).toBeNull();
    expect((await notes("report.submitted")).map((n) => n.title)).toEqual([
      "Sở Công Thương đã gửi báo cáo Quý I/2022",
      "Sở Công Thương gửi lại báo cáo Quý I/2022 (lần 2)",
    ]);
  });

  it("accept: the agency told; an extension told once however often it is granted", async () => {
    await reviewReport(db, expectedId, { outcome: "accepted" }, coordinator(), at("2022-03-15"));
    expect((await notes("report.accepted")).map((n) => n.user).sort()).toEqual(["sct.baocao", "sct.lanhdao"]);
    const ext = { due: "2022-03-25", reason: "Chờ số liệu thống kê" };
    await grantExtension(db, expectedId, ext, coordinator(), at("2022-03-15"));
    await grantExtension(db, expectedId, ext, coordinator(), at("2022-03-15"));
    const told = await notes("report.extended");
    expect(told).toHaveLength(2); // reporter and leader, once each
    expect(told[0]?.title).toBe("Báo cáo Quý I/2022 được gia hạn đến ngày 25/03/2022");
  });

  it("never notifies twice for one step, and never the actor", async () => {
    const rows = await db
      .select()
      .from(notifications)
      .where(eq(notifications.link, `/reports/${expectedId}`));
    const keys = rows.map((r) => `${r.userId}:${r.key}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows.filter((r) => r.kind === "report.ready" && r.userId === ids["sct.baocao"])).toHaveLength(0);
    const created = rows.find((r) => r.kind === "report.accepted")?.createdAt;
    expect(created?.toISOString()).toBe(at("2022-03-15").toISOString()); // the step's clock
  });
});
