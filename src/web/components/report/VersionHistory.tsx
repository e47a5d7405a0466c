import { formatDateTime } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import type { ReportTask, ReportVersion } from "../../reporting-types.ts";
import { FrozenValues } from "./IndicatorValuesCard.tsx";

/** Every submitted version, newest first, with the coordinator's decision and comment. */
export function VersionHistory({ versions, tasks }: { versions: ReportVersion[]; tasks: ReportTask[] }) {
  const { t } = useLang();
  const codeOf = new Map(tasks.map((k) => [k.id, k.code]));
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  return (
    <section className="card versions" data-testid="version-history">
      <h2 className="small-heading">{t("versionHistory")}</h2>
      {newestFirst.length === 0 ? (
        <p className="muted small">{t("versionsEmpty")}</p>
      ) : (
        <ol className="version-list">
          {newestFirst.map((v) => (
            <li
              key={v.number}
              className="version"
              data-testid="version-item"
              data-number={v.number}
              data-outcome={v.outcome ?? "pending"}
            >
              <div>
                <strong>{t("versionN", { n: v.number })}</strong>{" "}
                <span className="small">{t("sentAt", { at: formatDateTime(v.submittedAt) })}</span>
                {v.late && <span className="late-mark">{t("submittedLate")}</span>}{" "}
                <span className={`state state-${v.outcome ?? "submitted"}`}>
                  {t(v.outcome ? `state.${v.outcome}` : "awaitingReview")}
                </span>
              </div>
              {v.reviewComment && (
                <blockquote className="review-comment" data-testid="version-comment">
                  <span className="small muted">
                    {t("coordinatorComment")} {v.reviewedAt && `· ${formatDateTime(v.reviewedAt)}`}
                  </span>
                  <p>{v.reviewComment}</p>
                </blockquote>
              )}
              {v.content && (
                <details className="version-content">
                  <summary className="small">{t("versionContent")}</summary>
                  {v.content.summary && <p>{v.content.summary}</p>}
                  <ul className="small">
                    {(v.content.updates ?? []).map((u) => (
                      <li key={u.taskId}>
                        <strong>{codeOf.get(u.taskId) ?? `#${u.taskId}`}</strong>: {t(`upd.${u.status}`)}
                        {u.progress !== null && u.progress !== undefined && ` (${u.progress}%)`}
                        {u.result && ` — ${u.result}`}
                      </li>
                    ))}
                  </ul>
                  <FrozenValues values={v.content.indicatorValues} />
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
