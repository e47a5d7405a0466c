import { api, useJson } from "../api.ts";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { formatPeriod } from "../format.ts";
import { useLang, useTitle } from "../lang.tsx";
import { Link } from "../router.tsx";
import type { List, PlanSummary } from "../types.ts";

export function PlansPage() {
  const { t } = useLang();
  useTitle(t("plansHeading"));
  const plans = useJson<List<PlanSummary>>(api.plans());
  return (
    <section>
      <h1>{t("plansHeading")}</h1>
      {plans.state === "error" && <ErrorBox error={plans.error} />}
      {plans.state === "loading" && !plans.data && <Loading />}
      {plans.data && plans.data.items.length === 0 && <p className="empty">{t("plansEmpty")}</p>}
      {plans.data && plans.data.items.length > 0 && (
        <ul className="plan-list" data-testid="plan-list">
          {plans.data.items.map((p) => (
            <li key={p.id} className="card plan-card" data-testid="plan-row" data-id={p.id}>
              <h2>
                <Link href={`/plans/${p.id}`} data-testid="plan-link">
                  {p.title}
                </Link>
              </h2>
              <dl className="facts">
                <div>
                  <dt>{t("colNumber")}</dt>
                  <dd>{p.number ?? t("notGiven")}</dd>
                </div>
                <div>
                  <dt>{t("colIssuer")}</dt>
                  <dd>{p.issuer ?? t("notGiven")}</dd>
                </div>
                <div>
                  <dt>{t("colPeriod")}</dt>
                  <dd>{formatPeriod(p.periodStart, p.periodEnd) || t("notGiven")}</dd>
                </div>
                <div>
                  <dt>{t("colTaskCount")}</dt>
                  <dd data-testid="plan-task-count">{p.taskCount}</dd>
                </div>
                <div>
                  <dt>{t("colTargetCount")}</dt>
                  <dd>{p.targetCount}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/agencies" data-testid="agencies-link">
          {t("seeAgencies")} →
        </Link>
      </p>
    </section>
  );
}
