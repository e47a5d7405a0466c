/**
 * The 2025 reorganisation in the reporting loop (REGULATIONS.md §5): expected reports from the
 * agencies valid on the period's cut-off end, task ownership by date, apply/reverse round trip,
 * refusals that change nothing.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../domain/errors.ts";
import { ownerHistory, ownersOn } from "../queries/assignments-on.ts";
import { openPeriod } from "../reporting/periods.ts";
import { getRegime } from "../reporting/regime.ts";
import { tasksToReport } from "../reporting/report-tasks.ts";
import { agencies, expectedReports, reportingPeriods, taskAssignments, tasks, users } from "../schema.ts";
import { seedDemo } from "../seed.ts";
import { seededTestDb, type TestDatabase } from "../test-db.ts";
import { seedReorganisations } from "./seed.ts";
import {
  applyReorganisation,
  createReorganisation,
  previewReorganisation,
  reverseReorganisation,
} from "./store.ts";

const actor = { userId: null, username: "test" };
let d: TestDatabase;
let planId: number;
const id = async (name: string) => {
  const [a] = await d.db
    .select()
    .from(agencies)
    .where(and(eq(agencies.name, name), eq(agencies.province, "Tuyên Quang")));
  if (!a) throw new Error(name);
  return a.id;
};
async function expectedNames(periodId: number) {
  const rows = await d.db
    .select({ name: agencies.name })
    .from(expectedReports)
    .innerJoin(agencies, eq(agencies.id, expectedReports.agencyId))
    .where(eq(expectedReports.periodId, periodId));
  return rows.map((r) => r.name).sort();
}
const CEASED = [
  "Sở Kế hoạch và Đầu tư",
  "Sở Giao thông vận tải",
  "Sở Tài nguyên và Môi trường",
  "Sở Thông tin và Truyền thông",
  "Sở Nông nghiệp và Phát triển nông thôn",
  "Sở Lao động - Thương binh và Xã hội",
  "Ban Quản lý các khu công nghiệp tỉnh",
  "UBND huyện Lâm Bình",
];

beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  ({ database: d, planId } = await seededTestDb());
}, 120_000);
afterAll(async () => d?.close());

describe("expected reports follow the agencies valid on the cut-off end", () => {
  it("2026-Q4 asks the successors, no ceased agency, one report for a merger of two", async () => {
    const p = await openPeriod(d.db, planId, "quarterly", "2026-Q4", actor);
    const names = await expectedNames(p.id);
    for (const c of CEASED) expect(names).not.toContain(c);
    expect(names).toContain("Sở Tài chính");
    expect(names).toContain("Sở Nông nghiệp và Môi trường");
    expect(names).toContain("Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh Tuyên Quang");
    expect(names.filter((n) => n === "Sở Nông nghiệp và Môi trường")).toHaveLength(1);
    expect(p.expected).toBe(names.length);
    expect(names.length).toBeLessThan(22);
  });
  it("2022-Q1 still asks the old agencies", async () => {
    const p = await openPeriod(d.db, planId, "quarterly", "2022-Q1", actor);
    const names = await expectedNames(p.id);
    for (const c of CEASED) expect(names).toContain(c);
    expect(names).not.toContain("Sở Tài chính");
    expect(names).not.toContain("Sở Nông nghiệp và Môi trường");
    expect(names).toHaveLength(22);
  });
  it("the regime page's default reporters read on a day are those that day: no ceased agency in 2026", async () => {
    const today = (await getRegime(d.db, planId, "2026-12-07")).reporters.map((r) => r.name);
    for (const c of CEASED) expect(today).not.toContain(c);
    expect(today).toContain("Sở Tài chính");
    const [q4] = await d.db
      .select({ id: reportingPeriods.id })
      .from(reportingPeriods)
      .where(and(eq(reportingPeriods.planId, planId), eq(reportingPeriods.label, "2026-Q4")));
    expect(today.sort()).toEqual(await expectedNames(q4?.id as number));
    const in2022 = (await getRegime(d.db, planId, "2022-03-31")).reporters.map((r) => r.name);
    for (const c of CEASED) expect(in2022).toContain(c);
    expect(in2022).toHaveLength(22);
  });
  it("a task led by Sở KH&ĐT: Sở KH&ĐT reports it in 2022-Q1, Sở Tài chính in 2026-Q4", async () => {
    const khdt = await id("Sở Kế hoạch và Đầu tư");
    const stc = await id("Sở Tài chính");
    const [row] = await d.db
      .select({ taskId: taskAssignments.taskId })
      .from(taskAssignments)
      .where(and(eq(taskAssignments.agencyId, khdt), eq(taskAssignments.role, "lead")));
    const taskId = row?.taskId as number;
    expect((await tasksToReport(d.db, planId, khdt, "2022-03-31")).map((t) => t.id)).toContain(taskId);
    expect((await tasksToReport(d.db, planId, stc, "2022-03-31")).map((t) => t.id)).not.toContain(taskId);
    expect((await tasksToReport(d.db, planId, stc, "2026-12-31")).map((t) => t.id)).toContain(taskId);
    expect((await tasksToReport(d.db, planId, khdt, "2026-12-31")).map((t) => t.id)).not.toContain(taskId);
    expect((await ownersOn(d.db, [taskId], "2025-02-28")).map((o) => o.agencyId)).toContain(khdt);
    expect((await ownersOn(d.db, [taskId], "2025-03-01")).map((o) => o.agencyId)).toContain(stc);
    const hist = (await ownerHistory(d.db, [taskId])).filter((h) => h.role === "lead");
    expect(hist.map((h) => [h.agencyId, h.validFrom, h.validTo])).toEqual([
      [khdt, null, "2025-02-28"],
      [stc, "2025-03-01", null],
    ]);
  });
  it("the registry's validity comes out the same or better; accounts moved; seeding twice adds nothing", async () => {
    const [lb] = await d.db.select().from(agencies).where(eq(agencies.name, "UBND huyện Lâm Bình"));
    expect(lb?.validTo).toBe("2025-06-30");
    expect(lb?.successorId).toBe(await id("UBND các xã, phường"));
    const [khdt] = await d.db.select().from(agencies).where(eq(agencies.name, "Sở Kế hoạch và Đầu tư"));
    expect([khdt?.validTo, khdt?.successorId]).toEqual(["2025-02-28", await id("Sở Tài chính")]);
    // The demo keeps its old accounts for the history they wrote; the successors have their own.
    const [u] = await d.db.select().from(users).where(eq(users.username, "skhdt.baocao"));
    expect(u?.agencyId).toBe(await id("Sở Kế hoạch và Đầu tư"));
    const [s] = await d.db.select().from(users).where(eq(users.username, "stc.baocao"));
    expect(s?.agencyId).toBe(await id("Sở Tài chính"));
    const [b] = await d.db.select().from(users).where(eq(users.username, "bqlkcnkkt.lanhdao"));
    expect(b?.agencyId).toBe(await id("Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh Tuyên Quang"));
    const count = async () => (await d.db.select({ n: sql<number>`count(*)` }).from(taskAssignments))[0]?.n;
    const before = Number(await count());
    expect(await seedReorganisations(d.db)).toBe(0);
    await seedDemo(d);
    expect(Number(await count())).toBe(before);
  });
});

describe("an administrator's reorganisation", () => {
  const snapshot = async () => ({
    ta: await d.db.select().from(taskAssignments).orderBy(taskAssignments.id),
    ag: await d.db.select().from(agencies).orderBy(agencies.id),
    er: await d.db.select().from(expectedReports).orderBy(expectedReports.id),
    us: await d.db.select().from(users).orderBy(users.id),
  });
  it("preview lists what moves; apply + reverse round-trips exactly; reverse after the date is refused", async () => {
    const sct = await id("Sở Công Thương");
    const stc = await id("Sở Tài chính");
    const before = await snapshot();
    const r = await createReorganisation(
      d.db,
      {
        province: "Tuyên Quang",
        title: "Thử: hợp nhất Sở Công Thương vào Sở Tài chính",
        number: null,
        effectiveOn: "2027-01-01",
        changes: [{ kind: "merge", from: [sct], to: stc }],
      },
      "test",
    );
    const fx = await previewReorganisation(d.db, r.id);
    expect(fx.assignments.length).toBe(28);
    expect(fx.roles.map((x) => x.username)).toContain("sct.baocao");
    expect(fx.agencies[0]).toMatchObject({ id: sct, newValidTo: "2026-12-31", newSuccessorId: stc });
    // 2026-Q4 ends before the date: nothing of it moves.
    expect(fx.expected).toEqual([]);
    expect(await snapshot()).toEqual(before);
    await applyReorganisation(d.db, r.id, "test");
    const [t] = await d.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.planId, planId), eq(tasks.code, fx.assignments[0]?.code ?? "")));
    expect((await ownersOn(d.db, [t?.id as number], "2027-01-01")).map((o) => o.agencyId)).toContain(stc);
    await expect(reverseReorganisation(d.db, r.id, "test", "2027-01-01")).rejects.toMatchObject({
      code: "REORGANISATION_IN_EFFECT",
    });
    await reverseReorganisation(d.db, r.id, "test", "2026-12-07");
    expect(await snapshot()).toEqual(before);
  });
  it("refuses an unknown agency and a split that leaves a task undivided, naming the field, changing nothing", async () => {
    const before = await snapshot();
    const err = await createReorganisation(
      d.db,
      {
        province: "Tuyên Quang",
        title: "x",
        effectiveOn: "2027-01-01",
        changes: [{ kind: "merge", from: [999999], to: await id("Sở Tài chính") }],
      },
      "test",
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fields?.map((f) => f.field)).toEqual(["changes[0].from[0]"]);
    const sct = await id("Sở Công Thương");
    const err2 = (await createReorganisation(
      d.db,
      {
        province: "Tuyên Quang",
        title: "y",
        effectiveOn: "2027-01-01",
        changes: [{ kind: "split", from: [sct], to: await id("Sở Tài chính"), taskSplit: [] }],
      },
      "test",
    ).catch((e: unknown) => e)) as AppError;
    expect(err2.code).toBe("VALIDATION");
    expect(err2.fields?.[0]?.field).toBe("changes[0].taskSplit");
    expect(err2.fields?.[0]?.reason).toMatch(/tasks not divided: /);
    expect(await snapshot()).toEqual(before);
  });
});
