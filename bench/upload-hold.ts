/**
 * Issue 8: how long one largest upload keeps other users' queries waiting on PGlite's one
 * connection, measured in process (no HTTP, no worker CPU): a probe query runs in a loop, a turn
 * of the event loop apart, while a 5,000-row indicator upload and a 199,999-position map layer
 * are stored; prints the probes' longest wait. Run: `npx tsx bench/upload-hold.ts`.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { openDatabase } from "../src/db/connection.ts";
import { prepareLayerBody } from "../src/db/geo/layer-input.ts";
import { replaceGeoLayer } from "../src/db/geo/layers.ts";
import { uploadIndicatorValues } from "../src/db/indicators/upload.ts";
import { seedDemo } from "../src/db/seed.ts";

const database = await openDatabase(process.env.DATABASE_URL ? {} : { dataDir: "memory" });
await database.migrate();
await seedDemo(database);
const db = database.db;
const actor = { userId: null, username: "bench" };

async function probed(what: string, job: () => Promise<unknown>) {
  const waits: number[] = [];
  let done = false;
  const start = performance.now();
  const running = job().finally(() => {
    done = true;
  });
  while (!done) {
    await new Promise((r) => setImmediate(r));
    const t = performance.now();
    await db.execute(sql`select count(*) from indicator_values`);
    waits.push(performance.now() - t);
  }
  await running;
  waits.sort((a, b) => a - b);
  console.log(
    `${what}: ${(performance.now() - start).toFixed(0)} ms, ${waits.length} probes, p99 ${waits[Math.floor(waits.length * 0.99)]?.toFixed(0)} ms, longest ${waits.at(-1)?.toFixed(0)} ms`,
  );
}

const lines = ["indicator,period,scope,kind,value,unit,source,comment"];
for (let i = 0; i < 5000; i++)
  lines.push(
    `total_workers,${2000 + (i % 30)},"Tuyên Quang, đơn vị ${i}",official,${i},,bench,${randomBytes(450).toString("base64")}`,
  );
const bytes = new TextEncoder().encode(lines.join("\n"));
const ring: number[][] = [];
for (let i = 0; i < 199_998; i++)
  ring.push([105 + (i % 1000) / 10_000 + Math.random() / 1e7, 21 + Math.floor(i / 1000) / 10_000]);
ring.push(ring[0] as number[]);
const layer = prepareLayerBody(
  JSON.stringify({
    geojson: {
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: { name: "B" }, geometry: { type: "Polygon", coordinates: [ring] } },
      ],
    },
    attribution: "bench",
    source: "bench",
  }),
);
for (let round = 1; round <= 2; round++) {
  await probed(`upload 5,000 rows (round ${round})`, () =>
    uploadIndicatorValues(db, { name: "b.csv", bytes }, actor, { mayWrite: () => true }, { planId: 1 }),
  );
  await probed(`map layer 5.5 MB (round ${round})`, () =>
    replaceGeoLayer(db, "tuyen_quang_province_pre2025.geojson", layer, actor),
  );
}
await database.close();
