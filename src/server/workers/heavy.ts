/**
 * The routes' way to parse heavy input off the request loop: each function sends one job to the
 * shared worker pool (pool.ts) and answers what the pure parser would, or its AppError — plus
 * PARSE_TIMEOUT, PARSE_TOO_COMPLEX or SERVER_BUSY when a limit of the pool is reached.
 */
import type { PreparedLayer } from "../../db/geo/layer-input.ts";
import type { UploadRow } from "../../db/indicators/upload-read.ts";
import { AppError } from "../../domain/errors.ts";
import type { DocumentFormat, OfficialDocument } from "../../domain/official-document.ts";
import type { KnownAgency } from "../../importer/parse-plan.ts";
import type { PlanJson } from "../../importer/plan-json.ts";
import { type HeavyPool, heavyPool } from "./pool.ts";

/** A copy of the bytes the worker may take (transferred, not cloned a second time). */
function own(bytes: Uint8Array): { bytes: Uint8Array; transfer: ArrayBuffer[] } {
  const copy = new Uint8Array(bytes);
  return { bytes: copy, transfer: [copy.buffer] };
}

export function readUploadInWorker(name: string, bytes: Uint8Array, pool: HeavyPool = heavyPool()) {
  const o = own(bytes);
  return pool.run<UploadRow[]>("upload", { name, bytes: o.bytes }, { transfer: o.transfer });
}

export function parsePlanInWorker(
  bytes: Uint8Array,
  sourceName: string,
  registry: Record<string, KnownAgency[]>,
  pool: HeavyPool = heavyPool(),
) {
  const o = own(bytes);
  return pool.run<PlanJson>("plan", { bytes: o.bytes, sourceName, registry }, { transfer: o.transfer });
}

export function prepareLayerInWorker(text: string, pool: HeavyPool = heavyPool()) {
  return pool.run<PreparedLayer>("geo", { text });
}

/** A document's writing may take this long (a long annex in PDF included). */
export const RENDER_LIMIT_MS = 30_000;

/**
 * Writes a document in a worker (DOCX/PDF/XLSX are CPU work: a long annex would stall every other
 * request). Past the time limit the worker is stopped and the caller gets PARSE_TIMEOUT, worded
 * for a document; SERVER_BUSY when the pool's queue is full.
 */
export async function renderInWorker(
  doc: OfficialDocument,
  format: DocumentFormat,
  pool: HeavyPool = heavyPool(),
): Promise<Uint8Array> {
  try {
    const out = await pool.run<Uint8Array>("render", { doc, format }, { timeoutMs: RENDER_LIMIT_MS });
    return new Uint8Array(out);
  } catch (err) {
    if (err instanceof AppError && err.code === "PARSE_TIMEOUT")
      throw new AppError(
        "PARSE_TIMEOUT",
        {
          en: `Writing the document took longer than ${RENDER_LIMIT_MS / 1000} s and was stopped; try again later.`,
          vi: `Việc tạo tệp văn bản mất quá ${RENDER_LIMIT_MS / 1000} giây nên đã dừng; hãy thử lại sau.`,
        },
        { details: err.details },
      );
    throw err;
  }
}
