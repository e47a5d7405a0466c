import { useState } from "react";
import { api, useJson } from "../api.ts";
import { useAuth } from "../auth.tsx";
import { PublicToggle } from "../components/admin/PublicToggle.tsx";
import { Paragraphs } from "../components/Paragraphs.tsx";
import { PlanClosing } from "../components/PlanClosing.tsx";
import { PlanTasks } from "../components/PlanTasks.tsx";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { Targets } from "../components/Targets.tsx";
import { formatDate, formatPeriod } from "../format.ts";
import { useLang, useTitle } from "../lang.tsx";
import { isOverseer } from "../roles.ts";
import { Link } from "../router.tsx";
import type { Plan } from "../types.ts";

function PlanHeader({ plan }: { plan: Plan }) {
  const { t } = useLang();
  const { user } = useAuth();
  return (
    <header className="plan-header" data-testid="plan-header">
      <h1 data-testid="plan-title">{plan.title}</h1>
      <dl className="facts">
        <div>
          <dt>{t("planNumber")}</dt>
          <dd>{plan.number ?? t("notGiven")}</dd>
        </div>
        <div>
          <dt>{t("issuer")}</dt>
          <dd>{plan.issuer ?? t("notGiven")}</dd>
        </div>
        <div>
          <dt>{t("issuedOn")}</dt>
          <dd>{plan.issuedOn ? formatDate(plan.issuedOn) : t("notGiven")}</dd>
        </div>
        <div>
          <dt>{t("period")}</dt>
          <dd>{formatPeriod(plan.periodStart, plan.periodEnd) || t("notGiven")}</dd>
        </div>
      </dl>
      {plan.basis.length > 0 && (
        <div className="basis">
          <h2 className="small-heading">{t("basis")}</h2>
          <ul data-testid="basis">
            {plan.basis.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
      )}
      <p>
        <Link href={`/plans/${plan.id}/dashboard`} data-testid="plan-dashboard-link">
          {t("db.nav")} →
        </Link>
        {" · "}
        <Link href={`/agencies?plan=${plan.id}`} data-testid="plan-agencies-link">
          {t("planAgencies")} →
        </Link>
        {user && isOverseer(user, plan.id) && (
          <>
            {" · "}
            <Link href={`/plans/${plan.id}/reporting`} data-testid="plan-reporting-link">
              {t("navReporting")} →
            </Link>
            {" · "}
            <Link href={`/plans/${plan.id}/status`} data-testid="plan-status-link">
              {t("tabStatus")} →
            </Link>
            {" · "}
            <Link href={`/plans/${plan.id}/documents`} data-testid="plan-documents-link">
              {t("doc.tab")} →
            </Link>
          </>
        )}
      </p>
      <PublicToggle planId={plan.id} initial={plan.public ?? false} />
    </header>
  );
}

export function PlanPage({ id }: { id: number }) {
  const { t } = useLang();
  const [refresh, setRefresh] = useState(0);
  const plan = useJson<Plan>(api.plan(id), refresh);
  useTitle(plan.data?.title ?? null);
  if (plan.state === "error") return <ErrorBox error={plan.error} />;
  if (!plan.data) return <Loading />;
  const p = plan.data;
  return (
    <article className="plan">
      <PlanHeader plan={p} />
      <PlanClosing plan={p} onClosed={() => setRefresh((n) => n + 1)} />
      {p.targets.length > 0 && (
        <section aria-labelledby="targets-heading">
          <h2 id="targets-heading">{t("targets")}</h2>
          <Targets targets={p.targets} />
          <p>
            <Link href={`/plans/${p.id}/targets`} data-testid="targets-evaluation-link">
              {t("tg.link")}
            </Link>
          </p>
        </section>
      )}
      <PlanTasks plan={p} />
      {(p.sections.length > 0 || p.implementation) && (
        <section className="plan-text">
          <h2>{t("planText")}</h2>
          {p.sections.map((s) => (
            <details key={s.heading}>
              <summary>{s.heading}</summary>
              <Paragraphs text={s.text} />
            </details>
          ))}
          {p.implementation && (
            <details>
              <summary>{t("implementation")}</summary>
              <Paragraphs text={p.implementation} />
            </details>
          )}
        </section>
      )}
      {p.warnings.length > 0 && (
        <details className="warnings" data-testid="warnings">
          <summary>{t("warnings", { n: p.warnings.length })}</summary>
          <ul>
            {p.warnings.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no id
              <li key={i}>
                <strong>{w.where}</strong> <code>{w.code}</code> {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
