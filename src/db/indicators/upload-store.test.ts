/**
 * Storing a large upload (upload-store.ts): a file of several insert chunks is stored whole, the
 * second upload of the same figures revises the first ones, and the audit row says what was
 * uploaded — count, per-indicator counts, the id ranges and a digest that recomputes from the
 * stored rows — without carrying every figure (it used to hold all of them, seconds of hashing).
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../domain/errors.ts";
import { toCount } from "../connection.ts";
import type { ActorRef } from "../reporting/actor.ts";
import { auditLog, indicators, indicatorValues } from "../schema.ts";
import { seededTestDb, type TestDatabase } from "../test-db.ts";
import { uploadIndicatorValues } from "./upload.ts";
import { CHUNK, idRanges, SHOWN_VALUES, type UploadAudit, uploadDigest } from "./upload-store.ts";

const ACTOR: ActorRef = { userId: null, username: "test" };
const ROWS = CHUNK * 4 + 17;
let database: TestDatabase;

beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  ({ database } = await seededTestDb());
});
afterAll(async () => {
  await database?.close();
});

const csv = (rows: string[]) =>
  new TextEncoder().encode(["indicator,period,scope,kind,value,unit,source,comment", ...rows].join("\n"));
const rows = (source: string) =>
  Array.from(
    { length: ROWS },
    (_, i) =>
      `total_workers,${2000 + (i % 20)},"Tuyên Quang, đơn vị ${i}",official,${1000 + i},,${source},ghi chú ${i}`,
  );
const upload = (name: string, source: string) =>
  uploadIndicatorValues(
    database.db,
    { name, bytes: csv(rows(source)) },
    ACTOR,
    { mayWrite: () => true },
    { planId: 1 },
  );

async function storedOf(ids: [number, number][]) {
  const wanted = ids.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => a + k));
  return database.db
    .select({ v: indicatorValues, code: indicators.code })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(inArray(indicatorValues.id, wanted))
    .orderBy(asc(indicatorValues.id));
}
const lastUploadAudit = async () => {
  const found = await database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "indicator_value.upload")))
    .orderBy(asc(auditLog.id));
  return found.at(-1);
};

describe("storing a large upload", () => {
  it("stores every row across chunks; the audit row names them by ids, counts and a digest, not the figures", async () => {
    const r = await upload("first.csv", "Niên giám");
    expect(r.stored).toBe(ROWS);
    expect(r.values).toHaveLength(SHOWN_VALUES);
    expect(r.values[0]).toMatchObject({ indicator: "total_workers", value: 1000, origin: "upload" });
    const audit = await lastUploadAudit();
    const after = audit?.after as UploadAudit;
    expect(Object.keys(after).sort()).toEqual(["count", "digest", "file", "ids", "indicators"]);
    expect(after).toMatchObject({ file: "first.csv", count: ROWS, indicators: { total_workers: ROWS } });
    expect(audit?.planId).toBe(1);
    const stored = await storedOf(after.ids);
    expect(stored).toHaveLength(ROWS);
    expect(stored.every((s) => s.v.origin === "upload" && s.v.source === "Niên giám")).toBe(true);
    expect(stored.map((s) => s.v.value).sort((a, b) => a - b)).toEqual(
      Array.from({ length: ROWS }, (_, i) => 1000 + i),
    );
    // Anyone can check the stored rows against the audit row.
    expect(uploadDigest(stored.map((s) => ({ ...s.v, indicator: s.code })))).toBe(after.digest);
    expect(JSON.stringify(after).length).toBeLessThan(1000);
  });

  it("a second upload of the same figures revises each of the first ones (one lookup for all)", async () => {
    const first = (await lastUploadAudit())?.after as UploadAudit;
    await upload("second.csv", "Báo cáo");
    const second = (await lastUploadAudit())?.after as UploadAudit;
    expect(second.digest).not.toBe(first.digest);
    const before = new Map((await storedOf(first.ids)).map((s) => [`${s.v.period}|${s.v.scope}`, s.v.id]));
    const now = await storedOf(second.ids);
    expect(now).toHaveLength(ROWS);
    for (const s of now) expect(s.v.revisesId).toBe(before.get(`${s.v.period}|${s.v.scope}`));
  });

  it("one bad row among thousands stores nothing and is named by its line", async () => {
    const bad = rows("x");
    bad[ROWS - 1] = "total_workers,2001,Tuyên Quang,official,abc,,x,";
    const before = (await lastUploadAudit())?.id;
    const err = await uploadIndicatorValues(database.db, { name: "bad.csv", bytes: csv(bad) }, ACTOR, {
      mayWrite: () => true,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).details?.rows).toEqual([
      expect.objectContaining({ line: ROWS + 1, column: "value" }),
    ]);
    expect((await lastUploadAudit())?.id).toBe(before);
  });

  it("other users' queries run while the rows are stored, and see none of them until all are visible", async () => {
    const count = async () => {
      const r = (await database.db.execute(sql`
        select (select count(*) from indicator_value_staging) as staged,
               (select count(*) from indicator_values where source = 'song song') as visible`)) as unknown as {
        rows: { staged: unknown; visible: unknown }[];
      };
      const row = r.rows[0] as { staged: unknown; visible: unknown };
      return { staged: toCount(row.staged), visible: toCount(row.visible) };
    };
    const seen: { staged: number; visible: number }[] = [];
    let done = false;
    const storing = upload("parallel.csv", "song song").finally(() => {
      done = true;
    });
    // Each probe waits a turn of the loop, as a request arriving over the network does.
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(await count());
    }
    await storing;
    // Answered while rows were being stored (on PGlite a single storing transaction made every
    // other query wait for its end), never seeing a part of the upload.
    expect(seen.some((s) => s.staged > 0 && s.visible === 0)).toBe(true);
    expect(seen.every((s) => s.visible === 0 || s.visible === ROWS)).toBe(true);
    expect(await count()).toEqual({ staged: 0, visible: ROWS });
  });

  it("a failure while making the rows visible stores none and leaves nothing staged", async () => {
    await database.db.execute(sql`
      create function refuse_boom() returns trigger language plpgsql as $$
      begin if new.source = 'boom' then raise exception 'refused'; end if; return new; end $$`);
    await database.db.execute(
      sql`create trigger refuse_boom before insert on indicator_values for each row execute function refuse_boom()`,
    );
    const before = (await lastUploadAudit())?.id;
    await expect(upload("boom.csv", "boom")).rejects.toThrow();
    await database.db.execute(sql`drop trigger refuse_boom on indicator_values`);
    const left = (await database.db.execute(sql`
      select (select count(*) from indicator_value_staging) as staged,
             (select count(*) from indicator_values where source = 'boom') as visible`)) as unknown as {
      rows: { staged: unknown; visible: unknown }[];
    };
    expect(toCount(left.rows[0]?.staged)).toBe(0);
    expect(toCount(left.rows[0]?.visible)).toBe(0);
    expect((await lastUploadAudit())?.id).toBe(before);
  });

  it("idRanges folds ids into runs", () => {
    expect(idRanges([7, 3, 4, 5, 9, 10])).toEqual([
      [3, 5],
      [7, 7],
      [9, 10],
    ]);
  });
});
