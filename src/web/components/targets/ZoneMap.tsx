import { useJson } from "../../api.ts";
import { mapPaths } from "../../data-paths.ts";
import { formatNumber } from "../../format.ts";
import type { MessageKey } from "../../i18n.ts";
import { useLang } from "../../lang.tsx";
import { ErrorBox, Loading } from "../Status.tsx";
import type { GeoCollection, GeoFeature, GeoInfo, OccupancyOut, ZoneItem } from "./types.ts";

const W = 560;
const PAD = 10;

const STATUS_COLOURS: Record<string, string> = {
  planned: "#9aa5b1",
  established: "#2f6fd6",
  expanded: "#7b3fc4",
  operating: "#1f8a4c",
  none: "#ffffff",
};

/** "TP Tuyên Quang", "Huyện Sơn Dương" → "tuyên quang", "sơn dương". */
function districtKey(name: string): string {
  return name
    .normalize("NFC")
    .toLowerCase()
    .replace(/^(tp\.?|thành phố|huyện|thị xã)\s+/, "")
    .trim();
}

function rings(f: GeoFeature): number[][][] {
  return f.geometry.type === "Polygon" ? f.geometry.coordinates : f.geometry.coordinates.flat();
}

/** A zone's own location, lon/lat: its point, or its polygon's centroid; null when it has none. */
function zoneLocation(geometry: unknown): [number, number] | null {
  const g = geometry as { type?: string; coordinates?: unknown } | null | undefined;
  if (g?.type === "Point" && Array.isArray(g.coordinates)) {
    const [lon, lat] = g.coordinates as number[];
    return typeof lon === "number" && typeof lat === "number" ? [lon, lat] : null;
  }
  if (g?.type === "Polygon" && Array.isArray(g.coordinates))
    return centroid({ type: "Feature", properties: {}, geometry: g } as unknown as GeoFeature);
  return null;
}

/** Area-weighted centroid of the largest outer ring (lon, lat). */
function centroid(f: GeoFeature): [number, number] {
  const outers =
    f.geometry.type === "Polygon"
      ? [f.geometry.coordinates[0] ?? []]
      : f.geometry.coordinates.map((p) => p[0] ?? []);
  let best: [number, number] = [0, 0];
  let bestArea = -1;
  for (const ring of outers) {
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0 = 0, y0 = 0] = ring[i] ?? [];
      const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
      const c = x0 * y1 - x1 * y0;
      a += c;
      cx += (x0 + x1) * c;
      cy += (y0 + y1) * c;
    }
    if (Math.abs(a) > bestArea && a !== 0) {
      bestArea = Math.abs(a);
      best = [cx / (3 * a), cy / (3 * a)];
    }
  }
  return best;
}

function MapSvg({
  geo,
  zones,
  occupancy,
}: {
  geo: GeoCollection;
  zones: ZoneItem[];
  occupancy: OccupancyOut | null;
}) {
  const { lang, t } = useLang();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const f of geo.features)
    for (const ring of rings(f))
      for (const [x = 0, y = 0] of ring) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
  // Equirectangular: x = lon·cos(mid latitude), y = lat; scaled to the bounding box.
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = (W - 2 * PAD) / ((maxX - minX) * k || 1);
  const H = Math.round((maxY - minY) * scale + 2 * PAD);
  const px = (lon: number) => PAD + (lon - minX) * k * scale;
  const py = (lat: number) => PAD + (maxY - lat) * scale;
  const pathOf = (f: GeoFeature) =>
    rings(f)
      .map(
        (r) =>
          r
            .map(([x = 0, y = 0], i) => `${i === 0 ? "M" : "L"}${px(x).toFixed(1)} ${py(y).toFixed(1)}`)
            .join("") + "Z",
      )
      .join("");

  const centres = new Map<string, [number, number]>();
  for (const f of geo.features) {
    const c = centroid(f);
    centres.set(districtKey(String(f.properties.name ?? "")), [px(c[0]), py(c[1])]);
  }
  const rate = new Map<number, number | null>();
  for (const z of occupancy?.zones ?? []) rate.set(z.id, z.rate);
  const dots: { z: ZoneItem; x: number; y: number; r: number | null }[] = [];
  // A zone with its own location (a point, or a polygon's centroid) is drawn there.
  for (const z of zones) {
    const at = zoneLocation(z.geometry);
    if (at) dots.push({ z, x: px(at[0]), y: py(at[1]), r: rate.get(z.id) ?? z.occupancy?.rate ?? null });
  }
  // The others: zones of one district are spread on a small circle around its centre.
  const byDistrict = new Map<string, ZoneItem[]>();
  for (const z of zones) {
    if (dots.some((d) => d.z.id === z.id)) continue;
    const key = z.district ? districtKey(z.district) : "";
    if (!centres.has(key)) continue;
    byDistrict.set(key, [...(byDistrict.get(key) ?? []), z]);
  }
  for (const [key, list] of byDistrict) {
    const [cx, cy] = centres.get(key) ?? [0, 0];
    list.forEach((z, i) => {
      const angle = (2 * Math.PI * i) / list.length - Math.PI / 2;
      const d = list.length > 1 ? 16 : 0;
      dots.push({
        z,
        x: cx + d * Math.cos(angle),
        y: cy + d * Math.sin(angle) + 12,
        r: rate.get(z.id) ?? z.occupancy?.rate ?? null,
      });
    });
  }
  const unplaced = zones.filter((z) => !dots.some((d) => d.z.id === z.id));
  const zoneName = (z: ZoneItem) => z.label ?? z.name;
  const statusKey = (z: ZoneItem) => z.status?.kind ?? "none";
  const pct = (r: number | null) => (r === null ? "—" : `${formatNumber(r * 100, lang, 1)}%`);

  return (
    <>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="tg-map"
        role="img"
        aria-label={t("tg.map.label")}
        data-testid="zone-map"
      >
        {geo.features.map((f) => (
          <path
            key={String(f.properties.code ?? f.properties.name)}
            d={pathOf(f)}
            className="district"
            data-testid="district"
          >
            <title>{String(f.properties.name_full ?? f.properties.name ?? "")}</title>
          </path>
        ))}
        {geo.features.map((f) => {
          const [x, y] = centres.get(districtKey(String(f.properties.name ?? ""))) ?? [0, 0];
          return (
            <text
              key={`l${String(f.properties.code ?? f.properties.name)}`}
              x={x}
              y={y - 4}
              className="district-name"
              textAnchor="middle"
            >
              {String((lang === "en" ? f.properties.name_en : f.properties.name) ?? f.properties.name ?? "")}
            </text>
          );
        })}
        {dots.map(({ z, x, y, r }) => (
          <circle
            key={z.id}
            cx={x}
            cy={y}
            r={z.kind === "industrial_park" ? 8 : 6}
            fill={STATUS_COLOURS[statusKey(z)] ?? "#fff"}
            fillOpacity={r === null ? 0.5 : 0.35 + 0.65 * Math.min(1, Math.max(0, r))}
            className={`zone zone-${z.kind}`}
            data-testid="zone-dot"
          >
            <title>
              {`${zoneName(z)} — ${t(`tg.zone.${statusKey(z)}` as MessageKey)} — ${t("tg.map.occupancy")}: ${pct(r)}`}
            </title>
          </circle>
        ))}
      </svg>
      <div className="tg-map-legend small" data-testid="map-legend">
        <strong>{t("tg.map.legend")}:</strong>
        {Object.entries(STATUS_COLOURS).map(([k, c]) => (
          <span key={k}>
            <svg width="14" height="14" aria-hidden="true">
              <circle cx="7" cy="7" r="6" fill={c} stroke="#333" />
            </svg>{" "}
            {t(`tg.zone.${k}` as MessageKey)}
          </span>
        ))}
        <span>
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="6" fill="#fff" stroke="#333" />
          </svg>
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="4" fill="#fff" stroke="#333" />
          </svg>{" "}
          {t("tg.zone.kind.industrial_park")} / {t("tg.zone.kind.industrial_cluster")}
        </span>
        <span>{t("tg.map.occupancy")}: ░ → █</span>
      </div>
      <p className="muted small">{t("tg.map.note")}</p>
      <table className="tg-zones small" data-testid="zone-table">
        <caption>{t("tg.map.zones")}</caption>
        <tbody>
          {[...dots.map((d) => d.z), ...unplaced].map((z) => (
            <tr key={z.id}>
              <td>{zoneName(z)}</td>
              <td>{z.district ?? t("tg.map.noDistrict")}</td>
              <td>{t(`tg.zone.${statusKey(z)}` as MessageKey)}</td>
              <td>
                {t("tg.map.occupancy")}: {pct(rate.get(z.id) ?? z.occupancy?.rate ?? null)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** `asOf` "" = today: the server dates the occupancy as it dates the evaluation (todayOf). */
export function ZoneMap({ asOf }: { asOf: string }) {
  const { t } = useLang();
  const paths = mapPaths(asOf);
  const geo = useJson<GeoCollection>(paths.geo);
  const info = useJson<GeoInfo>(paths.info);
  const zones = useJson<{ items: ZoneItem[] }>(paths.zones);
  const occ = useJson<OccupancyOut>(paths.occupancy);
  return (
    <section className="tg-map-section" aria-labelledby="tg-map-heading">
      <h2 id="tg-map-heading">{t("tg.map.title")}</h2>
      {geo.state === "error" ? (
        <ErrorBox error={geo.error} />
      ) : !geo.data ? (
        <Loading />
      ) : (
        <MapSvg geo={geo.data} zones={zones.data?.items ?? []} occupancy={occ.data ?? null} />
      )}
      {info.data && (
        <p className="muted small" data-testid="map-attribution">
          {t("tg.attribution")}: {info.data.attribution}
        </p>
      )}
    </section>
  );
}
