/**
 * PLACEHOLDER (contract only): the writers from OfficialDocument to bytes.
 * Deterministic: the same model gives the same bytes (a finalised document regenerates identically).
 * XLSX only for a document whose body holds tables (the annex); otherwise AppError VALIDATION.
 */
import type { DocumentFormat, OfficialDocument } from "../domain/official-document.ts";

export async function renderDocument(_doc: OfficialDocument, _format: DocumentFormat): Promise<Uint8Array> {
  throw new Error("renderDocument: not built yet");
}
