import { useState } from "react";
import { type ApiError, api, asApiError, send } from "../../api.ts";
import { useLang } from "../../lang.tsx";
import type { ReportDetail } from "../../reporting-types.ts";
import { ErrorBox } from "../Status.tsx";

/** The coordinator accepts the submitted report, or returns it with a comment saying what to fix. */
export function ReviewPanel({ reportId, onDone }: { reportId: number; onDone: (d: ReportDetail) => void }) {
  const { t } = useLang();
  const [comment, setComment] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const review = async (outcome: "accepted" | "returned") => {
    setError(null);
    if (outcome === "returned" && !comment.trim()) return setProblem(t("returnCommentRequired"));
    setProblem(null);
    setBusy(true);
    try {
      onDone(
        await send<ReportDetail>("POST", api.review(reportId), { outcome, comment: comment.trim() || null }),
      );
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card review-panel" data-testid="review-panel">
      <h2 className="small-heading">{t("reviewHeading")}</h2>
      <label className="field">
        <span>{t("reviewComment")}</span>
        <textarea
          data-testid="review-comment"
          rows={3}
          value={comment}
          aria-invalid={Boolean(problem)}
          placeholder={t("reviewCommentPlaceholder")}
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
      {problem && (
        <p className="field-error" role="alert" data-testid="field-error">
          {problem}
        </p>
      )}
      {error && <ErrorBox error={error} />}
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="review-accept"
          disabled={busy}
          onClick={() => review("accepted")}
        >
          {t("reviewAccept")}
        </button>
        <button
          type="button"
          className="danger"
          data-testid="review-return"
          disabled={busy}
          onClick={() => review("returned")}
        >
          {t("reviewReturn")}
        </button>
      </div>
    </section>
  );
}
