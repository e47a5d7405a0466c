/**
 * Serves the built web app (dist/web) with a single-page-app fallback: any non-API path that is
 * not a file gets index.html, so deep links such as /plans/1 work on reload.
 *
 * Slow networks (issue 10 §4): the build writes x.br and x.gz beside each text file
 * (src/build/precompress.ts); the one the browser accepts is sent with Content-Encoding, and
 * `Vary: Accept-Encoding` so no cache hands brotli to a browser that asked for gzip. Hashed files
 * under /assets/ never change: cached a year, immutable. index.html is `no-cache` with an ETag, so
 * a new build is seen on the next visit at the cost of a 304. The few unhashed files beside it
 * (lang.js, which index.html loads before the bundle) are cached a day: a 304 round trip for
 * them would hold the bundle's start on every repeat visit (400 ms on slow 4G).
 */
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Context, Hono } from "hono";

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".geojson": "application/geo+json",
};

const IMMUTABLE = "public, max-age=31536000, immutable";
const A_DAY = "public, max-age=86400";

/** The encodings a request accepts (q=0 refused), from its Accept-Encoding. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (q && Number(q.slice(2)) === 0) continue;
    out.add(name);
  }
  return out;
}

/** The variant to send: brotli, else gzip, else the file itself, as the build wrote them. */
async function pickVariant(file: string, accepted: Set<string>) {
  const wild = accepted.has("*");
  for (const [encoding, ext] of [
    ["br", ".br"],
    ["gzip", ".gz"],
  ] as const) {
    if (!accepted.has(encoding) && !wild) continue;
    const s = await stat(file + ext).catch(() => null);
    if (s?.isFile())
      return { path: file + ext, encoding: encoding as string | null, size: s.size, mtime: s.mtimeMs };
  }
  const s = await stat(file);
  return { path: file, encoding: null, size: s.size, mtime: s.mtimeMs };
}

async function sendFile(c: Context, file: string, cacheControl: string) {
  const type = TYPES[path.extname(file)] ?? "application/octet-stream";
  const variant = await pickVariant(file, acceptedEncodings(c.req.header("accept-encoding")));
  // One tag per variant: a cache must not answer a gzip request with the brotli bytes' 304.
  const etag = `"${variant.size.toString(36)}-${Math.floor(variant.mtime).toString(36)}${variant.encoding ? `-${variant.encoding}` : ""}"`;
  const headers: Record<string, string> = {
    "content-type": type,
    "cache-control": cacheControl,
    etag,
    vary: "accept-encoding",
  };
  if (variant.encoding) headers["content-encoding"] = variant.encoding;
  const match = c.req.header("if-none-match");
  if (match?.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) {
    delete headers["content-encoding"];
    return c.body(null, 304, headers);
  }
  return c.body(new Uint8Array(await readFile(variant.path)), 200, headers);
}

// biome-ignore lint/suspicious/noExplicitAny: registers plain routes on any app's env
export function registerStatic(app: Hono<any>, root = WEB_DIST) {
  app.get("*", async (c) => {
    const url = new URL(c.req.url);
    if (url.pathname.startsWith("/api/")) return c.notFound();
    const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = path.join(root, rel);
    if (file.startsWith(root) && rel !== "/" && existsSync(file) && !file.endsWith(path.sep)) {
      const s = await stat(file);
      const cache = rel.startsWith("/assets/") ? IMMUTABLE : rel === "/index.html" ? "no-cache" : A_DAY;
      if (s.isFile()) return sendFile(c, file, cache);
    }
    const index = path.join(root, "index.html");
    if (!existsSync(index)) {
      return c.text("The web app is not built. Run `npm run build` (npm start does it for you).", 503);
    }
    return sendFile(c, index, "no-cache");
  });
}
