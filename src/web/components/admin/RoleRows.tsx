// The roles of a user as editable rows: role, plan (or every plan), agency (or the user's own).
import type { ApiError } from "../../api.ts";
import { useLang } from "../../lang.tsx";
import type { Role } from "../../reporting-types.ts";
import type { PlanSummary } from "../../types.ts";
import { type AdminAgency, agencyLabel, ROLE_NAMES } from "./admin-api.ts";
import { FieldError, invalid } from "./FormErrors.tsx";

export interface RoleDraft {
  key: number;
  role: Role;
  /** "" = every plan. */
  planId: string;
  /** "" = the user's own agency. */
  agencyId: string;
}

let nextKey = 1;
export function roleDraft(g?: { role: Role; planId: number | null; agencyId: number | null }): RoleDraft {
  return {
    key: nextKey++,
    role: g?.role ?? "reporter",
    planId: g?.planId == null ? "" : String(g.planId),
    agencyId: g?.agencyId == null ? "" : String(g.agencyId),
  };
}

/** The rows as the API takes them. */
export function roleGrants(rows: RoleDraft[]) {
  return rows.map((r) =>
    r.role === "administrator"
      ? { role: r.role, planId: null, agencyId: null }
      : {
          role: r.role,
          planId: r.planId ? Number(r.planId) : null,
          agencyId: r.agencyId ? Number(r.agencyId) : null,
        },
  );
}

export function RoleRows(props: {
  rows: RoleDraft[];
  onChange: (rows: RoleDraft[]) => void;
  plans: PlanSummary[];
  agencies: AdminAgency[];
  error: ApiError | null;
}) {
  const { t } = useLang();
  const { rows, onChange, plans, agencies, error } = props;
  const set = (key: number, patch: Partial<RoleDraft>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset className="role-rows" data-testid="role-rows">
      <legend>{t("admin.user.roles")}</legend>
      {rows.length === 0 && <p className="muted small">{t("admin.user.noRoles")}</p>}
      {rows.map((r, i) => {
        const admin = r.role === "administrator";
        return (
          <div key={r.key} className="role-row" data-testid="role-row">
            <label className="field">
              <span>{t("admin.user.role")}</span>
              <select
                data-testid="role-role"
                value={r.role}
                {...invalid(error, `roles.${i}.role`)}
                onChange={(e) => set(r.key, { role: e.target.value as Role })}
              >
                {ROLE_NAMES.map((name) => (
                  <option key={name} value={name}>
                    {t(`admin.role.${name}`)}
                  </option>
                ))}
              </select>
              <FieldError error={error} field={`roles.${i}.role`} />
            </label>
            <label className="field">
              <span>{t("admin.user.rolePlan")}</span>
              <select
                data-testid="role-plan"
                value={admin ? "" : r.planId}
                disabled={admin}
                {...invalid(error, `roles.${i}.planId`)}
                onChange={(e) => set(r.key, { planId: e.target.value })}
              >
                <option value="">{t("admin.user.everyPlan")}</option>
                {plans.map((p) => (
                  <option key={p.id} value={String(p.id)}>
                    {`#${p.id} · ${p.number ?? ""} ${p.title}`.replace(/ {2,}/g, " ")}
                  </option>
                ))}
              </select>
              <FieldError error={error} field={`roles.${i}.planId`} />
            </label>
            <label className="field">
              <span>{t("admin.user.roleAgency")}</span>
              <select
                data-testid="role-agency"
                value={admin ? "" : r.agencyId}
                disabled={admin}
                {...invalid(error, `roles.${i}.agencyId`)}
                onChange={(e) => set(r.key, { agencyId: e.target.value })}
              >
                <option value="">{t("admin.user.ownAgency")}</option>
                {agencies.map((a) => (
                  <option key={a.id} value={String(a.id)}>
                    {agencyLabel(a)}
                  </option>
                ))}
              </select>
              <FieldError error={error} field={`roles.${i}.agencyId`} />
            </label>
            <button
              type="button"
              className="link-button role-remove"
              data-testid="role-remove"
              aria-label={t("admin.user.removeRole")}
              title={t("admin.user.removeRole")}
              onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
            >
              ×
            </button>
          </div>
        );
      })}
      <FieldError error={error} field="roles" exact />
      <button type="button" data-testid="role-add" onClick={() => onChange([...rows, roleDraft()])}>
        + {t("admin.user.addRole")}
      </button>
    </fieldset>
  );
}
