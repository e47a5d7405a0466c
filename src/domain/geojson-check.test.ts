import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkBoundaryLayer, checkZoneGeometry } from "./geojson-check.ts";

const shipped = (f: string) =>
  JSON.parse(readFileSync(new URL(`../../data/geo/${f}`, import.meta.url), "utf8"));
const square = (lon: number, lat: number, d = 0.1) => [
  [lon, lat],
  [lon + d, lat],
  [lon + d, lat + d],
  [lon, lat + d],
  [lon, lat],
];
const layer = (ring: unknown, props: Record<string, unknown> = { name: "Sơn Dương" }) => ({
  type: "FeatureCollection",
  features: [{ type: "Feature", properties: props, geometry: { type: "Polygon", coordinates: [ring] } }],
});

describe("checkBoundaryLayer", () => {
  it("accepts the four shipped layers", () => {
    for (const f of [
      "tuyen_quang_districts_pre2025.geojson",
      "tuyen_quang_province_pre2025.geojson",
      "ha_giang_province_pre2025.geojson",
      "tuyen_quang_province_2025_merged_outline.geojson",
    ])
      expect(checkBoundaryLayer(shipped(f)), f).toEqual([]);
  });

  it("refuses VN-2000 metres, swapped axes, open rings, missing names and non-collections", () => {
    expect(checkBoundaryLayer(layer(square(431000, 2410000, 100)))[0]?.vi).toContain("VN-2000");
    expect(checkBoundaryLayer(layer(square(21.8, 105.2)))[0]?.en).toContain("longitude");
    const open = square(105.2, 21.8).slice(0, 4);
    open.push([105.2, 21.85]);
    expect(checkBoundaryLayer(layer(open))[0]?.en).toContain("end where it starts");
    expect(checkBoundaryLayer(layer(square(105.2, 21.8), {}))[0]?.path).toBe("features.0.properties.name");
    expect(checkBoundaryLayer({ type: "Feature" })[0]?.en).toContain("FeatureCollection");
    expect(checkBoundaryLayer(null)).toHaveLength(1);
    expect(checkBoundaryLayer({ type: "FeatureCollection", features: [] })[0]?.path).toBe("features");
    expect(checkBoundaryLayer(layer(square(105.2, 21.8)))).toEqual([]);
  });

  it("never throws and caps its list, whatever it is given", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const problems = checkBoundaryLayer(v);
        expect(problems.length).toBeLessThanOrEqual(20);
        for (const p of problems) expect(p.vi.length).toBeGreaterThan(0);
      }),
    );
    fc.assert(
      fc.property(
        fc.double({ min: 102, max: 117, noNaN: true }),
        fc.double({ min: 8, max: 23, noNaN: true }),
        (lon, lat) => {
          expect(checkBoundaryLayer(layer(square(lon, lat, 0.01)))).toEqual([]);
        },
      ),
    );
  });
});

describe("checkZoneGeometry", () => {
  it("accepts a point or polygon in Vietnam and names what is wrong otherwise", () => {
    expect(checkZoneGeometry({ type: "Point", coordinates: [105.22, 21.82] })).toEqual([]);
    expect(checkZoneGeometry(layer(square(105.2, 21.8)).features[0]?.geometry)).toEqual([]);
    expect(checkZoneGeometry({ type: "Point", coordinates: [21.82, 105.22] })[0]?.path).toBe("coordinates");
    expect(checkZoneGeometry({ type: "Point", coordinates: ["x", 1] })[0]?.en).toContain("longitude");
    expect(checkZoneGeometry({ type: "LineString", coordinates: [] })[0]?.path).toBe("type");
    expect(checkZoneGeometry(null)[0]?.path).toBe("type");
  });
});
