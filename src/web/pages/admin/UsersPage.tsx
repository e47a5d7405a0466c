// /admin/users: every account with its agency, roles and state; create, edit, disable or enable,
// reset a password.
import { useCallback, useMemo, useState } from "react";
import { type ApiError, asApiError, send, useJson } from "../../api.ts";
import { useAuth } from "../../auth.tsx";
import {
  type AdminAgency,
  type AdminUser,
  adminApi,
  agencyLabel,
  useAgencyRecords,
  usePlans,
} from "../../components/admin/admin-api.ts";
import { ResetPasswordForm, UserForm } from "../../components/admin/UserForm.tsx";
import { FormError } from "../../components/FormErrors.tsx";
import { Modal } from "../../components/Modal.tsx";
import { ErrorBox, Loading } from "../../components/Status.tsx";
import { useLang, useTitle } from "../../lang.tsx";
import type { RoleGrant } from "../../reporting-types.ts";
import type { PlanSummary } from "../../types.ts";

type Dialog =
  | { kind: "create" }
  | { kind: "edit"; user: AdminUser }
  | { kind: "reset"; user: AdminUser }
  | null;

function RoleChips(props: {
  roles: RoleGrant[];
  plans: Map<number, PlanSummary>;
  agencies: Map<number, AdminAgency>;
}) {
  const { t } = useLang();
  if (props.roles.length === 0) return <span className="muted small">{t("admin.user.noRoles")}</span>;
  return (
    <ul className="role-chips">
      {props.roles.map((g, i) => {
        const plan = g.planId === null ? null : props.plans.get(g.planId);
        const agency = g.agencyId === null ? null : props.agencies.get(g.agencyId);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: grants have no id; their order is stable
          <li key={i} className="role-chip" data-testid="user-role-chip" data-role={g.role}>
            <strong>{t(`admin.role.${g.role}`)}</strong>
            {g.role !== "administrator" && (
              <span className="small muted" title={plan?.title}>
                {" · "}
                {g.planId === null ? t("admin.user.everyPlan") : t("admin.user.planRef", { id: g.planId })}
                {g.agencyId !== null && ` · ${agency?.name ?? `#${g.agencyId}`}`}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function StateCell({ user }: { user: AdminUser }) {
  const { t } = useLang();
  return (
    <span className="user-state-list">
      {user.disabled ? (
        <span className="pill pill-off" data-testid="user-state" data-state="disabled">
          {t("admin.user.stateDisabled")}
        </span>
      ) : (
        <span className="pill pill-on" data-testid="user-state" data-state="active">
          {t("admin.user.stateActive")}
        </span>
      )}
      {user.mustChangePassword && (
        <span className="pill" data-testid="user-must-change">
          {t("admin.user.mustChangeShort")}
        </span>
      )}
    </span>
  );
}

export function UsersPage() {
  const { t } = useLang();
  const { user: me } = useAuth();
  useTitle(t("admin.users.heading"));
  const [refresh, setRefresh] = useState(0);
  const users = useJson<{ items: AdminUser[]; total: number }>(adminApi.users(), refresh);
  const agencyRecords = useAgencyRecords();
  const plansList = usePlans();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [rowError, setRowError] = useState<ApiError | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [filter, setFilter] = useState("");
  // Stable: the dialog focuses its first input again whenever onClose changes.
  const close = useCallback(() => setDialog(null), []);

  const agencies = useMemo(
    () =>
      agencyRecords.state === "ok"
        ? agencyRecords.data
            .filter((a) => !a.isGroup)
            .sort((a, b) => agencyLabel(a).localeCompare(agencyLabel(b), "vi"))
        : [],
    [agencyRecords],
  );
  const agencyById = useMemo(() => new Map(agencies.map((a) => [a.id, a])), [agencies]);
  const planById = useMemo(() => new Map(plansList.map((p) => [p.id, p])), [plansList]);

  const saved = (message: string) => {
    setDialog(null);
    setNotice(message);
    setRowError(null);
    setRefresh((n) => n + 1);
  };

  const toggle = async (u: AdminUser) => {
    setBusyId(u.id);
    setRowError(null);
    setNotice(null);
    try {
      const changed = await send<AdminUser>("PATCH", adminApi.user(u.id), { disabled: !u.disabled });
      saved(
        changed.disabled
          ? t("admin.user.disabledDone", { user: u.username })
          : t("admin.user.enabledDone", { user: u.username }),
      );
    } catch (e) {
      setRowError(asApiError(e));
    } finally {
      setBusyId(null);
    }
  };

  const items = users.data?.items ?? [];
  const q = filter.trim().toLowerCase();
  const shown = q
    ? items.filter((u) =>
        [u.username, u.displayName, u.email ?? "", u.agencyName ?? ""].some((s) =>
          s.toLowerCase().includes(q),
        ),
      )
    : items;

  return (
    <section className="admin-section" data-testid="admin-users">
      <div className="admin-head">
        <h1>{t("admin.users.heading")}</h1>
        <button
          type="button"
          className="primary"
          data-testid="user-new"
          onClick={() => {
            setNotice(null);
            setDialog({ kind: "create" });
          }}
        >
          + {t("admin.users.new")}
        </button>
      </div>
      <p className="muted">{t("admin.users.intro")}</p>
      {notice && (
        <p className="success admin-notice" role="status" data-testid="admin-notice">
          {notice}
        </p>
      )}
      <FormError error={rowError} shown={[]} />
      {users.state === "error" && <ErrorBox error={users.error} />}
      {agencyRecords.state === "error" && <ErrorBox error={agencyRecords.error} />}
      {users.state === "loading" && !users.data && <Loading />}
      {users.data && (
        <>
          <label className="field inline admin-filter">
            <span>{t("admin.filter")}</span>
            <input
              data-testid="users-filter"
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          </label>
          <p className="small muted" data-testid="users-count">
            {t("admin.users.count", { n: shown.length, total: items.length })}
          </p>
          <div className="table-wrap">
            <table className="admin-table" data-testid="users-table">
              <thead>
                <tr>
                  <th>{t("admin.user.username")}</th>
                  <th>{t("admin.user.displayName")}</th>
                  <th>{t("admin.user.agency")}</th>
                  <th>{t("admin.user.roles")}</th>
                  <th>{t("admin.user.state")}</th>
                  <th>{t("admin.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((u) => (
                  <tr
                    key={u.id}
                    data-testid="user-row"
                    data-username={u.username}
                    className={u.disabled ? "row-off" : undefined}
                  >
                    <td>
                      <code>{u.username}</code>
                    </td>
                    <td>
                      {u.displayName}
                      {u.email && <div className="small muted">{u.email}</div>}
                    </td>
                    <td data-testid="user-agency">
                      {u.agencyName ?? <span className="muted">{t("admin.user.noAgency")}</span>}
                    </td>
                    <td>
                      <RoleChips roles={u.roles} plans={planById} agencies={agencyById} />
                    </td>
                    <td>
                      <StateCell user={u} />
                    </td>
                    <td className="row-actions">
                      <button
                        type="button"
                        data-testid="user-edit"
                        onClick={() => setDialog({ kind: "edit", user: u })}
                      >
                        {t("admin.edit")}
                      </button>
                      <button
                        type="button"
                        data-testid="user-reset"
                        onClick={() => setDialog({ kind: "reset", user: u })}
                      >
                        {t("admin.user.reset")}
                      </button>
                      {u.id !== me?.id && (
                        <button
                          type="button"
                          className={u.disabled ? undefined : "danger"}
                          data-testid="user-toggle"
                          disabled={busyId === u.id}
                          onClick={() => toggle(u)}
                        >
                          {u.disabled ? t("admin.user.enable") : t("admin.user.disable")}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {dialog?.kind === "create" && (
        <Modal title={t("admin.users.new")} onClose={close} testid="user-dialog">
          <UserForm
            user={null}
            agencies={agencies}
            plans={plansList}
            onCancel={close}
            onSaved={(u) => saved(t("admin.user.created", { user: u.username }))}
          />
        </Modal>
      )}
      {dialog?.kind === "edit" && (
        <Modal
          title={t("admin.user.editTitle", { user: dialog.user.username })}
          onClose={close}
          testid="user-dialog"
        >
          <UserForm
            user={dialog.user}
            agencies={agencies}
            plans={plansList}
            onCancel={close}
            onSaved={(u) => saved(t("admin.user.saved", { user: u.username }))}
          />
        </Modal>
      )}
      {dialog?.kind === "reset" && (
        <Modal
          title={t("admin.reset.title", { user: dialog.user.username })}
          onClose={close}
          testid="reset-dialog"
        >
          <ResetPasswordForm
            user={dialog.user}
            onCancel={close}
            onDone={(u) => saved(t("admin.reset.done", { user: u.username }))}
          />
        </Modal>
      )}
    </section>
  );
}
