/**
 * The API docs page (/api/docs): Swagger UI from the swagger-ui-dist package, served by the app
 * itself — no CDN, so it works offline.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Hono } from "hono";

const require = createRequire(import.meta.url);
const distDir = path.dirname(require.resolve("swagger-ui-dist/package.json"));
const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

const page = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>kehoach API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script>
</body></html>`;

const init = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#ui" });`;

// biome-ignore lint/suspicious/noExplicitAny: registers plain routes on any app's env
export function registerDocs(app: Hono<any>) {
  app.get("/api/docs", (c) => c.html(page));
  app.get("/api/docs/assets/init.js", (c) =>
    c.body(init, 200, { "content-type": "text/javascript; charset=utf-8" }),
  );
  app.get("/api/docs/assets/:file", async (c) => {
    const file = c.req.param("file");
    const type = ASSETS[file];
    if (!type) return c.notFound();
    const body = await readFile(path.join(distDir, file));
    return c.body(body, 200, { "content-type": type, "cache-control": "public, max-age=86400" });
  });
}
