/**
 * Serves the built web app (dist/web) with a single-page-app fallback: any non-API path that is
 * not a file gets index.html, so deep links such as /plans/1 work on reload.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";

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

// biome-ignore lint/suspicious/noExplicitAny: registers plain routes on any app's env
export function registerStatic(app: Hono<any>, root = WEB_DIST) {
  app.get("*", async (c) => {
    const url = new URL(c.req.url);
    if (url.pathname.startsWith("/api/")) return c.notFound();
    const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = path.join(root, rel);
    if (file.startsWith(root) && rel !== "/" && existsSync(file) && !file.endsWith(path.sep)) {
      const type = TYPES[path.extname(file)] ?? "application/octet-stream";
      return c.body(await readFile(file), 200, {
        "content-type": type,
        "cache-control": rel.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      });
    }
    const index = path.join(root, "index.html");
    if (!existsSync(index)) {
      return c.text("The web app is not built. Run `npm run build` (npm start does it for you).", 503);
    }
    return c.html(await readFile(index, "utf8"));
  });
}
