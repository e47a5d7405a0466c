// Create an agency or group, or change one: names, kind, level, aliases, validity, successor.
// A change sends only the fields that changed (naming a successor confirms it).
import { type FormEvent, useState } from "react";
import { type ApiError, asApiError, send } from "../../api.ts";
import { useLang } from "../../lang.tsx";
import { Field } from "../Field.tsx";
import { FieldError, FormError, invalid } from "../FormErrors.tsx";
import { AgencyOptions } from "./AgencyOptions.tsx";
import { type AdminAgency, AGENCY_KINDS, AGENCY_LEVELS, adminApi } from "./admin-api.ts";

const SHOWN = [
  "name",
  "shortName",
  "kind",
  "level",
  "province",
  "isGroup",
  "aliases",
  "validFrom",
  "validTo",
  "successorId",
  "note",
];

let aliasKey = 1;
interface AliasDraft {
  key: number;
  text: string;
}
const aliasDraft = (text = ""): AliasDraft => ({ key: aliasKey++, text });

const orNull = (s: string) => (s.trim() ? s.trim() : null);

export function AgencyForm(props: {
  agency: AdminAgency | null;
  agencies: AdminAgency[];
  provinces: string[];
  onSaved: (agency: { id: number; name: string }) => void;
  onCancel: () => void;
}) {
  const { t } = useLang();
  const { agency: a, agencies } = props;
  const creating = a === null;
  const [name, setName] = useState(a?.name ?? "");
  const [shortName, setShortName] = useState(a?.shortName ?? "");
  const [kind, setKind] = useState(a?.kind ?? "");
  const [level, setLevel] = useState(a?.level ?? "");
  const [province, setProvince] = useState(a?.province ?? props.provinces[0] ?? "");
  const [isGroup, setIsGroup] = useState(a?.isGroup ?? false);
  const [aliases, setAliases] = useState<AliasDraft[]>(() => (a?.aliases ?? []).map((x) => aliasDraft(x)));
  const [validFrom, setValidFrom] = useState(a?.validFrom ?? "");
  const [validTo, setValidTo] = useState(a?.validTo ?? "");
  const [successorId, setSuccessorId] = useState(a?.successor ? String(a.successor.id) : "");
  const [confirmSuccessor, setConfirmSuccessor] = useState(false);
  const [note, setNote] = useState(a?.note ?? "");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const others = agencies.filter((x) => x.id !== a?.id);

  const body = () => {
    const next = {
      name: name.trim(),
      shortName: orNull(shortName),
      kind: orNull(kind),
      level: orNull(level),
      note: orNull(note),
      aliases: aliases.map((x) => x.text.trim()).filter(Boolean),
      validFrom: validFrom || null,
      validTo: validTo || null,
      successorId: successorId ? Number(successorId) : null,
    };
    if (creating) return { ...next, province: province.trim(), isGroup };
    const before = {
      name: a.name,
      shortName: a.shortName,
      kind: a.kind,
      level: a.level,
      note: a.note,
      aliases: a.aliases,
      validFrom: a.validFrom,
      validTo: a.validTo,
      successorId: a.successor?.id ?? null,
    };
    const patch: Record<string, unknown> = {};
    for (const k of Object.keys(next) as (keyof typeof next)[]) {
      if (JSON.stringify(next[k]) !== JSON.stringify(before[k])) patch[k] = next[k];
    }
    if (confirmSuccessor && next.successorId !== null) patch.successorId = next.successorId;
    return patch;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const payload = body();
      const saved = creating
        ? await send<{ id: number; name: string }>("POST", adminApi.agencies(), payload)
        : Object.keys(payload).length === 0
          ? { id: a.id, name: a.name }
          : await send<{ id: number; name: string }>("PATCH", adminApi.agency(a.id), payload);
      props.onSaved(saved);
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };

  return (
    <form className="form admin-form" data-testid="agency-form" onSubmit={submit} noValidate>
      <datalist id="admin-provinces">
        {props.provinces.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <div className="form-row">
        <Field
          label={t("admin.agency.name")}
          field="name"
          error={error}
          hint={!creating ? t("admin.agency.renameHint") : undefined}
        >
          {(a) => (
            <input {...a} data-testid="af-name" value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field label={t("admin.agency.shortName")} field="shortName" error={error}>
          {(a) => (
            <input
              {...a}
              data-testid="af-short-name"
              value={shortName}
              onChange={(e) => setShortName(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field label={t("admin.agency.kind")} field="kind" error={error}>
          {(a) => (
            <select {...a} data-testid="af-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="">{t("admin.agency.unset")}</option>
              {AGENCY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`admin.agencyKind.${k}`)}
                </option>
              ))}
              {kind && !(AGENCY_KINDS as readonly string[]).includes(kind) && (
                <option value={kind}>{kind}</option>
              )}
            </select>
          )}
        </Field>
        <Field label={t("admin.agency.level")} field="level" error={error}>
          {(a) => (
            <select {...a} data-testid="af-level" value={level} onChange={(e) => setLevel(e.target.value)}>
              <option value="">{t("admin.agency.unset")}</option>
              {AGENCY_LEVELS.map((k) => (
                <option key={k} value={k}>
                  {t(`admin.agencyLevel.${k}`)}
                </option>
              ))}
              {level && !(AGENCY_LEVELS as readonly string[]).includes(level) && (
                <option value={level}>{level}</option>
              )}
            </select>
          )}
        </Field>
        <Field
          label={t("admin.agency.province")}
          field="province"
          error={error}
          hint={creating ? t("admin.agency.provinceHint") : undefined}
        >
          {(f) => (
            <input
              {...f}
              data-testid="af-province"
              list="admin-provinces"
              value={creating ? province : (a.province ?? t("admin.agency.central"))}
              readOnly={!creating}
              disabled={!creating}
              onChange={(e) => setProvince(e.target.value)}
            />
          )}
        </Field>
      </div>
      {creating && (
        <label className="check admin-check">
          <input
            type="checkbox"
            data-testid="af-is-group"
            checked={isGroup}
            onChange={(e) => setIsGroup(e.target.checked)}
          />
          <span>{t("admin.agency.isGroupCheck")}</span>
        </label>
      )}
      <fieldset className="alias-list" data-testid="af-aliases">
        <legend>{t("admin.agency.aliases")}</legend>
        <p className="small muted">{t("admin.agency.aliasesHint")}</p>
        {aliases.map((x, i) => (
          <div key={x.key} className="alias-row">
            <input
              data-testid="af-alias"
              value={x.text}
              aria-label={t("admin.agency.alias", { n: i + 1 })}
              {...invalid(error, `aliases.${i}`)}
              onChange={(e) =>
                setAliases(aliases.map((y) => (y.key === x.key ? { ...y, text: e.target.value } : y)))
              }
            />
            <button
              type="button"
              className="link-button"
              data-testid="af-alias-remove"
              aria-label={t("admin.agency.removeAlias")}
              title={t("admin.agency.removeAlias")}
              onClick={() => setAliases(aliases.filter((y) => y.key !== x.key))}
            >
              ×
            </button>
            <FieldError error={error} field={`aliases.${i}`} />
          </div>
        ))}
        <FieldError error={error} field="aliases" exact />
        <button
          type="button"
          data-testid="af-alias-add"
          onClick={() => setAliases([...aliases, aliasDraft()])}
        >
          + {t("admin.agency.addAlias")}
        </button>
      </fieldset>
      <div className="form-row">
        <Field label={t("admin.agency.validFrom")} field="validFrom" error={error}>
          {(a) => (
            <input
              {...a}
              data-testid="af-valid-from"
              type="date"
              value={validFrom}
              onChange={(e) => setValidFrom(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("admin.agency.validTo")} field="validTo" error={error}>
          {(a) => (
            <input
              {...a}
              data-testid="af-valid-to"
              type="date"
              value={validTo}
              onChange={(e) => setValidTo(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("admin.agency.successor")} field="successorId" error={error}>
          {(a) => (
            <select
              {...a}
              data-testid="af-successor"
              value={successorId}
              onChange={(e) => setSuccessorId(e.target.value)}
            >
              <option value="">{t("admin.agency.noSuccessor")}</option>
              <AgencyOptions agencies={others} />
            </select>
          )}
        </Field>
      </div>
      {a?.successor && a.successorConfirmed === false && successorId === String(a.successor.id) && (
        <label className="check admin-check">
          <input
            type="checkbox"
            data-testid="af-confirm-successor"
            checked={confirmSuccessor}
            onChange={(e) => setConfirmSuccessor(e.target.checked)}
          />
          <span>{t("admin.agency.confirmSuccessor")}</span>
        </label>
      )}
      <Field label={t("admin.agency.note")} field="note" error={error}>
        {(a) => (
          <textarea
            {...a}
            data-testid="af-note"
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <FormError error={error} shown={SHOWN} />
      <div className="actions">
        <button type="submit" className="primary" data-testid="af-submit" disabled={busy}>
          {busy ? t("admin.saving") : creating ? t("admin.agency.create") : t("admin.save")}
        </button>
        <button type="button" data-testid="af-cancel" onClick={props.onCancel}>
          {t("admin.cancel")}
        </button>
      </div>
    </form>
  );
}
