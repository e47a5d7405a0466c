import { useState } from "react";
import { type ApiError, api, asApiError, send } from "../../api.ts";
import { useLang } from "../../lang.tsx";
import type { ReportDetail } from "../../reporting-types.ts";
import { ErrorBox } from "../Status.tsx";
import { versionDiff } from "./task-compare.ts";

/** The coordinator accepts the submitted report, or returns it with a comment saying what to fix. */
export function ReviewPanel({
  reportId,
  onDone,
  detail,
}: {
  reportId: number;
  onDone: (d: ReportDetail) => void;
  /** The report reviewed: on a resubmission the panel lists what changed since the version before. */
  detail?: ReportDetail;
}) {
  const { t } = useLang();
  const versions = [...(detail?.report.versions ?? [])].sort((a, b) => a.number - b.number);
  const last = versions[versions.length - 1];
  const before = versions[versions.length - 2];
  const diff = detail && last && before ? versionDiff(detail.tasks, before.content, last.content) : null;
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
    // Sticky at the bottom: the reviewer decides where they finish reading (issue 9 §3).
    <section className="card review-panel rf-sticky" data-testid="review-panel">
      <h2 className="small-heading">{t("reviewHeading")}</h2>
      {diff && before && (
        <div className="rf-diff small" data-testid="version-diff">
          <strong>{t("diffHeading", { n: before.number })}</strong>
          {diff.length === 0 ? (
            <p className="muted">{t("diffNone")}</p>
          ) : (
            <ul>
              {diff.map((d) => (
                <li key={d.task.id} data-testid="diff-task" data-code={d.task.code}>
                  <strong>{d.task.code}</strong>:{" "}
                  {d.fields.map((f) => (
                    <span key={f}>
                      {t(`field.${f}`)}: <del>{d.was[f] || "—"}</del> → <ins>{d.now[f] || "—"}</ins>;{" "}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
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
