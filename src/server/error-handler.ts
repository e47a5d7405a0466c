/** Maps every thrown error to an HTTP response, in one place. Unknown errors are logged, not leaked. */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError, errorBody, httpStatus } from "../domain/errors.ts";

export function handleError(err: Error, c: Context) {
  if (err instanceof AppError) {
    // SERVER_BUSY (the parsing workers are full) says when to come back.
    const retry = err.details?.retryAfterSeconds;
    if (typeof retry === "number") c.header("retry-after", String(retry));
    return c.json(errorBody(err), httpStatus(err.code) as 400);
  }
  if (err instanceof HTTPException) {
    const e = new AppError(err.status === 404 ? "NOT_FOUND" : "VALIDATION", {
      en: err.message || "Bad request",
      vi: err.message || "Yêu cầu không hợp lệ",
    });
    return c.json(errorBody(e), err.status);
  }
  console.error(err);
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
