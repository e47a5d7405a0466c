/**
 * Opens the database: embedded PGlite by default (data in a local folder, zero set-up), or
 * PostgreSQL 15+ through a node-postgres pool when DATABASE_URL is set. Both run the same
 * committed migrations (drizzle/).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { type Column, getTableName, type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { describeError } from "./log-error.ts";
import * as schema from "./schema.ts";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  kind: DbKind;
  /** Applies committed migrations; safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../drizzle");

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded database is used. */
  url?: string;
  /** Folder of the embedded database; "memory" for a throw-away in-memory one. */
  dataDir?: string;
  /** PostgreSQL: how long a new connection may take before the request is answered 503 (ms). */
  connectionTimeoutMillis?: number;
}

/** An unreachable PostgreSQL fails the request fast (503) instead of holding it: 5 s. */
export const CONNECTION_TIMEOUT_MS = 5000;

/** Opens the database chosen by options (or DATABASE_URL / KEHOACH_DATA_DIR). */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) return openPostgres(url, options.connectionTimeoutMillis ?? CONNECTION_TIMEOUT_MS);
  const dataDir = options.dataDir ?? process.env.KEHOACH_DATA_DIR ?? "./data/db";
  return openPglite(dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  let client: PGlite;
  if (dataDir === "memory") {
    client = new PGlite();
  } else {
    mkdirSync(dataDir, { recursive: true });
    client = new PGlite(dataDir);
  }
  return wrapPglite(client);
}

/**
 * A Database over an embedded PGlite the caller made (the tests open copies of a template data
 * directory this way: src/db/test-templates.ts).
 */
export async function wrapPglite(client: PGlite): Promise<Database> {
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, connectionTimeoutMillis: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis });
  // An idle connection the server drops (a restart, an administrator's kill) is an 'error' event
  // on the pool; unheard, it would stop the whole process. The pool replaces the connection.
  pool.on("error", (err) => console.error(`[db] idle PostgreSQL connection lost: ${describeError(err)}`));
  // A connection checked out by a request (a transaction) emits 'error' on its own client, which
  // the pool does not listen to while it is lent: unheard, the process exits (issue 8, defect 12).
  // The request's query fails with the same error (answered 503); the pool drops the dead
  // client on release (it is no longer queryable) and opens a new one for the next request.
  pool.on("connect", (client) => {
    client.on("error", (err) =>
      console.error(`[db] PostgreSQL connection lost in use: ${describeError(err)}`),
    );
  });
  // Fail early with a clear message rather than on the first query.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    migrate: () => migratePg(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => pool.end(),
  };
}

/**
 * `count(*)` comes back as a number from PGlite and as a string from node-postgres (bigint):
 * every count goes through here.
 */
export function toCount(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string") return Number.parseInt(value, 10);
  return 0;
}

/**
 * `"table"."column"`. Drizzle writes a column interpolated into a select-list sql`` without its
 * table (drizzle-orm#5734), so in a correlated subquery it binds to the wrong table or is
 * ambiguous: every column of such a subquery goes through here.
 */
export function qualified(column: Column): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
