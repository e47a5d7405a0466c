/**
 * The dashboard's routes: who reads what (anyone the plan; the agencies' rates only overseers),
 * the table files read back, the public page's switch (404 off, 200 on, nothing private), and
 * the health check telling the database kind to administrators only.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test-app.ts";
import { call, login, send, type TestSession } from "../../test-auth.ts";

let t: TestApp;
let admin: TestSession;
let viewer: TestSession;
let reporter: TestSession;

beforeAll(async () => {
  t = await startTestApp();
  admin = await login(t.app, "admin");
  viewer = await login(t.app, "lanhdao.tinh");
  reporter = await login(t.app, "sct.baocao");
}, 300_000);
afterAll(() => t?.close());

interface Dash {
  asOf: string;
  targets: unknown[];
  tasks: { total: number; counts: Record<string, number>; overdue: { code: string }[] };
  agencies: unknown;
}

describe("GET /api/plans/{id}/dashboard", () => {
  it("answers anyone who may read the plan; the agencies' rates only coordinators and viewers", async () => {
    const anon = await call<Dash>(t.app, null, "GET", `/api/plans/${t.planId}/dashboard?asOf=2023-12-31`);
    expect(anon.status).toBe(200);
    expect(anon.body.asOf).toBe("2023-12-31");
    expect(anon.body.targets.length).toBe(6);
    expect(anon.body.agencies).toBeNull();
    const rep = await call<Dash>(t.app, reporter, "GET", `/api/plans/${t.planId}/dashboard`);
    expect(rep.body.agencies).toBeNull();
    const view = await call<Dash>(t.app, viewer, "GET", `/api/plans/${t.planId}/dashboard`);
    expect(view.status).toBe(200);
    expect(view.body.agencies).not.toBeNull();
    // The same counts as the status board's route.
    const board = await call<{ counts: Record<string, number> }>(
      t.app,
      viewer,
      "GET",
      `/api/plans/${t.planId}/task-status?asOf=${view.body.asOf}`,
    );
    expect(view.body.tasks.counts).toEqual(board.body.counts);
  });

  it("refuses a bad date and an unknown plan, naming the field", async () => {
    const bad = await call<{ error: { fields: { field: string }[] } }>(
      t.app,
      null,
      "GET",
      `/api/plans/${t.planId}/dashboard?asOf=2023-02-30`,
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("asOf");
    expect((await call(t.app, null, "GET", "/api/plans/999999/dashboard")).status).toBe(404);
    // The last day there is: no 30 days after it, still an answer.
    expect((await call(t.app, null, "GET", `/api/plans/${t.planId}/dashboard?asOf=9999-12-31`)).status).toBe(
      200,
    );
  });
});

describe("GET /api/plans/{id}/dashboard.xlsx|csv", () => {
  it("gives the overdue tasks as an XLSX that reads back with the page's rows", async () => {
    const dash = await call<Dash>(t.app, null, "GET", `/api/plans/${t.planId}/dashboard?asOf=2024-06-30`);
    const res = await send(
      t.app,
      null,
      "GET",
      `/api/plans/${t.planId}/dashboard.xlsx?table=overdue&asOf=2024-06-30`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toContain("overdue-2024-06-30.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0];
    if (!ws) throw new Error("no sheet");
    expect(ws.getCell("A1").value).toBe("Nhiệm vụ quá hạn");
    expect(String(ws.getCell("A2").value)).toContain("Số liệu đến ngày 30/06/2024");
    expect(ws.getRow(4).values).toEqual([undefined, "Mã", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Hạn"]);
    const codes: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 4) codes.push(String(row.getCell(1).value));
    });
    expect(codes).toEqual(dash.body.tasks.overdue.map((o) => o.code));
    expect(codes.length).toBeGreaterThan(0);
  });

  it("gives the tasks by status as CSV (UTF-8 with BOM), in English when asked", async () => {
    const res = await send(t.app, null, "GET", `/api/plans/${t.planId}/dashboard.csv?table=tasks&lang=en`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0]).toBe("Status,Tasks");
    const dash = await call<Dash>(t.app, null, "GET", `/api/plans/${t.planId}/dashboard`);
    const total = lines.slice(1).reduce((n, l) => n + Number(l.split(",").pop()), 0);
    expect(total).toBe(dash.body.tasks.total);
  });

  it("refuses the agencies' table to a reader who may not see the rates, gives it to the viewer", async () => {
    const path = `/api/plans/${t.planId}/dashboard.csv?table=agencies`;
    expect((await send(t.app, null, "GET", path)).status).toBe(403);
    const ok = await send(t.app, viewer, "GET", path);
    expect(ok.status).toBe(200);
    expect((await ok.text()).split("\r\n")[0]).toContain("Tỷ lệ đúng hạn");
    expect((await send(t.app, null, "GET", `/api/plans/${t.planId}/dashboard.csv?table=people`)).status).toBe(
      400,
    );
  });
});

describe("the public page", () => {
  const path = () => `/api/public/plans/${t.planId}`;
  it("is off by default (404), switched only by the administrator, and then shows nothing private", async () => {
    expect((await call(t.app, null, "GET", path())).status).toBe(404);
    expect((await call<{ items: unknown[] }>(t.app, null, "GET", "/api/public/plans")).body.items).toEqual(
      [],
    );
    // Nobody but the administrator switches it.
    expect((await call(t.app, null, "PUT", `/api/plans/${t.planId}/public`, { public: true })).status).toBe(
      401,
    );
    expect((await call(t.app, viewer, "PUT", `/api/plans/${t.planId}/public`, { public: true })).status).toBe(
      403,
    );
    const on = await call<{ public: boolean }>(t.app, admin, "PUT", `/api/plans/${t.planId}/public`, {
      public: true,
    });
    expect(on.status).toBe(200);
    expect(on.body.public).toBe(true);
    const page = await call<{ targets: unknown[]; zones: unknown[] }>(t.app, null, "GET", path());
    expect(page.status).toBe(200);
    expect(page.body.targets.length).toBe(6);
    expect(page.body.zones.length).toBeGreaterThan(0);
    expect(JSON.stringify(page.body)).not.toMatch(/warnings|pglite|postgres|username|displayName|draft/i);
    const list = await call<{ items: { id: number }[] }>(t.app, null, "GET", "/api/public/plans");
    expect(list.body.items.map((p) => p.id)).toEqual([t.planId]);
    // The plan's detail says it is on (the administrator's switch shows it).
    expect((await call<{ public: boolean }>(t.app, admin, "GET", `/api/plans/${t.planId}`)).body.public).toBe(
      true,
    );
    await call(t.app, admin, "PUT", `/api/plans/${t.planId}/public`, { public: false });
    expect((await call(t.app, null, "GET", path())).status).toBe(404);
    expect((await call(t.app, null, "GET", "/api/public/plans/999999")).status).toBe(404);
  });
});

describe("GET /api/health", () => {
  it("says ok to anyone, and the database kind to administrators only", async () => {
    const anon = await call<Record<string, unknown>>(t.app, null, "GET", "/api/health");
    expect(anon.body).toEqual({ status: "ok" });
    const view = await call<Record<string, unknown>>(t.app, viewer, "GET", "/api/health");
    expect(view.body).toEqual({ status: "ok" });
    const adm = await call<Record<string, unknown>>(t.app, admin, "GET", "/api/health");
    expect(adm.body).toEqual({ status: "ok", database: t.database.kind });
  });
});
