// The working behind a target computed from the zone registry (targets 4, 5, 6): which founding
// or expansion decisions were counted and which were not, with the reason; for occupancy, both
// averages (simple mean and area-weighted, REGULATIONS.md §4) and the zones left out. Leaders
// asked to "show the working": a count is only believable with its list.
import { formatDate } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import type { Bi } from "./types.ts";

interface CountedEvent {
  zone: string;
  decision?: string | null;
  date?: string | null;
  year?: number | null;
}

export interface DerivedOut {
  type: string;
  count?: number;
  rule: Bi;
  counted?: CountedEvent[];
  ignored?: { event: CountedEvent; reason: Bi }[];
  named?: { done: { named: { zone: string } }[]; notDone: { named: { zone: string } }[] };
  occupancy?: {
    simpleMean: { label: Bi };
    weighted: { label: Bi };
    excluded: { zone: string; reason: Bi }[];
  };
}

function EventText({ e }: { e: CountedEvent }) {
  const { t } = useLang();
  const when = e.date ? formatDate(e.date) : e.year ? t("tg.w.yearOnly", { year: e.year }) : t("tg.w.noDate");
  return (
    <>
      <strong>{e.zone}</strong> — {e.decision ?? t("tg.w.noDecision")} ({when})
    </>
  );
}

/** The counted / not counted lists, or the two occupancy averages; nothing for other measures. */
export function DerivedWorking({ d }: { d: DerivedOut | null }) {
  const { lang, t } = useLang();
  if (!d) return null;
  if (d.type === "zone_count")
    return (
      <details className="tg-working small" data-testid="zone-working">
        <summary>{t("tg.w.summary", { n: d.count ?? 0 })}</summary>
        <p>{d.rule[lang]}</p>
        <h3 className="tg-w-heading">{t("tg.w.counted")}</h3>
        {d.counted?.length ? (
          <ul data-testid="zone-counted">
            {d.counted.map((e) => (
              <li key={`${e.zone}|${e.decision}|${e.date ?? e.year}`}>
                <EventText e={e} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("tg.w.none")}</p>
        )}
        {d.ignored && d.ignored.length > 0 && (
          <>
            <h3 className="tg-w-heading">{t("tg.w.ignored")}</h3>
            <ul data-testid="zone-ignored">
              {d.ignored.map((x) => (
                <li
                  key={`${x.event.zone}|${x.event.decision}|${x.event.date ?? x.event.year}|${x.reason.en}`}
                >
                  <EventText e={x.event} />: <span className="muted">{x.reason[lang]}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </details>
    );
  if (d.type === "zone_occupancy" && d.occupancy)
    return (
      <details className="tg-working small" data-testid="occupancy-working">
        <summary>{t("tg.w.occupancy")}</summary>
        <ul>
          <li>{d.occupancy.simpleMean.label[lang]}</li>
          <li>{d.occupancy.weighted.label[lang]}</li>
        </ul>
        {d.occupancy.excluded.length > 0 && (
          <>
            <h3 className="tg-w-heading">{t("tg.w.excluded", { n: d.occupancy.excluded.length })}</h3>
            <ul>
              {d.occupancy.excluded.map((x) => (
                <li key={x.zone}>
                  <strong>{x.zone}</strong>: <span className="muted">{x.reason[lang]}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </details>
    );
  return null;
}
