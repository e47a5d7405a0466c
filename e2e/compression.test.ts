/**
 * Issue 10 §4, fast on slow networks: the built assets go out precompressed (brotli or gzip, as
 * asked, with Vary, an ETag per variant and a year's cache for hashed files; index.html
 * no-cache), large JSON answers are compressed and still carry the security headers, and each
 * decompresses to the very bytes sent uncompressed. In Chromium, under the CSP, the pages load
 * their own route chunk and ask each first request once (the plan page's /api/tasks, the targets
 * page's /api/zones/occupancy were asked twice).
 */
import http from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chromiumAvailable,
  collectErrors,
  launchBrowser,
  newContext,
  type RunningApp,
  startApp,
} from "./support.ts";

/** A GET with exactly these headers and the bytes as sent (fetch would decompress them). */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject);
  });
}

const unpack = (encoding: string | undefined, body: Buffer) =>
  encoding === "br" ? brotliDecompressSync(body) : encoding === "gzip" ? gunzipSync(body) : body;

const run = chromiumAvailable() ? describe : describe.skip;

run("compression and route chunks (issue 10 §4)", () => {
  let app: RunningApp;
  let browser: Browser;
  let mainScript = "";
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const html = (await rawGet(`${app.url}/`, {})).body.toString("utf8");
    mainScript = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1] ?? "";
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("sends the bundle precompressed as asked, decompressing to the same bytes", async () => {
    expect(mainScript).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    const plain = await rawGet(app.url + mainScript, { "accept-encoding": "identity" });
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(100_000);
    for (const [asked, sent] of [
      ["gzip, deflate, br", "br"],
      ["gzip", "gzip"],
      ["br;q=0, gzip", "gzip"],
    ] as const) {
      const res = await rawGet(app.url + mainScript, { "accept-encoding": asked });
      expect(res.status, asked).toBe(200);
      expect(res.headers["content-encoding"], asked).toBe(sent);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(res.headers["content-type"]).toMatch(/^text\/javascript/);
      expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(res.body.length).toBeLessThan(plain.body.length / 2);
      expect(unpack(sent, res.body).equals(plain.body), asked).toBe(true);
      // Each variant has its own tag, and a revalidation answers 304 without a body.
      const again = await rawGet(app.url + mainScript, {
        "accept-encoding": asked,
        "if-none-match": String(res.headers.etag),
      });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(res.headers.etag).not.toBe(plain.headers.etag);
    }
    const index = await rawGet(`${app.url}/plans/1`, { "accept-encoding": "gzip, br" });
    expect(index.headers["cache-control"]).toBe("no-cache");
    expect(index.headers["content-type"]).toMatch(/^text\/html/);
    expect(index.headers.etag).toBeTruthy();
  });

  it("compresses a large JSON answer, keeping the security headers and no-store", async () => {
    const url = `${app.url}/api/tasks?plan=${app.planId}&pageSize=100`;
    const plain = await rawGet(url, { "accept-encoding": "identity" });
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(20_000);
    for (const [asked, sent] of [
      ["gzip, deflate, br", "br"],
      ["gzip", "gzip"],
    ] as const) {
      const res = await rawGet(url, { "accept-encoding": asked });
      expect(res.status).toBe(200);
      expect(res.headers["content-encoding"]).toBe(sent);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(res.body.length).toBeLessThan(plain.body.length / 4);
      expect(unpack(sent, res.body).equals(plain.body)).toBe(true);
    }
    // A small answer goes as it is: compressing it saves nothing.
    const small = await rawGet(`${app.url}/api/health`, { "accept-encoding": "br" });
    expect(small.headers["content-encoding"]).toBeUndefined();
    // …and tells an anonymous caller nothing of the database (issue 10 §2).
    expect(JSON.parse(small.body.toString("utf8"))).toEqual({ status: "ok" });
  });

  async function visit(path: string, ready: string) {
    const context = await newContext(browser);
    const page: Page = await context.newPage();
    const errors = collectErrors(page);
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(e.violatedDirective));
    });
    const requests: string[] = [];
    const encodings = new Map<string, string>();
    page.on("request", (r) => requests.push(new URL(r.url()).pathname + new URL(r.url()).search));
    page.on("response", async (r) => {
      encodings.set(new URL(r.url()).pathname, (await r.allHeaders())["content-encoding"] ?? "");
    });
    await page.goto(app.url + path);
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    const csp = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    await context.close();
    return { requests, encodings, errors, csp };
  }

  it("the plan page loads its own chunk under the CSP and asks /api/tasks once", async () => {
    const v = await visit(`/plans/${app.planId}`, '[data-testid="task-row"]');
    expect(v.csp).toEqual([]);
    expect(v.errors).toEqual([]);
    const chunk = v.requests.find((r) => /^\/assets\/PlanPage-[\w-]+\.js$/.test(r));
    expect(chunk, v.requests.join("\n")).toBeTruthy();
    // The other pages' chunks are not fetched.
    expect(v.requests.some((r) => /\/assets\/(AdminPage|ReportPage|TargetsPage)-/.test(r))).toBe(false);
    expect(["gzip", "br"]).toContain(v.encodings.get(chunk as string));
    expect(["gzip", "br"]).toContain(v.encodings.get(mainScript));
    expect(v.requests.filter((r) => r.startsWith("/api/tasks")), v.requests.join("\n")).toHaveLength(1);
    expect(v.requests.filter((r) => r === `/api/plans/${app.planId}`)).toHaveLength(1);
  });

  it("the targets page asks /api/zones/occupancy and the evaluation once", async () => {
    const v = await visit(`/plans/${app.planId}/targets`, '[data-testid="tg-targets"]');
    expect(v.csp).toEqual([]);
    expect(v.errors).toEqual([]);
    expect(v.requests.some((r) => /^\/assets\/TargetsPage-[\w-]+\.js$/.test(r))).toBe(true);
    expect(v.requests.filter((r) => r.startsWith("/api/zones/occupancy"))).toHaveLength(1);
    expect(v.requests.filter((r) => r.includes("/targets/evaluation"))).toHaveLength(1);
    expect(v.encodings.get(`/api/plans/${app.planId}/targets/evaluation`)).toMatch(/^(gzip|br)$/);
  });
});
