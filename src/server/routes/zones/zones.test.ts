/**
 * The zone registry API on the seeded demo (real database, both engines): entering a founding
 * decision changes target (5) without retyping a number; land snapshots give occupancy both
 * ways; a zone outside the plan's territory does not count; viewers cannot write.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MeasureOut, PlanTargetsEvaluation } from "../../../db/indicators/evaluate.ts";
import type { OccupancyReport, ZoneView } from "../../../db/zones/store.ts";
import { inTerritory } from "../../../db/zones/store.ts";
import { startTestApp, type TestApp } from "../../test-app.ts";
import { call, login, type TestSession } from "../../test-auth.ts";

let t: TestApp;
let coordinator: TestSession;
let viewer: TestSession;
let reporter: TestSession;

beforeAll(async () => {
  t = await startTestApp();
  coordinator = await login(t.app, "sct.dieuphoi");
  viewer = await login(t.app, "lanhdao.tinh");
  reporter = await login(t.app, "bqlkcn.baocao");
});
afterAll(async () => {
  await t?.close();
});

const zones = async () => (await t.get<{ items: ZoneView[] }>("/api/zones?province=Tuyên Quang")).body.items;
const zone = async (kind: string, name: string) => {
  const z = (await zones()).find((x) => x.kind === kind && x.name === name);
  if (!z) throw new Error(`no zone ${name}`);
  return z;
};
const target5 = async (): Promise<MeasureOut> => {
  const r = await t.get<PlanTargetsEvaluation>(`/api/plans/${t.planId}/targets/evaluation`);
  const m = r.body.targets.find((x) => x.code === "5")?.measures[0];
  if (!m) throw new Error("no target 5");
  return m;
};
const countOf = (m: MeasureOut) => (m.derived?.type === "zone_count" ? m.derived.count : Number.NaN);

describe("the registry", () => {
  it("lists the province's zones with their status and events", async () => {
    const all = await zones();
    expect(all.length).toBe(17);
    const sonNam = all.find((z) => z.name === "Sơn Nam");
    expect(sonNam?.status).toMatchObject({ kind: "established", date: "2014-11-18" });
    const one = await t.get<ZoneView>(`/api/zones/${sonNam?.id}`);
    expect(one.status).toBe(200);
    expect(one.body.events[0]?.decision).toContain("3219/UBND-CN");
    expect((await t.get("/api/zones/999999")).status).toBe(404);
    expect((await t.get<{ items: unknown[] }>("/api/zones?province=Hà Nội")).body.items).toEqual([]);
  });

  it("a founding decision known only by its year counts once that year is over, never before", async () => {
    const at = async (asOf: string) => {
      const r = await t.get<PlanTargetsEvaluation>(`/api/plans/${t.planId}/targets/evaluation?asOf=${asOf}`);
      const m = r.body.targets.find((x) => x.code === "5")?.measures[0];
      if (m?.derived?.type !== "zone_count") throw new Error("not a count");
      return m.derived;
    };
    const mid = await at("2025-06-30");
    expect(mid.counted.map((e) => e.zone)).not.toContain("An Hòa - Long Bình An");
    expect(mid.ignored.find((i) => i.event.zone === "An Hòa - Long Bình An")?.reason.en).toContain(
      "day unknown",
    );
    const after = await at("2026-01-15");
    expect(after.counted).toEqual([
      expect.objectContaining({
        zone: "An Hòa - Long Bình An",
        year: 2025,
        decision: "QĐ 08/QĐ-UBND (2025)",
      }),
    ]);
    expect(after.count).toBe(1);
  });

  it("a founding decision for a new cluster adds one to target 5 — no number is typed", async () => {
    const before = countOf(await target5());
    const z = await zone("industrial_cluster", "Yên Sơn");
    const r = await call<{ countable: { counted: boolean } }>(
      t.app,
      coordinator,
      "POST",
      `/api/zones/${z.id}/events`,
      {
        kind: "established",
        date: "2025-06-20",
        decision: "789/QĐ-UBND",
        source: "Quyết định thành lập CCN Yên Sơn",
      },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.countable.counted).toBe(true);
    const after = await target5();
    expect(countOf(after)).toBe(before + 1);
    if (after.derived?.type !== "zone_count") throw new Error("not a count");
    expect(after.derived.counted.map((e) => e.zone)).toContain("Yên Sơn");
    // The same decision twice is refused; an undated one is accepted but not counted.
    expect(
      (
        await call(t.app, coordinator, "POST", `/api/zones/${z.id}/events`, {
          kind: "established",
          date: "2025-06-20",
          decision: "789/QĐ-UBND",
        })
      ).status,
    ).toBe(409);
    const tamDa = await zone("industrial_cluster", "Tam Đa");
    const undated = await call<{ countable: { counted: boolean; reason: { en: string } } }>(
      t.app,
      coordinator,
      "POST",
      `/api/zones/${tamDa.id}/events`,
      { kind: "established", decision: "15/QĐ-UBND" },
    );
    expect(undated.body.countable).toMatchObject({ counted: false });
    expect(countOf(await target5())).toBe(before + 1);
    // A founding needs its decision's number.
    expect(
      (
        await call(t.app, coordinator, "POST", `/api/zones/${tamDa.id}/events`, {
          kind: "established",
          date: "2025-01-02",
        })
      ).status,
    ).toBe(400);
  });

  it("a cluster founded in the former Hà Giang does not count toward the pre-merger plan's target 5", async () => {
    expect((await zone("industrial_cluster", "Phúc Ứng")).territory).toBe("Tuyên Quang (pre-merger)");
    const before = countOf(await target5());
    const added = await call<{ zone: { id: number; territory: string } }>(
      t.app,
      coordinator,
      "POST",
      "/api/zones",
      {
        name: "Bình Vàng",
        kind: "industrial_cluster",
        province: "Tuyên Quang",
        district: "Vị Xuyên",
        territory: "Hà Giang (pre-merger)",
      },
    );
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body.zone.territory).toBe("Hà Giang (pre-merger)");
    const r = await call(t.app, coordinator, "POST", `/api/zones/${added.body.zone.id}/events`, {
      kind: "established",
      date: "2025-09-10",
      decision: "901/QĐ-UBND",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const after = await target5();
    expect(countOf(after)).toBe(before);
    if (after.derived?.type !== "zone_count") throw new Error("not a count");
    expect(after.derived.counted.map((e) => e.zone)).not.toContain("Bình Vàng");
    expect(after.derived.ignored.find((i) => i.event.zone === "Bình Vàng")?.reason.vi).toBe(
      "Ngoài địa bàn tỉnh Tuyên Quang trước sáp nhập.",
    );
  });

  it("a zone's location is a WGS84 point or polygon in Vietnam; swapped coordinates are refused, naming the field", async () => {
    const base = { kind: "industrial_cluster", province: "Tuyên Quang", district: "Sơn Dương" };
    const swapped = await call<{ error: { fields: { field: string; reasonVi: string }[] } }>(
      t.app,
      coordinator,
      "POST",
      "/api/zones",
      { ...base, name: "Hợp Thành", geometry: { type: "Point", coordinates: [21.7, 105.4] } },
    );
    expect(swapped.status).toBe(400);
    expect(swapped.body.error.fields[0]?.field).toBe("geometry.coordinates");
    expect((await zones()).some((z) => z.name === "Hợp Thành")).toBe(false);
    const ok = await call<{ zone: { geometry: unknown } }>(t.app, coordinator, "POST", "/api/zones", {
      ...base,
      name: "Hợp Thành",
      geometry: { type: "Point", coordinates: [105.4, 21.7] },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.zone.geometry).toEqual({ type: "Point", coordinates: [105.4, 21.7] });
  });

  it("adds a zone, refusing the same zone under another of its names", async () => {
    const ok = await call<{ zone: { id: number } }>(t.app, coordinator, "POST", "/api/zones", {
      name: "Thái Sơn",
      kind: "industrial_cluster",
      province: "Tuyên Quang",
      district: "Hàm Yên",
      totalAreaHa: 50,
      industrialLandHa: 38,
    });
    expect(ok.status).toBe(200);
    const dup = await call<{ error: { code: string } }>(t.app, coordinator, "POST", "/api/zones", {
      name: "Khu công nghiệp Nhữ Khê",
      kind: "industrial_park",
      province: "Tuyên Quang",
    });
    expect(dup.status).toBe(409);
    const big = await call<{ warnings: { en: string }[] }>(t.app, coordinator, "POST", "/api/zones", {
      name: "Lớn",
      kind: "industrial_cluster",
      province: "Tuyên Quang",
      totalAreaHa: 90,
    });
    expect(big.body.warnings[0]?.en).toContain("75");
  });

  it("land snapshots give occupancy both ways; a zone with zero leasable land is excluded with the reason", async () => {
    const park = await zone("industrial_park", "Long Bình An");
    const cluster = await zone("industrial_cluster", "An Thịnh");
    const empty = await zone("industrial_cluster", "Tân Thành");
    for (const [z, leased, leasable] of [
      [park, 90, 100],
      [cluster, 10, 40],
      [empty, 0, 0],
    ] as const) {
      const r = await call(t.app, coordinator, "POST", `/api/zones/${z.id}/leases`, {
        asOf: "2025-09-30",
        leasedHa: leased,
        leasableHa: leasable,
        source: "Báo cáo quý III/2025",
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    expect(
      (
        await call(t.app, coordinator, "POST", `/api/zones/${park.id}/leases`, {
          asOf: "2025-09-30",
          leasedHa: 120,
          leasableHa: 100,
        })
      ).status,
    ).toBe(400);
    const o = await t.get<OccupancyReport>("/api/zones/occupancy?province=Tuyên Quang&asOf=2025-12-31");
    expect(o.status).toBe(200);
    expect(o.body.simpleMean.rate).toBeCloseTo((0.9 + 0.25) / 2, 9);
    expect(o.body.weighted.rate).toBeCloseTo(100 / 140, 9);
    expect(o.body.simpleMean.label.vi).toContain("Bình quân giản đơn");
    expect(o.body.weighted.label.vi).toContain("theo diện tích");
    expect(o.body.excluded.find((x) => x.zone === "CCN Tân Thành")?.reason.en).toContain("zero");
    expect(o.body.excluded.find((x) => x.zone === "KCN Nam Sơn Dương")?.reason.en).toContain("planned");
    const before = await t.get<OccupancyReport>("/api/zones/occupancy?province=Tuyên Quang&asOf=2025-01-01");
    expect(before.body.simpleMean.rate).toBeNull();
    const e = await t.get<PlanTargetsEvaluation>(`/api/plans/${t.planId}/targets/evaluation`);
    const m6 = e.body.targets.find((x) => x.code === "6")?.measures[0];
    expect(m6?.evaluations.map((x) => x.series)).toEqual(["simple_mean", "weighted"]);
    expect(m6?.evaluations[0]?.latest?.value).toBeCloseTo(57.5, 9);
    expect(m6?.evaluations[1]?.latest?.value).toBeCloseTo((100 / 140) * 100, 9);
    // 57,5 % misses "trên 60%", 71,4 % passes: the plan's choice of average decides, and both are shown.
    expect(m6?.evaluations.map((x) => x.status)).toEqual(["missed", "exceeded"]);
    expect(m6?.evaluation.status).toBe("missed");
  });

  it("viewers and reporters cannot write (403); nobody signed in gets 401", async () => {
    const z = await zone("industrial_cluster", "Thắng Quân");
    const event = { kind: "established", date: "2025-02-01", decision: "1/QĐ-UBND" };
    expect((await call(t.app, viewer, "POST", `/api/zones/${z.id}/events`, event)).status).toBe(403);
    expect((await call(t.app, reporter, "POST", `/api/zones/${z.id}/events`, event)).status).toBe(403);
    expect((await call(t.app, null, "POST", `/api/zones/${z.id}/events`, event)).status).toBe(401);
    expect(
      (await call(t.app, viewer, "POST", `/api/zones/${z.id}/leases`, { asOf: "2025-01-01", leasedHa: 1 }))
        .status,
    ).toBe(403);
    expect(
      (
        await call(t.app, viewer, "POST", "/api/zones", {
          name: "X",
          kind: "industrial_cluster",
          province: "Tuyên Quang",
        })
      ).status,
    ).toBe(403);
  });

  it("an administrator adds a zone in a province that has no plan yet; a coordinator of a plan cannot", async () => {
    const admin = await login(t.app, "admin");
    const body = { name: "Cụm công nghiệp Mới", kind: "industrial_cluster", province: "Hà Nội" };
    expect((await call(t.app, coordinator, "POST", "/api/zones", body)).status).toBe(403);
    const r = await call<{ zone: { province: string } }>(t.app, admin, "POST", "/api/zones", body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.zone.province).toBe("Hà Nội");
  });
});

describe("inTerritory", () => {
  it("keeps a pre-merger scope to its own zones and gives the merged province all of them", () => {
    const tq = { territory: "Tuyên Quang (pre-merger)" };
    const hg = { territory: "Hà Giang (pre-merger)" };
    expect(inTerritory(tq, "Tuyên Quang (pre-merger)")).toBe(true);
    expect(inTerritory(hg, "Tuyên Quang (pre-merger)")).toBe(false);
    expect(inTerritory(hg, "Tuyên Quang (merged)")).toBe(true);
    expect(inTerritory({ territory: null }, "Tuyên Quang (pre-merger)")).toBe(true);
    expect(inTerritory(hg, undefined)).toBe(true);
  });
});
