/**
 * Every main page, as each role, at a desktop (1366 px) and a phone (360 px) width: no serious or
 * critical axe-core violation, and at 360 px no sideways panning (issue 9 §6). Screenshots of each
 * view go to e2e/screenshots/ (not committed) so a person can look at them.
 * The page list is exported data: add a page here when you add one to the app.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPage, type PageCheck } from "./axe.ts";
import { apiAs, signIn } from "./reporting-helpers.ts";
import {
  chromiumAvailable,
  collectErrors,
  launchBrowser,
  newContext,
  type RunningApp,
  startApp,
} from "./support.ts";

/** Who looks, and which pages they open; `:plan` and `:report` are filled in by the test. */
export const ROLE_PAGES: { role: string; username: string | null; pages: string[] }[] = [
  {
    role: "anonymous",
    username: null,
    pages: [
      "/",
      "/plans/:plan",
      "/plans/:plan/targets",
      "/tasks/3",
      "/agencies",
      "/agencies/3",
      "/projects",
      "/login",
    ],
  },
  { role: "reporter", username: "sct.baocao", pages: ["/my", "/reports/:report", "/password"] },
  { role: "leader", username: "sct.lanhdao", pages: ["/my", "/reports/:report"] },
  {
    role: "coordinator",
    username: "sct.dieuphoi",
    pages: [
      "/plans/:plan/reporting",
      "/plans/:plan/reporting?tab=matrix",
      "/plans/:plan/reporting?tab=review",
      "/plans/:plan/reporting?tab=urging",
      "/plans/:plan/status",
      "/plans/:plan/rates",
      "/plans/:plan/audit",
      "/plans/:plan/targets",
      "/plans/:plan/targets/data",
      "/reports/:report",
    ],
  },
  {
    role: "viewer",
    username: "lanhdao.tinh",
    pages: ["/plans/:plan/reporting", "/plans/:plan/status", "/plans/:plan/rates", "/plans/:plan"],
  },
  {
    role: "administrator",
    username: "admin",
    pages: ["/", "/admin/users", "/admin/agencies", "/admin/holidays", "/admin/import", "/admin/map"],
  },
];

const WIDTHS = [1366, 360];

describe.skipIf(!chromiumAvailable())("accessibility and phone width of every main page", () => {
  let app: RunningApp;
  let browser: Browser;
  let reportId = 0;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    // An open period, so the report pages and the coordinator's tabs have something to show.
    const coordinator = await apiAs(app, "sct.dieuphoi");
    const period = await coordinator<{ id: number }>("POST", `/api/plans/${app.planId}/periods`, {
      frequency: "quarterly",
      label: "2026-Q4",
    });
    const list = await coordinator<{ items: { id: number; agency: { name: string } }[] }>(
      "GET",
      `/api/expected-reports?plan=${app.planId}&period=${period.id}`,
    );
    reportId = list.items.find((i) => i.agency.name === "Sở Công Thương")?.id ?? 0;
    expect(reportId).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const { role, username, pages } of ROLE_PAGES) {
    for (const width of WIDTHS) {
      it(`${role} at ${width} px`, { timeout: 240_000 }, async () => {
        const context = await newContext(browser, width, width < 700 ? 780 : 900);
        try {
          const page = await context.newPage();
          const errors = collectErrors(page);
          if (username) await signIn(page, app, username);
          const results: PageCheck[] = [];
          for (const p of pages) {
            const url = p.replace(":plan", String(app.planId)).replace(":report", String(reportId));
            await page.goto(app.url + url);
            const slug = url.replace(/^\//, "").replace(/[/?=]+/g, "-") || "home";
            results.push(await checkPage(page, `${role}-${slug}-${width}`));
          }
          const problems = results.flatMap((r) => [
            ...r.violations.map((v) => `${r.path}: ${v}`),
            ...(r.overflow
              ? [`${r.path}: page is ${r.overflow.scrollWidth}px wide: ${r.overflow.culprits.join(", ")}`]
              : []),
          ]);
          // Console errors are other tests' business (e.g. an expected 409); shown, not asserted here.
          if (errors.length > 0) console.warn(`[axe] ${role} ${width}px console:`, errors);
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});
