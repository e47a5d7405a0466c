import { parseVnNumber } from "../../../domain/vn-number.ts";
import { formatNumber, periodName } from "../../format.ts";
import type { MessageKey } from "../../i18n.ts";
import { useLang } from "../../lang.tsx";
import type { FieldProblem, ValueForm } from "../../report-draft.ts";
import {
  REPORT_VALUE_KINDS,
  type ReportIndicatorValue,
  type RequestedIndicator,
} from "../../reporting-types.ts";

/** The two scopes of REGULATIONS.md §5, as stored (src/domain/indicator-values.ts). */
const SCOPES: [string, MessageKey][] = [
  ["Tuyên Quang (pre-merger)", "ri.scope.pre"],
  ["Tuyên Quang (merged)", "ri.scope.merged"],
];

interface Props {
  indicators: RequestedIndicator[];
  values: Record<string, ValueForm>;
  readOnly: boolean;
  /** Indicator code → a problem found before sending (not a number). */
  problems: Record<string, FieldProblem>;
  /** Indicator code → what the server said (a jump without a comment, a value out of range). */
  notes: Record<string, string>;
  onChange: (code: string, patch: Partial<ValueForm>) => void;
}

/**
 * "Số liệu chỉ tiêu": the figures the agency supplies for the report's period (issue 4 §1),
 * beside the previous period's figure so a large jump is seen — and explained — before sending.
 */
export function IndicatorValuesCard({ indicators, values, readOnly, problems, notes, onChange }: Props) {
  const { t, lang } = useLang();
  const period = indicators[0]?.period;
  const scopeName = (s: string) => {
    const k = SCOPES.find(([v]) => v === s)?.[1];
    return k ? t(k) : s;
  };
  return (
    <section className="card indicator-values" data-testid="indicator-values">
      <h2 className="small-heading">{t("ri.heading")}</h2>
      {indicators.length === 0 || !period ? (
        <p className="muted small">{t("ri.none")}</p>
      ) : (
        <>
          <p className="small muted">{t("ri.intro", { period: periodName(period, lang) })}</p>
          <ol className="task-updates">
            {indicators.map((i) => {
              const v = values[i.code] ?? { value: "", kind: "estimate", scope: i.defaultScope, comment: "" };
              const n = parseVnNumber(v.value);
              const problem = problems[i.code];
              const note = notes[i.code];
              return (
                <li
                  key={i.code}
                  className="card task-update"
                  data-testid="indicator-value"
                  data-code={i.code}
                >
                  <header className="task-update-head">
                    <p className="task-update-content">
                      <strong>{lang === "vi" ? i.nameVi : i.nameEn}</strong>{" "}
                      <span className="small muted">
                        ({t("ri.unit")}: {i.unit})
                      </span>
                    </p>
                    <p className="small" data-testid="indicator-previous">
                      {i.previous
                        ? `${t("ri.previous", { period: periodName(i.previous.period, lang) })}: ${formatNumber(i.previous.value, lang)} ${i.unit}`
                        : t("ri.noPrevious")}
                    </p>
                    {i.validation.maxJumpPct !== null && (
                      <p className="small muted">
                        {t("ri.rule", { pct: formatNumber(i.validation.maxJumpPct, lang) })}
                      </p>
                    )}
                  </header>
                  {readOnly ? (
                    <p data-testid="indicator-value-text">
                      {n === null ? (
                        <span className="muted">{t("ri.notGiven")}</span>
                      ) : (
                        <>
                          <strong>
                            {formatNumber(n, lang)} {i.unit}
                          </strong>{" "}
                          · {t(`ri.kind.${v.kind}`)} · {scopeName(v.scope)}
                          {v.comment && ` — ${v.comment}`}
                        </>
                      )}
                    </p>
                  ) : (
                    <div className="task-update-grid">
                      <label className="field">
                        <span>
                          {t("ri.value")} ({i.unit})
                        </span>
                        <input
                          data-testid="indicator-value-input"
                          inputMode="decimal"
                          value={v.value}
                          placeholder={t("ri.valuePlaceholder")}
                          aria-invalid={Boolean(problem)}
                          onChange={(e) => onChange(i.code, { value: e.target.value })}
                        />
                        {problem && (
                          <span className="field-error" role="alert" data-testid="field-error">
                            {t(problem)}
                          </span>
                        )}
                      </label>
                      <label className="field">
                        <span>{t("ri.kind")}</span>
                        <select
                          data-testid="indicator-kind"
                          value={v.kind}
                          onChange={(e) => onChange(i.code, { kind: e.target.value as ValueForm["kind"] })}
                        >
                          {REPORT_VALUE_KINDS.map((k) => (
                            <option key={k} value={k}>
                              {t(`ri.kind.${k}`)}
                            </option>
                          ))}
                        </select>
                      </label>
                      <label className="field">
                        <span>{t("ri.scope")}</span>
                        <select
                          data-testid="indicator-scope"
                          value={v.scope}
                          onChange={(e) => onChange(i.code, { scope: e.target.value })}
                        >
                          {SCOPES.map(([s, k]) => (
                            <option key={s} value={s}>
                              {t(k)}
                            </option>
                          ))}
                        </select>
                      </label>
                      <label className="field f-wide">
                        <span>{t("ri.comment")}</span>
                        <input
                          data-testid="indicator-comment"
                          value={v.comment}
                          placeholder={t("ri.commentPlaceholder")}
                          onChange={(e) => onChange(i.code, { comment: e.target.value })}
                        />
                      </label>
                    </div>
                  )}
                  {note && (
                    <p className="field-error" role="alert" data-testid="indicator-note">
                      {note}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

/** The figures of a frozen (submitted) version, read-only. */
export function FrozenValues({ values }: { values: ReportIndicatorValue[] | undefined }) {
  const { t, lang } = useLang();
  if (!values || values.length === 0) return null;
  return (
    <div className="small" data-testid="version-indicator-values">
      <strong>{t("ri.frozen")}:</strong>
      <ul>
        {values.map((v) => (
          <li key={`${v.indicatorCode}-${v.scope}-${v.kind}`}>
            {v.indicatorCode}: {formatNumber(v.value, lang)} · {t(`ri.kind.${v.kind}`)} · {v.scope}
            {v.comment && ` — ${v.comment}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
