import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonths,
  behindRank,
  MILESTONE_KINDS,
  type MilestoneFacts,
  PROJECT_STATUS_LABELS,
  projectStatusAsOf,
} from "./project-status.ts";

const BASE = Date.parse("2018-01-01T00:00:00Z");
const day = (n: number) => new Date(BASE + n * 86_400_000).toISOString().slice(0, 10);
const dateArb = fc.integer({ min: 0, max: 365 * 12 }).map(day);
const milestoneArb: fc.Arbitrary<MilestoneFacts> = fc.record({
  kind: fc.constantFrom(...MILESTONE_KINDS),
  planned: fc.option(dateArb, { nil: null }),
  actual: fc.option(dateArb, { nil: null }),
});
/** One row per kind, as the store keeps them. */
const milestonesArb = fc
  .uniqueArray(milestoneArb, { selector: (m) => m.kind, maxLength: 5 })
  .map((ms) => ms as MilestoneFacts[]);
const revokedArb = fc.option(dateArb, { nil: null });

const m = (kind: string, planned: string | null, actual: string | null = null): MilestoneFacts => ({
  kind,
  planned,
  actual,
});

describe("projectStatusAsOf — examples", () => {
  it("no planned date → no_schedule; planned in the future → on_schedule", () => {
    expect(projectStatusAsOf({ revokedOn: null }, [], "2024-01-01").status).toBe("no_schedule");
    expect(projectStatusAsOf({ revokedOn: null }, [m("construction", null)], "2024-01-01").status).toBe(
      "no_schedule",
    );
    expect(
      projectStatusAsOf({ revokedOn: null }, [m("construction", "2024-06-30")], "2024-01-01").status,
    ).toBe("on_schedule");
  });

  it("late from the day after the planned date, with the days late", () => {
    const ms = [m("land_handover", "2024-03-31")];
    expect(projectStatusAsOf({ revokedOn: null }, ms, "2024-03-31").status).toBe("on_schedule");
    const r = projectStatusAsOf({ revokedOn: null }, ms, "2024-04-10");
    expect(r.status).toBe("behind_schedule");
    expect(r.late).toEqual([{ kind: "land_handover", planned: "2024-03-31", daysLate: 10 }]);
    expect(r.label.vi).toBe("Chậm tiến độ");
  });

  it("more than 12 months late → stalled; exactly 12 months is still behind", () => {
    const ms = [m("construction", "2023-02-28")];
    expect(projectStatusAsOf({ revokedOn: null }, ms, "2024-02-28").status).toBe("behind_schedule");
    expect(projectStatusAsOf({ revokedOn: null }, ms, "2024-02-29").status).toBe("stalled");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2024-11-30", 3)).toBe("2025-02-28");
  });

  it("an actual date after the planned one is done late; an actual date after the day is not yet known", () => {
    const ms = [m("investment_approval", "2022-01-31", "2022-03-02"), m("operation", "2026-12-31")];
    const r = projectStatusAsOf({ revokedOn: null }, ms, "2023-01-01");
    expect(r.status).toBe("on_schedule");
    expect(r.milestones[0]).toMatchObject({ state: "done_late", daysLate: 30 });
    const before = projectStatusAsOf({ revokedOn: null }, ms, "2022-02-15");
    expect(before.status).toBe("behind_schedule");
    expect(before.milestones[0]).toMatchObject({ state: "late", actual: null, daysLate: 15 });
  });

  it("operation done → operating; a revocation on or before the day wins over everything", () => {
    const ms = [m("construction", "2020-01-01"), m("operation", "2022-01-01", "2022-06-01")];
    expect(projectStatusAsOf({ revokedOn: null }, ms, "2022-06-01").status).toBe("operating");
    expect(projectStatusAsOf({ revokedOn: "2023-01-05" }, ms, "2023-01-04").status).toBe("operating");
    expect(projectStatusAsOf({ revokedOn: "2023-01-05" }, ms, "2023-01-05").status).toBe("revoked");
  });

  it("lists late milestones most late first and milestones in procedure order", () => {
    const ms = [m("construction", "2024-01-01"), m("investment_approval", "2023-01-01")];
    const r = projectStatusAsOf({ revokedOn: null }, ms, "2023-06-01");
    expect(r.milestones.map((x) => x.kind)).toEqual(["investment_approval", "construction"]);
    const r2 = projectStatusAsOf({ revokedOn: null }, ms, "2024-06-01");
    expect(r2.late.map((x) => x.kind)).toEqual(["investment_approval", "construction"]);
    expect(r2.maxDaysLate).toBe(r2.late[0]?.daysLate);
    expect(r2.status).toBe("stalled");
  });

  it("every status has a Vietnamese label with diacritics", () => {
    expect(PROJECT_STATUS_LABELS.revoked.vi).toBe("Đã thu hồi/chấm dứt");
    expect(PROJECT_STATUS_LABELS.stalled.vi).toBe("Đình trệ");
  });
});

describe("projectStatusAsOf — properties", () => {
  it("days late are never negative; late milestones have passed their planned date", () => {
    fc.assert(
      fc.property(revokedArb, milestonesArb, dateArb, (rev, ms, asOf) => {
        const r = projectStatusAsOf({ revokedOn: rev }, ms, asOf);
        for (const v of r.milestones) expect(v.daysLate).toBeGreaterThanOrEqual(0);
        for (const l of r.late) {
          expect(l.daysLate).toBeGreaterThan(0);
          expect(l.planned < asOf).toBe(true);
        }
        expect(r.maxDaysLate).toBe(Math.max(0, ...r.late.map((l) => l.daysLate)));
      }),
    );
  });

  it("once revoked, stays revoked", () => {
    fc.assert(
      fc.property(dateArb, milestonesArb, dateArb, fc.nat(4000), (rev, ms, asOf, more) => {
        fc.pre(projectStatusAsOf({ revokedOn: rev }, ms, asOf).status === "revoked");
        const later = day(Math.round((Date.parse(asOf) - BASE) / 86_400_000) + more);
        expect(projectStatusAsOf({ revokedOn: rev }, ms, later).status).toBe("revoked");
      }),
    );
  });

  it("entering an actual date never makes a project more behind", () => {
    fc.assert(
      fc.property(milestonesArb, fc.nat(4), dateArb, dateArb, (ms, i, actual, asOf) => {
        fc.pre(ms.length > 0);
        const k = i % ms.length;
        const before = projectStatusAsOf({ revokedOn: null }, ms, asOf);
        const withActual = ms.map((x, j) => (j === k && x.actual === null ? { ...x, actual } : x));
        const after = projectStatusAsOf({ revokedOn: null }, withActual, asOf);
        expect(behindRank(after.status)).toBeLessThanOrEqual(behindRank(before.status));
        expect(after.maxDaysLate).toBeLessThanOrEqual(before.maxDaysLate);
        expect(after.late.length).toBeLessThanOrEqual(before.late.length);
      }),
    );
  });

  it("with nothing done, a project only falls further behind as time passes", () => {
    const undone = milestonesArb.map((ms) => ms.map((x) => ({ ...x, actual: null })));
    fc.assert(
      fc.property(undone, dateArb, fc.nat(2000), (ms, asOf, more) => {
        const later = day(Math.round((Date.parse(asOf) - BASE) / 86_400_000) + more);
        const a = projectStatusAsOf({ revokedOn: null }, ms, asOf);
        const b = projectStatusAsOf({ revokedOn: null }, ms, later);
        expect(behindRank(b.status)).toBeGreaterThanOrEqual(behindRank(a.status));
        expect(b.maxDaysLate).toBeGreaterThanOrEqual(a.maxDaysLate);
      }),
    );
  });

  it("stalled exactly when some milestone is late by more than 12 months", () => {
    fc.assert(
      fc.property(milestonesArb, dateArb, (ms, asOf) => {
        const r = projectStatusAsOf({ revokedOn: null }, ms, asOf);
        fc.pre(r.status !== "operating");
        const overAYear = r.late.some((l) => addMonths(l.planned, 12) < asOf);
        expect(r.status === "stalled").toBe(overAYear);
        if (r.status === "stalled") expect(r.maxDaysLate).toBeGreaterThan(365);
      }),
    );
  });
});
