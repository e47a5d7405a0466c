/**
 * The administrator's pages in a real browser against the real server and a freshly seeded
 * database: create a user (who can then sign in), import a plan document through the web
 * (preview with warnings, a corrected deadline, confirm; the same document twice is refused),
 * the holiday calendar and the agency registry; a non-administrator sees none of it.
 * The steps run in order and share one server.
 */
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../src/db/seed-accounts.ts";
import {
  apiGet,
  chromiumAvailable,
  collectErrors,
  launchBrowser,
  newContext,
  ROOT,
  type RunningApp,
  seen,
  startApp,
} from "./support.ts";

const POLL = { timeout: 15_000, interval: 100 };
const LAOCAI = path.join(ROOT, "test/fixtures/plans/laocai-kh-chithi11-khoangsan-2026.txt");
const BTNMT = path.join(ROOT, "test/fixtures/plans/btnmt-kh09-2024-tinchi-cacbon.txt");
// Not a demo login: the seed has sxd.baocao since the 2025 reorganisation moved Sở GTVT's work to Sở Xây dựng.
const NEW_USER = "sxd.baocao2";
const NEW_PASSWORD = "xay-dung-2026-bao-cao";

interface Session {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function signIn(page: Page, app: RunningApp, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${app.url}/login`);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await expect.poll(() => page.getByTestId("user-name").count(), POLL).toBe(1);
}

/** Errors the browser logs for answers a step expects (e.g. 400 for a refused form). */
function allow(s: Session, ...statuses: number[]) {
  const rest = s.errors.filter((e) => !statuses.some((n) => e.includes(`status of ${n}`)));
  s.errors.splice(0, s.errors.length, ...rest);
}

const pathOf = (page: Page) => new URL(page.url()).pathname;

describe.skipIf(!chromiumAvailable())("administration in Chromium", () => {
  let app: RunningApp;
  let browser: Browser;
  let admin: Session;
  const sessions: Session[] = [];
  let newPlanId = 0;

  const open = async (username: string, password?: string): Promise<Session> => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const s = { context, page, errors: collectErrors(page) };
    sessions.push(s);
    await signIn(page, app, username, password);
    return s;
  };

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
    await app?.close();
  });
  afterEach(() => {
    for (const s of sessions) expect(s.errors).toEqual([]);
  });

  it("admin creates a reporter for Sở Xây dựng (errors shown field by field); the new user signs in", async () => {
    admin = await open("admin");
    const { page } = admin;
    await expect.poll(() => page.getByTestId("nav-admin").count(), POLL).toBe(1);
    expect(await seen(page.getByTestId("nav-admin"))).toBe("Quản trị");
    await page.getByTestId("nav-admin").click();
    await expect.poll(() => pathOf(page), POLL).toBe("/admin/users");
    const rows = page.getByTestId("user-row");
    await expect.poll(() => rows.count(), POLL).toBeGreaterThan(5);
    expect(await seen(page.locator('[data-testid="user-row"][data-username="sct.baocao"]'))).toContain(
      "Sở Công Thương",
    );

    await page.getByTestId("user-new").click();
    const form = page.getByTestId("user-form");
    await expect.poll(() => form.count(), POLL).toBe(1);
    // The agency select lists every agency of the registry; pick Tuyên Quang's Sở Xây dựng.
    // The options arrive with the agency list: wait for them rather than read a half-filled select.
    const sxdOption = () =>
      form
        .getByTestId("uf-agency")
        .locator("option")
        .evaluateAll(
          (opts) =>
            opts
              .find((o) => (o as HTMLOptionElement).text.startsWith("Sở Xây dựng"))
              ?.getAttribute("value") ?? "",
        );
    await expect.poll(sxdOption, POLL).not.toBe("");
    const sxd = await sxdOption();
    await form.getByTestId("uf-username").fill("sct.baocao");
    await form.getByTestId("uf-display-name").fill("Cán bộ báo cáo — Sở Xây dựng");
    await form.getByTestId("uf-email").fill("baocao@sxd.tuyenquang.gov.vn");
    await form.getByTestId("uf-agency").selectOption(sxd);
    await form.getByTestId("uf-password").fill("ngan");
    const role = form.getByTestId("role-row");
    expect(await role.count()).toBe(1);
    await role.getByTestId("role-role").selectOption("reporter");
    await role.getByTestId("role-plan").selectOption(String(app.planId));

    // A too short password: the server's reason appears under the password.
    await form.getByTestId("uf-submit").click();
    const problem = form.locator('[data-testid="field-error"][data-field="password"]');
    await expect.poll(() => problem.count(), POLL).toBe(1);
    expect(await seen(problem)).toContain("ít nhất 10 ký tự");
    // A username that is taken: the reason appears under the username.
    await form.getByTestId("uf-password").fill(NEW_PASSWORD);
    await form.getByTestId("uf-submit").click();
    const taken = form.locator('[data-testid="field-error"][data-field="username"]');
    await expect.poll(() => taken.count(), POLL).toBe(1);
    expect(await seen(taken)).toContain("đã có người dùng");
    expect(await form.locator('[data-testid="field-error"][data-field="password"]').count()).toBe(0);
    allow(admin, 400);

    await form.getByTestId("uf-username").fill(NEW_USER);
    await form.getByTestId("uf-submit").click();
    await expect.poll(() => page.getByTestId("user-form").count(), POLL).toBe(0);
    expect(await seen(page.getByTestId("admin-notice"))).toContain(NEW_USER);
    const row = page.locator(`[data-testid="user-row"][data-username="${NEW_USER}"]`);
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await seen(row.getByTestId("user-agency"))).toBe("Sở Xây dựng");
    expect(await row.getByTestId("user-role-chip").getAttribute("data-role")).toBe("reporter");
    expect(await row.getByTestId("user-must-change").count()).toBe(1);

    // The new user signs in with the initial password and is asked to change it.
    const user = await open(NEW_USER, NEW_PASSWORD);
    expect(await seen(user.page.getByTestId("user-name"))).toBe("Cán bộ báo cáo — Sở Xây dựng");
    expect(await seen(user.page.getByTestId("user-agency"))).toBe("Sở Xây dựng");
    await expect.poll(() => pathOf(user.page), POLL).toBe("/password");
    expect(await user.page.getByTestId("nav-admin").count()).toBe(0);
    // Done with this session (the user is disabled next, which ends it).
    await user.context.close();
    sessions.splice(sessions.indexOf(user), 1);
  });

  it("admin edits the new user's roles, disables and enables it, and resets its password", async () => {
    const { page } = admin;
    const row = page.locator(`[data-testid="user-row"][data-username="${NEW_USER}"]`);
    await row.getByTestId("user-edit").click();
    const form = page.getByTestId("user-form");
    await expect.poll(() => form.getByTestId("role-row").count(), POLL).toBe(1);
    expect(await form.getByTestId("uf-username").inputValue()).toBe(NEW_USER);
    await form.getByTestId("role-add").click();
    await form.getByTestId("role-role").last().selectOption("viewer");
    await form.getByTestId("role-plan").last().selectOption(String(app.planId));
    await form.getByTestId("uf-submit").click();
    await expect.poll(() => row.getByTestId("user-role-chip").count(), POLL).toBe(2);
    const roles = await row
      .getByTestId("user-role-chip")
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.role));
    expect(roles).toEqual(["reporter", "viewer"]);

    await row.getByTestId("user-toggle").click();
    await expect.poll(() => row.getByTestId("user-state").getAttribute("data-state"), POLL).toBe("disabled");
    expect(await seen(row.getByTestId("user-toggle"))).toBe("Kích hoạt");
    await row.getByTestId("user-toggle").click();
    await expect.poll(() => row.getByTestId("user-state").getAttribute("data-state"), POLL).toBe("active");

    await row.getByTestId("user-reset").click();
    await page.getByTestId("reset-password").fill("mat-khau-moi-2026");
    await page.getByTestId("reset-again").fill("mat-khau-moi-2026");
    await page.getByTestId("reset-submit").click();
    await expect.poll(() => page.getByTestId("reset-form").count(), POLL).toBe(0);
    expect(await seen(page.getByTestId("admin-notice"))).toContain("phải đổi mật khẩu");
    expect(await row.getByTestId("user-must-change").count()).toBe(1);
    // The user's open session ended with the disabling; the new password works.
    const again = await open(NEW_USER, "mat-khau-moi-2026");
    await expect.poll(() => pathOf(again.page), POLL).toBe("/password");
  });

  it("admin uploads the Lào Cai plan, sees 14 tasks and the warnings, corrects a deadline and confirms", async () => {
    const { page } = admin;
    const plansBefore = await apiGet<{ total: number }>(app, "/api/plans");
    await page.getByTestId("admin-tab-import").click();
    await expect.poll(() => pathOf(page), POLL).toBe("/admin/import");
    await page.getByTestId("import-file").setInputFiles(LAOCAI);
    await page.getByTestId("import-preview-submit").click();
    await expect.poll(() => page.getByTestId("import-preview").count(), POLL).toBe(1);

    expect(await seen(page.getByTestId("import-title"))).toContain("Chỉ thị số 11-CT/TU");
    expect(await seen(page.getByTestId("import-number"))).toBe("…/KH-UBND");
    expect(await seen(page.getByTestId("import-issuer"))).toBe("Ủy ban nhân dân tỉnh Lào Cai");
    expect(await seen(page.getByTestId("import-period"))).toBe("2026 – 2029");
    expect(await seen(page.getByTestId("import-basis"))).toContain("Chỉ thị số 11-CT/TU ngày 04/01/2026");
    expect(await page.getByTestId("import-target").count()).toBe(1);
    expect(await seen(page.getByTestId("import-measure"))).toContain("ít nhất 5 mỏ");

    const tasks = page.getByTestId("import-task");
    expect(await tasks.count()).toBe(14);
    const codes = await tasks.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.code));
    expect(codes).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
    const task6 = page.locator('[data-testid="import-task"][data-code="6"]');
    expect(await seen(task6.getByTestId("task-leads"))).toBe("Sở Công Thương; Sở Xây dựng");
    expect(await task6.getByTestId("task-schedule").getAttribute("data-kind")).toBe("continuous");
    const task1 = page.locator('[data-testid="import-task"][data-code="1"]');
    expect(await task1.getByTestId("task-due").getAttribute("data-due")).toBe("2026-06-30");

    // The importer's warnings, highlighted where they belong (this document's are in its header
    // and targets: a blank number, a missing date, an inferred period, targets read from prose).
    const warnings = page.getByTestId("import-warning");
    expect(await warnings.count()).toBe(4);
    const headerCodes = await page
      .getByTestId("header-warnings")
      .getByTestId("import-warning")
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.code));
    expect(headerCodes).toEqual(["number_blank", "date_missing", "period_inferred"]);
    expect(await seen(page.getByTestId("header-warnings"))).toContain("Số hiệu để trống");
    expect(
      await page.getByTestId("target-warnings").getByTestId("import-warning").getAttribute("data-code"),
    ).toBe("targets_from_prose");
    expect(await seen(page.getByTestId("import-summary"))).toContain("14 nhiệm vụ, 1 chỉ tiêu, 4 cảnh báo");
    // Nothing is stored by the preview.
    expect((await apiGet<{ total: number }>(app, "/api/plans")).total).toBe(plansBefore.total);

    // Correct task 3's deadline: the new text is read at once.
    const task3 = page.locator('[data-testid="import-task"][data-code="3"]');
    expect(await seen(task3.getByTestId("task-deadline"))).toBe("Trong năm 2026");
    await task3.getByTestId("task-edit").click();
    await task3.getByTestId("task-deadline-input").fill("Quý III/2026");
    await expect.poll(() => task3.getByTestId("task-due").getAttribute("data-due"), POLL).toBe("2026-09-30");
    expect(await task3.getAttribute("data-edited")).toBe("true");
    expect(await seen(task3.getByTestId("task-deadline"))).toContain("Văn bản ghi: Trong năm 2026");
    expect(await seen(page.getByTestId("import-edited-count"))).toBe("Đã sửa 1 nhiệm vụ.");

    await page.getByTestId("import-confirm").click();
    await expect.poll(() => page.getByTestId("import-done").count(), POLL).toBe(1);
    expect(await seen(page.getByTestId("import-done"))).toContain("14 nhiệm vụ");
    await page.getByTestId("import-plan-link").click();
    await expect.poll(() => /^\/plans\/\d+$/.test(pathOf(page)), POLL).toBe(true);
    newPlanId = Number(pathOf(page).split("/").pop());
    await expect.poll(() => page.getByTestId("plan-title").count(), POLL).toBe(1);
    expect(await seen(page.getByTestId("plan-title"))).toContain("Chỉ thị số 11-CT/TU");

    // The home page lists it with its 14 tasks.
    await page.getByTestId("home-link").click();
    const card = page.locator(`[data-testid="plan-row"][data-id="${newPlanId}"]`);
    await expect.poll(() => card.count(), POLL).toBe(1);
    expect(await seen(card.getByTestId("plan-task-count"))).toBe("14");
    expect(await seen(card.getByTestId("plan-link"))).toContain("khoáng sản");

    // The corrected deadline was stored (and read again by the server).
    const stored = await apiGet<{ items: { code: string; deadlineText: string; firstDue: string | null }[] }>(
      app,
      `/api/tasks?plan=${newPlanId}&pageSize=100`,
    );
    const t3 = stored.items.find((t) => t.code === "3");
    expect(t3?.deadlineText).toBe("Quý III/2026");
    expect(t3?.firstDue).toBe("2026-09-30");
    expect(stored.items.find((t) => t.code === "2")?.deadlineText).toBe("Xong trong tháng 5/2026");
  });

  it("uploading the same document again and confirming shows that it is already imported", async () => {
    const { page } = admin;
    await page.goto(`${app.url}/admin/import`);
    await expect.poll(() => page.getByTestId("import-file").count(), POLL).toBe(1);
    await page.getByTestId("import-file").setInputFiles(LAOCAI);
    await page.getByTestId("import-preview-submit").click();
    await expect.poll(() => page.getByTestId("import-task").count(), POLL).toBe(14);
    await page.getByTestId("import-confirm").click();
    const error = page.getByTestId("import-error");
    await expect.poll(() => error.count(), POLL).toBe(1);
    expect(await error.getAttribute("data-code")).toBe("PLAN_ALREADY_IMPORTED");
    expect(await seen(error)).toContain(`Văn bản này đã được nhập thành kế hoạch #${newPlanId}`);
    expect(await page.getByTestId("import-existing-link").getAttribute("href")).toBe(`/plans/${newPlanId}`);
    expect(await page.getByTestId("import-done").count()).toBe(0);
    const plans = await apiGet<{ items: { title: string }[] }>(app, "/api/plans");
    expect(plans.items.filter((p) => p.title.includes("Chỉ thị số 11-CT/TU")).length).toBe(1);
    allow(admin, 409);
  });

  it("a task's warnings sit next to it and open it for correction (preview only)", async () => {
    const { page } = admin;
    await page.getByTestId("import-start-over").click();
    await page.getByTestId("import-file").setInputFiles(BTNMT);
    await page.getByTestId("import-preview-submit").click();
    await expect.poll(() => page.getByTestId("import-task").count(), POLL).toBe(9);
    const task1 = page.locator('[data-testid="import-task"][data-code="1"]');
    expect(await task1.getAttribute("data-warned")).toBe("true");
    const codes = await task1
      .getByTestId("import-warning")
      .evaluateAll((els) =>
        els.map((e) => `${(e as HTMLElement).dataset.where} ${(e as HTMLElement).dataset.code}`),
      );
    expect(codes).toEqual(["task 1 agency_unknown", "task 1 agency_unknown"]);
    expect(await seen(task1.getByTestId("task-warnings"))).toContain("Đơn vị chưa có trong danh mục");
    expect(await task1.getByTestId("task-editor").count()).toBe(1);
    const leads = task1.getByTestId("task-leads-editor-input");
    expect(await leads.first().inputValue()).toBe("Cục Biến đổi khí hậu");
    // A task without warnings is closed.
    expect(
      await page.locator('[data-testid="import-task"][data-code="4"]').getByTestId("task-editor").count(),
    ).toBe(0);
    expect(
      await page
        .getByTestId("other-warnings")
        .getByTestId("import-warning")
        .first()
        .getAttribute("data-where"),
    ).toBe("section IV");
  });

  it("holidays: Tết moves every year; a day is added, corrected and deleted", async () => {
    const { page } = admin;
    await page.getByTestId("admin-tab-holidays").click();
    await expect.poll(() => pathOf(page), POLL).toBe("/admin/holidays");
    await page.getByTestId("holiday-year").fill("2026");
    const rows = page.getByTestId("holiday-row");
    await expect
      .poll(() => page.locator('[data-testid="holiday-row"][data-date="2026-02-17"]').count(), POLL)
      .toBe(1);
    expect((await seen(page.getByTestId("tet-strip"))).toLowerCase()).toContain(
      "tết nguyên đán đổi ngày mỗi năm",
    );
    expect(await seen(page.getByTestId("tet-span"))).toMatch(/^Nghỉ Tết năm 2026: từ \d\d\/02\/2026/);
    const tet = await page
      .getByTestId("tet-year")
      .evaluateAll((els) =>
        els.map((e) => `${(e as HTMLElement).dataset.year}:${(e as HTMLElement).dataset.date}`),
      );
    expect(tet).toContain("2026:2026-02-17");
    expect(tet).toContain("2025:2025-01-29");
    const before = await rows.count();

    await page.getByTestId("holiday-new").click();
    await page.getByTestId("hf-date").fill("2026-09-03");
    await page.getByTestId("hf-name").fill("Nghỉ thêm dịp Quốc khánh");
    await page.getByTestId("hf-official").uncheck();
    await page.getByTestId("hf-submit").click();
    const added = page.locator('[data-testid="holiday-row"][data-date="2026-09-03"]');
    await expect.poll(() => added.count(), POLL).toBe(1);
    expect(await rows.count()).toBe(before + 1);
    expect(await seen(added)).toContain("Thứ Năm");

    await added.getByTestId("holiday-edit").click();
    await page.getByTestId("hf-name").fill("Nghỉ bù Quốc khánh");
    await page.getByTestId("hf-submit").click();
    await expect.poll(() => seen(added.getByTestId("holiday-name")), POLL).toBe("Nghỉ bù Quốc khánh");

    await added.getByTestId("holiday-delete").click();
    await added.getByTestId("holiday-delete-confirm").click();
    await expect.poll(() => added.count(), POLL).toBe(0);
    expect(await rows.count()).toBe(before);
  });

  it("agencies: the registry with validity and successors; aliases are edited", async () => {
    const { page } = admin;
    await page.getByTestId("admin-tab-agencies").click();
    const row = (name: string) =>
      page.locator(`[data-testid="agencies-table"] [data-testid="agency-row"][data-name="${name}"]`);
    await expect.poll(() => row("Sở Kế hoạch và Đầu tư").count(), POLL).toBe(1);
    expect(await seen(row("Sở Kế hoạch và Đầu tư").getByTestId("agency-validity"))).toContain("28/02/2025");
    expect(await seen(row("Sở Kế hoạch và Đầu tư").getByTestId("agency-successor"))).toContain(
      "Sở Tài chính",
    );
    expect(
      await page.locator('[data-testid="groups-table"] [data-testid="agency-row"]').count(),
    ).toBeGreaterThan(0);

    const sxd = page.locator(
      '[data-testid="agencies-table"] [data-testid="agency-row"][data-name="Sở Xây dựng"]',
    );
    await page.getByTestId("agencies-province").selectOption("Tuyên Quang");
    await expect.poll(() => sxd.count(), POLL).toBe(1);
    await sxd.getByTestId("agency-edit").click();
    const form = page.getByTestId("agency-form");
    await form.getByTestId("af-alias-add").click();
    await form.getByTestId("af-alias").last().fill("SXD Tuyên Quang");
    await form.getByTestId("af-submit").click();
    await expect.poll(() => form.count(), POLL).toBe(0);
    await expect.poll(() => seen(sxd.getByTestId("agency-aliases")), POLL).toContain("SXD Tuyên Quang");

    // An alias that already names another agency: the reason sits under that alias.
    await sxd.getByTestId("agency-edit").click();
    await form.getByTestId("af-alias-add").click();
    await form.getByTestId("af-alias").last().fill("Sở Công Thương");
    await form.getByTestId("af-submit").click();
    await expect
      .poll(() => form.locator('[data-testid="field-error"][data-field^="aliases."]').count(), POLL)
      .toBe(1);
    expect(await seen(form.getByTestId("field-error"))).toContain("đã là tên của đơn vị");
    await form.getByTestId("af-cancel").click();
    allow(admin, 400);
  });

  it("reorganisation: a split divided task by task is previewed, applied and reversed", async () => {
    const { page } = admin;
    await page.goto(`${app.url}/admin/reorg`);
    await expect.poll(() => page.getByTestId("reorg-row").count(), POLL).toBe(3);
    const form = page.getByTestId("reorg-form");
    // Lào Cai's agencies arrived with its plan above: the province is chosen first.
    await form.getByTestId("reorg-province").selectOption("Tuyên Quang");
    await form.locator('input[name="title"]').fill("Chia tách Sở Xây dựng (thử)");
    await form.getByTestId("reorg-effective").fill("2027-01-01");
    await form.getByTestId("reorg-kind").selectOption("split");
    await form.getByTestId("reorg-from").selectOption({ label: "Sở Xây dựng" });
    await form.getByTestId("reorg-to").selectOption({ label: "Sở Tài chính" });
    // The tasks Sở Xây dựng holds on 31/12/2026, each going to the successor unless moved.
    const rows = form.getByTestId("reorg-split-row");
    await expect.poll(() => rows.count(), POLL).toBeGreaterThan(1);
    const code = (await rows.first().getAttribute("data-code")) as string;
    await rows.first().locator("select").selectOption({ label: "Sở Công Thương" });
    await form.getByTestId("reorg-create").click();
    const preview = page.getByTestId("reorg-preview");
    await expect.poll(() => preview.count(), POLL).toBe(1);
    const text = await seen(preview);
    expect(text).toContain(`Nhiệm vụ ${code}`);
    expect(text).toMatch(new RegExp(`${code.replace(".", "\\.")} \\([^)]*\\): Sở Xây dựng → Sở Công Thương`));
    expect(text).toContain("Sở Xây dựng → Sở Tài chính");
    const row = page.getByTestId("reorg-row").filter({ hasText: "Chia tách Sở Xây dựng" });
    expect(await seen(row.getByTestId("reorg-state"))).toBe("Dự thảo");
    await row.getByTestId("reorg-apply").click();
    await expect.poll(() => seen(row.getByTestId("reorg-state")), POLL).toBe("Đã áp dụng");
    const sct = (await apiGet<{ items: { id: number; name: string }[] }>(app, "/api/agencies")).items.find(
      (a) => a.name === "Sở Công Thương",
    )?.id;
    type Held = { lead: { code: string }[]; coordinating: { code: string }[] };
    const heldBySct = async () => {
      const a = await apiGet<Held>(app, `/api/agencies/${sct}?on=2027-01-01`);
      return [...a.lead, ...a.coordinating].map((x) => x.code);
    };
    expect(await heldBySct()).toContain(code);
    await row.getByTestId("reorg-reverse").click();
    await expect.poll(() => seen(row.getByTestId("reorg-state")), POLL).toBe("Đã hủy áp dụng");
    expect(await seen(page.getByTestId("reorg-message"))).toBe("Đã hủy áp dụng.");
    const before = await apiGet<Held>(app, `/api/agencies/${sct}?on=2026-12-31`);
    const sctHad = [...before.lead, ...before.coordinating].map((x) => x.code).includes(code);
    expect((await heldBySct()).includes(code)).toBe(sctHad);
  });

  it("the pages switch to English", async () => {
    const { page } = admin;
    await page.getByTestId("admin-tab-users").click();
    await page.getByTestId("lang-toggle").click();
    await expect.poll(() => seen(page.locator("h1")), POLL).toBe("Users");
    expect(await seen(page.getByTestId("nav-admin"))).toBe("Admin");
    await page.getByTestId("lang-toggle").click();
    await expect.poll(() => seen(page.locator("h1")), POLL).toBe("Người dùng");
  });

  it("a non-administrator does not see the Admin link and gets an error page on /admin/users", async () => {
    const { page } = await open("sct.baocao");
    expect(await page.getByTestId("nav-admin").count()).toBe(0);
    await page.goto(`${app.url}/admin/users`);
    await expect.poll(() => page.getByTestId("admin-forbidden").count(), POLL).toBe(1);
    expect(await seen(page.getByTestId("admin-forbidden"))).toContain("chỉ dành cho quản trị hệ thống");
    expect(await page.getByTestId("users-table").count()).toBe(0);
    expect(await page.getByTestId("nav-admin").count()).toBe(0);
  });
});
