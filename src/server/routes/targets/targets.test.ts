/**
 * The targets API on the seeded demo (real database, both engines): the evaluation, entering a
 * figure (revisions), uploads (CSV with a bad row stores nothing and names it; XLSX built with
 * exceljs), the template, a measure's trajectory, and who may write.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MeasureOut, PlanTargetsEvaluation } from "../../../db/indicators/evaluate.ts";
import { xlsxOf } from "../../../db/indicators/test-zip.ts";
import { startTestApp, type TestApp } from "../../test-app.ts";
import { authHeaders, call, login, type TestSession } from "../../test-auth.ts";
import { heavyPool } from "../../workers/pool.ts";

const PRE = "Tuyên Quang (pre-merger)";
let t: TestApp;
let coordinator: TestSession;
let viewer: TestSession;
let sctReporter: TestSession;

beforeAll(async () => {
  t = await startTestApp();
  coordinator = await login(t.app, "sct.dieuphoi");
  viewer = await login(t.app, "lanhdao.tinh");
  sctReporter = await login(t.app, "sct.baocao");
});
afterAll(async () => {
  await t?.close();
});

const evaluation = async () => {
  const r = await t.get<PlanTargetsEvaluation>(`/api/plans/${t.planId}/targets/evaluation`);
  expect(r.status).toBe(200);
  return r.body;
};
const measureOf = (e: PlanTargetsEvaluation, code: string): MeasureOut => {
  const m = e.targets.flatMap((x) => x.measures).find((x) => x.code === code);
  if (!m) throw new Error(`no measure ${code}`);
  return m;
};

async function upload(session: TestSession | null, name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.set("file", new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  const res = await t.app.request(`/api/plans/${t.planId}/indicator-values/upload`, {
    method: "POST",
    body: form,
    headers: session ? authHeaders(session) : {},
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & {
      error?: { code: string; message: string; details?: { rows: { line: number; column: string }[] } };
    },
  };
}

describe("GET /api/plans/{id}/targets/evaluation", () => {
  it("evaluates all six targets for anyone, with values, sources, trajectory and projection", async () => {
    const e = await evaluation();
    expect(e.targets.map((x) => x.code)).toEqual(["1", "2", "3", "4", "5", "6"]);
    const m = measureOf(e, "1.1");
    expect(m.values.every((v) => v.source.length > 0)).toBe(true);
    expect(m.trajectory).toMatchObject({ source: "derived", trajectory: { kind: "to_goal" } });
    expect(m.projection).toMatchObject({ method: "cagr" });
    expect(e.scopeNote.en).toContain("merged");
  });

  it("judges what was known on asOf, and refuses a date that is not one", async () => {
    const past = await t.get<PlanTargetsEvaluation>(
      `/api/plans/${t.planId}/targets/evaluation?asOf=2020-01-01`,
    );
    expect(past.status).toBe(200);
    expect(measureOf(past.body, "1.1").values).toHaveLength(0);
    expect(measureOf(past.body, "1.1").laterValues).toBe(9);
    // The press figures were loaded in 2026 without publication dates: each counts from the end
    // of its period (a plan figure from its start), never from the day it was loaded.
    const mid2024 = await t.get<PlanTargetsEvaluation>(
      `/api/plans/${t.planId}/targets/evaluation?asOf=2024-06-30`,
    );
    const m = measureOf(mid2024.body, "1.1");
    expect(m.values.map((v) => `${v.period}:${v.kind}`).sort()).toEqual([
      "2021:preliminary",
      "2022:preliminary",
      "2023:preliminary",
      "2024:plan",
    ]);
    expect(m.laterValues).toBe(5);
    expect(m.values.find((v) => v.period === "2022")?.knownOn).toEqual({
      day: "2022-12-31",
      basis: "period_end_assumed",
    });
    const bad = await t.get<{ error: { code: string } }>(
      `/api/plans/${t.planId}/targets/evaluation?asOf=2025-02-30`,
    );
    expect(bad.status).toBe(400);
    expect((await t.get(`/api/plans/999999/targets/evaluation`)).status).toBe(404);
  });
});

describe("POST /api/indicators/{code}/values", () => {
  const path = "/api/indicators/industrial_production_value_2010_prices/values";
  it("an estimate, then the official figure: the official one is used and the estimate kept", async () => {
    const est = await call<{ value: { id: number }; best: { chosenId: number } }>(
      t.app,
      sctReporter,
      "POST",
      path,
      {
        period: "2025",
        scope: PRE,
        kind: "estimate",
        value: 27500,
        source: "Báo cáo ước thực hiện năm 2025 của Sở Công Thương",
      },
    );
    expect(est.status, JSON.stringify(est.body)).toBe(200);
    const off = await call<{
      value: { id: number };
      best: { chosenId: number; superseded: { id: number; reason: string }[] };
    }>(t.app, coordinator, "POST", path, {
      period: "2025",
      scope: PRE,
      kind: "official",
      value: 27810,
      source: "Niên giám thống kê 2025",
    });
    expect(off.status).toBe(200);
    expect(off.body.best.chosenId).toBe(off.body.value.id);
    expect(off.body.best.superseded).toEqual([
      expect.objectContaining({ id: est.body.value.id, reason: "outranked" }),
    ]);
    const m = measureOf(await evaluation(), "1.1");
    expect(m.values.find((v) => v.id === est.body.value.id)?.role).toBe("superseded");
    expect(m.values.find((v) => v.id === off.body.value.id)?.role).toBe("used");
    expect(m.evaluation).toMatchObject({ phase: "final", status: "achieved" });
  });

  it("the series is public: every figure kept, and per period which one is used", async () => {
    const r = await t.get<{
      indicator: { code: string; unit: string };
      values: { id: number; period: string; kind: string; scope: string; source: string }[];
      periods: { period: string; scope: string; chosenId: number | null; superseded: { id: number }[] }[];
    }>(`/api/indicators/industrial_production_value_2010_prices/values?scope=${encodeURIComponent(PRE)}`);
    expect(r.status).toBe(200);
    expect(r.body.indicator).toMatchObject({
      code: "industrial_production_value_2010_prices",
      unit: "tỷ đồng",
    });
    expect(r.body.values.every((v) => v.scope === PRE && v.source.length > 0)).toBe(true);
    const y2025 = r.body.periods.find((p) => p.period === "2025");
    const official = r.body.values.find((v) => v.period === "2025" && v.kind === "official");
    const estimate = r.body.values.find((v) => v.period === "2025" && v.kind === "estimate");
    expect(official && estimate).toBeTruthy();
    expect(y2025?.chosenId).toBe(official?.id);
    expect(y2025?.superseded.map((x) => x.id)).toContain(estimate?.id);
    const merged = await t.get<{ values: { scope: string }[] }>(
      "/api/indicators/industrial_production_value_2010_prices/values?scope=Tuyên Quang (merged)",
    );
    expect(merged.body.values.map((v) => v.scope)).toEqual(["Tuyên Quang (merged)"]);
    expect((await t.get("/api/indicators/no_such_indicator/values")).status).toBe(404);
  });

  it("a figure entered with its publication date counts from that date, not from its entry", async () => {
    const r = await call<{ value: { id: number; knownOn: { day: string; basis: string } } }>(
      t.app,
      coordinator,
      "POST",
      "/api/indicators/industry_share_of_grdp/values",
      {
        period: "2023",
        scope: PRE,
        kind: "official",
        value: 28.9,
        source: "Niên giám thống kê tỉnh Tuyên Quang 2023",
        publishedOn: "2024-05-20",
      },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.value.knownOn).toEqual({ day: "2024-05-20", basis: "published" });
    const ids = async (asOf: string) => {
      const e = await t.get<PlanTargetsEvaluation>(`/api/plans/${t.planId}/targets/evaluation?asOf=${asOf}`);
      return e.body.targets.flatMap((x) => x.measures).flatMap((x) => x.values.map((v) => v.id));
    };
    expect(await ids("2024-05-19")).not.toContain(r.body.value.id);
    expect(await ids("2024-05-20")).toContain(r.body.value.id);
    const future = await call<{ error: { details: { fields: { field: string }[] } } }>(
      t.app,
      coordinator,
      "POST",
      "/api/indicators/industry_share_of_grdp/values",
      { period: "2024", scope: PRE, kind: "official", value: 29, source: "x", publishedOn: "2099-01-01" },
    );
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toContain("publishedOn");
  });

  it("refuses a bad figure with the field named", async () => {
    const r = await call<{ error: { code: string; fields: { field: string }[] } }>(
      t.app,
      coordinator,
      "POST",
      path,
      {
        period: "2025-Q5",
        scope: PRE,
        kind: "official",
        value: 1,
        source: "x",
      },
    );
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f) => f.field)).toContain("period");
    expect(
      (
        await call(t.app, coordinator, "POST", "/api/indicators/no_such_code/values", {
          period: "2025",
          scope: PRE,
          kind: "official",
          value: 1,
          source: "x",
        })
      ).status,
    ).toBe(404);
  });

  it("is for the coordinator and the supplying agency: a viewer gets 403, nobody signed in 401, another agency 403", async () => {
    const body = { period: "2023", scope: PRE, kind: "official", value: 70, source: "x" };
    expect(
      (await call(t.app, viewer, "POST", "/api/indicators/trained_workers_share/values", body)).status,
    ).toBe(403);
    expect(
      (await call(t.app, null, "POST", "/api/indicators/trained_workers_share/values", body)).status,
    ).toBe(401);
    // Trained workers are supplied by Sở LĐ-TB&XH, not by the Sở Công Thương reporter.
    expect(
      (await call(t.app, sctReporter, "POST", "/api/indicators/trained_workers_share/values", body)).status,
    ).toBe(403);
  });
  it("an indicator no measure uses (total_workers) is written by the coordinator, as an upload may", async () => {
    const body = {
      period: "2023",
      scope: PRE,
      kind: "official",
      value: 480000,
      source: "Niên giám thống kê 2023",
    };
    const r = await call(t.app, coordinator, "POST", "/api/indicators/total_workers/values", body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await call(t.app, viewer, "POST", "/api/indicators/total_workers/values", body)).status).toBe(
      403,
    );
    // The Sở Công Thương reporter does not supply it (Sở LĐ-TB&XH does).
    expect(
      (await call(t.app, sctReporter, "POST", "/api/indicators/total_workers/values", body)).status,
    ).toBe(403);
  });
});

describe("POST /api/plans/{id}/indicator-values/upload", () => {
  const csv = (rows: string[]) =>
    new TextEncoder().encode(["indicator,period,scope,kind,value,unit,source,comment", ...rows].join("\n"));

  it("a CSV with one bad row stores nothing, and the error names the row", async () => {
    const before = measureOf(await evaluation(), "2.2").values.length;
    const r = await upload(
      coordinator,
      "labour.csv",
      csv([
        `industrial_workers,2022,${PRE},official,118000,lao động,Niên giám thống kê 2022,`,
        `industrial_workers,2023,${PRE},official,12x000,lao động,Niên giám thống kê 2023,`,
        `total_workers,2022,${PRE},official,465000,lao động,Niên giám thống kê 2022,`,
      ]),
    );
    expect(r.status).toBe(400);
    expect(r.body.error?.code).toBe("VALIDATION");
    expect(r.body.error?.details?.rows).toEqual([expect.objectContaining({ line: 3, column: "value" })]);
    expect(r.body.error?.message).toContain("line 3");
    expect(measureOf(await evaluation(), "2.2").values.length).toBe(before);
  });

  it("an XLSX file built with exceljs is stored whole", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("values");
    ws.addRow(["indicator", "period", "scope", "kind", "value", "unit", "source", "comment"]);
    ws.addRow([
      "industrial_workers",
      2022,
      PRE,
      "official",
      118000,
      "lao động",
      "Niên giám thống kê 2022",
      null,
    ]);
    ws.addRow(["total_workers", 2022, PRE, "official", 465000, "lao động", "Niên giám thống kê 2022", null]);
    ws.addRow(["trained_workers_share", "2022", PRE, "Sơ bộ", "63,2", "%", "Báo cáo Sở LĐ-TB&XH", null]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const r = await upload(coordinator, "labour.xlsx", bytes);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.stored).toBe(3);
    const e = await evaluation();
    expect(measureOf(e, "2.1").observations).toEqual([
      expect.objectContaining({ year: 2022, value: (118000 / 465000) * 100 }),
    ]);
    expect(measureOf(e, "2.3").values[0]).toMatchObject({ value: 63.2, kind: "preliminary" });
  });

  it("a reporter may upload only the indicators its agency supplies; a viewer gets 403", async () => {
    const rows = csv([`trained_workers_share,2021,${PRE},official,60,%,x,`]);
    const r = await upload(sctReporter, "x.csv", rows);
    expect(r.status).toBe(400);
    expect(r.body.error?.details?.rows[0]).toMatchObject({ line: 2, column: "indicator" });
    expect((await upload(viewer, "x.csv", rows)).status).toBe(403);
    expect((await upload(null, "x.csv", rows)).status).toBe(401);
  });

  it("refuses a 1,000,000-row XLSX (read in a worker) at the row limit, answering others meanwhile", async () => {
    const row = Buffer.from("<row><c><v>1</v></c></row>");
    const rows = Buffer.alloc(row.length * 1_000_000);
    for (let i = 0; i < 1_000_000; i++) row.copy(rows, i * row.length);
    const order: string[] = [];
    const started = new Promise((resolve) => heavyPool().events.once("start", resolve));
    const big = upload(coordinator, "million.xlsx", xlsxOf(rows)).then((r) => {
      order.push("upload");
      return r;
    });
    await started;
    order.push(`health ${(await t.app.request("/api/health")).status}`);
    const r = await big;
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toContain("at most 5000 rows");
    expect(order).toEqual(["health 200", "upload"]);
  });

  it("refuses a file that is neither CSV nor XLSX", async () => {
    const r = await upload(coordinator, "values.txt", new TextEncoder().encode("hello"));
    expect(r.status).toBe(400);
  });
});

describe("GET /api/indicators/template.xlsx", () => {
  it("is a workbook listing the indicator codes", async () => {
    const res = await t.app.request("/api/indicators/template.xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const codes: string[] = [];
    wb.getWorksheet("indicators")
      ?.getColumn(1)
      .eachCell((c) => {
        codes.push(String(c.value));
      });
    expect(codes).toEqual(
      expect.arrayContaining(["industrial_production_value_2010_prices", "new_industrial_clusters"]),
    );
    expect(wb.getWorksheet("values")?.getRow(1).getCell(1).value).toContain("indicator");
  });
});

describe("PUT /api/measures/{id}/trajectory", () => {
  it("the coordinator enters the plan's annex; the evaluation then uses it and keeps the derived path beside it", async () => {
    const m = measureOf(await evaluation(), "1.1");
    const points = [
      { year: 2021, value: 15000 },
      { year: 2022, value: 17500 },
      { year: 2023, value: 20000 },
      { year: 2024, value: 23500 },
      { year: 2025, value: 27700 },
    ];
    const body = { source: "Phụ lục I (nhập từ bản giấy)", points };
    expect(
      (await call(t.app, sctReporter, "PUT", `/api/measures/${m.measureId}/trajectory`, body)).status,
    ).toBe(403);
    expect((await call(t.app, viewer, "PUT", `/api/measures/${m.measureId}/trajectory`, body)).status).toBe(
      403,
    );
    const saved = await call<{ points: unknown[] }>(
      t.app,
      coordinator,
      "PUT",
      `/api/measures/${m.measureId}/trajectory`,
      body,
    );
    expect(saved.status).toBe(200);
    expect(saved.body.points).toHaveLength(5);
    const after = measureOf(await evaluation(), "1.1");
    expect(after.trajectory.source).toBe("saved");
    expect(after.trajectory.trajectory?.kind).toBe("annex");
    expect(after.trajectory.alternatives.map((a) => a.kind)).toContain("to_goal");
    const dup = await call(t.app, coordinator, "PUT", `/api/measures/${m.measureId}/trajectory`, {
      source: "x",
      points: [
        { year: 2022, value: 1 },
        { year: 2022, value: 2 },
      ],
    });
    expect(dup.status).toBe(400);
    const outside = await call(t.app, coordinator, "PUT", `/api/measures/${m.measureId}/trajectory`, {
      source: "x",
      points: [{ year: 2031, value: 1 }],
    });
    expect(outside.status).toBe(400);
    expect(
      (
        await call(t.app, coordinator, "PUT", `/api/measures/${m.measureId}/trajectory`, {
          source: "x",
          points: [],
        })
      ).status,
    ).toBe(200);
    expect(measureOf(await evaluation(), "1.1").trajectory.source).toBe("derived");
  });
});

describe("the OpenAPI document", () => {
  it("describes the new routes", async () => {
    const r = await t.get<{ paths: Record<string, unknown> }>("/api/openapi.json");
    for (const p of [
      "/api/plans/{id}/targets/evaluation",
      "/api/indicators/{code}/values",
      "/api/plans/{id}/indicator-values/upload",
      "/api/indicators/template.xlsx",
      "/api/measures/{id}/trajectory",
      "/api/zones",
      "/api/zones/{id}/events",
      "/api/zones/occupancy",
      "/api/geo/{file}",
    ])
      expect(Object.keys(r.body.paths), p).toContain(p);
  });
});
