import { api, useJson } from "../api.ts";
import { PlanHeading } from "../components/reporting/PlanHeading.tsx";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { formatDateTime } from "../format.ts";
import { useLang } from "../lang.tsx";
import type { SessionUser } from "../reporting-types.ts";
import { isCoordinator } from "../roles.ts";

interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  return <pre className="audit-json">{JSON.stringify(value, null, 2)}</pre>;
}

/**
 * The audit log (append-only, hash-chained): who did what, when, before and after. Visible to
 * the plan's coordinator and the administrator; the chain check recomputes every hash.
 */
export function AuditPage({ planId, user }: { planId: number; user: SessionUser }) {
  const { t } = useLang();
  const log = useJson<AuditEntry[]>(api.audit(planId));
  const chain = useJson<{ ok: boolean; brokenAt: number | null; rows: number }>(api.auditVerify(planId));
  return (
    <main className="page" data-testid="audit-page">
      <PlanHeading planId={planId} title="auditTitle" coordinator={isCoordinator(user, planId)} />
      {chain.data && (
        <p
          className={chain.data.ok ? "notice small" : "error-box"}
          data-testid="audit-chain"
          data-ok={String(chain.data.ok)}
        >
          {chain.data.ok
            ? t("auditChainOk", { n: String(chain.data.rows) })
            : t("auditChainBroken", { id: String(chain.data.brokenAt) })}
        </p>
      )}
      {log.state === "error" && <ErrorBox error={log.error} />}
      {!log.data && log.state === "loading" && <Loading />}
      {log.data && (
        <table className="table" data-testid="audit-table">
          <thead>
            <tr>
              <th>{t("auditAt")}</th>
              <th>{t("auditActor")}</th>
              <th>{t("auditAction")}</th>
              <th>{t("auditEntity")}</th>
              <th>{t("auditBefore")}</th>
              <th>{t("auditAfter")}</th>
            </tr>
          </thead>
          <tbody>
            {log.data.map((e) => (
              <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.actor}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.entity}
                  {e.entityId ? ` #${e.entityId}` : ""}
                </td>
                <td>
                  <details>
                    <summary>{t("auditShow")}</summary>
                    <Json value={e.before} />
                  </details>
                </td>
                <td>
                  <details>
                    <summary>{t("auditShow")}</summary>
                    <Json value={e.after} />
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
