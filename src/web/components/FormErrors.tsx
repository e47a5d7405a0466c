// An API error shown where it belongs: each field problem (error.fields) under its input, the
// rest (and the message) in one box above the form's buttons. Problems found in the browser
// before sending are shaped as the server's (localError), so the same pieces show both.
import { ApiError } from "../api.ts";
import { type MessageKey, translate } from "../i18n.ts";
import { useLang } from "../lang.tsx";

type Problem = ApiError["fields"][number];

/** true when `problem` is about `field` ("roles.0" covers "roles.0.agencyId"). */
function covers(field: string, problem: Problem): boolean {
  return problem.field === field || problem.field.startsWith(`${field}.`);
}

/** The problems the server named for `field`, in the reader's language (null: none). */
export function fieldMessage(
  error: ApiError | null,
  field: string,
  lang: "vi" | "en",
  exact = false,
): string | null {
  const mine = error?.fields.filter((f) => (exact ? f.field === field : covers(field, f))) ?? [];
  if (mine.length === 0) return null;
  return mine.map((f) => (lang === "vi" ? f.reasonVi : f.reason)).join("; ");
}

/** The problem under one input (renders nothing when the field is fine). */
export function FieldError(props: { error: ApiError | null; field: string; exact?: boolean }) {
  const { error, field } = props;
  const { lang } = useLang();
  const text = fieldMessage(error, field, lang, props.exact);
  if (!text) return null;
  return (
    <p className="field-error" role="alert" data-testid="field-error" data-field={field}>
      {text}
    </p>
  );
}

/** aria-invalid for an input whose field the server named. */
export function invalid(error: ApiError | null, field: string): { "aria-invalid"?: true } {
  return error?.fields.some((f) => covers(field, f)) ? { "aria-invalid": true } : {};
}

/**
 * The error's message, and the field problems no input shows (`shown`: the fields the form has
 * inputs for).
 */
export function FormError({ error, shown }: { error: ApiError | null; shown: string[] }) {
  const { t, lang } = useLang();
  if (!error) return null;
  const rest = error.fields.filter((f) => !shown.some((s) => covers(s, f)));
  return (
    <div className="error admin-error" role="alert" data-testid="form-error" data-code={error.code}>
      <p>
        <strong>{lang === "vi" ? error.messageVi : error.message}</strong>
      </p>
      {error.fields.length > rest.length && <p className="small">{t("admin.seeFields")}</p>}
      {rest.length > 0 && (
        <ul>
          {rest.map((f) => (
            <li key={`${f.field}:${f.reason}`}>
              <code>{f.field}</code>: {lang === "vi" ? f.reasonVi : f.reason}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">
        {t("admin.errorCode")}: {error.code}
        {error.status ? ` (HTTP ${error.status})` : ""}
      </p>
    </div>
  );
}

/**
 * A VALIDATION error for problems found before sending (a value that is not a number, a missing
 * source), in both languages, so the form shows it exactly where the server's would appear.
 */
export function localError(problems: { field: string; key: MessageKey }[]): ApiError | null {
  if (problems.length === 0) return null;
  return new ApiError(
    400,
    "VALIDATION",
    problems.map((p) => `${p.field}: ${translate("en", p.key)}`).join(" "),
    problems.map((p) => `${p.field}: ${translate("vi", p.key)}`).join(" "),
    problems.map((p) => ({
      field: p.field,
      reason: translate("en", p.key),
      reasonVi: translate("vi", p.key),
    })),
  );
}
