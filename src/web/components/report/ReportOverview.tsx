import { useLang } from "../../lang.tsx";
import type { ReportTask } from "../../reporting-types.ts";
import type { formCounts } from "./task-compare.ts";

interface Props {
  tasks: ReportTask[];
  counts: ReturnType<typeof formCounts>;
  reportedIds: Set<number>;
  changedIds: Set<number>;
  editable: boolean;
  busy: boolean;
  onSave: () => void;
  onExpandAll: () => void;
  onCollapseReported: () => void;
  onJump: (taskId: number) => void;
}

/**
 * The top of a long form (issue 9 §3: 28 tasks were a 17,862 px page): counts, a jump list to
 * each task marked reported / changed, and a save button within reach of the first field.
 */
export function ReportOverview(p: Props) {
  const { t } = useLang();
  const c = p.counts;
  return (
    <section className="card rf-overview" data-testid="report-overview">
      <h2 className="small-heading">{t("overviewHeading")}</h2>
      <p data-testid="overview-counts">
        <strong>{t("overviewTasks", { n: c.total })}</strong> ·{" "}
        <span data-testid="count-reported">{t("overviewReported", { n: c.reported })}</span> ·{" "}
        <span data-testid="count-unreported">{t("overviewUnreported", { n: c.unreported })}</span> ·{" "}
        <span data-testid="count-changed">{t("overviewChanged", { n: c.changed })}</span> ·{" "}
        <span data-testid="count-roles">
          {t("overviewRoles", { lead: c.lead, coordinator: c.coordinator })}
        </span>
      </p>
      <nav aria-label={t("jumpList")}>
        <span className="small muted">{t("jumpList")}:</span>
        <ul className="rf-jump" data-testid="jump-list">
          {p.tasks.map((task) => (
            <li key={task.id}>
              <a
                href={`#task-${task.id}`}
                data-testid="jump-link"
                data-reported={p.reportedIds.has(task.id) ? "true" : "false"}
                className={`rf-jump-${p.reportedIds.has(task.id) ? "done" : "todo"}`}
                onClick={(e) => {
                  e.preventDefault();
                  p.onJump(task.id);
                }}
              >
                {task.code}
                {p.changedIds.has(task.id) ? " •" : ""}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {p.editable && (
        <div className="actions">
          <button type="button" data-testid="save-draft-top" disabled={p.busy} onClick={p.onSave}>
            {t("saveDraft")}
          </button>
          <button type="button" className="link-button" data-testid="expand-all" onClick={p.onExpandAll}>
            {t("expandAll")}
          </button>
          <button
            type="button"
            className="link-button"
            data-testid="collapse-reported"
            onClick={p.onCollapseReported}
          >
            {t("collapseReported")}
          </button>
          <span className="small muted">{t("saveShortcut")}</span>
        </div>
      )}
    </section>
  );
}
