/**
 * The target data entry page (/plans/:id/targets/data) in a real browser against the real server
 * and a freshly seeded database: the coordinator enters an estimate typed the Vietnamese way (a
 * jump without a comment is refused under the comment field first), uploads an XLSX built from
 * the served template with one bad row (the row is named, nothing is stored — then the same file
 * without it is stored), founds a new cluster and sees target (5) count one more; an anonymous
 * visitor is sent to sign in and sees no forms.
 */
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POLL, signIn } from "./reporting-helpers.ts";
import {
  apiGet,
  chromiumAvailable,
  collectErrors,
  launchBrowser,
  newContext,
  type RunningApp,
  seen,
  startApp,
  tmpFile,
} from "./support.ts";

const PRE = "Tuyên Quang (pre-merger)";
const PRODUCTION = "industrial_production_value_2010_prices";

interface EvaluationAnswer {
  targets: {
    code: string;
    measures: {
      code: string;
      measureId: number;
      trajectory: { source: string; trajectory: { points: { year: number; required: number }[] } | null };
      values: { id: number; period: string; kind: string; value: number; source: string; role: string }[];
      evaluation: { latest: { value: number } | null };
    }[];
  }[];
}

/** Every figure the evaluation lists, by id: what the targets page shows. */
async function figureIds(app: RunningApp): Promise<number[]> {
  const e = await apiGet<EvaluationAnswer>(app, `/api/plans/${app.planId}/targets/evaluation`);
  return e.targets.flatMap((t) => t.measures.flatMap((m) => m.values.map((v) => v.id))).sort((a, b) => a - b);
}

async function figuresWithSource(app: RunningApp, source: string) {
  const e = await apiGet<EvaluationAnswer>(app, `/api/plans/${app.planId}/targets/evaluation`);
  return e.targets.flatMap((t) => t.measures.flatMap((m) => m.values.filter((v) => v.source === source)));
}

/** Target (5)'s count as the targets page shows it ("3 cụm công nghiệp (2025)"). */
async function targetFiveOnPage(page: Page): Promise<number | null> {
  const dd = page.locator('[data-testid=tg-target][data-code="5"] [data-testid=measure-latest]');
  if ((await dd.count()) !== 1) return null;
  // The working sits in a closed disclosure (issue 10 §3): read its text, rendered or not.
  const m = /^(\d+)/.exec(((await dd.textContent()) ?? "").trim());
  return m ? Number(m[1]) : null;
}

/** The served template with the given rows in its "values" sheet, saved to a file. */
async function workbook(app: RunningApp, name: string, rows: (string | number | null)[][]): Promise<string> {
  const res = await fetch(`${app.url}/api/indicators/template.xlsx`);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const ws = wb.getWorksheet("values");
  if (!ws) throw new Error("the template has no values sheet");
  rows.forEach((r, i) => {
    ws.getRow(i + 2).values = r;
  });
  const file = tmpFile(name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe.skipIf(!chromiumAvailable())("target data entry page in Chromium", () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  /** Answers a step expects to be refused (the browser logs them as console errors). */
  let expected: number[];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  beforeEach(async () => {
    context = await newContext(browser, 1280, 1600);
    page = await context.newPage();
    errors = collectErrors(page);
    expected = [];
  });
  afterEach(async () => {
    await context.close();
    expect(errors.filter((e) => !expected.some((s) => e.includes(`status of ${s}`)))).toEqual([]);
  });

  const dataPage = () => `/plans/${app.planId}/targets/data`;

  it("enters an estimate typed '27.500': a jump without a comment is refused under the comment, then it is used", async () => {
    expected = [400];
    await signIn(page, app, "sct.dieuphoi", `/plans/${app.planId}/targets`);
    const link = page.getByTestId("target-data-link");
    await expect.poll(() => link.count(), POLL).toBe(1);
    expect(await seen(link)).toBe("Nhập số liệu");
    await link.click();
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe(dataPage());
    const option = page.locator(`[data-testid=vf-indicator] option[value="${PRODUCTION}"]`);
    await expect.poll(() => option.count(), POLL).toBe(1);
    expect(await seen(option)).toContain("Giá trị sản xuất công nghiệp");
    expect(await seen(option)).toContain("(tỷ đồng)");

    await page.getByTestId("vf-indicator").selectOption(PRODUCTION);
    await page.getByTestId("vf-period").fill("2025");
    expect(await page.getByTestId("vf-scope").inputValue()).toBe(PRE);
    await page.getByTestId("vf-kind").selectOption("estimate");
    // 40.000 after 23.730 in 2024 is a 69 % jump: the rule (30 %) wants a comment.
    await page.getByTestId("vf-value").fill("40.000");
    await expect
      .poll(() => seen(page.locator("[data-field=value] small")), POLL)
      .toBe("Được hiểu là: 40.000");
    await page.getByTestId("vf-source").fill("Báo cáo ước thực hiện năm 2025 của Sở Công Thương");
    await page.getByTestId("vf-save").click();
    const commentError = page.locator('[data-testid=field-error][data-field="comment"]');
    await expect.poll(() => commentError.count(), POLL).toBe(1);
    expect(await seen(commentError)).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳý]/i); // Vietnamese, not English
    expect(await page.getByTestId("vf-outcome").count()).toBe(0);
    expect((await figuresWithSource(app, "Báo cáo ước thực hiện năm 2025 của Sở Công Thương")).length).toBe(
      0,
    );

    await page.getByTestId("vf-value").fill("27.500");
    await page.getByTestId("vf-published-on").fill("2025-12-20");
    await expect
      .poll(() => seen(page.locator("[data-field=value] small")), POLL)
      .toBe("Được hiểu là: 27.500");
    await page.getByTestId("vf-save").click();
    await expect.poll(() => page.getByTestId("vf-outcome").count(), POLL).toBe(1);
    expect(await seen(page.getByTestId("vf-outcome"))).toContain(
      "Đã lưu số liệu 27.500 tỷ đồng (ước tính) cho kỳ 2025.",
    );
    expect(await seen(page.getByTestId("vf-used"))).toBe("Số liệu này đang được dùng cho kỳ 2025.");
    const stored = await figuresWithSource(app, "Báo cáo ước thực hiện năm 2025 của Sở Công Thương");
    expect(stored).toEqual([
      expect.objectContaining({
        period: "2025",
        kind: "estimate",
        value: 27500,
        role: "used",
        publishedOn: "2025-12-20",
      }),
    ]);
  });

  it("names the bad row of an uploaded XLSX and stores nothing; without it the file is stored", async () => {
    expected = [400];
    const source = "E2E: tệp tải lên, quý II/2025";
    const good = [PRODUCTION, "2025-Q2", PRE, "estimate", 6000, "tỷ đồng", source, null];
    const bad = ["khong_co_chi_tieu", "2025-Q2", PRE, "estimate", 1, "tỷ đồng", source, null];
    const withBad = await workbook(app, "td-upload-bad.xlsx", [good, bad]);
    const before = await figureIds(app);

    await signIn(page, app, "sct.dieuphoi", dataPage());
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe(dataPage());
    expect(await page.getByTestId("template-link").getAttribute("href")).toBe(
      "/api/indicators/template.xlsx",
    );
    await page.getByTestId("upload-file").setInputFiles(withBad);
    await page.getByTestId("upload-send").click();
    await expect.poll(() => page.getByTestId("upload-refused").count(), POLL).toBe(1);
    expect(await seen(page.getByTestId("upload-nothing"))).toBe("Không lưu số liệu nào.");
    const rows = page.getByTestId("bad-row");
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute("data-line")).toBe("3");
    expect(await seen(rows.first())).toContain("Dòng 3");
    expect(await seen(rows.first())).toContain("khong_co_chi_tieu");
    expect(await figureIds(app)).toEqual(before);
    expect(await figuresWithSource(app, source)).toEqual([]);

    const clean = await workbook(app, "td-upload-good.xlsx", [good]);
    await page.getByTestId("upload-file").setInputFiles(clean);
    await page.getByTestId("upload-send").click();
    await expect.poll(() => page.getByTestId("upload-stored").count(), POLL).toBe(1);
    expect(await seen(page.getByTestId("upload-stored"))).toBe(
      "Đã lưu 1 số liệu từ tệp td-upload-good.xlsx.",
    );
    expect(await figuresWithSource(app, source)).toEqual([
      expect.objectContaining({ period: "2025-Q2", kind: "estimate", value: 6000 }),
    ]);
  });

  it("adds a cluster and its founding decision: target (5) on the targets page counts one more", async () => {
    await signIn(page, app, "sct.dieuphoi", `/plans/${app.planId}/targets`);
    await expect.poll(() => targetFiveOnPage(page), POLL).not.toBeNull();
    const before = (await targetFiveOnPage(page)) as number;
    const api = await apiGet<EvaluationAnswer>(app, `/api/plans/${app.planId}/targets/evaluation`);
    expect(api.targets.find((t) => t.code === "5")?.measures[0]?.evaluation.latest?.value).toBe(before);

    await page.getByTestId("target-data-link").click();
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe(dataPage());
    await expect
      .poll(() => page.locator("[data-testid=zone-select] option").count(), POLL)
      .toBeGreaterThan(2);
    await page.getByTestId("zone-select").selectOption("new");
    await page.getByTestId("zf-name").fill("Kim Phú E2E");
    await page.getByTestId("zf-kind").selectOption("industrial_cluster");
    await page.getByTestId("zf-district").fill("Yên Sơn");
    await page.getByTestId("zf-total").fill("50");
    await page.getByTestId("zf-land").fill("35,5");
    await page.getByTestId("zf-lon").fill("105,25");
    await page.getByTestId("zf-lat").fill("21,86");
    await page.getByTestId("zf-save").click();
    await expect.poll(() => page.getByTestId("zone-chosen").count(), POLL).toBe(1);
    expect(await seen(page.getByTestId("zone-added"))).toContain("Kim Phú E2E");
    expect(await seen(page.getByTestId("zone-status"))).toContain("Chưa có sự kiện");

    // A decision known only by its year: recorded without a day, and the answer says how it counts.
    await page.getByTestId("ef-kind").selectOption("expanded");
    await page.getByTestId("ef-year").fill("2025");
    await page.getByTestId("ef-decision").fill("77/QĐ-UBND");
    await page.getByTestId("ef-save").click();
    await expect
      .poll(
        async () =>
          (await page.getByTestId("ef-countable").count()) && seen(page.getByTestId("ef-countable")),
        POLL,
      )
      .toContain("năm 2025, chưa rõ ngày");
    const kimPhu = (
      await apiGet<{
        items: { name: string; events: { kind: string; date: string | null; year: number | null }[] }[];
      }>(app, "/api/zones")
    ).items.find((z) => z.name === "Kim Phú E2E");
    expect(kimPhu?.events.find((e) => e.kind === "expanded")).toMatchObject({ date: null, year: 2025 });

    await page.getByTestId("ef-kind").selectOption("established");
    await page.getByTestId("ef-year").fill("");
    await page.getByTestId("ef-date").fill("2024-06-15");
    await page.getByTestId("ef-decision").fill("1234/QĐ-UBND");
    await page.getByTestId("ef-source").fill("Quyết định thành lập CCN Kim Phú (E2E)");
    await page.getByTestId("ef-save").click();
    await expect
      .poll(
        async () =>
          (await page.getByTestId("ef-countable").count()) && seen(page.getByTestId("ef-countable")),
        POLL,
      )
      .toContain("1234/QĐ-UBND");
    expect(await page.getByTestId("ef-countable").getAttribute("data-counted")).toBe("true");
    await expect.poll(() => seen(page.getByTestId("zone-status")), POLL).toContain("Đã thành lập");
    expect(await seen(page.getByTestId("zone-status"))).toContain("(15/06/2024)");
    await page.screenshot({ path: tmpFile("target-data-page.png"), fullPage: true });

    // A lease snapshot of the new cluster: 20 of 35,5 ha leased.
    await page.getByTestId("lf-as-of").fill("2025-06-30");
    await page.getByTestId("lf-leased").fill("20");
    await page.getByTestId("lf-leasable").fill("35,5");
    await page.getByTestId("lf-save").click();
    await expect.poll(() => page.getByTestId("lf-done").count(), POLL).toBe(1);
    expect(await seen(page.getByTestId("lf-done"))).toBe("Đã ghi: tỷ lệ lấp đầy 56,3%.");

    await page.getByTestId("ef-to-targets").click();
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe(`/plans/${app.planId}/targets`);
    await expect.poll(() => targetFiveOnPage(page), POLL).toBe(before + 1);
    // Drawn at its own location: the dot is there, and the registry keeps the point typed with commas.
    const dot = page.locator("[data-testid=zone-dot]", { hasText: "Kim Phú E2E" });
    await expect.poll(() => dot.count(), POLL).toBe(1);
    const zones = await apiGet<{ items: { name: string; geometry: unknown }[] }>(app, "/api/zones");
    expect(zones.items.find((z) => z.name === "Kim Phú E2E")?.geometry).toEqual({
      type: "Point",
      coordinates: [105.25, 21.86],
    });
  });

  it("saves the Appendix I trajectory of a measure year by year, then clears it", async () => {
    const measureOf = async () => {
      const e = await apiGet<EvaluationAnswer>(app, `/api/plans/${app.planId}/targets/evaluation`);
      const m = e.targets.flatMap((t) => t.measures).find((x) => x.code === "1.1");
      if (!m) throw new Error("no measure 1.1");
      return m;
    };
    const m = await measureOf();
    expect(m.trajectory.source).toBe("derived");
    await signIn(page, app, "sct.dieuphoi", dataPage());
    const option = page.locator(`[data-testid=tf-measure] option[value="${m.measureId}"]`);
    await expect.poll(() => option.count(), POLL).toBe(1);
    await page.getByTestId("tf-measure").selectOption(String(m.measureId));
    const values = ["15.156", "17.670", "20.450", "23.730", "27.700"];
    for (const [i, v] of values.entries()) await page.getByTestId(`tf-year-${2021 + i}`).fill(v);
    await page.getByTestId("tf-source").fill("Phụ lục I, Kế hoạch phát triển công nghiệp 2021–2025");
    await page.getByTestId("tf-save").click();
    await expect.poll(() => page.getByTestId("tf-done").count(), POLL).toBe(1);
    expect(await seen(page.getByTestId("tf-done"))).toBe("Đã lưu lộ trình 5 năm.");
    const saved = await measureOf();
    expect(saved.trajectory.source).toBe("saved");
    expect(saved.trajectory.trajectory?.points).toEqual(
      [15156, 17670, 20450, 23730, 27700].map((required, i) => ({ year: 2021 + i, required })),
    );

    await page.getByTestId("tf-clear").click();
    await expect.poll(() => seen(page.getByTestId("tf-done")), POLL).toContain("Đã xóa lộ trình");
    expect((await measureOf()).trajectory.source).toBe("derived");
    expect(await page.getByTestId("tf-year-2021").inputValue()).toBe("");
  });

  it("sends an anonymous visitor to sign in and shows no forms", async () => {
    await page.goto(`${app.url}${dataPage()}`);
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe("/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe(dataPage());
    // The sign-in page is its own chunk: wait for it to arrive.
    await expect.poll(() => page.getByTestId("login-username").count(), POLL).toBe(1);
    expect(
      await page.locator("[data-testid=value-form], [data-testid=upload-form], form.td-form").count(),
    ).toBe(0);

    await page.goto(`${app.url}/plans/${app.planId}/targets`);
    await expect.poll(() => page.getByTestId("tg-target").count(), POLL).toBe(6);
    expect(await page.getByTestId("target-data-link").count()).toBe(0);
  });
});
