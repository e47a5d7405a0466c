/**
 * Reporting completeness, the way DHIS2 counts it (reporting rate and reporting rate on time):
 * of the reports that were owed by a date, how many arrived, and how many arrived by their
 * deadline. A coordinating department (GLOSSARY.md: Sở Công Thương "aggregates all reports,
 * monitors, urges") needs exactly this to know whom to urge, and the deadline it judges by is
 * the regime's (Decree 09/2019 Art. 8.5) or the extension it granted.
 */
import { vnDay } from "./working-days.ts";

/** An expected report's state (docs/reporting-api.md; "approved" = approved by the leader, not yet sent). */
export type ExpectedReportState =
  | "not_started"
  | "draft"
  | "awaiting_leader"
  | "approved"
  | "submitted"
  | "accepted"
  | "returned";

export interface ExpectedReportRow {
  agencyId: number;
  periodLabel: string;
  /** The regime's deadline (ISO date). */
  due: string;
  /** A deadline moved by the coordinator (ISO date), if any. */
  extendedDue?: string | null;
  /** When the report was sent (ISO date or date-time, or a Date); Vietnamese calendar day counts. */
  submittedAt?: string | Date | null;
  state: ExpectedReportState;
}

export interface Rate {
  /** Reports owed: due on or before as-of. */
  expected: number;
  /** Of those, sent by as-of and now submitted or accepted. */
  received: number;
  /** Of those, sent on or before their (extended) deadline. */
  onTime: number;
  /** received / expected, 0–1; null when nothing was expected (no rate, not 0 %). */
  receivedRate: number | null;
  /** onTime / expected, 0–1; null when nothing was expected. */
  onTimeRate: number | null;
}

export interface ReportingRates {
  overall: Rate;
  /** One row per agency that appears in the input, by agency id. */
  byAgency: (Rate & { agencyId: number })[];
}

interface Counts {
  expected: number;
  received: number;
  onTime: number;
}

const rate = (c: Counts): Rate => ({
  ...c,
  receivedRate: c.expected === 0 ? null : c.received / c.expected,
  onTimeRate: c.expected === 0 ? null : c.onTime / c.expected,
});

/**
 * Counts, per agency and overall, as of `asOf` (ISO date):
 *  - expected: the report's regime deadline `due` is on or before as-of. An extension does not
 *    take a report out of the count: it was owed, and the extension only decides "on time";
 *  - received: its state is submitted or accepted — drafts, approved-but-unsent and returned
 *    reports are not received (a returned report must be sent again, as DHIS2 un-completes a
 *    data set) — and, when `submittedAt` is known, it was sent on or before as-of;
 *  - on time: received, and sent on or before `extendedDue ?? due`. A received report without
 *    `submittedAt` cannot be shown to be on time, so it is not.
 * Hence onTime ≤ received ≤ expected always. Reports not yet due are left out entirely: a
 * report sent early counts once its deadline has come.
 */
export function reportingRates(expected: readonly ExpectedReportRow[], asOf: string): ReportingRates {
  const overall: Counts = { expected: 0, received: 0, onTime: 0 };
  const perAgency = new Map<number, Counts>();
  for (const row of expected) {
    const agency = perAgency.get(row.agencyId) ?? { expected: 0, received: 0, onTime: 0 };
    perAgency.set(row.agencyId, agency);
    if (row.due > asOf) continue;
    const sentOn = row.submittedAt ? vnDay(row.submittedAt) : null;
    const received =
      (row.state === "submitted" || row.state === "accepted") && (sentOn === null || sentOn <= asOf);
    const onTime = received && sentOn !== null && sentOn <= (row.extendedDue ?? row.due);
    for (const c of [overall, agency]) {
      c.expected += 1;
      if (received) c.received += 1;
      if (onTime) c.onTime += 1;
    }
  }
  return {
    overall: rate(overall),
    byAgency: [...perAgency].sort(([a], [b]) => a - b).map(([agencyId, c]) => ({ agencyId, ...rate(c) })),
  };
}
