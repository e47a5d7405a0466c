import { api, useJson } from "../api.ts";
import { AgencyList } from "../components/AgencyLinks.tsx";
import { Paragraphs } from "../components/Paragraphs.tsx";
import { ScheduleView } from "../components/ScheduleView.tsx";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { formatDate } from "../format.ts";
import { useLang, useTitle } from "../lang.tsx";
import { Link } from "../router.tsx";
import type { Task } from "../types.ts";

/** Letters and digits only, for telling whether the body paragraph just repeats the content. */
const bare = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** "Sở KH&ĐT đến 28/02/2025 → Sở Tài chính từ 01/03/2025", per role (REGULATIONS.md §5). */
function OwnerHistory({ task }: { task: Task }) {
  const { t } = useLang();
  const rows = task.ownerHistory ?? [];
  if (!rows.length) return null;
  const line = (role: string) =>
    rows
      .filter((r) => r.role === role)
      .map((r) =>
        [
          r.name,
          r.validFrom ? t("admin.reorg.from", { date: formatDate(r.validFrom) }) : "",
          r.validTo ? t("admin.reorg.until", { date: formatDate(r.validTo) }) : "",
        ]
          .filter(Boolean)
          .join(" "),
      )
      .join(" → ");
  return (
    <section className="card" data-testid="task-owner-history">
      <h2 className="small-heading">{t("admin.reorg.history")}</h2>
      {["lead", "coordinator"].map((role) =>
        rows.some((r) => r.role === role) ? (
          <p key={role} data-testid={`task-owner-history-${role}`}>
            <strong>{t(role === "lead" ? "taskLeads" : "taskCoordinators")}:</strong> {line(role)}
          </p>
        ) : null,
      )}
    </section>
  );
}

export function TaskPage({ id }: { id: number }) {
  const { t } = useLang();
  const task = useJson<Task>(api.task(id));
  useTitle(task.data ? t("taskHeading", { code: task.data.code }) : null);
  if (task.state === "error") return <ErrorBox error={task.error} />;
  if (!task.data) return <Loading />;
  const k = task.data;
  return (
    <article className="task-detail" data-testid="task-detail" data-code={k.code}>
      <p className="crumbs">
        <Link href={`/plans/${k.planId}`} data-testid="back-to-plan">
          {t("backToPlan")}
        </Link>
      </p>
      <h1>
        <span className="task-code" data-testid="task-code">
          {t("taskHeading", { code: k.code })}
        </span>
        <span className="task-content" data-testid="task-content">
          {k.content}
        </span>
      </h1>
      {k.group && (
        <p className="muted" data-testid="task-group">
          {t("taskGroup")}: {k.group}. {k.groupTitle}
        </p>
      )}

      <div className="detail-grid">
        <section className="card">
          <h2 className="small-heading">{t("taskLeads")}</h2>
          <AgencyList agencies={k.leads} testid="task-leads" />
        </section>
        <section className="card">
          <h2 className="small-heading">{t("taskCoordinators")}</h2>
          <AgencyList agencies={k.coordinators} testid="task-coordinators" />
        </section>
      </div>
      <OwnerHistory task={k} />

      <section className="card">
        <h2 className="small-heading">{t("deadlineText")}</h2>
        <p className="deadline-text" data-testid="deadline-text">
          {k.deadlineText || t("none")}
        </p>
        <h2 className="small-heading">{t("schedule")}</h2>
        <ScheduleView schedule={k.schedule} />
      </section>

      {k.body && bare(k.body) !== bare(k.content) && (
        <section className="card body-text" data-testid="task-body">
          <h2 className="small-heading">{t("taskBody")}</h2>
          <Paragraphs text={k.body} />
        </section>
      )}
      {k.note && (
        <section className="card">
          <h2 className="small-heading">{t("note")}</h2>
          <p data-testid="task-note">{k.note}</p>
        </section>
      )}
    </article>
  );
}
