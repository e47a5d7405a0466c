/**
 * Indicator figures in the periodic report (issue 4 §1): drafted with the report, checked by
 * the indicator's rules, frozen on submission, and in the series only once the coordinator
 * accepts — exactly once, sourced to the report, superseding an estimate without deleting it.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCOPE_MERGED, SCOPE_PRE_MERGER } from "../../domain/indicator-values.ts";
import { bestOf, indicatorByCode, valuesOf } from "../indicators/values.ts";
import { agencies, indicatorValues } from "../schema.ts";
import { seededTestDb, type TestDatabase } from "../test-db.ts";
import { findUserIdByUsername } from "../users.ts";
import type { ActorRef } from "./actor.ts";
import { listExpected } from "./expected.ts";
import { openPeriod } from "./periods.ts";
import { defaultScope, publishAcceptedValues } from "./report-indicators.ts";
import { getReport, reviewReport, saveDraft, submitReport } from "./reports.ts";
import { answerAll } from "./test-answers.ts";

const VALUE = "industrial_production_value_2010_prices";
let db: TestDatabase;
let sctReport = 0;
let stnmtReport = 0;
let reporter: ActorRef;
let leader: ActorRef;
let coordinator: ActorRef;

async function expectedOf(planId: number, name: string): Promise<number> {
  const [a] = await db.db.select().from(agencies).where(eq(agencies.name, name));
  return (await listExpected(db.db, { planId, agencyId: a?.id })).at(0)?.id ?? 0;
}

async function actor(username: string): Promise<ActorRef> {
  return { userId: await findUserIdByUsername(db.db, username), username };
}

/** The code and field names of a rejected promise (an AppError). */
async function failure(p: Promise<unknown>) {
  const e = (await p.then(
    () => null,
    (x: unknown) => x,
  )) as { code?: string; fields?: { field: string }[] } | null;
  return { code: e?.code, fields: (e?.fields ?? []).map((f) => f.field) };
}

const reportRows = async (reportId: number) =>
  db.db
    .select()
    .from(indicatorValues)
    .where(and(eq(indicatorValues.reportId, reportId), eq(indicatorValues.origin, "report")));

beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  let planId: number;
  ({ database: db, planId } = await seededTestDb());
  // Q2/2025: the window 15/03–14/06/2025 is before the merger; Q1/2025 (5.447 tỷ đồng) is its previous quarter.
  await openPeriod(db.db, planId, "quarterly", "2025-Q2", { userId: null, username: "test" });
  sctReport = await expectedOf(planId, "Sở Công Thương");
  // Sở TN&MT ceased on 28/02/2025 (REGULATIONS.md §5): its successor, which supplies no indicator, reports Q2/2025.
  stnmtReport = await expectedOf(planId, "Sở Nông nghiệp và Môi trường");
  reporter = await actor("sct.baocao");
  leader = await actor("sct.lanhdao");
  coordinator = await actor("sct.dieuphoi");
});

afterAll(async () => {
  await db?.close();
});

describe("which indicators a report asks for", () => {
  it("the supplier's non-derived indicators, for the report's period, with the previous quarter for reference", async () => {
    const d = await getReport(db.db, sctReport);
    expect(d.indicators.map((i) => i.code)).toEqual([
      VALUE,
      "industrial_production_value_growth",
      "industrial_cluster_occupancy",
    ]);
    const first = d.indicators[0];
    expect(first?.period).toBe("2025-Q2");
    expect(first?.unit).toBe("tỷ đồng");
    expect(first?.defaultScope).toBe(SCOPE_PRE_MERGER);
    expect(first?.previous?.period).toBe("2025-Q1");
    expect(first?.previous?.value).toBe(5447);
    expect(d.report.indicatorValues).toEqual([]);
  });

  it("an agency that supplies no indicator sees an empty list", async () => {
    expect((await getReport(db.db, stnmtReport)).indicators).toEqual([]);
  });

  it("a window after 01/07/2025 defaults to the merged province", () => {
    expect(defaultScope("2025-Q3")).toBe(SCOPE_MERGED);
    expect(defaultScope("2025-H1")).toBe(SCOPE_PRE_MERGER);
  });
});

describe("draft → submit → return → resubmit → accept", () => {
  const jump = { indicatorCode: VALUE, scope: SCOPE_PRE_MERGER, kind: "estimate" as const, value: 9000 };

  it("a stale version is refused and stores nothing", async () => {
    const f = await failure(
      saveDraft(db.db, sctReport, { version: 3, updates: [], indicatorValues: [jump] }, reporter),
    );
    expect(f.code).toBe("VERSION_CONFLICT");
    expect((await getReport(db.db, sctReport)).report.version).toBe(0);
  });

  it("refuses a figure out of range or of an indicator the agency does not supply, naming the field", async () => {
    const below = await failure(
      saveDraft(
        db.db,
        sctReport,
        { version: 0, updates: [], indicatorValues: [{ ...jump, value: -5 }] },
        reporter,
      ),
    );
    expect(below).toEqual({ code: "VALIDATION", fields: ["indicatorValues.0.value"] });
    const derived = await failure(
      saveDraft(
        db.db,
        sctReport,
        {
          version: 0,
          updates: [],
          indicatorValues: [jump, { ...jump, indicatorCode: "new_industrial_clusters" }],
        },
        reporter,
      ),
    );
    expect(derived).toEqual({ code: "VALIDATION", fields: ["indicatorValues.1.indicatorCode"] });
  });

  it("keeps a jump without a comment in the draft, with a warning; submission refuses it naming the comment", async () => {
    const d = await saveDraft(
      db.db,
      sctReport,
      { version: 0, updates: await answerAll(db.db, sctReport), indicatorValues: [jump] },
      reporter,
    );
    expect(d.report.indicatorValues).toMatchObject([{ ...jump, period: "2025-Q2", comment: null }]);
    expect(d.report.indicatorWarnings.map((w) => w.field)).toEqual(["indicatorValues.0.comment"]);
    const f = await failure(submitReport(db.db, sctReport, { version: d.report.version }, leader));
    expect(f).toEqual({ code: "VALIDATION", fields: ["indicatorValues.0.comment"] });
    expect((await getReport(db.db, sctReport)).report.state).toBe("draft");
  });

  it("a save without indicatorValues keeps the figures; a save with them replaces the set", async () => {
    let d = await getReport(db.db, sctReport);
    d = await saveDraft(
      db.db,
      sctReport,
      { version: d.report.version, summary: "Tóm tắt", updates: [] },
      reporter,
    );
    expect(d.report.indicatorValues).toHaveLength(1);
    d = await saveDraft(
      db.db,
      sctReport,
      {
        version: d.report.version,
        updates: [],
        indicatorValues: [{ ...jump, comment: "Nhà máy mới vận hành từ tháng 4" }],
      },
      reporter,
    );
    expect(d.report.indicatorValues).toHaveLength(1);
    expect(d.report.indicatorWarnings).toEqual([]);
  });

  it("submission freezes the figures; a returned report puts nothing in the series", async () => {
    const before = await getReport(db.db, sctReport);
    const sent = await submitReport(db.db, sctReport, { version: before.report.version }, leader);
    expect(sent.report.versions[0]?.content).toMatchObject({
      indicatorValues: [{ indicatorCode: VALUE, value: 9000, comment: "Nhà máy mới vận hành từ tháng 4" }],
    });
    const back = await reviewReport(
      db.db,
      sctReport,
      { outcome: "returned", comment: "Đề nghị cập nhật số chính thức" },
      coordinator,
    );
    expect(back.report.state).toBe("returned");
    expect(await reportRows(back.report.id as number)).toEqual([]);
  });

  it("resubmitted and accepted: the official figure joins the series once, sourced to the report, over an estimate it keeps", async () => {
    const indicator = await indicatorByCode(db.db, VALUE);
    // An estimate entered earlier by hand for the same quarter.
    const [estimate] = await db.db
      .insert(indicatorValues)
      .values({
        indicatorId: indicator.id,
        period: "2025-Q2",
        scope: SCOPE_PRE_MERGER,
        kind: "estimate",
        value: 5900,
        source: "Ước tính của Cục Thống kê",
      })
      .returning();
    let d = await getReport(db.db, sctReport);
    d = await saveDraft(
      db.db,
      sctReport,
      {
        version: d.report.version,
        updates: [],
        indicatorValues: [{ ...jump, kind: "official", value: 6100.5 }],
      },
      reporter,
    );
    d = await submitReport(db.db, sctReport, { version: d.report.version }, leader);
    const accepted = await reviewReport(
      db.db,
      sctReport,
      { outcome: "accepted" },
      coordinator,
      new Date("2025-06-20T03:00:00Z"),
    );
    const reportId = accepted.report.id as number;
    const rows = await reportRows(reportId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      period: "2025-Q2",
      scope: SCOPE_PRE_MERGER,
      kind: "official",
      value: 6100.5,
      source: "Báo cáo Quý II/2025 của Sở Công Thương",
      origin: "report",
      publishedOn: "2025-06-20",
      enteredBy: leader.userId,
    });
    const series = await valuesOf(db.db, [indicator.id]);
    const best = bestOf(series, indicator, "2025-Q2", SCOPE_PRE_MERGER);
    expect(best.chosenId).toBe(rows[0]?.id);
    expect(best.superseded.map((s) => s.id)).toEqual([estimate?.id]);

    // Never twice: a second review is refused, and publishing again adds nothing.
    expect((await failure(reviewReport(db.db, sctReport, { outcome: "accepted" }, coordinator))).code).toBe(
      "INVALID_STATE",
    );
    const again = await db.db.transaction((tx) =>
      publishAcceptedValues(
        tx,
        { expectedReportId: sctReport, reportId, values: accepted.report.indicatorValues, submittedBy: null },
        coordinator,
        "2025-06-21",
      ),
    );
    expect(again).toBe(0);
    expect(await reportRows(reportId)).toHaveLength(1);
  });
});
