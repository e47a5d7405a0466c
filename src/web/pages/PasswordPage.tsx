import { type FormEvent, useState } from "react";
import { type ApiError, api, asApiError, send } from "../api.ts";
import { useAuth } from "../auth.tsx";
import { ErrorBox } from "../components/Status.tsx";
import { useLang, useTitle } from "../lang.tsx";
import { Link, useLocation } from "../router.tsx";
import { safeNext } from "../safe-next.ts";

const MIN_LENGTH = 10;

export function PasswordPage() {
  const { t } = useLang();
  const { user, refresh } = useAuth();
  const { search } = useLocation();
  const next = safeNext(search.get("next"));
  const [current, setCurrent] = useState("");
  const [fresh, setFresh] = useState("");
  const [again, setAgain] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  useTitle(t("changePassword"));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    if (fresh.length < MIN_LENGTH) return setProblem(t("passwordTooShort", { n: MIN_LENGTH }));
    if (fresh !== again) return setProblem(t("passwordMismatch"));
    setProblem(null);
    setBusy(true);
    try {
      await send("POST", api.password(), { currentPassword: current, newPassword: fresh });
      setDone(true);
      setCurrent("");
      setFresh("");
      setAgain("");
      await refresh();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <h1>{t("changePassword")}</h1>
      {user?.mustChangePassword && <p className="notice">{t("mustChangePassword")}</p>}
      <form className="card form" data-testid="password-form" onSubmit={submit}>
        <label className="field">
          <span>{t("currentPassword")}</span>
          <input
            type="password"
            data-testid="password-current"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t("newPassword")}</span>
          <input
            type="password"
            data-testid="password-new"
            autoComplete="new-password"
            required
            minLength={MIN_LENGTH}
            value={fresh}
            onChange={(e) => setFresh(e.target.value)}
          />
          <small className="muted">{t("passwordRule", { n: MIN_LENGTH })}</small>
        </label>
        <label className="field">
          <span>{t("newPasswordAgain")}</span>
          <input
            type="password"
            data-testid="password-again"
            autoComplete="new-password"
            required
            value={again}
            onChange={(e) => setAgain(e.target.value)}
          />
        </label>
        {problem && (
          <p className="field-error" role="alert" data-testid="password-problem">
            {problem}
          </p>
        )}
        {error && <ErrorBox error={error} />}
        {done && (
          <p className="success" role="status" data-testid="password-done">
            {t("passwordChanged")} {next && <Link href={next}>{t("continue")} →</Link>}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" data-testid="password-submit" disabled={busy}>
            {t("changePassword")}
          </button>
        </div>
      </form>
    </section>
  );
}
