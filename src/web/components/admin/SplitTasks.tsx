// The split editor of /admin/reorg (REGULATIONS.md §5): a split divides, task by task, what the
// ceasing agency holds the day before the split takes effect; each task goes to one of the new
// agencies (the successor by default). The server refuses a split that leaves a task undivided.
import { useEffect } from "react";
import { api, useJson } from "../../api.ts";
import { formatDate } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import type { Agency, AgencySummary } from "../../types.ts";

/** The day before an ISO date (the last day the ceasing agency holds its tasks). */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function SplitTasks({
  from,
  to,
  effectiveOn,
  agencies,
  value,
  onChange,
}: {
  from: number;
  to: number;
  effectiveOn: string;
  agencies: AgencySummary[];
  value: Record<number, number>;
  onChange: (v: Record<number, number>) => void;
}) {
  const { t } = useLang();
  const held = useJson<Agency>(from && effectiveOn ? api.agency(from, dayBefore(effectiveOn)) : null);
  const tasks = held.data ? [...held.data.lead, ...held.data.coordinating] : [];
  const ids = tasks.map((x) => x.id).join();
  // Every task starts with the successor; the administrator moves the ones another agency takes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the held tasks or the successor change
  useEffect(() => {
    const next: Record<number, number> = {};
    for (const task of tasks) next[task.id] = value[task.id] ?? to;
    onChange(next);
  }, [ids, to]);
  if (!from || !effectiveOn) return <p className="muted">{t("admin.reorg.split.pick")}</p>;
  if (held.state === "error") return <p role="alert">{held.error.message}</p>;
  if (!held.data) return <p className="muted">…</p>;
  if (tasks.length === 0) return <p className="muted">{t("admin.reorg.split.none")}</p>;
  const role = (id: number) =>
    held.data?.lead.some((x) => x.id === id) ? t("taskLeads") : t("taskCoordinators");
  return (
    <fieldset className="split-tasks" data-testid="reorg-split">
      <legend>
        {t("admin.reorg.split.legend", {
          n: tasks.length,
          date: formatDate(dayBefore(effectiveOn)),
        })}
      </legend>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.reorg.split.task")}</th>
              <th scope="col">{t("admin.reorg.split.role")}</th>
              <th scope="col">{t("admin.reorg.split.takenBy")}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id} data-testid="reorg-split-row" data-code={task.code}>
                <td>
                  <strong>{task.code}</strong>{" "}
                  {task.content.length > 80 ? `${task.content.slice(0, 80)}…` : task.content}
                </td>
                <td>{role(task.id)}</td>
                <td>
                  <select
                    aria-label={t("admin.reorg.split.takenByTask", { code: task.code })}
                    value={value[task.id] ?? to}
                    onChange={(e) => onChange({ ...value, [task.id]: Number(e.target.value) })}
                  >
                    {agencies.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
