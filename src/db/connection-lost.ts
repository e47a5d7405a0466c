/**
 * Is an error a lost or unreachable database connection (not a bad query)? Such an error is the
 * server's, not the request's: the request is answered 503 with Retry-After (src/server/
 * error-handler.ts) and the pool opens new connections for the next ones (issue 8, defect 12).
 * Drizzle wraps driver errors (DrizzleQueryError), so the whole `cause` chain is looked at.
 */

/** SQLSTATE classes and codes that mean the session is gone, not that the statement was wrong. */
const LOST_SQLSTATES = new Set([
  "57P01", // admin_shutdown: pg_terminate_backend, a server stopping
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: the server is starting or in recovery
]);
/** Node socket errors of a connection that fails or breaks. */
const LOST_ERRNOS = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);
/** node-postgres and pg-pool say it in words only. */
const LOST_MESSAGES = [
  /^Connection terminated/i, // "… unexpectedly", "… due to connection timeout"
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
];

export function isConnectionLost(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 8; depth++) {
    if (typeof e !== "object") return false;
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (
      typeof code === "string" &&
      (LOST_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || LOST_ERRNOS.has(code))
    )
      return true;
    if (typeof message === "string" && LOST_MESSAGES.some((re) => re.test(message))) return true;
    if (e instanceof AggregateError && e.errors.some((x) => isConnectionLost(x))) return true;
    e = cause;
  }
  return false;
}
