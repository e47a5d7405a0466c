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

// PGlite has no server connections to lose: this engine-specific case exists only in the
// PostgreSQL suite (registered there, not skipped here).
const onPostgres = process.env.DATABASE_URL ? describe : () => undefined;
onPostgres("a dropped PostgreSQL connection", () => {
  it("does not stop the process; the next query gets a fresh connection", async () => {
    const t = await createTestDb();
    try {
      const pid = await t.db.execute(sql`select pg_backend_pid() as pid`);
      const backend = (pid as unknown as { rows: { pid: number }[] }).rows[0]?.pid;
      const killer = await createTestDbClient();
      await killer.query("select pg_terminate_backend($1)", [backend]);
      await killer.end();
      await new Promise((done) => setTimeout(done, 100));
      const again = await t.db.execute(sql`select 1 as one`);
      expect((again as unknown as { rows: { one: number }[] }).rows[0]?.one).toBe(1);
    } finally {
      await t.close();
    }
  });
});

async function createTestDbClient() {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}
