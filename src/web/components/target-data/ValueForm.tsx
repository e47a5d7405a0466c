import { type FormEvent, useState } from "react";
import { type ApiError, asApiError, getJson, send } from "../../api.ts";
import { formatNumber, formatQuantity } from "../../format.ts";
import type { MessageKey } from "../../i18n.ts";
import { useLang } from "../../lang.tsx";
import { Field } from "../Field.tsx";
import { FormError, localError } from "../FormErrors.tsx";
import type { Evaluation } from "../targets/types.ts";
import { type IndicatorItem, parseNumberInput, SCOPES, VALUE_KINDS, type ValueAnswer } from "./types.ts";

const SHOWN = ["indicator", "period", "scope", "kind", "value", "source", "publishedOn", "comment"];

/** What the page says after a save: the stored figure, and which figure its period now uses. */
interface Outcome {
  saved: string;
  used: string;
  superseded: string | null;
}

/**
 * (a) One figure of an indicator. The value is typed the reader's way ("27.700", "14,9") and read
 * back beside the field before sending; the server's field problems (range, a jump that needs a
 * comment) appear under their fields in the UI language. After saving, the answer's `best` says
 * which figure the period now uses — an estimate entered after an official figure is kept but not used.
 */
export function ValueForm(props: { planId: number; indicators: IndicatorItem[]; onSaved: () => void }) {
  const { lang, t } = useLang();
  const [code, setCode] = useState("");
  const [period, setPeriod] = useState("");
  const [scope, setScope] = useState<string>(SCOPES[0].value);
  const [kind, setKind] = useState<string>("estimate");
  const [valueText, setValueText] = useState("");
  const [source, setSource] = useState("");
  const [comment, setComment] = useState("");
  const [publishedOn, setPublishedOn] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const indicator = props.indicators.find((i) => i.code === code) ?? null;
  const parsed = parseNumberInput(valueText, lang);
  const kindName = (k: string) => t(`tg.kind.${k}` as MessageKey);

  const describe = async (answer: ValueAnswer): Promise<Outcome> => {
    const v = answer.value;
    const unit = indicator?.unit ?? v.unit;
    const saved = t("td.value.saved", {
      value: formatQuantity(v.value, unit, lang),
      kind: kindName(v.kind),
      period: v.period,
    });
    const { chosenId, planId } = answer.best;
    let used: string;
    if (chosenId === v.id) used = t("td.value.usedThis", { period: v.period });
    else if (chosenId === null && planId === v.id) used = t("td.value.usedPlan", { period: v.period });
    else {
      // Another figure outranks this one: name it (from the evaluation, which lists every value).
      const ev = await getJson<Evaluation>(`/api/plans/${props.planId}/targets/evaluation`).catch(() => null);
      const chosen = ev?.targets
        .flatMap((x) => x.measures)
        .flatMap((m) => m.values)
        .find((x) => x.id === chosenId);
      used = t("td.value.usedOther", {
        period: v.period,
        value: chosen ? formatQuantity(chosen.value, chosen.unit || unit, lang) : `#${chosenId}`,
        kind: chosen ? kindName(chosen.kind) : "",
      });
    }
    const superseded = answer.best.superseded.length
      ? t("td.value.superseded", {
          list: answer.best.superseded.map((s) => `#${s.id} — ${s.explanation[lang]}`).join("; "),
        })
      : null;
    return { saved, used, superseded };
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    const local = localError([
      ...(code ? [] : [{ field: "indicator", key: "td.required" as const }]),
      ...(parsed === null ? [{ field: "value", key: "td.value.notNumber" as const }] : []),
      ...(source.trim() ? [] : [{ field: "source", key: "td.required" as const }]),
    ]);
    if (local || parsed === null) {
      setError(local);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await send<ValueAnswer>("POST", `/api/indicators/${code}/values`, {
        period: period.trim(),
        scope,
        kind,
        value: parsed,
        source: source.trim(),
        comment: comment.trim() || null,
        publishedOn: publishedOn || null,
      });
      setOutcome(await describe(answer));
      props.onSaved();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  if (props.indicators.length === 0) return <p className="muted">{t("td.value.noIndicators")}</p>;
  return (
    <form className="form td-form" data-testid="value-form" onSubmit={submit} noValidate>
      <div className="form-row">
        <Field label={t("td.value.indicator")} field="indicator" error={error} className="td-wide" exact>
          {(a) => (
            <select {...a} data-testid="vf-indicator" value={code} onChange={(e) => setCode(e.target.value)}>
              <option value="">{t("td.value.choose")}</option>
              {props.indicators.map((i) => (
                <option key={i.code} value={i.code} disabled={i.derived}>
                  {lang === "vi" ? i.nameVi : i.nameEn} ({i.unit})
                  {i.derived ? ` ${t("td.value.derived")}` : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field
          label={t("td.value.period")}
          field="period"
          error={error}
          hint={t("td.value.periodHint")}
          exact
        >
          {(a) => (
            <input
              {...a}
              data-testid="vf-period"
              value={period}
              placeholder="2025"
              onChange={(e) => setPeriod(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("td.value.scope")} field="scope" error={error} exact>
          {(a) => (
            <select {...a} data-testid="vf-scope" value={scope} onChange={(e) => setScope(e.target.value)}>
              {SCOPES.map((s) => (
                <option key={s.value} value={s.value}>
                  {t(s.key)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("td.value.kind")} field="kind" error={error} exact>
          {(a) => (
            <select {...a} data-testid="vf-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {VALUE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindName(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={`${t("td.value.value")}${indicator ? ` (${indicator.unit})` : ""}`}
          field="value"
          error={error}
          hint={
            parsed !== null
              ? t("td.value.reads", { n: formatNumber(parsed, lang, 6) })
              : t("td.value.valueHint")
          }
          exact
        >
          {(a) => (
            <input
              {...a}
              data-testid="vf-value"
              inputMode="decimal"
              value={valueText}
              onChange={(e) => setValueText(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field
          label={t("td.value.source")}
          field="source"
          error={error}
          hint={t("td.value.sourceHint")}
          exact
        >
          {(a) => (
            <input
              {...a}
              data-testid="vf-source"
              value={source}
              onChange={(e) => setSource(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={t("td.value.publishedOn")}
          field="publishedOn"
          error={error}
          hint={t("td.value.publishedOnHint")}
          exact
        >
          {(a) => (
            <input
              {...a}
              type="date"
              data-testid="vf-published-on"
              value={publishedOn}
              onChange={(e) => setPublishedOn(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={t("td.value.comment")}
          field="comment"
          error={error}
          hint={t("td.value.commentHint")}
          exact
        >
          {(a) => (
            <input
              {...a}
              data-testid="vf-comment"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          )}
        </Field>
      </div>
      <FormError error={error} shown={SHOWN} />
      <div className="actions">
        <button type="submit" className="primary" data-testid="vf-save" disabled={busy}>
          {busy ? t("td.saving") : t("td.save")}
        </button>
      </div>
      {outcome && (
        <div className="td-outcome" role="status" data-testid="vf-outcome">
          <p className="success">{outcome.saved}</p>
          <p data-testid="vf-used">{outcome.used}</p>
          {outcome.superseded && <p className="muted small">{outcome.superseded}</p>}
        </div>
      )}
    </form>
  );
}
