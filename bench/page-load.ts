/**
 * Issue 10 §4: the pages on a slow network. Chromium (/usr/bin/chromium via playwright-core) on
 * the reviewer's slow-4G profile — 400 ms round trip, 400 kbit/s down and up, CPU 4× slower, set
 * through CDP — loads each page cold (a fresh browser context, empty cache) from the app on the
 * demo (PGlite in memory, demo plan and history, the built web app in dist/web). For each page:
 * first contentful paint, when the page's first meaningful content is visible (a selector per
 * page), bytes transferred, the JavaScript loaded by then (its gzipped size) and any request
 * that left the server's origin. Prints a table and writes bench/RESULTS.md's page-load section.
 *
 * Run: `npx tsx bench/page-load.ts [pages] [runs]` — pages a comma list of the names below
 * (default all), runs per page (median kept; default 1). `--no-build` serves dist/web as it is.
 * A page the app does not have yet (the dashboard while it is being built) is reported "missing".
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { build } from "vite";
import { openDatabase } from "../src/db/connection.ts";
import { seedDemo } from "../src/db/seed.ts";
import { DEMO_PASSWORD } from "../src/db/seed-accounts.ts";
import { startServer } from "../src/server/serve.ts";
import { WEB_DIST } from "../src/server/static.ts";
import { machineLine, writeSection } from "./results.ts";

/** The profile the reviewer measured with (issue 10 §4). */
const PROFILE = { latencyMs: 400, kbitPerS: 400, cpu: 4 };
/** The dashboard's goal: its first screen usable within 1.5 s, initial JS under 250 KB gzipped. */
const GOAL = { usableMs: 1500, initialJsGzip: 250 * 1024 };
const TIMEOUT_MS = 90_000;

interface PageSpec {
  name: string;
  /** The path; {plan} is the demo plan's id. */
  path: string;
  /** Who is signed in (null: nobody). */
  user: string | null;
  /** The first meaningful content: visible when this selector matches. */
  selector: string;
}

const PAGES: PageSpec[] = [
  { name: "login", path: "/login", user: null, selector: '[data-testid="login-submit"]' },
  { name: "plan", path: "/plans/{plan}", user: "sct.dieuphoi", selector: '[data-testid="task-row"]' },
  {
    name: "targets",
    path: "/plans/{plan}/targets",
    user: "sct.dieuphoi",
    selector: '[data-testid="tg-targets"] [data-testid="status-badge"]',
  },
  {
    name: "status",
    path: "/plans/{plan}/status",
    user: "sct.dieuphoi",
    selector: '[data-testid="status-row"]',
  },
  {
    name: "dashboard",
    path: "/plans/{plan}/dashboard",
    user: "lanhdao.tinh",
    selector: '[data-testid="dashboard"] [data-testid="db-tile"]',
  },
];

interface Measure {
  fcpMs: number | null;
  contentMs: number | null;
  transferred: number;
  requests: number;
  jsGzip: number;
  jsFiles: number;
  offOrigin: string[];
  missing: boolean;
}

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const names = (args[0] ?? PAGES.map((p) => p.name).join(",")).split(",");
const RUNS = Math.max(1, Number(args[1] ?? 1));
const selected = names.map((n) => {
  const p = PAGES.find((x) => x.name === n);
  if (!p) throw new Error(`unknown page ${n}; known: ${PAGES.map((x) => x.name).join(", ")}`);
  return p;
});

if (!process.argv.includes("--no-build")) {
  await build({ configFile: path.resolve(import.meta.dirname, "../vite.config.ts"), logLevel: "warn" });
}
const database = await openDatabase({ dataDir: "memory" });
await database.migrate();
const { planId } = await seedDemo(database, () => {}, { history: true });
const server = await startServer({ db: database, port: 0, host: "127.0.0.1" });
const origin = `http://127.0.0.1:${server.port}`;

/** gzip size of a built file, as the wire would carry it (default level, what Vite reports). */
function gzipOf(pathname: string): number {
  try {
    return gzipSync(readFileSync(path.join(WEB_DIST, pathname))).length;
  } catch {
    return 0;
  }
}

/** A cold visit (fresh context, empty cache), then a repeat visit (same context: cached assets). */
async function measure(browser: Browser, spec: PageSpec): Promise<{ cold: Measure; warm: Measure }> {
  const context = await browser.newContext({
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    viewport: { width: 1366, height: 900 },
  });
  try {
    if (spec.user) {
      const res = await context.request.post(`${origin}/api/auth/login`, {
        data: { username: spec.user, password: DEMO_PASSWORD },
      });
      if (!res.ok()) throw new Error(`login ${spec.user}: ${res.status()}`);
      // The app asks GET /api/auth/me only when its session hint is set (src/web/auth.tsx).
      await context.addInitScript(() => {
        window.localStorage.setItem("kehoach.session", "1");
      });
    }
    const cold = await loadOnce(context, spec);
    const warm = await loadOnce(context, spec);
    return { cold, warm };
  } finally {
    await context.close();
  }
}

async function loadOnce(context: BrowserContext, spec: PageSpec): Promise<Measure> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: PROFILE.latencyMs,
    downloadThroughput: (PROFILE.kbitPerS * 1000) / 8,
    uploadThroughput: (PROFILE.kbitPerS * 1000) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PROFILE.cpu });
  const urls = new Map<string, string>();
  let transferred = 0;
  const offOrigin: string[] = [];
  cdp.on("Network.requestWillBeSent", (e) => {
    urls.set(e.requestId, e.request.url);
    const u = e.request.url;
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) offOrigin.push(u);
  });
  cdp.on("Network.loadingFinished", (e) => {
    transferred += e.encodedDataLength;
  });
  const jsAt = new Map<string, number>();
  cdp.on("Network.responseReceived", (e) => {
    if (e.type === "Script") jsAt.set(new URL(e.response.url).pathname, performance.now());
  });
  await page.goto(origin + spec.path.replace("{plan}", String(planId)), { waitUntil: "commit" });
  let missing = false;
  try {
    // Checked on every frame in the page, which notes the time the content first showed.
    await page.waitForFunction(
      (sel) => {
        const w = window as unknown as { __content?: number };
        if (document.querySelector(sel)) {
          w.__content ??= performance.now();
          return true;
        }
        return document.querySelector('[data-testid="not-found"]') !== null;
      },
      spec.selector,
      { timeout: TIMEOUT_MS, polling: "raf" },
    );
    missing = (await page.locator(spec.selector).count()) === 0;
  } catch {
    missing = true;
  }
  const contentAt = performance.now();
  // Let late requests finish so the transferred bytes are the page's whole first load.
  await page.waitForLoadState("networkidle", { timeout: TIMEOUT_MS }).catch(() => {});
  const timing = await page.evaluate(() => ({
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    content: (window as unknown as { __content?: number }).__content ?? null,
  }));
  // The JavaScript the page needed before its content showed: the initial JS.
  const js = [...jsAt.entries()].filter(([, at]) => at <= contentAt);
  const jsGzip = js.reduce((s, [p]) => s + gzipOf(p), 0);
  return {
    fcpMs: timing.fcp,
    contentMs: missing ? null : timing.content,
    transferred,
    requests: urls.size,
    jsGzip,
    jsFiles: js.length,
    offOrigin,
    missing,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] as number;
};
const sec = (ms: number | null) => (ms === null ? "—" : `${(ms / 1000).toFixed(1).replace(".", ",")} s`);
const kb = (b: number) => `${Math.round(b / 1024)} KB`;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const rows: string[] = [];
const verdicts: string[] = [];
try {
  for (const spec of selected) {
    const both: { cold: Measure; warm: Measure }[] = [];
    for (let i = 0; i < RUNS; i++) both.push(await measure(browser, spec));
    if (both.every((r) => r.cold.missing)) {
      rows.push(`| ${spec.name} | ${spec.path} | missing | — | — | — | — | — | — | — |`);
      console.log(`${spec.name}: missing (no ${spec.selector} within ${TIMEOUT_MS / 1000} s)`);
      continue;
    }
    const ok = both.filter((r) => !r.cold.missing);
    const pick = (which: "cold" | "warm"): Measure => {
      const runs = ok.map((r) => r[which]);
      return {
        ...(runs[0] as Measure),
        fcpMs: median(runs.map((r) => r.fcpMs ?? Number.NaN)),
        contentMs: median(runs.map((r) => r.contentMs ?? Number.NaN)),
        transferred: median(runs.map((r) => r.transferred)),
        jsGzip: median(runs.map((r) => r.jsGzip)),
        offOrigin: [...new Set(runs.flatMap((r) => r.offOrigin))],
      };
    };
    const m = pick("cold");
    const w = pick("warm");
    const off = [...new Set([...m.offOrigin, ...w.offOrigin])];
    rows.push(
      `| ${spec.name} | ${spec.path} | ${sec(m.fcpMs)} | ${sec(m.contentMs)} | ${kb(m.transferred)} | ${m.requests} | ${kb(m.jsGzip)} (${m.jsFiles}) | ${sec(w.contentMs)} | ${kb(w.transferred)} | ${off.length === 0 ? "none" : off.join(" ")} |`,
    );
    if (spec.name === "dashboard")
      verdicts.push(
        `Dashboard goal (usable within 1,5 s, initial JS under 250 KB gzipped, no off-origin request): cold visit ${(m.contentMs ?? Infinity) <= GOAL.usableMs && m.jsGzip < GOAL.initialJsGzip && off.length === 0 ? "met" : "NOT met"}, repeat visit ${(w.contentMs ?? Infinity) <= GOAL.usableMs && m.jsGzip < GOAL.initialJsGzip && off.length === 0 ? "met" : "NOT met"}.`,
      );
    console.log(rows.at(-1));
  }
} finally {
  await browser.close();
  await server.close();
  await database.close();
}

const table = [
  "| page | path | first paint | content visible | transferred | requests | initial JS gzipped (files) | repeat visit: content | repeat: transferred | off-origin |",
  "|---|---|---|---|---|---|---|---|---|---|",
  ...rows,
].join("\n");
console.log(`\n${table}\n${verdicts.join("\n")}`);
writeSection(
  "page-load",
  `## Pages on slow 4G (Chromium)

${machineLine()}; \`npx tsx bench/page-load.ts ${names.join(",")} ${RUNS}\`, PGlite in memory, demo plan and history, loopback.
Chromium headless, CDP throttling: ${PROFILE.latencyMs} ms latency, ${PROFILE.kbitPerS} kbit/s down and up, CPU ${PROFILE.cpu}× slower;
each page cold (fresh context, empty cache), then visited again in the same context (hashed assets cached),
signed in as the page's user; median of ${RUNS} run(s).
"content visible" = the page's first meaningful element (a task row, a target's badge, a status row, the login button);
"JS gzipped" = the scripts loaded before it, gzipped; "transferred" = bytes on the wire for the whole first load.

${table}

${verdicts.join("\n")}`,
);
