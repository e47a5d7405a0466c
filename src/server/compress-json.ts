/**
 * Compresses the API's JSON answers for browsers that accept it (issue 10 §4: on a 400 kbit/s
 * line the plan's task list took seconds uncompressed). Mounted on /api/* inside the security
 * headers, so the compressed answer still gets them (and `no-store`, which says nothing against
 * compressing). Only JSON of at least MIN_BYTES is touched: files (attachments, documents, map
 * layers — those carry their own gzip and ETag) keep their bytes; a `no-transform` answer too.
 * Brotli at a middle quality (fast enough for a request; 11 is for the build), else gzip.
 * The body is compressed off the event loop (zlib's thread pool).
 */
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Context, MiddlewareHandler } from "hono";
import { acceptedEncodings } from "./static.ts";

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Smaller answers are sent as they are: one packet either way. */
export const MIN_BYTES = 1024;
const BROTLI_QUALITY = 5;

/** Replaces the answer whole: Hono's setter would copy the old headers (content-length) over the new. */
function replace(c: Context, body: Uint8Array<ArrayBuffer>, status: number, headers: Headers) {
  c.res = undefined as unknown as Response;
  c.res = new Response(body, { status, headers });
}

export const compressJson: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.req.method !== "GET" && c.req.method !== "POST") return;
  const res = c.res;
  if (!res.body || res.status === 204 || res.status === 304) return;
  if (!(res.headers.get("content-type") ?? "").startsWith("application/json")) return;
  if (res.headers.has("content-encoding") || /no-transform/.test(res.headers.get("cache-control") ?? ""))
    return;
  const accepted = acceptedEncodings(c.req.header("accept-encoding"));
  const encoding = accepted.has("br") ? "br" : accepted.has("gzip") ? "gzip" : null;
  if (!encoding) {
    res.headers.append("vary", "accept-encoding");
    return;
  }
  const headers = new Headers(res.headers);
  headers.append("vary", "accept-encoding");
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length < MIN_BYTES) {
    replace(c, bytes, res.status, headers);
    return;
  }
  const packed =
    encoding === "br"
      ? await brotliAsync(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        })
      : await gzipAsync(bytes, { level: 6 });
  headers.set("content-encoding", encoding);
  headers.delete("content-length");
  const etag = headers.get("etag");
  // The compressed bytes differ from the identity ones: a strong tag would claim they are equal.
  if (etag && !etag.startsWith("W/")) headers.set("etag", `W/${etag}`);
  replace(c, new Uint8Array(packed), res.status, headers);
};
