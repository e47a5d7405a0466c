/**
 * The audit log read for one reader's scope (issue 8, defect 1): a plan's reader gets its plan's
 * rows and its province's, never another plan's nor the global ones; the chain check counts and
 * names only what the reader may read; rows written before the scope columns (and their
 * backfill, drizzle/0005) still verify.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit } from "../audit.ts";
import { auditLog, plans, zones } from "../schema.ts";
import { createTestDb, type TestDatabase } from "../test-db.ts";
import { listAudit, plansScope, verifyAuditChain } from "./audit.ts";

let database: TestDatabase;
let a = 0; // Tuyên Quang
let a2 = 0; // another Tuyên Quang plan
let b = 0; // Lào Cai
let zoneId = 0;

/** Runs the backfill migration's statements again, on rows inserted after the migration ran. */
async function backfill() {
  const file = path.join(import.meta.dirname, "../../../drizzle/0005_audit_scope_backfill.sql");
  for (const stmt of readFileSync(file, "utf8").split("--> statement-breakpoint")) {
    if (stmt.replace(/--.*$/gm, "").trim()) await database.db.execute(sql.raw(stmt));
  }
}

beforeAll(async () => {
  database = await createTestDb();
  const { db } = database;
  const made = await db
    .insert(plans)
    .values([
      { title: "KH A", province: "Tuyên Quang", contentHash: "a" },
      { title: "KH A2", province: "Tuyên Quang", contentHash: "a2" },
      { title: "KH B", province: "Lào Cai", contentHash: "b" },
    ])
    .returning({ id: plans.id });
  [a, a2, b] = made.map((p) => p.id) as [number, number, number];
  const [z] = await db
    .insert(zones)
    .values({ name: "KCN Long Bình An", kind: "industrial_park", province: "Tuyên Quang" })
    .returning({ id: zones.id });
  zoneId = z?.id ?? 0;
  // Rows as the code before the scope columns wrote them: no plan, no province.
  await appendAudit(db, {
    actor: "old",
    action: "regime.save",
    entity: "plan",
    entityId: b,
    after: { b: 1 },
  });
  await appendAudit(db, {
    actor: "old",
    action: "zone.add",
    entity: "zone",
    entityId: zoneId,
    after: { z: 1 },
  });
  await appendAudit(db, { actor: "old", action: "user.create", entity: "user", entityId: 1 });
  await backfill();
  // Rows as the code writes them now.
  await appendAudit(db, {
    actor: "x",
    action: "period.open",
    entity: "reporting_period",
    entityId: 1,
    planId: a,
  });
  await appendAudit(db, {
    actor: "x",
    action: "period.open",
    entity: "reporting_period",
    entityId: 2,
    planId: a2,
  });
  await appendAudit(db, {
    actor: "x",
    action: "period.open",
    entity: "reporting_period",
    entityId: 3,
    planId: b,
  });
  await appendAudit(db, {
    actor: "x",
    action: "project.create",
    entity: "project",
    entityId: 9,
    province: "Lào Cai",
  });
  await appendAudit(db, { actor: "x", action: "holiday.put", entity: "holiday", entityId: "2026-09-02" });
});
afterAll(async () => {
  await database?.close();
});

const actions = (rows: { action: string; planId: number | null; province: string | null }[]) =>
  rows.map((r) => `${r.action}:${r.planId ?? r.province ?? "-"}`).sort();

describe("listAudit for a scope", () => {
  it("gives plan A's reader plan A's rows and Tuyên Quang's, never plan B's, A2's or the global rows", async () => {
    const rows = await listAudit(database.db, await plansScope(database.db, [a]), {});
    expect(actions(rows)).toEqual([`period.open:${a}`, "zone.add:Tuyên Quang"]);
  });

  it("gives plan B's reader plan B's rows, the old ones included (backfilled), and Lào Cai's", async () => {
    const rows = await listAudit(database.db, await plansScope(database.db, [b]), {});
    expect(actions(rows)).toEqual(["project.create:Lào Cai", `period.open:${b}`, `regime.save:${b}`].sort());
  });

  it("gives the whole log only to the `all` scope; an empty scope gets nothing", async () => {
    expect(await listAudit(database.db, { all: true }, {})).toHaveLength(8);
    expect(await listAudit(database.db, await plansScope(database.db, []), {})).toEqual([]);
  });
});

describe("verifyAuditChain for a scope", () => {
  it("recomputes the whole chain, old rows included, and counts the reader's rows only", async () => {
    expect(await verifyAuditChain(database.db, { all: true })).toEqual({
      ok: true,
      rows: 8,
      brokenAt: null,
      brokenOutsideScope: false,
    });
    expect(await verifyAuditChain(database.db, await plansScope(database.db, [b]))).toEqual({
      ok: true,
      rows: 3,
      brokenAt: null,
      brokenOutsideScope: false,
    });
  });

  it("names a broken row to who may read it, and says only 'outside your scope' to others", async () => {
    const [row] = await database.db.select().from(auditLog).where(eq(auditLog.action, "zone.add"));
    if (!row) throw new Error("no zone row");
    await database.db
      .update(auditLog)
      .set({ after: { z: 2 } })
      .where(eq(auditLog.id, row.id));
    expect(await verifyAuditChain(database.db, await plansScope(database.db, [a]))).toEqual({
      ok: false,
      rows: 2,
      brokenAt: row.id,
      brokenOutsideScope: false,
    });
    expect(await verifyAuditChain(database.db, await plansScope(database.db, [b]))).toEqual({
      ok: false,
      rows: 3,
      brokenAt: null,
      brokenOutsideScope: true,
    });
  });
});
