import { api, useJson } from "../../api.ts";
import { formatDate, formatDateTime, formatRate } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import type { ExpectedReport, TaskStatus, TaskStatusRow } from "../../reporting-types.ts";
import { TASK_STATUSES } from "../../reporting-types.ts";
import { Link } from "../../router.tsx";
import { PeriodName, StateBadge } from "../ReportBits.tsx";
import { ErrorBox, Loading } from "../Status.tsx";

interface Card {
  asOf?: string;
  rate?: { expected: number; received: number; onTime: number } | null;
  byStatus?: Partial<Record<TaskStatus, number>>;
  tasks?: TaskStatusRow[];
  reports?: (Pick<ExpectedReport, "id" | "period" | "due" | "state" | "submittedAt" | "late"> & {
    extendedDue?: string | null;
  })[];
}

/** An agency's scorecard: its reporting rate, the tasks it leads by status, and its reports. */
export function Scorecard({ agencyId, planId, asOf }: { agencyId: number; planId: number; asOf: string }) {
  const { t, lang } = useLang();
  const card = useJson<Card>(api.scorecard(agencyId, planId, asOf));
  if (card.state === "error") return <ErrorBox error={card.error} />;
  if (!card.data) return <Loading />;
  const { rate, byStatus = {}, tasks = [], reports = [] } = card.data;
  return (
    <section className="card scorecard" data-testid="scorecard">
      {rate && (
        <dl className="facts">
          <div>
            <dt>{t("colExpected")}</dt>
            <dd data-testid="scorecard-expected">{rate.expected}</dd>
          </div>
          <div>
            <dt>{t("colReceived")}</dt>
            <dd>
              {rate.received} ({formatRate(rate.received, rate.expected, lang)})
            </dd>
          </div>
          <div>
            <dt>{t("colOnTime")}</dt>
            <dd>
              {rate.onTime} ({formatRate(rate.onTime, rate.expected, lang)})
            </dd>
          </div>
        </dl>
      )}
      <h3 className="small-heading">{t("scorecardTasks", { n: tasks.length })}</h3>
      <ul className="status-counts">
        {TASK_STATUSES.filter((s) => byStatus[s]).map((s) => (
          <li key={s} className={`status-count ts-${s}`} data-testid="scorecard-status" data-status={s}>
            <strong>{byStatus[s]}</strong>
            <span>{t(`ts.${s}`)}</span>
          </li>
        ))}
      </ul>
      {tasks.length > 0 && (
        <ul className="small task-status-list">
          {tasks.map((k) => (
            <li key={k.taskId}>
              <Link href={`/tasks/${k.taskId}`}>{k.code}</Link>{" "}
              <span className={`ts-badge ts-${k.status}`}>{t(`ts.${k.status}`)}</span> {k.content}
            </li>
          ))}
        </ul>
      )}
      <h3 className="small-heading">{t("scorecardReports", { n: reports.length })}</h3>
      {reports.length === 0 ? (
        <p className="muted small">{t("periodsEmpty")}</p>
      ) : (
        <ul className="small task-status-list" data-testid="scorecard-reports">
          {reports.map((r) => (
            <li key={r.id}>
              <PeriodName period={r.period} /> <StateBadge state={r.state} late={r.late} /> · {t("dueOn")}{" "}
              {formatDate(r.due)}
              {r.submittedAt && ` · ${t("sentAt", { at: formatDateTime(r.submittedAt) })}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
