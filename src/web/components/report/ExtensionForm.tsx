import { type FormEvent, useState } from "react";
import { type ApiError, api, asApiError, send } from "../../api.ts";
import { formatDate } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import { ErrorBox } from "../Status.tsx";

interface Props {
  expectedId: number;
  due: string;
  extendedDue: string | null;
  onDone: (extendedDue: string) => void;
}

/** The coordinator grants one agency a new due date for one period, with a reason. */
export function ExtensionForm({ expectedId, due, extendedDue, onDone }: Props) {
  const { t } = useLang();
  const [date, setDate] = useState(extendedDue ?? "");
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!date || date <= due) return setProblem(t("extensionAfter", { date: formatDate(due) }));
    if (!reason.trim()) return setProblem(t("extensionReasonRequired"));
    setProblem(null);
    setBusy(true);
    try {
      await send("POST", api.extension(expectedId), { due: date, reason: reason.trim() });
      onDone(date);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form" data-testid="extension-form" onSubmit={submit}>
      <p className="small">
        {t("dueOn")} <strong>{formatDate(due)}</strong>
        {extendedDue && ` · ${t("extendedTo", { date: formatDate(extendedDue) })}`}
      </p>
      <label className="field">
        <span>{t("extensionNewDue")}</span>
        <input
          type="date"
          data-testid="extension-due"
          min={due}
          value={date}
          required
          onChange={(e) => setDate(e.target.value)}
        />
      </label>
      <label className="field">
        <span>{t("extensionReason")}</span>
        <textarea
          data-testid="extension-reason"
          rows={3}
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {problem && (
        <p className="field-error" role="alert" data-testid="field-error">
          {problem}
        </p>
      )}
      {error && <ErrorBox error={error} />}
      <div className="actions">
        <button type="submit" className="primary" data-testid="extension-submit" disabled={busy}>
          {t("extensionGrant")}
        </button>
      </div>
    </form>
  );
}
