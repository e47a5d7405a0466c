/**
 * Starts the first page's data and its chunk as soon as the first chunk runs (issue 10 §4: on a
 * slow line the data requests waited for the whole bundle, then for the page to render, then for
 * the plan before the tasks). Imported first by main.tsx: before React renders anything, the
 * page's answers are on their way in parallel with its chunk. useJson takes a prefetched answer
 * for the same URL (once, and only while fresh: prefetch-store.ts), so nothing is asked twice. The CSP allows no
 * inline script, so this cannot start earlier than the first chunk.
 */
import { api, getJson } from "./api.ts";
import { evaluationPath, mapPaths, planTasksPath } from "./data-paths.ts";
import { todayVn } from "./format.ts";
import { preloadPage } from "./lazy-pages.ts";
import { putPrefetched } from "./prefetch-store.ts";
import { match } from "./router.tsx";

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The page's chunk and first requests for a path (only those a page asks with no user action). */
export function firstRequests(
  path: string,
  search: URLSearchParams,
  signedIn: boolean,
): { page: string | null; data: string[] } {
  const id = (pattern: string) => {
    const m = match(pattern, path);
    return m?.id && /^\d+$/.test(m.id) ? Number(m.id) : null;
  };
  const asOf = ISO.test(search.get("asOf") ?? "") ? (search.get("asOf") as string) : "";
  let plan = id("/plans/:id");
  if (plan !== null)
    return {
      page: "PlanPage",
      // Only the unfiltered first page: a filtered URL is rarer, and PlanTasks builds it itself.
      data: search.size
        ? [api.plan(plan)]
        : [api.plan(plan), api.agencies(plan), planTasksPath(plan, { sort: "code", page: 1 })],
    };
  plan = id("/plans/:id/targets");
  if (plan !== null) {
    const map = mapPaths(asOf);
    return {
      page: "TargetsPage",
      data: [evaluationPath(plan, asOf), map.geo, map.info, map.zones, map.occupancy],
    };
  }
  plan = id("/plans/:id/status");
  if (plan !== null)
    return {
      page: "StatusBoardPage",
      data: signedIn ? [api.taskStatus(plan, asOf || todayVn()), api.plan(plan)] : [],
    };
  plan = id("/plans/:id/dashboard");
  // The leaders' dashboard (the viewer's landing page): one answer; its chunk once it is in lazy-pages.ts.
  if (plan !== null)
    return { page: "DashboardPage", data: asOf || search.size ? [] : [`/api/plans/${plan}/dashboard`] };
  if (match("/", path)) return { page: "PlansPage", data: [api.plans()] };
  if (match("/login", path)) return { page: "LoginPage", data: [] };
  return { page: null, data: [] };
}

/** Asks for the current page's chunk and data now. */
export function startFirstPage(signedIn: boolean): void {
  const { page, data } = firstRequests(
    window.location.pathname,
    new URLSearchParams(window.location.search),
    signedIn,
  );
  if (page) preloadPage(page);
  for (const path of data) putPrefetched(path, getJson(path));
}
