import { daysBetween, formatDate, formatDateTime, periodName, todayVn } from "../format.ts";
import { useLang } from "../lang.tsx";
import type { ExpectedReport, ReportState } from "../reporting-types.ts";

/** The due date that counts: the extension if one was granted. */
export function effectiveDue(r: { due: string; extendedDue: string | null }): string {
  return r.extendedDue ?? r.due;
}

/** Not sent yet (nothing, a draft, waiting for the agency's leader, or returned for corrections). */
export function isOpen(state: ReportState): boolean {
  return state === "not_started" || state === "draft" || state === "awaiting_leader" || state === "returned";
}

/** The colour class of a cell: the state, or "late" for a report not sent by its due date. */
export type CellState = ReportState | "late";

export function cellState(r: ExpectedReport, today = todayVn()): CellState {
  return isOpen(r.state) && today > effectiveDue(r) && r.state !== "returned" ? "late" : r.state;
}

export function StateBadge({ state, late }: { state: CellState; late?: boolean | null }) {
  const { t } = useLang();
  return (
    <span className={`state state-${state}`} data-testid="state-badge" data-state={state}>
      {t(`state.${state}`)}
      {late && state !== "late" && <span className="late-mark">{t("submittedLate")}</span>}
    </span>
  );
}

/** "Hạn 16/03/2022 · gia hạn đến 25/03/2022 · quá hạn 3 ngày". */
export function DueInfo({ report }: { report: ExpectedReport }) {
  const { t } = useLang();
  const due = effectiveDue(report);
  const left = daysBetween(todayVn(), due);
  return (
    <span className="due-info" data-testid="due-info">
      <span>
        {t("dueOn")} <strong data-testid="due-date">{formatDate(report.due)}</strong>
      </span>
      {report.extendedDue && (
        <span className="extended" data-testid="extended-due" title={report.extensionReason ?? undefined}>
          {" · "}
          {t("extendedTo", { date: formatDate(report.extendedDue) })}
        </span>
      )}
      {isOpen(report.state) && (
        <span className={left < 0 ? "days late-text" : "days"} data-testid="days-left" data-days={left}>
          {" · "}
          {left > 0 ? t("daysLeft", { n: left }) : left === 0 ? t("dueToday") : t("daysLate", { n: -left })}
        </span>
      )}
      {!isOpen(report.state) && report.submittedAt && (
        <span className="days" data-testid="sent-at">
          {" · "}
          <SentAt report={report} />
        </span>
      )}
    </span>
  );
}

/** "gửi lúc 05/12/2026 04:20 (lần 2)": the latest submission, not the first (issue 9 §2). */
export function SentAt({
  report,
}: {
  report: Pick<ExpectedReport, "submittedAt" | "lastSubmittedAt" | "submissions">;
}) {
  const { t } = useLang();
  const at = formatDateTime(report.lastSubmittedAt ?? report.submittedAt);
  const n = report.submissions ?? 1;
  return <>{n > 1 ? t("sentAtTimes", { at, n }) : t("sentAt", { at })}</>;
}

/** "Quý I/2022" with the period's data window as a tooltip. */
export function PeriodName({ period }: { period: { label: string; start?: string; end?: string } }) {
  const { lang, t } = useLang();
  const range =
    period.start && period.end
      ? t("periodWindow", { from: formatDate(period.start), to: formatDate(period.end) })
      : undefined;
  return (
    <span className="period-name" data-label={period.label} title={range}>
      {periodName(period.label, lang)}
    </span>
  );
}
