/**
 * The reporting loop end to end, through the API, on the Tuyên Quang plan and its real agencies
 * (issue: "Scenario the tests must show"): the 2022 Q1 reports are opened; three agencies submit
 * (one late); one is returned and resubmitted; one never submits and is urged; tasks due in
 * Q1/2022 end up done on time, done late and overdue as the reports say; a viewer sees it all
 * and can change nothing. The clock is set to the days of 2022 on which each step happens.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededTestDb, type TestDatabase } from "../../../db/test-db.ts";
import { createApp } from "../../app.ts";
import { call, login, type TestSession } from "../../test-auth.ts";

type Json = Record<string, unknown> & { error?: { code: string } };
interface ReportJson {
  report: {
    state: string;
    version: number;
    late: boolean | null;
    versions: { number: number; outcome: string | null; reviewComment: string | null }[];
  };
  tasks: { id: number; code: string; role: string }[];
}
interface Expected {
  id: number;
  agency: { id: number; name: string };
  state: string;
  late: boolean | null;
}

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let planId: number;
let clock = new Date("2022-03-01T02:00:00Z");
const at = (iso: string) => {
  clock = new Date(`${iso}T03:00:00Z`); // 10:00 in Vietnam
};
const s: Record<string, TestSession> = {};
let expected: Expected[] = [];
const erOf = (agency: string) => {
  const e = expected.find((x) => x.agency.name === agency);
  if (!e) throw new Error(`no expected report for ${agency}`);
  return e.id;
};

async function draft(who: string, agency: string, updates: Record<string, Record<string, unknown>>) {
  const id = erOf(agency);
  const got = await call<ReportJson>(app, s[who] ?? null, "GET", `/api/reports/${id}`);
  expect(got.status).toBe(200);
  const byCode = new Map(got.body.tasks.map((t) => [t.code, t.id]));
  const list: Record<string, unknown>[] = Object.entries(updates).map(([code, u]) => {
    const taskId = byCode.get(code);
    if (!taskId) throw new Error(`${agency} does not report on ${code}`);
    return { taskId, ...u };
  });
  // Every task is answered: the ones the test does not name, explicitly as not started.
  const named = new Set(list.map((u) => u.taskId as number));
  for (const t of got.body.tasks) if (!named.has(t.id)) list.push({ taskId: t.id, status: "not_started" });
  const saved = await call<ReportJson>(app, s[who] ?? null, "PUT", `/api/reports/${id}`, {
    version: got.body.report.version,
    summary: `Báo cáo của ${agency}`,
    updates: list,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return saved.body;
}

async function submit(who: string, agency: string) {
  const id = erOf(agency);
  const got = await call<ReportJson>(app, s[who] ?? null, "GET", `/api/reports/${id}`);
  return call<ReportJson & Json>(app, s[who] ?? null, "POST", `/api/reports/${id}/submit`, {
    version: got.body.report.version,
  });
}

beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  ({ database, planId } = await seededTestDb());
  app = createApp({ database, now: () => clock });
  for (const u of [
    "sct.dieuphoi",
    "sct.baocao",
    "sct.lanhdao",
    "sgtvt.baocao",
    "sgtvt.lanhdao",
    "bqlkcn.baocao",
    "bqlkcn.lanhdao",
    "stnmt.baocao",
    "lanhdao.tinh",
    "skhdt.baocao",
  ]) {
    s[u] = await login(app, u);
  }
});
afterAll(async () => {
  await database?.close();
});

describe("the 2022 Q1 reporting round of the Tuyên Quang plan", () => {
  it("the coordinator opens 2022-Q1: window 15/12/2021–14/03/2022, due 16/03/2022, one expected report per agency", async () => {
    at("2022-03-01");
    const opened = await call<
      Json & { due: string; windowStart: string; windowEnd: string; expected: number }
    >(app, s["sct.dieuphoi"] ?? null, "POST", `/api/plans/${planId}/periods`, {
      frequency: "quarterly",
      label: "2022-Q1",
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect([opened.body.windowStart, opened.body.windowEnd, opened.body.due]).toEqual([
      "2021-12-15",
      "2022-03-14",
      "2022-03-16",
    ]);
    const again = await call<Json>(app, s["sct.dieuphoi"] ?? null, "POST", `/api/plans/${planId}/periods`, {
      frequency: "quarterly",
      label: "2022-Q1",
    });
    expect(again.status).toBe(409);
    const list = await call<{ items: Expected[] }>(
      app,
      s["sct.dieuphoi"] ?? null,
      "GET",
      `/api/expected-reports?plan=${planId}`,
    );
    expected = list.body.items;
    expect(expected.length).toBe(opened.body.expected);
    for (const a of [
      "Sở Công Thương",
      "Sở Giao thông vận tải",
      "Ban Quản lý các khu công nghiệp tỉnh",
      "Sở Tài nguyên và Môi trường",
    ]) {
      expect(expected.map((e) => e.agency.name)).toContain(a);
    }
    // Members of "UBND huyện, thành phố" report too; the group itself does not.
    expect(expected.map((e) => e.agency.name)).toContain("UBND huyện Sơn Dương");
    expect(expected.map((e) => e.agency.name)).not.toContain("UBND huyện, thành phố");
  });

  it("Sở Công Thương reports 2.2 done with its decision and submits on time", async () => {
    at("2022-03-10");
    const r = await draft("sct.baocao", "Sở Công Thương", {
      "2.1": { status: "in_progress", result: "Tiếp tục triển khai các chính sách hỗ trợ" },
      "2.2": {
        status: "done_with_product",
        productDocument: "Quyết định 123/QĐ-UBND ngày 10/3/2022",
        productDate: "2022-03-10",
      },
    });
    expect(r.report.state).toBe("draft");
    // A reporter cannot submit; the leader approves and submits.
    at("2022-03-15");
    expect((await submit("sct.baocao", "Sở Công Thương")).status).toBe(403);
    const sent = await submit("sct.lanhdao", "Sở Công Thương");
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.report).toMatchObject({ state: "submitted", late: false });
  });

  it("two people editing the same draft: the second save is refused, nothing is overwritten", async () => {
    const id = erOf("Sở Giao thông vận tải");
    const base = await draft("sgtvt.baocao", "Sở Giao thông vận tải", {
      "3.4": { status: "in_progress", result: "Đang xây dựng" },
    });
    const v = base.report.version;
    const t34 = base.tasks.find((t) => t.code === "3.4")?.id;
    const first = await call<ReportJson>(app, s["sgtvt.baocao"] ?? null, "PUT", `/api/reports/${id}`, {
      version: v,
      updates: [{ taskId: t34, status: "in_progress", result: "Bản của người thứ nhất" }],
    });
    const second = await call<Json>(app, s["sgtvt.lanhdao"] ?? null, "PUT", `/api/reports/${id}`, {
      version: v,
      updates: [{ taskId: t34, status: "in_progress", result: "Bản của người thứ hai" }],
    });
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.body.error?.code).toBe("VERSION_CONFLICT");
    const now = await call<{ report: { updates: { result: string }[] } }>(
      app,
      s["sgtvt.baocao"] ?? null,
      "GET",
      `/api/reports/${id}`,
    );
    expect(now.body.report.updates[0]?.result).toBe("Bản của người thứ nhất");
  });

  it("Sở Giao thông vận tải submits late: task 3.4 (due Q4/2021) was done in February", async () => {
    at("2022-03-18");
    await draft("sgtvt.baocao", "Sở Giao thông vận tải", {
      "3.4": {
        status: "done_with_product",
        productDocument: "Kế hoạch 45/KH-UBND ngày 10/02/2022",
        productDate: "2022-02-10",
      },
    });
    const sent = await submit("sgtvt.lanhdao", "Sở Giao thông vận tải");
    expect(sent.status).toBe(200);
    expect(sent.body.report).toMatchObject({ state: "submitted", late: true });
  });

  it("the parks board submits, is returned with a comment, revises and resubmits", async () => {
    at("2022-03-14");
    await draft("bqlkcn.baocao", "Ban Quản lý các khu công nghiệp tỉnh", {
      "2.3": { status: "in_progress", progress: 40 },
    });
    expect((await submit("bqlkcn.lanhdao", "Ban Quản lý các khu công nghiệp tỉnh")).status).toBe(200);
    at("2022-03-16");
    const id = erOf("Ban Quản lý các khu công nghiệp tỉnh");
    const noComment = await call<Json>(app, s["sct.dieuphoi"] ?? null, "POST", `/api/reports/${id}/review`, {
      outcome: "returned",
    });
    expect(noComment.status).toBe(400);
    const returned = await call<ReportJson>(
      app,
      s["sct.dieuphoi"] ?? null,
      "POST",
      `/api/reports/${id}/review`,
      { outcome: "returned", comment: "Bổ sung kết quả cụ thể của nhiệm vụ 2.3" },
    );
    expect(returned.body.report.state).toBe("returned");
    const seen = await call<ReportJson>(app, s["bqlkcn.baocao"] ?? null, "GET", `/api/reports/${id}`);
    expect(seen.body.report.versions.at(-1)).toMatchObject({
      outcome: "returned",
      reviewComment: "Bổ sung kết quả cụ thể của nhiệm vụ 2.3",
    });
    at("2022-03-17");
    await draft("bqlkcn.baocao", "Ban Quản lý các khu công nghiệp tỉnh", {
      "2.3": { status: "in_progress", progress: 60, result: "Đã hoàn thiện dự thảo chính sách" },
    });
    const again = await submit("bqlkcn.lanhdao", "Ban Quản lý các khu công nghiệp tỉnh");
    expect(again.status).toBe(200);
    // Timeliness is the first submission's: corrections after a return are not "late".
    expect(again.body.report).toMatchObject({ state: "submitted", late: false });
    expect(again.body.report.versions.map((v) => v.number)).toEqual([1, 2]);
  });

  it("submitted reports are read-only; the coordinator accepts the three", async () => {
    const id = erOf("Sở Công Thương");
    const edit = await call<Json>(app, s["sct.baocao"] ?? null, "PUT", `/api/reports/${id}`, {
      version: 99,
      updates: [],
    });
    expect(edit.status).toBe(409);
    at("2022-03-20");
    for (const a of ["Sở Công Thương", "Sở Giao thông vận tải", "Ban Quản lý các khu công nghiệp tỉnh"]) {
      const r = await call<ReportJson>(
        app,
        s["sct.dieuphoi"] ?? null,
        "POST",
        `/api/reports/${erOf(a)}/review`,
        { outcome: "accepted" },
      );
      expect(r.status, a).toBe(200);
      expect(r.body.report.state).toBe("accepted");
    }
  });

  it("Sở Tài nguyên và Môi trường never submits and is urged", async () => {
    at("2022-03-21");
    const run = await call<Json & { sent: number }>(
      app,
      s["sct.dieuphoi"] ?? null,
      "POST",
      `/api/plans/${planId}/reminders/run`,
    );
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    const notes = await call<{ items?: { title: string }[] } | { title: string }[]>(
      app,
      s["stnmt.baocao"] ?? null,
      "GET",
      "/api/notifications",
    );
    const items = Array.isArray(notes.body) ? notes.body : (notes.body.items ?? []);
    expect(items.length).toBeGreaterThan(0);
    const period = (
      await call<{ id: number; label: string }[]>(
        app,
        s["sct.dieuphoi"] ?? null,
        "GET",
        `/api/plans/${planId}/periods`,
      )
    ).body.find((p) => p.label === "2022-Q1");
    const letter = await call<{ text: string }>(
      app,
      s["sct.dieuphoi"] ?? null,
      "GET",
      `/api/plans/${planId}/urging-letter?period=${period?.id}`,
    );
    expect(letter.status).toBe(200);
    expect(letter.body.text).toContain("Sở Tài nguyên và Môi trường");
    expect(letter.body.text).not.toContain("Sở Giao thông vận tải");
  });

  it("tasks due in Q1/2022 are done on time, done late and overdue, as the reports say", async () => {
    type Status = { items: { code: string; status: string }[]; counts: Record<string, number> };
    const of = async (asOf: string) => {
      const r = await call<Status>(
        app,
        s["lanhdao.tinh"] ?? null,
        "GET",
        `/api/plans/${planId}/task-status?asOf=${asOf}`,
      );
      expect(r.status).toBe(200);
      return new Map(r.body.items.map((i) => [i.code, i.status]));
    };
    const april = await of("2022-04-30");
    expect(april.get("2.2")).toBe("done_on_time");
    expect(april.get("3.4")).toBe("done_late");
    expect(april.get("2.3")).toBe("overdue");
    expect(april.get("3.6")).toBe("overdue");
    expect(april.get("2.1")).toBe("reported");
    // Status as of a date counts only what was accepted by then.
    const late = await of("2022-03-25");
    expect(late.get("2.2")).toBe("done_on_time");
    expect(late.get("2.3")).toBe("in_progress");
    const before = await of("2022-03-12");
    expect(before.get("2.2")).toBe("not_yet_due");
    expect(before.get("2.3")).toBe("not_yet_due");
    expect(before.get("3.4")).toBe("overdue");
    expect((await of("2021-11-30")).get("2.2")).toBe("not_yet_due");
  });

  it("reporting rates: 3 of the agencies sent, 2 on time", async () => {
    const r = await call<{
      agencies: { agency: { name: string }; expected: number; received: number; onTime: number }[];
    }>(app, s["sct.dieuphoi"] ?? null, "GET", `/api/plans/${planId}/rates?asOf=2022-04-30`);
    expect(r.status).toBe(200);
    const get = (n: string) => r.body.agencies.find((a) => a.agency.name === n);
    expect(get("Sở Công Thương")).toMatchObject({ expected: 1, received: 1, onTime: 1 });
    expect(get("Sở Giao thông vận tải")).toMatchObject({ expected: 1, received: 1, onTime: 0 });
    expect(get("Sở Tài nguyên và Môi trường")).toMatchObject({ expected: 1, received: 0, onTime: 0 });
  });

  it("a viewer sees it all and can change nothing; an agency cannot read another's draft", async () => {
    const viewer = s["lanhdao.tinh"] ?? null;
    const accepted = await call<ReportJson>(app, viewer, "GET", `/api/reports/${erOf("Sở Công Thương")}`);
    expect(accepted.status).toBe(200);
    const writes: [string, string, unknown][] = [
      ["POST", `/api/plans/${planId}/periods`, { frequency: "quarterly", label: "2022-Q2" }],
      ["PUT", `/api/reports/${erOf("Sở Tài nguyên và Môi trường")}`, { version: 0, updates: [] }],
      ["POST", `/api/reports/${erOf("Sở Công Thương")}/review`, { outcome: "returned", comment: "x" }],
      [
        "POST",
        `/api/expected-reports/${erOf("Sở Tài nguyên và Môi trường")}/extension`,
        { due: "2022-04-30", reason: "x" },
      ],
      ["POST", `/api/plans/${planId}/reminders/run`, undefined],
    ];
    for (const [method, path, body] of writes)
      expect((await call(app, viewer, method, path, body)).status, `${method} ${path}`).toBe(403);
    // Sở KH&ĐT starts a draft; Sở Công Thương's staff cannot read it, the coordinator cannot either.
    await draft("skhdt.baocao", "Sở Kế hoạch và Đầu tư", {});
    expect(
      (await call(app, s["sct.baocao"] ?? null, "GET", `/api/reports/${erOf("Sở Kế hoạch và Đầu tư")}`))
        .status,
    ).toBe(403);
    expect(
      (await call(app, s["sct.dieuphoi"] ?? null, "GET", `/api/reports/${erOf("Sở Kế hoạch và Đầu tư")}`))
        .status,
    ).toBe(403);
  });

  it("an extension moves one agency's due date, with its reason, in the audit log", async () => {
    const id = erOf("Sở Tài nguyên và Môi trường");
    const r = await call<Json & { extendedDue: string }>(
      app,
      s["sct.dieuphoi"] ?? null,
      "POST",
      `/api/expected-reports/${id}/extension`,
      { due: "2022-03-31", reason: "Sở đề nghị do thay đổi nhân sự" },
    );
    expect(r.status).toBe(200);
    expect(r.body.extendedDue).toBe("2022-03-31");
    const audit = await call<{ action: string; entityId: string; after: { reason?: string } }[]>(
      app,
      s["sct.dieuphoi"] ?? null,
      "GET",
      `/api/audit?plan=${planId}&entity=expected_report&entityId=${id}`,
    );
    expect(audit.status).toBe(200);
    expect(audit.body[0]).toMatchObject({
      action: "report.extend",
      after: { reason: "Sở đề nghị do thay đổi nhân sự" },
    });
    const chain = await call<{ ok: boolean }>(
      app,
      s["sct.dieuphoi"] ?? null,
      "GET",
      `/api/audit/verify?plan=${planId}`,
    );
    expect(chain.body.ok).toBe(true);
  });
});
