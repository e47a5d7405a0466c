// The coordinator's forms on the projects page: add a project, set a milestone (planned, actual,
// document), record a revocation (date and decision together, Investment Law 2020 Art. 48).
// The server validates and answers field by field; the forms show each problem under its input.
import { type FormEvent, useState } from "react";
import { formatVnNumber } from "../../../domain/vn-number.ts";
import { type ApiError, asApiError, send } from "../../api.ts";
import type { Lang } from "../../i18n.ts";
import { type Translate, useLang } from "../../lang.tsx";
import { parseNumberInput } from "../../number-input.ts";
import { Field } from "../Field.tsx";
import { FormError } from "../FormErrors.tsx";
import { MILESTONE_KINDS, type ProjectOut } from "./types.ts";

/** Runs a write, keeping its error and a "saved" flag; calls onSaved after success. */
function useWrite(onSaved: () => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const run = async (write: () => Promise<unknown>) => {
    setBusy(true);
    setSaved(false);
    try {
      await write();
      setError(null);
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, saved, run };
}

const orNull = (v: string) => (v.trim() === "" ? null : v.trim());
/**
 * A number input's value read in the UI language ("1.200" in Vietnamese is 1200, never 1,2):
 * null when empty; unreadable text is sent as is so the server names the field.
 */
const numOrNull = (v: string, lang: Lang): number | string | null => {
  if (v.trim() === "") return null;
  return parseNumberInput(v, lang) ?? v;
};

function Footer(props: {
  t: Translate;
  busy: boolean;
  saved: boolean;
  error: ApiError | null;
  label: string;
  shown: string[];
  testid: string;
}) {
  return (
    <div className="form-row">
      <FormError error={props.error} shown={props.shown} />
      <button type="submit" disabled={props.busy} data-testid={props.testid}>
        {props.label}
      </button>
      {props.saved && !props.error ? (
        <span className="small" role="status">
          {props.t("pj.saved")}
        </span>
      ) : null}
    </div>
  );
}

const PROJECT_FIELDS = [
  ["name", "pj.field.name", "text"],
  ["investor", "pj.field.investor", "text"],
  ["sector", "pj.field.sector", "text"],
  ["registeredCapitalBillionVnd", "pj.field.capital", "number"],
  ["landHa", "pj.field.land", "number"],
  ["jobs", "pj.field.jobs", "number"],
  ["expectedProductionValueBillionVnd", "pj.field.value", "number"],
  ["source", "pj.field.source", "text"],
] as const;

export function AddProjectForm(props: {
  province: string;
  zones: { id: number; label: string }[];
  onSaved: () => void;
}) {
  const { t, lang } = useLang();
  const w = useWrite(props.onSaved);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const get = (k: string) => String(data.get(k) ?? "");
    const body: Record<string, unknown> = { province: props.province, name: get("name").trim() };
    for (const [k, , type] of PROJECT_FIELDS)
      if (k !== "name") body[k] = type === "number" ? numOrNull(get(k), lang) : orNull(get(k));
    body.zoneId = get("zoneId") ? Number(get("zoneId")) : null;
    void w.run(async () => {
      await send("POST", "/api/projects", body);
      form.reset();
    });
  };
  return (
    <form className="form pj-form" data-testid="pj-add-form" onSubmit={submit} noValidate>
      <h2>{t("pj.add.title")}</h2>
      <div className="form-row">
        {PROJECT_FIELDS.map(([k, label, type]) => (
          <Field key={k} label={t(label)} field={k} error={w.error}>
            {(a) => (
              <input
                {...a}
                type="text"
                inputMode={type === "number" ? "decimal" : undefined}
                data-testid={`pj-add-${k}`}
              />
            )}
          </Field>
        ))}
        <Field label={t("pj.field.zone")} field="zoneId" error={w.error}>
          {(a) => (
            <select {...a} data-testid="pj-add-zoneId" defaultValue="">
              <option value="">{t("pj.noZone")}</option>
              {props.zones.map((z) => (
                <option key={z.id} value={z.id}>
                  {z.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Footer
        t={t}
        {...w}
        label={t("pj.add.submit")}
        shown={[...PROJECT_FIELDS.map((f) => f[0]), "zoneId"]}
        testid="pj-add-submit"
      />
    </form>
  );
}

/** The project's facts, corrected (PATCH): investors, capital and jobs become known over time. */
export function EditProjectForm({ project, onSaved }: { project: ProjectOut; onSaved: () => void }) {
  const { t, lang } = useLang();
  const w = useWrite(onSaved);
  const shown = (k: (typeof PROJECT_FIELDS)[number][0]): string => {
    const v = project[k];
    if (v === null || v === undefined) return "";
    return typeof v === "number" ? (lang === "vi" ? formatVnNumber(v) : String(v)) : v;
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const get = (k: string) => String(data.get(k) ?? "");
    const body: Record<string, unknown> = { name: get("name").trim() };
    for (const [k, , type] of PROJECT_FIELDS)
      if (k !== "name") body[k] = type === "number" ? numOrNull(get(k), lang) : orNull(get(k));
    void w.run(() => send("PATCH", `/api/projects/${project.id}`, body));
  };
  return (
    <form className="form pj-form" data-testid="pj-edit-form" onSubmit={submit} noValidate>
      <h3>{t("pj.editFacts")}</h3>
      <div className="form-row">
        {PROJECT_FIELDS.map(([k, label, type]) => (
          <Field key={k} label={t(label)} field={k} error={w.error}>
            {(a) => (
              <input
                {...a}
                type="text"
                defaultValue={shown(k)}
                inputMode={type === "number" ? "decimal" : undefined}
                data-testid={`pj-edit-${k}`}
              />
            )}
          </Field>
        ))}
      </div>
      <Footer
        t={t}
        {...w}
        label={t("pj.editSubmit")}
        shown={PROJECT_FIELDS.map((f) => f[0])}
        testid="pj-edit-submit"
      />
    </form>
  );
}

export function MilestoneForm({ projectId, onSaved }: { projectId: number; onSaved: () => void }) {
  const { t } = useLang();
  const w = useWrite(onSaved);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const get = (k: string) => String(data.get(k) ?? "");
    const body = {
      planned: orNull(get("planned")),
      actual: orNull(get("actual")),
      document: orNull(get("document")),
    };
    void w.run(() => send("PUT", `/api/projects/${projectId}/milestones/${get("kind")}`, body));
  };
  return (
    <form className="form pj-form" data-testid="pj-milestone-form" onSubmit={submit} noValidate>
      <h3>{t("pj.ms.title")}</h3>
      <div className="form-row">
        <Field label={t("pj.ms.kind")} field="kind" error={w.error}>
          {(a) => (
            <select {...a} data-testid="pj-ms-kind">
              {MILESTONE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`pj.ms.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("pj.ms.planned")} field="planned" error={w.error}>
          {(a) => <input {...a} type="date" data-testid="pj-ms-planned" />}
        </Field>
        <Field label={t("pj.ms.actual")} field="actual" error={w.error}>
          {(a) => <input {...a} type="date" data-testid="pj-ms-actual" />}
        </Field>
        <Field label={t("pj.ms.document")} field="document" error={w.error}>
          {(a) => <input {...a} type="text" data-testid="pj-ms-document" />}
        </Field>
      </div>
      <Footer
        t={t}
        {...w}
        label={t("pj.ms.submit")}
        shown={["kind", "planned", "actual", "document"]}
        testid="pj-ms-submit"
      />
    </form>
  );
}

export function RevocationForm({ projectId, onSaved }: { projectId: number; onSaved: () => void }) {
  const { t } = useLang();
  const w = useWrite(onSaved);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const body = {
      revokedOn: String(data.get("revokedOn") ?? ""),
      decision: String(data.get("decision") ?? "").trim(),
    };
    void w.run(() => send("POST", `/api/projects/${projectId}/revocation`, body));
  };
  return (
    <form className="form pj-form" data-testid="pj-revocation-form" onSubmit={submit} noValidate>
      <h3>{t("pj.rev.title")}</h3>
      <div className="form-row">
        <Field label={t("pj.rev.date")} field="revokedOn" error={w.error}>
          {(a) => <input {...a} type="date" data-testid="pj-rev-date" />}
        </Field>
        <Field label={t("pj.rev.decision")} field="decision" error={w.error}>
          {(a) => <input {...a} type="text" placeholder="123/QĐ-UBND" data-testid="pj-rev-decision" />}
        </Field>
      </div>
      <Footer
        t={t}
        {...w}
        label={t("pj.rev.submit")}
        shown={["revokedOn", "decision"]}
        testid="pj-rev-submit"
      />
    </form>
  );
}
