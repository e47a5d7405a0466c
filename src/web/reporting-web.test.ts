import { describe, expect, it } from "vitest";
import { daysBetween, formatDateTime, periodName, todayVn } from "./format.ts";
import {
  applyMine,
  checkForm,
  emptyUpdate,
  formOf,
  type ReportForm,
  sameForm,
  saveBody,
} from "./report-draft.ts";
import type { ReportTask, SessionUser } from "./reporting-types.ts";
import { canDraft, canSubmit, homeOf, isCoordinator, isOverseer } from "./roles.ts";

const tasks: ReportTask[] = [
  { id: 1, code: "1.1", content: "A", role: "lead" },
  { id: 2, code: "1.2", content: "B", role: "coordinator" },
];

describe("report form", () => {
  it("starts from the server's updates, one entry per task", () => {
    const f = formOf("S", [{ taskId: 2, status: "done", progress: 100, result: "ok" }], tasks);
    expect(f.summary).toBe("S");
    expect(f.updates["1"]).toEqual(emptyUpdate());
    expect(f.updates["2"]?.progress).toBe("100");
  });
  it("builds the save body: empty text is null, the product only for done_with_product", () => {
    const f = formOf(null, [], tasks);
    f.updates["1"] = {
      ...emptyUpdate(),
      status: "in_progress",
      progress: "40",
      productDocument: "QĐ 1",
      result: " ",
    };
    const body = saveBody(f, tasks, 3);
    expect(body.version).toBe(3);
    expect(body.summary).toBeNull();
    expect(body.updates[0]).toMatchObject({
      taskId: 1,
      status: "in_progress",
      progress: 40,
      result: null,
      productDocument: null,
    });
  });
  it("requires the product document and a 0–100 progress", () => {
    const f = formOf(null, [], tasks);
    f.updates["1"] = { ...emptyUpdate(), status: "done_with_product" };
    f.updates["2"] = { ...emptyUpdate(), status: "in_progress", progress: "120" };
    expect(checkForm(f)).toEqual({
      "1": { productDocument: "productDocumentRequired" },
      "2": { progress: "progressRange" },
    });
  });
  it("starts every task as not reported (never preset to not started) and sends it as status null", () => {
    const f = formOf(null, [], tasks);
    expect(Object.values(f.updates).map((u) => u.status)).toEqual(tasks.map(() => ""));
    const body = saveBody(f, tasks, 0);
    expect(body.updates.map((u) => u.status)).toEqual(tasks.map(() => null));
  });
  it("puts back only what the user changed over the newer version", () => {
    const base: ReportForm = formOf("old", [], tasks);
    const theirs: ReportForm = { ...formOf("theirs", [], tasks) };
    theirs.updates["2"] = { ...emptyUpdate(), result: "their result" };
    const mine: ReportForm = formOf("old", [], tasks);
    mine.updates["1"] = { ...emptyUpdate(), result: "my result" };
    const merged = applyMine(theirs, mine, base);
    expect(merged.summary).toBe("theirs");
    expect(merged.updates["1"]?.result).toBe("my result");
    expect(merged.updates["2"]?.result).toBe("their result");
    expect(sameForm(applyMine(theirs, mine), mine)).toBe(true);
  });
});

describe("dates and periods", () => {
  it("names periods in both languages", () => {
    expect(periodName("2022-Q1", "vi")).toBe("Quý I/2022");
    expect(periodName("2022-Q1", "en")).toBe("Q1 2022");
    expect(periodName("2022-03", "vi")).toBe("Tháng 3/2022");
    expect(periodName("2022-H2", "vi")).toBe("6 tháng cuối năm 2022");
    expect(periodName("2022-9M", "en")).toBe("Nine months 2022");
    expect(periodName("2022", "vi")).toBe("Năm 2022");
    expect(periodName("bad", "vi")).toBe("bad");
  });
  it("counts days and shows Vietnam's time", () => {
    expect(daysBetween("2022-03-16", "2022-03-20")).toBe(4);
    expect(daysBetween("2022-03-16", "2022-03-10")).toBe(-6);
    expect(todayVn(new Date("2022-03-15T18:00:00Z"))).toBe("2022-03-16");
    expect(formatDateTime("2022-03-15T18:05:00Z")).toBe("16/03/2022 01:05");
  });
});

describe("roles", () => {
  const user = (role: SessionUser["roles"][number]["role"], agencyId: number | null = 3): SessionUser => ({
    id: 1,
    username: "u",
    displayName: "U",
    agencyId: 3,
    agencyName: "Sở Công Thương",
    roles: [{ role, planId: 1, agencyId }],
  });
  it("mirrors the server's policies for buttons", () => {
    expect(canDraft(user("reporter"), 1, 3)).toBe(true);
    expect(canSubmit(user("reporter"), 1, 3)).toBe(false);
    expect(canSubmit(user("leader"), 1, 3)).toBe(true);
    expect(canDraft(user("leader"), 1, 4)).toBe(false);
    expect(canDraft(user("leader"), 2, 3)).toBe(false);
    expect(isCoordinator(user("coordinator"), 1)).toBe(true);
    expect(isCoordinator(user("viewer"), 1)).toBe(false);
    expect(isOverseer(user("viewer"), 1)).toBe(true);
    expect(homeOf(user("reporter"))).toBe("/my");
    expect(homeOf(user("viewer"))).toBe("/plans/1/dashboard");
    expect(homeOf(user("coordinator"))).toBe("/plans/1/reporting");
  });
});
