/** What every route can reach: the database and how it was opened. */
import type { Database } from "../db/connection.ts";

export type AppEnv = { Variables: { database: Database } };
