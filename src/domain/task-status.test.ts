import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scheduleKind } from "./schedule.ts";
import type { Schedule } from "./schedule-types.ts";
import {
  STATUS_LABELS,
  type TaskStatusInput,
  type TaskUpdateRecord,
  taskStatus,
  type UpdateStatus,
} from "./task-status.ts";

function schedule(
  parts: Partial<Pick<Schedule, "continuous" | "recurrence">> & { dues?: string[] },
): Schedule {
  const s = {
    continuous: parts.continuous ?? false,
    recurrence: parts.recurrence ?? null,
    milestones: (parts.dues ?? []).map((due) => ({ due, text: `trước ${due}` })),
  };
  return { ...s, kind: scheduleKind(s) };
}

/** An update in the 2023-Q4 report unless `more` says otherwise; `acceptedAt` null = not accepted. */
function update(
  status: UpdateStatus,
  submittedAt: string,
  acceptedAt: string | null,
  more: Partial<TaskUpdateRecord> = {},
): TaskUpdateRecord {
  return { periodLabel: "2023-Q4", periodEnd: "2023-12-14", submittedAt, acceptedAt, status, ...more };
}

const DUE = "2023-12-31";
const task = (updates: TaskUpdateRecord[], dues = [DUE]): TaskStatusInput => ({
  schedule: schedule({ dues }),
  updates,
  periods: [],
});

describe("a task with a deadline (QĐ 42/2014: on time, late, within term, overdue)", () => {
  it("is not yet due before its term when nothing is reported", () => {
    expect(taskStatus(task([]), "2023-06-30")).toMatchObject({
      status: "not_yet_due",
      due: DUE,
      doneOn: null,
    });
  });

  it("is within term on the due day itself, and overdue the day after", () => {
    expect(taskStatus(task([]), DUE).status).toBe("in_progress");
    expect(taskStatus(task([]), "2024-01-01")).toMatchObject({ status: "overdue", due: DUE, doneOn: null });
  });

  it("changes with the as-of date: the same task, two dates, two statuses", () => {
    const input = task([
      update("in_progress", "2023-07-18", "2023-07-20", { periodLabel: "2023-Q3", periodEnd: "2023-09-14" }),
    ]);
    expect(taskStatus(input, "2023-07-19").status).toBe("not_yet_due");
    expect(taskStatus(input, "2023-07-20").status).toBe("in_progress");
    expect(taskStatus(input, "2024-02-01").status).toBe("overdue");
  });

  it("counts stalled work as started", () => {
    expect(taskStatus(task([update("stalled", "2023-09-16", "2023-09-20")]), "2023-10-01").status).toBe(
      "in_progress",
    );
  });

  it("is done on time when completed by the last milestone — by submission date, or the product's date", () => {
    expect(taskStatus(task([update("done", "2023-12-18", "2023-12-20")]), "2024-01-10")).toMatchObject({
      status: "done_on_time",
      due: DUE,
      doneOn: "2023-12-18",
    });
    const late = task([
      update("done_with_product", "2024-03-16", "2024-03-20", { productDate: "2024-01-05" }),
    ]);
    expect(taskStatus(late, "2024-04-01")).toMatchObject({
      status: "done_late",
      due: DUE,
      doneOn: "2024-01-05",
    });
    const early = task([
      update("done_with_product", "2024-03-16", "2024-03-20", { productDate: "2023-12-29" }),
    ]);
    expect(taskStatus(early, "2024-04-01").status).toBe("done_on_time");
  });

  it("ignores a report until it is accepted, but a late acceptance does not make the work late", () => {
    const input = task([
      update("in_progress", "2023-09-16", "2023-09-20", { periodLabel: "2023-Q3", periodEnd: "2023-09-14" }),
      update("done", "2023-12-18", "2024-01-15"),
    ]);
    expect(taskStatus(input, "2023-12-31").status).toBe("in_progress");
    expect(taskStatus(input, "2024-01-10").status).toBe("overdue");
    expect(taskStatus(input, "2024-01-15")).toMatchObject({
      status: "done_on_time",
      due: DUE,
      doneOn: "2023-12-18",
    });
  });

  it("never counts a report that was not accepted (returned or waiting)", () => {
    expect(taskStatus(task([update("done", "2023-12-18", null)]), "2024-06-01").status).toBe("overdue");
  });

  it("reads an acceptance instant as a Vietnamese calendar day", () => {
    // 18:00 UTC on 31/12 is 01:00 on 01/01/2024 in Vietnam.
    const input = task([update("done", "2023-12-18", "2023-12-31T18:00:00Z")]);
    expect(taskStatus(input, "2023-12-31").status).toBe("in_progress");
    expect(taskStatus(input, "2024-01-01").status).toBe("done_on_time");
  });

  it("keeps the first completion date when the task is reported done again", () => {
    const input = task([
      update("done", "2024-03-16", "2024-03-18", { periodLabel: "2024-Q1", periodEnd: "2024-03-14" }),
      update("done", "2023-12-18", "2023-12-20"),
    ]);
    expect(taskStatus(input, "2024-04-01")).toMatchObject({
      status: "done_on_time",
      due: DUE,
      doneOn: "2023-12-18",
    });
  });

  it("takes the agency's latest word: a task reported done and then reopened is not done", () => {
    const input = task([
      update("done", "2023-12-18", "2023-12-20"),
      update("in_progress", "2024-03-16", "2024-03-18", { periodLabel: "2024-Q1", periodEnd: "2024-03-14" }),
    ]);
    expect(taskStatus(input, "2024-01-05").status).toBe("done_on_time");
    expect(taskStatus(input, "2024-04-01").status).toBe("overdue");
  });

  it("judges several milestones by the last one", () => {
    const input = task([update("done", "2022-06-20", "2022-06-22")], ["2022-03-31", "2022-06-30"]);
    expect(taskStatus(input, "2022-07-01")).toMatchObject({
      status: "done_on_time",
      due: "2022-06-30",
      doneOn: "2022-06-20",
    });
    expect(taskStatus(task([], ["2022-03-31", "2022-06-30"]), "2022-04-15").status).toBe("not_yet_due");
  });

  it("refuses an as-of that is not a date", () => {
    expect(() => taskStatus(task([]), "31/12/2023")).toThrow(RangeError);
  });
});

describe("a continuous or recurring task: reported in each period that fell due", () => {
  const periods = [
    { label: "2023-Q1", due: "2023-03-16" },
    { label: "2023-Q2", due: "2023-06-16" },
    { label: "2023-Q3", due: "2023-09-18" },
  ];
  const q = (n: number, acceptedAt: string, status: UpdateStatus = "in_progress") =>
    update(status, acceptedAt, acceptedAt, { periodLabel: `2023-Q${n}`, periodEnd: `2023-0${n * 3}-14` });
  const continuous = (updates: TaskUpdateRecord[]): TaskStatusInput => ({
    schedule: schedule({ continuous: true }),
    updates,
    periods,
  });

  it("is not yet due before the first period's deadline", () => {
    expect(taskStatus(continuous([]), "2023-03-01")).toMatchObject({
      status: "not_yet_due",
      due: "2023-03-16",
      doneOn: null,
      periods: [],
    });
  });

  it("lists each period due so far, and judges the latest", () => {
    const input = continuous([q(1, "2023-03-16", "not_started"), q(3, "2023-09-20")]);
    expect(taskStatus(input, "2023-07-01")).toMatchObject({
      status: "not_reported",
      due: "2023-06-16",
      doneOn: null,
      periods: [
        { label: "2023-Q1", due: "2023-03-16", reported: true },
        { label: "2023-Q2", due: "2023-06-16", reported: false },
      ],
    });
    expect(taskStatus(input, "2023-10-01").status).toBe("reported");
    expect(taskStatus(input, "2023-09-19").status).toBe("not_reported"); // Q3 accepted on the 20th
  });

  it("treats a recurring task the same way", () => {
    const input: TaskStatusInput = {
      schedule: schedule({ recurrence: "yearly" }),
      updates: [update("done", "2023-12-18", "2023-12-20", { periodLabel: "2023", periodEnd: "2023-12-14" })],
      periods: [{ label: "2023", due: "2023-12-18" }],
    };
    expect(taskStatus(input, "2023-12-19").status).toBe("not_reported");
    expect(taskStatus(input, "2023-12-20").status).toBe("reported");
  });

  it("gives a task with milestones and a recurrence both views", () => {
    const input: TaskStatusInput = {
      schedule: schedule({ dues: ["2022-12-31"], recurrence: "yearly" }),
      updates: [],
      periods,
    };
    const result = taskStatus(input, "2023-07-01");
    expect(result.status).toBe("overdue");
    expect(result.periods?.map((p) => p.label)).toEqual(["2023-Q1", "2023-Q2"]);
  });

  it("judges an unreadable schedule per period too", () => {
    const input: TaskStatusInput = { schedule: schedule({}), updates: [q(1, "2023-03-10")], periods };
    expect(taskStatus(input, "2023-04-01").status).toBe("reported");
  });
});

describe("invariants", () => {
  const day = fc
    .date({ min: new Date("2022-01-01"), max: new Date("2024-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const anUpdate = fc.record({
    periodLabel: fc.constantFrom("2023-Q1", "2023-Q2", "2023-Q3"),
    periodEnd: fc.constantFrom("2023-03-14", "2023-06-14", "2023-09-14"),
    acceptedAt: fc.option(day, { nil: null }),
    submittedAt: day,
    status: fc.constantFrom<UpdateStatus>(
      "not_started",
      "in_progress",
      "done",
      "done_with_product",
      "stalled",
    ),
    productDate: fc.option(day, { nil: undefined }),
  });
  const input = fc.record({
    continuous: fc.boolean(),
    dues: fc.array(day, { maxLength: 3 }),
    updates: fc.array(anUpdate, { maxLength: 6 }),
  });

  it("depends only on what was accepted by the as-of date (property)", () => {
    fc.assert(
      fc.property(input, day, ({ continuous, dues, updates }, asOf) => {
        const periods = [
          { label: "2023-Q1", due: "2023-03-16" },
          { label: "2023-Q2", due: "2023-06-16" },
        ];
        const full: TaskStatusInput = { schedule: schedule({ continuous, dues }), updates, periods };
        const known = {
          ...full,
          updates: updates.filter((u) => u.acceptedAt !== null && u.acceptedAt <= asOf),
        };
        const result = taskStatus(full, asOf);
        expect(result).toEqual(taskStatus(known, asOf));
        expect(STATUS_LABELS[result.status].vi).not.toBe("");
        if (dues.length > 0) expect(["reported", "not_reported"]).not.toContain(result.status);
      }),
    );
  });

  it("moves an unreported task from not yet due to within term to overdue, never back (property)", () => {
    const order = ["not_yet_due", "in_progress", "overdue"];
    fc.assert(
      fc.property(day, day, day, (due, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const rank = (asOf: string) => order.indexOf(taskStatus(task([], [due]), asOf).status);
        expect(rank(early)).toBeLessThanOrEqual(rank(late));
      }),
    );
  });
});

describe("the status board's rules (issue 9 §4)", () => {
  const quarters = [1, 2, 3, 4].map((n) => ({
    label: `2026-Q${n}`,
    due: `2026-${String(n * 3).padStart(2, "0")}-18`,
  }));
  const q = (
    n: number,
    acceptedAt: string,
    status: UpdateStatus = "in_progress",
    more: Partial<TaskUpdateRecord> = {},
  ) =>
    update(status, acceptedAt, acceptedAt, {
      periodLabel: `2026-Q${n}`,
      periodEnd: `2026-${String(n * 3).padStart(2, "0")}-14`,
      ...more,
    });
  const continuous = (updates: TaskUpdateRecord[], planEnd: string | null = null): TaskStatusInput => ({
    schedule: schedule({ continuous: true }),
    updates,
    periods: quarters,
    planEnd,
  });

  it("counts an accepted report of a period not yet due: Q4 accepted early is 'reported', not 'not reported'", () => {
    // 07/12/2026: Q3 is due (18/09) and was not reported; Q4 (due 18/12) was accepted on 05/12.
    const input = continuous([q(4, "2026-12-05")]);
    expect(taskStatus(input, "2026-12-07").status).toBe("reported");
    expect(taskStatus(input, "2026-12-04").status).toBe("not_reported"); // not yet accepted then
    expect(taskStatus(input, "2026-12-07").latest).toEqual({ periodLabel: "2026-Q4", status: "in_progress" });
  });

  it("counts an early accepted report when no period has fallen due yet", () => {
    const input = continuous([q(1, "2026-02-20")]);
    expect(taskStatus(input, "2026-03-01").status).toBe("reported");
    expect(taskStatus(continuous([]), "2026-03-01").status).toBe("not_yet_due");
  });

  it("judges a task of an ended plan at the plan's end, never 'not yet due'", () => {
    const ended: TaskStatusInput = {
      schedule: schedule({ continuous: true }),
      updates: [],
      periods: [],
      planEnd: "2025-12-31",
    };
    expect(taskStatus(ended, "2026-12-07")).toMatchObject({ status: "not_reported", due: "2025-12-31" });
    expect(taskStatus(ended, "2025-06-30").status).toBe("not_yet_due"); // the plan still ran
    const reported = {
      ...ended,
      updates: [update("in_progress", "2025-03-01", "2025-03-05", { periodLabel: "2025-Q1" })],
    };
    expect(taskStatus(reported, "2026-12-07")).toMatchObject({ status: "reported", due: "2025-12-31" });
  });

  it("shows a reported difficulty: 'stalled' and/or difficulties text in the latest accepted update", () => {
    const stalled = taskStatus(continuous([q(3, "2026-09-20", "stalled")]), "2026-10-01");
    expect(stalled.difficulty).toEqual({ stalled: true, text: null, periodLabel: "2026-Q3" });
    const text = taskStatus(
      continuous([q(3, "2026-09-20", "in_progress", { difficulties: " Thiếu vốn đối ứng " })]),
      "2026-10-01",
    );
    expect(text.difficulty).toEqual({ stalled: false, text: "Thiếu vốn đối ứng", periodLabel: "2026-Q3" });
    // A later update without difficulty clears it; a blank text is none.
    const cleared = continuous([
      q(2, "2026-06-20", "stalled"),
      q(3, "2026-09-20", "in_progress", { difficulties: "  " }),
    ]);
    expect(taskStatus(cleared, "2026-10-01").difficulty).toBeNull();
    expect(taskStatus(cleared, "2026-07-01").difficulty?.stalled).toBe(true);
  });
});
