/**
 * Occupancy (tỷ lệ lấp đầy) of industrial parks and clusters, for the plan's target (6)
 * "Tỷ lệ trung bình lấp đầy khu, cụm công nghiệp phấn đấu đạt trên 60%", and the Decree
 * 32/2024 rules that depend on it (REGULATIONS.md §4).
 *
 * - Industrial park (Decree 35/2022/NĐ-CP, Art. 2, clause 22): industrial land plus service
 *   land already leased or subleased to investors ÷ the park's total industrial plus service land.
 * - Industrial cluster: NO formal definition was found (Decree 32/2024 uses the term without
 *   defining it). Tuyên Quang reports industrial land used by projects ÷ planned industrial land,
 *   and that is what is computed here — a provincial practice, not a legal definition.
 *
 * A zone's `leasableHa` / `leasedHa` carry the meaning of its kind. A rate is never Infinity or
 * NaN: a zone without leasable land, or without data, has no rate, and says why.
 */
import type { Bilingual } from "./indicator-values.ts";
import { formatVnNumber, formatVnPercent } from "./vn-number.ts";

export type ZoneKind = "industrial_park" | "industrial_cluster";

export interface ZoneLand {
  name: string;
  kind: ZoneKind;
  district?: string;
  /** Park: total industrial + service land (ha). Cluster: planned industrial land (ha). */
  leasableHa?: number | null;
  /** Park: of it, leased or subleased to investors (ha). Cluster: used by projects (ha). */
  leasedHa?: number | null;
  /** As of when the areas were reported (ISO date) and where from. */
  asOf?: string;
  source?: string;
}

export type OccupancyRate =
  | { zone: string; rate: number; leasedHa: number; leasableHa: number; definition: Bilingual }
  | { zone: string; rate: null; reason: Bilingual };

const DEFINITION: Readonly<Record<ZoneKind, Bilingual>> = {
  industrial_park: {
    vi: "Đất công nghiệp và dịch vụ đã cho thuê, cho thuê lại ÷ tổng đất công nghiệp và dịch vụ (Nghị định 35/2022/NĐ-CP, Điều 2 khoản 22).",
    en: "Industrial and service land leased or subleased ÷ total industrial and service land (Decree 35/2022/NĐ-CP, Art. 2.22).",
  },
  industrial_cluster: {
    vi: "Đất công nghiệp các dự án đã sử dụng ÷ đất công nghiệp theo quy hoạch (cách tính của tỉnh Tuyên Quang; chưa có định nghĩa chính thức).",
    en: "Industrial land used by projects ÷ planned industrial land (Tuyên Quang's practice; no formal definition exists).",
  },
};

const ha = (n: number) => `${formatVnNumber(Number(n.toFixed(2)))} ha`;
const pct = (r: number) => formatVnPercent(Number((r * 100).toFixed(1)));
const valid = (n: number | null | undefined): n is number => typeof n === "number" && Number.isFinite(n);

/** The occupancy of one zone (0–1), by its kind's definition; null with the reason when unknown. */
export function occupancyRate(zone: ZoneLand): OccupancyRate {
  const no = (vi: string, en: string): OccupancyRate => ({ zone: zone.name, rate: null, reason: { vi, en } });
  const { leasableHa: total, leasedHa: leased } = zone;
  if (!valid(total)) return no("Chưa có số liệu diện tích đất cho thuê.", "No leasable land area reported.");
  if (total <= 0) return no("Không có đất cho thuê (diện tích bằng 0).", "No leasable land (area is zero).");
  if (!valid(leased) || leased < 0)
    return no("Chưa có số liệu diện tích đã cho thuê.", "No leased land area reported.");
  if (leased > total)
    return no(
      `Diện tích đã cho thuê (${ha(leased)}) lớn hơn diện tích cho thuê (${ha(total)}): cần kiểm tra số liệu.`,
      `Leased land (${ha(leased)}) exceeds leasable land (${ha(total)}): check the data.`,
    );
  return {
    zone: zone.name,
    rate: leased / total,
    leasedHa: leased,
    leasableHa: total,
    definition: DEFINITION[zone.kind],
  };
}

export interface AverageOccupancy {
  /** Mean of the zones' rates: every zone counts the same, whatever its size. */
  simpleMean: { rate: number | null; label: Bilingual };
  /** Σ leased ÷ Σ leasable: the share of all the land, so large zones weigh more. */
  weighted: { rate: number | null; leasedHa: number; leasableHa: number; label: Bilingual };
  included: string[];
  /** Zones without a rate, with the reason: never silently counted as 0 %. */
  excluded: { zone: string; reason: Bilingual }[];
}

/**
 * The plan's "tỷ lệ trung bình lấp đầy" computed BOTH ways, each labelled, because the plan
 * does not say which it means (REGULATIONS.md §4): a simple mean of rates and an area-weighted
 * rate. Parks and clusters may be mixed, as the target "khu, cụm công nghiệp" does; each zone's
 * rate follows its own kind's definition. Zones without data are listed as excluded.
 */
export function averageOccupancy(zones: readonly ZoneLand[]): AverageOccupancy {
  const included: string[] = [];
  const excluded: { zone: string; reason: Bilingual }[] = [];
  let rateSum = 0;
  let leasedHa = 0;
  let leasableHa = 0;
  for (const z of zones) {
    const r = occupancyRate(z);
    if (r.rate === null) {
      excluded.push({ zone: z.name, reason: r.reason });
      continue;
    }
    included.push(z.name);
    rateSum += r.rate;
    leasedHa += r.leasedHa;
    leasableHa += r.leasableHa;
  }
  const n = included.length;
  const mean = n === 0 ? null : rateSum / n;
  const weighted = n === 0 ? null : leasedHa / leasableHa;
  const show = (r: number | null) => (r === null ? "—" : pct(r));
  return {
    simpleMean: {
      rate: mean,
      label: {
        vi: `Bình quân giản đơn tỷ lệ lấp đầy của ${n} khu, cụm: ${show(mean)}.`,
        en: `Simple mean of the occupancy rates of ${n} zones: ${show(mean)}.`,
      },
    },
    weighted: {
      rate: weighted,
      leasedHa,
      leasableHa,
      label: {
        vi: `Bình quân theo diện tích: ${ha(leasedHa)} ÷ ${ha(leasableHa)} = ${show(weighted)}.`,
        en: `Area-weighted: ${ha(leasedHa)} ÷ ${ha(leasableHa)} = ${show(weighted)}.`,
      },
    },
    included,
    excluded,
  };
}

/** Decree 32/2024/NĐ-CP: a cluster may not exceed 75 ha after expansion (REGULATIONS.md §4). */
export const CLUSTER_MAX_AREA_HA = 75;

/**
 * Whether a cluster of `areaHa` after founding or expansion respects the 75 ha ceiling of
 * Decree 32/2024 (configurable, in case the rule changes). Only the ceiling is checked: no
 * minimum size is among the rules gathered (REGULATIONS.md §4).
 */
export function checkClusterArea(
  areaHa: number,
  maxHa = CLUSTER_MAX_AREA_HA,
): { allowed: boolean; reason: Bilingual } {
  const allowed = Number.isFinite(areaHa) && areaHa > 0 && areaHa <= maxHa;
  return {
    allowed,
    reason: allowed
      ? {
          vi: `Diện tích ${ha(areaHa)} không vượt quá ${ha(maxHa)}.`,
          en: `${ha(areaHa)} is within ${ha(maxHa)}.`,
        }
      : {
          vi: `Diện tích ${ha(areaHa)} không hợp lệ hoặc vượt quá ${ha(maxHa)} (Nghị định 32/2024/NĐ-CP).`,
          en: `${ha(areaHa)} is invalid or exceeds ${ha(maxHa)} (Decree 32/2024/NĐ-CP).`,
        },
  };
}

export interface FoundingOptions {
  /** Average occupancy that must be exceeded ("trên 50%"). Default 0.5. */
  minAverage?: number;
  /** Unleased industrial land that must not be exceeded. Default 100 ha. */
  maxUnleasedHa?: number;
  /** Which average decides; the decree does not say. Default "weighted" (the land as a whole). */
  average?: "weighted" | "simple";
}

export interface FoundingCheck {
  /** null when the district's data are incomplete: the rule cannot be decided. */
  allowed: boolean | null;
  reason: Bilingual;
  occupancy: AverageOccupancy;
  unleasedHa: number | null;
}

/**
 * Decree 32/2024/NĐ-CP: a new cluster may be founded in a district that already has clusters
 * only if their average occupancy exceeds 50 % OR their unleased industrial land totals at most
 * 100 ha. `districtZones` are the zones of one district; parks are ignored (the rule speaks of
 * clusters). A district without clusters is not restricted. If any cluster lacks data the answer
 * is null: a missing cluster could change either criterion. Which average the decree means is
 * not said, so both are computed; the one named by `options.average` decides and the reason says
 * when the other would decide differently. Note: district-level government ended on 01/07/2025
 * (REGULATIONS.md §5); which area the rule applies to since then is unconfirmed — the caller
 * groups the zones.
 */
export function canFoundCluster(
  districtZones: readonly ZoneLand[],
  options: FoundingOptions = {},
): FoundingCheck {
  const minAverage = options.minAverage ?? 0.5;
  const maxUnleased = options.maxUnleasedHa ?? 100;
  const clusters = districtZones.filter((z) => z.kind === "industrial_cluster");
  const occupancy = averageOccupancy(clusters);
  if (clusters.length === 0)
    return {
      allowed: true,
      occupancy,
      unleasedHa: null,
      reason: {
        vi: "Địa bàn chưa có cụm công nghiệp: không áp dụng điều kiện về tỷ lệ lấp đầy.",
        en: "The district has no clusters: the occupancy condition does not apply.",
      },
    };
  if (occupancy.excluded.length > 0) {
    const names = occupancy.excluded.map((e) => e.zone).join(", ");
    return {
      allowed: null,
      occupancy,
      unleasedHa: null,
      reason: {
        vi: `Chưa đủ số liệu để xét (thiếu: ${names}).`,
        en: `Not enough data to decide (missing: ${names}).`,
      },
    };
  }
  const unleasedHa = occupancy.weighted.leasableHa - occupancy.weighted.leasedHa;
  const landOk = unleasedHa <= maxUnleased;
  const decide = (r: number | null) => (r !== null && r > minAverage) || landOk;
  const chosen = options.average === "simple" ? occupancy.simpleMean.rate : occupancy.weighted.rate;
  const other = options.average === "simple" ? occupancy.weighted.rate : occupancy.simpleMean.rate;
  const allowed = decide(chosen);
  const rate = chosen === null ? "—" : pct(chosen);
  const which =
    options.average === "simple"
      ? { vi: "bình quân giản đơn", en: "simple mean" }
      : { vi: "bình quân theo diện tích", en: "area-weighted" };
  const differs =
    decide(other) !== allowed
      ? {
          vi: " Lưu ý: cách tính bình quân còn lại cho kết quả khác.",
          en: " Note: the other average would decide differently.",
        }
      : { vi: "", en: "" };
  return {
    allowed,
    occupancy,
    unleasedHa,
    reason: {
      vi: `${allowed ? "Được" : "Chưa được"} thành lập mới: tỷ lệ lấp đầy (${which.vi}) ${rate} ${chosen !== null && chosen > minAverage ? ">" : "≤"} ${pct(minAverage)}; đất công nghiệp chưa cho thuê ${ha(unleasedHa)} ${landOk ? "≤" : ">"} ${ha(maxUnleased)} (Nghị định 32/2024/NĐ-CP).${differs.vi}`,
      en: `${allowed ? "May" : "May not"} found a new cluster: occupancy (${which.en}) ${rate} ${chosen !== null && chosen > minAverage ? ">" : "≤"} ${pct(minAverage)}; unleased industrial land ${ha(unleasedHa)} ${landOk ? "≤" : ">"} ${ha(maxUnleased)} (Decree 32/2024/NĐ-CP).${differs.en}`,
    },
  };
}
