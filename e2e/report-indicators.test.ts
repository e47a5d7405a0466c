/**
 * Indicator figures in the periodic report (issue 4 §1) in a real browser: Sở Công Thương
 * supplies the industrial production value; its reporter types the Q2/2025 figure the
 * Vietnamese way in the report form, its leader submits, the coordinator accepts, and the
 * figure joins the indicator's series sourced to the report.
 */
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/connection.ts";
import {
  type Actor,
  actor,
  answerEveryTask,
  apiAs,
  open,
  POLL,
  reportState,
  startAppWithDb,
} from "./reporting-helpers.ts";
import { chromiumAvailable, launchBrowser, type RunningApp, seen } from "./support.ts";

const CODE = "industrial_production_value_2010_prices";
const SOURCE = "Báo cáo Quý II/2025 của Sở Công Thương";

interface Detail {
  report: {
    state: string;
    version: number;
    indicatorValues: { indicatorCode: string; value: number; kind: string }[];
  };
}
interface Evaluation {
  targets: {
    measures: {
      indicator: { code: string } | null;
      values: { period: string; value: number; source: string; role: string }[];
    }[];
  }[];
}

describe.skipIf(!chromiumAvailable())("indicator figures in the report form", () => {
  let app: RunningApp & { database: Database };
  let browser: Browser;
  const actors: Actor[] = [];
  let reportId = 0;
  const row = (a: Actor) => a.page.locator(`[data-testid="indicator-value"][data-code="${CODE}"]`);

  beforeAll(async () => {
    app = await startAppWithDb();
    browser = await launchBrowser();
    const coordinator = await apiAs(app, "sct.dieuphoi");
    const period = await coordinator<{ id: number }>("POST", `/api/plans/${app.planId}/periods`, {
      frequency: "quarterly",
      label: "2025-Q2",
    });
    const list = await coordinator<{ items: { id: number; agency: { name: string } }[] }>(
      "GET",
      `/api/expected-reports?plan=${app.planId}&period=${period.id}`,
    );
    reportId = list.items.find((i) => i.agency.name === "Sở Công Thương")?.id ?? 0;
  });
  afterAll(async () => {
    for (const a of actors) await a.context.close();
    await browser?.close();
    await app?.close();
  });
  afterEach(() => {
    for (const a of actors) expect(a.errors, a.username).toEqual([]);
  });
  const join = async (username: string) => {
    const a = await actor(browser, app, username);
    actors.push(a);
    return a;
  };

  it("the reporter sees the indicators it supplies with last quarter's figure, and types 6.100,5", async () => {
    const reporter = await join("sct.baocao");
    const { page } = reporter;
    await open(page, app, `/reports/${reportId}`, "indicator-values");
    expect(await page.getByTestId("indicator-values").locator("h2").textContent()).toBe("Số liệu chỉ tiêu");
    expect(await seen(row(reporter).getByTestId("indicator-previous"))).toBe(
      "Kỳ trước (Quý I/2025): 5.447 tỷ đồng",
    );
    await row(reporter).getByTestId("indicator-value-input").fill("6.100,5");
    await row(reporter).getByTestId("indicator-kind").selectOption("official");
    await page.getByTestId("save-draft").click();
    await expect.poll(() => page.getByTestId("report-page").getAttribute("data-version"), POLL).toBe("1");
    const detail = await (await apiAs(app, "sct.baocao"))<Detail>("GET", `/api/reports/${reportId}`);
    expect(detail.report.indicatorValues).toMatchObject([
      { indicatorCode: CODE, value: 6100.5, kind: "official" },
    ]);
  });

  it("the leader submits; the coordinator sees the figure read-only and accepts", async () => {
    const leader = await join("sct.lanhdao");
    // Sending refuses a lead task left unreported (issue 9 §3): every task answered first.
    const api = await apiAs(app, "sct.lanhdao");
    const now = await api<Detail>("GET", `/api/reports/${reportId}`);
    await api("PUT", `/api/reports/${reportId}`, {
      version: now.report.version,
      updates: await answerEveryTask(api, reportId),
    });
    await open(leader.page, app, `/reports/${reportId}`, "indicator-values");
    await expect
      .poll(() => row(leader).getByTestId("indicator-value-input").inputValue(), POLL)
      .toBe("6.100,5");
    await leader.page.getByTestId("submit-report").click();
    await leader.page.getByTestId("confirm-submit").click();
    await reportState(leader.page, "submitted");

    const coord = await join("sct.dieuphoi");
    await open(coord.page, app, `/reports/${reportId}`, "review-panel");
    expect(await seen(row(coord).getByTestId("indicator-value-text"))).toBe(
      "6.100,5 tỷ đồng · Chính thức · Tuyên Quang (trước sáp nhập)",
    );
    expect(await row(coord).getByTestId("indicator-value-input").count()).toBe(0);
    await coord.page.getByTestId("review-accept").click();
    await reportState(coord.page, "accepted");
  });

  it("the accepted figure is in the indicator's series, sourced to the report, and used for its quarter", async () => {
    const coordinator = await apiAs(app, "sct.dieuphoi");
    const ev = await coordinator<Evaluation>("GET", `/api/plans/${app.planId}/targets/evaluation`);
    const measure = ev.targets.flatMap((t) => t.measures).find((m) => m.indicator?.code === CODE);
    const mine = measure?.values.filter((v) => v.source === SOURCE) ?? [];
    expect(mine).toMatchObject([{ period: "2025-Q2", value: 6100.5, role: "used" }]);
  });
});
