import { useEffect, useState } from "react";
import { type ApiError, api, asApiError, getJson, send } from "../../api.ts";
import { formatDateTime } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import {
  applyMine,
  checkForm,
  checkValues,
  type ReportForm as Form,
  formOfReport,
  type LocalDraft,
  readLocalDraft,
  readMine,
  sameForm,
  saveBody,
  type UpdateForm,
  type ValueForm,
  valuesBody,
  writeLocalDraft,
  writeMine,
} from "../../report-draft.ts";
import type { ReportDetail } from "../../reporting-types.ts";
import { ErrorBox } from "../Status.tsx";
import { ActionBar } from "./ActionBar.tsx";
import { Attachments } from "./Attachments.tsx";
import { ConflictBox, MyCopy } from "./ConflictPanel.tsx";
import { IndicatorValuesCard } from "./IndicatorValuesCard.tsx";
import { TaskUpdateCard } from "./TaskUpdateCard.tsx";

interface Props {
  id: number;
  detail: ReportDetail;
  setDetail: (d: ReportDetail) => void;
  /** The user may write the draft now (their agency, an open report). */
  editable: boolean;
  /** The user may approve and submit (their agency's leader, an open report). */
  canSubmit: boolean;
}

/** `saved` laid over `base`, task by task (a task no longer reported on is left out). */
function merge(base: Form, saved: Form): Form {
  const updates = { ...base.updates };
  for (const k of Object.keys(updates)) if (saved.updates[k]) updates[k] = saved.updates[k] as UpdateForm;
  const values = { ...base.values };
  for (const k of Object.keys(values)) if (saved.values?.[k]) values[k] = saved.values[k] as ValueForm;
  return { summary: saved.summary, updates, values };
}

/** Server problems `indicatorValues.<n>.<field>` → indicator code, `n` indexing `sent`. */
function notesOf(
  fields: { field: string; reason: string; reasonVi: string }[],
  sent: { indicatorCode: string }[],
  vi: boolean,
) {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const code = sent[Number(/^indicatorValues\.(\d+)\./.exec(f.field)?.[1] ?? -1)]?.indicatorCode;
    if (code) out[code] = [out[code], vi ? f.reasonVi : f.reason].filter(Boolean).join(" ");
  }
  return out;
}

const stamp = () => new Date().toISOString();

export function ReportForm({ id, detail, setDetail, editable, canSubmit }: Props) {
  const { t, lang } = useLang();
  const [baseline, setBaseline] = useState<Form>(() => formOfReport(detail));
  const [init] = useState(() => {
    const base = formOfReport(detail);
    const local = readLocalDraft(id);
    if (local && !sameForm(merge(base, local.form), base)) return { form: merge(base, local.form), local };
    return { form: base, local: null as LocalDraft | null };
  });
  const [form, setForm] = useState<Form>(init.form);
  // The server version the form was started from: a stale one makes the save a conflict.
  const [version, setVersion] = useState(
    init.local && editable ? init.local.baseVersion : detail.report.version,
  );
  const [restoredAt, setRestoredAt] = useState(init.local && editable ? init.local.savedAt : null);
  const [mine, setMine] = useState<LocalDraft | null>(() => readMine(id) ?? (!editable ? init.local : null));
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [problems, setProblems] = useState<ReturnType<typeof checkForm>>({});
  const [valueProblems, setValueProblems] = useState<ReturnType<typeof checkValues>>({});
  const [valueErrors, setValueErrors] = useState<ApiError["fields"]>([]);
  const [valueErrorsSent, setValueErrorsSent] = useState<{ indicatorCode: string }[]>([]);
  const [busy, setBusy] = useState<"save" | "submit" | "reload" | null>(null);
  const [saved, setSaved] = useState(false);
  const dirty = !sameForm(form, baseline) || version !== detail.report.version;

  // Autosave what is typed, until the server has it.
  useEffect(() => {
    if (!editable) return;
    if (sameForm(form, baseline) && version === detail.report.version) writeLocalDraft(id, null);
    else writeLocalDraft(id, { baseVersion: version, form, savedAt: stamp() });
  }, [id, editable, form, baseline, version, detail.report.version]);

  const adopt = (d: ReportDetail) => {
    const next = formOfReport(d);
    setDetail(d);
    setBaseline(next);
    setVersion(d.report.version);
    return next;
  };

  const change = (taskId: number, patch: Partial<UpdateForm>) => {
    setSaved(false);
    setForm((f) => ({
      ...f,
      updates: { ...f.updates, [taskId]: { ...(f.updates[taskId] as UpdateForm), ...patch } },
    }));
  };

  const changeValue = (code: string, patch: Partial<ValueForm>) => {
    setSaved(false);
    setForm((f) => ({
      ...f,
      values: { ...f.values, [code]: { ...(f.values?.[code] as ValueForm), ...patch } },
    }));
  };

  const save = async (): Promise<ReportDetail | null> => {
    const found = checkForm(form);
    const badValues = checkValues(form);
    setProblems(found);
    setValueProblems(badValues);
    if (Object.keys(badValues).length > 0) {
      setError(null);
      document
        .querySelector<HTMLElement>('[data-testid="indicator-values"]')
        ?.scrollIntoView({ block: "center" });
      return null;
    }
    if (Object.keys(found).length > 0) {
      setError(null);
      document
        .querySelector<HTMLElement>(`[data-task-id="${Object.keys(found)[0]}"]`)
        ?.scrollIntoView({ block: "center" });
      return null;
    }
    const sent = form;
    setBusy("save");
    setError(null);
    try {
      const d = await send<ReportDetail>(
        "PUT",
        api.report(id),
        saveBody(sent, detail.tasks, version, detail.indicators),
      );
      setValueErrors([]);
      const next = adopt(d);
      // Text typed while the save was on its way stays (and is autosaved) as a change.
      setForm((cur) => (sameForm(cur, sent) ? next : cur));
      setRestoredAt(null);
      setConflict(null);
      setSaved(true);
      return d;
    } catch (e) {
      const err = asApiError(e);
      if (err.code === "VERSION_CONFLICT") {
        const copy = { baseVersion: version, form: sent, base: baseline, savedAt: stamp() };
        writeMine(id, copy);
        setMine(copy);
        setConflict(err);
      } else {
        setError(err);
        setValueErrors(err.fields);
        setValueErrorsSent(valuesBody(sent, detail.indicators ?? []));
      }
      return null;
    } finally {
      setBusy(null);
    }
  };

  const reloadTheirs = async () => {
    setBusy("reload");
    try {
      const d = await getJson<ReportDetail>(api.report(id));
      setForm(adopt(d));
      setConflict(null);
      setRestoredAt(null);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  };

  /** After an upload: the file may have created the report on the server (a new version, same text). */
  const afterUpload = async () => {
    try {
      const d = await getJson<ReportDetail>(api.report(id));
      if (d.report.version !== version && sameForm(formOfReport(d), baseline)) adopt(d);
    } catch {
      // The next save tells the user if anything is wrong.
    }
  };

  const submit = async () => {
    let current = version;
    if (dirty) {
      const d = await save();
      if (!d) return;
      current = d.report.version;
    }
    setBusy("submit");
    setError(null);
    try {
      const d = await send<ReportDetail>("POST", api.submit(id), { version: current });
      adopt(d);
      writeLocalDraft(id, null);
    } catch (e) {
      const err = asApiError(e);
      if (err.code === "VERSION_CONFLICT") setConflict(err);
      else {
        setError(err);
        setValueErrors(err.fields);
        setValueErrorsSent(detail.report.indicatorValues ?? []);
      }
    } finally {
      setBusy(null);
    }
  };

  // What the server says of the figures: the draft's warnings, then the last refusal.
  const valueNotes = {
    ...notesOf(detail.report.indicatorWarnings ?? [], detail.report.indicatorValues ?? [], lang === "vi"),
    ...notesOf(valueErrors, valueErrorsSent, lang === "vi"),
  };

  const discardLocal = () => {
    setForm(baseline);
    setVersion(detail.report.version);
    setRestoredAt(null);
  };

  return (
    <div className="report-form" data-testid="report-form" data-editable={editable ? "true" : "false"}>
      {restoredAt && editable && (
        <p className="notice" data-testid="restored-notice">
          {t("restoredNotice", { at: formatDateTime(restoredAt) })}{" "}
          <button type="button" className="link-button" data-testid="discard-local" onClick={discardLocal}>
            {t("discardLocal")}
          </button>
        </p>
      )}
      {conflict && <ConflictBox error={conflict} busy={busy !== null} onReload={reloadTheirs} />}
      {mine && !conflict && (
        <MyCopy
          copy={mine}
          tasks={detail.tasks}
          canUse={editable}
          onUse={() => {
            setForm((cur) => applyMine(cur, mine.form, mine.base));
            writeMine(id, null);
            setMine(null);
          }}
          onDiscard={() => {
            writeMine(id, null);
            setMine(null);
          }}
        />
      )}
      <section className="card">
        {editable ? (
          <label className="field">
            <span>{t("reportSummary")}</span>
            <textarea
              data-testid="report-summary"
              rows={4}
              value={form.summary}
              placeholder={t("reportSummaryPlaceholder")}
              onChange={(e) => {
                setSaved(false);
                setForm((f) => ({ ...f, summary: e.target.value }));
              }}
            />
          </label>
        ) : (
          <div className="ro-field">
            <span className="ro-label">{t("reportSummary")}</span>
            <p className="ro-text" data-testid="report-summary-text">
              {form.summary || <span className="muted">{t("none")}</span>}
            </p>
          </div>
        )}
      </section>
      <h2>{t("reportTasks", { n: detail.tasks.length })}</h2>
      {detail.tasks.length === 0 && <p className="empty">{t("reportNoTasks")}</p>}
      <ol className="task-updates">
        {detail.tasks.map((task) => (
          <TaskUpdateCard
            key={task.id}
            task={task}
            value={form.updates[String(task.id)] as UpdateForm}
            readOnly={!editable}
            problems={problems[String(task.id)]}
            onChange={(patch) => change(task.id, patch)}
          />
        ))}
      </ol>
      <IndicatorValuesCard
        indicators={detail.indicators ?? []}
        values={form.values ?? {}}
        readOnly={!editable}
        problems={valueProblems}
        notes={editable ? valueNotes : {}}
        onChange={changeValue}
      />
      <Attachments
        reportId={id}
        tasks={detail.tasks}
        canUpload={editable}
        initial={detail.attachments}
        onUploaded={() => void afterUpload()}
      />
      {error && <ErrorBox error={error} />}
      {Object.keys(problems).length > 0 && (
        <p className="field-error" role="alert" data-testid="form-problems">
          {t("formHasProblems")}
        </p>
      )}
      {editable && (
        <ActionBar
          dirty={dirty}
          saved={saved}
          busy={busy}
          canSubmit={canSubmit}
          onSave={() => void save()}
          onSubmit={() => void submit()}
        />
      )}
    </div>
  );
}
