/**
 * Body limits over real HTTP (issue 8 §2), through @hono/node-server on a free port: a client
 * pushes 128 MB as fast as the socket takes it, and the answer (401 or 413) comes after a few MB,
 * the rest never sent; a declared Content-Length over the limit is answered before any body;
 * the server still answers the next request.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./test-app.ts";
import { authHeaders, login, type TestSession } from "./test-auth.ts";

const MB = 1024 * 1024;
const TOTAL = 128 * MB;

let t: TestApp;
let server: ReturnType<typeof serve>;
let port: number;
let reporter: TestSession;

beforeAll(async () => {
  t = await startTestApp();
  reporter = await login(t.app, "sct.baocao");
  await new Promise<void>((resolve) => {
    server = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      port = info.port;
      resolve();
    });
  });
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await t?.close();
});

interface Pushed {
  status?: number;
  /** Bytes the client handed to the socket before the answer came (or the socket closed). */
  sent: number;
  body: string;
}

/** Writes up to `total` bytes as the socket drains, stopping as soon as an answer arrives. */
function push(method: string, path: string, headers: Record<string, string>, total = TOTAL): Promise<Pushed> {
  return new Promise((resolve) => {
    const req = http.request({ host: "127.0.0.1", port, path, method, headers });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const out: Pushed = { sent: 0, body: "" };
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve(out);
    };
    req.on("response", (res) => {
      out.status = res.statusCode;
      res.setEncoding("utf8");
      res.on("data", (d: string) => {
        out.body += d;
      });
      res.on("end", finish);
    });
    req.on("error", finish);
    req.write('{"version":0,"summary":"');
    const write = () => {
      while (out.sent < total && out.status === undefined && !done) {
        out.sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", write);
          return;
        }
      }
      if (out.sent >= total) req.end();
    };
    write();
  });
}

describe("over HTTP", () => {
  it("an anonymous chunked PUT of 128 MB is answered 401 after a few MB", async () => {
    const r = await push("PUT", "/api/reports/5", { "content-type": "application/json" });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body).error.code).toBe("UNAUTHORIZED");
    expect(r.sent).toBeLessThan(32 * MB);
  });

  it("a signed-in chunked report save of 128 MB is answered 413 after its 8 MB limit", async () => {
    const r = await push("PUT", "/api/reports/5", {
      "content-type": "application/json",
      ...authHeaders(reporter),
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(r.sent).toBeLessThan(40 * MB);
  });

  it("a declared Content-Length over the limit is answered before the body", async () => {
    const r = await push("POST", "/api/reports/5/submit", {
      "content-type": "application/json",
      "content-length": String(TOTAL),
      ...authHeaders(reporter),
    });
    expect(r.status).toBe(413);
    expect(r.sent).toBeLessThan(32 * MB);
  });

  it("still answers afterwards", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(res.status).toBe(200);
  });
});
