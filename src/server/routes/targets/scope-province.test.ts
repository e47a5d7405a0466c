/**
 * Issue 8, defect 10: a figure belongs to the province its scope describes. A coordinator of a
 * Lào Cai plan once stored an official figure for Tuyên Quang through an indicator no measure
 * uses; now it is refused (single entry 403, upload row refused, nothing stored) and allowed for
 * its own province. Real database, both engines.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPlanFile } from "../../../db/import-plan.ts";
import { indicators, indicatorValues } from "../../../db/schema.ts";
import { createUser } from "../../../db/users.ts";
import { currentProvince, scopeProvince } from "../../../domain/provinces.ts";
import { hashPassword } from "../../auth/password.ts";
import { startTestApp, type TestApp } from "../../test-app.ts";
import { authHeaders, call, DEMO_PASSWORD, login, type TestSession } from "../../test-auth.ts";

const LAOCAI = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../test/fixtures/plans/laocai-kh-chithi11-khoangsan-2026.txt",
);
const TQ = "Tuyên Quang (pre-merger)";
const HG = "Hà Giang (pre-merger)";
const LC = "Lào Cai (merged)";
const YB = "Yên Bái (pre-merger)";

let t: TestApp;
let laoCaiPlan: number;
let laoCai: TestSession;
let tuyenQuang: TestSession;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  laoCaiPlan = (await importPlanFile(db, LAOCAI, "test")).result.planId;
  await createUser(
    db,
    {
      username: "laocai.dieuphoi",
      displayName: "Điều phối Lào Cai",
      passwordHash: await hashPassword(DEMO_PASSWORD),
      roles: [{ role: "coordinator", planId: laoCaiPlan }],
    },
    "test",
  );
  laoCai = await login(t.app, "laocai.dieuphoi");
  tuyenQuang = await login(t.app, "sct.dieuphoi");
});
afterAll(async () => {
  await t?.close();
});

const figure = (scope: string, value: number) => ({
  period: "2024",
  scope,
  kind: "official",
  value,
  source: "Niên giám thống kê 2024",
});
const stored = async (scope: string) => {
  const db = t.database.db;
  const [ind] = await db.select().from(indicators).where(eq(indicators.code, "total_workers"));
  const rows = await db
    .select()
    .from(indicatorValues)
    .where(eq(indicatorValues.indicatorId, ind?.id ?? -1));
  return rows.filter((r) => r.scope === scope && r.period === "2024").map((r) => r.value);
};
const post = (s: TestSession, scope: string, value: number) =>
  call<{ error?: { code: string; fields?: { field: string }[] } }>(
    t.app,
    s,
    "POST",
    "/api/indicators/total_workers/values",
    figure(scope, value),
  );

async function upload(s: TestSession, planId: number, rows: string[]) {
  const form = new FormData();
  const text = ["indicator,period,scope,kind,value,unit,source,comment", ...rows].join("\n");
  form.set("file", new Blob([new TextEncoder().encode(text)]), "values.csv");
  const res = await t.app.request(`/api/plans/${planId}/indicator-values/upload`, {
    method: "POST",
    body: form,
    headers: authHeaders(s),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      stored?: number;
      error?: { details?: { rows: { line: number; column: string }[] } };
    },
  };
}

describe("an indicator no measure uses, written from another province", () => {
  it("a Lào Cai coordinator is refused (403) a Tuyên Quang or former Hà Giang figure; nothing stored", async () => {
    for (const scope of [TQ, HG, "Tuyên Quang (merged)"]) {
      const r = await post(laoCai, scope, 111);
      expect(r.status, JSON.stringify(r.body)).toBe(403);
      expect(r.body.error?.code).toBe("FORBIDDEN");
      expect(r.body.error?.fields?.[0]?.field).toBe("scope");
      expect(await stored(scope)).toEqual([]);
    }
  });

  it("the Lào Cai coordinator writes its own province's figures, former Yên Bái included", async () => {
    expect((await post(laoCai, LC, 222)).status).toBe(200);
    expect((await post(laoCai, YB, 223)).status).toBe(200);
    expect(await stored(LC)).toEqual([222]);
    expect(await stored(YB)).toEqual([223]);
  });

  it("the Tuyên Quang coordinator writes Tuyên Quang's and is refused Lào Cai's", async () => {
    expect((await post(tuyenQuang, TQ, 333)).status).toBe(200);
    expect((await post(tuyenQuang, HG, 334)).status).toBe(200);
    expect((await post(tuyenQuang, "Lào Cai (pre-merger)", 335)).status).toBe(403);
    expect(await stored("Lào Cai (pre-merger)")).toEqual([]);
  });

  it("an upload through the Lào Cai plan refuses every Tuyên Quang row, stores nothing; its own rows pass", async () => {
    const bad = await upload(laoCai, laoCaiPlan, [
      `total_workers,2023,${LC},official,400000,lao động,Niên giám 2023,`,
      `total_workers,2023,${TQ},official,480000,lao động,Niên giám 2023,`,
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details?.rows).toEqual([expect.objectContaining({ line: 3, column: "scope" })]);
    const ok = await upload(laoCai, laoCaiPlan, [
      `total_workers,2023,${LC},official,400000,lao động,Niên giám 2023,`,
    ]);
    expect(ok.status).toBe(200);
    expect(ok.body.stored).toBe(1);
    // Nor through the Tuyên Quang plan, which the Lào Cai coordinator does not coordinate.
    expect(
      (await upload(laoCai, t.planId, [`total_workers,2023,${TQ},official,480000,lao động,x,`])).status,
    ).toBe(403);
  });
});

describe("scopeProvince", () => {
  it("reads the province of a scope as it is today", () => {
    expect(scopeProvince(TQ)).toBe("Tuyên Quang");
    expect(scopeProvince(HG)).toBe("Tuyên Quang");
    expect(scopeProvince("tỉnh Yên Bái")).toBe("Lào Cai");
    expect(scopeProvince("Thừa Thiên Huế")).toBe("Huế");
    expect(scopeProvince("Cả nước")).toBe("");
    expect(scopeProvince("Lào Cai và Tuyên Quang")).toBeNull();
    expect(currentProvince("Hà Giang")).toBe("Tuyên Quang");
    expect(currentProvince("")).toBe("");
  });
});
