/**
 * When a figure could be known. "As of" evaluation must use only what was known on a date
 * (issue 4 §2), but figures loaded after the fact — the province's reported figures gathered
 * from the press in 2026 — were entered long after they were published. A figure's own
 * publication date wins when it is recorded; a figure entered live in the system is known from
 * its entry; for a figure loaded from history without a publication date the earliest day it
 * could have been known is used and labelled as such — never a date invented for it:
 * an outcome (estimate, preliminary, official) from the end of its statistical period, a plan
 * figure from the start of its period (a year's target is set before the year runs).
 *
 * Statistical periods are calendar periods (GSO practice: "6 tháng đầu năm" is January–June),
 * not the reporting cut-off windows of Decree 09/2019 Art. 12 (src/domain/periods.ts).
 */
import { parsePeriodLabel } from "./periods.ts";

/** Calendar first and last day of a figure's period label ("2025", "2025-Q1", "2025-H1", "2024-9M", "2025-01"). */
export function figurePeriodBounds(label: string): { start: string; end: string } | null {
  const p = parsePeriodLabel(label);
  if (!p) return null;
  const y = p.year;
  const lastDay = (month: number) => new Date(Date.UTC(y, month, 0)).getUTCDate();
  const span = (m1: number, m2: number) => ({
    start: `${y}-${String(m1).padStart(2, "0")}-01`,
    end: `${y}-${String(m2).padStart(2, "0")}-${String(lastDay(m2)).padStart(2, "0")}`,
  });
  switch (p.frequency) {
    case "monthly":
      return span(p.index, p.index);
    case "quarterly":
      return span(3 * p.index - 2, 3 * p.index);
    case "half-yearly":
      return span(6 * p.index - 5, 6 * p.index);
    case "nine-month":
      return span(1, 9);
    case "yearly":
      return span(1, 12);
  }
}

/** How a figure's "known on" day was found: shown beside it so nobody mistakes a bound for a date. */
export type KnownOnBasis = "published" | "entered" | "period_end_assumed" | "period_start_assumed";

export interface FigureDating {
  period: string;
  kind: string;
  /** The source's publication date, when recorded. */
  publishedOn: string | null;
  /** entry | upload | report | seed. */
  origin: string;
  /** ISO day (Vietnam) the figure was entered in the system. */
  enteredOn: string;
}

/** The first day a figure counts in an "as of" evaluation, and why that day. */
export function figureKnownOn(f: FigureDating): { day: string; basis: KnownOnBasis } {
  if (f.publishedOn) return { day: f.publishedOn, basis: "published" };
  if (f.origin !== "seed") return { day: f.enteredOn, basis: "entered" };
  const bounds = figurePeriodBounds(f.period);
  if (!bounds) return { day: f.enteredOn, basis: "entered" };
  return f.kind === "plan"
    ? { day: bounds.start, basis: "period_start_assumed" }
    : { day: bounds.end, basis: "period_end_assumed" };
}
