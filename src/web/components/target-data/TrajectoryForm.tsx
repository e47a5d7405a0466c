import { type FormEvent, useState } from "react";
import { type ApiError, asApiError, send } from "../../api.ts";
import { formatNumber } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import { Field } from "../Field.tsx";
import { FormError, localError } from "../FormErrors.tsx";
import type { MeasureOut } from "../targets/types.ts";
import { parseNumberInput } from "./types.ts";

/** A saved trajectory's points as the evaluation gives them (the domain's `required`). */
type SavedPoint = { year: number; required?: number; value?: number };

function savedPoints(m: MeasureOut | undefined): Map<number, number> {
  const out = new Map<number, number>();
  if (m?.trajectory.source !== "saved") return out;
  for (const p of (m.trajectory.trajectory?.points ?? []) as SavedPoint[]) {
    const v = p.required ?? p.value;
    if (typeof v === "number") out.set(p.year, v);
  }
  return out;
}

/**
 * (c) The yearly path of a measure from the plan's Appendix I, which the plan refers to but did
 * not come with the document. One value per year of the plan period; blank years are left out.
 * Saving replaces the measure's path; "clear" sends an empty list and the evaluation falls back
 * to the path derived from the plan's growth rate.
 */
export function TrajectoryForm(props: { measures: MeasureOut[]; years: number[]; onSaved: () => void }) {
  const { lang, t } = useLang();
  const [measureId, setMeasureId] = useState("");
  const [texts, setTexts] = useState<Record<number, string>>({});
  const [source, setSource] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const measure = props.measures.find((m) => String(m.measureId) === measureId);

  const choose = (id: string) => {
    setMeasureId(id);
    setError(null);
    setDone(null);
    const saved = savedPoints(props.measures.find((m) => String(m.measureId) === id));
    setTexts(Object.fromEntries([...saved].map(([y, v]) => [y, formatNumber(v, lang, 6)])));
  };

  const save = async (points: { year: number; value: number }[], message: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await send("PUT", `/api/measures/${measureId}/trajectory`, {
        source: source.trim() || "—",
        points,
      });
      setDone(message);
      if (points.length === 0) setTexts({});
      props.onSaved();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const points: { year: number; value: number }[] = [];
    const bad: number[] = [];
    for (const year of props.years) {
      const text = texts[year]?.trim() ?? "";
      if (!text) continue;
      const value = parseNumberInput(text, lang);
      if (value === null) bad.push(year);
      else points.push({ year, value });
    }
    const local = localError([
      ...bad.map((y) => ({ field: `year-${y}`, key: "td.value.notNumber" as const })),
      ...(source.trim() ? [] : [{ field: "source", key: "td.required" as const }]),
      ...(points.length === 0 && bad.length === 0
        ? [{ field: "points", key: "td.traj.empty" as const }]
        : []),
    ]);
    if (local) {
      setError(local);
      return;
    }
    await save(points, t("td.traj.saved", { n: points.length }));
  };

  return (
    <form className="form td-form" data-testid="trajectory-form" onSubmit={submit} noValidate>
      <p className="muted small">{t("td.traj.help")}</p>
      <div className="form-row">
        <Field label={t("td.traj.measure")} field="measure" error={error} className="td-wide" exact>
          {(a) => (
            <select
              {...a}
              data-testid="tf-measure"
              value={measureId}
              onChange={(e) => choose(e.target.value)}
            >
              <option value="">{t("td.traj.choose")}</option>
              {props.measures.map((m) => (
                <option key={m.measureId} value={String(m.measureId)}>
                  ({m.code}) {m.text} — {m.goal.unit}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {measure && (
        <>
          <p className="muted small" data-testid="tf-current">
            {t("td.traj.current", { text: measure.trajectory.explanation[lang] })}
          </p>
          <div className="td-years">
            {props.years.map((year) => (
              <Field
                key={year}
                label={t("td.traj.year", { year })}
                field={`year-${year}`}
                error={error}
                exact
              >
                {(a) => (
                  <input
                    {...a}
                    data-testid={`tf-year-${year}`}
                    inputMode="decimal"
                    value={texts[year] ?? ""}
                    onChange={(e) => setTexts((x) => ({ ...x, [year]: e.target.value }))}
                  />
                )}
              </Field>
            ))}
          </div>
          <div className="form-row">
            <Field
              label={t("td.traj.source")}
              field="source"
              error={error}
              hint={t("td.traj.sourceHint")}
              exact
            >
              {(a) => (
                <input
                  {...a}
                  data-testid="tf-source"
                  value={source}
                  onChange={(e) => setSource(e.target.value)}
                />
              )}
            </Field>
          </div>
          <FormError error={error} shown={["measure", "source", ...props.years.map((y) => `year-${y}`)]} />
          <div className="actions">
            <button type="submit" className="primary" data-testid="tf-save" disabled={busy}>
              {busy ? t("td.saving") : t("td.traj.save")}
            </button>
            <button
              type="button"
              className="danger"
              data-testid="tf-clear"
              disabled={busy}
              onClick={() => void save([], t("td.traj.cleared"))}
            >
              {t("td.traj.clear")}
            </button>
          </div>
        </>
      )}
      {done && (
        <p className="success" role="status" data-testid="tf-done">
          {done}
        </p>
      )}
    </form>
  );
}
