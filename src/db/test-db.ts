/**
 * A fresh, migrated database for one test file: in-memory PGlite, or — when DATABASE_URL is
 * set (CI's second run) — a new PostgreSQL database created on that server and dropped after.
 * Under CI=true a missing PostgreSQL is an error, never a skip.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "./connection.ts";

export interface TestDatabase extends Database {}

export async function createTestDb(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ dataDir: "memory" });
    await database.migrate();
    return database;
  }
  const name = `kehoach_t_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await openDatabase({ url: testUrl.toString() });
  await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      try {
        // pool.end() can resolve before its sockets are closed; dropping WITH (FORCE) would then
        // kill them and the pool would raise an error nobody listens to. Wait for them (≤ 5 s).
        for (let i = 0; i < 100; i++) {
          const r = await dropper.query(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
            [name],
          );
          if ((r.rows[0]?.n ?? 0) === 0) break;
          await new Promise((done) => setTimeout(done, 50));
        }
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
