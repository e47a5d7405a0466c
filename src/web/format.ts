import type { Lang } from "./i18n.ts";

/**
 * Numbers the way each language writes them: Vietnamese "27.700" and "25,8";
 * English "27,700" and "25.8". Written by hand so the result does not depend
 * on the ICU data of the browser.
 */
export function formatNumber(value: number, lang: Lang, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const [group, decimal] = lang === "vi" ? [".", ","] : [",", "."];
  const sign = value < 0 ? "-" : "";
  const fixed = Math.abs(value)
    .toFixed(maxDecimals)
    .replace(/\.?0+$/, "");
  const [int = "0", frac] = fixed.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return sign + grouped + (frac ? decimal + frac : "");
}

/** A measure's value with its unit: "27.700 tỷ đồng", "25,8%". */
export function formatQuantity(value: number, unit: string, lang: Lang): string {
  const n = formatNumber(value, lang);
  if (!unit) return n;
  return unit === "%" ? `${n}%` : `${n} ${unit}`;
}

/** "2022-03-31" → "31/03/2022"; anything else is returned as given. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "2021 – 2025", or the one year known. */
export function formatPeriod(start: number | null, end: number | null): string {
  if (start && end) return start === end ? String(start) : `${start} – ${end}`;
  return String(start ?? end ?? "");
}
