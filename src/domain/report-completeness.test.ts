import { describe, expect, it } from "vitest";
import { AppError } from "./errors.ts";
import { assertReportComplete, unreportedTasks } from "./report-completeness.ts";

const tasks = [
  { id: 1, code: "1", role: "lead" as const },
  { id: 2, code: "2.1", role: "lead" as const },
  { id: 3, code: "3", role: "coordinator" as const },
];

function codeOf(f: () => void) {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? { code: e.code, details: e.details } : { code: "other" };
  }
  return null;
}

describe("report completeness", () => {
  it("splits the unreported tasks by role", () => {
    const m = unreportedTasks(tasks, [1]);
    expect(m.lead.map((t) => t.code)).toEqual(["2.1"]);
    expect(m.coordinator.map((t) => t.code)).toEqual(["3"]);
  });
  it("refuses a lead task unreported, even confirmed, and lists it", () => {
    const r = codeOf(() => assertReportComplete(tasks, [1, 3], true));
    expect(r?.code).toBe("REPORT_LEAD_TASKS_UNREPORTED");
    expect(r?.details).toEqual({ tasks: [{ id: 2, code: "2.1", role: "lead" }] });
  });
  it("asks for confirmation when only coordinated tasks are missing", () => {
    expect(codeOf(() => assertReportComplete(tasks, [1, 2], false))?.code).toBe("REPORT_UNREPORTED_CONFIRM");
    expect(codeOf(() => assertReportComplete(tasks, [1, 2], true))).toBeNull();
  });
  it("passes a complete report", () => {
    expect(codeOf(() => assertReportComplete(tasks, [1, 2, 3], false))).toBeNull();
  });
});
