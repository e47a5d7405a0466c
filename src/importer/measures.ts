/**
 * Reading the numbers of a target sentence: "đạt trên 27.700 tỷ đồng" → {27700, "tỷ đồng", ">"}.
 * Vietnamese writes thousands with a dot and decimals with a comma (GLOSSARY.md). Comparators:
 * "trên"/"hơn" → ">", "ít nhất"/"tối thiểu"/"từ … trở lên" → ">=", "dưới" → "<",
 * "không quá"/"tối đa" → "<=", otherwise "=". Years, durations ("05 năm") and document numbers
 * are not measures.
 */
import { parseVnNumber } from "../domain/vn-number.ts";
import type { MeasureJson } from "./plan-json.ts";

const MULTI_UNITS = [
  "nghìn tỷ đồng",
  "tỷ đồng",
  "triệu đồng",
  "triệu USD",
  "tỷ USD",
  "USD",
  "cụm công nghiệp",
  "khu công nghiệp",
  "khu kinh tế",
  "lao động",
  "doanh nghiệp",
  "dự án",
  "hợp tác xã",
  "làng nghề",
  "sản phẩm",
  "cơ sở",
  "nhà máy",
  "trung tâm",
  "người",
  "hộ",
  "xã",
  "thôn",
  "mỏ",
  "cụm",
  "khu",
  "ha",
  "km",
  "MW",
  "kWh",
  "tấn",
  "m3",
  "chợ",
  "lượt",
  "điểm",
  "sáng kiến",
  "đề tài",
];
const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const UNIT_ALT = MULTI_UNITS.map((u) => u.replace(/\s/g, "\\s+")).join("|");
const MEASURE = new RegExp(String.raw`(${NUMBER})\s*(%(?:\s*\/\s*năm)?|(?:${UNIT_ALT})(?![\p{L}]))`, "giu");

function comparatorFor(before: string, after: string): MeasureJson["comparator"] {
  const b = before.toLowerCase();
  const a = after.toLowerCase();
  if (/(ít nhất|tối thiểu|không dưới|không thấp hơn|không ít hơn)\s*$/.test(b)) return ">=";
  if (/(?<![\p{L}])từ\s*$/u.test(b) && /^[^.;]{0,120}?trở lên/.test(a)) return ">=";
  if (/(trên|hơn|vượt)\s*$/.test(b)) return ">";
  if (/(không quá|tối đa|không vượt quá|không cao hơn)\s*$/.test(b)) return "<=";
  if (/(dưới|thấp hơn)\s*$/.test(b)) return "<";
  if (/^[^.;,]{0,60}?trở lên/.test(a)) return ">=";
  return "=";
}

/** All measures in a target's text, in order of appearance. */
export function extractMeasures(text: string): MeasureJson[] {
  const out: MeasureJson[] = [];
  let clauseFrom = 0;
  for (const m of text.matchAll(MEASURE)) {
    const idx = m.index ?? 0;
    const before = text.slice(0, idx);
    // A document number or date ("số 25-NQ", "25/5/2021") is not a measure.
    if (/[/-]\s*$/.test(before) || /^\d*[/-]/.test(text.slice(idx + (m[1]?.length ?? 0)))) continue;
    const value = parseVnNumber(m[1] ?? "");
    if (value === null) continue;
    const unit = (m[2] ?? "").replace(/\s+/g, " ").replace(/\s*\/\s*/, "/");
    const after = text.slice(idx + m[0].length);
    // The measure's words run from the end of the previous measure (or a ";" / ":") to its unit.
    const cut = Math.max(clauseFrom, before.lastIndexOf(";") + 1, before.lastIndexOf(":") + 1);
    const clause = `${before.slice(cut)}${m[0]}`
      .replace(/^[\s,.;:)]+/, "")
      .replace(/^và\s+/, "")
      .trim();
    clauseFrom = idx + m[0].length;
    out.push({ value, unit, comparator: comparatorFor(before.slice(-30), after), text: clause });
  }
  return out;
}

const ZONE = /(?<![\p{L}])(Khu công nghiệp|Cụm công nghiệp|KCN|CCN)\s+(?=[A-ZĐ])/gu;

/**
 * A target with no number that names zones ("thành lập mới: Khu công nghiệp Nam Sơn Dương,
 * Khu công nghiệp Tam Đa … ; điều chỉnh mở rộng Khu công nghiệp Long Bình An") counts them,
 * clause by clause, so targets 4 and 5 of the Tuyên Quang plan can be measured.
 */
export function countNamedZones(text: string): MeasureJson[] {
  const out: MeasureJson[] = [];
  for (const clause of text.split(";")) {
    const hits = [...clause.matchAll(ZONE)];
    if (hits.length === 0) continue;
    const kind = /^(Cụm|CCN)/.test(hits[0]?.[1] ?? "") ? "cụm công nghiệp" : "khu công nghiệp";
    out.push({ value: hits.length, unit: kind, comparator: "=", text: clause.trim().replace(/[.]$/, "") });
  }
  return out;
}
