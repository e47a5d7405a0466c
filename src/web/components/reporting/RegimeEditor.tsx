import { type FormEvent, useState } from "react";
import { type ApiError, api, asApiError, send } from "../../api.ts";
import { useLang } from "../../lang.tsx";
import { FREQUENCIES, type Frequency, type Regime } from "../../reporting-types.ts";
import { ErrorBox } from "../Status.tsx";

const list = (s: string) =>
  s
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map(Number);

/** The plan's reporting regime: which reports, how many working days after the cut-off, reminders. */
export function RegimeEditor({
  planId,
  regime,
  canEdit,
  onSaved,
}: {
  planId: number;
  regime: Regime;
  canEdit: boolean;
  onSaved: (r: Regime) => void;
}) {
  const { t } = useLang();
  const [freqs, setFreqs] = useState<Frequency[]>(regime.frequencies);
  const [days, setDays] = useState<Record<string, string>>(() =>
    Object.fromEntries(FREQUENCIES.map((f) => [f, String(regime.deadlineDays[f] ?? 2)])),
  );
  const [before, setBefore] = useState(regime.remindBefore.join(", "));
  const [after, setAfter] = useState(regime.remindAfter.join(", "));
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setError(null);
    if (freqs.length === 0) return setProblem(t("regimeNeedsFrequency"));
    const deadlineDays: Record<string, number> = {};
    for (const f of freqs) {
      const n = Number(days[f]);
      if (!Number.isInteger(n) || n < 1 || n > 30)
        return setProblem(t("regimeDaysRange", { f: t(`freq.${f}`) }));
      deadlineDays[f] = n;
    }
    const remindBefore = list(before);
    const remindAfter = list(after);
    if ([...remindBefore, ...remindAfter].some((n) => !Number.isInteger(n) || n < 0))
      return setProblem(t("regimeRemindInvalid"));
    setProblem(null);
    setBusy(true);
    try {
      const body = {
        frequencies: FREQUENCIES.filter((f) => freqs.includes(f)),
        deadlineDays,
        remindBefore,
        remindAfter,
      };
      onSaved(await send<Regime>("PUT", api.regime(planId), body));
      setSaved(true);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form regime" data-testid="regime-editor" onSubmit={submit}>
      <h2 className="small-heading">{t(canEdit ? "regimeHeading" : "st.readOnly")}</h2>
      {!canEdit && (
        // A viewer reads the regime as text: disabled inputs looked editable (issue 9 §4).
        <dl className="regime-readonly" data-testid="regime-readonly">
          <dt>{t("regimeFrequencies")}</dt>
          <dd>
            {freqs.length === 0 ? (
              t("none")
            ) : (
              <ul className="plain-list">
                {FREQUENCIES.filter((f) => freqs.includes(f)).map((f) => (
                  <li key={f} data-testid="regime-readonly-freq" data-frequency={f}>
                    {t(`freqReport.${f}`)}: {t("regimeDays")} {days[f] ?? ""}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t("regimeRemindBefore")}</dt>
          <dd>{before || t("none")}</dd>
          <dt>{t("regimeRemindAfter")}</dt>
          <dd>{after || t("none")}</dd>
        </dl>
      )}
      <fieldset hidden={!canEdit} disabled={!canEdit}>
        <legend className="small">{t("regimeFrequencies")}</legend>
        <div className="regime-grid">
          {FREQUENCIES.map((f) => (
            <div key={f} className="regime-row" data-testid="regime-row" data-frequency={f}>
              <label className="check">
                <input
                  type="checkbox"
                  data-testid={`regime-freq-${f}`}
                  checked={freqs.includes(f)}
                  onChange={(e) =>
                    setFreqs((cur) => (e.target.checked ? [...cur, f] : cur.filter((x) => x !== f)))
                  }
                />
                {t(`freqReport.${f}`)}
              </label>
              <label className="field inline">
                <span>{t("regimeDays")}</span>
                <input
                  type="number"
                  min={1}
                  max={30}
                  data-testid={`regime-days-${f}`}
                  disabled={!freqs.includes(f)}
                  value={days[f] ?? ""}
                  onChange={(e) => setDays((d) => ({ ...d, [f]: e.target.value }))}
                />
              </label>
            </div>
          ))}
        </div>
        <div className="form-row">
          <label className="field">
            <span>{t("regimeRemindBefore")}</span>
            <input
              data-testid="regime-remind-before"
              value={before}
              onChange={(e) => setBefore(e.target.value)}
            />
          </label>
          <label className="field">
            <span>{t("regimeRemindAfter")}</span>
            <input
              data-testid="regime-remind-after"
              value={after}
              onChange={(e) => setAfter(e.target.value)}
            />
          </label>
        </div>
      </fieldset>
      <details className="plain">
        <summary className="small">{t("regimeReporters", { n: regime.reporters.length })}</summary>
        <ul className="small columns">
          {regime.reporters.map((r) => (
            <li key={r.id}>{r.name}</li>
          ))}
        </ul>
      </details>
      {problem && (
        <p className="field-error" role="alert" data-testid="field-error">
          {problem}
        </p>
      )}
      {error && <ErrorBox error={error} />}
      {canEdit && (
        <div className="actions">
          <button type="submit" className="primary" data-testid="regime-save" disabled={busy}>
            {t("regimeSave")}
          </button>
          {saved && (
            <span className="success" role="status" data-testid="regime-saved">
              {t("savedOk")}
            </span>
          )}
        </div>
      )}
    </form>
  );
}
