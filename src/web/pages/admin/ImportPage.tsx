// /admin/import: upload a plan document → see what the importer read (nothing is stored) →
// correct tasks → confirm → the new plan. The same document twice is refused by the server.
import { type FormEvent, useMemo, useRef, useState } from "react";
import { parseSchedule } from "../../../domain/schedule.ts";
import type { TaskJson } from "../../../importer/plan-json.ts";
import { type ApiError, api, asApiError, itemsOf, send, useJson } from "../../api.ts";
import {
  adminApi,
  fileBase64,
  type ImportResult,
  type ImportPreview as Preview,
} from "../../components/admin/admin-api.ts";
import { ImportPreview, sameTask, type TaskState } from "../../components/admin/ImportPreview.tsx";
import { FormError } from "../../components/FormErrors.tsx";
import { useLang, useTitle } from "../../lang.tsx";
import { Link } from "../../router.tsx";
import type { AgencySummary, List } from "../../types.ts";

const ACCEPT = ".txt,.md,.markdown,.text,text/plain,text/markdown";

interface Loaded {
  preview: Preview;
  documentBase64: string;
}

type TaskChange = Partial<Pick<TaskJson, "leads" | "coordinators" | "deadlineText">> | "toggle" | "undo";

function initialTasks(preview: Preview): TaskState[] {
  const warned = new Set(
    preview.plan.warnings.filter((w) => w.where.startsWith("task ")).map((w) => w.where.slice(5)),
  );
  return preview.plan.tasks.map((task) => ({
    task,
    original: task,
    open: warned.has(task.code),
    scheduleWarnings: [],
  }));
}

/** The names as the API stores them: trimmed, no empty ones. */
const clean = (names: string[]) => names.map((n) => n.trim()).filter(Boolean);

export function ImportPage() {
  const { t } = useLang();
  useTitle(t("admin.import.heading"));
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [tasks, setTasks] = useState<TaskState[]>([]);
  const [busy, setBusy] = useState<"preview" | "confirm" | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [stage, setStage] = useState<"preview" | "confirm">("preview");
  const [result, setResult] = useState<ImportResult | null>(null);
  const registry = useJson<List<AgencySummary>>(api.agencies());

  const agencyNames = useMemo(() => {
    const names = new Set<string>();
    for (const a of loaded?.preview.plan.agencies ?? []) names.add(a.name);
    for (const a of itemsOf(registry.data)) names.add(a.name);
    return [...names].sort((a, b) => a.localeCompare(b, "vi"));
  }, [loaded, registry.data]);

  const startOver = () => {
    setLoaded(null);
    setTasks([]);
    setResult(null);
    setError(null);
    setFile(null);
    if (fileInput.current) fileInput.current.value = "";
  };

  const preview = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy("preview");
    setError(null);
    setStage("preview");
    setResult(null);
    setLoaded(null);
    try {
      const form = new FormData();
      form.append("file", file, file.name);
      const [answer, documentBase64] = await Promise.all([
        send<Preview>("POST", adminApi.importPreview(), form),
        fileBase64(file),
      ]);
      setLoaded({ preview: answer, documentBase64 });
      setTasks(initialTasks(answer));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(null);
    }
  };

  const change = (index: number, c: TaskChange) => {
    setTasks((list) =>
      list.map((s, i) => {
        if (i !== index) return s;
        if (c === "toggle") return { ...s, open: !s.open };
        if (c === "undo") return { ...s, task: s.original, scheduleWarnings: [] };
        const task = { ...s.task, ...c };
        if (c.deadlineText === undefined) return { ...s, task };
        // Read the corrected deadline now, as the server will when the plan is confirmed.
        const parsed =
          c.deadlineText === s.original.deadlineText
            ? { schedule: s.original.schedule, warnings: [] }
            : parseSchedule(c.deadlineText);
        return { ...s, task: { ...task, schedule: parsed.schedule }, scheduleWarnings: parsed.warnings };
      }),
    );
  };

  const confirm = async () => {
    if (!loaded) return;
    setBusy("confirm");
    setStage("confirm");
    setError(null);
    const { preview: p, documentBase64 } = loaded;
    const plan = {
      ...p.plan,
      tasks: tasks.map((s) =>
        sameTask(s.task, s.original)
          ? s.original
          : { ...s.task, leads: clean(s.task.leads), coordinators: clean(s.task.coordinators) },
      ),
    };
    try {
      setResult(
        await send<ImportResult>("POST", adminApi.importConfirm(), {
          sourceName: p.sourceName,
          documentBase64,
          plan,
        }),
      );
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(null);
    }
  };

  const existing = error?.code === "PLAN_ALREADY_IMPORTED" ? Number(error.details.planId) || null : null;
  const errorBlock = error && (
    <div className="import-error" data-testid="import-error" data-code={error.code}>
      <FormError error={error} shown={stage === "confirm" ? ["plan.tasks"] : []} />
      {existing !== null && (
        <p>
          <Link href={`/plans/${existing}`} data-testid="import-existing-link">
            {t("admin.import.openExisting", { id: existing })} →
          </Link>
        </p>
      )}
    </div>
  );

  return (
    <section className="admin-section" data-testid="admin-import">
      <h1>{t("admin.import.heading")}</h1>
      <p className="muted">{t("admin.import.intro")}</p>
      <form className="card form import-upload" data-testid="import-form" onSubmit={preview}>
        <label className="field">
          <span>{t("admin.import.file")}</span>
          <input
            ref={fileInput}
            type="file"
            accept={ACCEPT}
            data-testid="import-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setLoaded(null);
              setResult(null);
              setError(null);
            }}
          />
          <small className="muted">{t("admin.import.fileHint")}</small>
        </label>
        <div className="actions">
          <button
            type="submit"
            className="primary"
            data-testid="import-preview-submit"
            disabled={!file || busy !== null}
          >
            {busy === "preview" ? t("admin.import.reading") : t("admin.import.previewButton")}
          </button>
          {loaded && (
            <button type="button" data-testid="import-start-over" onClick={startOver}>
              {t("admin.import.startOver")}
            </button>
          )}
        </div>
      </form>
      {stage === "preview" && errorBlock}

      {result && (
        <div className="card import-done" role="status" data-testid="import-done">
          <p className="success">
            {t("admin.import.done", { id: result.planId, tasks: result.tasks, targets: result.targets })}
          </p>
          {result.agenciesCreated ? (
            <p className="small">{t("admin.import.agenciesCreated", { n: result.agenciesCreated })}</p>
          ) : null}
          <div className="actions">
            <Link href={`/plans/${result.planId}`} className="button-link" data-testid="import-plan-link">
              {t("admin.import.openPlan")} →
            </Link>
            <button type="button" data-testid="import-another" onClick={startOver}>
              {t("admin.import.another")}
            </button>
          </div>
        </div>
      )}

      {loaded && !result && (
        <>
          <p className="notice" data-testid="import-not-stored">
            {t("admin.import.notStored")}
          </p>
          <ImportPreview
            plan={loaded.preview.plan}
            sourceName={loaded.preview.sourceName}
            tasks={tasks}
            agencyNames={agencyNames}
            error={stage === "confirm" ? error : null}
            onTask={change}
          />
          <div className="card import-confirm" data-testid="import-confirm-box">
            <p>{t("admin.import.confirmExplain", { n: tasks.length })}</p>
            {stage === "confirm" && errorBlock}
            <div className="actions">
              <button
                type="button"
                className="primary"
                data-testid="import-confirm"
                disabled={busy !== null}
                onClick={confirm}
              >
                {busy === "confirm" ? t("admin.import.storing") : t("admin.import.confirm")}
              </button>
              <button type="button" onClick={startOver}>
                {t("admin.cancel")}
              </button>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
