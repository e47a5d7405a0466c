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
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll box must be reachable by keyboard (axe scrollable-region-focusable, WCAG 2.1.1) */}
      <pre className="letter-text" data-testid="letter-text" tabIndex={0}>
        {text}
      </pre>
    </div>
  );
}

type LateEntry = { agencyId: number; agencyName: string };
type UrgeResult = {
  periodLabel: string;
  sent: { agencyId: number; agencyName: string; people: number }[];
  skipped: { agencyId: number; agencyName: string }[];
};

/**
 * "Gửi nhắc việc" for the chosen period: POST /urging/send urges every agency late for it now
 * (once per agency a day, urging-now.ts), whatever the reminder schedule says; the button says
 * how many agencies it will urge, the result who was urged, how many people, and who had been
 * urged today already.
 */
function UrgeNow({ planId, periodId, label }: { planId: number; periodId: number; label: string }) {
  const { t, lang } = useLang();
  const late = useJson<{ late: LateEntry[] }>(api.urgingLetter(planId, periodId));
  const [result, setResult] = useState<UrgeResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const period = periodName(label, lang);
  const names = (xs: { agencyName: string }[]) => xs.map((x) => x.agencyName).join("; ");
  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await send<UrgeResult>("POST", api.urgeNow(planId, periodId)));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  if (late.state === "error") return <ErrorBox error={late.error} />;
  if (!late.data) return <Loading />;
  const n = late.data.late.length;
  const reached = result?.sent.filter((s) => s.people > 0) ?? [];
  const nobody = result?.sent.filter((s) => s.people === 0) ?? [];
  return (
    <>
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="urge-run"
          data-late={n}
          disabled={busy || n === 0}
          onClick={run}
        >
          {n === 0 ? t("st.urgeRunNone", { period }) : t("st.urgeRun", { n, period })}
        </button>
      </div>
      {result && (
        <div className="success" role="status" data-testid="urge-result" data-sent={result.sent.length}>
          <p>
            {reached.length
              ? t("st.urgeSent", {
                  period,
                  n: reached.length,
                  people: reached.reduce((a, s) => a + s.people, 0),
                  names: names(reached),
                })
              : t("st.urgeSentNone")}
          </p>
          {result.skipped.length > 0 && (
            <p data-testid="urge-skipped">
              {t("st.urgeSkipped", { n: result.skipped.length, names: names(result.skipped) })}
            </p>
          )}
          {nobody.length > 0 && (
            <p data-testid="urge-nobody">{t("st.urgeNobody", { n: nobody.length, names: names(nobody) })}</p>
          )}
        </div>
      )}
      {error && <ErrorBox error={error} />}
    </>
  );
}

/** "Đôn đốc": for one period, urge the late agencies now, and the urging letter (công văn đôn đốc). */
export function UrgingPanel({ planId, periods }: { planId: number; periods: PeriodRow[] }) {
  const { t, lang } = useLang();
  const [periodId, setPeriodId] = useState<number | null>(
    [...periods].reverse().find((p) => p.due < todayVn())?.id ?? periods[periods.length - 1]?.id ?? null,
  );
  const label = periods.find((p) => p.id === periodId)?.label ?? "";
  if (periods.length === 0)
    return (
      <section data-testid="urging-panel">
        <p className="muted">{t("periodsEmpty")}</p>
      </section>
    );
  return (
    <section data-testid="urging-panel">
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
        <>
          <div className="card">
            <h2 className="small-heading">{t("remindersHeading")}</h2>
            <p className="small">{t("st.urgeHelp")}</p>
            <UrgeNow key={periodId} planId={planId} periodId={periodId} label={label} />
          </div>
          <div className="card">
            <h2 className="small-heading">{t("letterHeading")}</h2>
            <Letter key={periodId} planId={planId} periodId={periodId} periods={label} />
          </div>
        </>
      )}
    </section>
  );
}
