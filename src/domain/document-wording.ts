/**
 * The fixed wording of the documents kehoach writes, as rules (Decree 30/2020/NĐ-CP Appendix I,
 * REGULATIONS.md §3; GLOSSARY.md): the issuing body's lines, the number's abbreviation, a period
 * in words, dates "05/04/2022", the signature block. Pure: no I/O. Nothing here names a province
 * or an agency: the product serves any plan, and Tuyên Quang is only the demo.
 */
import { parsePeriodLabel } from "./periods.ts";

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
