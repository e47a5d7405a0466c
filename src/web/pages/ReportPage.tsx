import { useEffect, useState } from "react";
import { type ApiError, api, asApiError, getJson, useJson } from "../api.ts";
import { Modal } from "../components/Modal.tsx";
import { cellState, DueInfo, isOpen, PeriodName, StateBadge } from "../components/ReportBits.tsx";
import { ExtensionForm } from "../components/report/ExtensionForm.tsx";
import { HandoffPanel, LeaderCommentBanner } from "../components/report/HandoffPanel.tsx";
import { ReportForm } from "../components/report/ReportForm.tsx";
import { ReviewPanel } from "../components/report/ReviewPanel.tsx";
import { VersionHistory } from "../components/report/VersionHistory.tsx";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { periodName } from "../format.ts";
import { useLang, useTitle } from "../lang.tsx";
import type { ExpectedReport, ReportDetail, SessionUser } from "../reporting-types.ts";
import { canDraft, canSubmit, isCoordinator, reportingAgencies } from "../roles.ts";
import { Link } from "../router.tsx";

/** The parts of a report the header needs, whichever shape the server sent. */
function facts(d: ReportDetail) {
  const period = d.period ?? d.expected.period;
  const agencyId = d.expected.agencyId ?? d.expected.agency?.id;
  return { period, agencyId, planId: d.period?.planId };
}

function ReturnedBanner({ detail }: { detail: ReportDetail }) {
  const { t } = useLang();
  const last = [...detail.report.versions].reverse().find((v) => v.outcome === "returned");
  // Shown until the report is sent again, also once a save has made it a draft (issue 9 §2).
  if (!isOpen(detail.report.state) || detail.report.versions.at(-1)?.outcome !== "returned" || !last)
    return null;
  return (
    <div className="returned-banner" role="status" data-testid="returned-banner">
      <strong>{t("returnedTitle")}</strong>
      <blockquote className="review-comment" data-testid="return-comment">
        <span className="small muted">{t("coordinatorComment")}</span>
        <p>{last.reviewComment}</p>
      </blockquote>
    </div>
  );
}

export function ReportPage({ id, user }: { id: number; user: SessionUser }) {
  const { t, lang } = useLang();
  const [detail, setDetail] = useState<ReportDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [extending, setExtending] = useState(false);
  const [extendedDue, setExtendedDue] = useState<string | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    getJson<ReportDetail>(api.report(id), ctl.signal).then(setDetail, (e: unknown) => {
      if (!ctl.signal.aborted) setError(asApiError(e));
    });
    return () => ctl.abort();
  }, [id]);

  const f = detail ? facts(detail) : null;
  const agency = useJson<{ name: string }>(
    f?.agencyId && !detail?.expected.agency ? api.agency(f.agencyId) : null,
  );
  useTitle(f?.period ? `${t("reportWord")} ${periodName(f.period.label, lang)}` : t("reportWord"));

  if (error) return <ErrorBox error={error} />;
  if (!detail || !f) return <Loading />;
  const state = detail.report.state;
  const open = isOpen(state);
  const coordinator = isCoordinator(user, f.planId);
  const leader = canSubmit(user, f.planId, f.agencyId);
  const reporter = reportingAgencies(user, ["reporter"]).some(
    (a) => a.agencyId === f.agencyId && (a.planId === null || a.planId === f.planId),
  );
  // Waiting for the leader, the draft is the leader's to write (the reporter takes it back first).
  const editable = open && canDraft(user, f.planId, f.agencyId) && (state !== "awaiting_leader" || leader);
  const submitter = open && leader;
  const due = detail.expected.due;
  const row: ExpectedReport = {
    id,
    period: f.period ?? { id: 0, label: "", frequency: "quarterly", start: "", end: "" },
    agency: { id: f.agencyId ?? 0, name: detail.expected.agency?.name ?? agency.data?.name ?? "" },
    due,
    extendedDue: extendedDue ?? detail.expected.extendedDue,
    extensionReason: detail.expected.extensionReason ?? null,
    state,
    submittedAt: detail.report.submittedAt,
    lastSubmittedAt: detail.report.lastSubmittedAt ?? null,
    submissions: detail.report.submissions ?? detail.report.versions.length,
    late: detail.report.late,
  };
  const mine = reportingAgencies(user).some((a) => a.agencyId === f.agencyId);

  return (
    <article
      className="report-page"
      data-testid="report-page"
      data-state={state}
      data-version={detail.report.version}
    >
      <p className="crumbs">
        {mine ? (
          <Link href="/my" data-testid="back-to-my">
            {t("backToMyWork")}
          </Link>
        ) : (
          f.planId && (
            <Link href={`/plans/${f.planId}/reporting?tab=review`} data-testid="back-to-reporting">
              {t("backToReporting")}
            </Link>
          )
        )}
      </p>
      <h1>
        {t("reportWord")} {f.period && <PeriodName period={f.period} />}
      </h1>
      <p className="report-meta">
        <span data-testid="report-agency">{row.agency.name}</span>{" "}
        <StateBadge state={cellState(row)} late={detail.report.late} />
      </p>
      <p className="small">
        <DueInfo report={row} />
        {coordinator && open && (
          <>
            {" "}
            <button
              type="button"
              className="link-button"
              data-testid="open-extension"
              onClick={() => setExtending(true)}
            >
              {t("extensionGrant")}
            </button>
          </>
        )}
      </p>
      {!editable && open && !coordinator && <p className="notice small">{t("readOnlyNotYours")}</p>}
      {(state === "submitted" || state === "accepted") && (
        <p className="notice small" data-testid="read-only-notice">
          {t(state === "submitted" ? "readOnlySubmitted" : "readOnlyAccepted")}
        </p>
      )}
      <ReturnedBanner detail={detail} />
      <LeaderCommentBanner detail={detail} />
      {mine && (
        <HandoffPanel id={id} detail={detail} reporter={reporter} leader={leader} onDone={setDetail} />
      )}
      <ReportForm
        key={open && editable ? "open" : "closed"}
        id={id}
        detail={detail}
        setDetail={setDetail}
        editable={editable}
        canSubmit={submitter}
      />
      {coordinator && state === "submitted" && (
        <ReviewPanel reportId={id} onDone={setDetail} detail={detail} />
      )}
      <VersionHistory versions={detail.report.versions} tasks={detail.tasks} />
      {extending && (
        <Modal title={t("extensionHeading")} onClose={() => setExtending(false)} testid="extension-dialog">
          <ExtensionForm
            expectedId={id}
            due={due}
            extendedDue={row.extendedDue}
            onDone={(d) => {
              setExtendedDue(d);
              setExtending(false);
            }}
          />
        </Modal>
      )}
    </article>
  );
}
