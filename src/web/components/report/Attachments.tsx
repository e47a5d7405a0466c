import { type ChangeEvent, useRef, useState } from "react";
import { type ApiError, api, asApiError, itemsOf, send, useJson } from "../../api.ts";
import { formatSize } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import type { Attachment, ReportTask } from "../../reporting-types.ts";
import { ErrorBox } from "../Status.tsx";

export const ACCEPT = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";
const ALLOWED = /\.(pdf|docx|xlsx|png|jpe?g)$/i;
const MAX_BYTES = 10 * 1024 * 1024;

interface Props {
  reportId: number;
  tasks: ReportTask[];
  canUpload: boolean;
  /** Files the report's JSON already lists (when the server sends them there). */
  initial?: Attachment[];
  /** After a file is stored: the report may have been created on the server by it. */
  onUploaded?: () => void;
}

/** The report's files: the list with download links, and an upload (PDF, DOCX, XLSX, images). */
export function Attachments({ reportId, tasks, canUpload, initial, onUploaded }: Props) {
  const { t, lang } = useLang();
  const [tick, setTick] = useState(0);
  const list = useJson<Attachment[] | { items: Attachment[] }>(api.attachments(reportId), tick);
  const [taskId, setTaskId] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const files = list.data ? itemsOf(list.data) : (initial ?? []);
  const codeOf = new Map(tasks.map((k) => [k.id, k.code]));

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setError(null);
    setProblem(null);
    if (!ALLOWED.test(file.name)) setProblem(t("fileTypeNotAllowed"));
    else if (file.size > MAX_BYTES) setProblem(t("fileTooLarge"));
    else {
      const form = new FormData();
      form.set("file", file);
      if (taskId) form.set("taskId", taskId);
      setBusy(true);
      try {
        await send("POST", api.attachments(reportId), form);
        setTick((n) => n + 1);
        onUploaded?.();
      } catch (err) {
        setError(asApiError(err));
      } finally {
        setBusy(false);
      }
    }
    if (input.current) input.current.value = "";
  };

  return (
    <section className="card attachments" data-testid="attachments">
      <h2 className="small-heading">{t("attachments")}</h2>
      {files.length === 0 ? (
        <p className="muted small" data-testid="attachments-empty">
          {t("attachmentsEmpty")}
        </p>
      ) : (
        <ul className="file-list">
          {files.map((f) => (
            <li key={f.id} data-testid="attachment-item" data-name={f.filename}>
              <a href={api.attachment(f.id)} download={f.filename}>
                {f.filename}
              </a>{" "}
              <span className="small muted">
                {formatSize(f.size, lang)}
                {f.taskId !== null &&
                  codeOf.has(f.taskId) &&
                  ` · ${t("forTask", { code: codeOf.get(f.taskId) ?? "" })}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {list.state === "error" && !initial && <ErrorBox error={list.error} />}
      {canUpload && (
        <div className="upload-row">
          <label className="field">
            <span>{t("attachFor")}</span>
            <select data-testid="attachment-task" value={taskId} onChange={(e) => setTaskId(e.target.value)}>
              <option value="">{t("attachWholeReport")}</option>
              {tasks.map((k) => (
                <option key={k.id} value={String(k.id)}>
                  {t("forTask", { code: k.code })}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("attachFile")}</span>
            <input
              ref={input}
              type="file"
              accept={ACCEPT}
              data-testid="attachment-input"
              disabled={busy}
              onChange={upload}
            />
          </label>
          <p className="small muted">{busy ? t("uploading") : t("attachHint")}</p>
        </div>
      )}
      {problem && (
        <p className="field-error" role="alert" data-testid="attachment-problem">
          {problem}
        </p>
      )}
      {error && <ErrorBox error={error} />}
    </section>
  );
}
