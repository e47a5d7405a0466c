/**
 * Body limits (issue 8 §2): every write is refused 413 once its body passes the route's limit,
 * counted while it streams — the body generators below count what the server pulled, and it
 * stops just past the limit, far short of what the client would send; an anonymous write is
 * refused 401 without a byte read; the largest legitimate bodies still pass.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES } from "../db/indicators/upload.ts";
import { MAX_ATTACHMENT_BYTES } from "../db/reporting/attachments.ts";
import { MAX_PLAN_BYTES } from "../importer/text.ts";
import {
  CONFIRM_LIMIT,
  DEFAULT_JSON_LIMIT,
  limitFor,
  MAX_GEO_LAYER_BYTES,
  REPORT_SAVE_LIMIT,
} from "./body-limits.ts";
import { type ErrorJson, startTestApp, type TestApp } from "./test-app.ts";
import { authHeaders, call, login, type TestSession } from "./test-auth.ts";

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

const bytes = (s: string | Uint8Array) => (typeof s === "string" ? new TextEncoder().encode(s) : s);

/** A body of `head`, then `fill` bytes of "a", then `tail`, made only as the reader pulls it. */
function streamed(head: string | Uint8Array, fill: number, tail = "") {
  const parts = [bytes(head)];
  const filler = new Uint8Array(CHUNK).fill(0x61);
  let left = fill;
  let tailSent = false;
  const counter = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        let next = parts.shift();
        if (!next && left > 0) {
          const n = Math.min(CHUNK, left);
          left -= n;
          next = filler.subarray(0, n);
        }
        if (!next && !tailSent && tail) {
          tailSent = true;
          next = bytes(tail);
        }
        if (!next) return controller.close();
        counter.pulled += next.byteLength;
        controller.enqueue(next);
      },
      // Nothing is made before the server asks: a stream pulls its first chunk eagerly otherwise.
    },
    { highWaterMark: 0 },
  );
  return { body, counter };
}

const PNG_MAGIC = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

/** A multipart body with one file part of `size` bytes (starting with `magic`), streamed. */
function multipart(filename: string, size: number, magic = new Uint8Array()) {
  const boundary = "----kehoach-test-boundary";
  const head = bytes(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const start = new Uint8Array(head.length + magic.length);
  start.set(head);
  start.set(magic, head.length);
  const tail = `\r\n--${boundary}--\r\n`;
  return { ...streamed(start, size - magic.length, tail), type: `multipart/form-data; boundary=${boundary}` };
}

let t: TestApp;
let reporter: TestSession;
let admin: TestSession;
let coordinator: TestSession;
let reportId: number;

async function post(
  session: TestSession | null,
  method: string,
  path: string,
  body: ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
) {
  const res = await t.app.request(path, {
    method,
    body,
    duplex: "half",
    headers: { "content-type": "application/json", ...(session ? authHeaders(session) : {}), ...headers },
  } as RequestInit);
  const text = await res.text();
  return { status: res.status, body: (text.startsWith("{") ? JSON.parse(text) : {}) as ErrorJson };
}

beforeAll(async () => {
  t = await startTestApp();
  [reporter, admin, coordinator] = await Promise.all([
    login(t.app, "sct.baocao"),
    login(t.app, "admin"),
    login(t.app, "sct.dieuphoi"),
  ]);
  const opened = await call(t.app, coordinator, "POST", `/api/plans/${t.planId}/periods`, {
    frequency: "quarterly",
    label: "2026-Q1",
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  const list = await call<{ items: { id: number; agency: { name: string } }[] }>(
    t.app,
    coordinator,
    "GET",
    `/api/expected-reports?plan=${t.planId}`,
  );
  const mine = list.body.items.find((e) => e.agency.name === "Sở Công Thương");
  if (!mine) throw new Error("no expected report for Sở Công Thương");
  reportId = mine.id;
});
afterAll(async () => {
  await t?.close();
});

describe("the table of limits", () => {
  it("gives uploads their documented maximum plus the multipart envelope, JSON a small default", () => {
    expect(limitFor("POST", "/api/reports/7/attachments").bytes).toBeGreaterThan(MAX_ATTACHMENT_BYTES);
    expect(limitFor("POST", "/api/reports/7/attachments").bytes).toBeLessThan(MAX_ATTACHMENT_BYTES + MB);
    expect(limitFor("POST", "/api/imports/preview").bytes).toBeGreaterThan(MAX_PLAN_BYTES);
    expect(limitFor("POST", "/api/plans/1/indicator-values/upload").bytes).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(limitFor("POST", "/api/imports/confirm").bytes).toBe(CONFIRM_LIMIT);
    expect(limitFor("PUT", "/api/reports/7").bytes).toBe(REPORT_SAVE_LIMIT);
    expect(limitFor("PUT", "/api/geo/x.geojson").bytes).toBe(MAX_GEO_LAYER_BYTES);
    expect(limitFor("POST", "/api/reports/7/submit").bytes).toBe(DEFAULT_JSON_LIMIT);
    expect(limitFor("PUT", "/api/reports/7/extra").bytes).toBe(DEFAULT_JSON_LIMIT);
  });
});

describe("JSON bodies", () => {
  it("a report save over its limit, without Content-Length (chunked): 413, and reading stopped at the limit", async () => {
    const { body, counter } = streamed('{"version":0,"summary":"', 64 * MB);
    const r = await post(reporter, "PUT", `/api/reports/${reportId}`, body);
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(r.body.error.message).toContain("8 MB");
    expect(r.body.error.messageVi).toContain("tối đa 8 MB");
    expect(counter.pulled).toBeLessThanOrEqual(REPORT_SAVE_LIMIT + 2 * CHUNK);
  });

  it("a Content-Length that lies (small) does not let a large body through", async () => {
    const { body, counter } = streamed('{"version":0,"updates":[],"summary":"', 16 * MB);
    const r = await post(reporter, "POST", `/api/reports/${reportId}/submit`, body, {
      "content-length": "40",
    });
    expect(r.status).toBe(413);
    expect(r.body.error.messageVi).toContain("1 MB");
    expect(counter.pulled).toBeLessThanOrEqual(DEFAULT_JSON_LIMIT + 2 * CHUNK);
  });

  it("a declared Content-Length over the limit is refused before a byte is read", async () => {
    const { body, counter } = streamed("{", 4 * MB);
    const r = await post(reporter, "POST", `/api/reports/${reportId}/submit`, body, {
      "content-length": String(4 * MB + 1),
    });
    expect(r.status).toBe(413);
    expect(counter.pulled).toBe(0);
  });

  it("an anonymous write is refused 401 without reading its body", async () => {
    const { body, counter } = streamed('{"version":0,"summary":"', 64 * MB);
    const r = await post(null, "PUT", `/api/reports/${reportId}`, body);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe("UNAUTHORIZED");
    expect(counter.pulled).toBe(0);
  });

  it("sign-in stays anonymous, with a small limit", async () => {
    const { body, counter } = streamed('{"username":"admin","password":"', 4 * MB);
    const r = await post(null, "POST", "/api/auth/login", body);
    expect(r.status).toBe(413);
    expect(counter.pulled).toBeLessThan(MB);
    const ok = await call(t.app, null, "POST", "/api/auth/logout");
    expect(ok.status).toBe(200);
  });

  it("the largest legitimate report draft still passes: every task with a long Vietnamese result", async () => {
    const got = await call<{ report: { version: number }; tasks: { id: number }[] }>(
      t.app,
      reporter,
      "GET",
      `/api/reports/${reportId}`,
    );
    expect(got.status).toBe(200);
    const result = "Đã triển khai thực hiện đầy đủ các nội dung được giao; ".repeat(330).slice(0, 20000);
    const draft = {
      version: got.body.report.version,
      summary: "Tổng hợp kết quả thực hiện kế hoạch trong kỳ báo cáo. ".repeat(900).slice(0, 50000),
      updates: got.body.tasks.map((task) => ({
        taskId: task.id,
        status: "in_progress",
        result,
        difficulties: result,
        proposals: result,
      })),
    };
    const size = Buffer.byteLength(JSON.stringify(draft));
    expect(size).toBeGreaterThan(DEFAULT_JSON_LIMIT);
    const saved = await call(t.app, reporter, "PUT", `/api/reports/${reportId}`, draft);
    expect(saved.status, JSON.stringify(saved.body).slice(0, 300)).toBe(200);
  });

  it("the import confirmation with a document of the largest size still passes the limit", async () => {
    const r = await post(
      admin,
      "POST",
      "/api/imports/confirm",
      streamed(`{"sourceName":"x.txt","documentBase64":"`, Math.ceil((MAX_PLAN_BYTES * 4) / 3), '"}').body,
    );
    // Past the body limit: the validator answers for the missing plan, not the size.
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("VALIDATION");
    const over = streamed(`{"sourceName":"x.txt","documentBase64":"`, 64 * MB);
    expect((await post(admin, "POST", "/api/imports/confirm", over.body)).status).toBe(413);
    expect(over.counter.pulled).toBeLessThanOrEqual(CONFIRM_LIMIT + 2 * CHUNK);
  });

  it("a map layer over its limit: 413", async () => {
    const { body, counter } = streamed('{"attribution":"x","source":"y","geojson":{"a":"', 32 * MB);
    const r = await post(admin, "PUT", "/api/geo/tuyen_quang_districts_pre2025.geojson", body);
    expect(r.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(MAX_GEO_LAYER_BYTES + 2 * CHUNK);
  });
});

describe("uploads", () => {
  it("an attachment over 10 MB: 413 with reading stopped; one of exactly 10 MB is stored", async () => {
    const big = multipart("scan.png", 40 * MB, PNG_MAGIC);
    const r = await post(reporter, "POST", `/api/reports/${reportId}/attachments`, big.body, {
      "content-type": big.type,
    });
    expect(r.status).toBe(413);
    expect(r.body.error.messageVi).toBe("Dữ liệu gửi lên quá lớn: tệp đính kèm tối đa 10 MB.");
    expect(big.counter.pulled).toBeLessThanOrEqual(
      limitFor("POST", "/api/reports/1/attachments").bytes + 2 * CHUNK,
    );

    const exact = multipart("scan.png", MAX_ATTACHMENT_BYTES, PNG_MAGIC);
    const ok = await post(reporter, "POST", `/api/reports/${reportId}/attachments`, exact.body, {
      "content-type": exact.type,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it("a plan document over its limit: 413; one just over 10 MB gets the importer's own answer", async () => {
    const big = multipart("plan.txt", 40 * MB);
    const r = await post(admin, "POST", "/api/imports/preview", big.body, { "content-type": big.type });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(big.counter.pulled).toBeLessThanOrEqual(
      limitFor("POST", "/api/imports/preview").bytes + 2 * CHUNK,
    );
    // The envelope has room: a file one byte over the maximum reaches the route's own check.
    const edge = multipart("plan.txt", MAX_PLAN_BYTES + 1);
    const e = await post(admin, "POST", "/api/imports/preview", edge.body, { "content-type": edge.type });
    expect(e.body.error.code).toBe("PLAN_TOO_LARGE");
  });

  it("an indicator file over its limit: 413; one just over 5 MB gets the upload's own answer", async () => {
    const path = `/api/plans/${t.planId}/indicator-values/upload`;
    const big = multipart("values.csv", 40 * MB);
    const r = await post(coordinator, "POST", path, big.body, { "content-type": big.type });
    expect(r.status).toBe(413);
    expect(big.counter.pulled).toBeLessThanOrEqual(limitFor("POST", path).bytes + 2 * CHUNK);
    const edge = multipart("values.csv", MAX_UPLOAD_BYTES + 1);
    const e = await post(coordinator, "POST", path, edge.body, { "content-type": edge.type });
    expect(e.status).toBe(400);
    expect(e.body.error.message).toContain("5 MB");
  });

  it("an anonymous upload is refused 401 without reading it", async () => {
    const big = multipart("scan.png", 40 * MB, PNG_MAGIC);
    const r = await post(null, "POST", `/api/reports/${reportId}/attachments`, big.body, {
      "content-type": big.type,
    });
    expect(r.status).toBe(401);
    expect(big.counter.pulled).toBe(0);
  });
});
