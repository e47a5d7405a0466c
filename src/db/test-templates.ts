/**
 * Test helper (not a test): template databases, so a test file's database is a copy instead of
 * being built again. A fresh embedded PGlite runs initdb, then 20+ migrations, then the demo seed
 * (and the demo history, ~30 s): 40–60 s of CPU per file, paid by 120 files twice in CI. Each
 * template is built ONCE per vitest run by the first worker that asks (a lock directory; the
 * others wait for it) with the very code a test would run (migrate, seedDemo, seedHistory), then:
 * on PGlite its data directory is dumped to a tar file that each file's database is loaded from
 * (no initdb); on PostgreSQL it is a database that `CREATE DATABASE … TEMPLATE` copies.
 * The run's directory comes from the vitest global setup (test-templates-setup.ts), which builds
 * the migrated and demo templates before any file runs, and removes them afterwards.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type Database, openDatabase, wrapPglite } from "./connection.ts";
import type { DemoAccount } from "./seed-accounts.ts";

/** The environment variable naming this run's template directory (set by the global setup). */
export const TEMPLATES_ENV = "KEHOACH_TEST_TEMPLATES";
/** PostgreSQL templates are named with this prefix and the run's id. */
export const TEMPLATE_DB_PREFIX = "kehoach_tpl_";

/** migrated: the committed migrations; demo: + seedDemo; history: + seedHistory. */
export type TemplateKind = "migrated" | "demo" | "history";

export interface TemplateMeta {
  kind: TemplateKind;
  /** The demo plan and accounts (demo, history): what seedDemo answered when it was built. */
  planId?: number;
  accounts?: DemoAccount[];
  /** PGlite: the data directory tar; PostgreSQL: the template database. */
  tar?: string;
  pgName?: string;
}

const PARENT: Record<TemplateKind, TemplateKind | null> = {
  migrated: null,
  demo: "migrated",
  history: "demo",
};
/** A template may take this long to build (the demo history on a loaded 2-core machine). */
const WAIT_LIMIT_MS = 15 * 60_000;

/** The run's template directory, or null when no global setup made one (plain build then). */
export function templatesDir(): string | null {
  return process.env[TEMPLATES_ENV] || null;
}

/** Opens a new database copied from a template (building the template first if needed). */
export async function openFromTemplate(
  dir: string,
  kind: TemplateKind,
  adminUrl: string | undefined,
  newName: string,
): Promise<{ database: Database; meta: TemplateMeta; url?: string }> {
  const meta = await ensureTemplate(dir, kind, adminUrl);
  if (!adminUrl) {
    const tar = readFileSync(meta.tar as string);
    const client = new PGlite({ loadDataDir: new Blob([tar]) });
    return { database: await wrapPglite(client), meta };
  }
  await copyDatabase(adminUrl, newName, meta.pgName as string);
  const url = withDatabase(adminUrl, newName);
  return { database: await openDatabase({ url }), meta, url };
}

/**
 * Builds a template now (the global setup does, for the ones most files use): a test file that
 * had to wait for another worker to build it would spend that wait in its beforeAll's time limit.
 */
export async function prepareTemplate(dir: string, kind: TemplateKind, adminUrl: string | undefined) {
  await ensureTemplate(dir, kind, adminUrl);
}

async function ensureTemplate(
  dir: string,
  kind: TemplateKind,
  adminUrl: string | undefined,
): Promise<TemplateMeta> {
  const engine = adminUrl ? "postgres" : "pglite";
  const base = path.join(dir, `${engine}-${kind}`);
  const done = `${base}.json`;
  const failed = `${base}.failed`;
  let mine = false;
  try {
    mkdirSync(`${base}.lock`);
    mine = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  if (!mine) {
    const started = Date.now();
    for (;;) {
      try {
        return JSON.parse(readFileSync(done, "utf8")) as TemplateMeta;
      } catch {}
      try {
        throw new Error(`the ${kind} test template failed to build: ${readFileSync(failed, "utf8")}`);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      }
      if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`the ${kind} test template took too long`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    const meta = await buildTemplate(dir, kind, adminUrl, base);
    writeFileSync(`${done}.tmp`, JSON.stringify(meta));
    renameSync(`${done}.tmp`, done);
    return meta;
  } catch (err) {
    writeFileSync(failed, String((err as Error)?.stack ?? err));
    throw err;
  }
}

async function buildTemplate(
  dir: string,
  kind: TemplateKind,
  adminUrl: string | undefined,
  base: string,
): Promise<TemplateMeta> {
  const parent = PARENT[kind];
  const pgName = adminUrl ? `${templateDbPrefix(dir)}${kind}` : undefined;
  let database: Database;
  let client: PGlite | undefined;
  let inherited: TemplateMeta | undefined;
  if (parent) {
    inherited = await ensureTemplate(dir, parent, adminUrl);
    if (adminUrl) {
      await copyDatabase(adminUrl, pgName as string, inherited.pgName as string);
      database = await openDatabase({ url: withDatabase(adminUrl, pgName as string) });
    } else {
      client = new PGlite({ loadDataDir: new Blob([readFileSync(inherited.tar as string)]) });
      database = await wrapPglite(client);
    }
  } else if (adminUrl) {
    await onServer(adminUrl, `CREATE DATABASE ${pgName}`);
    database = await openDatabase({ url: withDatabase(adminUrl, pgName as string) });
  } else {
    client = new PGlite();
    database = await wrapPglite(client);
  }
  const meta: TemplateMeta = { kind, planId: inherited?.planId, accounts: inherited?.accounts, pgName };
  try {
    if (kind === "migrated") await database.migrate();
    if (kind === "demo") {
      const { seedDemo } = await import("./seed.ts");
      const seeded = await seedDemo(database);
      meta.planId = seeded.planId;
      meta.accounts = seeded.accounts;
    }
    if (kind === "history") {
      const { seedHistory } = await import("./seed-history.ts");
      await seedHistory(database, meta.planId as number);
    }
    if (client) {
      meta.tar = `${base}.tar`;
      const tar = await client.dumpDataDir("none");
      writeFileSync(meta.tar, new Uint8Array(await tar.arrayBuffer()));
    }
  } finally {
    await database.close();
  }
  if (adminUrl) await waitDisconnected(adminUrl, pgName as string);
  return meta;
}

/**
 * CREATE DATABASE … TEMPLATE refuses (55006, "being accessed by other users") while anyone is
 * connected to the template — e.g. a dropped pool's socket not yet gone: retried for ≤ 10 s.
 */
async function copyDatabase(url: string, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await onServer(url, `CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== "55006" || attempt >= 100) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** The names of a run's PostgreSQL templates start with this (lower case: unquoted identifiers). */
export function templateDbPrefix(dir: string): string {
  return `${TEMPLATE_DB_PREFIX}${path.basename(dir).replace(/\W/g, "_")}_`.toLowerCase();
}

/** The connection string of another database on the same server. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one statement on the server's administrative connection (DATABASE_URL's database). */
export async function onServer(url: string, statement: string, params: unknown[] = []) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await admin.query(statement, params);
  } finally {
    await admin.end();
  }
}

/**
 * pool.end() can resolve before its sockets are closed; a database still connected can be
 * neither copied nor dropped without FORCE (which would kill those sockets and raise an error
 * nobody listens to). Waits for them (≤ 5 s).
 */
export async function waitDisconnected(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    for (let i = 0; i < 100; i++) {
      const r = await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [
        name,
      ]);
      if ((r.rows[0]?.n ?? 0) === 0) return;
      await new Promise((done) => setTimeout(done, 50));
    }
  } finally {
    await admin.end();
  }
}
