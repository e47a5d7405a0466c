import { api, useJson } from "../api.ts";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { isMessageKey } from "../i18n.ts";
import { useLang, useTitle } from "../lang.tsx";
import { Link, useLocation } from "../router.tsx";
import type { AgencySummary, List, Plan } from "../types.ts";

function AgencyTable({ items, testid }: { items: AgencySummary[]; testid: string }) {
  const { t } = useLang();
  const label = (prefix: string, value: string | null) => {
    if (!value) return t("none");
    const key = prefix + value;
    return isMessageKey(key) ? t(key) : value;
  };
  return (
    <div className="table-wrap">
      <table className="agencies" data-testid={testid}>
        <thead>
          <tr>
            <th>{t("colName")}</th>
            <th>{t("colKind")}</th>
            <th>{t("colLevel")}</th>
            <th className="num">{t("colLeadCount")}</th>
            <th className="num">{t("colCoordCount")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} data-testid="agency-row" data-id={a.id}>
              <td data-label={t("colName")}>
                <Link href={`/agencies/${a.id}`} className={a.isGroup ? "agency group" : "agency"}>
                  {a.name}
                </Link>
                {a.shortName && <span className="muted small"> ({a.shortName})</span>}
              </td>
              <td data-label={t("colKind")}>{label("agencyKind.", a.kind)}</td>
              <td data-label={t("colLevel")}>{label("level.", a.level)}</td>
              <td className="num" data-label={t("colLeadCount")}>
                {a.leadCount}
              </td>
              <td className="num" data-label={t("colCoordCount")}>
                {a.coordinatorCount}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** All agencies, or those of one plan with ?plan=ID. */
export function AgenciesPage() {
  const { t } = useLang();
  const { search } = useLocation();
  const planId = /^\d+$/.test(search.get("plan") ?? "") ? Number(search.get("plan")) : undefined;
  const plan = useJson<Plan>(planId === undefined ? null : api.plan(planId));
  const agencies = useJson<List<AgencySummary>>(api.agencies(planId));
  useTitle(t("agenciesHeading"));
  const items = agencies.data?.items ?? [];
  const byName = (a: AgencySummary, b: AgencySummary) => a.name.localeCompare(b.name, "vi");
  const single = items.filter((a) => !a.isGroup).sort(byName);
  const groups = items.filter((a) => a.isGroup).sort(byName);
  return (
    <section>
      <h1>{t("agenciesHeading")}</h1>
      {planId !== undefined && plan.data && (
        <p className="muted">
          <Link href={`/plans/${planId}`}>{plan.data.title}</Link>
        </p>
      )}
      {agencies.state === "error" && <ErrorBox error={agencies.error} />}
      {agencies.state === "loading" && !agencies.data && <Loading />}
      {agencies.data && items.length === 0 && <p className="empty">{t("agenciesEmpty")}</p>}
      {single.length > 0 && <AgencyTable items={single} testid="agency-table" />}
      {groups.length > 0 && (
        <>
          <h2>{t("groupsHeading")}</h2>
          <AgencyTable items={groups} testid="group-table" />
        </>
      )}
    </section>
  );
}
