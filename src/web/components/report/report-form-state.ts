/**
 * The report editor's state and actions, kept apart from its layout: the form against the last
 * saved baseline, the local autosave, saving with the version the edit started from (a stale
 * save becomes a conflict with the user's copy kept), submission and the server's notes on figures.
 */

import { useEffect, useState } from "react";
import { type ApiError, api, asApiError, getJson, send } from "../../api.ts";
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

/** Everything `ReportForm` shows and does, for report `id` as `detail` holds it. */
export function useReportForm({
  id,
  detail,
  setDetail,
  editable,
}: {
  id: number;
  detail: ReportDetail;
  setDetail: (d: ReportDetail) => void;
  editable: boolean;
}) {
  const { lang } = useLang();
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

  const changeSummary = (summary: string) => {
    setSaved(false);
    setForm((f) => ({ ...f, summary }));
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

  /** `confirmUnreported`: the sender saw the coordinated tasks left unreported and sends anyway. */
  const submit = async (confirmUnreported = false) => {
    let current = version;
    if (dirty) {
      const d = await save();
      if (!d) return;
      current = d.report.version;
    }
    setBusy("submit");
    setError(null);
    try {
      const d = await send<ReportDetail>("POST", api.submit(id), {
        version: current,
        ...(confirmUnreported ? { confirmUnreported: true } : {}),
      });
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

  const takeMine = () => {
    if (!mine) return;
    setForm((cur) => applyMine(cur, mine.form, mine.base));
    writeMine(id, null);
    setMine(null);
  };

  const discardMine = () => {
    writeMine(id, null);
    setMine(null);
  };

  return {
    form,
    restoredAt,
    mine,
    conflict,
    error,
    problems,
    valueProblems,
    valueNotes,
    busy,
    saved,
    dirty,
    change,
    changeValue,
    changeSummary,
    save,
    submit,
    reloadTheirs,
    afterUpload,
    discardLocal,
    takeMine,
    discardMine,
  };
}
