import { formatNumber, formatQuantity } from "../../format.ts";
import type { MessageKey } from "../../i18n.ts";
import { useLang } from "../../lang.tsx";
import { DerivedWorking } from "./DerivedWorking.tsx";
import { MeasureChart, yearOf } from "./MeasureChart.tsx";
import { type MeasureOut, type Status, statusTone, type TargetOut, type ValueOut } from "./types.ts";

export function StatusBadge({ status, label }: { status: Status; label: string }) {
  return (
    <span className={`tg-badge tone-${statusTone(status)}`} data-testid="status-badge" data-status={status}>
      {label}
    </span>
  );
}

function SourceText({ source }: { source: string }) {
  const url = /https?:\/\/\S+/.exec(source)?.[0];
  if (url)
    return (
      <a href={url} target="_blank" rel="noreferrer" data-testid="value-source">
        {source}
      </a>
    );
  return <cite data-testid="value-source">{source}</cite>;
}

/** The latest outcome figure used (not a plan figure), by period. */
function latestValue(m: MeasureOut): ValueOut | null {
  const used = m.values.filter((v) => v.role === "used" && v.sameScope && v.kind !== "plan");
  used.sort((a, b) => (yearOf(a.period) ?? 0) - (yearOf(b.period) ?? 0) || a.period.localeCompare(b.period));
  return used[used.length - 1] ?? null;
}

function Measure({ m }: { m: MeasureOut }) {
  const { lang, t } = useLang();
  const latest = latestValue(m);
  const g = m.evaluation.growthNeeded;
  const p = m.projection;
  const unit = m.goal.unit;
  return (
    <div className="tg-measure" data-testid="measure" data-code={m.code}>
      <p className="tg-measure-text">{m.text}</p>
      <dl className="tg-facts">
        <dt>{t("tg.goal")}</dt>
        <dd data-testid="measure-goal">
          {m.goal.comparator} {formatQuantity(m.goal.value, unit, lang)} ({m.goal.year})
        </dd>
        <dt>{t("tg.latest")}</dt>
        <dd data-testid="measure-latest">
          {latest ? (
            <>
              {formatQuantity(latest.value, latest.unit || unit, lang)} ({latest.period},{" "}
              {t(`tg.kind.${latest.kind}` as MessageKey)}) — {t("tg.source")}:{" "}
              <SourceText source={latest.source} />
            </>
          ) : m.evaluation.latest ? (
            <>
              {formatQuantity(m.evaluation.latest.value, unit, lang)} ({m.evaluation.latest.year})
              {m.evaluation.latest.source && (
                <>
                  {" "}
                  — {t("tg.source")}: <SourceText source={m.evaluation.latest.source} />
                </>
              )}
            </>
          ) : (
            t("tg.noValue")
          )}
        </dd>
        {g && (
          <>
            <dt>{t("tg.growthNeeded")}</dt>
            <dd data-testid="growth-needed">{(g.text ?? g.reason)?.[lang] ?? ""}</dd>
          </>
        )}
        <dt>{t("tg.projection")}</dt>
        <dd data-testid="projection">
          {p && p.projected !== null ? (
            <>
              {formatQuantity(p.projected, unit, lang)} ({p.targetYear}) · {t("tg.method")}:{" "}
              {t(`tg.method.${p.method}` as MessageKey)}
              {p.low !== null && p.high !== null && (
                <>
                  {" "}
                  · {t("tg.band")}: {formatNumber(p.low, lang)} – {formatNumber(p.high, lang)}
                </>
              )}
              {p.formulaText && <div className="muted small">{p.formulaText[lang]}</div>}
            </>
          ) : (
            <>
              {t("tg.noProjection")}
              {p?.reason && <span className="muted small"> — {p.reason[lang]}</span>}
            </>
          )}
        </dd>
        {m.trajectory.source !== "none" && (
          <>
            <dt>{t("tg.trajectory")}</dt>
            <dd className="muted small">{m.trajectory.explanation[lang]}</dd>
          </>
        )}
      </dl>
      <p className="tg-rule small">
        <StatusBadge status={m.evaluation.status} label={m.evaluation.statusLabel[lang]} />{" "}
        {m.evaluation.rule[lang]}
      </p>
      <DerivedWorking d={m.derived} />
      <MeasureChart m={m} />
    </div>
  );
}

export function TargetCard({ target }: { target: TargetOut }) {
  const { lang, t } = useLang();
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
        <p className="tg-rule small" data-testid="overall-rule">
          <span className="muted">{t("tg.rule")}:</span> {target.overall.rule[lang]}
        </p>
      </header>
      {target.measures.map((m) => (
        <Measure key={m.measureId} m={m} />
      ))}
    </section>
  );
}
