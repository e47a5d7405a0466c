// Create a user (username, name, e-mail, agency, initial password, roles) or change one (name,
// e-mail, agency, roles, disabled). The server's field problems appear under their inputs.
import { type FormEvent, useState } from "react";
import { type ApiError, asApiError, send } from "../../api.ts";
import { useLang } from "../../lang.tsx";
import type { PlanSummary } from "../../types.ts";
import { Field } from "../Field.tsx";
import { FormError, localError } from "../FormErrors.tsx";
import { AgencyOptions } from "./AgencyOptions.tsx";
import { type AdminAgency, type AdminUser, adminApi } from "./admin-api.ts";
import { type RoleDraft, RoleRows, roleDraft, roleGrants } from "./RoleRows.tsx";

const SHOWN = [
  "username",
  "displayName",
  "email",
  "agencyId",
  "password",
  "mustChangePassword",
  "disabled",
  "roles",
];

export function UserForm(props: {
  user: AdminUser | null;
  agencies: AdminAgency[];
  plans: PlanSummary[];
  onSaved: (user: AdminUser) => void;
  onCancel: () => void;
}) {
  const { t } = useLang();
  const { user, agencies, plans } = props;
  const creating = user === null;
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState(user?.displayName ?? "");
  const [email, setEmail] = useState(user?.email ?? "");
  const [agencyId, setAgencyId] = useState(user?.agencyId == null ? "" : String(user.agencyId));
  const [password, setPassword] = useState("");
  const [mustChange, setMustChange] = useState(true);
  const [disabled, setDisabled] = useState(user?.disabled ?? false);
  const [roles, setRoles] = useState<RoleDraft[]>(() =>
    user ? user.roles.map((g) => roleDraft(g)) : [roleDraft()],
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const common = {
      displayName: displayName.trim(),
      email: email.trim() || null,
      agencyId: agencyId ? Number(agencyId) : null,
      roles: roleGrants(roles),
    };
    try {
      const saved = creating
        ? await send<AdminUser>("POST", adminApi.users(), {
            username: username.trim(),
            password,
            mustChangePassword: mustChange,
            ...common,
          })
        : await send<AdminUser>("PATCH", adminApi.user(user.id), { ...common, disabled });
      props.onSaved(saved);
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };

  return (
    <form className="form admin-form" data-testid="user-form" onSubmit={submit} noValidate>
      <div className="form-row">
        <Field
          label={t("admin.user.username")}
          field="username"
          error={error}
          hint={creating ? t("admin.user.usernameHint") : undefined}
        >
          {(a) => (
            <input
              {...a}
              data-testid="uf-username"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={creating ? username : user.username}
              readOnly={!creating}
              disabled={!creating}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("admin.user.displayName")} field="displayName" error={error}>
          {(a) => (
            <input
              {...a}
              data-testid="uf-display-name"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field label={t("admin.user.email")} field="email" error={error}>
          {(a) => (
            <input
              {...a}
              data-testid="uf-email"
              type="email"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("admin.user.agency")} field="agencyId" error={error}>
          {(a) => (
            <select
              {...a}
              data-testid="uf-agency"
              value={agencyId}
              onChange={(e) => setAgencyId(e.target.value)}
            >
              <option value="">{t("admin.user.noAgency")}</option>
              <AgencyOptions agencies={agencies} />
            </select>
          )}
        </Field>
      </div>
      {creating && (
        <div className="form-row">
          <PasswordField
            label={t("admin.user.password")}
            field="password"
            error={error}
            testid="uf-password"
            value={password}
            onChange={setPassword}
          />
          <label className="check admin-check">
            <input
              type="checkbox"
              data-testid="uf-must-change"
              checked={mustChange}
              onChange={(e) => setMustChange(e.target.checked)}
            />
            <span>{t("admin.user.mustChange")}</span>
          </label>
        </div>
      )}
      {!creating && (
        <label className="check admin-check">
          <input
            type="checkbox"
            data-testid="uf-disabled"
            checked={disabled}
            onChange={(e) => setDisabled(e.target.checked)}
          />
          <span>{t("admin.user.disabledCheck")}</span>
        </label>
      )}
      <RoleRows rows={roles} onChange={setRoles} plans={plans} agencies={agencies} error={error} />
      <FormError error={error} shown={SHOWN} />
      <div className="actions">
        <button type="submit" className="primary" data-testid="uf-submit" disabled={busy}>
          {busy ? t("admin.saving") : creating ? t("admin.user.create") : t("admin.save")}
        </button>
        <button type="button" data-testid="uf-cancel" onClick={props.onCancel}>
          {t("admin.cancel")}
        </button>
      </div>
    </form>
  );
}

/** A new password for a user; the server makes the user change it at the next sign-in. */
export function ResetPasswordForm(props: {
  user: AdminUser;
  onDone: (user: AdminUser) => void;
  onCancel: () => void;
}) {
  const { t } = useLang();
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (password !== again) return setMismatch(true);
    setMismatch(false);
    setBusy(true);
    try {
      props.onDone(
        await send<AdminUser>("POST", adminApi.resetPassword(props.user.id), { newPassword: password }),
      );
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };
  return (
    <form className="form admin-form" data-testid="reset-form" onSubmit={submit} noValidate>
      <p className="notice">{t("admin.reset.explain", { user: props.user.username })}</p>
      <PasswordField
        label={t("admin.reset.password")}
        field="newPassword"
        error={error}
        testid="reset-password"
        value={password}
        onChange={setPassword}
      />
      <PasswordField
        label={t("admin.reset.again")}
        field="again"
        error={mismatch ? localError([{ field: "again", key: "admin.reset.mismatch" }]) : null}
        testid="reset-again"
        value={again}
        onChange={setAgain}
        noHint
      />
      <FormError error={error} shown={["newPassword"]} />
      <div className="actions">
        <button type="submit" className="primary" data-testid="reset-submit" disabled={busy}>
          {busy ? t("admin.saving") : t("admin.reset.submit")}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t("admin.cancel")}
        </button>
      </div>
    </form>
  );
}

/** A new password, with the rule for passwords under it (noHint: the "again" box). */
function PasswordField(props: {
  label: string;
  field: string;
  error: ApiError | null;
  testid: string;
  value: string;
  onChange: (value: string) => void;
  noHint?: boolean;
}) {
  const { t } = useLang();
  return (
    <Field
      label={props.label}
      field={props.field}
      error={props.error}
      hint={props.noHint ? undefined : t("admin.user.passwordHint")}
    >
      {(a) => (
        <input
          {...a}
          data-testid={props.testid}
          type="password"
          autoComplete="new-password"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
