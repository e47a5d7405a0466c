import { useCallback } from "react";
import { api, useJson } from "../api.ts";
import { planTasksPath, TASK_PAGE_SIZE } from "../data-paths.ts";
import { useLang } from "../lang.tsx";
import { navigate, useLocation } from "../router.tsx";
import type { AgencySummary, List, Plan, ScheduleKind, Task } from "../types.ts";
import { ErrorBox, Loading } from "./Status.tsx";
import { type Filters, KINDS, TaskFilters } from "./TaskFilters.tsx";
import { TaskTable } from "./TaskTable.tsx";

const FILTER_KEYS = ["agency", "group", "dueTo", "kind", "q", "sort"] as const;

function readFilters(search: URLSearchParams): Filters {
  return {
    agency: /^\d+$/.test(search.get("agency") ?? "") ? (search.get("agency") as string) : "",
    group: search.get("group") ?? "",
    dueTo: /^\d{4}-\d{2}-\d{2}$/.test(search.get("dueTo") ?? "") ? (search.get("dueTo") as string) : "",
    kind: KINDS.includes(search.get("kind") as ScheduleKind) ? (search.get("kind") as string) : "",
    q: search.get("q") ?? "",
    sort: search.get("sort") === "due" ? "due" : "code",
  };
}

/** The task list of a plan with its filters; the filters live in the page URL so a view can be shared. */
export function PlanTasks({ plan }: { plan: Plan }) {
  const { t } = useLang();
  const { path, search } = useLocation();
  const filters = readFilters(search);
  const page = Math.max(1, Number(search.get("page")) || 1);

  const filtered = Boolean(
    filters.agency || filters.group || filters.dueTo || filters.kind || filters.q.trim(),
  );
  const agencies = useJson<List<AgencySummary>>(api.agencies(plan.id));
  const tasks = useJson<List<Task>>(
    planTasksPath(plan.id, {
      agency: filters.agency ? Number(filters.agency) : undefined,
      group: filters.group || undefined,
      dueTo: filters.dueTo || undefined,
      kind: (filters.kind || undefined) as ScheduleKind | undefined,
      q: filters.q.trim() || undefined,
      sort: filters.sort === "due" ? "due" : "code",
      page,
    }),
  );
  // The plan's whole count, for "n of N": asked only when a filter is on (unfiltered, the list's
  // own total is it) — the page used to ask /api/tasks twice on every visit.
  const all = useJson<List<Task>>(filtered ? api.tasks({ plan: plan.id, pageSize: 1 }) : null);

  const update = useCallback(
    (patch: Partial<Filters> & { page?: number }) => {
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(patch)) {
        if (value === "" || value === undefined || (key === "sort" && value === "code")) next.delete(key);
        else next.set(key, String(value));
      }
      if (!("page" in patch)) next.delete("page");
      if (next.get("page") === "1") next.delete("page");
      const qs = next.toString();
      navigate(path + (qs ? `?${qs}` : ""), { replace: true });
    },
    [path],
  );
  const clear = useCallback(() => {
    const patch: Partial<Filters> = {};
    for (const key of FILTER_KEYS) if (key !== "sort") patch[key] = "";
    update(patch);
  }, [update]);

  const data = tasks.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / TASK_PAGE_SIZE)) : 1;
  return (
    <section className="plan-tasks" aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">{t("tasks")}</h2>
      <TaskFilters
        value={filters}
        onChange={update}
        onClear={clear}
        agencies={agencies.data?.items ?? []}
        groups={plan.groups}
      />
      {agencies.state === "error" && <ErrorBox error={agencies.error} />}
      {tasks.state === "error" && <ErrorBox error={tasks.error} />}
      {data ? (
        <>
          <p className="count" data-testid="task-count" data-total={data.total} aria-live="polite">
            {filtered && all.data
              ? t("taskCountOf", { n: data.total, total: all.data.total })
              : t("taskCount", { n: data.total })}
          </p>
          <TaskTable
            tasks={data.items}
            busy={tasks.state === "loading"}
            agencyId={filters.agency ? Number(filters.agency) : undefined}
          />
          {pages > 1 && (
            <nav className="pager" data-testid="pager">
              <button type="button" disabled={page <= 1} onClick={() => update({ page: page - 1 })}>
                {t("prevPage")}
              </button>
              <span>{t("pageOf", { page, pages })}</span>
              <button type="button" disabled={page >= pages} onClick={() => update({ page: page + 1 })}>
                {t("nextPage")}
              </button>
            </nav>
          )}
        </>
      ) : (
        tasks.state === "loading" && <Loading />
      )}
    </section>
  );
}
