/**
 * The one error type. Every failure the user can cause carries a stable code and a message in
 * Vietnamese and English; `httpStatus` maps codes to HTTP in one place (server/error-handler).
 */
export type ErrorCode =
  | "VALIDATION"
  | "NOT_FOUND"
  | "PLAN_EMPTY"
  | "PLAN_NOT_TEXT"
  | "PLAN_TOO_LARGE"
  | "PAYLOAD_TOO_LARGE"
  | "PLAN_NO_TASK_TABLE"
  | "PLAN_ALREADY_IMPORTED"
  | "PLAN_TOO_MANY_TASKS"
  | "PLAN_LINE_TOO_LONG"
  | "PLAN_TOO_MANY_LINES"
  | "GEO_TOO_LARGE"
  | "GEO_TOO_COMPLEX"
  | "PARSE_TIMEOUT"
  | "PARSE_TOO_COMPLEX"
  | "SERVER_BUSY"
  | "FILE_NOT_FOUND"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "CSRF"
  | "PASSWORD_CHANGE_REQUIRED"
  | "RATE_LIMITED"
  | "VERSION_CONFLICT"
  | "INVALID_STATE"
  | "REORGANISATION_IN_EFFECT"
  | "NO_LEADER"
  | "REPORT_LEAD_TASKS_UNREPORTED"
  | "REPORT_UNREPORTED_CONFIRM"
  | "DOCUMENT_FINAL"
  | "DOCUMENT_NUMBER_TAKEN"
  | "PLAN_NOT_ENDED"
  | "PLAN_CLOSED"
  | "PLAN_REVIEW_MISSING"
  | "DATABASE_UNAVAILABLE"
  | "INTERNAL";

export interface FieldProblem {
  field: string;
  reason: string;
  reasonVi: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageVi: string;
  readonly fields?: FieldProblem[];
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: { en: string; vi: string },
    extra: { fields?: FieldProblem[]; details?: Record<string, unknown> } = {},
  ) {
    super(message.en);
    this.name = "AppError";
    this.code = code;
    this.messageVi = message.vi;
    this.fields = extra.fields;
    this.details = extra.details;
  }
}

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  PLAN_EMPTY: 422,
  PLAN_NOT_TEXT: 422,
  PLAN_TOO_LARGE: 413,
  PAYLOAD_TOO_LARGE: 413,
  PLAN_NO_TASK_TABLE: 422,
  PLAN_ALREADY_IMPORTED: 409,
  PLAN_TOO_MANY_TASKS: 422,
  PLAN_LINE_TOO_LONG: 422,
  PLAN_TOO_MANY_LINES: 422,
  GEO_TOO_LARGE: 413,
  GEO_TOO_COMPLEX: 422,
  // A file whose parsing passed the worker's time or memory limit: the file is at fault.
  PARSE_TIMEOUT: 422,
  PARSE_TOO_COMPLEX: 422,
  SERVER_BUSY: 503,
  FILE_NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  RATE_LIMITED: 429,
  VERSION_CONFLICT: 409,
  INVALID_STATE: 409,
  /** A reorganisation whose effective date has come cannot be reversed (REGULATIONS.md §5). */
  REORGANISATION_IN_EFFECT: 409,
  /** The agency has no leader account: nobody could approve its report (issue 9 §2). */
  NO_LEADER: 409,
  /** Sending with a lead task not reported on: the lead answers for it (Decree 09/2019 Art. 8). */
  REPORT_LEAD_TASKS_UNREPORTED: 422,
  /** Sending with coordinated tasks not reported on: allowed once the sender confirms. */
  REPORT_UNREPORTED_CONFIRM: 409,
  /** A finalised document is issued: it is never changed (Decree 30/2020 Art. 15); a correction is a new document. */
  DOCUMENT_FINAL: 409,
  /** The number is already in the register of the same issuer, type and year. */
  DOCUMENT_NUMBER_TAKEN: 409,
  /** Closing a plan before its last day (31/12 of its last year): its results are not final yet. */
  PLAN_NOT_ENDED: 409,
  /** A write on a closed plan (read-only, final statuses frozen), or closing it again (issue 10 §1). */
  PLAN_CLOSED: 409,
  /** Closing needs the issued end-of-plan review first (issue 10 §1: after the review, the plan is closed). */
  PLAN_REVIEW_MISSING: 409,
  /** The database connection was lost or cannot be opened: nothing was done, try again. */
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The HTTP status for an error code: the single mapping used by the server. */
export function httpStatus(code: ErrorCode): number {
  return STATUS[code];
}

/** The JSON body every error response has. */
export function errorBody(err: AppError) {
  return {
    error: {
      code: err.code,
      message: err.message,
      messageVi: err.messageVi,
      ...(err.fields ? { fields: err.fields } : {}),
      ...(err.details ? { details: err.details } : {}),
    },
  };
}
