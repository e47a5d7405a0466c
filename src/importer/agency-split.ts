/**
 * Splitting one "Đơn vị chủ trì" / "Đơn vị phối hợp" table cell into agency phrases.
 *
 * The cell is free text. Commas separate agencies ("Sở Công Thương, các sở ngành liên quan")
 * but also sit inside one agency's or group's name ("Sở Văn hóa, Thể thao và Du lịch",
 * "UBND huyện, thành phố", "Các sở, ban, ngành"), so a comma only starts a new phrase when
 * what follows reads as the start of another body. GLOSSARY.md: the lead is "the one agency
 * accountable", and leads list bodies with ";" (FACTS.md: "Viện …; Viện Chiến lược, Chính sách
 * TN&MT"), so a lead cell is never split on commas ("Trung tâm Truyền thông TN&MT, Báo TN&MT,
 * Tạp chí TN&MT" is one lead as the plan wrote it).
 */

export type AgencyRole = "lead" | "coordinator";

/**
 * Words that begin the name of a body (or a group of bodies). Case matters: "ban", "ngành",
 * "đơn vị" after a comma continue a group ("Các Sở, ban, ngành"), "Ban Quản lý …" starts one.
 */
export const AGENCY_START_WORDS: readonly string[] = [
  "Sở",
  "Ban",
  "BQL",
  "UBND",
  "HĐND",
  "Ủy ban",
  "Uỷ ban",
  "Văn phòng",
  "Trung tâm",
  "Tổng cục",
  "Cục",
  "Chi cục",
  "Vụ",
  "Viện",
  "Bộ",
  "Bộ Chỉ huy",
  "Báo",
  "Tạp chí",
  "Đài",
  "Công an",
  "Thanh tra",
  "Thuế",
  "Kho bạc",
  "Ngân hàng",
  "Điện lực",
  "Công ty",
  "Tổng công ty",
  "Hội",
  "Liên minh",
  "Liên đoàn",
  "Hiệp hội",
  "Mặt trận",
  "Tỉnh đoàn",
  "Tỉnh ủy",
  "Đoàn",
  "Trường",
  "Bệnh viện",
  "Quỹ",
  "Hải quan",
  "Bảo hiểm xã hội",
  "Chi nhánh",
  "Nhà đầu tư",
].map((w) => w.normalize("NFC"));

/**
 * Names that contain a comma and must never be cut there. The general rule already keeps them
 * whole ("Thể thao", "Chính sách" are not agency-start words); listing them makes that
 * independent of the word list.
 */
const COMMA_NAMES: readonly RegExp[] = [
  /Văn h(?:óa|oá), Thể thao/gu,
  /Chiến lược, Chính sách/gu,
  /Lao động, Thương binh/gu,
  /[Pp]hòng, chống/gu,
];

const PROTECTED_COMMA = "\u0001";

/** NFC, no markup, one space between words. */
function cleanCell(cell: string): string {
  return cell
    .normalize("NFC")
    .replace(/<br\s*\/?>/giu, " ")
    .replace(/<\/?(?:i|b|em|strong|u|span)\b[^>]*>/giu, "")
    .replace(/\*/gu, "")
    .replace(/[\s\u00a0]+/gu, " ")
    .trim();
}

/** Strips what surrounds a phrase but is not part of it: spaces, list dashes, stray punctuation. */
function cleanPiece(piece: string): string {
  let s = piece.replaceAll(PROTECTED_COMMA, ",").trim();
  s = s.replace(/^[-–•+,;.\s]+/u, "");
  s = s.replace(/[\s,.;:]+$/u, "");
  return s.trim();
}

/**
 * True when `text` opens with the name of a body: "các …" in any case, or a capitalised
 * agency-start word followed by more words (a bare "Ban" is "ban" of "sở, ban, ngành").
 */
export function startsWithAgency(text: string): boolean {
  const t = text.trimStart();
  if (/^các\s+\S/iu.test(t)) return true;
  return AGENCY_START_WORDS.some((w) => t.startsWith(w) && /^\s+\S/u.test(t.slice(w.length)));
}

/** Splits on " và " where the words after it start another body ("Vụ Pháp chế và các đơn vị …"). */
function splitOnAnd(text: string): string[] {
  const parts: string[] = [];
  let rest = text;
  const re = /\s+và\s+/gu;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    const after = rest.slice(m.index + m[0].length);
    if (startsWithAgency(after)) {
      parts.push(rest.slice(0, m.index));
      rest = after;
      re.lastIndex = 0;
    }
  }
  parts.push(rest);
  return parts;
}

/**
 * Splits on commas, then glues back every piece that does not start another body: lowercase
 * continuations ("ban, ngành", "thành phố", "cá nhân …") and capitalised words that are not
 * agency starts ("Thể thao và Du lịch").
 */
function splitOnCommas(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(",")) {
    const piece = raw.trim();
    const last = out.at(-1);
    if (last === undefined || startsWithAgency(piece)) out.push(piece);
    else if (piece !== "") out[out.length - 1] = `${last}, ${piece}`;
  }
  return out;
}

/**
 * Splits one lead or coordinator cell into agency/group phrases, each kept whole and cleaned
 * (no <i> tags, `*`, surrounding spaces or trailing "," "." ";").
 *
 * Leads split only on ";" and on " và " before an agency-start word; coordinators also on
 * commas, with the continuation rule above. An empty cell gives [].
 */
export function splitAgencyCell(cell: string, role: AgencyRole): string[] {
  let text = cleanCell(cell);
  for (const re of COMMA_NAMES) text = text.replace(re, (m) => m.replaceAll(",", PROTECTED_COMMA));
  const pieces: string[] = [];
  for (const segment of text.split(";")) {
    for (const part of splitOnAnd(segment.trim())) {
      if (role === "lead") pieces.push(part);
      else pieces.push(...splitOnCommas(part));
    }
  }
  return pieces.map(cleanPiece).filter((p) => p !== "");
}
