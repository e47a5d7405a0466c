/**
 * The plan pages in a real browser against the real server and a freshly seeded database
 * (Tuyên Quang industrial development plan 2021–2025: 54 tasks, 6 targets).
 * Every filter is checked against what GET /api/tasks answers for the same filter.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  apiGet,
  chromiumAvailable,
  collectErrors,
  launchBrowser,
  newContext,
  type RunningApp,
  rowCodes,
  seen,
  startApp,
  tmpFile,
} from "./support.ts";

interface AgencyItem {
  id: number;
  name: string;
  isGroup: boolean;
}
interface TaskItem {
  id: number;
  code: string;
  leads: AgencyItem[];
  coordinators: AgencyItem[];
}
interface ListOf<T> {
  items: T[];
  total: number;
}
interface PlanDetail {
  groups: { code: string; title: string }[];
}

const POLL = { timeout: 10_000, interval: 100 };

describe.skipIf(!chromiumAvailable())("plan pages in Chromium", () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  /** Task codes the API lists for these filters on the demo plan. */
  const apiCodes = async (filters: Record<string, string | number> = {}) => {
    const qs = new URLSearchParams({ plan: String(app.planId), pageSize: "200" });
    for (const [k, v] of Object.entries(filters)) qs.set(k, String(v));
    const list = await apiGet<ListOf<TaskItem>>(app, `/api/tasks?${qs}`);
    return list.items.map((t) => t.code);
  };
  const openPlan = async (query = "") => {
    await page.goto(`${app.url}/plans/${app.planId}${query}`);
    await expect.poll(() => rowCodes(page).then((r) => r.length), POLL).toBeGreaterThan(0);
  };
  const expectRows = async (expected: string[]) => {
    await expect.poll(() => rowCodes(page), POLL).toEqual(expected);
    await expect.poll(() => page.getByTestId("task-table").getAttribute("aria-busy"), POLL).toBe("false");
  };

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  beforeEach(async () => {
    context = await newContext(browser);
    page = await context.newPage();
    errors = collectErrors(page);
  });
  afterEach(async () => {
    await context.close();
    expect(errors).toEqual([]);
  });

  it("opens the plan from the start page and shows its 6 targets and 54 tasks", async () => {
    await page.goto(`${app.url}/`);
    const link = page.getByTestId("plan-link").filter({ hasText: "Tuyên Quang" });
    await expect.poll(() => link.count(), POLL).toBe(1);
    await expect.poll(() => page.getByTestId("agencies-link").count()).toBe(1);
    const row = page.getByTestId("plan-row").filter({ has: link });
    expect(await seen(row.getByTestId("plan-task-count"))).toBe("54");
    await link.click();
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe(`/plans/${app.planId}`);
    await expect.poll(() => page.getByTestId("target").count(), POLL).toBe(6);
    await expect.poll(() => rowCodes(page).then((r) => r.length), POLL).toBe(54);
    expect(await seen(page.locator("main"))).toContain("27.700");
    expect(await seen(page.getByTestId("targets"))).toMatch(/trên\s+27\.700 tỷ đồng/);
    expect(await seen(page.getByTestId("plan-title"))).toContain("Tuyên Quang");
    expect(await seen(page.getByTestId("task-count"))).toContain("54");
    expect(await rowCodes(page)).toEqual(await apiCodes());
  });

  it("filters by agency: exactly the tasks it leads or coordinates", async () => {
    const agencies = await apiGet<ListOf<AgencyItem>>(app, `/api/agencies?plan=${app.planId}`);
    // Today's owner: Sở Giao thông vận tải's tasks passed to Sở Xây dựng on 01/03/2025 (REGULATIONS.md §5).
    const transport = agencies.items.find((a) => a.name === "Sở Xây dựng");
    expect(transport, "Sở Xây dựng owns the former transport department's tasks").toBeDefined();
    const id = transport?.id as number;
    const all = await apiGet<ListOf<TaskItem>>(app, `/api/tasks?plan=${app.planId}&pageSize=200`);
    const takesPart = all.items
      .filter((t) => [...t.leads, ...t.coordinators].some((a) => a.id === id))
      .map((t) => t.code);
    expect(takesPart.length).toBeGreaterThan(0);

    await openPlan();
    await page.getByTestId("filter-agency").selectOption({ label: "Sở Xây dựng" });
    await expectRows(await apiCodes({ agency: id }));
    expect(await rowCodes(page)).toEqual(takesPart);
    expect(new URL(page.url()).searchParams.get("agency")).toBe(String(id));

    // The filter lives in the URL: a reload keeps it.
    await page.reload();
    await expectRows(takesPart);
    expect(await page.getByTestId("filter-agency").inputValue()).toBe(String(id));
  });

  it("filters by group and by schedule kind consistently with the API", async () => {
    const plan = await apiGet<PlanDetail>(app, `/api/plans/${app.planId}`);
    expect(plan.groups.length).toBeGreaterThan(1);
    // A group that narrows the list without emptying it.
    let group: string | undefined;
    for (const g of plan.groups) {
      const n = (await apiCodes({ group: g.code })).length;
      if (n > 1 && n < 54) {
        group = g.code;
        break;
      }
    }
    expect(group).toBeDefined();
    await openPlan();
    await page.getByTestId("filter-group").selectOption(group as string);
    const byGroup = await apiCodes({ group: group as string });
    await expectRows(byGroup);
    expect(byGroup.every((c) => c.startsWith(`${group}.`) || c === group)).toBe(true);

    await page.getByTestId("filter-kind").selectOption("milestone");
    await expectRows(await apiCodes({ group: group as string, kind: "milestone" }));

    await page.getByTestId("filter-group").selectOption("");
    const milestones = await apiCodes({ kind: "milestone" });
    expect(milestones.length).toBeGreaterThan(0);
    await expectRows(milestones);

    await page.getByTestId("filter-kind").selectOption("continuous");
    const continuous = await apiCodes({ kind: "continuous" });
    expect(continuous.length).toBeGreaterThan(0);
    await expectRows(continuous);
    expect(await seen(page.getByTestId("task-count"))).toContain(`${continuous.length} / 54`);

    await page.getByTestId("clear-filters").click();
    await expectRows(await apiCodes());
  });

  it("narrows rows by free text and by due date, and sorts by due date", async () => {
    await openPlan();
    await page.getByTestId("search").fill("điện");
    const found = await apiCodes({ q: "điện" });
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(54);
    await expectRows(found);

    await page.getByTestId("search").fill("");
    await expectRows(await apiCodes());

    await page.getByTestId("filter-due-before").fill("2022-03-31");
    const due = await apiCodes({ dueTo: "2022-03-31" });
    expect(due.length).toBeGreaterThan(0);
    expect(due.length).toBeLessThan(54);
    await expectRows(due);

    await page.getByTestId("filter-due-before").fill("");
    await page.getByTestId("sort").selectOption("due");
    await expectRows(await apiCodes({ sort: "due" }));
  });

  it("opens task 3.2 with both milestones, then its lead agency with its tasks", async () => {
    await openPlan();
    await page.locator('[data-testid="task-row"][data-code="3.2"] td.content').click();
    const detail = page.getByTestId("task-detail");
    await expect.poll(() => detail.count(), POLL).toBe(1);
    expect(new URL(page.url()).pathname).toMatch(/^\/tasks\/\d+$/);
    const dues = await page.getByTestId("milestone-due").allInnerTexts();
    expect(dues).toEqual(["31/03/2022", "30/06/2022"]);
    expect(await seen(detail)).toContain("4 cụm");
    expect(await seen(page.getByTestId("milestone-quantity").first())).toBe("4 cụm");
    expect(await seen(page.getByTestId("task-code"))).toMatch(/3\.2/);

    // Groups of agencies are marked differently from single agencies.
    const coordinators = page.getByTestId("task-coordinators").getByTestId("agency-link");
    expect(await coordinators.count()).toBeGreaterThan(0);

    // The task page is reachable by its URL (server falls back to the app).
    const taskUrl = page.url();
    await page.goto(taskUrl);
    await expect.poll(() => page.getByTestId("milestone").count(), POLL).toBe(2);

    const lead = page.getByTestId("task-leads").getByTestId("agency-link").first();
    const leadName = (await seen(lead)).trim();
    await lead.click();
    await expect.poll(() => page.getByTestId("agency-name").count(), POLL).toBe(1);
    expect(await seen(page.getByTestId("agency-name"))).toContain(leadName);
    const agencyId = new URL(page.url()).pathname.split("/").pop();
    const agency = await apiGet<{ lead: TaskItem[]; coordinating: TaskItem[] }>(
      app,
      `/api/agencies/${agencyId}`,
    );
    expect(await rowCodes(page, "agency-lead-tasks")).toEqual(agency.lead.map((t) => t.code));
    expect(await rowCodes(page, "agency-lead-tasks")).toContain("3.2");
    expect(await rowCodes(page, "agency-coord-tasks")).toEqual(agency.coordinating.map((t) => t.code));
  });

  it("switches to English and back; <html lang> follows and the choice is kept", async () => {
    await openPlan();
    const toggle = page.getByTestId("lang-toggle");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi");
    expect(await seen(toggle)).toBe("English");
    expect(await seen(page.locator("#targets-heading"))).toBe("Mục tiêu cụ thể");

    await toggle.click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe("en");
    expect(await seen(toggle)).toBe("Tiếng Việt");
    expect(await seen(page.locator("#targets-heading"))).toBe("Targets");
    expect(await seen(page.locator("#tasks-heading"))).toBe("Tasks");
    expect(await seen(page.getByTestId("targets"))).toContain("more than");
    expect(await seen(page.locator("label", { has: page.getByTestId("filter-agency") }))).toContain("Agency");

    await page.reload();
    await expect.poll(() => seen(page.getByTestId("lang-toggle")), POLL).toBe("Tiếng Việt");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");

    await page.getByTestId("lang-toggle").click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe("vi");
    expect(await seen(page.getByTestId("lang-toggle"))).toBe("English");
    expect(await seen(page.locator("#targets-heading"))).toBe("Mục tiêu cụ thể");
  });

  it("shows the API's Vietnamese error message for a task that does not exist", async () => {
    const res = await fetch(`${app.url}/api/tasks/99999999`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { messageVi: string } };
    await page.goto(`${app.url}/tasks/99999999`);
    await expect.poll(() => page.getByTestId("error").count(), POLL).toBe(1);
    expect(await seen(page.getByTestId("error"))).toContain(body.error.messageVi);
    // The browser logs the 404 itself; that one is expected here.
    const rest = errors.filter((e) => !/status of 404/.test(e));
    errors.splice(0, errors.length, ...rest);
  });

  it("takes a screenshot of the plan page", async () => {
    await context.close();
    context = await newContext(browser, 1280, 1500);
    page = await context.newPage();
    errors = collectErrors(page);
    await openPlan();
    await expect.poll(() => page.getByTestId("target").count(), POLL).toBe(6);
    await page.screenshot({ path: tmpFile("plan-page.png") });
  });
});
