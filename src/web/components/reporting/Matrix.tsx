import { useState } from "react";
import { api, itemsOf, useJson } from "../../api.ts";
import { periodName, todayVn } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import type { ExpectedReport, Frequency, PeriodRow } from "../../reporting-types.ts";
import { Link } from "../../router.tsx";
import { Modal } from "../Modal.tsx";
import { type CellState, cellState, DueInfo, isOpen, StateBadge } from "../ReportBits.tsx";
import { ExtensionForm } from "../report/ExtensionForm.tsx";
import { ErrorBox, Loading } from "../Status.tsx";

const LEGEND: (CellState | "hidden")[] = [
  "not_started",
  "draft",
  "submitted",
  "accepted",
  "returned",
  "late",
  "hidden",
];

interface Props {
  planId: number;
  periods: PeriodRow[];
  reporters: { id: number; name: string }[];
  coordinator: boolean;
}

/** Agencies × periods, each cell coloured by the state of that agency's report for that period. */
export function Matrix({ planId, periods, reporters, coordinator }: Props) {
  const { t, lang } = useLang();
  const [tick, setTick] = useState(0);
  const [frequency, setFrequency] = useState<Frequency | "">("");
  const [open, setOpen] = useState<ExpectedReport | null>(null);
  const list = useJson<{ items: ExpectedReport[] } | ExpectedReport[]>(
    api.expectedReports({ plan: planId }),
    tick,
  );
  if (list.state === "error") return <ErrorBox error={list.error} />;
  if (!list.data) return <Loading />;
  const items = itemsOf(list.data);
  const today = todayVn();
  const freqs = [...new Set(periods.map((p) => p.frequency))];
  const columns = periods.filter((p) => !frequency || p.frequency === frequency);
  const byCell = new Map(items.map((i) => [`${i.agency.id}:${i.period.id}`, i]));
  const names = new Map<number, string>();
  for (const i of items) names.set(i.agency.id, i.agency.name);
  for (const r of reporters) if (!names.has(r.id)) names.set(r.id, r.name);
  const agencies = [...names].sort((a, b) => a[1].localeCompare(b[1], "vi"));
  const counts = new Map<string, number>();
  for (const i of items) {
    if (columns.some((c) => c.id === i.period.id)) {
      const s = cellState(i, today);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
  }

  return (
    <section data-testid="matrix-section">
      <div className="toolbar">
        <label className="field inline">
          <span>{t("periodFrequency")}</span>
          <select
            data-testid="matrix-frequency"
            value={frequency}
            onChange={(e) => setFrequency(e.target.value as Frequency | "")}
          >
            <option value="">{t("allFrequencies")}</option>
            {freqs.map((f) => (
              <option key={f} value={f}>
                {t(`freqReport.${f}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ul className="legend" data-testid="matrix-legend">
        {LEGEND.map((s) => (
          <li key={s} data-state={s}>
            <span className={`swatch cell-${s}`} aria-hidden="true" />{" "}
            {s === "hidden" ? "·" : <strong data-testid="legend-word">{t(`stateShort.${s}`)}</strong>}:{" "}
            {t(`state.${s}`)}
            {s !== "hidden" && <span className="muted small"> ({counts.get(s) ?? 0})</span>}
          </li>
        ))}
      </ul>
      {columns.length === 0 ? (
        <p className="empty">{t("periodsEmpty")}</p>
      ) : (
        <div className="table-wrap matrix-wrap keep-table">
          <table className="matrix" data-testid="matrix">
            <thead>
              <tr>
                <th className="sticky">{t("colAgency")}</th>
                {columns.map((p) => (
                  <th key={p.id} data-period={p.label}>
                    {periodName(p.label, lang)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {agencies.map(([id, name]) => (
                <tr key={id} data-testid="matrix-row" data-agency={name}>
                  <th className="sticky agency-cell" scope="row">
                    {name}
                  </th>
                  {columns.map((p) => {
                    const item = byCell.get(`${id}:${p.id}`);
                    if (!item)
                      return (
                        <td
                          key={p.id}
                          className="cell cell-hidden"
                          data-testid="matrix-cell"
                          data-state="hidden"
                          data-period={p.label}
                          title={t("state.hidden")}
                        >
                          ·
                        </td>
                      );
                    const s = cellState(item, today);
                    return (
                      <td
                        key={p.id}
                        className={`cell cell-${s}`}
                        data-testid="matrix-cell"
                        data-state={s}
                        data-period={p.label}
                      >
                        <button
                          type="button"
                          className="cell-button"
                          onClick={() => setOpen(item)}
                          title={`${name} · ${periodName(p.label, lang)}`}
                        >
                          {t(`stateShort.${s}`)}
                          {item.extendedDue && <span title={t("extendedShort")}>*</span>}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && (
        <Modal
          title={`${open.agency.name} · ${periodName(open.period.label, lang)}`}
          onClose={() => setOpen(null)}
          testid="cell-dialog"
        >
          <p>
            <StateBadge state={cellState(open, today)} late={open.late} />
          </p>
          <p className="small">
            <DueInfo report={open} />
          </p>
          {open.extensionReason && (
            <p className="small muted">{t("extensionReasonWas", { reason: open.extensionReason })}</p>
          )}
          {open.state !== "not_started" && (
            <p>
              <Link href={`/reports/${open.id}`} data-testid="cell-open-report">
                {t("openReport")} →
              </Link>
            </p>
          )}
          {coordinator && isOpen(open.state) && (
            <>
              <h3>{t("extensionHeading")}</h3>
              <ExtensionForm
                expectedId={open.id}
                due={open.due}
                extendedDue={open.extendedDue}
                onDone={() => {
                  setOpen(null);
                  setTick((n) => n + 1);
                }}
              />
            </>
          )}
        </Modal>
      )}
    </section>
  );
}
