import { useState } from "react";
import { api, itemsOf, useJson } from "../api.ts";
import { Matrix } from "../components/reporting/Matrix.tsx";
import { OpenPeriodForm, PeriodsTable } from "../components/reporting/PeriodsPanel.tsx";
import { PlanHeading } from "../components/reporting/PlanHeading.tsx";
import { RegimeEditor } from "../components/reporting/RegimeEditor.tsx";
import { ReviewQueue } from "../components/reporting/ReviewQueue.tsx";
import { UrgingPanel } from "../components/reporting/UrgingPanel.tsx";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { useLang } from "../lang.tsx";
import type { PeriodRow, Regime, SessionUser } from "../reporting-types.ts";
import { isCoordinator, isOverseer } from "../roles.ts";
import { useLocation } from "../router.tsx";

/** The coordinator's page of a plan's reporting (viewers read it): periods, matrix, review, urging. */
export function ReportingPage({ planId, user }: { planId: number; user: SessionUser }) {
  const { t } = useLang();
  const { search } = useLocation();
  const coordinator = isCoordinator(user, planId);
  const tab = search.get("tab") ?? "periods";
  const [tick, setTick] = useState(0);
  const [savedRegime, setSavedRegime] = useState<Regime | null>(null);
  const regime = useJson<Regime>(api.regime(planId));
  const periods = useJson<PeriodRow[] | { items: PeriodRow[] }>(api.periods(planId), tick);
  const reg = savedRegime ?? regime.data;
  const rows = itemsOf(periods.data);

  return (
    <section className="reporting" data-testid="reporting-page" data-tab={tab}>
      <PlanHeading planId={planId} title="reportingHeading" coordinator={coordinator} />
      {!isOverseer(user, planId) && <p className="notice">{t("overseerOnly")}</p>}
      {regime.state === "error" && <ErrorBox error={regime.error} />}
      {periods.state === "error" && <ErrorBox error={periods.error} />}
      {tab === "periods" && (
        <>
          {coordinator && reg && (
            <OpenPeriodForm
              planId={planId}
              frequencies={reg.frequencies}
              onOpened={() => setTick((n) => n + 1)}
            />
          )}
          <h2>{t("periodsHeading")}</h2>
          {periods.data ? <PeriodsTable periods={rows} /> : <Loading />}
          {reg ? (
            <RegimeEditor planId={planId} regime={reg} canEdit={coordinator} onSaved={setSavedRegime} />
          ) : (
            <Loading />
          )}
        </>
      )}
      {tab === "matrix" &&
        (periods.data ? (
          <Matrix planId={planId} periods={rows} reporters={reg?.reporters ?? []} coordinator={coordinator} />
        ) : (
          <Loading />
        ))}
      {tab === "review" && <ReviewQueue planId={planId} coordinator={coordinator} />}
      {tab === "urging" &&
        coordinator &&
        (periods.data ? <UrgingPanel planId={planId} periods={rows} /> : <Loading />)}
    </section>
  );
}
