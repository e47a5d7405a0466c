/**
 * The map layers on the seeded demo (real database, both engines): the shipped files with their
 * attribution, an administrator's replacement with official data (checked, kept, audited,
 * served with its own attribution), and who may replace.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestApp, type TestApp } from "../../test-app.ts";
import { call, login, type TestSession } from "../../test-auth.ts";

const DISTRICTS = "tuyen_quang_districts_pre2025.geojson";
const shipped = JSON.parse(
  readFileSync(new URL(`../../../../data/geo/${DISTRICTS}`, import.meta.url), "utf8"),
) as {
  type: string;
  features: { properties: Record<string, unknown> }[];
};

let t: TestApp;
let admin: TestSession;
let coordinator: TestSession;

beforeAll(async () => {
  t = await startTestApp();
  admin = await login(t.app, "admin");
  coordinator = await login(t.app, "sct.dieuphoi");
});
afterAll(async () => {
  await t?.close();
});

interface Listing {
  files: { file: string; origin: string; attribution: string; uploadedAt: string | null }[];
  attribution: string;
}

describe("the map layers", () => {
  it("serves the four shipped GeoJSON files with their attribution, and nothing else", async () => {
    const list = await t.get<Listing>("/api/geo");
    expect(list.body.files).toHaveLength(4);
    expect(list.body.files.every((f) => f.origin === "shipped")).toBe(true);
    expect(list.body.attribution).toContain("Who's On First");
    const res = await t.app.request(`/api/geo/${DISTRICTS}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/geo+json");
    expect(res.headers.get("x-attribution")).toContain("Who's On First (CC0)");
    const geo = (await res.json()) as { type: string; features: unknown[] };
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features).toHaveLength(7);
    expect((await t.app.request("/api/geo/README.md")).status).toBe(400);
    expect((await t.app.request("/api/geo/..%2F..%2Fpackage.json")).status).toBe(400);
  });

  it("refuses a layer in VN-2000 metres whole, naming where, and keeps serving the shipped one", async () => {
    const metres = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { name: "Sơn Dương" },
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [431000, 2410000],
                [432000, 2410000],
                [432000, 2411000],
                [431000, 2410000],
              ],
            ],
          },
        },
      ],
    };
    const r = await call<{ error: { code: string; message: string; fields: { field: string }[] } }>(
      t.app,
      admin,
      "PUT",
      `/api/geo/${DISTRICTS}`,
      { geojson: metres, attribution: "Sở NN&MT", source: "Bản đồ VN-2000" },
    );
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0]?.field).toBe("geojson.features.0.geometry.coordinates.0.0");
    expect(r.body.error.message).toContain("VN-2000");
    const list = await t.get<Listing>("/api/geo");
    expect(list.body.files.find((f) => f.file === DISTRICTS)?.origin).toBe("shipped");
  });

  it("an administrator replaces the districts layer; the map then draws it with its own attribution", async () => {
    const official = structuredClone(shipped);
    for (const f of official.features) f.properties.source_note = "official";
    const r = await call<{ origin: string; attribution: string }>(
      t.app,
      admin,
      "PUT",
      `/api/geo/${DISTRICTS}`,
      {
        geojson: official,
        attribution: "Ranh giới: Sở Nông nghiệp và Môi trường tỉnh Tuyên Quang",
        source: "Bản đồ hành chính tỉnh Tuyên Quang 2024",
      },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ origin: "uploaded" });
    const res = await t.app.request(`/api/geo/${DISTRICTS}`);
    expect(res.headers.get("x-attribution")).toBe("Ranh gioi: So Nong nghiep va Moi truong tinh Tuyen Quang");
    const served = (await res.json()) as typeof shipped;
    expect(served.features).toHaveLength(7);
    expect(served.features.every((f) => f.properties.source_note === "official")).toBe(true);
    const list = await t.get<Listing>("/api/geo");
    expect(list.body.attribution).toContain("Sở Nông nghiệp và Môi trường");
    // The other layers are untouched; the replacement is in the audit log.
    expect(list.body.files.filter((f) => f.origin === "shipped")).toHaveLength(3);
    const audit = await call<{ action: string }[]>(t.app, admin, "GET", "/api/audit?entity=geo_layer");
    expect(audit.body.map((a) => a.action)).toEqual(["geo.replace"]);
  });

  it("only an administrator replaces a layer: a coordinator gets 403, nobody signed in 401", async () => {
    const body = { geojson: shipped, attribution: "x", source: "y" };
    expect((await call(t.app, coordinator, "PUT", `/api/geo/${DISTRICTS}`, body)).status).toBe(403);
    expect((await call(t.app, null, "PUT", `/api/geo/${DISTRICTS}`, body)).status).toBe(401);
  });
});

describe("map layers: limits, and served from a cached, compressed response (issue 8, defect 4)", () => {
  const put = (body: string) =>
    t.app.request(`/api/geo/${DISTRICTS}`, {
      method: "PUT",
      body,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "application/json" },
    });

  it("refuses a layer over 10 MB with 413, naming the limit, and stores nothing", async () => {
    const big = structuredClone(shipped);
    // Just over the layer's maximum: the layer's own error. (A far larger body is cut while it
    // streams by the body limit, also 413 naming 10 MB: src/server/body-limits.test.ts.)
    (big.features[0] as { properties: Record<string, unknown> }).properties.padding = "x".repeat(
      10 * 1024 * 1024 + 16 * 1024,
    );
    const res = await put(JSON.stringify({ geojson: big, attribution: "a", source: "b" }));
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string; messageVi: string } };
    expect(body.error.code).toBe("GEO_TOO_LARGE");
    expect(body.error.message).toContain("at most 10 MB");
    expect(body.error.messageVi).toContain("tối đa 10 MB");
  });

  it("refuses a layer of more than 200,000 positions with 422, naming the limit", async () => {
    const ring: number[][] = [];
    for (let i = 0; i < 200_001; i++)
      ring.push([105 + (i % 1000) / 10_000, 21 + Math.floor(i / 1000) / 10_000]);
    ring.push(ring[0] as number[]);
    const layer = {
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: { name: "X" }, geometry: { type: "Polygon", coordinates: [ring] } },
      ],
    };
    const res = await put(JSON.stringify({ geojson: layer, attribution: "a", source: "b" }));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("GEO_TOO_COMPLEX");
    expect(body.error.message).toContain("200000 positions");
  });

  it("refuses a body that is not JSON, or lacks the source, naming the field", async () => {
    expect((await put("{not json")).status).toBe(400);
    const res = await put(JSON.stringify({ geojson: shipped, attribution: "a" }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: { field: string }[] } };
    expect(body.error.fields.map((f) => f.field)).toEqual(["source"]);
  });

  it("answers with an ETag and Cache-Control, 304 on If-None-Match, gzip when accepted", async () => {
    const first = await t.app.request(`/api/geo/${DISTRICTS}`);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get("cache-control")).toContain("no-cache");
    expect(first.headers.get("vary")).toContain("accept-encoding");
    const plain = await first.text();
    const again = await t.app.request(`/api/geo/${DISTRICTS}`, {
      headers: { "if-none-match": etag as string },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const zipped = await t.app.request(`/api/geo/${DISTRICTS}`, {
      headers: { "accept-encoding": "gzip, br" },
    });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(Buffer.byteLength(plain) / 2);
    expect(gunzipSync(bytes).toString("utf8")).toBe(plain);
  });

  it("never parses or stringifies a stored layer on GET; a new upload gets a new ETag at once", async () => {
    const before = (await t.app.request(`/api/geo/${DISTRICTS}`)).headers.get("etag");
    const next = structuredClone(shipped);
    for (const f of next.features) f.properties.version = "2";
    const res = await put(JSON.stringify({ geojson: next, attribution: "Sở NN&MT", source: "2025" }));
    expect(res.status).toBe(200);
    const size = JSON.stringify(next).length;
    const parse = vi.spyOn(JSON, "parse");
    const stringify = vi.spyOn(JSON, "stringify");
    try {
      const first = await t.app.request(`/api/geo/${DISTRICTS}`);
      const text = await first.text();
      expect(first.headers.get("etag")).not.toBe(before);
      for (let i = 0; i < 3; i++) await (await t.app.request(`/api/geo/${DISTRICTS}`)).arrayBuffer();
      // The layer (tens of kilobytes) went through neither; small session and query JSON may.
      const parsed = parse.mock.calls.map(([s]) => String(s).length);
      const written = stringify.mock.results.map((r) => String(r.value ?? "").length);
      expect(Math.max(0, ...parsed)).toBeLessThan(size / 4);
      expect(Math.max(0, ...written)).toBeLessThan(size / 4);
      parse.mockRestore();
      expect((JSON.parse(text) as typeof shipped).features.every((f) => f.properties.version === "2")).toBe(
        true,
      );
    } finally {
      parse.mockRestore();
      stringify.mockRestore();
    }
  });
});
