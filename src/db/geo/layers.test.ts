/**
 * A replaced map layer is stored as gzip text (compressed in the worker), not as one multi-MB
 * jsonb value that held PGlite's one connection for up to 0.9 s (issue 8); an upload stored
 * before that change (jsonb, migration 0008 keeps it as it was) is still served.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { geoLayers } from "../schema.ts";
import { seededTestDb, type TestDatabase } from "../test-db.ts";
import { prepareLayerBody } from "./layer-input.ts";
import { replaceGeoLayer, shippedText, uploadText } from "./layers.ts";

const FILE = "tuyen_quang_province_pre2025.geojson";
let database: TestDatabase;
beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  ({ database } = await seededTestDb());
});
afterAll(async () => {
  await database?.close();
});

describe("stored map layers", () => {
  it("stores a replacement as gzip text and serves exactly the checked JSON", async () => {
    const geojson = JSON.parse(shippedText(FILE));
    const prepared = prepareLayerBody(JSON.stringify({ geojson, attribution: "Sở NN&MT", source: "2026" }));
    await replaceGeoLayer(database.db, FILE, prepared, { userId: null, username: "test" });
    const [row] = await database.db.select().from(geoLayers).where(eq(geoLayers.layer, FILE));
    expect(row?.geojson).toBeNull();
    expect(row?.geojsonGzip?.length).toBeGreaterThan(0);
    expect(await uploadText(database.db, row?.id as number)).toBe(prepared.geojsonText);
  });

  it("an upload stored as jsonb before the change is still read", async () => {
    const [old] = await database.db
      .insert(geoLayers)
      .values({
        layer: FILE,
        geojson: sql`'{"type":"FeatureCollection","features":[]}'::jsonb`,
        attribution: "a",
        source: "b",
        sha256: "x",
      })
      .returning({ id: geoLayers.id });
    expect(JSON.parse(await uploadText(database.db, old?.id as number))).toEqual({
      type: "FeatureCollection",
      features: [],
    });
  });

  it("refuses a row with neither body", async () => {
    await expect(
      database.db.insert(geoLayers).values({ layer: FILE, attribution: "a", source: "b", sha256: "x" }),
    ).rejects.toThrow();
  });
});
