import { useState } from "react";
import { type ApiError, api, asApiError, send, useJson } from "../../api.ts";
import { formatDate, periodName, todayVn } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import type { PeriodRow } from "../../reporting-types.ts";
import { ErrorBox, Loading } from "../Status.tsx";

/** Copies text to the clipboard; falls back to selecting a hidden textarea (http, old browsers). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

function Letter({ planId, periodId, periods }: { planId: number; periodId: number; periods: string }) {
  const { t, lang } = useLang();
  const letter = useJson<{ text: string | null; asOf?: string }>(api.urgingLetter(planId, periodId));
  const [copied, setCopied] = useState<boolean | null>(null);
  if (letter.state === "error") {
    // 409: nobody is late for this period, so there is nothing to urge.
    if (letter.error.status === 409)
      return (
        <p className="notice" data-testid="letter-none">
          {lang === "vi" ? letter.error.messageVi : letter.error.message}
        </p>
      );
    return <ErrorBox error={letter.error} />;
  }
  if (!letter.data) return <Loading />;
  const text = letter.data.text;
  if (text === null)
    return (
      <p className="notice" data-testid="letter-none">
        {t("st.letterNone", {
          date: formatDate(letter.data.asOf ?? todayVn()),
          period: periodName(periods, lang),
        })}
      </p>
    );
  return (
    <div className="letter">
      <div className="actions">
        <button type="button" data-testid="letter-copy" onClick={async () => setCopied(await copyText(text))}>
          {t("copyLetter")}
        </button>
        {copied !== null && (
          <span className={copied ? "success" : "field-error"} role="status" data-testid="letter-copied">
            {copied ? t("copied") : t("copyFailed")}
          </span>
        )}
      </div>
      <pre className="letter-text" data-testid="letter-text" tabIndex={0}>
        {text}
      </pre>
    </div>
  );
}

/** "Đôn đốc": send the reminders due now, and the urging letter (công văn đôn đốc) of a period. */
export function UrgingPanel({ planId, periods }: { planId: number; periods: PeriodRow[] }) {
  const { t, lang } = useLang();
  const [periodId, setPeriodId] = useState<number | null>(
    [...periods].reverse().find((p) => p.due < todayVn())?.id ?? periods[periods.length - 1]?.id ?? null,
  );
  const [result, setResult] = useState<{ sent: number; skipped?: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await send<{ sent: number; skipped?: number }>("POST", api.remindersRun(planId)));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section data-testid="urging-panel">
      <div className="card">
        <h2 className="small-heading">{t("remindersHeading")}</h2>
        <p className="small">{t("remindersHelp")}</p>
        <div className="actions">
          <button type="button" className="primary" data-testid="reminders-run" disabled={busy} onClick={run}>
            {t("remindersRun")}
          </button>
          {result && (
            <span className="success" role="status" data-testid="reminders-result" data-sent={result.sent}>
              {t("remindersSent", { n: result.sent, skipped: result.skipped ?? 0 })}
            </span>
          )}
        </div>
        {error && <ErrorBox error={error} />}
      </div>
      <div className="card">
        <h2 className="small-heading">{t("letterHeading")}</h2>
        {periods.length === 0 ? (
          <p className="muted">{t("periodsEmpty")}</p>
        ) : (
          <>
            <label className="field inline">
              <span>{t("colReportPeriod")}</span>
              <select
                data-testid="letter-period"
                value={periodId ?? ""}
                onChange={(e) => setPeriodId(Number(e.target.value))}
              >
                {periods.map((p) => (
                  <option key={p.id} value={p.id}>
                    {periodName(p.label, lang)} ({t(`freq.${p.frequency}`)})
                  </option>
                ))}
              </select>
            </label>
            {periodId !== null && (
              <Letter
                key={periodId}
                planId={planId}
                periodId={periodId}
                periods={periods.find((p) => p.id === periodId)?.label ?? ""}
              />
            )}
          </>
        )}
      </div>
    </section>
  );
}
