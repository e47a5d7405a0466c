import type { ApiError } from "../../api.ts";
import { formatDateTime } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import type { LocalDraft } from "../../report-draft.ts";
import type { ReportTask } from "../../reporting-types.ts";

/** Someone saved the report meanwhile: nothing typed is lost; the user reloads theirs and keeps a copy. */
export function ConflictBox({
  error,
  busy,
  onReload,
}: {
  error: ApiError;
  busy: boolean;
  onReload: () => void;
}) {
  const { t, lang } = useLang();
  return (
    <div className="conflict" role="alert" data-testid="conflict-box">
      <strong>{t("conflictTitle")}</strong>
      <p>{lang === "vi" ? error.messageVi : error.message}</p>
      <p>{t("conflictKept")}</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="conflict-reload"
          disabled={busy}
          onClick={onReload}
        >
          {t("conflictReload")}
        </button>
      </div>
    </div>
  );
}

/** The user's own text, kept after a conflict: shown in full, put back into the form on request. */
export function MyCopy(props: {
  copy: LocalDraft;
  tasks: ReportTask[];
  canUse: boolean;
  onUse: () => void;
  onDiscard: () => void;
}) {
  const { t } = useLang();
  const { copy, tasks } = props;
  const filled = tasks
    .map((k) => ({ task: k, u: copy.form.updates[String(k.id)] }))
    .filter(
      (x) =>
        x.u &&
        (x.u.result ||
          x.u.difficulties ||
          x.u.proposals ||
          x.u.productDocument ||
          (x.u.status !== "not_started" && x.u.status !== "")),
    );
  return (
    <section className="my-copy" data-testid="my-copy">
      <h2 className="small-heading">{t("myCopyHeading", { at: formatDateTime(copy.savedAt) })}</h2>
      <p className="small">{t("myCopyHelp")}</p>
      <details open>
        <summary className="small">{t("myCopyShow")}</summary>
        {copy.form.summary && (
          <p data-testid="my-copy-summary">
            <strong>{t("reportSummary")}:</strong> {copy.form.summary}
          </p>
        )}
        <ul className="small">
          {filled.map(({ task, u }) => (
            <li key={task.id} data-testid="my-copy-task" data-code={task.code}>
              <strong>{task.code}</strong> — {u && t(u.status ? `upd.${u.status}` : "updUnreported")}
              {u?.progress && ` (${u.progress}%)`}
              {u?.productDocument && ` · ${u.productDocument}`}
              {u?.result && <p className="pre">{u.result}</p>}
              {u?.difficulties && <p className="pre">{u.difficulties}</p>}
              {u?.proposals && <p className="pre">{u.proposals}</p>}
            </li>
          ))}
        </ul>
      </details>
      <div className="actions">
        {props.canUse && (
          <button type="button" data-testid="my-copy-use" onClick={props.onUse}>
            {t("myCopyUse")}
          </button>
        )}
        <button type="button" className="link-button" data-testid="my-copy-discard" onClick={props.onDiscard}>
          {t("myCopyDiscard")}
        </button>
      </div>
    </section>
  );
}
