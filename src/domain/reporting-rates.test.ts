import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ExpectedReportRow, type ExpectedReportState, reportingRates } from "./reporting-rates.ts";

const row = (
  agencyId: number,
  state: ExpectedReportRow["state"],
  submittedAt: string | null,
  more: Partial<ExpectedReportRow> = {},
): ExpectedReportRow => ({
  agencyId,
  periodLabel: "2026-Q1",
  due: "2026-03-17",
  submittedAt,
  state,
  ...more,
});

describe("reportingRates (DHIS2 completeness)", () => {
  const rows = [
    row(1, "accepted", "2026-03-16"),
    row(1, "submitted", "2026-03-20"), // late
    row(1, "draft", null),
    row(2, "returned", "2026-03-10"), // sent back: must be sent again
    row(2, "accepted", "2026-03-19", { extendedDue: "2026-03-20" }), // late, but within the extension
    row(2, "not_started", null, { due: "2026-04-16", periodLabel: "2026-03" }), // not due yet
  ];

  it("counts what was owed, what arrived and what arrived in time, per agency and overall", () => {
    const r = reportingRates(rows, "2026-03-31");
    expect(r.overall).toEqual({
      expected: 5,
      received: 3,
      onTime: 2,
      early: 0,
      receivedRate: 0.6,
      onTimeRate: 0.4,
    });
    expect(r.byAgency).toEqual([
      { agencyId: 1, expected: 3, received: 2, onTime: 1, early: 0, receivedRate: 2 / 3, onTimeRate: 1 / 3 },
      { agencyId: 2, expected: 2, received: 1, onTime: 1, early: 0, receivedRate: 0.5, onTimeRate: 0.5 },
    ]);
  });

  it("looks only at what was known on the as-of date", () => {
    const r = reportingRates(rows, "2026-03-18");
    // Owed: 5; by the 18th only agency 1's first report had arrived.
    expect(r.overall).toMatchObject({ expected: 5, received: 1, onTime: 1 });
    // On the 16th nothing is due yet, but agency 1's report arrived that day: it counts at once.
    expect(reportingRates(rows, "2026-03-16").overall).toEqual({
      expected: 1,
      received: 1,
      onTime: 1,
      early: 1,
      receivedRate: 1,
      onTimeRate: 1,
    });
    expect(reportingRates(rows, "2026-03-15").overall).toEqual({
      expected: 0,
      received: 0,
      onTime: 0,
      early: 0,
      receivedRate: null,
      onTimeRate: null,
    });
  });

  it("counts a report sent before its due date as received from its sending (walkthrough E)", () => {
    // The Q4/2026 report accepted on 05/12, due 16/12: on 07/12 it is received and on time.
    const q4 = row(3, "accepted", "2026-12-05T04:20:00Z", { due: "2026-12-16", periodLabel: "2026-Q4" });
    const others = [3, 4, 5].map((a) =>
      row(a, "not_started", null, { due: "2026-12-16", periodLabel: "2026-Q4" }),
    );
    const r = reportingRates([q4, ...others.slice(1)], "2026-12-07");
    expect(r.overall).toMatchObject({ expected: 1, received: 1, onTime: 1, early: 1 });
    expect(r.byAgency.find((a) => a.agencyId === 3)).toMatchObject({ received: 1, receivedRate: 1 });
    // Not yet owed: agencies 4 and 5 are listed with nothing expected (no rate, not 0 %).
    expect(r.byAgency.find((a) => a.agencyId === 4)).toMatchObject({ expected: 0, receivedRate: null });
    // A report awaiting the leader, approved or returned is not received.
    for (const state of ["draft", "approved", "returned", "awaiting_leader"] as const) {
      const x = reportingRates([row(1, state, "2026-03-10")], "2026-03-31");
      expect(x.overall).toMatchObject({ expected: 1, received: 0 });
    }
  });

  it("counts a whole period's reports as owed with wholePeriod (the periods table)", () => {
    const q4 = [
      row(1, "accepted", "2026-12-05", { due: "2026-12-16" }),
      row(2, "not_started", null, { due: "2026-12-16" }),
    ];
    expect(reportingRates(q4, "2026-12-07", { wholePeriod: true }).overall).toMatchObject({
      expected: 2,
      received: 1,
      onTime: 1,
    });
  });

  it("reads submission instants as Vietnamese calendar days", () => {
    // 17:30 UTC on 17/03 is 00:30 on 18/03 in Vietnam: one day late.
    const r = reportingRates(
      [row(1, "submitted", null, { submittedAt: "2026-03-17T17:30:00Z" })],
      "2026-03-31",
    );
    expect(r.overall).toMatchObject({ received: 1, onTime: 0 });
  });

  it("keeps on time ≤ received ≤ expected (property)", () => {
    const day = fc
      .date({ min: new Date("2026-01-01"), max: new Date("2026-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const anyRow = fc.record({
      agencyId: fc.integer({ min: 1, max: 4 }),
      periodLabel: fc.constant("2026-01"),
      due: day,
      extendedDue: fc.option(day, { nil: null }),
      submittedAt: fc.option(day, { nil: null }),
      state: fc.constantFrom<ExpectedReportState>(
        "not_started",
        "draft",
        "approved",
        "submitted",
        "accepted",
        "returned",
      ),
    });
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 20 }), day, (input, asOf) => {
        const r = reportingRates(input, asOf);
        for (const rate of [r.overall, ...r.byAgency]) {
          expect(rate.onTime).toBeLessThanOrEqual(rate.received);
          expect(rate.received).toBeLessThanOrEqual(rate.expected);
          if (rate.expected > 0) expect(rate.receivedRate).toBe(rate.received / rate.expected);
          else expect(rate.receivedRate).toBeNull();
        }
        expect(r.byAgency.reduce((n, a) => n + a.expected, 0)).toBe(r.overall.expected);
      }),
    );
  });
});
