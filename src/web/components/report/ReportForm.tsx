import { useEffect, useMemo, useRef, useState } from "react";
import { api, useJson } from "../../api.ts";
import { formatDateTime, periodName } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import type { UpdateForm } from "../../report-draft.ts";
import type { ReportDetail, TaskUpdate } from "../../reporting-types.ts";
import { ErrorBox } from "../Status.tsx";
import { ActionBar } from "./ActionBar.tsx";
import { Attachments } from "./Attachments.tsx";
import { ConflictBox, MyCopy } from "./ConflictPanel.tsx";
import { IndicatorValuesCard } from "./IndicatorValuesCard.tsx";
import { useReportForm } from "./report-form-state.ts";
import "./report-form.css";
import { ReportOverview } from "./ReportOverview.tsx";
import { TaskUpdateCard } from "./TaskUpdateCard.tsx";
import { asForm, changedSinceLast, formCounts, unreportedOf } from "./task-compare.ts";

interface Previous {
  period: { label: string } | null;
  updates: TaskUpdate[];
}

interface Props {
  id: number;
  detail: ReportDetail;
  setDetail: (d: ReportDetail) => void;
  /** The user may write the draft now (their agency, an open report). */
  editable: boolean;
  /** The user may approve and submit (their agency's leader, an open report). */
  canSubmit: boolean;
}

/**
 * One periodic report, editable or read-only: summary, task updates, indicator figures and
 * attachments, with save and submit. State and actions live in `useReportForm`.
 */
export function ReportForm({ id, detail, setDetail, editable, canSubmit }: Props) {
  const { t, lang } = useLang();
  const {
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
  } = useReportForm({ id, detail, setDetail, editable });
  const prev = useJson<Previous>(api.previousAnswers(id)).data;
  const previous = useMemo(() => new Map((prev?.updates ?? []).map((u) => [u.taskId, asForm(u)])), [prev]);
  // Reported tasks start collapsed (when editing); the user opens any on demand.
  const [collapsed, setCollapsed] = useState<Set<number>>(
    () =>
      new Set(
        editable
          ? detail.tasks.filter((k) => (form.updates[String(k.id)]?.status ?? "") !== "").map((k) => k.id)
          : [],
      ),
  );
  const toggle = (taskId: number) =>
    setCollapsed((c) => {
      const n = new Set(c);
      if (n.has(taskId)) n.delete(taskId);
      else n.add(taskId);
      return n;
    });
  const reportedIds = new Set(
    detail.tasks.filter((k) => (form.updates[String(k.id)]?.status ?? "") !== "").map((k) => k.id),
  );
  const changedIds = new Set(
    prev?.period
      ? detail.tasks
          .filter((k) => changedSinceLast(form.updates[String(k.id)] as UpdateForm, previous.get(k.id)))
          .map((k) => k.id)
      : [],
  );
  const counts = formCounts(detail.tasks, form.updates, prev?.period ? previous : new Map());
  const jump = (taskId: number) => {
    setCollapsed((c) => {
      const n = new Set(c);
      n.delete(taskId);
      return n;
    });
    requestAnimationFrame(() => {
      const el = document.getElementById(`task-${taskId}`);
      el?.scrollIntoView({ block: "start" });
      el?.querySelector<HTMLElement>("select, textarea, input")?.focus({ preventScroll: true });
    });
  };
  // Ctrl+S (⌘S) saves the draft from anywhere in the form: "Lưu nháp" was 152 Tab stops away.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    if (!editable) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [editable]);
  // A focused field is never left behind the sticky action bar (WCAG 2.4.11 focus not obscured).
  const onFocus = (e: React.FocusEvent<HTMLDivElement>) => {
    const bar = e.currentTarget.querySelector<HTMLElement>('[data-testid="action-bar"]');
    const target = e.target as HTMLElement;
    if (!bar || bar.contains(target)) return;
    const overlap = target.getBoundingClientRect().bottom - bar.getBoundingClientRect().top + 8;
    if (overlap > 0) window.scrollBy({ top: overlap });
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: focus bubbles up from the fields inside; it scrolls the focused field clear of the sticky bar (WCAG 2.4.11)
    <div
      className="report-form"
      data-testid="report-form"
      data-editable={editable ? "true" : "false"}
      onFocus={onFocus}
    >
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
        <MyCopy copy={mine} tasks={detail.tasks} canUse={editable} onUse={takeMine} onDiscard={discardMine} />
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
              onChange={(e) => changeSummary(e.target.value)}
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
      {detail.tasks.length > 0 && (
        <ReportOverview
          tasks={detail.tasks}
          counts={counts}
          reportedIds={reportedIds}
          changedIds={changedIds}
          editable={editable}
          busy={busy !== null}
          onSave={() => void save()}
          onExpandAll={() => setCollapsed(new Set())}
          onCollapseReported={() => setCollapsed(new Set(reportedIds))}
          onJump={jump}
        />
      )}
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
            collapsed={collapsed.has(task.id)}
            onToggle={editable ? () => toggle(task.id) : undefined}
            previous={
              prev?.period
                ? { period: periodName(prev.period.label, lang), answer: previous.get(task.id) ?? null }
                : undefined
            }
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
          onSubmit={(confirm) => void submit(confirm)}
          unreported={unreportedOf(detail.tasks, form.updates)}
        />
      )}
    </div>
  );
}
