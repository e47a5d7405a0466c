import { type FormEvent, useState } from "react";
import { type ApiError, asApiError, send } from "../../api.ts";
import { formatNumber } from "../../format.ts";
import type { MessageKey } from "../../i18n.ts";
import { useLang } from "../../lang.tsx";
import { Link } from "../../router.tsx";
import { Field } from "../Field.tsx";
import { FormError, localError } from "../FormErrors.tsx";
import {
  type EventAnswer,
  type LeaseAnswer,
  optionalNumber,
  ZONE_EVENT_KINDS,
  type ZoneView,
} from "./types.ts";

/**
 * A zone's lifecycle event: a founding ("established"), expansion, planning or start of operation,
 * with the decision's number and date. Counting targets (4) and (5) read these events, so after a
 * cluster's founding the page links back to the evaluation where target (5) has changed.
 */
export function ZoneEventForm(props: { planId: number; zone: ZoneView; onSaved: () => void }) {
  const { lang, t } = useLang();
  const [kind, setKind] = useState<string>("established");
  const [date, setDate] = useState("");
  // When only the decision's year is known ("QĐ 08/QĐ-UBND (2025)"): no day is invented.
  const [year, setYear] = useState("");
  const [decision, setDecision] = useState("");
  const [area, setArea] = useState("");
  const [source, setSource] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [answer, setAnswer] = useState<EventAnswer | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const newAreaHa = optionalNumber(area, lang);
    const local = localError([
      ...(Number.isNaN(newAreaHa) ? [{ field: "newAreaHa", key: "td.value.notNumber" as const }] : []),
      ...(year.trim() && !date && !/^\d{4}$/.test(year.trim())
        ? [{ field: "year", key: "td.value.notNumber" as const }]
        : []),
    ]);
    setError(local);
    setAnswer(null);
    if (local) return;
    setBusy(true);
    try {
      const a = await send<EventAnswer>("POST", `/api/zones/${props.zone.id}/events`, {
        kind,
        date: date || null,
        year: !date && /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : null,
        decision: decision.trim() || null,
        newAreaHa,
        source: source.trim() || null,
      });
      setAnswer(a);
      props.onSaved();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const founded = answer?.zone.kind === "industrial_cluster" && kind === "established";
  return (
    <form className="form td-form" data-testid="event-form" onSubmit={submit} noValidate>
      <h4>{t("td.event.heading")}</h4>
      <div className="form-row">
        <Field label={t("td.event.kind")} field="kind" error={error} exact>
          {(a) => (
            <select {...a} data-testid="ef-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {ZONE_EVENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`tg.zone.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("td.event.date")} field="date" error={error} exact>
          {(a) => (
            <input
              {...a}
              type="date"
              data-testid="ef-date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("td.event.year")} field="year" error={error} hint={t("td.event.yearHint")} exact>
          {(a) => (
            <input
              {...a}
              data-testid="ef-year"
              inputMode="numeric"
              maxLength={4}
              value={year}
              disabled={date !== ""}
              onChange={(e) => setYear(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("td.event.decision")} field="decision" error={error} exact>
          {(a) => (
            <input
              {...a}
              data-testid="ef-decision"
              value={decision}
              placeholder="08/QĐ-UBND"
              onChange={(e) => setDecision(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("td.event.newArea")} field="newAreaHa" error={error} exact>
          {(a) => (
            <input
              {...a}
              data-testid="ef-area"
              inputMode="decimal"
              value={area}
              onChange={(e) => setArea(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field label={t("td.event.source")} field="source" error={error} exact>
          {(a) => (
            <input
              {...a}
              data-testid="ef-source"
              value={source}
              onChange={(e) => setSource(e.target.value)}
            />
          )}
        </Field>
      </div>
      <FormError error={error} shown={["kind", "date", "decision", "newAreaHa", "source"]} />
      <div className="actions">
        <button type="submit" className="primary" data-testid="ef-save" disabled={busy}>
          {busy ? t("td.saving") : t("td.event.add")}
        </button>
      </div>
      {answer && (
        <div role="status" data-testid="ef-done">
          <p className="success">
            {t("td.event.saved", {
              kind: t(`tg.zone.${kind}` as MessageKey),
              name: props.zone.label ?? props.zone.name,
            })}
          </p>
          <p className="small" data-testid="ef-countable" data-counted={answer.countable.counted}>
            {answer.countable.reason[lang]}
          </p>
          {answer.warnings.map((w) => (
            <p key={w.en} className="notice small">
              {w[lang]}
            </p>
          ))}
          {founded && (
            <p>
              <Link href={`/plans/${props.planId}/targets`} data-testid="ef-to-targets">
                {t("td.event.toTargets")}
              </Link>
            </p>
          )}
        </div>
      )}
    </form>
  );
}

/** A leased-land snapshot of a zone (ha leased, of how much leasable land, as of a date): target (6). */
export function ZoneLeaseForm(props: { zone: ZoneView; onSaved: () => void }) {
  const { lang, t } = useLang();
  const [asOf, setAsOf] = useState("");
  const [leased, setLeased] = useState("");
  const [leasable, setLeasable] = useState("");
  const [source, setSource] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const leasedHa = optionalNumber(leased, lang);
    const leasableHa = optionalNumber(leasable, lang);
    const local = localError([
      ...(asOf ? [] : [{ field: "asOf", key: "td.required" as const }]),
      ...(leasedHa === null
        ? [{ field: "leasedHa", key: "td.required" as const }]
        : Number.isNaN(leasedHa)
          ? [{ field: "leasedHa", key: "td.value.notNumber" as const }]
          : []),
      ...(Number.isNaN(leasableHa) ? [{ field: "leasableHa", key: "td.value.notNumber" as const }] : []),
    ]);
    setError(local);
    setDone(null);
    if (local) return;
    setBusy(true);
    try {
      const a = await send<LeaseAnswer>("POST", `/api/zones/${props.zone.id}/leases`, {
        asOf,
        leasedHa,
        leasableHa,
        source: source.trim() || null,
      });
      const rate = a.rate.rate;
      setDone(
        rate !== null
          ? t("td.lease.saved", { rate: `${formatNumber(rate * 100, lang, 1)}%` })
          : t("td.lease.noRate", { reason: a.rate.reason?.[lang] ?? "" }),
      );
      props.onSaved();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form td-form" data-testid="lease-form" onSubmit={submit} noValidate>
      <h4>{t("td.lease.heading")}</h4>
      <div className="form-row">
        <Field label={t("td.lease.asOf")} field="asOf" error={error} exact>
          {(a) => (
            <input
              {...a}
              type="date"
              data-testid="lf-as-of"
              value={asOf}
              onChange={(e) => setAsOf(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("td.lease.leased")} field="leasedHa" error={error} exact>
          {(a) => (
            <input
              {...a}
              data-testid="lf-leased"
              inputMode="decimal"
              value={leased}
              onChange={(e) => setLeased(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("td.lease.leasable")} field="leasableHa" error={error} exact>
          {(a) => (
            <input
              {...a}
              data-testid="lf-leasable"
              inputMode="decimal"
              value={leasable}
              onChange={(e) => setLeasable(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("td.lease.source")} field="source" error={error} exact>
          {(a) => (
            <input
              {...a}
              data-testid="lf-source"
              value={source}
              onChange={(e) => setSource(e.target.value)}
            />
          )}
        </Field>
      </div>
      <FormError error={error} shown={["asOf", "leasedHa", "leasableHa", "source"]} />
      <div className="actions">
        <button type="submit" className="primary" data-testid="lf-save" disabled={busy}>
          {busy ? t("td.saving") : t("td.lease.add")}
        </button>
      </div>
      {done && (
        <p className="success" role="status" data-testid="lf-done">
          {done}
        </p>
      )}
    </form>
  );
}
