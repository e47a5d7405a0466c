import { useState } from "react";
import { type ApiError, api, asApiError, send } from "../../api.ts";
import { formatDateTime } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import type { ReportDetail } from "../../reporting-types.ts";
import { ErrorBox } from "../Status.tsx";

interface Props {
  id: number;
  detail: ReportDetail;
  /** The user reports for the agency (sends to the leader, takes back). */
  reporter: boolean;
  /** The user leads the agency (sends back; approving is the form's action bar). */
  leader: boolean;
  onDone: (d: ReportDetail) => void;
}

/** The leader's comment when sending the draft back, shown on the draft until it is submitted. */
export function LeaderCommentBanner({ detail }: { detail: ReportDetail }) {
  const { t } = useLang();
  const c = detail.report.leaderComment;
  if (!c || detail.report.state !== "draft") return null;
  return (
    <div className="returned-banner" role="status" data-testid="leader-comment-banner">
      <strong>{t("leaderCommentTitle")}</strong>
      <blockquote className="review-comment" data-testid="leader-comment">
        <span className="small muted">
          {t("leaderCommentLabel")}
          {c.at ? ` · ${formatDateTime(c.at)}` : ""}
        </span>
        <p>{c.text}</p>
      </blockquote>
    </div>
  );
}

/**
 * The hand-offs inside the agency (issue 9 §2): the reporter sends the saved draft to the
 * leader, or takes it back while the leader has not acted; the leader sends it back with a comment.
 */
export function HandoffPanel({ id, detail, reporter, leader, onDone }: Props) {
  const { t } = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [comment, setComment] = useState("");
  const [commentMissing, setCommentMissing] = useState(false);
  const { state, version } = detail.report;

  const act = async (path: string, body: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await send<ReportDetail>("POST", path, { version, ...body }));
      setComment("");
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const canSend = reporter && !leader && (state === "draft" || state === "returned");
  const canTakeBack = reporter && !leader && state === "awaiting_leader";
  const canSendBack = leader && state === "awaiting_leader";
  if (!canSend && !canTakeBack && !canSendBack) return null;
  return (
    <section className="card handoff" data-testid="handoff-panel" aria-label={t("handoffHeading")}>
      {canSend && (
        <p>
          <button
            type="button"
            className="primary"
            data-testid="send-to-leader"
            disabled={busy}
            onClick={() => void act(api.sendToLeader(id), {})}
          >
            {t("sendToLeader")}
          </button>{" "}
          <span className="small muted">{t("sendToLeaderHint")}</span>
        </p>
      )}
      {canTakeBack && (
        <p>
          <span className="small" data-testid="awaiting-leader-notice">
            {t("awaitingLeaderReporter")}
          </span>{" "}
          <button
            type="button"
            data-testid="take-back"
            disabled={busy}
            onClick={() => void act(api.takeBack(id), {})}
          >
            {t("takeBack")}
          </button>
        </p>
      )}
      {canSendBack && (
        <div>
          <p className="small" data-testid="awaiting-leader-notice">
            {t("awaitingLeaderLeader")}
          </p>
          <label className="field">
            <span>{t("sendBackComment")}</span>
            <textarea
              data-testid="send-back-comment"
              rows={3}
              value={comment}
              aria-invalid={commentMissing}
              onChange={(e) => {
                setComment(e.target.value);
                setCommentMissing(false);
              }}
            />
          </label>
          {commentMissing && (
            <p className="field-error" role="alert">
              {t("sendBackNeedsComment")}
            </p>
          )}
          <button
            type="button"
            data-testid="send-back"
            disabled={busy}
            onClick={() => {
              if (!comment.trim()) setCommentMissing(true);
              else void act(api.sendBack(id), { comment });
            }}
          >
            {t("sendBack")}
          </button>
        </div>
      )}
      {error && <ErrorBox error={error} />}
    </section>
  );
}
