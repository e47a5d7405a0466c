/**
 * Security headers (issue 8 §7) on every kind of response — API answers, errors, the docs page
 * and its assets, the web app — and `Cache-Control: no-store` on API answers; the pages the CSP
 * protects carry no inline script (the browser test e2e/security-headers.test.ts runs them).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.ts";
import { CONTENT_SECURITY_POLICY } from "./security-headers.ts";
import { startTestApp, type TestApp } from "./test-app.ts";
import { authHeaders, login, type TestSession } from "./test-auth.ts";

let t: TestApp;
let app: ReturnType<typeof createApp>;
let reporter: TestSession;

beforeAll(async () => {
  t = await startTestApp();
  const webRoot = path.join(os.tmpdir(), `kehoach-web-${process.pid}`);
  mkdirSync(path.join(webRoot, "assets"), { recursive: true });
  writeFileSync(path.join(webRoot, "index.html"), "<!doctype html><title>x</title>");
  writeFileSync(path.join(webRoot, "assets", "a.js"), "1");
  app = createApp({ database: t.database, webRoot });
  reporter = await login(app, "sct.baocao");
});
afterAll(async () => {
  await t?.close();
});

/** Inline scripts in an HTML page: <script> elements without a src. */
const inlineScripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
    (m) => !/\bsrc\s*=/.test(m[1] ?? "") || (m[2] ?? "").trim() !== "",
  );

const get = (p: string, headers: Record<string, string> = {}) => app.request(p, { headers });

describe("security headers", () => {
  it("the policy allows no inline or evaluated script and no framing", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("base-uri 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("form-action 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-inline");
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-eval");
  });

  it("are on every response: API answers, errors, the docs, the web app", async () => {
    const responses = await Promise.all([
      get("/api/health"),
      get("/api/auth/me"),
      get("/api/nothing-here"),
      app.request(`/api/reports/1`, { method: "PUT", body: "{}" }),
      get("/api/docs"),
      get("/api/docs/assets/swagger-ui.css"),
      get("/api/openapi.json"),
      get("/"),
      get("/plans/1"),
      get("/assets/a.js"),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 401, 404, 401, 200, 200, 200, 200, 200, 200]);
    for (const r of responses) {
      expect(r.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers.get("x-frame-options")).toBe("DENY");
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    }
  });

  it("API answers are not stored by the browser; what is the same for everyone keeps its caching", async () => {
    const mine = authHeaders(reporter);
    for (const p of [
      "/api/auth/me",
      "/api/notifications",
      "/api/expected-reports?plan=1",
      "/api/tasks?plan=1",
      "/api/health",
    ]) {
      const r = await get(p, mine);
      expect(r.headers.get("cache-control"), p).toBe("no-store");
    }
    expect((await get("/api/auth/me")).headers.get("cache-control")).toBe("no-store");
    expect((await get("/api/docs/assets/swagger-ui.css")).headers.get("cache-control")).toBe(
      "public, max-age=86400",
    );
    expect((await get("/assets/a.js")).headers.get("cache-control")).toContain("immutable");
    // The app's page is revalidated on every visit (its ETag answers 304), so a new build is seen.
    expect((await get("/")).headers.get("cache-control")).toBe("no-cache");
  });

  it("the docs page and the web app's page have no inline script", async () => {
    expect(inlineScripts(await (await get("/api/docs")).text())).toEqual([]);
    const html = readFileSync(fileURLToPath(new URL("../web/index.html", import.meta.url)), "utf8");
    expect(inlineScripts(html)).toEqual([]);
    expect(html).toContain('<script src="/lang.js"></script>');
  });
});
