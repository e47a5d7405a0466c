// /admin/reorg: the reorganisations of agencies (REGULATIONS.md §5): the recorded decisions, a
// form for a new draft in one province (one change: merge, rename, split task by task, dissolve),
// the preview of what moves, apply and reverse (the server refuses a reverse once the effective
// date has come).
import { type FormEvent, useState } from "react";
import { type ApiError, api, asApiError, getJson, itemsOf, send, useJson } from "../../api.ts";
import { SplitTasks } from "../../components/admin/SplitTasks.tsx";
import { FormError } from "../../components/FormErrors.tsx";
import { ErrorBox, Loading } from "../../components/Status.tsx";
import { formatDate } from "../../format.ts";
import { useLang, useTitle } from "../../lang.tsx";
import type { AgencySummary, List } from "../../types.ts";

interface Reorg {
  id: number;
  title: string;
  number: string | null;
  signedOn: string | null;
  effectiveOn: string;
  basis: string | null;
  state: "draft" | "applied" | "reversed";
  changes: { kind: string; from: number[]; to: number }[];
}
type Ref = { id: number; name: string };
interface Effects {
  agencies: Ref[];
  assignments: { id: number; code: string; role: string; from: Ref; to: Ref }[];
  expected: { id: number; label: string; from: Ref; to: Ref; action: string }[];
  roles: { id: number; username: string; from: Ref; to: Ref }[];
}

function Preview({ fx }: { fx: Effects }) {
  const { t } = useLang();
  return (
    <div className="card" data-testid="reorg-preview">
      <p data-testid="reorg-preview-summary">
        {t("admin.reorg.moves", {
          agencies: fx.agencies.length,
          assignments: fx.assignments.length,
          expected: fx.expected.filter((e) => e.action !== "keep").length,
          roles: fx.roles.length,
        })}
      </p>
      <ul className="small">
        {fx.assignments.map((a) => (
          <li key={`a${a.id}`}>
            {t("admin.reorg.task", {
              code: a.code,
              role: t(a.role === "lead" ? "taskLeads" : "taskCoordinators"),
              from: a.from.name,
              to: a.to.name,
            })}
          </li>
        ))}
        {fx.expected.map((e) => (
          <li key={`e${e.id}`}>
            {t("admin.reorg.expected", { label: e.label, from: e.from.name, to: e.to.name })}
          </li>
        ))}
        {fx.roles.map((r) => (
          <li key={`r${r.id}`}>
            {t("admin.reorg.role", { username: r.username, from: r.from.name, to: r.to.name })}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ReorganisationsPage() {
  const { t } = useLang();
  useTitle(t("admin.reorg.heading"));
  const [refresh, setRefresh] = useState(0);
  const list = useJson<{ items: Reorg[] }>("/api/reorganisations", refresh);
  const ags = useJson<List<AgencySummary>>(api.agencies());
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ id: number; fx: Effects } | null>(null);
  const all = itemsOf(ags.data);
  const name = (id: number) => all.find((a) => a.id === id)?.name ?? String(id);
  const provinces = [...new Set(all.map((a) => a.province).filter((p): p is string => Boolean(p)))].sort();
  const [province, setProvince] = useState<string>("");
  const [kind, setKind] = useState("merge");
  const [from, setFrom] = useState<number[]>([]);
  const [to, setTo] = useState<number>(0);
  const [effectiveOn, setEffectiveOn] = useState("");
  const [split, setSplit] = useState<Record<number, number>>({});
  // By default the province with the most agencies (the one the office runs); the others by choice.
  const most = provinces
    .map((p) => ({ p, n: all.filter((a) => a.province === p).length }))
    .sort((a, b) => b.n - a.n)[0]?.p;
  const here = province || most || "";
  const agencies = all.filter((a) => a.province === here);
  // A successor must still exist on the effective date (a body that ceased cannot take over).
  const standing = agencies.filter((a) => !a.validTo || !effectiveOn || a.validTo >= effectiveOn);

  const act = async (id: number, what: "preview" | "apply" | "reverse") => {
    setError(null);
    setMessage(null);
    try {
      if (what === "preview") {
        setPreview({ id, fx: await getJson<Effects>(`/api/reorganisations/${id}/preview`) });
      } else {
        await send("POST", `/api/reorganisations/${id}/${what}`);
        setMessage(t(what === "apply" ? "admin.reorg.applied" : "admin.reorg.reversed"));
        setPreview(null);
        setRefresh((n) => n + 1);
      }
    } catch (e) {
      setError(asApiError(e));
    }
  };

  const create = async (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    setError(null);
    const f = new FormData(ev.currentTarget);
    const str = (k: string) => String(f.get(k) ?? "").trim();
    try {
      const target = to || standing[0]?.id || 0;
      const change = {
        kind,
        from,
        to: target,
        ...(kind === "split"
          ? {
              taskSplit: Object.entries(split).map(([taskId, agencyId]) => ({
                taskId: Number(taskId),
                agencyId,
              })),
            }
          : {}),
      };
      const body = {
        province: here,
        title: str("title"),
        number: str("number") || null,
        signedOn: str("signedOn") || null,
        effectiveOn,
        basis: str("basis") || null,
        changes: [change],
      };
      const r = await send<Reorg>("POST", "/api/reorganisations", body);
      setRefresh((n) => n + 1);
      await act(r.id, "preview");
    } catch (e) {
      setError(asApiError(e));
    }
  };

  if (list.state === "error") return <ErrorBox error={list.error} />;
  if (!list.data) return <Loading />;
  const singles = standing.filter((a) => !a.isGroup || a.name.startsWith("UBND"));
  return (
    <section data-testid="reorg-page">
      <h2>{t("admin.reorg.heading")}</h2>
      <p className="muted">{t("admin.reorg.intro")}</p>
      <FormError error={error} shown={[]} />
      {message && (
        <p role="status" data-testid="reorg-message">
          {message}
        </p>
      )}
      {list.data.items.length === 0 && <p>{t("admin.reorg.none")}</p>}
      <div className="table-scroll">
        <table data-testid="reorg-list">
          <thead>
            <tr>
              <th>{t("admin.reorg.title")}</th>
              <th>{t("admin.reorg.number")}</th>
              <th>{t("admin.reorg.effectiveOn")}</th>
              <th>{t("admin.reorg.changes")}</th>
              <th>{t("admin.reorg.state")}</th>
              <th>{t("admin.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((r) => (
              <tr key={r.id} data-testid="reorg-row" data-id={r.id}>
                <td>
                  {r.title}
                  {r.basis && <div className="muted small">{r.basis}</div>}
                </td>
                <td>{r.number ?? <em>{t("admin.reorg.numberUnknown")}</em>}</td>
                <td>{formatDate(r.effectiveOn)}</td>
                <td className="small">
                  {r.changes.map((c) => (
                    <div key={`${c.kind}${c.from.join()}`}>
                      {t(`admin.reorg.kind.${c.kind}` as "admin.reorg.kind.merge")}:{" "}
                      {c.from.map(name).join(" + ")} → {name(c.to)}
                    </div>
                  ))}
                </td>
                <td data-testid="reorg-state">{t(`admin.reorg.state.${r.state}`)}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => act(r.id, "preview")}
                    data-testid="reorg-preview-button"
                  >
                    {t("admin.reorg.preview")}
                  </button>{" "}
                  {r.state !== "applied" ? (
                    <button type="button" onClick={() => act(r.id, "apply")} data-testid="reorg-apply">
                      {t("admin.reorg.apply")}
                    </button>
                  ) : (
                    <button type="button" onClick={() => act(r.id, "reverse")} data-testid="reorg-reverse">
                      {t("admin.reorg.reverse")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview && <Preview fx={preview.fx} />}
      <form className="card" onSubmit={create} data-testid="reorg-form">
        <h3>{t("admin.reorg.create")}</h3>
        {provinces.length > 1 && (
          <label>
            {t("admin.reorg.province")}{" "}
            <select value={here} onChange={(e) => setProvince(e.target.value)} data-testid="reorg-province">
              {provinces.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t("admin.reorg.title")} <input name="title" required />
        </label>
        <label>
          {t("admin.reorg.number")} <input name="number" placeholder={t("admin.reorg.numberUnknown")} />
        </label>
        <label>
          {t("admin.reorg.signedOn")} <input name="signedOn" type="date" />
        </label>
        <label>
          {t("admin.reorg.effectiveOn")}{" "}
          <input
            name="effectiveOn"
            type="date"
            required
            value={effectiveOn}
            onChange={(e) => setEffectiveOn(e.target.value)}
            data-testid="reorg-effective"
          />
        </label>
        <label>
          {t("admin.reorg.basis")} <textarea name="basis" rows={2} />
        </label>
        <label>
          {t("admin.reorg.changes")}{" "}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)} data-testid="reorg-kind">
            {(["merge", "rename", "split", "dissolve"] as const).map((k) => (
              <option key={k} value={k}>
                {t(`admin.reorg.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("admin.reorg.from.label")}{" "}
          <select
            name="from"
            multiple={kind === "merge"}
            size={kind === "merge" ? 6 : undefined}
            required
            value={kind === "merge" ? from.map(String) : String(from[0] ?? "")}
            onChange={(e) =>
              setFrom([...e.target.selectedOptions].map((o) => Number(o.value)).filter(Boolean))
            }
            data-testid="reorg-from"
          >
            {kind !== "merge" && <option value="">—</option>}
            {singles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("admin.reorg.to.label")}{" "}
          <select
            name="to"
            required
            value={String(to || standing[0]?.id || "")}
            onChange={(e) => setTo(Number(e.target.value))}
            data-testid="reorg-to"
          >
            {standing.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        {kind === "split" && (
          <SplitTasks
            from={from[0] ?? 0}
            to={to || standing[0]?.id || 0}
            effectiveOn={effectiveOn}
            agencies={standing.filter((a) => !from.includes(a.id))}
            value={split}
            onChange={setSplit}
          />
        )}
        <button type="submit" data-testid="reorg-create">
          {t("admin.reorg.create")}
        </button>
      </form>
    </section>
  );
}
