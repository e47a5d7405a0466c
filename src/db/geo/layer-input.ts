/**
 * A replacement map layer as uploaded, made ready to store — pure, so it runs in a worker thread
 * (issue 8, defect 4): the body's size is checked before it is parsed, its positions are counted
 * against a limit, the boundary check runs (src/domain/geojson-check.ts), and the JSON text to
 * store and serve is produced once, with its hash. The request loop never parses the layer.
 */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { AppError, type FieldProblem } from "../../domain/errors.ts";
import { checkBoundaryLayer, countPositions } from "../../domain/geojson-check.ts";

/** A province's districts are a few hundred kilobytes; 10 MB leaves room for detailed official data. */
export const MAX_LAYER_BYTES = 10 * 1024 * 1024;
/** Positions (vertices) in one layer: the map draws fast below this; simplify a file above it. */
export const MAX_LAYER_POSITIONS = 200_000;

export interface PreparedLayer {
  /** The GeoJSON as JSON text, stored and served as is. */
  geojsonText: string;
  /**
   * geojsonText gzip-compressed, base64: what geo_layers stores (compressed here, in the worker
   * thread, so neither the request loop nor PGlite's one connection spends the time).
   */
  geojsonGzip: string;
  sha256: string;
  attribution: string;
  source: string;
  positions: number;
  bytes: number;
}

export function layerTooLarge(bytes: number): AppError {
  return new AppError(
    "GEO_TOO_LARGE",
    {
      en: `The layer is ${(bytes / 1048576).toFixed(1)} MB; a map layer may be at most ${MAX_LAYER_BYTES / 1048576} MB (simplify it first).`,
      vi: `Lớp bản đồ có dung lượng ${(bytes / 1048576).toFixed(1).replace(".", ",")} MB; mỗi lớp tối đa ${MAX_LAYER_BYTES / 1048576} MB (hãy đơn giản hóa trước).`,
    },
    {
      fields: [{ field: "geojson", reason: "too large", reasonVi: "quá lớn" }],
      details: { limitBytes: MAX_LAYER_BYTES },
    },
  );
}

function invalid(fields: FieldProblem[], en: string, vi: string): AppError {
  return new AppError("VALIDATION", { en, vi }, { fields });
}

/** Parses and checks the body of PUT /api/geo/{file}: {geojson, attribution, source}. */
export function prepareLayerBody(text: string): PreparedLayer {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_LAYER_BYTES + 4096) throw layerTooLarge(bytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid(
      [{ field: "body", reason: "not JSON", reasonVi: "không phải JSON" }],
      "The body is not JSON.",
      "Nội dung gửi lên không phải JSON.",
    );
  }
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const fields: FieldProblem[] = [];
  if (!b.geojson || typeof b.geojson !== "object" || Array.isArray(b.geojson))
    fields.push({
      field: "geojson",
      reason: "must be a GeoJSON object",
      reasonVi: "phải là đối tượng GeoJSON",
    });
  for (const [field, max, vi] of [
    ["attribution", 500, "ghi công"],
    ["source", 1000, "nguồn"],
  ] as const) {
    const v = b[field];
    if (typeof v !== "string" || v.trim() === "")
      fields.push({
        field,
        reason: `${field} is required: the map shows whose data it is`,
        reasonVi: `cần ghi ${vi}`,
      });
    else if (v.length > max)
      fields.push({ field, reason: `at most ${max} characters`, reasonVi: `tối đa ${max} ký tự` });
  }
  if (fields.length)
    throw invalid(
      fields,
      `The layer was not replaced: ${fields.map((f) => `${f.field}: ${f.reason}`).join("; ")}`,
      `Chưa thay lớp bản đồ: ${fields.map((f) => `${f.field}: ${f.reasonVi}`).join("; ")}`,
    );
  const positions = countPositions(b.geojson, MAX_LAYER_POSITIONS);
  if (positions > MAX_LAYER_POSITIONS)
    throw new AppError(
      "GEO_TOO_COMPLEX",
      {
        en: `The layer has more than ${MAX_LAYER_POSITIONS} positions (vertices); simplify it first.`,
        vi: `Lớp bản đồ có hơn ${MAX_LAYER_POSITIONS} điểm (đỉnh); hãy đơn giản hóa trước.`,
      },
      {
        fields: [{ field: "geojson", reason: "too many positions", reasonVi: "quá nhiều điểm" }],
        details: { limitPositions: MAX_LAYER_POSITIONS },
      },
    );
  const problems = checkBoundaryLayer(b.geojson);
  if (problems.length > 0)
    throw invalid(
      problems.map((p) => ({ field: `geojson${p.path ? `.${p.path}` : ""}`, reason: p.en, reasonVi: p.vi })),
      `The layer was not replaced: ${problems.map((p) => `${p.path || "file"}: ${p.en}`).join("; ")}`,
      `Chưa thay lớp bản đồ: ${problems.map((p) => `${p.path || "tệp"}: ${p.vi}`).join("; ")}`,
    );
  const geojsonText = JSON.stringify(b.geojson);
  if (Buffer.byteLength(geojsonText) > MAX_LAYER_BYTES) throw layerTooLarge(Buffer.byteLength(geojsonText));
  return {
    geojsonText,
    geojsonGzip: gzipSync(geojsonText, { level: 6 }).toString("base64"),
    sha256: createHash("sha256").update(geojsonText).digest("hex"),
    attribution: (b.attribution as string).trim(),
    source: (b.source as string).trim(),
    positions,
    bytes: Buffer.byteLength(geojsonText),
  };
}
