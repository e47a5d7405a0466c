/**
 * The database side of `kehoach calendar --plan ID`: reads the plan's saved reporting regime
 * (table `reporting_regimes`, Decree 09/2019 Art. 8, 12). Kept apart from calendar.ts so that
 * the command itself stays testable without a database.
 */
import { type OpenOptions, openDatabase } from "../db/connection.ts";
import { getRegime } from "../db/reporting/regime.ts";

/**
 * The regime of `planId` as the API serves it (getRegime: saved, else derived from the plan),
 * validated by the caller. A plan that does not exist is an error (NOT_FOUND), not a default. Opens the database (DATABASE_URL, else the
 * embedded one), applies migrations, and closes it again.
 */
export async function loadRegimeFromDb(
  planId: number,
  options: OpenOptions = {},
): Promise<{ frequencies: unknown; deadlineDays: unknown } | null> {
  const database = await openDatabase(options);
  try {
    await database.migrate();
    // The same regime the API serves: the saved one, else the plan's own stated frequencies.
    const regime = await getRegime(database.db, planId);
    return { frequencies: regime.frequencies, deadlineDays: regime.deadlineDays };
  } finally {
    await database.close();
  }
}
