// The table of a province's investment projects: zone, investor ("chưa có thông tin" when the
// plan does not name one), capital, jobs, the derived status and the milestones. A coordinator
// gets, per project, the forms to set a milestone and to record a revocation.
import type { ReactNode } from "react";
import { formatDate, formatNumber } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import { type MilestoneOut, type ProjectOut, type ProjectStatus, statusTone } from "./types.ts";

export function ProjectBadge({ status }: { status: ProjectStatus }) {
  const { t } = useLang();
  return (
    <span className={`tg-badge tone-${statusTone(status)}`} data-testid="pj-status" data-status={status}>
      {t(`pj.status.${status}`)}
    </span>
  );
}

/** "Bàn giao đất: kế hoạch 31/03/2024, chậm 91 ngày". */
export function MilestoneLine({ m }: { m: Pick<MilestoneOut, "kind" | "planned" | "actual" | "daysLate"> }) {
  const { t, lang } = useLang();
  const parts = [
    m.planned ? t("pj.planned", { date: formatDate(m.planned) }) : null,
    m.actual ? t("pj.actual", { date: formatDate(m.actual) }) : null,
    m.daysLate > 0 ? t("pj.daysLate", { n: formatNumber(m.daysLate, lang) }) : null,
  ].filter(Boolean);
  return (
    <>
      <strong>{t(`pj.ms.${m.kind}`)}</strong>: {parts.join(", ")}
    </>
  );
}

function Milestones({ p }: { p: ProjectOut }) {
  const { t } = useLang();
  const shown = p.milestones.filter((m) => m.planned || m.actual);
  if (shown.length === 0) return <span className="muted small">{t("pj.noMilestones")}</span>;
  return (
    <ul className="pj-milestones small" data-testid="pj-milestones">
      {shown.map((m) => (
        <li key={m.kind} data-kind={m.kind} data-state={m.state}>
          <MilestoneLine m={m} />
          {m.document ? <span className="muted"> ({m.document})</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function ProjectTable(props: { items: ProjectOut[]; actions?: (p: ProjectOut) => ReactNode }) {
  const { t, lang } = useLang();
  const num = (v: number | null, key: "pj.billion" | "pj.people") =>
    v === null ? t("pj.none") : t(key, { n: formatNumber(v, lang) });
  if (props.items.length === 0) return <p className="muted">{t("pj.empty")}</p>;
  return (
    <div className="table-wrap">
      <table className="pj-table" data-testid="pj-table">
        <thead>
          <tr>
            <th scope="col">{t("pj.col.name")}</th>
            <th scope="col">{t("pj.col.zone")}</th>
            <th scope="col">{t("pj.col.investor")}</th>
            <th scope="col">{t("pj.col.capital")}</th>
            <th scope="col">{t("pj.col.jobs")}</th>
            <th scope="col">{t("pj.col.status")}</th>
            <th scope="col">{t("pj.col.milestones")}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((p) => (
            <tr key={p.id} data-testid="pj-row" data-id={p.id} data-name={p.name}>
              <td>
                <strong data-testid="pj-name">{p.name}</strong>
                {p.source ? <div className="muted small">{t("pj.source", { source: p.source })}</div> : null}
                {p.revokedOn ? (
                  <div className="small">
                    {t("pj.revokedBy", { date: formatDate(p.revokedOn), decision: p.revokedDecision ?? "" })}
                  </div>
                ) : null}
                {props.actions?.(p)}
              </td>
              <td>{p.zone?.label ?? <span className="muted">{t("pj.noZone")}</span>}</td>
              <td data-testid="pj-investor">
                {p.investor ?? <em className="muted">{t("pj.noInvestor")}</em>}
              </td>
              <td className="num">{num(p.registeredCapitalBillionVnd, "pj.billion")}</td>
              <td className="num">{num(p.jobs, "pj.people")}</td>
              <td>
                <ProjectBadge status={p.status} />
              </td>
              <td>
                <Milestones p={p} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
