import "../targets.css";
import "../target-data.css";
import { useState } from "react";
import { useJson } from "../api.ts";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { TrajectoryForm } from "../components/target-data/TrajectoryForm.tsx";
import {
  type IndicatorItem,
  mayEnterFigures,
  ownAgencies,
  type PlanHead,
} from "../components/target-data/types.ts";
import { UploadForm } from "../components/target-data/UploadForm.tsx";
import { ValueForm } from "../components/target-data/ValueForm.tsx";
import { ZonePanel } from "../components/target-data/ZonePanel.tsx";
import type { Evaluation } from "../components/targets/types.ts";
import { useLang, useTitle } from "../lang.tsx";
import type { SessionUser } from "../reporting-types.ts";
import { isCoordinator } from "../roles.ts";
import { Link } from "../router.tsx";

/** Years of the plan period (2021–2025 for Tuyên Quang), for one trajectory value each. */
function planYears(plan: PlanHead | undefined): number[] {
  const from = plan?.periodStart ?? null;
  const to = plan?.periodEnd ?? null;
  if (from === null || to === null || to < from || to - from > 30) return [];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * /plans/:id/targets/data — where figures come in: one figure, a file of figures, the annex
 * trajectory and the zone registry. Signed-in writers only (App wraps it in RequireAuth): a
 * coordinator or administrator sees all four sections; a reporter or leader enters its own
 * agency's indicators (the first two). The server decides every write again.
 */
export function TargetDataPage({ planId, user }: { planId: number; user: SessionUser }) {
  const { t } = useLang();
  useTitle(t("td.title"));
  const [refresh, setRefresh] = useState(0);
  const plan = useJson<PlanHead>(`/api/plans/${planId}`);
  const indicators = useJson<IndicatorItem[]>("/api/indicators");
  const ev = useJson<Evaluation>(`/api/plans/${planId}/targets/evaluation`, refresh);
  const coordinator = isCoordinator(user, planId);
  const reload = () => setRefresh((n) => n + 1);

  const back = (
    <p>
      <Link href={`/plans/${planId}/targets`} data-testid="td-back">
        {t("td.back")}
      </Link>
    </p>
  );
  if (!mayEnterFigures(user, planId))
    return (
      <article className="td-page" data-testid="target-data-page">
        {back}
        <h1>{t("td.title")}</h1>
        <p className="notice" data-testid="td-not-allowed">
          {t("td.notAllowed")}
        </p>
      </article>
    );

  const own = ownAgencies(user, planId);
  const enterable = (indicators.data ?? []).filter(
    (i) => coordinator || (!i.derived && i.supplierAgencyId !== null && own.has(i.supplierAgencyId)),
  );
  const measures = (ev.data?.targets ?? []).flatMap((x) => x.measures).filter((m) => m.derived === null);

  return (
    <article className="td-page" data-testid="target-data-page">
      {back}
      <h1>{t("td.title")}</h1>
      {plan.data && <p className="muted">{plan.data.title}</p>}
      <p className="small">{t("td.intro")}</p>
      {plan.state === "error" && <ErrorBox error={plan.error} />}

      <section className="td-section" aria-labelledby="td-value-h">
        <h2 id="td-value-h">{t("td.value.heading")}</h2>
        {indicators.state === "error" && <ErrorBox error={indicators.error} />}
        {indicators.data ? (
          <ValueForm planId={planId} indicators={enterable} onSaved={reload} />
        ) : (
          indicators.state === "loading" && <Loading />
        )}
      </section>

      <section className="td-section" aria-labelledby="td-upload-h">
        <h2 id="td-upload-h">{t("td.upload.heading")}</h2>
        <UploadForm planId={planId} onStored={reload} />
      </section>

      {coordinator && (
        <>
          <section className="td-section" aria-labelledby="td-traj-h">
            <h2 id="td-traj-h">{t("td.traj.heading")}</h2>
            {ev.state === "error" && <ErrorBox error={ev.error} />}
            {ev.data && plan.data ? (
              <TrajectoryForm measures={measures} years={planYears(plan.data)} onSaved={reload} />
            ) : (
              ev.state !== "error" && <Loading />
            )}
          </section>
          <section className="td-section" aria-labelledby="td-zone-h">
            <h2 id="td-zone-h">{t("td.zone.heading")}</h2>
            {plan.data ? (
              <ZonePanel planId={planId} province={plan.data.province ?? "Tuyên Quang"} onChanged={reload} />
            ) : (
              plan.state === "loading" && <Loading />
            )}
          </section>
        </>
      )}
    </article>
  );
}
