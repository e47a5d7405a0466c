// The administrator's API (docs/reporting-api.md "Auth and admin", "Import through the web"):
// paths, answer shapes and small loaders used by the pages under /admin.
import { useEffect, useState } from "react";
import type { PlanJson } from "../../../importer/plan-json.ts";
import { type ApiError, api, asApiError, getJson, itemsOf, query } from "../../api.ts";
import type { RoleGrant } from "../../reporting-types.ts";
import type { AgencySummary, List, PlanSummary } from "../../types.ts";

export type { PlanJson };

export interface AdminUser {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  agencyId: number | null;
  agencyName: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  roles: RoleGrant[];
}

/** An agency as GET /api/agencies/{id} describes it (the fields the administrator edits). */
export interface AdminAgency {
  id: number;
  name: string;
  shortName: string | null;
  kind: string | null;
  level: string | null;
  province: string | null;
  isGroup: boolean;
  note: string | null;
  aliases: string[];
  validFrom: string | null;
  validTo: string | null;
  successor: { id: number; name: string } | null;
  successorConfirmed: boolean | null;
  members: { id: number; name: string }[];
}

export interface Holiday {
  date: string;
  name: string;
  official: boolean;
  source: string | null;
}

export interface ImportPreview {
  sourceName: string;
  contentHash: string;
  plan: PlanJson;
}

export interface ImportResult {
  planId: number;
  tasks: number;
  targets: number;
  groups?: number;
  agenciesCreated?: number;
}

export const adminApi = {
  users: () => "/api/users",
  user: (id: number) => `/api/users/${id}`,
  resetPassword: (id: number) => `/api/users/${id}/reset-password`,
  agencies: () => api.agencies(),
  agency: (id: number) => api.agency(id),
  holidays: (year?: number) => `/api/holidays${query({ year })}`,
  holiday: (date: string) => `/api/holidays/${date}`,
  importPreview: () => "/api/imports/preview",
  importConfirm: () => "/api/imports/confirm",
};

export const ROLE_NAMES = ["administrator", "coordinator", "leader", "reporter", "viewer"] as const;
export const AGENCY_KINDS = [
  "people_committee",
  "department",
  "board",
  "centre",
  "office",
  "enterprise",
  "other",
] as const;
export const AGENCY_LEVELS = ["central", "province", "district", "commune"] as const;

export type Loaded<T> = { state: "loading" } | { state: "ok"; data: T } | { state: "error"; error: ApiError };

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of `items`. */
async function mapLimit<A, B>(items: A[], limit: number, work: (a: A) => Promise<B>): Promise<B[]> {
  const out: B[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as A);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/**
 * Every agency and group with the fields the list of GET /api/agencies leaves out (province,
 * validity, successor): one GET /api/agencies/{id} each. Changing `refresh` loads them again.
 */
export function useAgencyRecords(refresh = 0): Loaded<AdminAgency[]> {
  const [result, setResult] = useState<Loaded<AdminAgency[]>>({ state: "loading" });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `refresh` loads again
  useEffect(() => {
    const ctl = new AbortController();
    (async () => {
      const list = itemsOf(await getJson<List<AgencySummary>>(adminApi.agencies(), ctl.signal));
      const details = await mapLimit(list, 8, (a) => getJson<AdminAgency>(adminApi.agency(a.id), ctl.signal));
      return details.map((d) => ({
        id: d.id,
        name: d.name,
        shortName: d.shortName,
        kind: d.kind,
        level: d.level,
        province: d.province,
        isGroup: d.isGroup,
        note: d.note,
        aliases: d.aliases,
        validFrom: d.validFrom,
        validTo: d.validTo,
        successor: d.successor,
        successorConfirmed: d.successorConfirmed,
        members: d.members ?? [],
      }));
    })().then(
      (data) => !ctl.signal.aborted && setResult({ state: "ok", data }),
      (e: unknown) => !ctl.signal.aborted && setResult({ state: "error", error: asApiError(e) }),
    );
    return () => ctl.abort();
  }, [refresh]);
  return result;
}

/** Every plan (for the plan of a role). */
export function usePlans(): PlanSummary[] {
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  useEffect(() => {
    const ctl = new AbortController();
    getJson<List<PlanSummary>>(api.plans(), ctl.signal).then(
      (l) => setPlans(itemsOf(l)),
      () => {},
    );
    return () => ctl.abort();
  }, []);
  return plans;
}

/** "Sở Xây dựng (Tuyên Quang)": an agency's name with its province, to tell namesakes apart. */
export function agencyLabel(a: { name: string; province: string | null }): string {
  return a.province ? `${a.name} (${a.province})` : a.name;
}

/** The file's bytes as base64 (for POST /api/imports/confirm). */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}
