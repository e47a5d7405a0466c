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
  // Trailing zeros are dropped from the decimals only: 0 stays "0" and 100 stays "100".
  const fixed = Math.abs(value)
    .toFixed(maxDecimals)
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
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

/** Today's date in Vietnam (UTC+7), "YYYY-MM-DD": deadlines are Vietnamese dates. */
export function todayVn(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** An instant as Vietnam's date and time: "15/03/2022 14:05". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const vn = new Date(t + 7 * 3600_000).toISOString();
  return `${formatDate(vn.slice(0, 10))} ${vn.slice(11, 16)}`;
}

const ROMAN = ["I", "II", "III", "IV"];
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A period label as people write it: "2022-Q1" → "Quý I/2022" / "Q1 2022"; "2022-03" → "Tháng 3/2022". */
export function periodName(label: string, lang: Lang): string {
  const m = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])|(9M)))?$/.exec(label);
  if (!m) return label;
  const y = m[1] as string;
  const vi = lang === "vi";
  if (m[2]) {
    const n = Number(m[2]);
    return vi ? `Tháng ${n}/${y}` : `${MONTHS_EN[n - 1] ?? m[2]} ${y}`;
  }
  if (m[3]) return vi ? `Quý ${ROMAN[Number(m[3]) - 1]}/${y}` : `Q${m[3]} ${y}`;
  if (m[4]) {
    const first = m[4] === "1";
    return vi ? `6 tháng ${first ? "đầu" : "cuối"} năm ${y}` : `${first ? "First" : "Second"} half ${y}`;
  }
  if (m[5]) return vi ? `9 tháng năm ${y}` : `Nine months ${y}`;
  return vi ? `Năm ${y}` : `Year ${y}`;
}

/** A file size: "12 KB", "1,5 MB" (vi) / "1.5 MB" (en). */
export function formatSize(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, lang, 0)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, lang, 1)} MB`;
}

/** "75%" of n out of d, or "—" when nothing is expected. */
export function formatRate(n: number, d: number, lang: Lang): string {
  return d > 0 ? `${formatNumber((100 * n) / d, lang, 0)}%` : "—";
}
