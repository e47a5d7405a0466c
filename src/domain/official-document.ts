/**
 * The one shape of every document kehoach writes (báo cáo định kỳ, phụ lục, công văn đôn đốc,
 * báo cáo tổng kết): built from the database by `src/db/documents/build-*.ts`, written to
 * DOCX / PDF / XLSX by `src/exports/render*.ts`. The writers decide nothing about content and the
 * builders nothing about layout, so one layout rule (Decree 30/2020/NĐ-CP Appendix I, see
 * REGULATIONS.md §3) holds for every document, and a finalised document — whose model is stored
 * as JSON — renders to the same bytes again.
 */

/** A run of text inside a paragraph. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A table cell: plain text, or text with emphasis (a group row is bold). */
export type Cell =
  | string
  | { text: string; bold?: boolean; italic?: boolean; align?: "left" | "center" | "right" };

export interface TableColumn {
  /** Header text, e.g. "Cơ quan chủ trì". */
  header: string;
  /** Relative width (the writers scale the widths to the text area). */
  width: number;
  align?: "left" | "center" | "right";
}

export type Block =
  /** "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" (level 1, bold) · "1. …" (level 2, bold) · "a) …" (level 3, bold italic). */
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  /**
   * Body paragraph: justified with a first-line indent unless `align` says otherwise.
   * `section` names an editable prose section (the coordinator's text replaces the generated one).
   */
  | {
      kind: "paragraph";
      runs: TextRun[];
      align?: "justify" | "center" | "left" | "right";
      indent?: boolean;
      section?: string;
    }
  /** A bulleted line "- …" (Vietnamese reports use a dash). */
  | { kind: "bullet"; runs: TextRun[] }
  /**
   * A table. `numberRow` adds the row "(1) (2) …" under the header (Appendix I, annex tables).
   * `title`/`subtitle` head an annex table ("PHỤ LỤC …" bold capitals, "(Kèm theo …)" italic).
   * `sheet` names the XLSX sheet when the table is exported alone.
   */
  | {
      kind: "table";
      columns: TableColumn[];
      rows: Cell[][];
      numberRow?: boolean;
      title?: string;
      subtitle?: string;
      sheet?: string;
    }
  | { kind: "pageBreak" };

export type DocumentKind = "periodic" | "annex" | "urging" | "review";

/**
 * An official document (Decree 30/2020 Appendix I). The header elements are given as text; the
 * writers place them: issuing body top left, Quốc hiệu and Tiêu ngữ top right, "Số:" level with the
 * place and date, the type name and summary centred, the body, "./.", Nơi nhận and the signature.
 */
export interface OfficialDocument {
  kind: DocumentKind;
  /** A4 portrait; landscape for a wide annex table (allowed by Appendix I). */
  orientation: "portrait" | "landscape";
  /** "UBND TỈNH TUYÊN QUANG" — the parent body, not bold. */
  issuerParent: string;
  /** "SỞ CÔNG THƯƠNG" — the issuing body, bold. */
  issuer: string;
  /** "Số: 15/BC-SCT" once finalised; "Số:      /BC-SCT" (blank for the clerk) in a draft. */
  number: string;
  /** "Tuyên Quang" — the place in "Tuyên Quang, ngày 05 tháng 4 năm 2022". */
  place: string;
  /** ISO date of the document (the date line); null in a draft = "ngày    tháng    năm 2022". */
  date: string | null;
  /** A letter's subject under its number: "V/v đôn đốc báo cáo …" (công văn only). */
  excerpt?: string;
  /** "BÁO CÁO" (report, review) or "PHỤ LỤC" (annex); absent for a letter. */
  title?: string;
  /** The summary line (trích yếu) under the title, bold. */
  summary?: string;
  /** "Kính gửi:" lines of a letter. */
  addressees?: string[];
  body: Block[];
  /** "Nơi nhận:" lines, without the trailing ";" (the writers add it; the last one is "Lưu: VT, …"). */
  recipients: string[];
  /** Signature block lines top to bottom, e.g. ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], and the signer's name (may be empty). */
  signature: { lines: string[]; name: string };
  /** Whether a writer should end the body with "./." (every report and letter does). */
  closingMark: boolean;
  /** What it was built from, for the finalised copy and the file's properties. */
  meta: { planId: number; period: string | null; builtAt: string; language: "vi" };
}

/** The formats a document may be written in; XLSX only for documents that are tables (the annex). */
export type DocumentFormat = "docx" | "pdf" | "xlsx";
