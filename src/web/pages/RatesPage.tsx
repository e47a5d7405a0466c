import { api, useJson } from "../api.ts";
import { PlanHeading } from "../components/reporting/PlanHeading.tsx";
import { Scorecard } from "../components/reporting/Scorecard.tsx";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { formatDate, formatRate, todayVn } from "../format.ts";
import { useLang } from "../lang.tsx";
import type { RateRow, SessionUser } from "../reporting-types.ts";
import { isCoordinator } from "../roles.ts";
import { navigate, useLocation } from "../router.tsx";

const ISO = /^\d{4}-\d{2}-\d{2}$/;

type Figures = { expected?: number; received?: number; onTime?: number; early?: number };

/** The rates as a list, whether the server sends rows, {items} or {agencies: rows} (with {overall}). */
export function rateRows(answer: unknown): RateRow[] {
  if (Array.isArray(answer)) return answer as RateRow[];
  const a = answer as {
    items?: RateRow[];
    agencies?: (Figures & { agency?: RateRow["agency"]; agencyId?: number })[];
  } | null;
  if (a?.items) return a.items;
  if (!Array.isArray(a?.agencies)) return [];
  return a.agencies.map((r) => ({
    agency: r.agency ?? { id: r.agencyId ?? 0, name: `#${r.agencyId}` },
    expected: r.expected ?? 0,
    received: r.received ?? 0,
    onTime: r.onTime ?? 0,
  }));
}

/** The plan-wide figures, when the server sends them. */
function overallOf(answer: unknown): Figures | null {
  const o = (answer as { overall?: Figures } | null)?.overall;
  return o && typeof o.expected === "number" ? o : null;
}

function Bar({ n, d, kind }: { n: number; d: number; kind: string }) {
  const pct = d > 0 ? Math.round((100 * n) / d) : 0;
  return (
    <span className={`bar bar-${kind}`} aria-hidden="true">
      <span style={{ width: `${pct}%` }} />
    </span>
  );
}

/** "3 (14%)" with its bar, or "nothing owed" when no report was owed (no rate, never "0 (%)"). */
function RateCell({ n, d, kind }: { n: number; d: number; kind: string }) {
  const { t, lang } = useLang();
  if (d === 0) return <span className="muted">{t("st.rateNone")}</span>;
  return (
    <>
      <Bar n={n} d={d} kind={kind} /> {n} ({formatRate(n, d, lang)})
    </>
  );
}

/** Reporting rates per agency (expected, received, on time) and one agency's scorecard. */
export function RatesPage({ planId, user }: { planId: number; user: SessionUser }) {
  const { t, lang } = useLang();
  const { path, search } = useLocation();
  const asOf = ISO.test(search.get("asOf") ?? "") ? (search.get("asOf") as string) : todayVn();
  const agency = /^\d+$/.test(search.get("agency") ?? "") ? Number(search.get("agency")) : null;
  const rates = useJson<unknown>(api.rates(planId, asOf));
  const rows = rateRows(rates.data).sort((a, b) => a.agency.name.localeCompare(b.agency.name, "vi"));
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    const qs = next.toString();
    navigate(path + (qs ? `?${qs}` : ""), { replace: true });
  };
  const picked = rows.find((r) => r.agency.id === agency);
  const overall = overallOf(rates.data);
  return (
    <section data-testid="rates-page">
      <PlanHeading planId={planId} title="ratesHeading" coordinator={isCoordinator(user, planId)} />
      <div className="toolbar">
        <label className="field inline">
          <span>{t("asOf")}</span>
          <input
            type="date"
            data-testid="rates-asof"
            value={asOf}
            onChange={(e) => ISO.test(e.target.value) && set({ asOf: e.target.value })}
          />
        </label>
      </div>
      {overall && (
        <p className="count" data-testid="rates-overall" data-expected={overall.expected ?? 0}>
          {(overall.expected ?? 0) === 0
            ? t("st.ratesOverallNone", { date: formatDate(asOf) })
            : t("ratesOverall", {
                expected: overall.expected ?? 0,
                received: formatRate(overall.received ?? 0, overall.expected ?? 0, lang),
                onTime: formatRate(overall.onTime ?? 0, overall.expected ?? 0, lang),
              })}
        </p>
      )}
      <p className="small muted" data-testid="rates-rule">
        {t("st.ratesRule", { date: formatDate(asOf), early: overall?.early ?? 0 })}
      </p>
      {rates.state === "error" && <ErrorBox error={rates.error} />}
      {!rates.data && rates.state === "loading" && <Loading />}
      {rates.data !== undefined && rows.length === 0 && <p className="empty">{t("ratesEmpty")}</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table data-testid="rates-table">
            <thead>
              <tr>
                <th>{t("colAgency")}</th>
                <th className="num">{t("colExpected")}</th>
                <th>{t("colReceived")}</th>
                <th>{t("colOnTime")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.agency.id}
                  data-testid="rate-row"
                  data-agency={r.agency.name}
                  aria-selected={r.agency.id === agency}
                >
                  <td data-label={t("colAgency")}>
                    <button
                      type="button"
                      className="link-button"
                      data-testid="rate-agency"
                      onClick={() => set({ agency: String(r.agency.id) })}
                    >
                      {r.agency.name}
                    </button>
                  </td>
                  <td className="num" data-label={t("colExpected")} data-testid="rate-expected">
                    {r.expected}
                  </td>
                  <td data-label={t("colReceived")} data-testid="rate-received">
                    <RateCell n={r.received} d={r.expected} kind="received" />
                  </td>
                  <td data-label={t("colOnTime")} data-testid="rate-ontime">
                    <RateCell n={r.onTime} d={r.expected} kind="ontime" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {agency !== null && (
        <>
          <h2 data-testid="scorecard-heading">
            {t("scorecardHeading", { name: picked?.agency.name ?? `#${agency}`, date: formatDate(asOf) })}
          </h2>
          <Scorecard key={`${agency}-${asOf}`} agencyId={agency} planId={planId} asOf={asOf} />
        </>
      )}
    </section>
  );
}
