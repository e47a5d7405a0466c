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
  /** A draft's content was left out: the reader may not read that agency's draft. */
  redacted: boolean;
}

interface ChainCheck {
  ok: boolean;
  rows: number;
  brokenAt: number | null;
  brokenOutsideScope: boolean;
}

function chainText(t: ReturnType<typeof useLang>["t"], c: ChainCheck): string {
  if (c.ok) return t("auditChainOk", { n: String(c.rows) });
  if (c.brokenAt === null) return t("auditChainBrokenOutside", { n: String(c.rows) });
  return t("auditChainBroken", { id: String(c.brokenAt) });
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  return <pre className="audit-json">{JSON.stringify(value, null, 2)}</pre>;
}

/**
 * The audit log (append-only, hash-chained): who did what, when, before and after. Visible to
 * the plan's coordinator and the administrator, for this plan and its province; another
 * agency's draft shows as its sizes only. The chain check recomputes every hash and answers for
 * what the reader may read.
 */
export function AuditPage({ planId, user }: { planId: number; user: SessionUser }) {
  const { t } = useLang();
  const log = useJson<AuditEntry[]>(api.audit(planId));
  const chain = useJson<ChainCheck>(api.auditVerify(planId));
  return (
    <section className="page" data-testid="audit-page">
      <PlanHeading planId={planId} title="auditTitle" coordinator={isCoordinator(user, planId)} />
      {chain.data && (
        <p
          className={chain.data.ok ? "notice small" : "error-box"}
          data-testid="audit-chain"
          data-ok={String(chain.data.ok)}
        >
          {chainText(t, chain.data)}
        </p>
      )}
      <p className="muted small">{t("auditScope")}</p>
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
              <tr
                key={e.id}
                data-testid="audit-row"
                data-action={e.action}
                data-redacted={String(e.redacted)}
              >
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
                    {e.redacted && <p className="muted small">{t("auditRedacted")}</p>}
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
