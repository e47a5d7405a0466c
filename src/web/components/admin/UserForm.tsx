// Create a user (username, name, e-mail, agency, initial password, roles) or change one (name,
// e-mail, agency, roles, disabled). The server's field problems appear under their inputs.
import { type FormEvent, useState } from "react";
import { type ApiError, asApiError, send } from "../../api.ts";
import { useLang } from "../../lang.tsx";
import type { PlanSummary } from "../../types.ts";
import { type AdminAgency, type AdminUser, adminApi, agencyLabel } from "./admin-api.ts";
import { FieldError, FormError, invalid } from "./FormErrors.tsx";
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
        <label className="field">
          <span>{t("admin.user.username")}</span>
          <input
            data-testid="uf-username"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={creating ? username : user.username}
            readOnly={!creating}
            disabled={!creating}
            {...invalid(error, "username")}
            onChange={(e) => setUsername(e.target.value)}
          />
          {creating && <small className="muted">{t("admin.user.usernameHint")}</small>}
          <FieldError error={error} field="username" />
        </label>
        <label className="field">
          <span>{t("admin.user.displayName")}</span>
          <input
            data-testid="uf-display-name"
            value={displayName}
            {...invalid(error, "displayName")}
            onChange={(e) => setDisplayName(e.target.value)}
          />
          <FieldError error={error} field="displayName" />
        </label>
      </div>
      <div className="form-row">
        <label className="field">
          <span>{t("admin.user.email")}</span>
          <input
            data-testid="uf-email"
            type="email"
            autoComplete="off"
            value={email}
            {...invalid(error, "email")}
            onChange={(e) => setEmail(e.target.value)}
          />
          <FieldError error={error} field="email" />
        </label>
        <label className="field">
          <span>{t("admin.user.agency")}</span>
          <select
            data-testid="uf-agency"
            value={agencyId}
            {...invalid(error, "agencyId")}
            onChange={(e) => setAgencyId(e.target.value)}
          >
            <option value="">{t("admin.user.noAgency")}</option>
            {agencies.map((a) => (
              <option key={a.id} value={String(a.id)}>
                {agencyLabel(a)}
              </option>
            ))}
          </select>
          <FieldError error={error} field="agencyId" />
        </label>
      </div>
      {creating && (
        <div className="form-row">
          <label className="field">
            <span>{t("admin.user.password")}</span>
            <input
              data-testid="uf-password"
              type="password"
              autoComplete="new-password"
              value={password}
              {...invalid(error, "password")}
              onChange={(e) => setPassword(e.target.value)}
            />
            <small className="muted">{t("admin.user.passwordHint")}</small>
            <FieldError error={error} field="password" />
          </label>
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
      <label className="field">
        <span>{t("admin.reset.password")}</span>
        <input
          data-testid="reset-password"
          type="password"
          autoComplete="new-password"
          value={password}
          {...invalid(error, "newPassword")}
          onChange={(e) => setPassword(e.target.value)}
        />
        <small className="muted">{t("admin.user.passwordHint")}</small>
        <FieldError error={error} field="newPassword" />
      </label>
      <label className="field">
        <span>{t("admin.reset.again")}</span>
        <input
          data-testid="reset-again"
          type="password"
          autoComplete="new-password"
          value={again}
          aria-invalid={mismatch || undefined}
          onChange={(e) => setAgain(e.target.value)}
        />
        {mismatch && (
          <p className="field-error" role="alert" data-testid="field-error" data-field="again">
            {t("admin.reset.mismatch")}
          </p>
        )}
      </label>
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
