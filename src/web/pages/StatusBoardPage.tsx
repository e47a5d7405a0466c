import { api, itemsOf, useJson } from "../api.ts";
import { PlanHeading } from "../components/reporting/PlanHeading.tsx";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { formatDate, periodName, todayVn } from "../format.ts";
import { useLang } from "../lang.tsx";
import { type SessionUser, TASK_STATUSES, type TaskStatus, type TaskStatusRow } from "../reporting-types.ts";
import { isCoordinator } from "../roles.ts";
import { Link, navigate, useLocation } from "../router.tsx";
import type { List, Plan, Task } from "../types.ts";

const DATED: TaskStatus[] = ["done_on_time", "done_late", "in_progress", "overdue", "not_yet_due"];
const CONTINUOUS: TaskStatus[] = ["reported", "not_reported"];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function Counts({
  statuses,
  counts,
  active,
  onPick,
  heading,
}: {
  statuses: TaskStatus[];
  counts: Map<string, number>;
  active: string | null;
  onPick: (s: TaskStatus | null) => void;
  heading: string;
}) {
  const { t } = useLang();
  return (
    <div className="status-group">
      <h2 className="small-heading">{heading}</h2>
      <ul className="status-counts">
        {statuses.map((s) => (
          <li key={s}>
            <button
              type="button"
              className={`status-count ts-${s}`}
              data-testid="status-count"
              data-status={s}
              data-count={counts.get(s) ?? 0}
              aria-pressed={active === s}
              onClick={() => onPick(active === s ? null : s)}
            >
              <strong>{counts.get(s) ?? 0}</strong>
              <span>{t(`ts.${s}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Every task's status as of a date, computed by the server from schedules and accepted reports. */
export function StatusBoardPage({ planId, user }: { planId: number; user: SessionUser }) {
  const { t, lang } = useLang();
  const { path, search } = useLocation();
  const asOf = ISO.test(search.get("asOf") ?? "") ? (search.get("asOf") as string) : todayVn();
  const picked = (TASK_STATUSES as readonly string[]).includes(search.get("status") ?? "")
    ? (search.get("status") as TaskStatus)
    : null;
  const board = useJson<TaskStatusRow[] | { items: TaskStatusRow[] }>(api.taskStatus(planId, asOf));
  const rows = itemsOf(board.data);
  const needContent = rows.length > 0 && rows.some((r) => !r.content);
  const tasks = useJson<List<Task>>(needContent ? api.tasks({ plan: planId, pageSize: 200 }) : null);
  const contentOf = new Map((tasks.data?.items ?? []).map((k) => [k.id, k.content]));
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    const qs = next.toString();
    navigate(path + (qs ? `?${qs}` : ""), { replace: true });
  };
  const plan = useJson<Plan>(api.plan(planId));
  const planEnd = plan.data?.periodEnd ? `${plan.data.periodEnd}-12-31` : null;
  // Agencies that lead or coordinate a task on the as-of date (the current owners).
  const agencyNames = new Map<number, string>();
  for (const r of rows)
    for (const a of [...(r.leads ?? []), ...(r.coordinators ?? [])]) agencyNames.set(a.id, a.name);
  const agencyOptions = [...agencyNames].sort((a, b) => a[1].localeCompare(b[1], "vi"));
  const agencyParam = Number(search.get("agency"));
  const agency = agencyNames.has(agencyParam) ? agencyParam : null;
  const owned =
    agency === null
      ? rows
      : rows.filter((r) => [...(r.leads ?? []), ...(r.coordinators ?? [])].some((a) => a.id === agency));
  const counts = new Map<string, number>();
  for (const r of owned) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const shown = picked ? owned.filter((r) => r.status === picked) : owned;

  return (
    <section data-testid="status-board" data-asof={asOf}>
      <PlanHeading planId={planId} title="statusHeading" coordinator={isCoordinator(user, planId)} />
      <div className="toolbar">
        <label className="field inline">
          <span>{t("asOf")}</span>
          <input
            type="date"
            data-testid="asof-input"
            value={asOf}
            onChange={(e) => ISO.test(e.target.value) && set({ asOf: e.target.value })}
          />
        </label>
        <button
          type="button"
          className="link-button"
          data-testid="asof-today"
          onClick={() => set({ asOf: null })}
        >
          {t("today")}
        </button>
        <label className="field inline">
          <span>{t("st.agencyFilter")}</span>
          <select
            data-testid="status-agency"
            value={agency ?? ""}
            onChange={(e) => set({ agency: e.target.value || null })}
          >
            <option value="">{t("st.allAgencies")}</option>
            {agencyOptions.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {board.state === "error" && <ErrorBox error={board.error} />}
      {!board.data && board.state === "loading" && <Loading />}
      {board.data && (
        <>
          <p className="count" data-testid="status-total" data-total={owned.length}>
            {t("statusTotal", { n: owned.length, date: formatDate(asOf) })}
          </p>
          {planEnd && planEnd < asOf && (
            <p className="notice" data-testid="status-plan-ended">
              {t("st.planEnded", { date: formatDate(planEnd) })}
            </p>
          )}
          <p className="small muted" data-testid="status-legend">
            {t("st.legend", { end: planEnd ? formatDate(planEnd) : t("none") })}
          </p>
          <div className="status-groups">
            <Counts
              heading={t("statusDated")}
              statuses={DATED}
              counts={counts}
              active={picked}
              onPick={(s) => set({ status: s })}
            />
            <Counts
              heading={t("statusContinuous")}
              statuses={CONTINUOUS}
              counts={counts}
              active={picked}
              onPick={(s) => set({ status: s })}
            />
          </div>
          {picked && (
            <p>
              <button
                type="button"
                className="link-button"
                data-testid="status-filter-clear"
                onClick={() => set({ status: null })}
              >
                {t("showAllTasks")}
              </button>
            </p>
          )}
          <div className="table-wrap">
            <table className="status-table" data-testid="status-table">
              <thead>
                <tr>
                  <th className="code">{t("colCode")}</th>
                  <th>{t("colContent")}</th>
                  <th>{t("st.colLead")}</th>
                  <th>{t("colStatus")}</th>
                  <th className="date">{t("colDue")}</th>
                  <th className="date">{t("colDoneOn")}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr
                    key={r.taskId}
                    className={`ts-row ts-${r.status}`}
                    data-testid="status-row"
                    data-code={r.code}
                    data-status={r.status}
                  >
                    <td className="code" data-label={t("colCode")}>
                      <Link href={`/tasks/${r.taskId}`}>{r.code}</Link>
                    </td>
                    <td className="content" data-label={t("colContent")}>
                      {r.content ?? contentOf.get(r.taskId) ?? ""}
                    </td>
                    <td data-label={t("st.colLead")} data-testid="status-lead">
                      {(r.leads ?? []).map((a) => a.name).join("; ") || t("none")}
                    </td>
                    <td data-label={t("colStatus")}>
                      <span className={`ts-badge ts-${r.status}`}>{t(`ts.${r.status}`)}</span>
                      {r.latest && (
                        <div className="small" data-testid="status-latest">
                          {t("st.latestReport", {
                            period: periodName(r.latest.periodLabel, lang),
                            status: t(`upd.${r.latest.status}` as never),
                          })}
                        </div>
                      )}
                      {r.difficulty && (
                        <div className="field-error small" data-testid="status-difficulty">
                          {t("st.difficulty")}: {r.difficulty.text ?? t("upd.stalled")}
                        </div>
                      )}
                      {r.periods && r.periods.length > 0 && (
                        <ul className="period-chips">
                          {r.periods.map((p) => (
                            <li
                              key={p.label}
                              className={p.reported ? "chip reported" : "chip missing"}
                              title={t(p.reported ? "ts.reported" : "ts.not_reported")}
                            >
                              {periodName(p.label, lang)} {p.reported ? "✓" : "✗"}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="date" data-label={t("colDue")}>
                      {formatDate(r.due) || t("none")}
                    </td>
                    <td className="date" data-label={t("colDoneOn")}>
                      {formatDate(r.doneOn) || t("none")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
