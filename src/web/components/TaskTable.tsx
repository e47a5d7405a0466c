import type { MouseEvent } from "react";
import { formatDate } from "../format.ts";
import { useLang } from "../lang.tsx";
import { Link, navigate } from "../router.tsx";
import type { Task } from "../types.ts";
import { AgencyLink } from "./AgencyLinks.tsx";

interface Props {
  tasks: Task[];
  testid?: string;
  /** When filtering by an agency: show when it takes part as a coordinator, not as lead. */
  agencyId?: number;
  busy?: boolean;
}

/** Opens the task when a row is clicked anywhere except on a link or while selecting text. */
function openRow(e: MouseEvent<HTMLTableRowElement>, id: number) {
  if ((e.target as HTMLElement).closest("a, button, input, select")) return;
  if (window.getSelection()?.toString()) return;
  navigate(`/tasks/${id}`);
}

export function TaskTable({ tasks, testid = "task-table", agencyId, busy = false }: Props) {
  const { t } = useLang();
  if (tasks.length === 0) {
    return (
      <p className="empty" data-testid={testid} aria-busy={busy}>
        {t("noTasks")}
      </p>
    );
  }
  return (
    <div className={busy ? "table-wrap busy" : "table-wrap"}>
      <table className="tasks" data-testid={testid} aria-busy={busy}>
        <thead>
          <tr>
            <th className="code">{t("colCode")}</th>
            <th>{t("colContent")}</th>
            <th className="leads">{t("colLeads")}</th>
            <th className="deadline">{t("colDeadline")}</th>
            <th className="date">{t("colFirstDue")}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => {
            const coordinating =
              agencyId !== undefined && !task.leads.some((a) => a.id === agencyId)
                ? task.coordinators.find((a) => a.id === agencyId)
                : undefined;
            return (
              <tr
                key={task.id}
                data-testid="task-row"
                data-code={task.code}
                data-id={task.id}
                onClick={(e) => openRow(e, task.id)}
              >
                <td className="code" data-label={t("colCode")}>
                  <Link href={`/tasks/${task.id}`} data-testid="task-link">
                    {task.code}
                  </Link>
                </td>
                <td className="content" data-label={t("colContent")}>
                  {task.content}
                </td>
                <td className="leads" data-label={t("colLeads")}>
                  {task.leads.map((a) => (
                    <div key={a.id}>
                      <AgencyLink agency={a} />
                    </div>
                  ))}
                  {coordinating && (
                    <div className="small muted">
                      {t("colCoordinators")}: {coordinating.name}
                    </div>
                  )}
                </td>
                <td className="deadline" data-label={t("colDeadline")}>
                  {task.deadlineText}
                </td>
                <td className="date" data-label={t("colFirstDue")}>
                  {task.firstDue ? formatDate(task.firstDue) : <span className="muted">{t("none")}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
