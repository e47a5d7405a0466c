/**
 * Indicator figures in the report, through the API (issue 4 §1): the body is validated by zod
 * (a report gives no plan figures), the rules answer 400 naming `indicatorValues.<i>.<field>`
 * in both languages, and another agency can neither write nor read the draft's figures.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPeriod } from "../../../db/reporting/periods.ts";
import { seededTestDb, type TestDatabase } from "../../../db/test-db.ts";
import { createApp } from "../../app.ts";
import { call, login, type TestSession } from "../../test-auth.ts";

type ErrorJson = {
  error: { code: string; message: string; messageVi: string; fields?: { field: string }[] };
};
interface Detail {
  report: { version: number; indicatorValues: { indicatorCode: string; value: number }[] };
  indicators: { code: string }[];
}

const CODE = "industrial_cluster_occupancy";
let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let sct: TestSession;
let other: TestSession;
let reportId = 0;
const figure = { indicatorCode: CODE, scope: "Tuyên Quang (pre-merger)", kind: "estimate", value: 48 };

beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  let planId: number;
  ({ database, planId } = await seededTestDb());
  await openPeriod(database.db, planId, "monthly", "2025-02", { userId: null, username: "test" });
  app = createApp({ database });
  sct = await login(app, "sct.baocao");
  other = await login(app, "skhdt.baocao");
  const list = await call<{ items: { id: number; agency: { name: string } }[] }>(
    app,
    sct,
    "GET",
    `/api/expected-reports?plan=${planId}`,
  );
  reportId = list.body.items.find((i) => i.agency.name === "Sở Công Thương")?.id ?? 0;
});
afterAll(async () => {
  await database?.close();
});

describe("PUT /api/reports/{id} with indicatorValues", () => {
  it("refuses a plan figure (a report gives outcomes) with the field named", async () => {
    const got = await call<ErrorJson>(app, sct, "PUT", `/api/reports/${reportId}`, {
      version: 0,
      updates: [],
      indicatorValues: [{ ...figure, kind: "plan" }],
    });
    expect(got.status).toBe(400);
    expect(got.body.error.fields?.map((f) => f.field)).toEqual(["indicatorValues.0.kind"]);
  });

  it("refuses 120 % occupancy in Vietnamese and English, naming indicatorValues.0.value", async () => {
    const got = await call<ErrorJson>(app, sct, "PUT", `/api/reports/${reportId}`, {
      version: 0,
      updates: [],
      indicatorValues: [{ ...figure, value: 120 }],
    });
    expect(got.status).toBe(400);
    expect(got.body.error.fields?.map((f) => f.field)).toEqual(["indicatorValues.0.value"]);
    expect(got.body.error.messageVi).toContain("lớn hơn mức tối đa 100");
    expect(got.body.error.message).toContain("above the maximum 100");
  });

  it("stores the month's figure (2025-01 was 47 %) and another agency cannot write or read it", async () => {
    const saved = await call<Detail>(app, sct, "PUT", `/api/reports/${reportId}`, {
      version: 0,
      updates: [],
      indicatorValues: [figure],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.indicators.map((i) => i.code)).toContain(CODE);
    expect(saved.body.report.indicatorValues).toMatchObject([{ indicatorCode: CODE, value: 48 }]);
    expect((await call(app, other, "GET", `/api/reports/${reportId}`)).status).toBe(403);
    const put = await call(app, other, "PUT", `/api/reports/${reportId}`, {
      version: saved.body.report.version,
      updates: [],
      indicatorValues: [],
    });
    expect(put.status).toBe(403);
  });
});
