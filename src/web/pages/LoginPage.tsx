import { type FormEvent, useState } from "react";
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
      setError(asApiError(err));
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
        <div className="actions">
          <button type="submit" className="primary" data-testid="login-submit" disabled={busy}>
            {busy ? t("signingIn") : t("signIn")}
          </button>
        </div>
      </form>
    </section>
  );
}
