/**
 * Which province a territorial scope belongs to, so that a figure is written only by the
 * province it describes (issue 8, defect 10: a Lào Cai coordinator stored an official figure for
 * Tuyên Quang). Scopes name a territory ("Tuyên Quang (pre-merger)", "Tuyên Quang (merged)",
 * "Hà Giang (pre-merger)", see indicator-values.ts); plans name their province ("Tuyên Quang",
 * "" for a central body). Both are compared as the province that holds the territory today:
 * from 01/07/2025 (Nghị quyết 202/2025/QH15) 29 provinces were merged into others — the former
 * Hà Giang is part of Tuyên Quang, so its pre-merger figures are Tuyên Quang's to write.
 */

/** The province each absorbed one was merged into on 01/07/2025 (Nghị quyết 202/2025/QH15). */
// biome-ignore format: a table reads better one merger a line
const MERGED_INTO: Readonly<Record<string, string>> = {
  "Hà Giang": "Tuyên Quang",
  "Yên Bái": "Lào Cai",
  "Bắc Kạn": "Thái Nguyên",
  "Vĩnh Phúc": "Phú Thọ", "Hòa Bình": "Phú Thọ",
  "Bắc Giang": "Bắc Ninh",
  "Thái Bình": "Hưng Yên",
  "Hải Dương": "Hải Phòng",
  "Hà Nam": "Ninh Bình", "Nam Định": "Ninh Bình",
  "Quảng Bình": "Quảng Trị",
  "Quảng Nam": "Đà Nẵng",
  "Kon Tum": "Quảng Ngãi",
  "Bình Định": "Gia Lai",
  "Ninh Thuận": "Khánh Hòa",
  "Đắk Nông": "Lâm Đồng", "Bình Thuận": "Lâm Đồng",
  "Phú Yên": "Đắk Lắk",
  "Bình Dương": "Hồ Chí Minh", "Bà Rịa - Vũng Tàu": "Hồ Chí Minh",
  "Bình Phước": "Đồng Nai",
  "Long An": "Tây Ninh",
  "Sóc Trăng": "Cần Thơ", "Hậu Giang": "Cần Thơ",
  "Bến Tre": "Vĩnh Long", "Trà Vinh": "Vĩnh Long",
  "Tiền Giang": "Đồng Tháp",
  "Bạc Liêu": "Cà Mau",
  "Kiên Giang": "An Giang",
  // Renamed when it became a centrally-run city (01/01/2025).
  "Thừa Thiên Huế": "Huế",
};

/** The 34 provinces and centrally-run cities from 01/07/2025. */
// biome-ignore format: a list of names reads better packed
const PROVINCES_2025: readonly string[] = [
  "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa",
  "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh",
  "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai",
  "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ",
  "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
];

/** Every name a province is written with (before and after the mergers), longest first. */
const NAMES: readonly string[] = [...PROVINCES_2025, ...Object.keys(MERGED_INTO)].sort(
  (a, b) => b.length - a.length,
);

const fold = (s: string) => s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

/** Each name as a whole word (not inside another word), case-folded. */
const PATTERNS = NAMES.map((name) => ({
  name,
  re: new RegExp(`(^|[^\\p{L}])${fold(name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "u"),
}));

/**
 * The province that holds a (possibly former) province's territory today: "Hà Giang" →
 * "Tuyên Quang", "Tuyên Quang" → "Tuyên Quang"; a name that is not a province is returned as
 * written (trimmed), "" (a central body's plan) stays "".
 */
export function currentProvince(name: string): string {
  const key = fold(name);
  const known = NAMES.find((n) => fold(n) === key);
  if (!known) return name.normalize("NFC").trim();
  return MERGED_INTO[known] ?? known;
}

/**
 * The province (as today) whose territory a scope describes: "Tuyên Quang (pre-merger)",
 * "Tuyên Quang (merged)" and "Hà Giang (pre-merger)" → "Tuyên Quang"; "Yên Bái" → "Lào Cai".
 * "" when the scope names no province (e.g. "Cả nước": national, written by central bodies'
 * plans); null when it names provinces of more than one (nobody but an administrator writes it).
 */
export function scopeProvince(scope: string): string | null {
  let text = fold(scope);
  const found = new Set<string>();
  // Longest names first, each found one blanked out: "Thừa Thiên Huế" is not also "Huế".
  for (const { name, re } of PATTERNS) {
    if (!re.test(text)) continue;
    found.add(MERGED_INTO[name] ?? name);
    text = text.replace(re, "$1 ");
  }
  if (found.size > 1) return null;
  return [...found][0] ?? "";
}
