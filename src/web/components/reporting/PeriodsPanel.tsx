import { formatDate, formatRate, periodName, todayVn } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import type { PeriodRow } from "../../reporting-types.ts";

/** "Mở kỳ báo cáo" lives in its own file; exported here for the pages that import it from here. */
export { OpenPeriodForm } from "./OpenPeriodForm.tsx";

export function PeriodsTable({ periods }: { periods: PeriodRow[] }) {
  const { t, lang } = useLang();
  if (periods.length === 0)
    return (
      <p className="empty" data-testid="periods-empty">
        {t("periodsEmpty")}
      </p>
    );
  return (
    <div className="table-wrap">
      <table data-testid="periods-table">
        <thead>
          <tr>
            <th>{t("colReportPeriod")}</th>
            <th>{t("colWindow")}</th>
            <th className="date">{t("colDue")}</th>
            <th className="num">{t("colExpected")}</th>
            <th className="num">{t("colReceived")}</th>
            <th className="num">{t("colOnTime")}</th>
          </tr>
        </thead>
        <tbody>
          {periods.map((p) => (
            <tr key={p.id} data-testid="period-row" data-label={p.label} data-frequency={p.frequency}>
              <td data-label={t("colReportPeriod")}>
                <strong>{periodName(p.label, lang)}</strong>{" "}
                <span className="small muted">({t(`freq.${p.frequency}`)})</span>
              </td>
              <td data-label={t("colWindow")} className="small">
                {formatDate(p.start)} – {formatDate(p.end)}
              </td>
              <td data-label={t("colDue")} className="date">
                {formatDate(p.due)}
              </td>
              <td className="num" data-label={t("colExpected")} data-testid="period-expected">
                {p.expected}
              </td>
              <td className="num" data-label={t("colReceived")} data-testid="period-received">
                {p.expected === 0 ? (
                  t("st.rateNone")
                ) : (
                  <>
                    {p.received}{" "}
                    <span className="small muted">({formatRate(p.received, p.expected, lang)})</span>
                  </>
                )}
              </td>
              <td className="num" data-label={t("colOnTime")} data-testid="period-ontime">
                {p.expected === 0 ? (
                  t("st.rateNone")
                ) : (
                  <>
                    {p.onTime} <span className="small muted">({formatRate(p.onTime, p.expected, lang)})</span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted" data-testid="periods-rule">
        {t("st.periodsRule", { date: formatDate(todayVn()) })}
      </p>
    </div>
  );
}
