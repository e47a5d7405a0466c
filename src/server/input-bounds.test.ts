/**
 * Issue 8 §6 and §11 "body ids are coerced": every id and quantity the API takes is bounded in
 * the shared schemas (src/server/schemas.ts). An id above 2,147,483,647 (the `integer` column)
 * is a 400 naming the field, not a 500; areas, capital, jobs and indicator values have sane
 * maxima (1e308 ha is no longer stored); a JSON id is a number (`true` is not 1); a query or
 * path id is digits only ("1e0", " 1", "0x1" are a 400); an attachment's task is a task of the
 * report (not another plan's). Each refusal stores nothing (no audit row).
 */
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPlanFile } from "../db/import-plan.ts";
import { openPeriod } from "../db/reporting/periods.ts";
import { auditLog, tasks } from "../db/schema.ts";
import { type ErrorJson, startTestApp, type TestApp } from "./test-app.ts";
import { authHeaders, call, login, type TestSession } from "./test-auth.ts";

const BIG = 2_147_483_648;
let t: TestApp;
let admin: TestSession;
let coordinator: TestSession;
let reporter: TestSession;
let reportId = 0;
let ownTask = 0;
let otherPlanTask = 0;

const audits = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]?.n;
const fieldsOf = (body: unknown) => ((body as ErrorJson).error?.fields ?? []).map((f) => f.field);

beforeAll(async () => {
  t = await startTestApp();
  await openPeriod(t.database.db, t.planId, "monthly", "2025-02", { userId: null, username: "test" });
  const other = await importPlanFile(
    t.database.db,
    "test/fixtures/plans/btnmt-kh09-2024-tinchi-cacbon.txt",
    "test",
  );
  const all = await t.database.db.select({ id: tasks.id, planId: tasks.planId }).from(tasks);
  otherPlanTask = all.find((x) => x.planId === other.result.planId)?.id ?? 0;
  admin = await login(t.app, "admin");
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
  ownTask = detail.body.tasks[0]?.id ?? 0;
  expect([reportId, ownTask, otherPlanTask].every((n) => n > 0)).toBe(true);
});
afterAll(async () => {
  await t?.close();
});

/** Expects a 400 VALIDATION naming `field` (both languages) and no audit row written. */
async function refused(run: () => Promise<{ status: number; body: unknown }>, field: string) {
  const before = await audits();
  const got = await run();
  expect(got.status, JSON.stringify(got.body)).toBe(400);
  const e = (got.body as ErrorJson).error;
  expect(e.code).toBe("VALIDATION");
  expect(e.messageVi).toBeTruthy();
  expect(fieldsOf(got.body)).toContain(field);
  expect(e.fields?.find((f) => f.field === field)?.reasonVi).toBeTruthy();
  expect(await audits()).toBe(before);
}

const project = (extra: Record<string, unknown>) =>
  call(t.app, coordinator, "POST", "/api/projects", { province: "Tuyên Quang", name: "Dự án thử", ...extra });

describe("integers above 2,147,483,647 are a 400, not a 500", () => {
  it("a project's jobs", async () => {
    await refused(() => project({ jobs: BIG }), "jobs");
    await refused(() => project({ jobs: 1_000_001 }), "jobs");
  });
  it("the regime's agency ids", async () => {
    const regime = (extra: Record<string, unknown>) =>
      call(t.app, coordinator, "PUT", `/api/plans/${t.planId}/regime`, {
        frequencies: ["quarterly"],
        deadlineDays: { quarterly: 2 },
        ...extra,
      });
    await refused(() => regime({ reporterAgencyIds: [BIG] }), "reporterAgencyIds.0");
    await refused(() => regime({ receiverAgencyId: BIG }), "receiverAgencyId");
  });
  it("a zone event's year and a report's version", async () => {
    const zones = await call<{ items: { id: number }[] }>(t.app, null, "GET", "/api/zones");
    const zoneId = zones.body.items[0]?.id;
    await refused(
      () =>
        call(t.app, coordinator, "POST", `/api/zones/${zoneId}/events`, {
          kind: "established",
          year: 10_000_000_000,
        }),
      "year",
    );
    await refused(
      () => call(t.app, reporter, "PUT", `/api/reports/${reportId}`, { version: BIG, updates: [] }),
      "version",
    );
  });
});

describe("quantities have sane maxima", () => {
  it("1e308 ha or tỷ đồng is refused for a project, a zone and a lease", async () => {
    await refused(() => project({ landHa: 1e308 }), "landHa");
    await refused(() => project({ registeredCapitalBillionVnd: 1e308 }), "registeredCapitalBillionVnd");
    await refused(
      () => project({ expectedProductionValueBillionVnd: 1e8 }),
      "expectedProductionValueBillionVnd",
    );
    await refused(
      () =>
        call(t.app, coordinator, "POST", "/api/zones", {
          name: "KCN thử",
          kind: "industrial_park",
          province: "Tuyên Quang",
          totalAreaHa: 1e308,
        }),
      "totalAreaHa",
    );
  });
  it("an indicator value beyond ±1e15 is refused", async () => {
    await refused(
      () =>
        call(t.app, coordinator, "POST", "/api/indicators/industrial_production_value_2010_prices/values", {
          period: "2025",
          scope: "Tuyên Quang (pre-merger)",
          kind: "official",
          value: 1e308,
          source: "Niên giám",
        }),
      "value",
    );
  });
  it("real figures still pass: 27,810 tỷ đồng, 1,200 ha, 3,000 jobs", async () => {
    const got = await project({ registeredCapitalBillionVnd: 27_810, landHa: 1_200, jobs: 3_000 });
    expect(got.status, JSON.stringify(got.body)).toBe(200);
  });
});

describe("ids are not coerced", () => {
  it("a JSON body id must be a number: true, '1' and 1.5 are refused", async () => {
    await refused(() => project({ zoneId: true }), "zoneId");
    await refused(() => project({ zoneId: "1" }), "zoneId");
    await refused(
      () =>
        call(t.app, admin, "POST", "/api/users", {
          username: "thu.nghiem",
          displayName: "Thử nghiệm",
          password: "mat-khau-du-dai-123",
          agencyId: true,
        }),
      "agencyId",
    );
    await refused(
      () =>
        call(t.app, admin, "POST", "/api/users", {
          username: "thu.nghiem",
          displayName: "Thử nghiệm",
          password: "mat-khau-du-dai-123",
          roles: [{ role: "reporter", planId: 1.5, agencyId: 1 }],
        }),
      "roles.0.planId",
    );
  });
  it("a query or path id is digits only", async () => {
    for (const bad of ["1e0", "%201", "0x1", "true", "1.0", "-1", "99999999999"]) {
      await refused(() => t.get(`/api/plans/${bad}`), "id");
      await refused(() => t.get(`/api/tasks?plan=${bad}`), "plan");
    }
    expect((await t.get(`/api/plans/${t.planId}`)).status).toBe(200);
    expect((await t.get(`/api/tasks?plan=${t.planId}&page=1&pageSize=10`)).status).toBe(200);
  });
});

describe("an attachment's taskId", () => {
  const upload = (taskId: string) => {
    const form = new FormData();
    form.set("taskId", taskId);
    form.set("file", new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], "bao-cao.pdf"));
    return Promise.resolve(
      t.app.request(`/api/reports/${reportId}/attachments`, {
        method: "POST",
        headers: authHeaders(reporter),
        body: form,
      }),
    ).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));
  };
  it("abc, 1e3 and 2147483648 are a 400 naming taskId", async () => {
    await refused(() => upload("abc"), "taskId");
    await refused(() => upload("1e3"), "taskId");
    await refused(() => upload(String(BIG)), "taskId");
  });
  it("a task of another plan is refused; a task of the report is stored", async () => {
    await refused(() => upload(String(otherPlanTask)), "taskId");
    const got = await upload(String(ownTask));
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect(got.body).toMatchObject({ taskId: ownTask });
  });
});
