import { api, useJson } from "../../api.ts";
import type { MessageKey } from "../../i18n.ts";
import { useLang, useTitle } from "../../lang.tsx";
import { Link } from "../../router.tsx";
import type { Plan } from "../../types.ts";
import { ReportingNav } from "./ReportingNav.tsx";

/** The heading of a coordinator page: the page's name, the plan's title, the tabs. */
export function PlanHeading({
  planId,
  title,
  coordinator,
}: {
  planId: number;
  title: MessageKey;
  coordinator: boolean;
}) {
  const { t } = useLang();
  const plan = useJson<Plan>(api.plan(planId));
  useTitle(t(title));
  return (
    <header className="reporting-head">
      <h1>{t(title)}</h1>
      {plan.data && (
        <p className="muted small">
          <Link href={`/plans/${planId}`}>{plan.data.title}</Link>
        </p>
      )}
      {!coordinator && (
        <p className="notice small" data-testid="viewer-notice">
          {t("viewerNotice")}
        </p>
      )}
      <ReportingNav planId={planId} coordinator={coordinator} />
    </header>
  );
}
