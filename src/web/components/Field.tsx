// One form field, the same in every form: its label, its control, a hint and the server's (or the
// browser's) problem for it. The control comes as a render prop and receives the attributes that
// tie it to the rest: the label's `id`, the `name` the server knows it by, aria-invalid when the
// error names it, and aria-describedby pointing at the hint.
import { type ReactNode, useId } from "react";
import type { ApiError } from "../api.ts";
import { FieldError, invalid } from "./FormErrors.tsx";

/** What the control spreads onto itself: `<input {...a} />`. */
export type FieldAttrs = {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

export function Field(props: {
  label: ReactNode;
  /** The server's name for the field: the control's name, data-field, and whose problems show. */
  field: string;
  error: ApiError | null;
  hint?: ReactNode;
  /** Show only the problems about `field` itself, not those about its parts ("geometry.lat"). */
  exact?: boolean;
  /** More classes besides `field` ("td-wide"). */
  className?: string;
  children: (attrs: FieldAttrs) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const hint = Boolean(props.hint);
  return (
    <div className={props.className ? `field ${props.className}` : "field"} data-field={props.field}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        name: props.field,
        ...invalid(props.error, props.field),
        ...(hint ? { "aria-describedby": hintId } : {}),
      })}
      {hint && (
        <small className="muted" id={hintId}>
          {props.hint}
        </small>
      )}
      <FieldError error={props.error} field={props.field} exact={props.exact} />
    </div>
  );
}
