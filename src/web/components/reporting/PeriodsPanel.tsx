import { type FormEvent, useState } from "react";
import { type ApiError, api, asApiError, send } from "../../api.ts";
import { formatDate, formatRate, periodName, todayVn } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import type { Frequency, PeriodRow } from "../../reporting-types.ts";
import { ErrorBox } from "../Status.tsx";

const LABEL: Record<Frequency, { re: RegExp; example: string }> = {
  monthly: { re: /^\d{4}-(0[1-9]|1[0-2])$/, example: "2022-03" },
  quarterly: { re: /^\d{4}-Q[1-4]$/, example: "2022-Q1" },
  "half-yearly": { re: /^\d{4}-H[12]$/, example: "2022-H1" },
  "nine-month": { re: /^\d{4}-9M$/, example: "2022-9M" },
  yearly: { re: /^\d{4}$/, example: "2022" },
};

/** "Mở kỳ báo cáo": frequency and label; the server creates the period's expected reports. */
export function OpenPeriodForm({
  planId,
  frequencies,
  onOpened,
}: {
  planId: number;
  frequencies: Frequency[];
  onOpened: () => void;
}) {
  const { t, lang } = useLang();
  const [frequency, setFrequency] = useState<Frequency>(
    frequencies.includes("quarterly") ? "quarterly" : (frequencies[0] ?? "quarterly"),
  );
  const [label, setLabel] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rule = LABEL[frequency];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setOpened(null);
    const l = label.trim().toUpperCase();
    if (!rule.re.test(l)) return setProblem(t("periodLabelInvalid", { example: rule.example }));
    setProblem(null);
    setBusy(true);
    try {
      await send("POST", api.periods(planId), { frequency, label: l });
      setOpened(periodName(l, lang));
      setLabel("");
      onOpened();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card form" data-testid="open-period-form" onSubmit={submit}>
      <h2 className="small-heading">{t("openPeriodHeading")}</h2>
      <div className="form-row">
        <label className="field">
          <span>{t("periodFrequency")}</span>
          <select
            data-testid="period-frequency"
            value={frequency}
            onChange={(e) => setFrequency(e.target.value as Frequency)}
          >
            {frequencies.map((f) => (
              <option key={f} value={f}>
                {t(`freqReport.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("periodLabel")}</span>
          <input
            data-testid="period-label"
            value={label}
            placeholder={rule.example}
            onChange={(e) => setLabel(e.target.value)}
          />
          <small className="muted">{t("periodLabelHint", { example: rule.example })}</small>
        </label>
      </div>
      {problem && (
        <p className="field-error" role="alert" data-testid="field-error">
          {problem}
        </p>
      )}
      {error && <ErrorBox error={error} />}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          data-testid="period-open"
          disabled={busy || frequencies.length === 0}
        >
          {t("openPeriod")}
        </button>
        {opened && (
          <span className="success" role="status" data-testid="period-opened">
            {t("periodOpened", { period: opened })}
          </span>
        )}
      </div>
    </form>
  );
}

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
