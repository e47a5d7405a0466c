import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanJson } from "../../../importer/plan-json.ts";
import { startTestApp, type TestApp } from "../../test-app.ts";
import { call, login, type TestSession } from "../../test-auth.ts";
import { heavyPool } from "../../workers/pool.ts";

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

async function preview(session: TestSession, bytes: Uint8Array = readFileSync(FILE), name = "laocai.txt") {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)]), name);
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

/** A table of n tasks in groups of 20, as the bench's synthetic plan. */
function synthetic(n: number): Uint8Array {
  const rows = ["TT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện\tGhi chú"];
  for (let g = 1; g <= n / 20; g++) {
    rows.push(`${g}\tNhóm nhiệm vụ số ${g}\t\t\t\t`);
    for (let i = 1; i <= 20; i++)
      rows.push(`${g}.${i}\tXây dựng kế hoạch số ${g}.${i}\tSở Công Thương\tCác sở, ngành\tQuý II/2022\t`);
  }
  return new TextEncoder().encode(`KẾ HOẠCH\nThử nghiệm giai đoạn 2021 - 2025\n\n${rows.join("\n")}\n`);
}

describe("a huge plan blocks no one (issue 8, defect 13)", () => {
  it("answers /api/health while a large preview is parsed in a worker", async () => {
    const order: string[] = [];
    const started = new Promise((resolve) => heavyPool().events.once("start", resolve));
    const big = preview(admin, synthetic(3000), "big.txt").then((r) => {
      order.push("preview");
      return r;
    });
    await started;
    const health = await t.app.request("/api/health");
    order.push(`health ${health.status}`);
    const p = await big;
    expect(p.status).toBe(200);
    expect(p.body.plan.tasks).toHaveLength(3000);
    expect(order).toEqual(["health 200", "preview"]);
  });

  it("refuses 100,000 task rows, a 9 MB line of pipes and a 10 MB single line with the limit named", async () => {
    const rows = await preview(admin, synthetic(100_000).subarray(0, 9_500_000), "rows.txt");
    expect(rows.status).toBe(422);
    expect(rows.body.error?.code).toBe("PLAN_TOO_MANY_LINES");
    const pipes = await preview(
      admin,
      new TextEncoder().encode(`KẾ HOẠCH\n${"|".repeat(9_000_000)}`),
      "p.txt",
    );
    expect(pipes.body.error?.code).toBe("PLAN_LINE_TOO_LONG");
    const line = await preview(
      admin,
      new TextEncoder().encode(`KẾ HOẠCH\n${"a ".repeat(5_000_000)}`),
      "l.txt",
    );
    expect(line.status).toBe(422);
    expect((line.body as unknown as { error: { message: string } }).error.message).toContain("at most 20000");
  });
});
