import { useEffect, useState } from "react";
import { takePrefetched } from "./prefetch-store.ts";
import type { Agency, AgencySummary, Health, List, Plan, PlanSummary, Task, TaskQuery } from "./types.ts";

/** An error answered by the API ({error:{code,message,messageVi,fields?}}) or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageVi: string,
    readonly fields: { field: string; reason: string; reasonVi: string }[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

// ─── Session: the CSRF token for writes, and "the server says you are not signed in" ─────

let csrfToken: string | null = null;

/** Set by the auth context after sign-in or GET /api/auth/me; sent as x-csrf-token on writes. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Fired on window when a request other than sign-in answers 401: the session has ended. */
export const UNAUTHORIZED_EVENT = "kehoach:unauthorized";

function noteStatus(path: string, status: number): void {
  if (status === 401 && !path.startsWith("/api/auth/login") && !path.startsWith("/api/auth/me")) {
    window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
  }
}

interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    messageVi?: string;
    fields?: { field: string; reason: string; reasonVi: string }[];
    details?: Record<string, unknown>;
  };
}

async function readAnswer<T>(path: string, res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as unknown;
  noteStatus(path, res.status);
  if (!res.ok) {
    const err = (body as ErrorBody | null)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? `http_${res.status}`,
      err?.message ?? `The server answered ${res.status}.`,
      err?.messageVi ?? `Máy chủ trả lời lỗi ${res.status}.`,
      err?.fields ?? [],
      err?.details ?? {},
    );
  }
  if (body === null)
    throw new ApiError(res.status, "bad_json", "The answer is not JSON.", "Dữ liệu trả về không hợp lệ.");
  return body as T;
}

const networkError = () =>
  new ApiError(0, "network", "Cannot reach the server.", "Không kết nối được máy chủ.");

/**
 * A write (POST/PUT/PATCH/DELETE) with a JSON body, or a FormData upload. Always sends the
 * session's CSRF token; the session cookie goes with it (same origin).
 */
export async function send<T>(
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (csrfToken) headers["x-csrf-token"] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: "same-origin" });
  } catch {
    throw networkError();
  }
  return readAnswer<T>(path, res);
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { signal, headers: { accept: "application/json" }, credentials: "same-origin" });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw networkError();
  }
  return readAnswer<T>(path, res);
}

/** A list answered either as a bare array or as {items}: the items. */
export function itemsOf<T>(answer: T[] | { items: T[] } | null | undefined): T[] {
  if (!answer) return [];
  return Array.isArray(answer) ? answer : (answer.items ?? []);
}

/** Any thrown value as an ApiError, for showing it in an ErrorBox. */
export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, "client", String(e), `Lỗi không xác định: ${String(e)}`);
}

/** Builds a query string from defined, non-empty values. */
export function query(params: object): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}

export const api = {
  health: () => "/api/health",
  plans: () => "/api/plans",
  plan: (id: number) => `/api/plans/${id}`,
  planClose: (id: number) => `/api/plans/${id}/close`,
  tasks: (q: TaskQuery) => `/api/tasks${query(q)}`,
  task: (id: number) => `/api/tasks/${id}`,
  agencies: (plan?: number) => `/api/agencies${query({ plan })}`,
  agency: (id: number, on?: string) => `/api/agencies/${id}${query({ on })}`,
  // Accounts
  login: () => "/api/auth/login",
  me: () => "/api/auth/me",
  logout: () => "/api/auth/logout",
  password: () => "/api/auth/password",
  notifications: () => "/api/notifications",
  notificationRead: (id: number) => `/api/notifications/${id}/read`,
  // Reporting loop
  regime: (plan: number) => `/api/plans/${plan}/regime`,
  periods: (plan: number) => `/api/plans/${plan}/periods`,
  expectedReports: (q: { plan?: number; agency?: number; period?: number; state?: string }) =>
    `/api/expected-reports${query(q)}`,
  report: (id: number) => `/api/reports/${id}`,
  submit: (id: number) => `/api/reports/${id}/submit`,
  sendToLeader: (id: number) => `/api/reports/${id}/send-to-leader`,
  takeBack: (id: number) => `/api/reports/${id}/take-back`,
  sendBack: (id: number) => `/api/reports/${id}/send-back`,
  previousAnswers: (id: number) => `/api/reports/${id}/previous`,
  review: (id: number) => `/api/reports/${id}/review`,
  extension: (expectedId: number) => `/api/expected-reports/${expectedId}/extension`,
  attachments: (id: number) => `/api/reports/${id}/attachments`,
  attachment: (id: number) => `/api/attachments/${id}`,
  taskStatus: (plan: number, asOf?: string) => `/api/plans/${plan}/task-status${query({ asOf })}`,
  rates: (plan: number, asOf?: string) => `/api/plans/${plan}/rates${query({ asOf })}`,
  audit: (plan: number) => `/api/audit${query({ plan, limit: 300 })}`,
  auditVerify: (plan: number) => `/api/audit/verify${query({ plan })}`,
  scorecard: (agency: number, plan: number, asOf?: string) =>
    `/api/agencies/${agency}/scorecard${query({ plan, asOf })}`,
  remindersRun: (plan: number) => `/api/plans/${plan}/reminders/run`,
  urgeNow: (plan: number, period: number) => `/api/plans/${plan}/urging/send${query({ period })}`,
  urgingLetter: (plan: number, period: number) => `/api/plans/${plan}/urging-letter${query({ period })}`,
};

export type Fetched<T> =
  | { state: "loading"; data?: T }
  | { state: "ok"; data: T }
  | { state: "error"; error: ApiError; data?: T };

/**
 * Loads JSON from `path` (null: nothing to load); keeps the previous data while reloading.
 * Changing `refresh` loads the same path again (after a write).
 */
export function useJson<T>(path: string | null, refresh = 0): Fetched<T> {
  const [result, setResult] = useState<Fetched<T>>({ state: "loading" });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `refresh` loads the path again
  useEffect(() => {
    if (path === null) return;
    const ctl = new AbortController();
    setResult((r) => ({ state: "loading", data: r.data }));
    // The first page's answers may already be on their way (prefetch.ts): taken once, then asked.
    (takePrefetched<T>(path) ?? getJson<T>(path, ctl.signal)).then(
      (data) => {
        if (!ctl.signal.aborted) setResult({ state: "ok", data });
      },
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        setResult((r) => ({ state: "error", error: asApiError(e), data: r.data }));
      },
    );
    return () => ctl.abort();
  }, [path, refresh]);
  return result;
}

export type { Agency, AgencySummary, Health, List, Plan, PlanSummary, Task };
