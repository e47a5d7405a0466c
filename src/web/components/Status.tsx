import type { ApiError } from "../api.ts";
import { useLang } from "../lang.tsx";
import { Link } from "../router.tsx";

export function Loading() {
  const { t } = useLang();
  return (
    <p className="loading" data-testid="loading" aria-live="polite">
      {t("loading")}
    </p>
  );
}

/** An API error in the reader's language, with the fields it names. */
export function ErrorBox({ error }: { error: ApiError }) {
  const { t, lang } = useLang();
  return (
    <div className="error" role="alert" data-testid="error">
      <strong>{t("errorTitle")}</strong>
      <p>{lang === "vi" ? error.messageVi : error.message}</p>
      {error.fields.length > 0 && (
        <ul>
          {error.fields.map((f) => (
            <li key={f.field}>
              <code>{f.field}</code>: {lang === "vi" ? f.reasonVi : f.reason}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">
        {t("errorCode")}: {error.code}
        {error.status ? ` (HTTP ${error.status})` : ""}
      </p>
    </div>
  );
}

export function NotFound() {
  const { t } = useLang();
  return (
    <div className="error" data-testid="not-found">
      <p>{t("notFound")}</p>
      <Link href="/">{t("backHome")}</Link>
    </div>
  );
}
