/**
 * The words around the dates of a deadline phrase: cleaning the cell text, cutting the
 * connecting words ("trong", "trước", "xong"…) off an action, and finding the product a
 * submission produces ("Trình UBND tỉnh KH" → action "Trình UBND tỉnh", product "Kế hoạch";
 * GLOSSARY.md "Deadline phrases": KH = Kế hoạch; also Dự án, Quy hoạch, Đề án, Chính sách, Quy chế).
 */

/**
 * Cleans a deadline cell as imported: Unicode NFC (Vietnamese text arrives both precomposed and
 * decomposed), italics/bold markup and "*" removed, every dash read as "-", whitespace collapsed,
 * bullets and trailing punctuation trimmed ("Thường xuyên." → "Thường xuyên").
 */
export function normaliseDeadline(text: string): string {
  return String(text ?? "")
    .normalize("NFC")
    .replace(/<\/?(?:i|b|em|strong|u)>/giu, " ")
    .replace(/\*/g, " ")
    .replace(/[\u200b-\u200d\ufeff]/gu, "")
    .replace(/[\u2010-\u2015\u2212]/gu, "-")
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/^[-+•·,;:.\s]+/u, "")
    .replace(/[\s.,;:!?]+$/u, "");
}

const W = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";

/** Words that link an action to its date; cut from the end of an action, repeatedly. */
const TRAILING = new RegExp(
  `(?:^|\\s|[,;:(-])\\s*(?:${[
    "hoàn thành",
    "xong",
    "trong(?: thời gian| vòng)?",
    "vào",
    "trước",
    "đến(?: hết)?",
    "hết",
    "tới",
    "kể từ",
    "từ",
    "chậm nhất(?: là)?",
    "muộn nhất(?: là)?",
    "thời gian",
    "thời hạn",
    "hạn",
    "ngày",
    "giai đoạn",
    "thời kỳ",
    "cuối",
    "khoảng",
    "dự kiến",
    "là",
    "và",
  ].join("|")})\\s*[,;:-]*\\s*$`,
  "iu",
);

/** Punctuation and "và"/"hoặc" that join two dates: cut from the start of the next clause. */
const LEADING = new RegExp(`^(?:[\\s,;:()&+-]|${W}(?:và|hoặc)${E})+`, "iu");

/** Cuts leading joiners ("và", ",", "-") from a piece of a phrase. */
export function stripLeading(text: string): string {
  return text.replace(LEADING, "");
}

/**
 * The action written before a date, without the words that only connect it to the date:
 * "Trình UBND tỉnh trong" → "Trình UBND tỉnh"; "… và vận hành xong trước" → "… và vận hành";
 * "Xong trong" → "" (no action). Only the end is cut, so "Hoàn thành đầu tư" keeps its verb.
 */
export function actionWords(text: string): string {
  let s = stripLeading(text).replace(/[\s,;:-]+$/u, "");
  for (let guard = 0; guard < 20; guard++) {
    const next = s.replace(TRAILING, "").replace(/[\s,;:-]+$/u, "");
    if (next === s) break;
    s = next;
  }
  return s.trim();
}

/**
 * Where a new clause starts inside a piece of a phrase: after the last ". " or ";" (so
 * "…Quý I/2022. Xây dựng quy hoạch… trong" gives "Xây dựng quy hoạch… trong"). Returns -1 when
 * the piece has no clause break, i.e. it continues the clause of the previous date.
 */
export function lastClauseStart(text: string): number {
  let at = -1;
  for (const m of text.matchAll(/(?:\.(?=\s|$)|;)\s*/gu)) at = (m.index ?? 0) + m[0].length;
  return at;
}

/** Verbs after which a named document is the thing produced (submit, issue, approve, draft…). */
const SUBMISSION = new RegExp(
  `${W}(?:trình|ban hành|phê duyệt|gửi|nộp|xây dựng|hoàn thiện|lập|tham mưu|soạn thảo)${E}`,
  "iu",
);

/** Products and their written forms; abbreviations expanded (KH = Kế hoạch, QH = Quy hoạch). */
const PRODUCTS: Array<[string, string]> = [
  ["kế hoạch|kh", "Kế hoạch"],
  ["quy hoạch|qh", "Quy hoạch"],
  ["dự án", "Dự án"],
  ["đề án", "Đề án"],
  ["chính sách", "Chính sách"],
  ["quy chế", "Quy chế"],
  ["quy định", "Quy định"],
  ["chương trình", "Chương trình"],
  ["nghị quyết|nq", "Nghị quyết"],
  ["quyết định|qđ", "Quyết định"],
  ["phương án", "Phương án"],
  ["báo cáo|bc", "Báo cáo"],
];
const PRODUCT_RE = new RegExp(`${W}(${PRODUCTS.map(([forms]) => forms).join("|")})${E}`, "iu");

function canonicalProduct(word: string): string | undefined {
  const lower = word.toLowerCase();
  return PRODUCTS.find(([forms]) => forms.split("|").includes(lower))?.[1];
}

/**
 * Splits the product out of an action (GLOSSARY.md: "Trình UBND tỉnh KH trong Quý IV/2021"
 * names the product, KH = Kế hoạch). A product counts only after a submission verb, so
 * "Tích hợp QH tỉnh" (integrate into the provincial plan) has none. When the product ends the
 * action it is removed from it ("Trình UBND tỉnh Dự án" → "Trình UBND tỉnh" + "Dự án"); when
 * words follow it ("Xây dựng quy hoạch các vùng nguyên liệu") the action is kept whole.
 */
export function splitProduct(action: string): { action?: string; product?: string } {
  const verb = SUBMISSION.exec(action);
  if (!verb) return action === "" ? {} : { action };
  const afterVerb = verb.index + verb[0].length;
  const m = PRODUCT_RE.exec(action.slice(afterVerb));
  const product = m ? canonicalProduct(m[1] ?? "") : undefined;
  if (!m || !product) return { action };
  const productStart = afterVerb + m.index;
  const rest = action.slice(productStart + m[0].length).trim();
  if (rest !== "") return { action, product };
  const before = action.slice(0, productStart).replace(/[\s,;:-]+$/u, "");
  return before === "" ? { product } : { action: before, product };
}
