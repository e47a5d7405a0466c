import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanJson } from "../../../importer/plan-json.ts";
import { startTestApp, type TestApp } from "../../test-app.ts";
import { call, login, type TestSession } from "../../test-auth.ts";

const FILE = new URL(
  "../../../../test/fixtures/plans/laocai-kh-chithi11-khoangsan-2026.txt",
  import.meta.url,
);
let t: TestApp;
let admin: TestSession;

beforeAll(async () => {
  t = await startTestApp();
  admin = await login(t.app, "admin");
});
afterAll(async () => {
  await t?.close();
});

async function preview(session: TestSession) {
  const form = new FormData();
  form.set("file", new Blob([readFileSync(FILE)]), "laocai.txt");
  const res = await t.app.request("/api/imports/preview", {
    method: "POST",
    body: form,
    headers: { cookie: session.cookie, "x-csrf-token": session.csrf },
  });
  return {
    status: res.status,
    body: (await res.json()) as { sourceName: string; plan: PlanJson; error?: { code: string } },
  };
}

const planCount = async () => (await t.get<{ total: number }>("/api/plans")).body.total;

describe("import through the web: preview, correct, confirm", () => {
  it("previews without storing anything", async () => {
    const before = await planCount();
    const p = await preview(admin);
    expect(p.status).toBe(200);
    expect(p.body.plan.tasks).toHaveLength(14);
    expect(p.body.plan.warnings.length).toBeGreaterThan(0);
    expect(await planCount()).toBe(before);
  });

  it("stores the corrected plan on confirmation, re-reading corrected deadlines; the same document again is refused", async () => {
    const p = await preview(admin);
    const plan = p.body.plan;
    const t3 = plan.tasks.find((x) => x.code === "3");
    if (!t3) throw new Error("no task 3");
    t3.deadlineText = "Quý III/2026";
    const documentBase64 = readFileSync(FILE).toString("base64");
    const ok = await call<{ planId: number; tasks: number }>(t.app, admin, "POST", "/api/imports/confirm", {
      sourceName: "laocai.txt",
      documentBase64,
      plan,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.tasks).toBe(14);
    const tasks = await t.get<{ items: { code: string; firstDue: string | null; deadlineText: string }[] }>(
      `/api/tasks?plan=${ok.body.planId}&pageSize=50`,
    );
    expect(tasks.body.items.find((x) => x.code === "3")).toMatchObject({
      deadlineText: "Quý III/2026",
      firstDue: "2026-09-30",
    });
    const again = await call<{ error: { code: string } }>(t.app, admin, "POST", "/api/imports/confirm", {
      sourceName: "laocai.txt",
      documentBase64,
      plan,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("PLAN_ALREADY_IMPORTED");
  });

  it("is for administrators only", async () => {
    const coordinator = await login(t.app, "sct.dieuphoi");
    expect((await preview(coordinator)).status).toBe(403);
  });
});
