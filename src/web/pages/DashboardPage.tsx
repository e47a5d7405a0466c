import "../dashboard.css";
import { query, useJson } from "../api.ts";
import { useAuth } from "../auth.tsx";
import {
  AgencyRanking,
  DueSoon,
  ExportLinks,
  Section,
  TaskCounts,
  TaskList,
} from "../components/dashboard/Sections.tsx";
import { Tiles } from "../components/dashboard/Tiles.tsx";
import type { DashboardData } from "../components/dashboard/types.ts";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { ZoneMap } from "../components/targets/ZoneMap.tsx";
import { formatDate, formatPeriod } from "../format.ts";
import { useLang, useTitle } from "../lang.tsx";
import { isOverseer } from "../roles.ts";
import { Link, navigate, useLocation } from "../router.tsx";

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * /plans/:id/dashboard — the leaders' overview (issue 10 §2), the viewer's landing page: the
 * targets as tiles, tasks by status with the overdue named, agencies by timeliness, the zones
 * map and what falls due in 30 days, all "as of" one date (?asOf=, default today). Every number
 * links to the page behind it, as of the same date; every table downloads as XLSX or CSV.
 */
export function DashboardPage({ planId }: { planId: number }) {
  const { t } = useLang();
  const { search } = useLocation();
  const { user } = useAuth();
  const param = search.get("asOf") ?? "";
  const asOf = ISO.test(param) ? param : "";
  const res = useJson<DashboardData>(`/api/plans/${planId}/dashboard${query({ asOf })}`);
  useTitle(t("db.title"));
  const d = res.data;
  const day = asOf || d?.asOf || "";
  const setAsOf = (value: string) => {
    if (value === "" || ISO.test(value))
      navigate(`/plans/${planId}/dashboard${query({ asOf: value })}`, { replace: true });
  };
  const overseer = isOverseer(user, planId);
  const statusHref = (q: object) =>
    overseer ? `/plans/${planId}/status${query({ ...q, asOf })}` : `/plans/${planId}`;
  return (
    <article className="db-page" data-testid="dashboard" data-asof={d?.asOf ?? ""}>
      <header className="db-head">
        <h1>{t("db.title")}</h1>
        {d && (
          <p className="db-plan small">
            <Link href={`/plans/${planId}`}>{d.plan.title}</Link>
            {d.plan.number ? ` (${d.plan.number})` : ""} ·{" "}
            {formatPeriod(d.plan.periodStart, d.plan.periodEnd)}
          </p>
        )}
        <div className="db-asof">
          <label htmlFor="db-as-of">{t("db.asOf")}</label>
          <input
            id="db-as-of"
            type="date"
            data-testid="db-as-of"
            value={day}
            onChange={(e) => setAsOf(e.target.value)}
          />
          <span className="db-asof-text" data-testid="db-as-of-text">
            ({formatDate(day)})
          </span>
          {asOf && (
            <button type="button" className="link-button no-print" onClick={() => setAsOf("")}>
              {t("db.today")}
            </button>
          )}
          <button type="button" className="no-print" onClick={() => window.print()} data-testid="db-print">
            {t("db.print")}
          </button>
        </div>
      </header>
      {res.state === "error" && <ErrorBox error={res.error} />}
      {!d && res.state !== "error" && <Loading />}
      {d && (
        <div aria-busy={res.state === "loading"}>
          {d.plan.ended && d.plan.endsOn && (
            <p className="notice" data-testid="db-ended">
              {t("db.ended", { date: formatDate(d.plan.endsOn), asOf: formatDate(d.asOf) })}
            </p>
          )}
          <Section
            id="targets"
            title={t("db.targets")}
            actions={<ExportLinks planId={planId} table="targets" asOf={d.asOf} title={t("db.targets")} />}
          >
            <Tiles tiles={d.targets} href={() => `/plans/${planId}/targets${query({ asOf })}`} />
          </Section>
          <div className="db-columns">
            <Section
              id="tasks"
              title={t("db.tasks")}
              actions={<ExportLinks planId={planId} table="tasks" asOf={d.asOf} title={t("db.tasks")} />}
            >
              <p className="small muted">
                <Link href={statusHref({})}>
                  {t("db.tasksTotal", { n: d.tasks.total, date: formatDate(d.asOf) })}
                </Link>
              </p>
              <TaskCounts d={d} statusHref={statusHref} />
            </Section>
            <Section
              id="agencies"
              title={t("db.agencies")}
              actions={
                d.agencies && (
                  <ExportLinks planId={planId} table="agencies" asOf={d.asOf} title={t("db.agencies")} />
                )
              }
            >
              {d.agencies ? (
                <AgencyRanking
                  agencies={d.agencies}
                  statusHref={statusHref}
                  ratesHref={`/plans/${planId}/rates${query({ asOf })}`}
                />
              ) : (
                <p className="muted">{t("db.agenciesHidden")}</p>
              )}
            </Section>
          </div>
          <Section
            id="overdue"
            title={t("db.overdue", { n: d.tasks.overdue.length })}
            actions={
              <ExportLinks
                planId={planId}
                table="overdue"
                asOf={d.asOf}
                title={t("db.overdue", { n: d.tasks.overdue.length })}
              />
            }
          >
            {d.tasks.overdue.length ? (
              <TaskList items={d.tasks.overdue} testid="db-overdue-list" />
            ) : (
              <p className="muted">{t("db.overdueNone")}</p>
            )}
          </Section>
          <Section
            id="due"
            title={t("db.dueSoon", { days: d.dueSoon.days })}
            actions={
              <ExportLinks
                planId={planId}
                table="due"
                asOf={d.asOf}
                title={t("db.dueSoon", { days: d.dueSoon.days })}
              />
            }
          >
            <DueSoon d={d} reportingHref={overseer ? `/plans/${planId}/reporting?tab=matrix` : null} />
          </Section>
          <div className="db-map">
            <ZoneMap asOf={d.asOf} />
          </div>
        </div>
      )}
    </article>
  );
}
