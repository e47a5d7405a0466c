import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { holidaySet, loadDefaultHolidays } from "./holidays.ts";
import { dueReminders, type ExpectedForReminder, reminderKey, UNSUBMITTED_STATES } from "./reminders.ts";
import { addDays, isWorkingDay, workingDaysBetween } from "./working-days.ts";

const HOLIDAYS = holidaySet(loadDefaultHolidays());
const REGIME = { remindBefore: [2, 1], remindAfter: [1, 3] };
const STATES = ["not_started", "draft", "approved", "submitted", "accepted", "returned"];

const expected = (over: Partial<ExpectedForReminder> = {}): ExpectedForReminder => ({
  id: 7,
  agencyId: 3,
  due: "2022-03-16",
  extendedDue: null,
  state: "not_started",
  ...over,
});

/** Every day from `from` to `to`, with the reminders due on it. */
function overDays(
  from: string,
  to: string,
  list: ExpectedForReminder[],
  regime = REGIME,
  holidays = HOLIDAYS,
) {
  const out: { day: string; keys: string[] }[] = [];
  for (let d = from; d <= to; d = addDays(d, 1))
    out.push({ day: d, keys: dueReminders(list, regime, d, holidays).map((r) => r.key) });
  return out.filter((x) => x.keys.length > 0);
}

describe("dueReminders: examples", () => {
  it("reminds 2 and 1 working days before a Wednesday due date, then 1 and 3 working days after it", () => {
    // Q1 2022: window ends Monday 14/03, due 2 working days later, Wednesday 16/03.
    const days = overDays("2022-03-01", "2022-04-15", [expected()]);
    expect(days).toEqual([
      { day: "2022-03-14", keys: ["er:7:before:2:2022-03-16"] },
      { day: "2022-03-15", keys: ["er:7:before:1:2022-03-16"] },
      { day: "2022-03-17", keys: ["er:7:after:1:2022-03-16"] },
      // Saturday 19 and Sunday 20 are not working days: the 3rd is Monday 21.
      { day: "2022-03-21", keys: ["er:7:after:3:2022-03-16"] },
    ]);
  });

  it("skips the Tết break: due Tuesday 24/02/2026, 2 working days before is Friday 13/02/2026", () => {
    const days = overDays("2026-02-01", "2026-03-10", [expected({ due: "2026-02-24" })]);
    expect(days.map((d) => d.day)).toEqual(["2026-02-13", "2026-02-23", "2026-02-25", "2026-02-27"]);
  });

  it("sends nothing on a weekend or a holiday, nor for a submitted or accepted report", () => {
    expect(
      dueReminders(
        [expected({ due: "2022-03-21" })],
        { remindBefore: [1], remindAfter: [] },
        "2022-03-19",
        HOLIDAYS,
      ),
    ).toEqual([]);
    expect(
      dueReminders(
        [expected({ due: "2026-02-23" })],
        { remindBefore: [1], remindAfter: [] },
        "2026-02-17",
        HOLIDAYS,
      ),
    ).toEqual([]);
    expect(
      dueReminders(
        [expected({ state: "submitted" }), expected({ id: 8, state: "accepted" })],
        REGIME,
        "2022-03-15",
        HOLIDAYS,
      ),
    ).toEqual([]);
    expect(
      dueReminders(
        [expected({ state: "returned" }), expected({ id: 8, state: "draft" })],
        REGIME,
        "2022-03-15",
        HOLIDAYS,
      ),
    ).toHaveLength(2);
  });

  it("follows an extension: the new due date gives new keys", () => {
    const extended = expected({ extendedDue: "2022-03-23" });
    const days = overDays("2022-03-01", "2022-04-15", [extended]);
    expect(days).toEqual([
      { day: "2022-03-21", keys: ["er:7:before:2:2022-03-23"] },
      { day: "2022-03-22", keys: ["er:7:before:1:2022-03-23"] },
      { day: "2022-03-24", keys: ["er:7:after:1:2022-03-23"] },
      { day: "2022-03-28", keys: ["er:7:after:3:2022-03-23"] },
    ]);
  });

  it("reminds on the due day itself for offset 0, on the last working day when the due date is a day off", () => {
    expect(
      dueReminders([expected()], { remindBefore: [0], remindAfter: [] }, "2022-03-16", HOLIDAYS).map(
        (r) => r.key,
      ),
    ).toEqual(["er:7:before:0:2022-03-16"]);
    // An extension to Saturday 26/03/2022: the last working day is Friday 25/03.
    const days = overDays("2022-03-20", "2022-04-05", [expected({ extendedDue: "2022-03-26" })], {
      remindBefore: [0],
      remindAfter: [1],
    });
    expect(days).toEqual([
      { day: "2022-03-25", keys: ["er:7:before:0:2022-03-26"] },
      { day: "2022-03-28", keys: ["er:7:after:1:2022-03-26"] },
    ]);
  });

  it("ignores duplicate, negative and fractional offsets, and an after-offset of 0", () => {
    const r = dueReminders(
      [expected()],
      { remindBefore: [1, 1, -1, 1.5], remindAfter: [0] },
      "2022-03-15",
      HOLIDAYS,
    );
    expect(r.map((x) => x.key)).toEqual(["er:7:before:1:2022-03-16"]);
    expect(
      dueReminders([expected()], { remindBefore: [], remindAfter: [0] }, "2022-03-16", HOLIDAYS),
    ).toEqual([]);
  });
});

// ─── Properties ────────────────────────────────────────────────────────────────────────────

const dayArb = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays("2021-12-01", n));
const holidaysArb = fc
  .uniqueArray(dayArb, { maxLength: 30 })
  .map((days) => new Set([...days, ...HOLIDAYS]) as ReadonlySet<string>);
const expectedArb = fc.uniqueArray(
  fc.record({
    id: fc.integer({ min: 1, max: 10_000 }),
    agencyId: fc.integer({ min: 1, max: 50 }),
    due: dayArb,
    extendedDue: fc.option(dayArb, { nil: null }),
    state: fc.constantFrom(...STATES),
  }),
  { selector: (e) => e.id, maxLength: 25 },
);
const regimeArb = fc.record({
  remindBefore: fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 4 }),
  remindAfter: fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 4 }),
});

describe("dueReminders: properties", () => {
  it("never reminds a submitted or accepted report; keys are unique; only on working days", () => {
    fc.assert(
      fc.property(expectedArb, regimeArb, dayArb, holidaysArb, (list, regime, today, holidays) => {
        const out = dueReminders(list, regime, today, holidays);
        const byId = new Map(list.map((e) => [e.id, e]));
        for (const r of out) {
          const e = byId.get(r.expectedReportId);
          expect(e).toBeDefined();
          expect(["submitted", "accepted"]).not.toContain(e?.state);
          expect(UNSUBMITTED_STATES).toContain(e?.state);
          expect(r.on).toBe(today);
        }
        expect(new Set(out.map((r) => r.key)).size).toBe(out.length);
        if (out.length > 0) expect(isWorkingDay(today, holidays)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("a reminder is sent on the day its offset says, in working days, and on every such day", () => {
    fc.assert(
      fc.property(expectedArb, regimeArb, dayArb, holidaysArb, (list, regime, today, holidays) => {
        const out = dueReminders(list, regime, today, holidays);
        for (const r of out) {
          const e = list.find((x) => x.id === r.expectedReportId);
          expect(r.due).toBe(e?.extendedDue ?? e?.due);
          expect(r.key).toBe(reminderKey(r.expectedReportId, r.kind, r.offset, r.due));
          if (r.kind === "before") {
            expect(today <= r.due).toBe(true);
            expect(workingDaysBetween(today, r.due, holidays)).toBe(r.offset);
            expect(regime.remindBefore).toContain(r.offset);
          } else {
            expect(today > r.due).toBe(true);
            expect(workingDaysBetween(r.due, today, holidays)).toBe(r.offset);
            expect(regime.remindAfter).toContain(r.offset);
            expect(r.offset).toBeGreaterThanOrEqual(1);
          }
        }
        // Completeness: every unsubmitted report whose count matches an offset today gets one.
        if (!isWorkingDay(today, holidays)) return;
        for (const e of list) {
          if (!UNSUBMITTED_STATES.includes(e.state)) continue;
          const due = e.extendedDue ?? e.due;
          const n =
            today <= due
              ? workingDaysBetween(today, due, holidays)
              : workingDaysBetween(due, today, holidays);
          const wanted =
            today <= due ? regime.remindBefore.includes(n) : n >= 1 && regime.remindAfter.includes(n);
          expect(out.some((r) => r.expectedReportId === e.id)).toBe(wanted);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("day after day, a key comes up on one day only (never twice)", () => {
    fc.assert(
      fc.property(expectedArb, regimeArb, dayArb, holidaysArb, (list, regime, start, holidays) => {
        const seenOn = new Map<string, string>();
        for (let i = 0, d = start; i < 60; i++, d = addDays(d, 1)) {
          for (const r of dueReminders(list, regime, d, holidays)) {
            expect(seenOn.get(r.key)).toBeUndefined();
            seenOn.set(r.key, d);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("an extension to a new date never reuses a key of the old date", () => {
    fc.assert(
      fc.property(dayArb, dayArb, regimeArb, (due, extended, regime) => {
        fc.pre(due !== extended);
        const keysFor = (e: ExpectedForReminder) => {
          const keys = new Set<string>();
          for (
            let i = 0, d = addDays([due, extended].sort()[0] as string, -20);
            i < 80;
            i++, d = addDays(d, 1)
          )
            for (const r of dueReminders([e], regime, d, HOLIDAYS)) keys.add(r.key);
          return keys;
        };
        const before = keysFor(expected({ due }));
        const after = keysFor(expected({ due, extendedDue: extended }));
        for (const k of after) expect(before.has(k)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
