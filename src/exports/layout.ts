/**
 * The numbers of Decree 30/2020/NĐ-CP Appendix I (REGULATIONS.md §3) that every writer shares, so
 * the DOCX, the PDF and the XLSX cannot drift apart: page, margins, type sizes, the header's columns
 * and rules, and the texts the writers compose (date line, "Nơi nhận" lines, the number row).
 * Pure: no I/O, imports only src/domain.
 */
import type { Cell, OfficialDocument, TableColumn } from "../domain/official-document.ts";
import { parseIsoDate } from "../domain/vn-dates.ts";

/** A4 in millimetres (Appendix I: "khổ A4 (210 mm x 297 mm)"). */
export const A4_MM = { width: 210, height: 297 } as const;

/** Appendix I margins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm — the smallest of each. */
export const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** Type sizes in points. Appendix I gives ranges; these are the values the Sở's own templates use. */
export const SIZE = {
  /** Issuing body and its parent: 12–13 pt (12 keeps "UBND TỈNH TUYÊN QUANG" on one line in the 40% column). */
  issuer: 12,
  /** Quốc hiệu: 12–13 pt, bold capitals. */
  nationalTitle: 12,
  /** Tiêu ngữ: 13–14 pt, bold. */
  motto: 13,
  /** "Số: …": 13 pt. */
  number: 13,
  /** Place and date: 13–14 pt, italic. */
  dateLine: 13,
  /** A letter's excerpt "V/v …": 12–13 pt. */
  excerpt: 12,
  /** Type name "BÁO CÁO": 13–14 pt bold capitals. */
  title: 14,
  /** Summary (trích yếu) under the title: 13–14 pt bold. */
  summary: 14,
  /** Body: 13–14 pt. */
  body: 14,
  /** Tables: smaller than the body so that an annex of eight columns fits (secondary guide: 12–13 pt). */
  table: 12,
  /** Annex title and subtitle. */
  annexTitle: 13,
  /** "Nơi nhận:" 12 pt bold italic; the recipients 11 pt. */
  recipientsLabel: 12,
  recipients: 11,
  /** Signature lines: 13–14 pt bold capitals; the signer's name bold. */
  signature: 14,
  /** Page number: 13–14 pt. */
  pageNumber: 13,
} as const;

/** First-line indent of a body paragraph: 1–1.27 cm (Appendix I). */
export const FIRST_LINE_INDENT_MM = 12.7;
/** Space after a body paragraph: at least 6 pt. */
export const PARAGRAPH_SPACING_PT = 6;
/** Line spacing of the body: single to 1.5 lines; 1.15 like the Sở's templates (a multiple of the font size). */
export const LINE_SPACING = 1.15;
/** Header table: the issuing body's column and the Quốc hiệu's column, as fractions of the text width. */
export const HEADER_COLUMNS = [0.4, 0.6] as const;
/** Bottom block: "Nơi nhận" on the left, the signature on the right. */
export const BOTTOM_COLUMNS = [0.5, 0.5] as const;
/** "Kính gửi:" (right-aligned) | the addressees, one "- …" a line, aligned under the first. */
export const ADDRESSEE_COLUMNS = [0.3, 0.7] as const;
/** The short rule under the issuing body (Appendix I: 1/3 to 1/2 of the line above). */
export const ISSUER_RULE_MM = 20;
/** The rule under the Tiêu ngữ: as long as the line (measured in Liberation Serif Bold 13 pt: 56 mm). */
export const MOTTO_RULE_MM = 56;
/** Space left for the signature and the seal between the signature lines and the name. */
export const SIGNATURE_SPACE_PT = 64;

export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";
export const CLOSING_MARK = "./.";
export const RECIPIENTS_LABEL = "Nơi nhận:";
export const ADDRESSEE_LABEL = "Kính gửi:";
/** The DOCX names this font; the PDF embeds Liberation Serif, metric-compatible with it. */
export const FONT_NAME = "Times New Roman";

export const PT_PER_MM = 72 / 25.4;
export const mmToPt = (mm: number): number => mm * PT_PER_MM;
/** Word measures in twentieths of a point. */
export const mmToTwip = (mm: number): number => Math.round(mm * PT_PER_MM * 20);
export const ptToTwip = (pt: number): number => Math.round(pt * 20);

/** Page size in millimetres for the document's orientation. */
export function pageMm(doc: Pick<OfficialDocument, "orientation">): { width: number; height: number } {
  return doc.orientation === "landscape"
    ? { width: A4_MM.height, height: A4_MM.width }
    : { width: A4_MM.width, height: A4_MM.height };
}

/** Width of the text area (page minus left and right margins), in millimetres. */
export function textWidthMm(doc: Pick<OfficialDocument, "orientation">): number {
  return pageMm(doc).width - MARGIN_MM.left - MARGIN_MM.right;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** The year of an ISO instant in Vietnam (UTC+7), so a document built at 23:30 UTC on 31/12 says the new year. */
export function vietnamYear(isoInstant: string): number {
  const t = Date.parse(isoInstant);
  if (Number.isNaN(t)) return Number(isoInstant.slice(0, 4));
  return new Date(t + 7 * 3600_000).getUTCFullYear();
}

/**
 * "Tuyên Quang, ngày 05 tháng 4 năm 2022". Appendix I: a day below 10 and the months 1 and 2 get a
 * leading zero ("ngày 05 tháng 02 năm 2022"); other months do not. A draft (date null) leaves the
 * day and month blank for the clerk, with the year the document was built in.
 */
export function dateLine(doc: Pick<OfficialDocument, "place" | "date" | "meta">): string {
  const d = doc.date ? parseIsoDate(doc.date) : null;
  if (!d) return `${doc.place}, ngày      tháng      năm ${vietnamYear(doc.meta.builtAt)}`;
  const month = d.month <= 2 ? pad2(d.month) : String(d.month);
  return `${doc.place}, ngày ${pad2(d.day)} tháng ${month} năm ${d.year}`;
}

/** "- Như trên;" … "- Lưu: VT, KHTC." — each line ends with ";" and the last one with ".". */
export function recipientLines(recipients: string[]): string[] {
  return recipients.map((r, i) => {
    const bare = r.replace(/[;.\s]+$/u, "");
    return `- ${bare}${i === recipients.length - 1 ? "." : ";"}`;
  });
}

/** The number row under an annex table's header: "(1)", "(2)", … (Appendix I). */
export function numberRowLabels(columns: TableColumn[]): string[] {
  return columns.map((_, i) => `(${i + 1})`);
}

/** Column widths scaled to a total (the model's widths are relative). */
export function scaleWidths(columns: TableColumn[], total: number): number[] {
  const sum = columns.reduce((s, c) => s + (c.width > 0 ? c.width : 1), 0);
  return columns.map((c) => ((c.width > 0 ? c.width : 1) / sum) * total);
}

/** A cell's text and emphasis, whichever form the builder gave. */
export function cellParts(cell: Cell): {
  text: string;
  bold: boolean;
  italic: boolean;
  align?: "left" | "center" | "right";
} {
  if (typeof cell === "string") return { text: cell, bold: false, italic: false };
  return { text: cell.text, bold: cell.bold === true, italic: cell.italic === true, align: cell.align };
}

/** Tables of the body, in order: the XLSX writes each as a sheet. */
export function tablesOf(
  doc: OfficialDocument,
): Extract<OfficialDocument["body"][number], { kind: "table" }>[] {
  return doc.body.filter((b): b is Extract<typeof b, { kind: "table" }> => b.kind === "table");
}

/** The document's builtAt as a Date, the one time every file stamp uses (deterministic output). */
export function stampDate(doc: OfficialDocument): Date {
  const t = Date.parse(doc.meta.builtAt);
  return new Date(Number.isNaN(t) ? 0 : t);
}

type BodyBlock = OfficialDocument["body"][number];

/**
 * The report's own text, then its annexes. Appendix I: an annex (a table headed "PHỤ LỤC …")
 * follows the signed document on its own pages, so the writers put "./.", "Nơi nhận" and the
 * signature after the text and before the first titled table that follows some text. A document
 * that is only an annex (no text before its table) keeps its blocks in order.
 */
export function splitBody(doc: OfficialDocument): { main: BodyBlock[]; annexes: BodyBlock[] } {
  const body = doc.body;
  const hasTextBefore = (i: number) =>
    body.slice(0, i).some((b) => b.kind === "paragraph" || b.kind === "heading");
  const at = body.findIndex((b, i) => b.kind === "table" && b.title !== undefined && hasTextBefore(i));
  if (at < 0) return { main: body, annexes: [] };
  let end = at;
  while (end > 0 && body[end - 1]?.kind === "pageBreak") end--;
  return { main: body.slice(0, end), annexes: body.slice(at) };
}

/** Index in `blocks` of the last paragraph or bullet, after which "./." goes (−1 when none or not wanted). */
export function lastTextIndex(blocks: BodyBlock[], closingMark: boolean): number {
  if (!closingMark) return -1;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const k = blocks[i]?.kind;
    if (k === "paragraph" || k === "bullet") return i;
  }
  return -1;
}

/** An annex table's caption lines: the title in bold capitals, the "(Kèm theo …)" line in italics. */
export function tableCaption(b: {
  title?: string;
  subtitle?: string;
}): { text: string; bold: boolean; italic: boolean; last: boolean }[] {
  const lines: { text: string; bold: boolean; italic: boolean; last: boolean }[] = [];
  if (b.title) lines.push({ text: b.title.toUpperCase(), bold: true, italic: false, last: false });
  if (b.subtitle) lines.push({ text: b.subtitle, bold: false, italic: true, last: false });
  const tail = lines[lines.length - 1];
  if (tail) tail.last = true;
  return lines;
}

/**
 * The last paragraph's runs with "./." appended (Appendix I: the text ends with "./."). A
 * sentence's own full stop is dropped first, so "… kèm theo." becomes "… kèm theo./." and not "../.".
 */
export function withClosingMark<R extends { text: string }>(
  runs: R[],
  mark: boolean,
): (R | { text: string })[] {
  if (!mark) return runs;
  const out: (R | { text: string })[] = runs.slice();
  while (out.length > 0 && (out[out.length - 1]?.text.trim() ?? "") === "") out.pop();
  const last = out[out.length - 1];
  if (last) out[out.length - 1] = { ...last, text: last.text.replace(/[.\s]+$/u, "") };
  out.push({ text: CLOSING_MARK });
  return out;
}
