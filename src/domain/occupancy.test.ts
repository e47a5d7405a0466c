import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  averageOccupancy,
  CLUSTER_MAX_AREA_HA,
  canFoundCluster,
  checkClusterArea,
  occupancyRate,
  type ZoneLand,
} from "./occupancy.ts";

// Names from tuyen-quang-zones.csv; the land areas are ILLUSTRATIVE (no leased areas are
// published in our data).
const park = (name: string, leasableHa: number | null, leasedHa: number | null): ZoneLand => ({
  name,
  kind: "industrial_park",
  leasableHa,
  leasedHa,
});
const cluster = (
  name: string,
  leasableHa: number | null,
  leasedHa: number | null,
  district = "Sơn Dương",
): ZoneLand => ({
  name,
  kind: "industrial_cluster",
  district,
  leasableHa,
  leasedHa,
});

describe("occupancyRate", () => {
  it("a park: leased industrial + service land ÷ total (Decree 35/2022 Art. 2.22)", () => {
    const r = occupancyRate(park("Long Bình An", 120, 90));
    expect(r.rate).toBe(0.75);
    if (r.rate !== null) expect(r.definition.en).toContain("Decree 35/2022/NĐ-CP, Art. 2.22");
  });

  it("a cluster: Tuyên Quang's practice, labelled as having no formal definition", () => {
    const r = occupancyRate(cluster("Phúc Ứng", 50, 30));
    expect(r.rate).toBe(0.6);
    if (r.rate !== null) expect(r.definition.vi).toContain("chưa có định nghĩa chính thức");
  });

  it("never returns Infinity or NaN: missing or zero land gives null with the reason", () => {
    const reasons = [
      park("A", null, 5),
      park("B", 0, 0),
      park("C", 10, null),
      park("D", 10, -1),
      park("E", 10, 12),
      park("F", Number.NaN, 1),
    ].map((z) => {
      const r = occupancyRate(z);
      return r.rate === null ? r.reason.en : `rate ${r.rate}`;
    });
    expect(reasons).toEqual([
      "No leasable land area reported.",
      "No leasable land (area is zero).",
      "No leased land area reported.",
      "No leased land area reported.",
      "Leased land (12 ha) exceeds leasable land (10 ha): check the data.",
      "No leasable land area reported.",
    ]);
  });
});

describe("averageOccupancy: target (6) 'tỷ lệ trung bình lấp đầy khu, cụm công nghiệp > 60%'", () => {
  const zones = [
    park("Long Bình An", 100, 90),
    cluster("Phúc Ứng", 10, 1),
    cluster("Thắng Quân", null, null),
  ];

  it("computes both averages, each labelled, and lists the zones left out", () => {
    const a = averageOccupancy(zones);
    expect(a.simpleMean.rate).toBeCloseTo(0.5, 12);
    expect(a.weighted.rate).toBeCloseTo(91 / 110, 12);
    expect(a.simpleMean.label.vi).toBe("Bình quân giản đơn tỷ lệ lấp đầy của 2 khu, cụm: 50%.");
    expect(a.weighted.label.vi).toBe("Bình quân theo diện tích: 91 ha ÷ 110 ha = 82,7%.");
    expect(a.included).toEqual(["Long Bình An", "Phúc Ứng"]);
    expect(a.excluded.map((e) => e.zone)).toEqual(["Thắng Quân"]);
  });

  it("has no average without data", () => {
    const a = averageOccupancy([cluster("Thắng Quân", null, null)]);
    expect(a.simpleMean.rate).toBeNull();
    expect(a.weighted.rate).toBeNull();
    expect(a.weighted.label.en).toBe("Area-weighted: 0 ha ÷ 0 ha = —.");
  });
});

describe("Decree 32/2024 checks", () => {
  it("a cluster may not exceed 75 ha after expansion", () => {
    expect(CLUSTER_MAX_AREA_HA).toBe(75);
    expect(checkClusterArea(74.88).allowed).toBe(true); // An Hòa - Long Bình An (tracuuquyhoach.com)
    expect(checkClusterArea(75).allowed).toBe(true);
    const over = checkClusterArea(58.1 + 20);
    expect(over.allowed).toBe(false);
    expect(over.reason.vi).toBe(
      "Diện tích 78,1 ha không hợp lệ hoặc vượt quá 75 ha (Nghị định 32/2024/NĐ-CP).",
    );
    expect(checkClusterArea(0).allowed).toBe(false);
    expect(checkClusterArea(80, 90).allowed).toBe(true);
  });

  it("a district without clusters is not restricted", () => {
    expect(canFoundCluster([park("Sơn Nam", 150, 0)]).allowed).toBe(true);
  });

  it("allows a new cluster when average occupancy > 50 %", () => {
    const r = canFoundCluster([cluster("Phúc Ứng", 60, 40), cluster("Ninh Lai - Thiện Kế", 70, 36)]);
    expect(r.allowed).toBe(true);
    expect(r.reason.vi).toBe(
      "Được thành lập mới: tỷ lệ lấp đầy (bình quân theo diện tích) 58,5% > 50%; đất công nghiệp chưa cho thuê 54 ha ≤ 100 ha (Nghị định 32/2024/NĐ-CP).",
    );
  });

  it("or when unleased industrial land is at most 100 ha, and refuses otherwise", () => {
    expect(canFoundCluster([cluster("A", 70, 10), cluster("B", 70, 30)]).allowed).toBe(true); // 100 ha unleased
    const no = canFoundCluster([cluster("A", 75, 10), cluster("B", 75, 30)]);
    expect(no.allowed).toBe(false);
    expect(no.unleasedHa).toBe(110);
    expect(no.reason.en).toMatch(/^May not found a new cluster: occupancy \(area-weighted\) 26,7% ≤ 50%/);
  });

  it("says when the other average would decide differently", () => {
    // Simple mean (92 % + 10 %) ÷ 2 = 51 % > 50 %; area-weighted 29,2 ÷ 210 = 13,9 %; 180,8 ha unleased.
    const zones = [cluster("A", 10, 9.2), cluster("B", 200, 20)];
    const weighted = canFoundCluster(zones);
    const simple = canFoundCluster(zones, { average: "simple" });
    expect(weighted.allowed).toBe(false);
    expect(simple.allowed).toBe(true);
    expect(simple.reason.en).toContain("the other average would decide differently");
    expect(weighted.reason.vi).toContain("cách tính bình quân còn lại cho kết quả khác");
  });

  it("cannot decide with a cluster missing data", () => {
    const r = canFoundCluster([cluster("Phúc Ứng", 60, 40), cluster("Thắng Quân", null, null)]);
    expect(r.allowed).toBeNull();
    expect(r.reason.vi).toBe("Chưa đủ số liệu để xét (thiếu: Thắng Quân).");
  });
});

describe("properties", () => {
  const land = fc
    .tuple(fc.double({ min: 0.01, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([total, share]) => ({ total, leased: Math.min(total, total * share) }));
  const zonesArb = fc
    .array(land, { minLength: 1, maxLength: 10 })
    .map((xs) => xs.map((x, i) => park(`Z${i}`, x.total, x.leased)));

  it("0 ≤ rate ≤ 1 when leased ≤ leasable", () => {
    fc.assert(
      fc.property(land, (x) => {
        const r = occupancyRate(park("Z", x.total, x.leased)).rate;
        return r !== null && r >= 0 && r <= 1;
      }),
    );
  });

  it("the weighted rate lies between the smallest and largest rate", () => {
    fc.assert(
      fc.property(zonesArb, (zones) => {
        const rates = zones.map((z) => occupancyRate(z).rate ?? Number.NaN);
        const w = averageOccupancy(zones).weighted.rate ?? Number.NaN;
        const eps = 1e-12;
        return w >= Math.min(...rates) - eps && w <= Math.max(...rates) + eps;
      }),
    );
  });

  it("adding a zone without leasable land changes nothing but the excluded list", () => {
    fc.assert(
      fc.property(zonesArb, fc.constantFrom(0, null), (zones, empty) => {
        const before = averageOccupancy(zones);
        const after = averageOccupancy([...zones, cluster("Empty", empty, empty)]);
        return (
          after.simpleMean.rate === before.simpleMean.rate &&
          after.weighted.rate === before.weighted.rate &&
          after.excluded.length === before.excluded.length + 1
        );
      }),
    );
  });
});
