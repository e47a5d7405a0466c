import { useState } from "react";
import { formatDate } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import type { FieldProblem, UpdateForm } from "../../report-draft.ts";
import { type ReportTask, UPDATE_STATUSES } from "../../reporting-types.ts";
import { changedSinceLast } from "./task-compare.ts";

interface Props {
  task: ReportTask;
  value: UpdateForm;
  readOnly: boolean;
  problems?: Partial<Record<keyof UpdateForm, FieldProblem>>;
  onChange: (patch: Partial<UpdateForm>) => void;
  /** Shown as one line with "Mở" (a reported task, issue 9 §3). */
  collapsed?: boolean;
  onToggle?: () => void;
  /** The previous period's accepted answer; undefined = none; period = its label shown. */
  previous?: { period: string; answer: UpdateForm | null };
}

const statusKey = (s: UpdateForm["status"]) => (s ? (`upd.${s}` as const) : "updUnreported");

function TextArea(props: {
  label: string;
  value: string;
  testid: string;
  readOnly: boolean;
  onChange: (v: string) => void;
}) {
  const { t } = useLang();
  if (props.readOnly) {
    return (
      <div className="ro-field">
        <span className="ro-label">{props.label}</span>
        <p className="ro-text" data-testid={props.testid}>
          {props.value || <span className="muted">{t("none")}</span>}
        </p>
      </div>
    );
  }
  return (
    <label className="field">
      <span>{props.label}</span>
      <textarea
        data-testid={props.testid}
        rows={3}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

/** One task of the report: its status, progress, result, difficulties and proposals in the period. */
export function TaskUpdateCard({
  task,
  value,
  readOnly,
  problems = {},
  onChange,
  collapsed = false,
  onToggle,
  previous,
}: Props) {
  const { t } = useLang();
  const [more, setMore] = useState(false);
  const changed = changedSinceLast(value, previous?.answer ?? undefined);
  const showMore = readOnly || more || value.difficulties.trim() !== "" || value.proposals.trim() !== "";
  const withProduct = value.status === "done_with_product";
  const problem = (k: keyof UpdateForm) =>
    problems[k] ? (
      <span className="field-error" role="alert" data-testid="field-error">
        {t(problems[k])}
      </span>
    ) : null;
  const setStatus = (status: UpdateForm["status"]) => {
    if (status === "") return onChange({ status });
    const done = status === "done" || status === "done_with_product";
    onChange(done && value.progress.trim() === "" ? { status, progress: "100" } : { status });
  };
  return (
    <li
      className={`card task-update upd-${value.status || "unreported"}${collapsed ? " rf-collapsed" : ""}`}
      data-testid="task-update"
      id={`task-${task.id}`}
      data-task-id={task.id}
      data-code={task.code}
      data-reported={value.status ? "true" : "false"}
      data-collapsed={collapsed ? "true" : "false"}
      data-changed={changed ? "true" : "false"}
    >
      <header className="task-update-head">
        <span className="task-code-badge">{task.code}</span>
        <span className={`role-badge role-${task.role}`} data-testid="task-role">
          {t(task.role === "lead" ? "roleLead" : "roleCoordinator")}
        </span>
        {changed && previous && (
          <span className="rf-changed" data-testid="changed-mark">
            {t("changedMark")}
          </span>
        )}
        {onToggle && (
          <button type="button" className="link-button" data-testid="toggle-task" onClick={onToggle}>
            {t(collapsed ? "expandTask" : "collapseTask")}
          </button>
        )}
        <p className="task-update-content">{task.content}</p>
        {collapsed && (
          <p className="small" data-testid="collapsed-line">
            <span className={`upd-badge upd-${value.status}`}>{t(statusKey(value.status))}</span>
            {value.progress !== "" && ` · ${value.progress}%`}
            {value.result && ` · ${value.result.slice(0, 120)}`}
          </p>
        )}
        {!collapsed && task.deadlineText && (
          <p className="small muted">{t("taskDeadline", { text: task.deadlineText })}</p>
        )}
      </header>
      {!collapsed && previous && (
        <aside className="rf-previous small" data-testid="previous-answer">
          <strong>{t("previousAnswer", { period: previous.period })}:</strong>{" "}
          {previous.answer ? (
            <>
              {t(statusKey(previous.answer.status))}
              {previous.answer.progress !== "" && ` · ${previous.answer.progress}%`}
              {previous.answer.result && ` · ${previous.answer.result}`}
              {!readOnly && value.status === "" && (
                <>
                  {" "}
                  <button
                    type="button"
                    className="link-button"
                    data-testid="use-previous"
                    onClick={() => previous.answer && onChange({ ...previous.answer })}
                  >
                    {t("usePrevious")}
                  </button>
                </>
              )}
            </>
          ) : (
            <span className="muted">{t("previousNoAnswer")}</span>
          )}
        </aside>
      )}
      {!collapsed && (
        <>
          <div className="task-update-grid">
            {readOnly ? (
              <div className="ro-field">
                <span className="ro-label">{t("updStatus")}</span>
                <p data-testid="upd-status-text" data-status={value.status || "unreported"}>
                  <span className={`upd-badge upd-${value.status}`}>{t(statusKey(value.status))}</span>
                  {value.progress !== "" && <span className="small"> · {value.progress}%</span>}
                </p>
              </div>
            ) : (
              <>
                <label className="field">
                  <span>{t("updStatus")}</span>
                  <select
                    data-testid="upd-status"
                    value={value.status}
                    onChange={(e) => setStatus(e.target.value as UpdateForm["status"])}
                  >
                    <option value="">{t("updChoose")}</option>
                    {UPDATE_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`upd.${s}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field f-progress">
                  <span>{t("updProgress")}</span>
                  <input
                    data-testid="upd-progress"
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={100}
                    step={1}
                    value={value.progress}
                    aria-invalid={Boolean(problems.progress)}
                    onChange={(e) => onChange({ progress: e.target.value })}
                  />
                  {problem("progress")}
                </label>
              </>
            )}
            {withProduct &&
              (readOnly ? (
                <div className="ro-field">
                  <span className="ro-label">{t("updProduct")}</span>
                  <p data-testid="upd-product-text">
                    {value.productDocument}
                    {value.productDate && ` (${formatDate(value.productDate)})`}
                  </p>
                </div>
              ) : (
                <div className="product-fields">
                  <label className="field f-wide">
                    <span>{t("updProductDocument")} *</span>
                    <input
                      data-testid="upd-product-doc"
                      value={value.productDocument}
                      required
                      aria-invalid={Boolean(problems.productDocument)}
                      placeholder={t("updProductPlaceholder")}
                      onChange={(e) => onChange({ productDocument: e.target.value })}
                    />
                    {problem("productDocument")}
                  </label>
                  <label className="field">
                    <span>{t("updProductDate")}</span>
                    <input
                      data-testid="upd-product-date"
                      type="date"
                      value={value.productDate}
                      onChange={(e) => onChange({ productDate: e.target.value })}
                    />
                  </label>
                </div>
              ))}
          </div>
          <TextArea
            label={t("updResult")}
            testid="upd-result"
            value={value.result}
            readOnly={readOnly}
            onChange={(v) => onChange({ result: v })}
          />
          {showMore ? (
            <>
              <TextArea
                label={t("updDifficulties")}
                testid="upd-difficulties"
                value={value.difficulties}
                readOnly={readOnly}
                onChange={(v) => onChange({ difficulties: v })}
              />
              <TextArea
                label={t("updProposals")}
                testid="upd-proposals"
                value={value.proposals}
                readOnly={readOnly}
                onChange={(v) => onChange({ proposals: v })}
              />
            </>
          ) : (
            <button
              type="button"
              className="link-button"
              data-testid="add-more-fields"
              onClick={() => setMore(true)}
            >
              + {t("addMoreFields")}
            </button>
          )}
        </>
      )}
    </li>
  );
}
