/**
 * A report starts with every task NOT reported, and sending checks it (issue 9 §3): a lead task
 * left unreported is refused with the list; coordinated ones need `confirmUnreported: true`.
 * The next period's form gets the previous accepted answers (GET /api/reports/{id}/previous).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededTestDb, type TestDatabase } from "../../../db/test-db.ts";
import { createApp } from "../../app.ts";
import { call, login, type TestSession } from "../../test-auth.ts";

type Err = { error?: { code: string; details?: { tasks: { id: number; code: string; role: string }[] } } };
interface ReportJson {
  report: { state: string; version: number; updates: { taskId: number; status: string }[] };
  tasks: { id: number; code: string; role: "lead" | "coordinator" }[];
}

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let planId: number;
let clock = new Date("2022-03-01T03:00:00Z");
const s: Record<string, TestSession> = {};
const SCT = "Sở Công Thương";

async function expectedOf(periodLabel: string) {
  const list = await call<{ items: { id: number; agency: { name: string }; period: { label: string } }[] }>(
    app,
    s["sct.dieuphoi"] ?? null,
    "GET",
    `/api/expected-reports?plan=${planId}`,
  );
  const e = list.body.items.find((i) => i.agency.name === SCT && i.period.label === periodLabel);
  if (!e) throw new Error(`no ${periodLabel} report for ${SCT}`);
  return e.id;
}
const get = (id: number) => call<ReportJson>(app, s["sct.baocao"] ?? null, "GET", `/api/reports/${id}`);
const put = (id: number, version: number, updates: Record<string, unknown>[]) =>
  call<ReportJson & Err>(app, s["sct.baocao"] ?? null, "PUT", `/api/reports/${id}`, { version, updates });
const submit = (id: number, version: number, confirmUnreported?: boolean) =>
  call<ReportJson & Err>(app, s["sct.lanhdao"] ?? null, "POST", `/api/reports/${id}/submit`, {
    version,
    ...(confirmUnreported === undefined ? {} : { confirmUnreported }),
  });

beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  ({ database, planId } = await seededTestDb());
  app = createApp({ database, now: () => clock });
  for (const u of ["sct.dieuphoi", "sct.baocao", "sct.lanhdao"]) s[u] = await login(app, u);
});
afterAll(async () => {
  await database?.close();
});

describe("not reported until answered; sending checks it", () => {
  let id = 0;
  let tasks: ReportJson["tasks"] = [];
  it("a new report has no answer for any task", async () => {
    const opened = await call(app, s["sct.dieuphoi"] ?? null, "POST", `/api/plans/${planId}/periods`, {
      frequency: "quarterly",
      label: "2022-Q1",
    });
    expect(opened.status).toBe(200);
    id = await expectedOf("2022-Q1");
    const r = await get(id);
    tasks = r.body.tasks;
    expect(tasks.some((t) => t.role === "lead")).toBe(true);
    expect(tasks.some((t) => t.role === "coordinator")).toBe(true);
    expect(r.body.report.updates).toEqual([]);
  });

  it("sending with lead tasks unreported is refused with their list, even confirmed", async () => {
    const [first, ...rest] = tasks.filter((t) => t.role === "lead");
    const saved = await put(id, 0, [{ taskId: first?.id, status: "in_progress", progress: 40 }]);
    expect(saved.status).toBe(200);
    const refused = await submit(id, saved.body.report.version, true);
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe("REPORT_LEAD_TASKS_UNREPORTED");
    const listed = refused.body.error?.details?.tasks ?? [];
    expect(listed.filter((t) => t.role === "lead").map((t) => t.code)).toEqual(rest.map((t) => t.code));
    expect(listed.filter((t) => t.role === "coordinator")).toHaveLength(
      tasks.filter((t) => t.role === "coordinator").length,
    );
    expect((await get(id)).body.report.state).toBe("draft");
  });

  it("a saved answer can be taken back to not reported (status null)", async () => {
    const r = await get(id);
    const [first] = tasks.filter((t) => t.role === "lead");
    const back = await put(id, r.body.report.version, [{ taskId: first?.id, status: null }]);
    expect(back.status).toBe(200);
    expect(back.body.report.updates).toEqual([]);
  });

  it("coordinated tasks unreported: asked to confirm (409 with the list), then sent", async () => {
    const r = await get(id);
    const leads = tasks.filter((t) => t.role === "lead");
    const saved = await put(
      id,
      r.body.report.version,
      leads.map((t) => ({ taskId: t.id, status: "not_started" })),
    );
    const asked = await submit(id, saved.body.report.version);
    expect(asked.status).toBe(409);
    expect(asked.body.error?.code).toBe("REPORT_UNREPORTED_CONFIRM");
    expect(asked.body.error?.details?.tasks.map((t) => t.code)).toEqual(
      tasks.filter((t) => t.role === "coordinator").map((t) => t.code),
    );
    const sent = await submit(id, saved.body.report.version, true);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.report.state).toBe("submitted");
  });

  it("the next period's form gets the accepted answers of the previous one", async () => {
    clock = new Date("2022-03-20T03:00:00Z");
    const none = await call<{ period: unknown }>(
      app,
      s["sct.baocao"] ?? null,
      "GET",
      `/api/reports/${id}/previous`,
    );
    expect(none.body.period).toBeNull();
    const accepted = await call(app, s["sct.dieuphoi"] ?? null, "POST", `/api/reports/${id}/review`, {
      outcome: "accepted",
    });
    expect(accepted.status).toBe(200);
    clock = new Date("2022-06-01T03:00:00Z");
    await call(app, s["sct.dieuphoi"] ?? null, "POST", `/api/plans/${planId}/periods`, {
      frequency: "quarterly",
      label: "2022-Q2",
    });
    const next = await expectedOf("2022-Q2");
    const prev = await call<{ period: { label: string }; updates: { taskId: number; status: string }[] }>(
      app,
      s["sct.baocao"] ?? null,
      "GET",
      `/api/reports/${next}/previous`,
    );
    expect(prev.status).toBe(200);
    expect(prev.body.period.label).toBe("2022-Q1");
    expect(prev.body.updates.map((u) => u.status)).toEqual(
      tasks.filter((t) => t.role === "lead").map(() => "not_started"),
    );
  });
});
