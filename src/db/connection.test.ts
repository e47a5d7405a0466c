import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCount } from "./connection.ts";
import { createTestDb, type TestDatabase } from "./test-db.ts";

describe("database", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("runs on the engine the environment asks for", () => {
    expect(t.kind).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
  });

  it("has every table after migrating, and migrating again changes nothing", async () => {
    await t.migrate();
    const res = await t.db.execute(
      sql`select count(*) as n from information_schema.tables where table_schema = 'public' and table_name in ('plans','tasks','agencies','task_assignments','milestones','targets','measures','audit_log')`,
    );
    const rows = (res as unknown as { rows: { n: unknown }[] }).rows;
    expect(toCount(rows[0]?.n)).toBe(8);
  });

  it("normalises counts from both drivers", () => {
    expect(toCount(3)).toBe(3);
    expect(toCount("42")).toBe(42);
    expect(toCount(7n)).toBe(7);
    expect(toCount(null)).toBe(0);
  });
});
