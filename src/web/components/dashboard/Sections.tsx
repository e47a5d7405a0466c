import type { ReactNode } from "react";
import { query } from "../../api.ts";
import { formatDate, formatNumber, periodName } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import { TASK_STATUSES } from "../../reporting-types.ts";
import { Link } from "../../router.tsx";
import type { DashboardData, DashTask } from "./types.ts";

type Table = "targets" | "tasks" | "overdue" | "agencies" | "due";

/** "Download XLSX · CSV" of one table: files made by the server (GET /api/plans/{id}/dashboard.xlsx|csv). */
export function ExportLinks({
  planId,
  table,
  asOf,
  title,
}: {
  planId: number;
  table: Table;
  asOf: string;
  title: string;
}) {
  const { lang, t } = useLang();
  const href = (ext: string) => `/api/plans/${planId}/dashboard.${ext}${query({ table, asOf, lang })}`;
  return (
    <span className="db-export no-print" data-testid={`export-${table}`}>
      {t("db.export")}:{" "}
      <a href={href("xlsx")} download aria-label={t("db.exportAs", { table: title, format: "XLSX" })}>
        XLSX
      </a>
      {" · "}
      <a href={href("csv")} download aria-label={t("db.exportAs", { table: title, format: "CSV" })}>
        CSV
      </a>
    </span>
  );
}

export function Section({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="db-section" aria-labelledby={`db-${id}`} data-testid={`db-${id}`}>
      <div className="db-section-head">
        <h2 id={`db-${id}`}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

const pct = (r: number | null, lang: "vi" | "en") =>
  r === null ? "—" : `${formatNumber(r * 100, lang, 1)}%`;

/** Tasks by status: each count links to the status board filtered to that status, as of the date. */
export function TaskCounts({ d, statusHref }: { d: DashboardData; statusHref: (q: object) => string }) {
  const { t } = useLang();
  return (
    <ul className="db-counts" data-testid="db-counts">
      {TASK_STATUSES.filter((s) => d.tasks.counts[s]).map((s) => (
        <li key={s} className={`ts-${s}`}>
          <Link href={statusHref({ status: s })} data-testid="db-count" data-status={s}>
            <strong>{d.tasks.counts[s]}</strong> {t(`ts.${s}`)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A list of tasks (overdue, or falling due): code and content link to the task, with the lead and due date. */
export function TaskList({ items, testid }: { items: DashTask[]; testid: string }) {
  const { t } = useLang();
  return (
    <table className="db-table" data-testid={testid}>
      <thead>
        <tr>
          <th scope="col">{t("db.code")}</th>
          <th scope="col">{t("db.task")}</th>
          <th scope="col">{t("db.lead")}</th>
          <th scope="col">{t("db.due")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.taskId}>
            <td>{i.code}</td>
            <td>
              <Link href={`/tasks/${i.taskId}`} data-testid="db-task-link">
                {i.content}
              </Link>
            </td>
            <td>{i.leads.join("; ")}</td>
            <td className="nowrap">{formatDate(i.due)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Agencies ranked by on-time rate; each agency links to the status board filtered to it. */
export function AgencyRanking({
  agencies,
  statusHref,
  ratesHref,
}: {
  agencies: NonNullable<DashboardData["agencies"]>;
  statusHref: (q: object) => string;
  ratesHref: string;
}) {
  const { lang, t } = useLang();
  const o = agencies.overall;
  if (agencies.ranked.length === 0) return <p className="muted">{t("db.agenciesNone")}</p>;
  return (
    <>
      <p>
        <Link href={ratesHref} data-testid="db-rates-link">
          {t("db.agenciesOverall", { onTime: o.onTime, expected: o.expected, rate: pct(o.onTimeRate, lang) })}
        </Link>
      </p>
      <table className="db-table" data-testid="db-ranking">
        <thead>
          <tr>
            <th scope="col">{t("db.rank")}</th>
            <th scope="col">{t("db.agency")}</th>
            <th scope="col">{t("db.onTimeRate")}</th>
            <th scope="col">{t("db.onTimeOf")}</th>
          </tr>
        </thead>
        <tbody>
          {agencies.ranked.map((a, i) => (
            <tr key={a.agencyId}>
              <td>{i + 1}</td>
              <td>
                <Link href={statusHref({ agency: a.agencyId })}>{a.name}</Link>
              </td>
              <td data-testid="db-rate">{pct(a.onTimeRate, lang)}</td>
              <td>
                <Link href={ratesHref}>
                  {a.onTime}/{a.expected}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** What falls due in the next 30 days: tasks' milestones and the periods' report deadlines. */
export function DueSoon({ d, reportingHref }: { d: DashboardData; reportingHref: string | null }) {
  const { lang, t } = useLang();
  const { tasks, periods, days } = d.dueSoon;
  if (d.plan.ended) return <p className="muted">{t("db.dueSoonEnded")}</p>;
  if (tasks.length === 0 && periods.length === 0) {
    const to = new Date(Date.parse(`${d.asOf}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    return <p className="muted">{t("db.dueSoonNone", { from: formatDate(d.asOf), to: formatDate(to) })}</p>;
  }
  return (
    <>
      {periods.length > 0 && (
        <ul data-testid="db-due-periods">
          {periods.map((p) => {
            const text = `${t("db.reportsDue", { period: periodName(p.label, lang) })}: ${formatDate(p.due)}`;
            return (
              <li key={p.periodId}>{reportingHref ? <Link href={reportingHref}>{text}</Link> : text}</li>
            );
          })}
        </ul>
      )}
      {tasks.length > 0 && <TaskList items={tasks} testid="db-due-tasks" />}
    </>
  );
}
