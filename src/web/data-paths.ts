/**
 * The first requests of the pages a reader opens most, built in one place so the early start
 * (prefetch.ts, in the first chunk) and the page (in its own chunk) ask for the very same URL —
 * the page then takes the answer already on its way instead of asking a second time.
 */
import { api } from "./api.ts";
import type { ScheduleKind } from "./types.ts";

export const PROVINCE = "Tuyên Quang";
export const DISTRICTS = "tuyen_quang_districts_pre2025.geojson";
export const TASK_PAGE_SIZE = 100;

export interface TaskFilterQuery {
  agency?: number;
  group?: string;
  dueTo?: string;
  kind?: ScheduleKind;
  q?: string;
  sort: "code" | "due";
  page: number;
}

/** The plan page's task list (PlanTasks) for its filters. */
export function planTasksPath(plan: number, f: TaskFilterQuery): string {
  return api.tasks({ plan, ...f, pageSize: TASK_PAGE_SIZE });
}

/** The targets page's evaluation; no date = the server's today (Vietnam). */
export const evaluationPath = (plan: number, asOf: string) =>
  `/api/plans/${plan}/targets/evaluation${asOf ? `?asOf=${asOf}` : ""}`;

/** The zone map (ZoneMap): boundaries, their attribution, zones, occupancy (no date = today). */
export const mapPaths = (asOf: string) => ({
  geo: `/api/geo/${DISTRICTS}`,
  info: "/api/geo",
  zones: `/api/zones?province=${encodeURIComponent(PROVINCE)}`,
  occupancy: `/api/zones/occupancy?province=${encodeURIComponent(PROVINCE)}${asOf ? `&asOf=${asOf}` : ""}`,
});
