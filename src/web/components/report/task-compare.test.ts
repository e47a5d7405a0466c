import { describe, expect, it } from "vitest";
import { asForm, changedSinceLast, formCounts, unreportedOf, versionDiff } from "./task-compare.ts";

const tasks = [
  { id: 1, code: "1", content: "a", role: "lead" as const },
  { id: 2, code: "2", content: "b", role: "lead" as const },
  { id: 3, code: "3", content: "c", role: "coordinator" as const },
];

describe("task compare", () => {
  it("a task not reported is neither reported nor changed", () => {
    expect(changedSinceLast(asForm(undefined), asForm({ taskId: 1, status: "done" }))).toBe(false);
  });
  it("counts reported, unreported, changed, lead and coordinated", () => {
    const updates = {
      "1": asForm({ taskId: 1, status: "in_progress", progress: 40 }),
      "2": asForm({ taskId: 2, status: "in_progress", progress: 20 }),
      "3": asForm(undefined),
    };
    const previous = new Map([
      [1, asForm({ taskId: 1, status: "in_progress", progress: 40 })],
      [2, asForm({ taskId: 2, status: "in_progress", progress: 10 })],
    ]);
    expect(formCounts(tasks, updates, previous)).toEqual({
      total: 3,
      reported: 2,
      unreported: 1,
      changed: 1,
      lead: 2,
      coordinator: 1,
      leadUnreported: 0,
    });
    expect(unreportedOf(tasks, updates).coordinator.map((t) => t.code)).toEqual(["3"]);
  });
  it("diffs two versions task by task", () => {
    const d = versionDiff(
      tasks,
      { updates: [{ taskId: 1, status: "in_progress", progress: 40, result: "x" }] },
      {
        updates: [
          { taskId: 1, status: "done", progress: 100, result: "x" },
          { taskId: 3, status: "stalled" },
        ],
      },
    );
    expect(d.map((x) => [x.task.code, x.fields])).toEqual([
      ["1", ["status", "progress"]],
      ["3", ["status"]],
    ]);
  });
});
