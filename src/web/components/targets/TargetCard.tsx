// One target as a leader reads it: its status and one verdict sentence per measure first (what a
// provincial leader reads in seconds), what an ended target's final result waits for, and the
// working — rule, figures, projection, chart — behind a disclosure for whoever checks it.
import { useLang } from "../../lang.tsx";
import { MeasureWorking } from "./MeasureWorking.tsx";
import { type Status, statusTone, type TargetOut } from "./types.ts";

export function StatusBadge({ status, label }: { status: Status; label: string }) {
  return (
    <span className={`tg-badge tone-${statusTone(status)}`} data-testid="status-badge" data-status={status}>
      {label}
    </span>
  );
}

/** The verdict after its badge: "Chậm tiến độ: năm 2022 …" → "Năm 2022 …" (the badge says it). */
function withoutLabel(verdict: string, label: string): string {
  if (!verdict.startsWith(`${label}: `)) return verdict;
  const rest = verdict.slice(label.length + 2);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

export function TargetCard({ target }: { target: TargetOut }) {
  const { lang, t } = useLang();
  const several = target.measures.length > 1;
  const awaiting = [
    ...new Set(target.measures.map((m) => m.evaluation.awaiting?.[lang]).filter((x): x is string => !!x)),
  ];
  return (
    <section className="tg-target" data-testid="tg-target" data-code={target.code}>
      <header>
        <h2>
          <span className="tg-code">({target.code})</span> {target.text}
        </h2>
        <p className="tg-overall">
          <span className="muted">{t("tg.overall")}:</span>{" "}
          <StatusBadge status={target.overall.status} label={target.overall.statusLabel[lang]} />
        </p>
      </header>
      <ul className="tg-verdicts" data-testid="verdicts">
        {target.measures.map((m) => (
          <li
            key={m.measureId}
            data-testid="measure-verdict"
            data-code={m.code}
            data-stage={m.evaluation.stage}
          >
            {several && (
              <>
                <StatusBadge status={m.evaluation.status} label={m.evaluation.statusLabel[lang]} />{" "}
              </>
            )}
            {several
              ? withoutLabel(
                  m.evaluation.verdict?.[lang] ?? m.evaluation.rule[lang],
                  m.evaluation.statusLabel[lang],
                )
              : (m.evaluation.verdict?.[lang] ?? m.evaluation.rule[lang])}
          </li>
        ))}
      </ul>
      {awaiting.map((a) => (
        <p key={a} className="tg-awaiting small" data-testid="awaiting">
          {a}
        </p>
      ))}
      <details className="tg-details" data-testid="target-working">
        <summary>{t("tg.working")}</summary>
        <p className="tg-rule small" data-testid="overall-rule">
          <span className="muted">{t("tg.rule")}:</span> {target.overall.rule[lang]}
        </p>
        {target.measures.map((m) => (
          <MeasureWorking key={m.measureId} m={m} />
        ))}
      </details>
    </section>
  );
}
