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
  /** Any other state (a new hand-off step such as "awaiting the leader") counts as not received. */
  state: ExpectedReportState | (string & {});
}

export interface Rate {
  /** Reports owed: due on or before as-of, plus reports received by as-of before they were due. */
  expected: number;
  /** Of those, sent by as-of and now submitted or accepted. */
  received: number;
  /** Of those, sent on or before their (extended) deadline. */
  onTime: number;
  /** received / expected, 0–1; null when nothing was expected (no rate, not 0 %). */
  receivedRate: number | null;
  /** onTime / expected, 0–1; null when nothing was expected. */
  onTimeRate: number | null;
  /** Of the received, those whose period was not yet due on as-of (sent early, counted from their sending). */
  early: number;
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
  early: number;
}

const rate = (c: Counts): Rate => ({
  expected: c.expected,
  received: c.received,
  onTime: c.onTime,
  early: c.early,
  receivedRate: c.expected === 0 ? null : c.received / c.expected,
  onTimeRate: c.expected === 0 ? null : c.onTime / c.expected,
});

/** Received means sent and not sent back: submitted or accepted (any other state — a draft, a report awaiting the leader, a returned one — is not). */
export function isReceivedState(state: string): boolean {
  return state === "submitted" || state === "accepted";
}

/**
 * Counts, per agency and overall, as of `asOf` (ISO date):
 *  - received: its state is submitted or accepted — drafts, reports awaiting the leader or
 *    approved but unsent, and returned reports are not received (a returned report must be sent
 *    again, as DHIS2 un-completes a data set) — and, when `submittedAt` is known, it was sent on
 *    or before as-of. A received report counts FROM ITS SENDING, also before its due date;
 *  - expected: the report's regime deadline `due` is on or before as-of, or it was received by
 *    as-of (a report sent early is owed and delivered at once). An extension does not take a
 *    report out of the count: it was owed, and the extension only decides "on time";
 *  - on time: received, and sent on or before `extendedDue ?? due` — judged once the report is
 *    due or received. A received report without `submittedAt` cannot be shown to be on time.
 * Hence onTime ≤ received ≤ expected always. A report neither due nor received by as-of is left
 * out: it is not yet owed. With `wholePeriod`, every row counts as expected (a period's own
 * figures: all its reports are owed by its due date), received and on time as above.
 */
export function reportingRates(
  expected: readonly ExpectedReportRow[],
  asOf: string,
  options: { wholePeriod?: boolean } = {},
): ReportingRates {
  const zero = (): Counts => ({ expected: 0, received: 0, onTime: 0, early: 0 });
  const overall = zero();
  const perAgency = new Map<number, Counts>();
  for (const row of expected) {
    const agency = perAgency.get(row.agencyId) ?? zero();
    perAgency.set(row.agencyId, agency);
    const sentOn = row.submittedAt ? vnDay(row.submittedAt) : null;
    const received = isReceivedState(row.state) && (sentOn === null || sentOn <= asOf);
    const isDue = row.due <= asOf;
    if (!isDue && !received && !options.wholePeriod) continue;
    const onTime = received && sentOn !== null && sentOn <= (row.extendedDue ?? row.due);
    for (const c of [overall, agency]) {
      c.expected += 1;
      if (received) c.received += 1;
      if (onTime) c.onTime += 1;
      if (received && !isDue) c.early += 1;
    }
  }
  return {
    overall: rate(overall),
    byAgency: [...perAgency].sort(([a], [b]) => a - b).map(([agencyId, c]) => ({ agencyId, ...rate(c) })),
  };
}
