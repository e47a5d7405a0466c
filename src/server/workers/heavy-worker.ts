/**
 * The worker thread's side: the pure parsers of uploads (XLSX/CSV), plan documents and map layers,
 * and the document writers (model → DOCX/PDF/XLSX bytes).
 * Loaded through boot.mjs (tsx); answers the jobs pool.ts sends.
 */
import { type PreparedLayer, prepareLayerBody } from "../../db/geo/layer-input.ts";
import { readUpload, type UploadRow } from "../../db/indicators/upload-read.ts";
import type { DocumentFormat, OfficialDocument } from "../../domain/official-document.ts";
import { renderDocument } from "../../exports/render.ts";
import { type KnownAgency, parsePlanWithRegistry } from "../../importer/parse-plan.ts";
import type { PlanJson } from "../../importer/plan-json.ts";
import { serveJobs } from "./protocol.ts";

export const handlers = {
  upload: (i: { name: string; bytes: Uint8Array }): Promise<UploadRow[]> => readUpload(i.name, i.bytes),
  plan: (i: { bytes: Uint8Array; sourceName: string; registry: Record<string, KnownAgency[]> }): PlanJson =>
    parsePlanWithRegistry(i.bytes, i.sourceName, i.registry),
  geo: (i: { text: string }): PreparedLayer => prepareLayerBody(i.text),
  render: (i: { doc: OfficialDocument; format: DocumentFormat }): Promise<Uint8Array> =>
    renderDocument(i.doc, i.format),
};

await serveJobs(handlers);
