import { type FormEvent, useRef, useState } from "react";
import { type ApiError, asApiError, send } from "../../api.ts";
import { useLang } from "../../lang.tsx";
import type { BadRow, UploadAnswer } from "./types.ts";

type Result =
  | { kind: "stored"; answer: UploadAnswer }
  | { kind: "refused"; file: string; rows: BadRow[]; error: ApiError }
  | { kind: "error"; error: ApiError };

/** Bad rows grouped by line, in line order, so each line is named once with all its reasons. */
function byLine(rows: BadRow[]): { line: number; problems: BadRow[] }[] {
  const map = new Map<number, BadRow[]>();
  for (const r of rows) map.set(r.line, [...(map.get(r.line) ?? []), r]);
  return [...map.entries()].sort((a, b) => a[0] - b[0]).map(([line, problems]) => ({ line, problems }));
}

/**
 * (b) A .csv or .xlsx file of figures. The server stores all rows or none: a refusal lists every
 * bad row with its line and reason (details.rows) and the page says plainly that nothing was stored,
 * so nobody fixes one row, uploads again and believes the rest were already in.
 */
export function UploadForm(props: { planId: number; onStored: () => void }) {
  const { lang, t } = useLang();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [missing, setMissing] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    setResult(null);
    setMissing(!file);
    if (!file) return;
    const form = new FormData();
    form.set("file", file, file.name);
    setBusy(true);
    try {
      const answer = await send<UploadAnswer>(
        "POST",
        `/api/plans/${props.planId}/indicator-values/upload`,
        form,
      );
      setResult({ kind: "stored", answer });
      props.onStored();
    } catch (err) {
      const error = asApiError(err);
      const rows = Array.isArray(error.details.rows) ? (error.details.rows as BadRow[]) : [];
      setResult(
        error.code === "VALIDATION"
          ? { kind: "refused", file: file.name, rows, error }
          : { kind: "error", error },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form td-form" data-testid="upload-form" onSubmit={submit} noValidate>
      <p className="muted small">{t("td.upload.help")}</p>
      <p>
        <a href="/api/indicators/template.xlsx" download data-testid="template-link">
          {t("td.upload.template")}
        </a>
      </p>
      <div className="form-row">
        <label className="field">
          <span>{t("td.upload.file")}</span>
          <input
            ref={input}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="upload-file"
            onChange={() => setResult(null)}
          />
          {missing && (
            <p className="field-error" role="alert" data-testid="field-error" data-field="file">
              {t("td.upload.chooseFile")}
            </p>
          )}
        </label>
      </div>
      <div className="actions">
        <button type="submit" className="primary" data-testid="upload-send" disabled={busy}>
          {busy ? t("td.saving") : t("td.upload.send")}
        </button>
      </div>
      {result?.kind === "stored" && (
        <p className="success" role="status" data-testid="upload-stored" data-count={result.answer.stored}>
          {t("td.upload.stored", { n: result.answer.stored, file: result.answer.file })}
        </p>
      )}
      {result && result.kind !== "stored" && (
        <div className="error" role="alert" data-testid="upload-refused">
          <p>
            <strong data-testid="upload-nothing">{t("td.upload.nothing")}</strong>{" "}
            {result.kind === "refused" && result.rows.length > 0
              ? t("td.upload.badRows", { file: result.file })
              : lang === "vi"
                ? result.error.messageVi
                : result.error.message}
          </p>
          {result.kind === "refused" && result.rows.length > 0 && (
            <ul className="td-bad-rows">
              {byLine(result.rows).map((r) => (
                <li key={r.line} data-testid="bad-row" data-line={r.line}>
                  <strong>{t("td.upload.line", { line: r.line })}</strong>:{" "}
                  {r.problems.map((p) => (lang === "vi" ? p.reasonVi : p.reason)).join(" ")}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
