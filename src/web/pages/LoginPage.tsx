import { type FormEvent, useEffect, useState } from "react";
import { type ApiError, asApiError } from "../api.ts";
import { useAuth } from "../auth.tsx";
import { ErrorBox } from "../components/Status.tsx";
import { useLang, useTitle } from "../lang.tsx";
import { homeOf } from "../roles.ts";
import { Link, navigate, useLocation } from "../router.tsx";
import { safeNext } from "../safe-next.ts";

export function LoginPage() {
  const { t } = useLang();
  const { signIn, status, user } = useAuth();
  const { search } = useLocation();
  const next = safeNext(search.get("next"));
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // After too many failed attempts the server answers 429 with the wait (Retry-After): count it
  // down and keep the button off until then, rather than send attempts that are refused.
  const [waitUntil, setWaitUntil] = useState(0);
  const [clock, setClock] = useState(() => Date.now());
  const waitSeconds = Math.max(0, Math.ceil((waitUntil - clock) / 1000));
  useEffect(() => {
    if (waitUntil <= Date.now()) return;
    const timer = window.setInterval(() => setClock(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [waitUntil]);
  useTitle(t("signInHeading"));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const who = await signIn(username.trim(), password);
      const target = next ?? homeOf(who);
      navigate(who.mustChangePassword ? `/password?next=${encodeURIComponent(target)}` : target, {
        replace: true,
      });
    } catch (err) {
      const e = asApiError(err);
      const retry = Number(e.details.retryAfterSeconds);
      if (e.code === "RATE_LIMITED" && retry > 0) {
        setClock(Date.now());
        setWaitUntil(Date.now() + retry * 1000);
      }
      setError(e);
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <h1>{t("signInHeading")}</h1>
      {status === "in" && user && (
        <p className="card" data-testid="already-signed-in">
          {t("signedInAs", { name: user.displayName })}{" "}
          <Link href={next ?? homeOf(user)}>{t("continue")} →</Link>
        </p>
      )}
      {next && status !== "in" && <p className="notice">{t("signInToContinue")}</p>}
      <form className="card form" data-testid="login-form" onSubmit={submit}>
        <label className="field">
          <span>{t("username")}</span>
          <input
            data-testid="login-username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t("password")}</span>
          <input
            data-testid="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && <ErrorBox error={error} />}
        {waitSeconds > 0 && (
          <p className="notice" role="status" data-testid="login-wait">
            {t("signInWait", { s: waitSeconds })}
          </p>
        )}
        <div className="actions">
          <button
            type="submit"
            className="primary"
            data-testid="login-submit"
            disabled={busy || waitSeconds > 0}
          >
            {busy ? t("signingIn") : t("signIn")}
          </button>
        </div>
      </form>
    </section>
  );
}
