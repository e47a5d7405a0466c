// The roles of a user as editable rows: role, plan (or every plan), agency (or the user's own).
import type { ApiError } from "../../api.ts";
import { useLang } from "../../lang.tsx";
import type { Role } from "../../reporting-types.ts";
import type { PlanSummary } from "../../types.ts";
import { Field } from "../Field.tsx";
import { FieldError } from "../FormErrors.tsx";
import { AgencyOptions } from "./AgencyOptions.tsx";
import { type AdminAgency, ROLE_NAMES } from "./admin-api.ts";

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
            <Field label={t("admin.user.role")} field={`roles.${i}.role`} error={error}>
              {(a) => (
                <select
                  {...a}
                  data-testid="role-role"
                  value={r.role}
                  onChange={(e) => set(r.key, { role: e.target.value as Role })}
                >
                  {ROLE_NAMES.map((name) => (
                    <option key={name} value={name}>
                      {t(`admin.role.${name}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t("admin.user.rolePlan")} field={`roles.${i}.planId`} error={error}>
              {(a) => (
                <select
                  {...a}
                  data-testid="role-plan"
                  value={admin ? "" : r.planId}
                  disabled={admin}
                  onChange={(e) => set(r.key, { planId: e.target.value })}
                >
                  <option value="">{t("admin.user.everyPlan")}</option>
                  {plans.map((p) => (
                    <option key={p.id} value={String(p.id)}>
                      {`#${p.id} · ${p.number ?? ""} ${p.title}`.replace(/ {2,}/g, " ")}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t("admin.user.roleAgency")} field={`roles.${i}.agencyId`} error={error}>
              {(a) => (
                <select
                  {...a}
                  data-testid="role-agency"
                  value={admin ? "" : r.agencyId}
                  disabled={admin}
                  onChange={(e) => set(r.key, { agencyId: e.target.value })}
                >
                  <option value="">{t("admin.user.ownAgency")}</option>
                  <AgencyOptions agencies={agencies} />
                </select>
              )}
            </Field>
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
