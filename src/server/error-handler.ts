/** Maps every thrown error to an HTTP response, in one place. Unknown errors are logged, not leaked. */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { isConnectionLost } from "../db/connection-lost.ts";
import { describeError } from "../db/log-error.ts";
import { AppError, errorBody, httpStatus } from "../domain/errors.ts";

export function handleError(err: Error, c: Context): Response {
  if (err instanceof AppError) {
    const retry = err.details?.retryAfterSeconds;
    if (typeof retry === "number") c.header("Retry-After", String(retry));
    return c.json(errorBody(err), httpStatus(err.code) as 400);
  }
  if (err instanceof HTTPException) {
    const e = new AppError(err.status === 404 ? "NOT_FOUND" : "VALIDATION", {
      en: err.message || "Bad request",
      vi: err.message || "Yêu cầu không hợp lệ",
    });
    return c.json(errorBody(e), err.status);
  }
  if (isConnectionLost(err)) return databaseUnavailable(err, c);
  // Never the query parameters (password hashes, drafts): see db/log-error.ts.
  console.error(`[server] ${c.req.method} ${c.req.path} failed: ${describeError(err)}`);
  const e = new AppError("INTERNAL", {
    en: "Internal error. The problem was logged.",
    vi: "Lỗi hệ thống. Sự cố đã được ghi lại.",
  });
  return c.json(errorBody(e), 500);
}

export function notFound(what: string, id: number | string): AppError {
  return new AppError("NOT_FOUND", {
    en: `${what} ${id} does not exist.`,
    vi: `Không tìm thấy ${what === "Plan" ? "kế hoạch" : what === "Task" ? "nhiệm vụ" : "đơn vị"} ${id}.`,
  });
}

/** Seconds a client should wait before retrying when the database is unavailable. */
export const DATABASE_RETRY_AFTER_S = 5;

/**
 * A lost or unreachable database connection (issue 8, defect 12): the request's transaction did
 * not commit, so 503 with Retry-After; the pool opens new connections for the next requests.
 */
function databaseUnavailable(err: Error, c: Context): Response {
  // Logged like every failure: the driver's code and the statement, never its parameters.
  console.error(`[db] database unavailable: ${describeError(err)}`);
  const e = new AppError(
    "DATABASE_UNAVAILABLE",
    {
      en: "The database connection was lost or could not be opened; the request may not have completed. Please try again in a moment.",
      vi: "Mất kết nối tới cơ sở dữ liệu; yêu cầu có thể chưa được thực hiện. Vui lòng thử lại sau giây lát.",
    },
    { details: { retryAfterSeconds: DATABASE_RETRY_AFTER_S } },
  );
  return handleError(e, c);
}
