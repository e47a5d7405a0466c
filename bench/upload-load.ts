/**
 * Issue 8, "Done when": while one client uploads the largest allowed files over and over — an
 * XLSX at the 5,000-row limit (about 4 MB), a plan at the 5,000-task cap, a map layer at the
 * 200,000-position limit — other users' requests (GET /api/health, /api/plans/1,
 * /api/tasks?plan=1) stay fast. The app runs on loopback with the demo data (PGlite in memory);
 * autocannon measures the other users for a bounded time, first without uploads (baseline),
 * then with them. Prints the numbers and writes bench/RESULTS.md's upload-load section.
 * Run: `npx tsx bench/upload-load.ts [seconds]` (default 10).
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import autocannon from "autocannon";
import ExcelJS from "exceljs";
import pg from "pg";
import { openDatabase } from "../src/db/connection.ts";
import { seedDemo } from "../src/db/seed.ts";
import { DEMO_PASSWORD } from "../src/db/seed-accounts.ts";
import { startServer } from "../src/server/serve.ts";
import { machineLine, writeSection } from "./results.ts";

const SECONDS = Number(process.argv[2] ?? 10);
const GOAL_MS = 200;

// PGlite in memory, or (DATABASE_URL set) a fresh PostgreSQL database dropped afterwards.
const adminUrl = process.env.DATABASE_URL;
const benchDb = `kehoach_bench_${process.pid}`;
async function onAdmin(statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(statement);
  await client.end();
}
let url: string | undefined;
if (adminUrl) {
  await onAdmin(`create database ${benchDb}`);
  const u = new URL(adminUrl);
  u.pathname = `/${benchDb}`;
  url = u.toString();
}
const engine = url ? "PostgreSQL" : "PGlite in memory";
const database = await openDatabase(url ? { url } : { dataDir: "memory" });
await database.migrate();
await seedDemo(database);
const server = await startServer({ db: database, port: 0, host: "127.0.0.1" });
const base = `http://127.0.0.1:${server.port}`;

async function login(username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
  return { cookie, "x-csrf-token": body.csrfToken };
}
const admin = await login("admin");
const coordinator = await login("sct.dieuphoi");

// The largest files each limit allows.
async function xlsxAtLimit(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("values");
  ws.addRow(["indicator", "period", "scope", "kind", "value", "unit", "source", "comment"]);
  for (let i = 0; i < 5000; i++)
    ws.addRow([
      "total_workers",
      String(2000 + (i % 30)),
      // A scope of the plan's province (Tuyên Quang): the coordinator may enter it (defect 10).
      `Tuyên Quang, đơn vị ${i}`,
      "official",
      i,
      "người",
      "bench",
      randomBytes(450).toString("base64"),
    ]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
function planAtLimit(n = 5000): Uint8Array {
  const rows = ["TT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện\tGhi chú"];
  for (let g = 1; g <= n / 20; g++) {
    rows.push(`${g}\tNhóm nhiệm vụ số ${g}\t\t\t\t`);
    for (let i = 1; i <= 20; i++)
      rows.push(
        `${g}.${i}\tXây dựng kế hoạch phát triển công nghiệp số ${g}.${i}\tSở Công Thương\tCác sở, ngành liên quan, UBND huyện, thành phố\tTrình UBND tỉnh trong Quý ${["I", "II", "III", "IV"][i % 4]}/2022\t`,
      );
  }
  return new TextEncoder().encode(`KẾ HOẠCH\nThử nghiệm giai đoạn 2021 - 2025\n\n${rows.join("\n")}\n`);
}
function layerAtLimit(positions = 199_999): string {
  const ring: number[][] = [];
  for (let i = 0; i < positions - 1; i++)
    ring.push([105 + (i % 1000) / 10_000 + Math.random() / 1e7, 21 + Math.floor(i / 1000) / 10_000]);
  ring.push(ring[0] as number[]);
  const geojson = {
    type: "FeatureCollection",
    features: [
      { type: "Feature", properties: { name: "Bench" }, geometry: { type: "Polygon", coordinates: [ring] } },
    ],
  };
  return JSON.stringify({ geojson, attribution: "bench", source: "bench" });
}

const xlsx = await xlsxAtLimit();
const plan = planAtLimit();
const layer = layerAtLimit();
const sizes = { xlsx: xlsx.length, plan: plan.length, layer: Buffer.byteLength(layer) };

const form = (bytes: Uint8Array, name: string) => {
  const f = new FormData();
  f.set("file", new Blob([new Uint8Array(bytes)]), name);
  return f;
};
const uploads = [
  {
    what: "xlsx",
    send: () =>
      fetch(`${base}/api/plans/1/indicator-values/upload`, {
        method: "POST",
        headers: coordinator,
        body: form(xlsx, "limit.xlsx"),
      }),
  },
  {
    what: "plan",
    send: () =>
      fetch(`${base}/api/imports/preview`, { method: "POST", headers: admin, body: form(plan, "limit.txt") }),
  },
  {
    what: "layer",
    send: () =>
      fetch(`${base}/api/geo/tuyen_quang_province_pre2025.geojson`, {
        method: "PUT",
        headers: { ...admin, "content-type": "application/json" },
        body: layer,
      }),
  },
];

// BENCH_ONLY=xlsx,plan,layer runs only those uploads (to see which one slows the others); no
// section is written then.
const only = process.env.BENCH_ONLY?.split(",");
if (only) uploads.splice(0, uploads.length, ...uploads.filter((u) => only.includes(u.what)));

const pct = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number) : 0;

async function measure(withUploads: boolean) {
  const done: { what: string; status: number; ms: number }[] = [];
  let running = withUploads;
  const uploader = (async () => {
    for (let i = 0; running; i++) {
      const u = uploads[i % uploads.length] as (typeof uploads)[number];
      const start = performance.now();
      const res = await u.send();
      await res.arrayBuffer();
      done.push({ what: u.what, status: res.status, ms: performance.now() - start });
    }
  })();
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: 4,
        duration: SECONDS,
        requests: [{ path: "/api/health" }, { path: "/api/plans/1" }, { path: "/api/tasks?plan=1" }],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  running = false;
  await uploader;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors: result.errors + result.non2xx,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    max: latencies.at(-1) ?? 0,
    uploads: done,
  };
}

// The machine may be shared: its 1-minute load average before and after says how much.
const load = (): string => os.loadavg()[0]?.toFixed(1) ?? "?";
const loadBefore = load();
const baseline = await measure(false);
const loaded = await measure(true);
await server.close();
await database.close();
if (url) await onAdmin(`drop database ${benchDb}`);

const byKind = (what: string) => loaded.uploads.filter((u) => u.what === what);
const uploadLine = (what: string, label: string, size: number) => {
  const u = byKind(what);
  const statuses = [...new Set(u.map((x) => x.status))].join("/");
  const mean = u.length ? u.reduce((s, x) => s + x.ms, 0) / u.length : 0;
  return `| ${label} | ${(size / 1048576).toFixed(1)} MB | ${u.length} | ${statuses || "-"} | ${(mean / 1000).toFixed(1)} s |`;
};
const row = (label: string, r: typeof baseline) =>
  `| ${label} | ${r.requests} | ${r.p50.toFixed(0)} ms | ${r.p95.toFixed(0)} ms | ${r.p99.toFixed(0)} ms | ${r.max.toFixed(0)} ms | ${r.errors} |`;
const ok = loaded.p99 < GOAL_MS;
const loadAfter = load();
const out = `## Other users while the largest files are uploaded (${engine})

${machineLine()}, ${os.availableParallelism()} cores, load average ${loadBefore} → ${loadAfter}; \`${url ? "DATABASE_URL=… " : ""}npx tsx bench/upload-load.ts ${SECONDS}\`, ${engine}, loopback.
autocannon, 4 connections, ${SECONDS} s each: GET /api/health, /api/plans/1, /api/tasks?plan=1 in turn,
while one client uploads in a loop (parsed in worker threads, at most 2 at once).

| other users | requests | p50 | p95 | p99 | max | errors |
|---|---|---|---|---|---|---|
${row("no uploads (baseline)", baseline)}
${row("while uploading", loaded)}

| upload (repeated) | size | done | status | mean time |
|---|---|---|---|---|
${uploadLine("xlsx", "XLSX, 5,000 rows (row limit)", sizes.xlsx)}
${uploadLine("plan", "plan preview, 5,000 tasks (task cap)", sizes.plan)}
${uploadLine("layer", "map layer, 199,999 positions (position limit)", sizes.layer)}

Goal: other users' p99 under ${GOAL_MS} ms while uploading — ${ok ? "met" : "NOT met"}.
`;
process.stdout.write(out);
if (!only) writeSection(url ? "upload-load-postgres" : "upload-load-pglite", out);
