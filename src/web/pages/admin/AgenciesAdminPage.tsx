// /admin/agencies: the agency registry (agencies and groups) with names, kind, level, province,
// validity and successor; create and change an agency.
import { useCallback, useMemo, useState } from "react";
import { AgencyForm } from "../../components/admin/AgencyForm.tsx";
import { type AdminAgency, useAgencyRecords } from "../../components/admin/admin-api.ts";
import { Modal } from "../../components/Modal.tsx";
import { ErrorBox, Loading } from "../../components/Status.tsx";
import { formatDate } from "../../format.ts";
import { isMessageKey } from "../../i18n.ts";
import { useLang, useTitle } from "../../lang.tsx";
import { Link } from "../../router.tsx";

type Dialog = { agency: AdminAgency | null } | null;

function Validity({ a }: { a: AdminAgency }) {
  const { t } = useLang();
  if (!a.validFrom && !a.validTo) return <span className="muted small">{t("admin.agency.always")}</span>;
  const expired = a.validTo !== null && a.validTo < new Date().toISOString().slice(0, 10);
  return (
    <span className={expired ? "validity expired" : "validity"} data-testid="agency-validity">
      {a.validFrom ? formatDate(a.validFrom) : "…"} – {a.validTo ? formatDate(a.validTo) : "…"}
      {expired && <span className="pill pill-off">{t("admin.agency.expired")}</span>}
    </span>
  );
}

function AgencyTable(props: { rows: AdminAgency[]; groups: boolean; onEdit: (a: AdminAgency) => void }) {
  const { t } = useLang();
  const label = (prefix: "admin.agencyKind." | "admin.agencyLevel.", v: string | null) => {
    if (!v) return <span className="muted">—</span>;
    const key = `${prefix}${v}`;
    return isMessageKey(key) ? t(key) : v;
  };
  return (
    <div className="table-wrap">
      <table className="admin-table" data-testid={props.groups ? "groups-table" : "agencies-table"}>
        <thead>
          <tr>
            <th>{t("admin.agency.name")}</th>
            <th>{t("admin.agency.shortName")}</th>
            <th>{t("admin.agency.kind")}</th>
            <th>{t("admin.agency.level")}</th>
            <th>{t("admin.agency.province")}</th>
            {props.groups ? <th>{t("admin.agency.members")}</th> : <th>{t("admin.agency.validity")}</th>}
            {!props.groups && <th>{t("admin.agency.successor")}</th>}
            <th>{t("admin.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((a) => (
            <tr key={a.id} data-testid="agency-row" data-id={a.id} data-name={a.name}>
              <td>
                <Link href={`/agencies/${a.id}`}>{a.name}</Link>
                {a.aliases.length > 0 && (
                  <div className="small muted" data-testid="agency-aliases">
                    {t("admin.agency.aka")}: {a.aliases.join("; ")}
                  </div>
                )}
              </td>
              <td>{a.shortName ?? <span className="muted">—</span>}</td>
              <td>{label("admin.agencyKind.", a.kind)}</td>
              <td>{label("admin.agencyLevel.", a.level)}</td>
              <td>{a.province ?? <span className="muted">{t("admin.agency.central")}</span>}</td>
              {props.groups ? (
                <td className="num">{a.members.length}</td>
              ) : (
                <td>
                  <Validity a={a} />
                </td>
              )}
              {!props.groups && (
                <td data-testid="agency-successor">
                  {a.successor ? (
                    <>
                      <Link href={`/agencies/${a.successor.id}`}>{a.successor.name}</Link>
                      {a.successorConfirmed === false && (
                        <span className="pill pill-warn">{t("admin.agency.unconfirmed")}</span>
                      )}
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              )}
              <td className="row-actions">
                <button type="button" data-testid="agency-edit" onClick={() => props.onEdit(a)}>
                  {t("admin.edit")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AgenciesAdminPage() {
  const { t } = useLang();
  useTitle(t("admin.agencies.heading"));
  const [refresh, setRefresh] = useState(0);
  const records = useAgencyRecords(refresh);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [filter, setFilter] = useState("");
  const [province, setProvince] = useState("");
  const close = useCallback(() => setDialog(null), []);

  const all = records.state === "ok" ? records.data : [];
  const provinces = useMemo(() => {
    const count = new Map<string, number>();
    for (const a of all) if (a.province) count.set(a.province, (count.get(a.province) ?? 0) + 1);
    return [...count.entries()].sort((x, y) => y[1] - x[1]).map(([p]) => p);
  }, [all]);
  const q = filter.trim().toLowerCase();
  const shown = all
    .filter((a) => !province || (province === "-" ? !a.province : a.province === province))
    .filter((a) => !q || [a.name, a.shortName ?? "", ...a.aliases].some((s) => s.toLowerCase().includes(q)))
    .sort((x, y) => x.name.localeCompare(y.name, "vi"));
  const agencies = shown.filter((a) => !a.isGroup);
  const groups = shown.filter((a) => a.isGroup);

  return (
    <section className="admin-section" data-testid="admin-agencies">
      <div className="admin-head">
        <h1>{t("admin.agencies.heading")}</h1>
        <button
          type="button"
          className="primary"
          data-testid="agency-new"
          onClick={() => {
            setNotice(null);
            setDialog({ agency: null });
          }}
        >
          + {t("admin.agencies.new")}
        </button>
      </div>
      <p className="muted">{t("admin.agencies.intro")}</p>
      {notice && (
        <p className="success admin-notice" role="status" data-testid="admin-notice">
          {notice}
        </p>
      )}
      {records.state === "error" && <ErrorBox error={records.error} />}
      {records.state === "loading" && <Loading />}
      {records.state === "ok" && (
        <>
          <div className="admin-filters">
            <label className="field inline">
              <span>{t("admin.filter")}</span>
              <input
                data-testid="agencies-filter"
                type="search"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
              />
            </label>
            <label className="field inline">
              <span>{t("admin.agency.province")}</span>
              <select
                data-testid="agencies-province"
                value={province}
                onChange={(e) => setProvince(e.target.value)}
              >
                <option value="">{t("admin.agencies.allProvinces")}</option>
                {provinces.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
                <option value="-">{t("admin.agency.central")}</option>
              </select>
            </label>
          </div>
          <h2>{t("admin.agencies.singles", { n: agencies.length })}</h2>
          <AgencyTable rows={agencies} groups={false} onEdit={(a) => setDialog({ agency: a })} />
          <h2>{t("admin.agencies.groups", { n: groups.length })}</h2>
          <AgencyTable rows={groups} groups onEdit={(a) => setDialog({ agency: a })} />
        </>
      )}
      {dialog && (
        <Modal
          title={
            dialog.agency
              ? t("admin.agency.editTitle", { name: dialog.agency.name })
              : t("admin.agencies.new")
          }
          onClose={close}
          testid="agency-dialog"
        >
          <AgencyForm
            agency={dialog.agency}
            agencies={all}
            provinces={provinces}
            onCancel={close}
            onSaved={(a) => {
              setDialog(null);
              setNotice(
                dialog.agency
                  ? t("admin.agency.saved", { name: a.name })
                  : t("admin.agency.created", { name: a.name }),
              );
              setRefresh((n) => n + 1);
            }}
          />
        </Modal>
      )}
    </section>
  );
}
