/**
 * The indicators that measure the Tuyên Quang Industrial Development Plan 2021–2025 (its six
 * targets), as data: code, names, unit, how values aggregate, who supplies them, the validation
 * rules, and — in `formula` — what the figure means (a definition shown beside every value) and,
 * for derived indicators, how it is computed from other indicators or from the zone registry.
 *
 * Units are the plan's own words ("tỷ đồng", "lao động", "khu công nghiệp"), so an indicator's
 * values are compared with the plan's measures without conversion; sources written in English
 * ("billion VND") are mapped by `normaliseUnit`.
 */
import type { Bilingual } from "../../domain/indicator-values.ts";
import { SCOPE_PRE_MERGER } from "../../domain/indicator-values.ts";
import type { NamedZone } from "../../domain/zone-counts.ts";

export type ZoneKindCode = "industrial_park" | "industrial_cluster";

/** What an indicator's `formula` column holds. */
export type IndicatorFormula =
  | {
      type: "reported";
      definition: Bilingual;
      /** A yearly growth rate whose level is this indicator: "tăng bình quân" is judged on the level. */
      levelIndicator?: string;
      /** Indicators shown beside this one, with why they are not the same thing. */
      related?: { indicator: string; note: Bilingual }[];
    }
  | {
      type: "ratio";
      definition: Bilingual;
      numerator: string;
      denominator: string;
      factor: number;
    }
  | {
      type: "zone_count";
      definition: Bilingual;
      event: "established" | "expanded";
      zoneKind: ZoneKindCode;
      /** ISO dates, inclusive: the plan's period. */
      from: string;
      to: string;
      /** Zones the plan names (targets 4, 5; tasks 3.1, 3.2). */
      named: NamedZone[];
      /** Where the named list comes from. */
      namedFrom: string;
      /** true: the measure is "these named zones" (target 4); false: any zone counts (target 5). */
      countNamedOnly: boolean;
    }
  | {
      type: "zone_occupancy";
      definition: Bilingual;
      zoneKinds: ZoneKindCode[];
      related?: { indicator: string; note: Bilingual }[];
    };

/** The DHIS2-style rule stored in `indicators.validation`. */
export interface StoredValidation {
  min?: number;
  max?: number;
  maxJumpPct?: number;
}

export interface IndicatorSpec {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  aggregation: "sum" | "mean" | "ratio" | "latest";
  /** The supplying agency's name in the province registry (null: none). */
  supplier: string | null;
  frequency: string;
  formula: IndicatorFormula;
  validation: StoredValidation | null;
}

export const PLAN_FROM = "2021-01-01";
export const PLAN_TO = "2025-12-31";

const SCT = "Sở Công Thương";
const SKHDT = "Sở Kế hoạch và Đầu tư";
const SLDTBXH = "Sở Lao động - Thương binh và Xã hội";
const BQL = "Ban Quản lý các khu công nghiệp tỉnh";

const INDUSTRY_ONLY_NOTE: Bilingual = {
  vi: "Số được công bố (29,44% trong 9 tháng năm 2024) là tỷ trọng của khu vực công nghiệp VÀ xây dựng trong GRDP, không so sánh được với mục tiêu (3) về tỷ trọng riêng ngành công nghiệp: đây là một mâu thuẫn cần nêu rõ, không được dùng thay.",
  en: "The published figure (29.44 % for the first nine months of 2024) is the share of industry AND construction in GRDP; it is not comparable with target (3), the share of industry alone: a contradiction to show, never a substitute.",
};

/** The named parks of target (4) and task 3.1: "Nhữ Khê" in the target, "Đội Cấn - Nhữ Khê" in the task. */
export const NAMED_NEW_PARKS: NamedZone[] = [
  { zone: "Nam Sơn Dương", zoneKind: "industrial_park", event: "established" },
  { zone: "Tam Đa", zoneKind: "industrial_park", event: "established" },
  {
    zone: "Nhữ Khê",
    aliases: ["Đội Cấn - Nhữ Khê", "Nhữ Khê - Đội Cấn"],
    zoneKind: "industrial_park",
    event: "established",
  },
];

export const NAMED_PARK_EXPANSIONS: NamedZone[] = [
  { zone: "Long Bình An", zoneKind: "industrial_park", event: "expanded" },
];

/** The seven clusters task 3.2 names (target (5) asks for at least five new clusters, any). */
export const NAMED_NEW_CLUSTERS: NamedZone[] = [
  { zone: "Ninh Lai - Thiện Kế", zoneKind: "industrial_cluster", event: "established" },
  { zone: "Tam Đa", zoneKind: "industrial_cluster", event: "established" },
  { zone: "Phúc Ứng 2", zoneKind: "industrial_cluster", event: "established" },
  { zone: "An Hòa - Long Bình An", zoneKind: "industrial_cluster", event: "established" },
  { zone: "Bám trục đường Hồ Chí Minh", zoneKind: "industrial_cluster", event: "established" },
  { zone: "Đội Cấn - Nhữ Khê", zoneKind: "industrial_cluster", event: "established" },
  { zone: "Yên Sơn", zoneKind: "industrial_cluster", event: "established" },
];

export const INDICATORS: IndicatorSpec[] = [
  {
    code: "industrial_production_value_2010_prices",
    nameVi: "Giá trị sản xuất công nghiệp (giá so sánh 2010)",
    nameEn: "Industrial production value (2010 constant prices)",
    unit: "tỷ đồng",
    aggregation: "sum",
    supplier: SCT,
    frequency: "yearly",
    formula: {
      type: "reported",
      definition: {
        vi: "Giá trị sản xuất công nghiệp tính theo giá so sánh năm 2010, tỷ đồng; số năm là tổng của các tháng.",
        en: "Industrial production value at 2010 constant prices, billion VND; a year is the sum of its months.",
      },
    },
    validation: { min: 0, maxJumpPct: 30 },
  },
  {
    code: "industrial_production_value_growth",
    nameVi: "Tốc độ tăng giá trị sản xuất công nghiệp",
    nameEn: "Growth of industrial production value",
    unit: "%",
    aggregation: "latest",
    supplier: SCT,
    frequency: "yearly",
    formula: {
      type: "reported",
      definition: {
        vi: "Tốc độ tăng so với năm trước (giá so sánh 2010), %. Mục tiêu 'tăng bình quân 05 năm' được đánh giá trên chuỗi giá trị sản xuất: (giá trị năm y ÷ giá trị năm gốc 2020)^(1/(y − 2020)) − 1.",
        en: "Growth on the previous year (2010 constant prices), %. The plan's 'five-year average growth' is judged on the production value series: (value in year y ÷ base 2020 value)^(1/(y − 2020)) − 1.",
      },
      levelIndicator: "industrial_production_value_2010_prices",
    },
    validation: { min: -100, max: 200 },
  },
  {
    code: "industrial_labour_share",
    nameVi: "Tỷ trọng lao động ngành công nghiệp",
    nameEn: "Share of industrial workers in total employment",
    unit: "%",
    aggregation: "ratio",
    supplier: SLDTBXH,
    frequency: "yearly",
    formula: {
      type: "ratio",
      definition: {
        vi: "Lao động ngành công nghiệp ÷ tổng số lao động đang làm việc × 100.",
        en: "Industrial workers ÷ total employed workers × 100.",
      },
      numerator: "industrial_workers",
      denominator: "total_workers",
      factor: 100,
    },
    validation: { min: 0, max: 100, maxJumpPct: 20 },
  },
  {
    code: "industrial_workers",
    nameVi: "Số lao động ngành công nghiệp",
    nameEn: "Industrial workers",
    unit: "lao động",
    aggregation: "latest",
    supplier: SLDTBXH,
    frequency: "yearly",
    formula: {
      type: "reported",
      definition: {
        vi: "Số lao động đang làm việc trong ngành công nghiệp (người).",
        en: "Employed workers in industry (persons).",
      },
    },
    validation: { min: 0, maxJumpPct: 20 },
  },
  {
    code: "total_workers",
    nameVi: "Tổng số lao động đang làm việc",
    nameEn: "Total employed workers",
    unit: "lao động",
    aggregation: "latest",
    supplier: SLDTBXH,
    frequency: "yearly",
    formula: {
      type: "reported",
      definition: {
        vi: "Mẫu số của tỷ trọng lao động ngành công nghiệp.",
        en: "The denominator of the industrial labour share.",
      },
    },
    validation: { min: 0, maxJumpPct: 20 },
  },
  {
    code: "trained_workers_share",
    nameVi: "Tỷ lệ lao động qua đào tạo",
    nameEn: "Share of trained workers",
    unit: "%",
    aggregation: "latest",
    supplier: SLDTBXH,
    frequency: "yearly",
    formula: {
      type: "reported",
      definition: {
        vi: "Lao động đã qua đào tạo ÷ tổng số lao động × 100 (mục tiêu (2): 'trong đó lao động qua đào tạo chiếm trên 65%').",
        en: "Trained workers ÷ all workers × 100 (target (2): 'of whom trained workers over 65 %').",
      },
    },
    validation: { min: 0, max: 100, maxJumpPct: 20 },
  },
  {
    code: "industry_share_of_grdp",
    nameVi: "Tỷ trọng ngành công nghiệp trong GRDP",
    nameEn: "Share of industry in GRDP",
    unit: "%",
    aggregation: "latest",
    supplier: SKHDT,
    frequency: "yearly",
    formula: {
      type: "reported",
      definition: {
        vi: `Tỷ trọng riêng ngành công nghiệp (không gồm xây dựng) trong tổng sản phẩm trên địa bàn tỉnh (GRDP), %. ${INDUSTRY_ONLY_NOTE.vi}`,
        en: `Share of industry alone (construction excluded) in the province's GRDP, %. ${INDUSTRY_ONLY_NOTE.en}`,
      },
      related: [{ indicator: "industry_and_construction_share_of_grdp", note: INDUSTRY_ONLY_NOTE }],
    },
    validation: { min: 0, max: 100, maxJumpPct: 20 },
  },
  {
    code: "industry_and_construction_share_of_grdp",
    nameVi: "Tỷ trọng khu vực công nghiệp - xây dựng trong GRDP",
    nameEn: "Share of industry and construction in GRDP",
    unit: "%",
    aggregation: "latest",
    supplier: SKHDT,
    frequency: "yearly",
    formula: {
      type: "reported",
      definition: {
        vi: "Tỷ trọng khu vực công nghiệp VÀ xây dựng trong GRDP, %: không phải chỉ tiêu của mục tiêu (3).",
        en: "Share of industry AND construction in GRDP, %: not the measure of target (3).",
      },
    },
    validation: { min: 0, max: 100, maxJumpPct: 20 },
  },
  {
    code: "new_industrial_parks",
    nameVi: "Khu công nghiệp thành lập mới 2021–2025",
    nameEn: "Industrial parks founded 2021–2025",
    unit: "khu công nghiệp",
    aggregation: "latest",
    supplier: BQL,
    frequency: "yearly",
    formula: {
      type: "zone_count",
      definition: {
        vi: "Đếm từ sổ khu, cụm công nghiệp: các khu công nghiệp mục tiêu (4) nêu tên có quyết định thành lập (số, ngày) trong 01/01/2021 – 31/12/2025. Không nhập tay.",
        en: "Counted from the zone registry: the parks target (4) names that have a founding decision (number, date) within 01/01/2021 – 31/12/2025. Never typed.",
      },
      event: "established",
      zoneKind: "industrial_park",
      from: PLAN_FROM,
      to: PLAN_TO,
      named: NAMED_NEW_PARKS,
      namedFrom: "mục tiêu (4), nhiệm vụ 3.1 / target (4), task 3.1",
      countNamedOnly: true,
    },
    validation: null,
  },
  {
    code: "park_expansions",
    nameVi: "Khu công nghiệp điều chỉnh mở rộng 2021–2025",
    nameEn: "Industrial parks expanded 2021–2025",
    unit: "khu công nghiệp",
    aggregation: "latest",
    supplier: BQL,
    frequency: "yearly",
    formula: {
      type: "zone_count",
      definition: {
        vi: "Đếm từ sổ khu, cụm công nghiệp: khu công nghiệp mục tiêu (4) nêu tên có quyết định điều chỉnh mở rộng (số, ngày) trong kỳ kế hoạch.",
        en: "Counted from the zone registry: the park target (4) names with an expansion decision (number, date) within the plan period.",
      },
      event: "expanded",
      zoneKind: "industrial_park",
      from: PLAN_FROM,
      to: PLAN_TO,
      named: NAMED_PARK_EXPANSIONS,
      namedFrom: "mục tiêu (4), nhiệm vụ 3.1 / target (4), task 3.1",
      countNamedOnly: true,
    },
    validation: null,
  },
  {
    code: "new_industrial_clusters",
    nameVi: "Cụm công nghiệp thành lập mới 2021–2025",
    nameEn: "Industrial clusters founded 2021–2025",
    unit: "cụm công nghiệp",
    aggregation: "latest",
    supplier: SCT,
    frequency: "yearly",
    formula: {
      type: "zone_count",
      definition: {
        vi: "Đếm từ sổ khu, cụm công nghiệp: số cụm công nghiệp có quyết định thành lập (số, ngày) trong 01/01/2021 – 31/12/2025; quyết định thiếu số hoặc ngày được liệt kê, không tính. Không nhập tay.",
        en: "Counted from the zone registry: clusters with a founding decision (number, date) within 01/01/2021 – 31/12/2025; a decision without a number or a date is listed, not counted. Never typed.",
      },
      event: "established",
      zoneKind: "industrial_cluster",
      from: PLAN_FROM,
      to: PLAN_TO,
      named: NAMED_NEW_CLUSTERS,
      namedFrom: "nhiệm vụ 3.2 / task 3.2",
      countNamedOnly: false,
    },
    validation: null,
  },
  {
    code: "zone_occupancy_average",
    nameVi: "Tỷ lệ lấp đầy trung bình khu, cụm công nghiệp",
    nameEn: "Average occupancy of industrial parks and clusters",
    unit: "%",
    aggregation: "latest",
    supplier: BQL,
    frequency: "yearly",
    formula: {
      type: "zone_occupancy",
      definition: {
        vi: "Tính từ số liệu diện tích đất đã cho thuê của từng khu, cụm (sổ khu, cụm công nghiệp), theo hai cách: bình quân giản đơn các tỷ lệ và bình quân theo diện tích. Kế hoạch không nói cách nào.",
        en: "Computed from each zone's leased-land snapshots (zone registry), both ways: a simple mean of the rates and an area-weighted rate. The plan does not say which.",
      },
      zoneKinds: ["industrial_park", "industrial_cluster"],
      related: [
        {
          indicator: "industrial_cluster_occupancy",
          note: {
            vi: "Tỷ lệ được báo chí nêu chỉ cho cụm công nghiệp; mục tiêu (6) tính cả khu và cụm công nghiệp.",
            en: "The reported rate covers clusters only; target (6) covers parks and clusters.",
          },
        },
      ],
    },
    validation: null,
  },
  {
    code: "industrial_cluster_occupancy",
    nameVi: "Tỷ lệ lấp đầy cụm công nghiệp (số báo cáo)",
    nameEn: "Industrial cluster occupancy (reported)",
    unit: "%",
    aggregation: "latest",
    supplier: SCT,
    frequency: "monthly",
    formula: {
      type: "reported",
      definition: {
        vi: "Tỷ lệ lấp đầy bình quân các cụm công nghiệp theo số báo cáo (không rõ cách tính bình quân).",
        en: "Average occupancy of the clusters as reported (how it was averaged is not stated).",
      },
    },
    validation: { min: 0, max: 100, maxJumpPct: 30 },
  },
];

/** Which indicator measures each of the plan's measures: target code → indicator per measure (in order). */
export interface MeasureLinkSpec {
  target: string;
  /** The measure's position in the target (0 = first). */
  seq: number;
  indicator: string;
  scope: string;
  baselineYear?: number;
  growthPct?: number;
}

export const MEASURE_LINKS: MeasureLinkSpec[] = [
  {
    target: "1",
    seq: 0,
    indicator: "industrial_production_value_2010_prices",
    scope: SCOPE_PRE_MERGER,
    baselineYear: 2020,
    growthPct: 14,
  },
  {
    target: "1",
    seq: 1,
    indicator: "industrial_production_value_growth",
    scope: SCOPE_PRE_MERGER,
    baselineYear: 2020,
  },
  { target: "2", seq: 0, indicator: "industrial_labour_share", scope: SCOPE_PRE_MERGER },
  { target: "2", seq: 1, indicator: "industrial_workers", scope: SCOPE_PRE_MERGER },
  { target: "2", seq: 2, indicator: "trained_workers_share", scope: SCOPE_PRE_MERGER },
  { target: "3", seq: 0, indicator: "industry_share_of_grdp", scope: SCOPE_PRE_MERGER },
  { target: "4", seq: 0, indicator: "new_industrial_parks", scope: SCOPE_PRE_MERGER },
  { target: "4", seq: 1, indicator: "park_expansions", scope: SCOPE_PRE_MERGER },
  { target: "5", seq: 0, indicator: "new_industrial_clusters", scope: SCOPE_PRE_MERGER },
  { target: "6", seq: 0, indicator: "zone_occupancy_average", scope: SCOPE_PRE_MERGER },
];

const UNIT_ALIASES: Record<string, string> = {
  "billion vnd": "tỷ đồng",
  "bn vnd": "tỷ đồng",
  "tỷ đồng": "tỷ đồng",
  "ty dong": "tỷ đồng",
  "%": "%",
  percent: "%",
  workers: "lao động",
  persons: "lao động",
  người: "lao động",
  "lao động": "lao động",
};

/** A unit as a source wrote it → the plan's word for it ("billion VND" → "tỷ đồng"); unknown ones unchanged. */
export function normaliseUnit(unit: string): string {
  const key = unit.normalize("NFC").trim().toLowerCase();
  return UNIT_ALIASES[key] ?? unit.normalize("NFC").trim();
}

/** True when the indicator's values come from the zone registry, never typed. */
export function isZoneDerived(formula: unknown): boolean {
  const t = (formula as { type?: string } | null)?.type;
  return t === "zone_count" || t === "zone_occupancy";
}
