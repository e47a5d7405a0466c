import { formatDateTime } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import type { UpdateForm } from "../../report-draft.ts";
import type { ReportDetail } from "../../reporting-types.ts";
import { ErrorBox } from "../Status.tsx";
import { ActionBar } from "./ActionBar.tsx";
import { Attachments } from "./Attachments.tsx";
import { ConflictBox, MyCopy } from "./ConflictPanel.tsx";
import { IndicatorValuesCard } from "./IndicatorValuesCard.tsx";
import { useReportForm } from "./report-form-state.ts";
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

/**
 * One periodic report, editable or read-only: summary, task updates, indicator figures and
 * attachments, with save and submit. State and actions live in `useReportForm`.
 */
export function ReportForm({ id, detail, setDetail, editable, canSubmit }: Props) {
  const { t } = useLang();
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
