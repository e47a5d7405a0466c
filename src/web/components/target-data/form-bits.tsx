// Small pieces the target data forms share: an error made in the browser (before sending) shaped
// as the server's, so one FieldError shows both; and a labelled input with its field error.
import type { ReactNode } from "react";
import { ApiError } from "../../api.ts";
import { type MessageKey, translate } from "../../i18n.ts";
import { FieldError, invalid } from "../admin/FormErrors.tsx";

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

/** A label, its control, a hint and the server's (or the browser's) problem for `field`. */
export function Field(props: {
  label: string;
  field: string;
  error: ApiError | null;
  hint?: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control comes as `children`, inside the label
    <label className={props.wide ? "field td-wide" : "field"} data-field={props.field}>
      <span>{props.label}</span>
      {props.children}
      {props.hint && <small className="muted">{props.hint}</small>}
      <FieldError error={props.error} field={props.field} exact />
    </label>
  );
}

export { invalid };
