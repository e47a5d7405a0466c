/**
 * Issue 8 §5: a NUL byte or a lone surrogate in any text of a request is a 400 naming the field
 * (Vietnamese and English), never a 500 from the database, and stores nothing: query values,
 * JSON strings and keys (any depth; deeper than 32 levels is refused too), multipart fields and
 * file names. A well-formed surrogate pair (an emoji) is text and passes.
 */
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPeriod } from "../db/reporting/periods.ts";
import { auditLog } from "../db/schema.ts";
import { type ErrorJson, startTestApp, type TestApp } from "./test-app.ts";
import { authHeaders, call, login, type TestSession } from "./test-auth.ts";

let t: TestApp;
let coordinator: TestSession;
let reporter: TestSession;
let reportId = 0;
let taskId = 0;

const audits = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]?.n;
const fieldsOf = (body: unknown) => ((body as ErrorJson).error.fields ?? []).map((f) => f.field);

beforeAll(async () => {
  t = await startTestApp();
  await openPeriod(t.database.db, t.planId, "monthly", "2025-02", { userId: null, username: "test" });
  coordinator = await login(t.app, "sct.dieuphoi");
  reporter = await login(t.app, "sct.baocao");
  const list = await call<{ items: { id: number; agency: { name: string } }[] }>(
    t.app,
    reporter,
    "GET",
    `/api/expected-reports?plan=${t.planId}`,
  );
  reportId = list.body.items.find((i) => i.agency.name === "Sở Công Thương")?.id ?? 0;
  const detail = await call<{ tasks: { id: number }[] }>(t.app, reporter, "GET", `/api/reports/${reportId}`);
  taskId = detail.body.tasks[0]?.id ?? 0;
  expect(reportId).toBeGreaterThan(0);
  expect(taskId).toBeGreaterThan(0);
});
afterAll(async () => {
  await t?.close();
});

/** Expects a 400 VALIDATION naming `field`, both languages, and no audit row written. */
async function refused(run: () => Promise<{ status: number; body: unknown }>, field: string) {
  const before = await audits();
  const got = await run();
  expect(got.status, JSON.stringify(got.body)).toBe(400);
  const e = (got.body as ErrorJson).error;
  expect(e.code).toBe("VALIDATION");
  expect(fieldsOf(got.body)).toContain(field);
  const problem = e.fields?.find((f) => f.field === field);
  expect(problem?.reason).toMatch(/NUL|surrogate|deeper/);
  expect(problem?.reasonVi).toMatch(/NUL|thay thế|lồng sâu/);
  expect(await audits()).toBe(before);
}

describe("query and path", () => {
  it("GET /api/tasks?q=%00 (anonymous) is a 400 naming q", async () => {
    await refused(() => t.get(`/api/tasks?plan=${t.planId}&q=%00`), "q");
    await refused(() => t.get("/api/tasks?q=a%00b"), "q");
  });
  it("a NUL in a query name or a path segment is refused too", async () => {
    await refused(() => t.get("/api/tasks?a%00=1"), '"a\\u0000"');
    await refused(() => t.get("/api/zones?province=T%00Q"), "province");
    await refused(() => t.get("/api/geo/a%00b"), "path");
  });
  it("ordinary Vietnamese text still searches", async () => {
    const got = await t.get<{ total: number }>(
      `/api/tasks?plan=${t.planId}&q=${encodeURIComponent("đầu tư")}`,
    );
    expect(got.status).toBe(200);
  });
});

describe("JSON bodies", () => {
  const project = (name: string, extra: Record<string, unknown> = {}) =>
    call(t.app, coordinator, "POST", "/api/projects", { province: "Tuyên Quang", name, ...extra });

  it('"a\\u0000b" and "\\ud800" in a project name are a 400 naming name', async () => {
    await refused(() => project("a\u0000b"), "name");
    await refused(() => project("\ud800"), "name");
    await refused(() => project("ok", { investor: "x\udc00y" }), "investor");
  });
  it("a bad string deep in a report's task update names its path", async () => {
    await refused(
      () =>
        call(t.app, reporter, "PUT", `/api/reports/${reportId}`, {
          version: 0,
          updates: [{ taskId, status: "in_progress", result: "kết quả\u0000" }],
        }),
      "updates.0.result",
    );
    await refused(
      () =>
        call(t.app, reporter, "PUT", `/api/reports/${reportId}`, {
          version: 0,
          summary: "\ud83d",
          updates: [],
        }),
      "summary",
    );
  });
  it("an object key with a NUL is refused, even one the schema would drop", async () => {
    await refused(() => project("ok", { "x\u0000": 1 }), '"x\\u0000"');
  });
  it("JSON nested deeper than 32 levels is refused", async () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 40; i++) deep = [deep];
    await refused(() => project("ok", { geometry: deep }), `geometry${".0".repeat(31)}`);
    // 100,000 levels, written as text (JSON.stringify itself would overflow the stack).
    const body = `{"province":"Tuyên Quang","name":"ok","source":${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}}`;
    const res = await t.app.request("/api/projects", {
      method: "POST",
      headers: { ...authHeaders(coordinator), "content-type": "application/json" },
      body,
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(await res.json())).toEqual([`source${".a".repeat(31)}`]);
  });
  it("an emoji (a surrogate pair) and diacritics are text: the project is stored", async () => {
    const got = await project("Dự án 🏭 Sơn Dương");
    expect(got.status, JSON.stringify(got.body)).toBe(200);
  });
});

describe("multipart", () => {
  const upload = (fields: Record<string, string>, filename: string) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set("file", new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], filename));
    return Promise.resolve(
      t.app.request(`/api/reports/${reportId}/attachments`, {
        method: "POST",
        headers: authHeaders(reporter),
        body: form,
      }),
    ).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));
  };
  // (A lone surrogate cannot arrive in a multipart part: its bytes are decoded as UTF-8.)
  it("a file name with a NUL is a 400 naming file.filename", async () => {
    await refused(() => upload({}, "bao\u0000cao.pdf"), "file.filename");
  });
  it("a text field with a NUL is a 400 naming it, even one the route does not read", async () => {
    await refused(() => upload({ taskId: String(taskId), note: "ghi\u0000chú" }, "baocao.pdf"), "note");
  });
  it("a clean upload is stored", async () => {
    const got = await upload({ taskId: String(taskId) }, "báo cáo 🗂.pdf");
    expect(got.status, JSON.stringify(got.body)).toBe(200);
  });
});
