// The working behind one measure's verdict, shown inside the target's disclosure: the goal in
// words, the latest whole-year figure (what the yearly goal is compared with) and, apart, a later
// part-year figure named by its period ("6 tháng đầu năm 2025"), the growth still needed (only
// while years are left), the projection (not once the result is final), the path, the rule with
// its numbers, the zone-registry working and the chart.
import { goalWords } from "../../../domain/evaluation-text.ts";
import { formatNumber, formatQuantity } from "../../format.ts";
import type { MessageKey } from "../../i18n.ts";
import { useLang } from "../../lang.tsx";
import { DerivedWorking } from "./DerivedWorking.tsx";
import { MeasureChart } from "./MeasureChart.tsx";
import type { MeasureOut, ShownFigure } from "./types.ts";

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

function Figure({ f }: { f: ShownFigure }) {
  const { lang, t } = useLang();
  return (
    <>
      {formatQuantity(f.value, f.unit, lang)} ({f.periodText[lang]}, {t(`tg.kind.${f.kind}` as MessageKey)}) —{" "}
      {t("tg.source")}: <SourceText source={f.source} />
    </>
  );
}

export function MeasureWorking({ m }: { m: MeasureOut }) {
  const { lang, t } = useLang();
  const e = m.evaluation;
  const nature = m.nature ?? "level";
  const g = e.growthNeeded;
  const p = e.stage === "final" ? null : m.projection;
  const unit = m.goal.unit;
  const achieved = e.latest;
  return (
    <div className="tg-measure" data-testid="measure" data-code={m.code}>
      <p className="tg-measure-text">
        {m.code}. {m.text}
      </p>
      <dl className="tg-facts">
        <dt>{t("tg.goal")}</dt>
        <dd data-testid="measure-goal">
          {goalWords(m.goal, nature, lang)} ({t("tg.inYear", { year: m.goal.year })})
        </dd>
        {nature === "level" ? (
          <>
            <dt>{t("tg.latestYearly")}</dt>
            <dd data-testid="measure-latest">
              {m.latestYearly ? <Figure f={m.latestYearly} /> : t("tg.noValue")}
            </dd>
          </>
        ) : (
          <>
            <dt>{t(nature === "count" ? "tg.counted" : "tg.averageGrowth")}</dt>
            <dd data-testid="measure-latest">
              {achieved
                ? `${formatQuantity(achieved.value, unit, lang)}${nature === "growth_rate" ? t("tg.perYear") : ""} (${t(nature === "count" ? "tg.byEndOf" : "tg.upTo", { year: achieved.year })})`
                : t("tg.noValue")}
            </dd>
          </>
        )}
        {m.latestPartYear && (
          <>
            <dt>{t("tg.partYear")}</dt>
            <dd data-testid="measure-part-year">
              <Figure f={m.latestPartYear} /> <span className="muted small">{t("tg.partYearNote")}</span>
            </dd>
          </>
        )}
        {g && (
          <>
            <dt>{t("tg.growthNeeded")}</dt>
            <dd data-testid="growth-needed">{(g.text ?? g.reason)?.[lang] ?? ""}</dd>
          </>
        )}
        {p && (
          <>
            <dt>{t("tg.projection")}</dt>
            <dd data-testid="projection">
              {p.projected !== null ? (
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
                  {p.reason && <span className="muted small"> — {p.reason[lang]}</span>}
                </>
              )}
            </dd>
          </>
        )}
        {m.trajectory.source !== "none" && nature !== "growth_rate" && (
          <>
            <dt>{t("tg.trajectory")}</dt>
            <dd className="muted small">{m.trajectory.explanation[lang]}</dd>
          </>
        )}
      </dl>
      <p className="tg-rule small" data-testid="measure-rule">
        <span className="muted">{t("tg.rule")}:</span> {e.rule[lang]}
      </p>
      <DerivedWorking d={m.derived} />
      <MeasureChart m={m} />
    </div>
  );
}
