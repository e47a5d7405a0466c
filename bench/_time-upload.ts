import { randomBytes } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { openDatabase } from "/work/wt/uploadstore/src/db/connection.ts";
import { seedDemo } from "/work/wt/uploadstore/src/db/seed.ts";
import { readUpload, uploadIndicatorValues } from "/work/wt/uploadstore/src/db/indicators/upload.ts";
import { scopeInProvince } from "/work/wt/uploadstore/src/server/province-access.ts";
const url = process.env.DATABASE_URL;
const database = await openDatabase(url ? { url } : { dataDir: "memory" });
await database.migrate(); await seedDemo(database);
const wb = new ExcelJS.Workbook(); const ws = wb.addWorksheet("values");
ws.addRow(["indicator", "period", "scope", "kind", "value", "unit", "source", "comment"]);
for (let i = 0; i < 5000; i++) ws.addRow(["total_workers", String(2000 + (i % 30)), `Tuyên Quang, đơn vị ${i}`, "official", i, "người", "bench", randomBytes(450).toString("base64")]);
const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
const rows = await readUpload("x.xlsx", bytes);
for (let k = 0; k < 3; k++) {
  const h = monitorEventLoopDelay({ resolution: 5 }); h.enable();
  const t = performance.now();
  const r = await uploadIndicatorValues(database.db, { name: "x.xlsx", bytes }, { userId: 1, username: "admin" } as never, {
    read: async () => rows, mayWrite: () => true, mayWriteScope: (_i, s) => scopeInProvince(s, "Tuyên Quang"),
  }, { planId: 1 });
  h.disable();
  console.log(`upload ${k}: ${(performance.now() - t).toFixed(0)} ms, stored ${r.stored}, json ${(JSON.stringify(r).length/1e6).toFixed(1)} MB, max loop block ${(h.max / 1e6).toFixed(0)} ms`);
}
await database.close();
