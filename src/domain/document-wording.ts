/**
 * The fixed wording of the documents kehoach writes, as rules (Decree 30/2020/NĐ-CP Appendix I,
 * REGULATIONS.md §3; GLOSSARY.md): the issuing body's lines, the number's abbreviation, a period
 * in words, dates "05/04/2022", the signature block. Pure: no I/O. Nothing here names a province
 * or an agency: the product serves any plan, and Tuyên Quang is only the demo. Also the words of
 * the urging letter and the review: a draft's blank number, a target's verdict, a task's role.
 */
import type { Status } from "./evaluation.ts";
import { parsePeriodLabel } from "./periods.ts";
import { formatVnNumber, formatVnPercent } from "./vn-number.ts";

const ROMAN = ["I", "II", "III", "IV"];

/** Capitals the Vietnamese way ("Tuyên Quang" → "TUYÊN QUANG"): the letterhead is in capitals (Appendix I, item 2). */
export function upperVi(text: string): string {
  return text.normalize("NFC").toLocaleUpperCase("vi");
}

/** "2022-04-05" → "05/04/2022" (Vietnamese documents write dates dd/mm/yyyy; never ISO in prose). */
export function vnDateText(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}

/**
 * A period in words as a report's summary line writes it (trích yếu): "Quý I năm 2022",
 * "Tháng 3 năm 2022", "6 tháng đầu năm 2022", "9 tháng năm 2022", "năm 2022". The short form
 * "Quý I/2022" (periods.ts `periodTitle`) is for tables and pages; a sentence spells "năm".
 */
export function periodInWords(label: string): string {
  const p = parsePeriodLabel(label);
  if (!p) throw new RangeError(`not a period label: ${label}`);
  switch (p.frequency) {
    case "monthly":
      return `tháng ${p.index} năm ${p.year}`;
    case "quarterly":
      return `Quý ${ROMAN[p.index - 1]} năm ${p.year}`;
    case "half-yearly":
      return `6 tháng ${p.index === 1 ? "đầu" : "cuối"} năm ${p.year}`;
    case "nine-month":
      return `9 tháng năm ${p.year}`;
    case "yearly":
      return `năm ${p.year}`;
  }
}

/** Capital first letter, for a period in words at the start of a line ("Tháng 3 năm 2022"). */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/**
 * The parent body of a provincial agency in the letterhead (Appendix I, item 2: "tên cơ quan
 * chủ quản" above the issuing body): "UBND TỈNH <PROVINCE>". A body outside a province (a
 * central plan) takes the plan issuer's name, in capitals.
 */
export function issuerParentLine(province: string, planIssuer: string | null): string {
  if (province.trim()) return `UBND TỈNH ${upperVi(province.trim())}`;
  return upperVi(planIssuer ?? "");
}

const SMALL_WORDS = new Set(["và", "các", "của"]);

/**
 * The issuing body's abbreviation in a document number (Decree 30 Appendix III: "Số: …/BC-SCT"):
 * its registered short name when that is already an abbreviation ("SCT"), else the initials
 * of its name without "và", "các", "của" ("Sở Kế hoạch và Đầu tư" → "SKHĐT"). Đ stays Đ.
 */
export function agencyAbbreviation(name: string, shortName?: string | null): string {
  const s = (shortName ?? "").trim();
  if (/^[A-ZĐ&-]{2,}$/u.test(s)) return s.replace(/&/g, "");
  return name
    .normalize("NFC")
    .split(/[\s,-]+/)
    .filter((w) => w && !SMALL_WORDS.has(w.toLocaleLowerCase("vi")))
    .map((w) => upperVi(w.charAt(0)))
    .join("");
}

/**
 * "Số:      /BC-SCT": a draft's number line with the number left blank for the clerk (the
 * number is given when the document is registered, Decree 30 Art. 15). `typeAbbreviation` is
 * the document type's (Decree 30 Appendix III: BC báo cáo, KH kế hoạch).
 */
export function draftNumberLine(typeAbbreviation: string, agency: string): string {
  return `Số:      /${typeAbbreviation}-${agency}`;
}

/**
 * The head of a body as the signature block names him (Decree 30 Art. 13: "KT. GIÁM ĐỐC" over
 * "PHÓ GIÁM ĐỐC" when a deputy signs on the head's behalf): a Sở has a Giám đốc, a Ban a
 * Trưởng ban, a UBND a Chủ tịch.
 */
export function headTitle(agencyName: string): string {
  const n = agencyName.normalize("NFC").toLocaleLowerCase("vi");
  if (n.startsWith("ban ")) return "TRƯỞNG BAN";
  if (n.startsWith("ubnd") || n.startsWith("ủy ban") || n.startsWith("uỷ ban")) return "CHỦ TỊCH";
  return "GIÁM ĐỐC";
}

/**
 * The signature block of a periodic report: signed by a deputy on the head's behalf
 * ("KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"), the usual practice for a routine periodic report in a
 * department (the head signs the yearly review); the name is filled in at finalisation.
 */
export function deputySignature(agencyName: string): { lines: string[]; name: string } {
  const head = headTitle(agencyName);
  const deputy = head === "TRƯỞNG BAN" ? "PHÓ TRƯỞNG BAN" : `PHÓ ${head}`;
  return { lines: [`KT. ${head}`, deputy], name: "" };
}

/**
 * How a Vietnamese report counts: "02 nhiệm vụ" — numbers under ten are written with a leading
 * zero in provincial reports ("có 05 nhiệm vụ"), and the count is followed by its noun.
 */
export function countText(n: number, noun: string): string {
  return `${n < 10 ? `0${n}` : String(n)} ${noun}`;
}

/**
 * The groups of part II of a periodic report, in the order reports give them (Quyết định
 * 42/2014/QĐ-TTg categories, REGULATIONS.md §2; task-status.ts): done first, then the work in
 * hand, what is overdue, what is not yet due; tasks without a deadline are judged by whether
 * they were reported on.
 */
export const TASK_GROUP_TITLES = {
  done_on_time: "Nhiệm vụ đã hoàn thành đúng hạn",
  done_late: "Nhiệm vụ đã hoàn thành nhưng chậm so với thời hạn",
  in_progress: "Nhiệm vụ đang triển khai, trong thời hạn",
  overdue: "Nhiệm vụ chưa hoàn thành, đã quá hạn",
  not_yet_due: "Nhiệm vụ chưa đến hạn",
  reported: "Nhiệm vụ thường xuyên, định kỳ đã được báo cáo đầy đủ",
  not_reported: "Nhiệm vụ thường xuyên, định kỳ chưa được báo cáo đầy đủ",
} as const;

/** A task's content cut at a word for a line of a report (the annex gives it whole). */
export function shortContent(text: string, max = 180): string {
  const t = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.;:]+$/u, "");
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(" "))}…`;
}

/** A sentence's end: a stop, unless the text already ends with one (or with "…" of a cut text). */
export function endSentence(text: string): string {
  const t = text.trim().replace(/[;,:\s]+$/u, "");
  return /[.…!?]$/u.test(t) ? t : `${t}.`;
}

/** "1.1, 1.2 và 2.3": a list as Vietnamese prose joins it. */
export function joinVi(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} và ${items.at(-1)}`;
}

/**
 * A reported sentence continued after a colon or a semicolon starts in lower case ("…: công tác
 * giải phóng mặt bằng còn chậm"), unless its first word begins a name ("Sở Công Thương chủ trì",
 * "UBND tỉnh"): the second word in capitals, or the first word all capitals, says so.
 */
export function continueSentence(text: string): string {
  const t = text.trim();
  const [first = "", second = ""] = t.split(/\s+/);
  const isUpper = (w: string) => w !== "" && w === upperVi(w) && /\p{L}/u.test(w);
  const startsUpper = (w: string) =>
    w !== "" && w.charAt(0) === upperVi(w.charAt(0)) && /\p{L}/u.test(w.charAt(0));
  if (isUpper(first) || startsUpper(second)) return t;
  return t.charAt(0).toLocaleLowerCase("vi") + t.slice(1);
}

/**
 * The drafting unit in a letter's number "Số: …/SCT-QLCN" and the "Lưu: VT, QLCN" line (Decree 30/2020 Appendix I §II.3: the
 * issuer's symbol, then the drafting unit's). Phòng Quản lý công nghiệp monitors the industrial
 * development plan in Sở Công Thương; a chosen default, the clerk corrects it when another unit drafts.
 */
export const DRAFTING_UNIT = "QLCN";

/** "Số:      /SCT-QLCN" (letter) or "Số:      /BC-SCT" (report): blank digits in a draft. */
export function draftNumber(left: string, right: string): string {
  return `Số:      /${left}-${right}`;
}

/** The review's verdict on a target at the plan's end (the evaluation's final statuses). */
export function targetVerdictVi(status: Status): string {
  switch (status) {
    case "exceeded":
      return "Vượt mục tiêu";
    case "achieved":
      return "Đạt mục tiêu";
    case "missed":
      return "Không đạt mục tiêu";
    case "unknown":
      return "Chưa đủ số liệu để đánh giá";
    case "on_track":
      return "Đúng tiến độ";
    case "at_risk":
      return "Có nguy cơ không đạt";
    case "off_track":
      return "Chậm tiến độ";
  }
}

/** Whether a status is a final verdict (achieved, exceeded, missed) rather than a tracking one. */
export function isFinalVerdict(status: Status): boolean {
  return status === "achieved" || status === "exceeded" || status === "missed";
}

/** "98,5%" of the goal reached; null when there is no goal to divide by. */
export function percentOfGoal(value: number, goal: number): string | null {
  if (!Number.isFinite(value) || !goal) return null;
  return formatVnPercent((value / goal) * 100, 1);
}

/** A number with its unit as prose writes it: "27.700 tỷ đồng", "25,8%". */
export function amountVi(value: number, unit: string): string {
  const n = formatVnNumber(Math.round(value * 100) / 100);
  const u = unit.trim();
  if (!u) return n;
  return u === "%" ? `${n}%` : `${n} ${u}`;
}

/** A task role as a table cell says it. */
export function roleVi(role: string): string {
  return role === "lead" ? "Chủ trì" : "Phối hợp";
}

/** A goal as prose writes it: ">" 27700 "tỷ đồng" → "trên 27.700 tỷ đồng". */
export function goalVi(goal: { value: number; unit: string; comparator: string }): string {
  const amount = amountVi(goal.value, goal.unit);
  switch (goal.comparator) {
    case ">":
      return `trên ${amount}`;
    case ">=":
      return `từ ${amount} trở lên`;
    case "<":
      return `dưới ${amount}`;
    case "<=":
      return `không quá ${amount}`;
    default:
      return amount;
  }
}

/**
 * A figure's source as a Vietnamese document names it: the Vietnamese half of a bilingual label
 * ("sổ khu, cụm công nghiệp / zone registry" → "sổ khu, cụm công nghiệp"); no English in the prose.
 */
export function sourceVi(source: string | null | undefined): string {
  if (!source) return "";
  return (source.split(" / ")[0] ?? source).trim();
}
