/**
 * Caps on a plan document (issue 8, defect 13): the pathological inputs of the review — 100,000
 * task rows, 9 MB of pipes, a 10 MB single line — are refused with the limit named (or, under
 * the caps, read without splitting hundreds of cells per line), while the 2,000-task synthetic
 * bench plan still parses whole.
 */
import { describe, expect, it } from "vitest";
import { AppError } from "../domain/errors.ts";
import { parsePlanText } from "./parse-plan.ts";
import { splitTableLine } from "./tables.ts";
import { MAX_LINE_CHARS, MAX_PLAN_LINES, MAX_PLAN_TASKS } from "./text.ts";

/** The bench's synthetic plan (bench/import.ts): groups of 20 tasks. */
function syntheticPlan(n: number): string {
  const rows = ["TT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện\tGhi chú"];
  for (let g = 1; g <= n / 20; g++) {
    rows.push(`${g}\tNhóm nhiệm vụ số ${g}\t\t\t\t`);
    for (let i = 1; i <= 20; i++)
      rows.push(
        `${g}.${i}\tXây dựng kế hoạch phát triển công nghiệp số ${g}.${i}\tSở Công Thương\tCác sở, ngành liên quan\tQuý ${["I", "II", "III", "IV"][i % 4]}/2022\t`,
      );
  }
  return `KẾ HOẠCH\nThử nghiệm giai đoạn 2021 - 2025\n\n${rows.join("\n")}\n`;
}

function refusal(text: string): AppError {
  try {
    parsePlanText(text, { sourceName: "x.txt" });
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error("the document was not refused");
}

describe("plan document caps", () => {
  it("still parses the synthetic 2,000-task plan", () => {
    expect(parsePlanText(syntheticPlan(2000)).tasks).toHaveLength(2000);
  });

  it("refuses more tasks than the cap, naming it", () => {
    const err = refusal(syntheticPlan(MAX_PLAN_TASKS + 20));
    expect(err.code).toBe("PLAN_TOO_MANY_TASKS");
    expect(err.message).toContain(`at most ${MAX_PLAN_TASKS} tasks`);
    expect(err.messageVi).toContain(`tối đa ${MAX_PLAN_TASKS} nhiệm vụ`);
  });

  it("refuses 100,000 task rows by their line count, before reading them", () => {
    const err = refusal(syntheticPlan(100_000));
    expect(err.code).toBe("PLAN_TOO_MANY_LINES");
    expect(err.message).toContain(`at most ${MAX_PLAN_LINES}`);
  });

  it("refuses a 10 MB single line, naming the line and the limit", () => {
    const err = refusal(`KẾ HOẠCH\n${"a ".repeat(5_000_000)}`);
    expect(err.code).toBe("PLAN_LINE_TOO_LONG");
    expect(err.message).toContain("line 2");
    expect(err.message).toContain(String(MAX_LINE_CHARS));
    expect(err.messageVi).toContain("dòng 2");
  });

  it("refuses 9 MB of pipes, on one line or on many", () => {
    expect(refusal(`KẾ HOẠCH\n${"|".repeat(9_000_000)}`).code).toBe("PLAN_LINE_TOO_LONG");
    expect(refusal(`KẾ HOẠCH\n${`${"|".repeat(99)}\n`.repeat(90_000)}`).code).toBe("PLAN_TOO_MANY_LINES");
  });

  it("does not split a line of hundreds of separators into cells (under the caps: prose, not a table row)", () => {
    expect(splitTableLine("|".repeat(100))).toBeNull();
    expect(splitTableLine(`${"\t".repeat(100)}x`)).toBeNull();
    expect(splitTableLine("| a | b | c |")).toEqual(["a", "b", "c"]);
  });
});
