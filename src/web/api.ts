import { useEffect, useState } from "react";
import type { Agency, AgencySummary, Health, List, Plan, PlanSummary, Task, TaskQuery } from "./types.ts";

/** An error answered by the API ({error:{code,message,messageVi,fields?}}) or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageVi: string,
    readonly fields: { field: string; reason: string; reasonVi: string }[] = [],
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    messageVi?: string;
    fields?: { field: string; reason: string; reasonVi: string }[];
  };
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { signal, headers: { accept: "application/json" } });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, "network", "Cannot reach the server.", "Không kết nối được máy chủ.");
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const err = (body as ErrorBody | null)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? `http_${res.status}`,
      err?.message ?? `The server answered ${res.status}.`,
      err?.messageVi ?? `Máy chủ trả lời lỗi ${res.status}.`,
      err?.fields ?? [],
    );
  }
  if (body === null)
    throw new ApiError(res.status, "bad_json", "The answer is not JSON.", "Dữ liệu trả về không hợp lệ.");
  return body as T;
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
  tasks: (q: TaskQuery) => `/api/tasks${query(q)}`,
  task: (id: number) => `/api/tasks/${id}`,
  agencies: (plan?: number) => `/api/agencies${query({ plan })}`,
  agency: (id: number) => `/api/agencies/${id}`,
};

export type Fetched<T> =
  | { state: "loading"; data?: T }
  | { state: "ok"; data: T }
  | { state: "error"; error: ApiError; data?: T };

/** Loads JSON from `path` (null: nothing to load); keeps the previous data while reloading. */
export function useJson<T>(path: string | null): Fetched<T> {
  const [result, setResult] = useState<Fetched<T>>({ state: "loading" });
  useEffect(() => {
    if (path === null) return;
    const ctl = new AbortController();
    setResult((r) => ({ state: "loading", data: r.data }));
    getJson<T>(path, ctl.signal).then(
      (data) => setResult({ state: "ok", data }),
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        const error =
          e instanceof ApiError
            ? e
            : new ApiError(0, "client", String(e), `Lỗi không xác định: ${String(e)}`);
        setResult((r) => ({ state: "error", error, data: r.data }));
      },
    );
    return () => ctl.abort();
  }, [path]);
  return result;
}

export type { Agency, AgencySummary, Health, List, Plan, PlanSummary, Task };
