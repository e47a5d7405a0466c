/**
 * How a target evaluation is written for a reader (evaluation.ts): the comparator in words
 * ("trên 27.700 tỷ đồng", "ít nhất 5 cụm công nghiệp" — never ">=" in Vietnamese prose), dates
 * "31/12/2025" and periods "Quý I/2025" (REGULATIONS.md §3: Vietnamese administrative writing
 * has no ISO dates or codes), and what the final evaluation of an ended target waits for.
 */
import { type Bilingual, SCOPE_PRE_MERGER } from "./indicator-values.ts";
import { periodTitle } from "./periods.ts";
import { formatVnNumber } from "./vn-number.ts";

export type Comparator = ">" | ">=" | "=" | "<" | "<=";

/** What a measure measures, which decides the maths that apply to it (evaluation.ts). */
export type Nature = "level" | "growth_rate" | "count";

const WORDS: Readonly<Record<Comparator, Bilingual>> = {
  ">": { vi: "trên", en: "above" },
  ">=": { vi: "ít nhất", en: "at least" },
  "=": { vi: "", en: "" },
  "<": { vi: "dưới", en: "below" },
  "<=": { vi: "không quá", en: "at most" },
};

/** The comparator as a word ("trên", "ít nhất"; "" for "="), as plans write it. */
export function comparatorWord(c: string, lang: "vi" | "en"): string {
  return WORDS[c as Comparator]?.[lang] ?? c;
}

/** A number the Vietnamese way, two decimals at most ("27.700", "16,56"). */
export const num = (n: number) => formatVnNumber(Number(n.toFixed(2)));

/** A value with its unit: "27.700 tỷ đồng", "14%", for a growth rate "14%/năm". */
export function quantity(value: number, unit: string, nature: Nature, lang: "vi" | "en"): string {
  // English groups with "," and uses "." for decimals: the Vietnamese form with the two swapped.
  const n = lang === "vi" ? num(value) : num(value).replace(/[.,]/g, (c) => (c === "." ? "," : "."));
  if (unit === "%") return `${n}%${nature === "growth_rate" ? (lang === "vi" ? "/năm" : "/year") : ""}`;
  return unit ? `${n} ${unit}` : n;
}

/** "trên 27.700 tỷ đồng", "ít nhất 5 cụm công nghiệp", "3 khu công nghiệp". */
export function goalWords(
  m: { comparator: string; value: number; unit: string },
  nature: Nature,
  lang: "vi" | "en",
): string {
  const w = comparatorWord(m.comparator, lang);
  const q = quantity(m.value, m.unit, nature, lang);
  return w ? `${w} ${q}` : q;
}

/** "2025-12-31" → "31/12/2025" (Vietnamese and English pages alike write dates day first). */
export function vnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A period code in words: "2025-Q1" → "Quý I/2025" / "Q1 2025"; unknown codes as given. */
export function periodWords(code: string, lang: "vi" | "en"): string {
  return periodTitle(code)?.[lang] ?? code;
}

/** A territorial scope in words: "Tuyên Quang (pre-merger)" → "tỉnh Tuyên Quang trước sáp nhập". */
export function scopeWords(scope: string, lang: "vi" | "en"): string {
  const m = /^(.+) \((pre-merger|merged)\)$/.exec(scope);
  if (!m) return scope;
  const pre = m[2] === "pre-merger";
  return lang === "vi"
    ? `tỉnh ${m[1]} ${pre ? "trước sáp nhập" : "sau sáp nhập"}`
    : `${m[1]} ${pre ? "before the merger" : "after the merger"}`;
}

/**
 * What the final evaluation of a reported figure's target year waits for, and when it usually
 * comes: the statistics office's preliminary figure in the year-end socio-economic report (early
 * in the next year), the official one in the provincial statistical yearbook (Niên giám thống kê,
 * around mid next year). Past that time the text says so, so nobody waits for a figure that is
 * only missing from the system. For a target of the pre-merger province whose year runs past
 * 01/07/2025 (REGULATIONS.md §5), the figure must be for the old territory, which the merged
 * province's statistics may not publish separately.
 */
export function finalFigureAwaited(
  year: number,
  asOf: string,
  supplier: string | null,
  scope: string | null,
): Bilingual {
  const overdue = asOf > `${year + 1}-07-31`;
  const merger = scope === SCOPE_PRE_MERGER && year >= 2025;
  return {
    vi:
      `Đánh giá cuối cùng chờ số liệu năm ${year}${supplier ? ` do ${supplier} cung cấp` : ""}, theo số liệu của cơ quan thống kê: số sơ bộ thường có vào đầu năm ${year + 1}, số chính thức trong Niên giám thống kê khoảng tháng 7/${year + 1}.` +
      (overdue ? " Đã quá thời điểm thường công bố: cần nhập số liệu khi có." : "") +
      (merger
        ? " Tỉnh đã sáp nhập từ 01/7/2025, nên cần số liệu tính riêng cho địa bàn tỉnh Tuyên Quang trước sáp nhập."
        : ""),
    en:
      `The final evaluation awaits the ${year} figure${supplier ? ` supplied by ${supplier}` : ""}, from the statistics office: the preliminary figure usually comes early in ${year + 1}, the official one in the statistical yearbook around July ${year + 1}.` +
      (overdue ? " The usual publication time has passed: enter the figure when it is available." : "") +
      (merger
        ? " As the province merged on 01/07/2025, the figure must be for the territory of Tuyên Quang before the merger."
        : ""),
  };
}
