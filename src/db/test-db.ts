/**
 * A fresh, migrated database for one test file: in-memory PGlite, or — when DATABASE_URL is
 * set (CI's second run) — a new PostgreSQL database created on that server and dropped after.
 * Under CI=true a missing PostgreSQL is an error, never a skip.
 * Under vitest each is a copy of a template built once per run (test-templates.ts): the same
 * migrations (and demo seed) a fresh build would run, without paying for them in every file.
 */
import { randomBytes } from "node:crypto";
import { type Database, openDatabase } from "./connection.ts";
import type { DemoAccount } from "./seed-accounts.ts";
import {
  onServer,
  openFromTemplate,
  type TemplateKind,
  templatesDir,
  waitDisconnected,
  withDatabase,
} from "./test-templates.ts";

export interface TestDatabase extends Database {}

/** A fresh database with the migrations applied and nothing else. */
export async function createTestDb(): Promise<TestDatabase> {
  return (await fromTemplate("migrated")).database;
}

export interface SeededTestDb {
  database: TestDatabase;
  /** What seedDemo answered: the demo plan and the demo accounts. */
  planId: number;
  accounts: DemoAccount[];
}

/**
 * A fresh database holding what `seedDemo(database)` writes (the Tuyên Quang plan, registry,
 * accounts, reorganisation, targets, projects) — with `history: true` also the demo reporting
 * history, as `seedDemo(database, log, { history: true })`. Tests of the seed itself call
 * seedDemo on createTestDb() instead.
 */
export async function seededTestDb(options: { history?: boolean } = {}): Promise<SeededTestDb> {
  const kind: TemplateKind = options.history ? "history" : "demo";
  const { database, planId, accounts } = await fromTemplate(kind);
  return { database, planId: planId as number, accounts: accounts as DemoAccount[] };
}

async function fromTemplate(
  kind: TemplateKind,
): Promise<{ database: TestDatabase; planId?: number; accounts?: DemoAccount[] }> {
  const url = process.env.DATABASE_URL;
  const name = `kehoach_t_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const dir = templatesDir();
  let database: Database;
  let planId: number | undefined;
  let accounts: DemoAccount[] | undefined;
  if (dir) {
    const opened = await openFromTemplate(dir, kind, url, name);
    database = opened.database;
    ({ planId, accounts } = opened.meta);
  } else {
    // No vitest global setup (a script): build it the long way.
    if (url) await onServer(url, `CREATE DATABASE ${name}`);
    database = await openDatabase(url ? { url: withDatabase(url, name) } : { dataDir: "memory" });
    try {
      await database.migrate();
      if (kind !== "migrated") {
        const { seedDemo } = await import("./seed.ts");
        ({ planId, accounts } = await seedDemo(database, () => {}, { history: kind === "history" }));
      }
    } catch (err) {
      await database.close();
      throw err;
    }
  }
  if (!url) return { database, planId, accounts };
  return {
    planId,
    accounts,
    database: {
      ...database,
      async close() {
        await database.close();
        await waitDisconnected(url, name);
        await onServer(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    },
  };
}
