/**
 * Vitest global setup (both projects): makes this run's template directory (test-templates.ts),
 * builds the migrated and demo-seeded templates, and, after the run, removes it and drops the PostgreSQL template databases built in it — so
 * every run builds its templates from the code and migrations it tests, never a stale copy.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { onServer, prepareTemplate, TEMPLATES_ENV, templateDbPrefix } from "./test-templates.ts";

let owned: string | null = null;

export async function setup(): Promise<void> {
  if (process.env[TEMPLATES_ENV]) return; // the other project's setup made it
  owned = mkdtempSync(path.join(os.tmpdir(), "kehoach-tpl-"));
  process.env[TEMPLATES_ENV] = owned;
  // Built here, before the workers start, so no test file waits for another to build them
  // within its hook's time limit. The demo history (three files) is built by the first that asks.
  const started = Date.now();
  try {
    await prepareTemplate(owned, "demo", process.env.DATABASE_URL);
  } catch (err) {
    await teardown();
    throw err;
  }
  console.log(`[test] template databases (migrated, demo seed) built in ${Date.now() - started} ms`);
}

export async function teardown(): Promise<void> {
  const dir = owned;
  if (!dir) return;
  owned = null;
  const url = process.env.DATABASE_URL;
  try {
    if (url) {
      const prefix = templateDbPrefix(dir);
      const r = await onServer(url, "SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [
        prefix,
      ]);
      for (const row of r.rows as { datname: string }[])
        await onServer(url, `DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    delete process.env[TEMPLATES_ENV];
  }
}
