/**
 * The writers from OfficialDocument (src/domain/official-document.ts) to bytes: DOCX to edit and
 * sign, PDF to send, XLSX for the tables. One layout (layout.ts, Decree 30/2020 Appendix I) for all.
 * Deterministic: the same model gives the same bytes, every date in the file being the model's
 * builtAt, so a finalised document (its model stored as JSON) regenerates identically.
 * XLSX only for a document whose body holds tables (the annex); otherwise AppError VALIDATION.
 */
import { AppError } from "../domain/errors.ts";
import type { DocumentFormat, OfficialDocument } from "../domain/official-document.ts";
import { renderDocx } from "./render-docx.ts";
import { renderPdf } from "./render-pdf.ts";
import { renderXlsx } from "./render-xlsx.ts";

/** The file's MIME type and extension per format (for the route's Content-Type and file name). */
export const FORMAT_FILE: Record<DocumentFormat, { mime: string; ext: string }> = {
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ext: "docx" },
  pdf: { mime: "application/pdf", ext: "pdf" },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ext: "xlsx" },
};

export async function renderDocument(doc: OfficialDocument, format: DocumentFormat): Promise<Uint8Array> {
  switch (format) {
    case "docx":
      return renderDocx(doc);
    case "pdf":
      return renderPdf(doc);
    case "xlsx":
      return renderXlsx(doc);
    default:
      throw new AppError("VALIDATION", {
        en: `format: unknown document format "${String(format)}" (docx, pdf or xlsx)`,
        vi: `format: định dạng văn bản "${String(format)}" không hợp lệ (docx, pdf hoặc xlsx)`,
      });
  }
}
