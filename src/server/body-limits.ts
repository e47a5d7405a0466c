/**
 * What a request body may cost the server before anyone has decided it is worth reading
 * (issue 8 §2). Two middlewares, mounted on /api/* by app.ts after the session and CSRF checks:
 *
 * - `refuseAnonymousWrites`: a write (not GET/HEAD/OPTIONS) without a signed-in user is refused
 *   401 before its body is touched — only sign-in and sign-out are written anonymously. Without
 *   it an anonymous `PUT /api/reports/5` of 500 MB was read and parsed before the policy said no.
 * - `bodyLimits`: each write has a byte limit (the table below: small for JSON, the documented
 *   maximum for each upload plus room for the multipart envelope). A declared Content-Length above
 *   it is refused at once; otherwise the body is counted while it streams (chunked bodies and a
 *   Content-Length that lies included) and reading stops at the first byte over the limit: the
 *   answer is 413 PAYLOAD_TOO_LARGE naming the limit. The body is not buffered here, so a route
 *   that authorizes in a middleware (imports) still refuses before reading.
 */
import type { Context, MiddlewareHandler } from "hono";
import { MAX_LAYER_BYTES } from "../db/geo/layer-input.ts";
import { MAX_UPLOAD_BYTES } from "../db/indicators/upload.ts";
import { MAX_ATTACHMENT_BYTES } from "../db/reporting/attachments.ts";
import { AppError } from "../domain/errors.ts";
import { MAX_PLAN_BYTES } from "../importer/text.ts";
import { requireActor } from "./auth/middleware.ts";
import type { AppEnv } from "./env.ts";

const KB = 1024;
const MB = 1024 * 1024;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Writes a browser makes before (or after) it has a session. Everything else needs one. */
export const ANONYMOUS_WRITES = new Set(["POST /api/auth/login", "POST /api/auth/logout"]);

/** The multipart envelope around a file: boundaries, part headers, the file name, small fields. */
export const MULTIPART_OVERHEAD = 64 * KB;
/** Any JSON write not listed below: every form of the app is far smaller. */
export const DEFAULT_JSON_LIMIT = 1 * MB;
/**
 * A replacement boundary layer (PUT /api/geo/{file}): the layer's own maximum (db/geo/layer-input.ts,
 * which answers GEO_TOO_LARGE naming it) plus room for the attribution and source fields, so a
 * layer just over its maximum gets the layer's own error and only a far larger body is cut here.
 */
export const MAX_GEO_LAYER_BYTES = MAX_LAYER_BYTES + MULTIPART_OVERHEAD;
/**
 * The import confirmation re-sends the document as base64 (its hash is computed from it) and the
 * previewed plan: the Plan JSON of the real plans is 1.85–2.06 times their document, so 3 times
 * the largest document leaves room for the administrator's corrections.
 */
export const CONFIRM_LIMIT =
  Math.ceil((MAX_PLAN_BYTES * 4) / 3) + 4 + 3 * MAX_PLAN_BYTES + MULTIPART_OVERHEAD;
/**
 * A report draft: 100 tasks each with a full 20,000-character Vietnamese result (at most 3 bytes
 * a character) and the 50,000-character summary fit; the agency with most tasks in the real plan
 * reports on a few dozen.
 */
export const REPORT_SAVE_LIMIT = 8 * MB;

interface Limit {
  method: string;
  /** Hono-style path: `:name` is one segment. */
  path: string;
  bytes: number;
  /** What the limit is about, for the message; shown with `shownBytes` (the file's own maximum). */
  what: { en: string; vi: string };
  shownBytes?: number;
}

const upload = (en: string, vi: string) => ({ en, vi });

/** The one table of body limits; a write not listed gets DEFAULT_JSON_LIMIT. */
export const BODY_LIMITS: readonly Limit[] = [
  {
    method: "POST",
    path: "/api/auth/login",
    bytes: 16 * KB,
    what: upload("a sign-in request", "yêu cầu đăng nhập"),
  },
  {
    method: "PUT",
    path: "/api/reports/:id",
    bytes: REPORT_SAVE_LIMIT,
    what: upload("a report draft", "bản nháp báo cáo"),
  },
  {
    method: "POST",
    path: "/api/reports/:id/attachments",
    bytes: MAX_ATTACHMENT_BYTES + MULTIPART_OVERHEAD,
    shownBytes: MAX_ATTACHMENT_BYTES,
    what: upload("an attached file", "tệp đính kèm"),
  },
  {
    method: "POST",
    path: "/api/imports/preview",
    bytes: MAX_PLAN_BYTES + MULTIPART_OVERHEAD,
    shownBytes: MAX_PLAN_BYTES,
    what: upload("a plan document", "văn bản kế hoạch"),
  },
  {
    method: "POST",
    path: "/api/imports/confirm",
    bytes: CONFIRM_LIMIT,
    what: upload("an import confirmation", "yêu cầu xác nhận nhập kế hoạch"),
  },
  {
    method: "POST",
    path: "/api/plans/:id/indicator-values/upload",
    bytes: MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD,
    shownBytes: MAX_UPLOAD_BYTES,
    what: upload("an indicator file", "tệp số liệu chỉ tiêu"),
  },
  {
    method: "PUT",
    path: "/api/geo/:file",
    bytes: MAX_GEO_LAYER_BYTES,
    shownBytes: MAX_LAYER_BYTES,
    what: upload("a map layer", "lớp bản đồ"),
  },
];

const DEFAULT: Limit = {
  method: "*",
  path: "*",
  bytes: DEFAULT_JSON_LIMIT,
  what: upload("a request to this address", "yêu cầu gửi tới địa chỉ này"),
};

const compiled = BODY_LIMITS.map((l) => ({
  limit: l,
  re: new RegExp(`^${l.path.replace(/:[A-Za-z]+/g, "[^/]+")}$`),
}));

/** The limit for a write: the table's entry for its method and path, else the JSON default. */
export function limitFor(method: string, path: string): Limit {
  return compiled.find((x) => x.limit.method === method && x.re.test(path))?.limit ?? DEFAULT;
}

/** "10 MB", "16 KB"; Vietnamese writes the decimal comma ("1,5 MB"). */
function size(bytes: number, lang: "en" | "vi"): string {
  const [n, unit] = bytes >= MB ? [bytes / MB, "MB"] : [bytes / KB, "KB"];
  const text = Number.isInteger(n) ? String(n) : n.toFixed(1);
  return `${lang === "vi" ? text.replace(".", ",") : text} ${unit}`;
}

export function payloadTooLarge(limit: Limit): AppError {
  const shown = limit.shownBytes ?? limit.bytes;
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    {
      en: `The request is too large: ${limit.what.en} may be at most ${size(shown, "en")}.`,
      vi: `Dữ liệu gửi lên quá lớn: ${limit.what.vi} tối đa ${size(shown, "vi")}.`,
    },
    { details: { limitBytes: limit.bytes } },
  );
}

export const refuseAnonymousWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method) && !ANONYMOUS_WRITES.has(`${c.req.method} ${c.req.path}`)) {
    requireActor(c);
  }
  await next();
};

/** The body as a stream that errors, and marks the request, at the first byte over `max`. */
function countedBody(body: ReadableStream<Uint8Array>, max: number, over: { seen: boolean }, err: AppError) {
  const reader = body.getReader();
  let read = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      read += value.byteLength;
      if (read > max) {
        // Not cancelled: cancelling destroys the socket before the 413 is sent. The Node
        // adapter discards what the client still sends after the answer, then closes.
        over.seen = true;
        return controller.error(err);
      }
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

export const bodyLimits: MiddlewareHandler<AppEnv> = async (c: Context<AppEnv>, next) => {
  const raw = c.req.raw;
  if (SAFE_METHODS.has(c.req.method) || !raw.body) return next();
  const limit = limitFor(c.req.method, c.req.path);
  const tooLarge = payloadTooLarge(limit);
  const declared = c.req.header("content-length");
  if (declared !== undefined && /^\d+$/.test(declared.trim()) && Number(declared) > limit.bytes) {
    throw tooLarge;
  }
  const over = { seen: false };
  c.req.raw = new Request(raw, {
    body: countedBody(raw.body, limit.bytes, over, tooLarge),
    duplex: "half",
  } as RequestInit);
  await next();
  // Whoever read the body (a validator answers 400 for a body it could not read) was stopped
  // by the count: the answer says why.
  if (over.seen) throw tooLarge;
};
