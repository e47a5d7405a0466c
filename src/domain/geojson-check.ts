/**
 * Checks a boundary layer an administrator uploads to replace a shipped one (data/geo/README.md:
 * "a deployment should load the province's official boundary data"). The map draws polygons in
 * WGS84 longitude/latitude (RFC 7946 §4); official Vietnamese data is often in VN-2000 metres
 * (Circular 973/2001/TT-TCĐC), which would draw nothing sensible — such a file is refused with
 * the reason, never stored. Every feature needs a `name` (zones are placed by district name).
 */

export interface GeoProblem {
  /** JSON path of the problem, e.g. "features.3.geometry.coordinates". */
  path: string;
  en: string;
  vi: string;
}

/** Vietnam with a margin: coordinates outside are not WGS84 lon/lat of a Vietnamese place. */
export const VIETNAM_BBOX = { minLon: 101.5, maxLon: 118, minLat: 7, maxLat: 24 } as const;

type Pos = unknown;

/** The problem with one position, if any: [longitude, latitude] in WGS84, inside Vietnam. */
function positionProblem(p: Pos, path: string): GeoProblem | null {
  if (!Array.isArray(p) || p.length < 2 || !p.every((n) => typeof n === "number" && Number.isFinite(n)))
    return { path, en: "a position is [longitude, latitude]", vi: "mỗi điểm là [kinh độ, vĩ độ]" };
  const [lon, lat] = p as number[];
  if (
    (lon as number) < VIETNAM_BBOX.minLon ||
    (lon as number) > VIETNAM_BBOX.maxLon ||
    (lat as number) < VIETNAM_BBOX.minLat ||
    (lat as number) > VIETNAM_BBOX.maxLat
  )
    return {
      path,
      en: `[${lon}, ${lat}] is not a WGS84 longitude/latitude in Vietnam (VN-2000 metres must be converted first; longitude comes first)`,
      vi: `[${lon}, ${lat}] không phải kinh độ/vĩ độ WGS84 trong lãnh thổ Việt Nam (dữ liệu VN-2000 tính bằng mét phải chuyển đổi trước; kinh độ đứng trước)`,
    };
  return null;
}

function checkRing(ring: unknown, path: string, out: GeoProblem[]): void {
  if (!Array.isArray(ring) || ring.length < 4) {
    out.push({ path, en: "a ring needs at least 4 positions", vi: "một vòng cần ít nhất 4 điểm" });
    return;
  }
  for (let i = 0; i < ring.length; i++) {
    const problem = positionProblem(ring[i] as Pos, `${path}.${i}`);
    if (problem) {
      out.push(problem);
      return;
    }
  }
  const a = ring[0] as number[];
  const b = ring[ring.length - 1] as number[];
  if (a[0] !== b[0] || a[1] !== b[1])
    out.push({
      path,
      en: "a ring must end where it starts",
      vi: "vòng phải khép kín (điểm cuối trùng điểm đầu)",
    });
}

/** Problems of a candidate boundary layer; an empty list means it can replace the shipped file. */
export function checkBoundaryLayer(json: unknown): GeoProblem[] {
  const out: GeoProblem[] = [];
  const fc = json as { type?: unknown; features?: unknown };
  if (
    typeof json !== "object" ||
    json === null ||
    fc.type !== "FeatureCollection" ||
    !Array.isArray(fc.features)
  ) {
    return [{ path: "", en: "not a GeoJSON FeatureCollection", vi: "không phải GeoJSON FeatureCollection" }];
  }
  if (fc.features.length === 0)
    return [{ path: "features", en: "no features", vi: "không có đối tượng nào" }];
  fc.features.forEach((f: unknown, i: number) => {
    if (out.length >= 20) return;
    const path = `features.${i}`;
    const feat = f as { type?: unknown; properties?: Record<string, unknown> | null; geometry?: unknown };
    if (typeof f !== "object" || f === null || feat.type !== "Feature") {
      out.push({ path, en: "not a Feature", vi: "không phải Feature" });
      return;
    }
    const name = feat.properties?.name;
    if (typeof name !== "string" || name.trim() === "")
      out.push({
        path: `${path}.properties.name`,
        en: "every feature needs a name",
        vi: "mỗi đối tượng cần thuộc tính name (tên)",
      });
    const g = feat.geometry as { type?: unknown; coordinates?: unknown } | null;
    if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon") || !Array.isArray(g.coordinates)) {
      out.push({
        path: `${path}.geometry`,
        en: "geometry must be a Polygon or MultiPolygon",
        vi: "hình học phải là Polygon hoặc MultiPolygon",
      });
      return;
    }
    const polygons = g.type === "Polygon" ? [g.coordinates] : (g.coordinates as unknown[]);
    polygons.forEach((poly, j) => {
      const pp = g.type === "Polygon" ? `${path}.geometry.coordinates` : `${path}.geometry.coordinates.${j}`;
      if (!Array.isArray(poly) || poly.length === 0) {
        out.push({ path: pp, en: "a polygon needs an outer ring", vi: "đa giác cần vòng ngoài" });
        return;
      }
      for (const [k, ring] of poly.entries()) checkRing(ring, `${pp}.${k}`, out);
    });
  });
  return out.slice(0, 20);
}

/**
 * A zone's location (issue 4 §3: "coordinates or a polygon"): a GeoJSON Point or Polygon in
 * WGS84 longitude/latitude inside Vietnam. Problems are named as for a boundary layer.
 */
export function checkZoneGeometry(geometry: unknown): GeoProblem[] {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (g && g.type === "Point") {
    const problem = positionProblem(g.coordinates, "coordinates");
    return problem ? [problem] : [];
  }
  if (g && g.type === "Polygon") {
    return checkBoundaryLayer({
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { name: "zone" }, geometry: g }],
    }).map((p) => ({ ...p, path: p.path.replace(/^features\.0\.geometry\.?/, "") }));
  }
  return [
    {
      path: "type",
      en: "a zone's location is a Point or a Polygon",
      vi: "vị trí khu, cụm là Point hoặc Polygon",
    },
  ];
}

/**
 * How many positions a GeoJSON value holds, counting stops once past `limit` (so a huge layer
 * costs no more than the limit to refuse). Nested arrays of numbers are positions.
 */
export function countPositions(json: unknown, limit: number): number {
  let n = 0;
  const stack: unknown[] = [json];
  while (stack.length > 0 && n <= limit) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      if (v.length >= 2 && typeof v[0] === "number") n++;
      else for (const x of v) stack.push(x);
    } else if (v && typeof v === "object") for (const x of Object.values(v)) stack.push(x);
  }
  return n;
}
