/**
 * A target's yearly trajectory (lộ trình): the value each year must reach for the target to be
 * met in its final year. Plans give it in two ways: as an annex table (the industrial plan's
 * target (1) refers to "phụ lục I kèm theo", entered by the coordinator), or implicitly as a
 * compound growth rate ("tăng bình quân 05 năm (2021 - 2025) trên 14%").
 *
 * A growth rate and an end value do not always agree. Target (1) asks for "trên 27.700 tỷ đồng"
 * in 2025 AND "trên 14%" a year: from the 2020 value, 14 % a year may end below 27.700. So both
 * paths are offered and labelled: the base-consistent path (where 14 % a year from the base
 * leads) and the goal path (the values that, growing 14 % a year, end exactly at the goal).
 *
 * Rates are fractions: 0.14 means 14 %/year. Texts show them the Vietnamese way ("14%").
 */
import type { Bilingual } from "./indicator-values.ts";
import { formatVnNumber, formatVnPercent } from "./vn-number.ts";

export interface TrajectoryPoint {
  year: number;
  /** The value the year must reach (for a "<" target: must not exceed). */
  required: number;
}

export interface Trajectory {
  /** annex = typed from a plan's annex; from_base / to_goal = derived from a growth rate. */
  kind: "annex" | "from_base" | "to_goal";
  /** One point per year, oldest first. */
  points: TrajectoryPoint[];
  /** How the points were obtained, with the formula: shown beside every judgement. */
  description: Bilingual;
}

const num = (n: number) => formatVnNumber(Number(n.toFixed(2)));
const pct = (r: number) => formatVnPercent(Number((r * 100).toFixed(2)));

function checkYear(name: string, year: number): void {
  if (!Number.isInteger(year)) throw new RangeError(`${name} must be a whole year: ${year}`);
}

function checkGrowth(growth: number): void {
  if (!Number.isFinite(growth) || growth <= -1)
    throw new RangeError(`A growth rate must be a finite fraction above -1 (0.14 = 14 %): ${growth}`);
}

/**
 * The trajectory typed from an annex table (year → required value), as the coordinator enters
 * it; `source` names the annex ("Phụ lục I, Kế hoạch …"). Throws a RangeError for a year that is
 * not whole, a value that is not finite, or a year given twice — an annex is checked, not trusted.
 */
export function trajectoryFromAnnex(
  rows: Readonly<Record<number, number>> | readonly TrajectoryPoint[],
  source: string,
): Trajectory {
  const points: TrajectoryPoint[] = Array.isArray(rows)
    ? rows.map((p) => ({ year: p.year, required: p.required }))
    : Object.entries(rows).map(([y, v]) => ({ year: Number(y), required: v as number }));
  const seen = new Set<number>();
  for (const p of points) {
    checkYear("An annex year", p.year);
    if (!Number.isFinite(p.required)) throw new RangeError(`Annex value for ${p.year} is not a number`);
    if (seen.has(p.year)) throw new RangeError(`Annex gives ${p.year} twice`);
    seen.add(p.year);
  }
  points.sort((a, b) => a.year - b.year);
  return {
    kind: "annex",
    points,
    description: { vi: `Lộ trình theo phụ lục: ${source}`, en: `Trajectory from the annex: ${source}` },
  };
}

/**
 * The base-consistent path: the base value of year B growing at `growth` a year,
 * required(y) = base × (1 + r)^(y − B), for B ≤ y ≤ targetYear. It answers "where does the
 * stated growth rate lead from where we started?". Throws a RangeError for a base that is not
 * positive, a rate ≤ −100 %, or a target year before the base year.
 */
export function trajectoryFromBase(
  base: number,
  baseYear: number,
  growth: number,
  targetYear: number,
): Trajectory {
  checkYear("The base year", baseYear);
  checkYear("The target year", targetYear);
  checkGrowth(growth);
  if (!(base > 0) || !Number.isFinite(base)) throw new RangeError(`A base value must be positive: ${base}`);
  if (targetYear < baseYear)
    throw new RangeError(`Target year ${targetYear} is before base year ${baseYear}`);
  const points: TrajectoryPoint[] = [];
  for (let y = baseYear; y <= targetYear; y++)
    points.push({ year: y, required: base * (1 + growth) ** (y - baseYear) });
  const r = pct(growth);
  return {
    kind: "from_base",
    points,
    description: {
      vi: `Lộ trình từ năm gốc ${baseYear} (${num(base)}), tăng ${r}/năm: yêu cầu(năm) = ${num(base)} × (1 + ${r})^(năm − ${baseYear}).`,
      en: `Path from base year ${baseYear} (${num(base)}) growing ${r}/year: required(year) = ${num(base)} × (1 + ${r})^(year − ${baseYear}).`,
    },
  };
}

/**
 * The goal path: the values that, growing at `growth` a year, end exactly at `goal` in
 * `targetYear`: required(y) = goal ÷ (1 + r)^(T − y), for fromYear ≤ y ≤ T. It answers "where
 * must we be each year to still reach the goal at the stated pace?". Throws a RangeError for a
 * goal that is not positive, a rate ≤ −100 %, or a start after the target year.
 */
export function trajectoryToGoal(
  goal: number,
  targetYear: number,
  growth: number,
  fromYear: number,
): Trajectory {
  checkYear("The start year", fromYear);
  checkYear("The target year", targetYear);
  checkGrowth(growth);
  if (!(goal > 0) || !Number.isFinite(goal)) throw new RangeError(`A goal must be positive: ${goal}`);
  if (targetYear < fromYear)
    throw new RangeError(`Target year ${targetYear} is before start year ${fromYear}`);
  const points: TrajectoryPoint[] = [];
  for (let y = fromYear; y <= targetYear; y++)
    points.push({ year: y, required: goal / (1 + growth) ** (targetYear - y) });
  const r = pct(growth);
  return {
    kind: "to_goal",
    points,
    description: {
      vi: `Lộ trình về đích: đạt ${num(goal)} năm ${targetYear}, tăng ${r}/năm: yêu cầu(năm) = ${num(goal)} ÷ (1 + ${r})^(${targetYear} − năm).`,
      en: `Path to the goal: ${num(goal)} in ${targetYear} at ${r}/year: required(year) = ${num(goal)} ÷ (1 + ${r})^(${targetYear} − year).`,
    },
  };
}

/** The value a trajectory requires in `year`; null when the trajectory says nothing for it. */
export function requiredIn(trajectory: Trajectory, year: number): number | null {
  return trajectory.points.find((p) => p.year === year)?.required ?? null;
}

/**
 * The average yearly growth realised between two values: (to ÷ from)^(1/(toYear − fromYear)) − 1,
 * as the plan's "tăng bình quân 05 năm (2021 - 2025)" is measured (from the 2020 value to the
 * 2025 value: five growth years). Null when a value is not positive or no year lies between.
 */
export function averageGrowth(from: number, fromYear: number, to: number, toYear: number): number | null {
  const years = toYear - fromYear;
  if (!(from > 0) || !(to > 0) || !Number.isFinite(from) || !Number.isFinite(to) || !(years > 0)) return null;
  return (to / from) ** (1 / years) - 1;
}

export type RequiredGrowth =
  | {
      /** Growth per year still needed (0.167 = 16,7 %); ≤ 0 when the goal is already reached. */
      growth: number;
      yearsLeft: number;
      alreadyReached: boolean;
      text: Bilingual;
    }
  | { growth: null; yearsLeft: number; alreadyReached: boolean; reason: Bilingual };

/**
 * The growth per year needed in the remaining years to still reach the goal:
 * (goal ÷ current)^(1/(T − y)) − 1. When the goal is already reached the answer is 0 or
 * negative: the value may shrink by that much a year and still meet it. Null, with the reason,
 * when no year is left (the final value decides, see evaluation.ts) or a value is not positive
 * (growth of a value through zero has no meaning).
 */
export function requiredGrowth(
  current: number,
  currentYear: number,
  goal: number,
  targetYear: number,
): RequiredGrowth {
  const yearsLeft = targetYear - currentYear;
  const alreadyReached = current >= goal;
  if (!Number.isFinite(current) || !Number.isFinite(goal) || current <= 0 || goal <= 0)
    return {
      growth: null,
      yearsLeft,
      alreadyReached,
      reason: {
        vi: "Không tính được mức tăng cần thiết: giá trị hiện tại và mục tiêu phải là số dương.",
        en: "No required growth: the current value and the goal must be positive numbers.",
      },
    };
  if (yearsLeft <= 0)
    return {
      growth: null,
      yearsLeft,
      alreadyReached,
      reason: {
        vi: `Không còn năm nào đến ${targetYear}: kết quả do giá trị năm ${targetYear} quyết định.`,
        en: `No years are left until ${targetYear}: the ${targetYear} value decides.`,
      },
    };
  const growth = (goal / current) ** (1 / yearsLeft) - 1;
  const formula = `(${num(goal)} ÷ ${num(current)})^(1/${yearsLeft}) − 1 = ${pct(growth)}`;
  return {
    growth,
    yearsLeft,
    alreadyReached,
    text: alreadyReached
      ? {
          vi: `Đã đạt mục tiêu: có thể giảm tới ${pct(-growth)}/năm trong ${yearsLeft} năm còn lại mà vẫn đạt (${formula}).`,
          en: `Goal already reached: the value may fall by up to ${pct(-growth)}/year for the ${yearsLeft} remaining years (${formula}).`,
        }
      : {
          vi: `Cần tăng bình quân ${pct(growth)}/năm trong ${yearsLeft} năm còn lại (${formula}).`,
          en: `Needs ${pct(growth)}/year on average in the ${yearsLeft} remaining years (${formula}).`,
        },
  };
}

/**
 * For a growth-rate target ("tăng bình quân 05 năm (2021 - 2025) trên 14%"): the growth per year
 * still needed in the remaining years for the whole period's average to reach the goal rate.
 * With a average `a` achieved from base year B to year y, the period's end T needs
 * (1 + goal)^(T − B) = (1 + a)^(y − B) × (1 + g)^(T − y), so
 * g = ((1 + goal)^(T − B) ÷ (1 + a)^(y − B))^(1/(T − y)) − 1. Rates here are in percent (14 = 14 %),
 * as the target states them. This is rate maths: the rate is never "grown" like a level.
 */
export function requiredGrowthForAverage(
  averagePct: number,
  year: number,
  goalPct: number,
  targetYear: number,
  baseYear: number,
): RequiredGrowth {
  const yearsLeft = targetYear - year;
  const alreadyReached = averagePct >= goalPct;
  if (yearsLeft <= 0 || year <= baseYear || !Number.isFinite(averagePct) || averagePct <= -100)
    return {
      growth: null,
      yearsLeft,
      alreadyReached,
      reason: {
        vi: `Không còn năm nào đến ${targetYear}: kết quả do tốc độ tăng bình quân cả giai đoạn quyết định.`,
        en: `No years are left until ${targetYear}: the whole period's average growth decides.`,
      },
    };
  const a = averagePct / 100;
  const r = goalPct / 100;
  const g = ((1 + r) ** (targetYear - baseYear) / (1 + a) ** (year - baseYear)) ** (1 / yearsLeft) - 1;
  const formula = `((1 + ${pct(r)})^${targetYear - baseYear} ÷ (1 + ${pct(a)})^${year - baseYear})^(1/${yearsLeft}) − 1 = ${pct(g)}`;
  return {
    growth: g,
    yearsLeft,
    alreadyReached,
    text: {
      vi: `Để tăng bình quân ${baseYear + 1}–${targetYear} đạt ${pct(r)}/năm, ${yearsLeft === 1 ? `năm ${targetYear}` : `${yearsLeft} năm còn lại`} cần tăng ${yearsLeft === 1 ? "" : "bình quân "}${pct(g)}${yearsLeft === 1 ? "" : "/năm"} (${formula}).`,
      en: `For the ${baseYear + 1}–${targetYear} average to reach ${pct(r)}/year, ${yearsLeft === 1 ? targetYear : `the ${yearsLeft} remaining years`} need ${pct(g)}${yearsLeft === 1 ? "" : "/year on average"} (${formula}).`,
    },
  };
}
