import { type FormEvent, useState } from "react";
import { FREQUENCIES, periodLabel } from "../../../domain/periods.ts";
import { type ApiError, api, asApiError, send, useJson } from "../../api.ts";
import { formatDate, periodName } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import type { Frequency } from "../../reporting-types.ts";
import { PeriodPickFields, pickOf, yearOk } from "../PeriodPick.tsx";
import { ErrorBox } from "../Status.tsx";

interface Preview {
  label: string;
  start: string;
  end: string;
  due: string;
  openedPeriodId: number | null;
}

/**
 * "Mở kỳ báo cáo" (issue 9 §3): the coordinator picks the frequency among the regime's, then the
 * month / quarter / half and the year — never types a code — and sees the cut-off window
 * (Decree 09/2019 Art. 12) and the due date (the regime's working days) before opening it.
 */
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
  const offered = FREQUENCIES.filter((f) => frequencies.includes(f));
  const [frequency, setFrequency] = useState<Frequency>(
    offered.includes("quarterly") ? "quarterly" : (offered[0] ?? "quarterly"),
  );
  const [pick, setPick] = useState(() => pickOf(frequency));
  const [tick, setTick] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const code = yearOk(pick) ? periodLabel(frequency, pick.year, pick.index) : null;
  const inRegime = offered.includes(frequency);
  const preview = useJson<Preview>(
    code && inRegime
      ? `${api.periods(planId)}/preview?frequency=${frequency}&label=${encodeURIComponent(code)}`
      : null,
    tick,
  );
  const shown = preview.state !== "loading" && preview.data?.label === code ? preview.data : null;

  const chooseFrequency = (f: Frequency) => {
    setFrequency(f);
    setPick(pickOf(f));
    setOpened(null);
    setError(null);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!code) return;
    setError(null);
    setOpened(null);
    setBusy(true);
    try {
      await send("POST", api.periods(planId), { frequency, label: code });
      setOpened(periodName(code, lang));
      setTick((n) => n + 1);
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
            onChange={(e) => chooseFrequency(e.target.value as Frequency)}
          >
            {offered.map((f) => (
              <option key={f} value={f}>
                {t(`freqReport.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <PeriodPickFields frequency={frequency} pick={pick} onPick={setPick} testPrefix="period" />
      </div>
      {!yearOk(pick) && (
        <p className="field-error" role="alert" data-testid="field-error">
          {t("pickYearInvalid")}
        </p>
      )}
      {code && (
        <p className="period-preview" data-testid="period-preview" aria-live="polite">
          <strong data-testid="period-preview-name">{periodName(code, lang)}</strong>
          {shown && (
            <>
              {": "}
              <span data-testid="period-preview-window">
                {t("periodPreview", {
                  from: formatDate(shown.start),
                  to: formatDate(shown.end),
                  due: formatDate(shown.due),
                })}
              </span>
              {shown.openedPeriodId !== null && (
                <span className="muted" data-testid="period-preview-open">
                  {" "}
                  · {t("periodAlreadyOpen")}
                </span>
              )}
            </>
          )}
        </p>
      )}
      {preview.state === "error" && <ErrorBox error={preview.error} />}
      {error && <ErrorBox error={error} />}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          data-testid="period-open"
          disabled={busy || !code || !inRegime}
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
