// The parsed plan before it is stored: header, targets, the task table, and the importer's
// warnings next to what they name. A task's leads, coordinators and deadline can be corrected in
// place; a corrected deadline is read again at once, as the server will read it on confirming.
import { type ReactNode, useMemo } from "react";
import type { ImportWarning, PlanJson, TaskJson } from "../../../importer/plan-json.ts";
import type { ApiError } from "../../api.ts";
import { formatDate, formatPeriod, formatQuantity } from "../../format.ts";
import { isMessageKey } from "../../i18n.ts";
import { useLang } from "../../lang.tsx";
import type { Schedule } from "../../types.ts";
import { FieldError } from "../FormErrors.tsx";

export const isTaskWarning = (w: ImportWarning) => w.where.startsWith("task ");
export const isHeaderWarning = (w: ImportWarning) => w.where === "header";
export const isTargetWarning = (w: ImportWarning) => w.where === "targets" || w.where.startsWith("target ");

/** One warning: what it is (in the reader's language) and the importer's own words. */
export function Warning({ w, showWhere = false }: { w: ImportWarning; showWhere?: boolean }) {
  const { t } = useLang();
  const key = `admin.warn.${w.code}`;
  const where = showWhere ? whereText(w.where, t) : null;
  return (
    <li className="import-warning" data-testid="import-warning" data-code={w.code} data-where={w.where}>
      <span className="warn-icon" aria-hidden="true">
        ⚠
      </span>
      {where && <strong className="warn-where">{where}: </strong>}
      <strong>{isMessageKey(key) ? t(key) : w.code}</strong>
      <span className="small warn-detail"> — {w.message}</span>
    </li>
  );
}

function whereText(where: string, t: ReturnType<typeof useLang>["t"]): string {
  const m = /^(task|line|target|section) (.+)$/.exec(where);
  if (m) return t(`admin.where.${m[1] as "task" | "line" | "target" | "section"}`, { at: m[2] as string });
  if (where === "header") return t("admin.where.header");
  if (where === "targets") return t("admin.where.targets");
  return where;
}

export function WarningList({
  warnings,
  testid,
  showWhere,
}: {
  warnings: ImportWarning[];
  testid: string;
  showWhere?: boolean;
}) {
  if (warnings.length === 0) return null;
  return (
    <ul className="import-warnings" data-testid={testid}>
      {warnings.map((w, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no id; their order is the document's
        <Warning key={i} w={w} showWhere={showWhere} />
      ))}
    </ul>
  );
}

/** A schedule in a table cell: its kind, recurrence and due dates. */
export function ScheduleBrief({ schedule }: { schedule: Schedule }) {
  const { t } = useLang();
  return (
    <div className="schedule-brief" data-testid="task-schedule" data-kind={schedule.kind}>
      <span className={`kind kind-${schedule.kind}`}>{t(`admin.scheduleKind.${schedule.kind}`)}</span>
      {schedule.continuous && <div className="small">{t("admin.schedule.continuous")}</div>}
      {schedule.recurrence && (
        <div className="small">
          {t("admin.schedule.recurring", { r: t(`admin.recurrence.${schedule.recurrence}`) })}
        </div>
      )}
      {schedule.milestones.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: milestones keep the order of the text
        <div key={i} className="small" data-testid="task-due" data-due={m.due}>
          {m.start
            ? t("admin.schedule.span", { from: formatDate(m.start), to: formatDate(m.due) })
            : t("admin.schedule.due", { date: formatDate(m.due) })}
        </div>
      ))}
    </div>
  );
}

/** A list of agency names, one input each (names may contain commas). */
function NamesEditor(props: {
  names: string[];
  onChange: (names: string[]) => void;
  label: string;
  testid: string;
  listId: string;
}) {
  const { t } = useLang();
  const { names, onChange } = props;
  return (
    <fieldset className="names-editor" data-testid={props.testid}>
      <legend>{props.label}</legend>
      {names.map((n, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the position is the identity while editing
        <div key={i} className="alias-row">
          <input
            data-testid={`${props.testid}-input`}
            list={props.listId}
            value={n}
            aria-label={`${props.label} ${i + 1}`}
            onChange={(e) => onChange(names.map((x, j) => (j === i ? e.target.value : x)))}
          />
          <button
            type="button"
            className="link-button"
            aria-label={t("admin.import.removeName")}
            title={t("admin.import.removeName")}
            onClick={() => onChange(names.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="small-button"
        data-testid={`${props.testid}-add`}
        onClick={() => onChange([...names, ""])}
      >
        + {t("admin.import.addName")}
      </button>
    </fieldset>
  );
}

export interface TaskState {
  task: TaskJson;
  /** The row as the importer read it, to show and undo corrections. */
  original: TaskJson;
  open: boolean;
  /** The deadline reader's problems with a corrected deadline. */
  scheduleWarnings: string[];
}

export const sameTask = (a: TaskJson, b: TaskJson) =>
  a.deadlineText === b.deadlineText &&
  JSON.stringify(a.leads) === JSON.stringify(b.leads) &&
  JSON.stringify(a.coordinators) === JSON.stringify(b.coordinators);

function Facts({ children }: { children: ReactNode }) {
  return <dl className="facts import-facts">{children}</dl>;
}

function Fact({ label, children, testid }: { label: string; children: ReactNode; testid?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testid}>{children}</dd>
    </div>
  );
}

export function ImportPreview(props: {
  plan: PlanJson;
  sourceName: string;
  tasks: TaskState[];
  agencyNames: string[];
  error: ApiError | null;
  onTask: (
    index: number,
    change: Partial<Pick<TaskJson, "leads" | "coordinators" | "deadlineText">> | "toggle" | "undo",
  ) => void;
}) {
  const { t, lang } = useLang();
  const { plan, tasks } = props;
  const h = plan.plan;
  const taskWarnings = useMemo(() => {
    const by = new Map<string, ImportWarning[]>();
    for (const w of plan.warnings.filter(isTaskWarning)) {
      const code = w.where.slice(5);
      by.set(code, [...(by.get(code) ?? []), w]);
    }
    return by;
  }, [plan.warnings]);
  const header = plan.warnings.filter(isHeaderWarning);
  const targetWarnings = plan.warnings.filter(isTargetWarning);
  const other = plan.warnings.filter((w) => !isTaskWarning(w) && !isHeaderWarning(w) && !isTargetWarning(w));
  const groups = new Map(plan.groups.map((g) => [g.code, g.title]));
  const notGiven = <span className="muted">{t("admin.import.notGiven")}</span>;
  const warnedTasks = tasks.filter((s) => taskWarnings.has(s.task.code)).length;
  const edited = tasks.filter((s) => !sameTask(s.task, s.original)).length;

  return (
    <div className="import-preview" data-testid="import-preview">
      <p
        className={plan.warnings.length ? "notice import-summary" : "import-summary"}
        data-testid="import-summary"
      >
        {t("admin.import.summary", {
          file: props.sourceName,
          tasks: tasks.length,
          targets: plan.targets.length,
          warnings: plan.warnings.length,
        })}{" "}
        {warnedTasks > 0 && t("admin.import.warnedTasks", { n: warnedTasks })}{" "}
        {edited > 0 && (
          <strong data-testid="import-edited-count">{t("admin.import.editedCount", { n: edited })}</strong>
        )}
      </p>

      <section className="card" data-testid="import-header">
        <h2 data-testid="import-title">{h.title}</h2>
        <Facts>
          <Fact label={t("admin.import.number")} testid="import-number">
            {h.number ?? notGiven}
          </Fact>
          <Fact label={t("admin.import.issuer")} testid="import-issuer">
            {h.issuer ?? notGiven}
          </Fact>
          <Fact label={t("admin.import.province")}>{h.province ?? t("admin.agency.central")}</Fact>
          <Fact label={t("admin.import.issuedOn")} testid="import-issued-on">
            {h.issuedOn ? formatDate(h.issuedOn) : notGiven}
          </Fact>
          <Fact label={t("admin.import.period")} testid="import-period">
            {formatPeriod(h.periodStart, h.periodEnd) || notGiven}
          </Fact>
        </Facts>
        {h.basis.length > 0 && (
          <>
            <h3 className="small-heading">{t("admin.import.basis")}</h3>
            <ul data-testid="import-basis">
              {h.basis.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </>
        )}
        {h.reporting && (
          <>
            <h3 className="small-heading">{t("admin.import.reporting")}</h3>
            <p data-testid="import-reporting">
              {h.reporting.frequencies.map((f) => t(`admin.frequency.${f}`)).join(", ")}
              {h.reporting.deadlineText && ` · ${h.reporting.deadlineText}`}
              {h.reporting.recipient && ` · ${t("admin.import.reportTo", { to: h.reporting.recipient })}`}
              {h.reporting.via && ` · ${t("admin.import.reportVia", { via: h.reporting.via })}`}
            </p>
          </>
        )}
        <WarningList warnings={header} testid="header-warnings" />
      </section>

      <section className="card" data-testid="import-targets">
        <h2>{t("admin.import.targets", { n: plan.targets.length })}</h2>
        {plan.targets.length === 0 && <p className="muted">{t("admin.import.noTargets")}</p>}
        <ol className="import-target-list">
          {plan.targets.map((tg) => (
            <li key={tg.code} data-testid="import-target" data-code={tg.code}>
              <span className="target-code">{tg.code}</span> {tg.text}
              {tg.year !== null && (
                <span className="year"> {t("admin.import.targetYear", { year: tg.year })}</span>
              )}
              {tg.measures.length > 0 && (
                <ul className="import-measures">
                  {tg.measures.map((m, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: measures keep the order of the text
                    <li key={i} data-testid="import-measure" title={m.text}>
                      {t(`admin.cmp.${m.comparator}`)}{" "}
                      <strong>{formatQuantity(m.value, m.unit, lang)}</strong>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
        <WarningList warnings={targetWarnings} testid="target-warnings" />
      </section>

      {other.length > 0 && (
        <section className="card" data-testid="import-other-warnings">
          <h2>{t("admin.import.otherWarnings", { n: other.length })}</h2>
          <WarningList warnings={other} testid="other-warnings" showWhere />
        </section>
      )}

      <section data-testid="import-task-section">
        <h2>{t("admin.import.tasks", { n: tasks.length })}</h2>
        <p className="small muted">{t("admin.import.tasksHint")}</p>
        <datalist id="import-agency-names">
          {props.agencyNames.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <div className="table-wrap">
          <table className="admin-table import-tasks" data-testid="import-tasks">
            <thead>
              <tr>
                <th className="code">{t("admin.import.colCode")}</th>
                <th>{t("admin.import.colContent")}</th>
                <th>{t("admin.import.colLeads")}</th>
                <th>{t("admin.import.colCoordinators")}</th>
                <th>{t("admin.import.colDeadline")}</th>
                <th>{t("admin.import.colSchedule")}</th>
                <th>{t("admin.actions")}</th>
              </tr>
            </thead>
            {tasks.map((s, i) => {
              const task = s.task;
              const warns = taskWarnings.get(task.code) ?? [];
              const changed = !sameTask(task, s.original);
              const groupTitle =
                task.group && task.group !== tasks[i - 1]?.task.group ? groups.get(task.group) : undefined;
              return (
                <tbody
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows keep the document's order; codes may repeat
                  key={i}
                  data-testid="import-task"
                  data-code={task.code}
                  data-warned={warns.length > 0 ? "true" : undefined}
                  data-edited={changed ? "true" : undefined}
                  className={
                    [warns.length ? "warned" : "", changed ? "edited" : ""].join(" ").trim() || undefined
                  }
                >
                  {groupTitle && (
                    <tr className="group-row">
                      <th colSpan={7}>
                        {task.group}. {groupTitle}
                      </th>
                    </tr>
                  )}
                  <tr className="task-main">
                    <td className="code">
                      <strong>{task.code}</strong>
                    </td>
                    <td className="content">
                      {task.content}
                      {task.note && <div className="small muted">{task.note}</div>}
                    </td>
                    <td data-testid="task-leads">
                      {task.leads.join("; ") || <span className="warn-text">{t("admin.import.none")}</span>}
                    </td>
                    <td data-testid="task-coordinators">
                      {task.coordinators.join("; ") || <span className="muted">—</span>}
                    </td>
                    <td data-testid="task-deadline">
                      {task.deadlineText || <span className="muted">—</span>}
                      {changed && task.deadlineText !== s.original.deadlineText && (
                        <div className="small muted was">
                          {t("admin.import.was", { text: s.original.deadlineText || "—" })}
                        </div>
                      )}
                    </td>
                    <td>
                      <ScheduleBrief schedule={task.schedule} />
                    </td>
                    <td className="row-actions">
                      {changed && <span className="pill pill-on">{t("admin.import.edited")}</span>}
                      <button
                        type="button"
                        data-testid="task-edit"
                        aria-expanded={s.open}
                        onClick={() => props.onTask(i, "toggle")}
                      >
                        {s.open ? t("admin.import.closeEdit") : t("admin.edit")}
                      </button>
                    </td>
                  </tr>
                  {warns.length > 0 && (
                    <tr className="task-warnings">
                      <td colSpan={7}>
                        <WarningList warnings={warns} testid="task-warnings" />
                      </td>
                    </tr>
                  )}
                  {s.open && (
                    <tr className="task-editor-row">
                      <td colSpan={7}>
                        <div className="task-editor" data-testid="task-editor">
                          <NamesEditor
                            label={t("admin.import.colLeads")}
                            testid="task-leads-editor"
                            listId="import-agency-names"
                            names={task.leads}
                            onChange={(leads) => props.onTask(i, { leads })}
                          />
                          <NamesEditor
                            label={t("admin.import.colCoordinators")}
                            testid="task-coordinators-editor"
                            listId="import-agency-names"
                            names={task.coordinators}
                            onChange={(coordinators) => props.onTask(i, { coordinators })}
                          />
                          <label className="field">
                            <span>{t("admin.import.colDeadline")}</span>
                            <input
                              data-testid="task-deadline-input"
                              value={task.deadlineText}
                              onChange={(e) => props.onTask(i, { deadlineText: e.target.value })}
                            />
                            <small className="muted">{t("admin.import.deadlineHint")}</small>
                            {s.scheduleWarnings.length > 0 && (
                              <p className="field-error" data-testid="task-deadline-problem">
                                {t("admin.import.deadlineUnread")} ({s.scheduleWarnings.join("; ")})
                              </p>
                            )}
                          </label>
                          <FieldError error={props.error} field={`plan.tasks.${i}`} />
                          {changed && (
                            <button
                              type="button"
                              data-testid="task-undo"
                              onClick={() => props.onTask(i, "undo")}
                            >
                              {t("admin.import.undo")}
                            </button>
                          )}
                        </div>
                      </td>
                    </tr>
                  )}
                </tbody>
              );
            })}
          </table>
        </div>
      </section>
    </div>
  );
}
