import "../documents.css";
import { type FormEvent, useState } from "react";
import { FREQUENCIES, periodLabel } from "../../domain/periods.ts";
import { type ApiError, asApiError, send, useJson } from "../api.ts";
import { type DocumentDetail, DocumentEditor } from "../components/documents/DocumentEditor.tsx";
import { PeriodPickFields, pickOf, yearOk } from "../components/PeriodPick.tsx";
import { PlanHeading } from "../components/reporting/PlanHeading.tsx";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { formatDate, periodName } from "../format.ts";
import type { MessageKey } from "../i18n.ts";
import { useLang } from "../lang.tsx";
import type { Frequency, SessionUser } from "../reporting-types.ts";
import { isCoordinator } from "../roles.ts";
import { Link, navigate, useLocation } from "../router.tsx";

const KINDS = ["periodic", "annex", "urging", "review"] as const;
type Kind = (typeof KINDS)[number];

interface Summary {
  id: number;
  kind: Kind;
  period: string | null;
  state: "draft" | "final";
  number: string | null;
  date: string | null;
  title: string;
}

/** "Tạo dự thảo": the kind, then the period picked as on "Mở kỳ báo cáo" (never a typed code). */
function CreateForm({ planId, onCreated }: { planId: number; onCreated: (id: number) => void }) {
  const { t, lang } = useLang();
  const [kind, setKind] = useState<Kind>("periodic");
  const [frequency, setFrequency] = useState<Frequency>("quarterly");
  const [pick, setPick] = useState(() => pickOf("quarterly"));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const code = kind === "review" ? null : yearOk(pick) ? periodLabel(frequency, pick.year, pick.index) : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const made = await send<DocumentDetail>("POST", `/api/plans/${planId}/documents`, {
        kind,
        period: code,
      });
      onCreated(made.id);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card form" onSubmit={submit} data-testid="doc-create-form">
      <h2 className="small-heading">{t("doc.createHeading")}</h2>
      <div className="form-row">
        <label className="field">
          <span>{t("doc.kind")}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="doc-kind">
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`doc.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {kind !== "review" && (
          <>
            <label className="field">
              <span>{t("doc.periodKind")}</span>
              <select
                value={frequency}
                data-testid="doc-frequency"
                onChange={(e) => {
                  const f = e.target.value as Frequency;
                  setFrequency(f);
                  setPick(pickOf(f));
                }}
              >
                {FREQUENCIES.map((f) => (
                  <option key={f} value={f}>
                    {t(`freqReport.${f}`)}
                  </option>
                ))}
              </select>
            </label>
            <PeriodPickFields frequency={frequency} pick={pick} onPick={setPick} testPrefix="doc-period" />
          </>
        )}
      </div>
      <p className="period-preview" aria-live="polite" data-testid="doc-period-name">
        <strong>
          {code ? periodName(code, lang) : kind === "review" ? t("doc.reviewPeriod") : t("pickYearInvalid")}
        </strong>
      </p>
      {error && <ErrorBox error={error} />}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={busy || (kind !== "review" && !code)}
          data-testid="doc-create"
        >
          {busy ? t("doc.creating") : t("doc.create")}
        </button>
      </div>
    </form>
  );
}

function DocumentList(props: {
  planId: number;
  items: Summary[];
  current: number | null;
  coordinator: boolean;
}) {
  const { planId, items, current, coordinator } = props;
  const { t, lang } = useLang();
  if (items.length === 0) return <p className="muted">{t(coordinator ? "doc.none" : "doc.noneFinal")}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="doc-list">
        <thead>
          <tr>
            <th scope="col">{t("doc.colDocument")}</th>
            <th scope="col">{t("doc.colNumber")}</th>
            <th scope="col">{t("doc.colDate")}</th>
            <th scope="col">{t("doc.colState")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr
              key={d.id}
              data-testid="doc-row"
              data-state={d.state}
              aria-current={d.id === current ? "true" : undefined}
            >
              <td>
                <Link href={`/plans/${planId}/documents?doc=${d.id}`} data-testid="doc-open">
                  {t(`doc.kind.${d.kind}` as MessageKey)}
                  {d.period ? ` ${periodName(d.period, lang)}` : ""}
                </Link>
              </td>
              <td data-label={t("doc.colNumber")}>{d.number ?? "—"}</td>
              <td data-label={t("doc.colDate")}>{d.date ? formatDate(d.date) : "—"}</td>
              <td data-label={t("doc.colState")}>
                <span className={`doc-state doc-state-${d.state}`}>
                  {t(`doc.state.${d.state}` as MessageKey)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * /plans/:id/documents (issue 10 §1): the coordinator makes a draft of a report, annex, letter or
 * review from the plan's data, edits its prose, issues it; everyone with a role in the plan reads
 * the issued ones (the server decides: drafts are never sent to them).
 */
export function DocumentsPage({ planId, user }: { planId: number; user: SessionUser }) {
  const { t } = useLang();
  const { search } = useLocation();
  const [tick, setTick] = useState(0);
  const coordinator = isCoordinator(user, planId);
  const list = useJson<{ items: Summary[]; canWrite: boolean }>(`/api/plans/${planId}/documents`, tick);
  const picked = Number(search.get("doc"));
  const current = Number.isInteger(picked) && picked > 0 ? picked : null;
  const canWrite = list.data?.canWrite ?? false;
  return (
    <div className="documents-page">
      <PlanHeading planId={planId} title="doc.title" coordinator={coordinator} />
      <p className="muted">{t(coordinator ? "doc.intro" : "doc.viewerIntro")}</p>
      {canWrite && (
        <CreateForm
          planId={planId}
          onCreated={(id) => {
            setTick((n) => n + 1);
            navigate(`/plans/${planId}/documents?doc=${id}`);
          }}
        />
      )}
      <section aria-labelledby="doc-list-heading">
        <h2 id="doc-list-heading">{t("doc.listHeading")}</h2>
        {list.state === "error" && <ErrorBox error={list.error} />}
        {list.data ? (
          <DocumentList planId={planId} items={list.data.items} current={current} coordinator={canWrite} />
        ) : (
          list.state === "loading" && <Loading />
        )}
      </section>
      {current !== null && (
        <DocumentEditor
          key={current}
          id={current}
          canWrite={canWrite}
          onChanged={() => setTick((n) => n + 1)}
        />
      )}
    </div>
  );
}
