/**
 * The reporting loop in a real browser against the real server and a freshly seeded database:
 * the coordinator opens Q1/2022, Sở Công Thương's reporter writes, its leader submits, the
 * coordinator returns it with a comment, the agency corrects and resubmits, the coordinator
 * accepts; the matrix, the status board and the viewer's read-only pages follow.
 * The steps run in order and share one server (each account has its own browser context).
 */
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/connection.ts";
import {
  type Actor,
  actor,
  allow,
  answerEveryTask,
  apiAs,
  notify,
  open,
  POLL,
  reportAt,
  reportState,
  startAppWithDb,
  textOf,
} from "./reporting-helpers.ts";
import { chromiumAvailable, launchBrowser, type RunningApp, seen, tmpFile } from "./support.ts";

const SCT = "Sở Công Thương";
const COMMENT = "Đề nghị bổ sung số liệu giá trị sản xuất công nghiệp quý I.";

interface Detail {
  report: {
    version: number;
    state: string;
    summary: string | null;
    updates: { taskId: number; result: string | null; productDocument: string | null }[];
  };
  tasks: { id: number; code: string }[];
}

describe.skipIf(!chromiumAvailable())("reporting loop in Chromium", () => {
  let app: RunningApp & { database: Database };
  let browser: Browser;
  const actors: Actor[] = [];
  let coord: Actor;
  let reporter: Actor;
  let leader: Actor;
  let reportId = 0;
  const reportUrl = () => `/reports/${reportId}`;
  const task = (a: Actor, i: number) => a.page.getByTestId("task-update").nth(i);
  /** Tasks with a saved answer start collapsed (issue 9 §3): open them all to read and type. */
  const expandAll = async (a: Actor) => {
    const button = a.page.getByTestId("expand-all");
    await expect.poll(() => button.count(), POLL).toBeGreaterThan(0);
    await button.first().click();
  };

  beforeAll(async () => {
    app = await startAppWithDb();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const a of actors) await a.context.close();
    await browser?.close();
    await app?.close();
  });
  afterEach(() => {
    for (const a of actors) {
      expect(a.errors, a.username).toEqual([]);
    }
  });
  const join = async (username: string, width?: number) => {
    const a = await actor(browser, app, username, width);
    actors.push(a);
    return a;
  };
  it("coordinator edits the regime and opens period 2022-Q1 (quarterly)", async () => {
    coord = await join("sct.dieuphoi");
    const { page } = coord;
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe(`/plans/${app.planId}/reporting`);
    expect(await textOf(page, "user-role")).toBe("Điều phối");
    await expect.poll(() => page.getByTestId("regime-editor").count(), POLL).toBe(1);
    await page.getByTestId("regime-remind-before").fill("5, 1, 0");
    await page.getByTestId("regime-save").click();
    await expect.poll(() => page.getByTestId("regime-saved").count(), POLL).toBe(1);

    // The form picks, never asks for a code: today's quarter first, with its window and due date.
    await page.getByTestId("period-frequency").selectOption("quarterly");
    const preview = page.getByTestId("period-preview");
    await expect.poll(() => page.getByTestId("period-preview-window").count(), POLL).toBe(1);
    expect(await seen(preview)).toBe("Quý IV/2026: Từ 15/09/2026 đến 14/12/2026 · hạn nộp 16/12/2026");
    const offered = await page
      .getByTestId("period-frequency")
      .locator("option")
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toContain("quarterly");
    await page.getByTestId("period-year").fill("");
    expect(await textOf(page, "field-error")).toContain("2000");
    expect(await page.getByTestId("period-open").isDisabled()).toBe(true);
    await page.getByTestId("period-year").fill("2022");
    await page.getByTestId("period-index").selectOption("1");
    await expect
      .poll(() => seen(preview), POLL)
      .toBe("Quý I/2022: Từ 15/12/2021 đến 14/03/2022 · hạn nộp 16/03/2022");
    await page.getByTestId("period-open").click();
    await expect.poll(() => page.getByTestId("period-opened").count(), POLL).toBe(1);
    const row = page.locator('[data-testid="period-row"][data-label="2022-Q1"]');
    await expect.poll(() => row.count(), POLL).toBe(1);
    const periods = await (await apiAs(app, "sct.dieuphoi"))<{ label: string; expected: number }[]>(
      "GET",
      `/api/plans/${app.planId}/periods`,
    );
    expect(periods[0]?.expected).toBeGreaterThan(1);
    expect(await seen(row.getByTestId("period-expected"))).toBe(String(periods[0]?.expected));
    expect(await seen(row)).toContain("Quý I/2022");

    // Opening it twice: the server's Vietnamese message.
    await expect.poll(() => page.getByTestId("period-preview-open").count(), POLL).toBe(1);
    await page.getByTestId("period-open").click();
    await expect.poll(() => page.getByTestId("error").count(), POLL).toBe(1);
    expect(await textOf(page, "error")).toContain("đã được mở");
    allow(coord, 409);
  });

  it("reporter fills the form; typed text survives a reload; the draft is saved", async () => {
    reporter = await join("sct.baocao");
    const { page } = reporter;
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe("/my");
    const item = page.getByTestId("my-todo").locator('[data-testid="work-item"][data-period="2022-Q1"]');
    await expect.poll(() => item.count(), POLL).toBe(1);
    expect(await seen(item)).toContain("Quý I/2022");
    expect(await seen(item.getByTestId("days-left"))).toMatch(/quá hạn \d+ ngày/);
    await item.getByTestId("work-link").click();
    await expect.poll(() => page.getByTestId("task-update").count(), POLL).toBeGreaterThan(1);
    reportId = Number(new URL(page.url()).pathname.split("/").pop());
    const api = await apiAs(app, "sct.baocao");
    const before = await api<Detail>("GET", `/api/reports/${reportId}`);
    expect(await page.getByTestId("task-update").count()).toBe(before.tasks.length);
    expect(await seen(task(reporter, 0).getByTestId("task-role"))).toMatch(/Chủ trì|Phối hợp/);

    await task(reporter, 0).getByTestId("upd-status").selectOption("in_progress");
    await task(reporter, 0).getByTestId("upd-progress").fill("40");
    await task(reporter, 0)
      .getByTestId("upd-result")
      .fill("Đã tổ chức 3 hội nghị phổ biến chính sách hỗ trợ doanh nghiệp.");
    await task(reporter, 1).getByTestId("upd-status").selectOption("done_with_product");
    await page.getByTestId("report-summary").fill("Quý I/2022, Sở Công Thương triển khai đúng kế hoạch.");
    // A task done with a product needs the product document.
    await page.getByTestId("save-draft").click();
    await expect.poll(() => task(reporter, 1).getByTestId("field-error").count(), POLL).toBe(1);
    expect(await textOf(page, "form-problems")).toContain("Biểu mẫu còn lỗi");
    await task(reporter, 1).getByTestId("upd-product-doc").fill("Quyết định 1234/QĐ-UBND ngày 15/3/2022");
    await task(reporter, 1).getByTestId("upd-product-date").fill("2022-03-15");

    // A file: the wrong kind is refused at once; a PDF is stored (and creates the report on the
    // server, version 1, without losing what is typed).
    const input = page.getByTestId("attachment-input");
    await input.setInputFiles({ name: "ghi-chu.txt", mimeType: "text/plain", buffer: Buffer.from("x") });
    expect(await textOf(page, "attachment-problem")).toContain("PDF, DOCX, XLSX");
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    await input.setInputFiles({ name: "bao-cao-quy-1.pdf", mimeType: "application/pdf", buffer: pdf });
    const file = page.locator('[data-testid="attachment-item"][data-name="bao-cao-quy-1.pdf"]');
    await expect.poll(() => file.count(), POLL).toBe(1);
    const download = await page.request.get(
      app.url + ((await file.locator("a").getAttribute("href")) as string),
    );
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await expect.poll(() => page.getByTestId("report-page").getAttribute("data-version"), POLL).toBe("1");
    expect(await page.getByTestId("report-summary").inputValue()).toContain("triển khai đúng kế hoạch");

    // Nothing saved yet: a reload keeps every typed word (localStorage).
    await page.reload();
    await expect.poll(() => page.getByTestId("restored-notice").count(), POLL).toBe(1);
    expect(await page.getByTestId("report-summary").inputValue()).toContain("triển khai đúng kế hoạch");
    await expandAll(reporter);
    expect(await task(reporter, 0).getByTestId("upd-result").inputValue()).toContain("3 hội nghị");
    expect(await task(reporter, 1).getByTestId("upd-product-doc").inputValue()).toContain("1234/QĐ-UBND");

    await page.getByTestId("save-draft").click();
    await expect.poll(() => page.getByTestId("save-state").getAttribute("data-dirty"), POLL).toBe("false");
    await reportAt(page, "draft", 2);
    expect(
      await page.evaluate((id) => localStorage.getItem(`kehoach.report.${id}.draft`), reportId),
    ).toBeNull();
    const saved = await api<Detail>("GET", `/api/reports/${reportId}`);
    const second = saved.report.updates.find((u) => u.taskId === before.tasks[1]?.id);
    expect(second?.productDocument).toBe("Quyết định 1234/QĐ-UBND ngày 15/3/2022");
  });

  it("a stale save is a clear conflict that loses nothing: reload theirs, keep a copy of mine", async () => {
    leader = await join("sct.lanhdao");
    await open(leader.page, app, reportUrl(), "report-summary");
    await leader.page
      .getByTestId("report-summary")
      .fill("Quý I/2022, Sở Công Thương triển khai đúng kế hoạch (lãnh đạo bổ sung).");
    await leader.page.getByTestId("save-draft").click();
    await reportAt(leader.page, "draft", 3);

    // The reporter's page still holds version 2.
    const mine = "Kết quả do cán bộ báo cáo nhập sau cùng.";
    await expandAll(reporter);
    await task(reporter, 0).getByTestId("upd-result").fill(mine);
    await reporter.page.getByTestId("save-draft").click();
    await expect.poll(() => reporter.page.getByTestId("conflict-box").count(), POLL).toBe(1);
    expect(await textOf(reporter.page, "conflict-box")).toContain("Người khác vừa lưu");
    expect(await task(reporter, 0).getByTestId("upd-result").inputValue()).toBe(mine);
    allow(reporter, 409);

    await reporter.page.getByTestId("conflict-reload").click();
    await expandAll(reporter);
    await expect
      .poll(() => reporter.page.getByTestId("report-summary").inputValue(), POLL)
      .toContain("lãnh đạo bổ sung");
    expect(await task(reporter, 0).getByTestId("upd-result").inputValue()).not.toBe(mine);
    expect(await textOf(reporter.page, "my-copy")).toContain(mine);
    await reporter.page.getByTestId("my-copy-use").click();
    expect(await task(reporter, 0).getByTestId("upd-result").inputValue()).toBe(mine);
    expect(await reporter.page.getByTestId("report-summary").inputValue()).toContain("lãnh đạo bổ sung");
    await reporter.page.getByTestId("save-draft").click();
    await expect
      .poll(() => reporter.page.getByTestId("save-state").getAttribute("data-dirty"), POLL)
      .toBe("false");
    await reportAt(reporter.page, "draft", 4);
    expect(await reporter.page.getByTestId("conflict-box").count()).toBe(0);
  });

  it("the leader approves and submits; the report becomes read-only", async () => {
    const { page } = leader;
    expect(await reporter.page.getByTestId("submit-report").count()).toBe(0);
    await open(page, app, "/my", "work-item");
    await page.locator('[data-testid="work-item"][data-period="2022-Q1"] [data-testid="work-link"]').click();
    await expect.poll(() => page.getByTestId("submit-report").count(), POLL).toBe(1);
    // Sending refuses a lead task left unreported: the leader's API answers the tasks the form left open.
    const api = await apiAs(app, "sct.lanhdao");
    const now = await api<Detail>("GET", `/api/reports/${reportId}`);
    const fields = [
      "status",
      "progress",
      "result",
      "productDocument",
      "productDate",
      "difficulties",
      "proposals",
    ];
    const kept = (now.report.updates as unknown as Record<string, unknown>[]).map((u) => ({
      taskId: u.taskId as number,
      status: u.status as string,
      ...Object.fromEntries(
        fields
          .slice(1)
          .filter((f) => u[f] != null)
          .map((f) => [f, u[f]]),
      ),
    }));
    await api("PUT", `/api/reports/${reportId}`, {
      version: now.report.version,
      updates: await answerEveryTask(api, reportId, kept),
    });
    await page.reload();
    await expandAll(leader);
    expect(await task(leader, 0).getByTestId("upd-result").inputValue()).toContain("cán bộ báo cáo");
    await page.getByTestId("submit-report").click();
    await page.getByTestId("confirm-submit").click();
    await reportState(page, "submitted");
    expect(await page.getByTestId("read-only-notice").count()).toBe(1);
    expect(await page.getByTestId("save-draft").count()).toBe(0);
    expect(await page.getByTestId("upd-status").count()).toBe(0);
    expect(await page.getByTestId("version-item").count()).toBe(1);

    await open(reporter.page, app, "/my", "my-submitted");
    await expect
      .poll(() => reporter.page.getByTestId("my-submitted").getByTestId("work-item").count(), POLL)
      .toBe(1);
  });

  it("the coordinator returns it with a required comment", async () => {
    const { page } = coord;
    await open(page, app, `/plans/${app.planId}/reporting?tab=review`, "review-queue");
    const item = page.locator(`[data-testid="review-item"][data-agency="${SCT}"]`);
    await expect.poll(() => item.count(), POLL).toBe(1);
    await item.getByTestId("review-open").click();
    await expect.poll(() => page.getByTestId("review-panel").count(), POLL).toBe(1);
    expect(await page.getByTestId("save-draft").count()).toBe(0);
    await page.getByTestId("review-return").click();
    expect(await textOf(page, "review-panel")).toContain("hãy nêu nội dung cần chỉnh sửa");
    await page.getByTestId("review-comment").fill(COMMENT);
    await page.getByTestId("review-return").click();
    await reportState(page, "returned");
    const v = page.locator('[data-testid="version-item"][data-number="1"]');
    expect(await v.getAttribute("data-outcome")).toBe("returned");
    expect(await seen(v.getByTestId("version-comment"))).toContain(COMMENT);
  });

  it("the reporter sees the comment in My work, corrects; the leader resubmits", async () => {
    const { page } = reporter;
    await open(page, app, "/my", "my-returned");
    const item = page.getByTestId("my-returned").getByTestId("work-item");
    await expect.poll(() => item.getByTestId("return-comment").count(), POLL).toBe(1);
    expect(await seen(item.getByTestId("return-comment"))).toContain(COMMENT);
    await item.getByTestId("work-link").click();
    await expect.poll(() => page.getByTestId("returned-banner").count(), POLL).toBe(1);
    expect(await textOf(page, "returned-banner")).toContain(COMMENT);
    await expandAll(reporter);
    await task(reporter, 0)
      .getByTestId("upd-result")
      .fill("Giá trị sản xuất công nghiệp quý I đạt 5.120 tỷ đồng; đã tổ chức 3 hội nghị.");
    await page.getByTestId("save-draft").click();
    await expect.poll(() => page.getByTestId("save-state").getAttribute("data-dirty"), POLL).toBe("false");
    await reportState(page, "draft");

    await open(leader.page, app, reportUrl(), "submit-report");
    await leader.page.getByTestId("submit-report").click();
    await leader.page.getByTestId("confirm-submit").click();
    await reportState(leader.page, "submitted");
    expect(await leader.page.getByTestId("version-item").count()).toBe(2);
  });

  it("the coordinator accepts; the matrix shows it accepted and grants another agency an extension", async () => {
    const { page } = coord;
    await open(page, app, reportUrl(), "review-accept");
    expect(await textOf(page, "report-summary-text")).toContain("lãnh đạo bổ sung");
    await page.getByTestId("review-accept").click();
    await reportState(page, "accepted");
    expect(await page.getByTestId("review-panel").count()).toBe(0);

    await open(page, app, `/plans/${app.planId}/reporting?tab=matrix`, "matrix");
    expect(await page.getByTestId("matrix-legend").locator("li").count()).toBe(7);
    const cell = (agency: string) =>
      page.locator(
        `[data-testid="matrix-row"][data-agency="${agency}"] [data-testid="matrix-cell"][data-period="2022-Q1"]`,
      );
    await expect.poll(() => cell(SCT).getAttribute("data-state"), POLL).toBe("accepted");
    const other = "Sở Kế hoạch và Đầu tư";
    expect(await cell(other).getAttribute("data-state")).toBe("late");

    await cell(other).locator("button").click();
    await expect.poll(() => page.getByTestId("cell-dialog").count(), POLL).toBe(1);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    await page.getByTestId("extension-due").fill(today);
    await page.getByTestId("extension-reason").fill("Đơn vị đề nghị gia hạn do thay đổi nhân sự.");
    await page.getByTestId("extension-submit").click();
    await expect.poll(() => page.getByTestId("cell-dialog").count(), POLL).toBe(0);
    await expect.poll(() => seen(cell(other)), POLL).toContain("*");

    await open(page, app, `/plans/${app.planId}/reporting`, "periods-table");
    const row = page.locator('[data-testid="period-row"][data-label="2022-Q1"]');
    await expect.poll(() => seen(row.getByTestId("period-received")), POLL).toMatch(/^1\b/);
  });

  it("urging: reminders run, the urging letter is shown and copied; a due reminder rings the bell", async () => {
    const { page } = coord;
    await open(page, app, `/plans/${app.planId}/reporting?tab=urging`, "urging-panel");
    // "Gửi nhắc việc" urges every agency late for the chosen period now, and says whom.
    const late = Number(await page.getByTestId("urge-run").getAttribute("data-late"));
    expect(late).toBeGreaterThan(0);
    expect(await textOf(page, "urge-run")).toContain(`${late} đơn vị chậm báo cáo kỳ`);
    await page.getByTestId("urge-run").click();
    await expect.poll(() => page.getByTestId("urge-result").count(), POLL).toBe(1);
    expect(Number(await page.getByTestId("urge-result").getAttribute("data-sent"))).toBe(late);
    expect(await textOf(page, "urge-result")).toContain("Đã gửi nhắc việc kỳ");
    await page.getByTestId("urge-run").click();
    await expect.poll(() => page.getByTestId("urge-skipped").count(), POLL).toBe(1);
    expect(await textOf(page, "urge-skipped")).toContain(`${late} đơn vị đã được nhắc hôm nay`);
    await expect.poll(() => page.getByTestId("letter-text").count(), POLL).toBe(1);
    const letter = await textOf(page, "letter-text");
    expect(letter).toContain("Kính gửi");
    expect(letter).toContain("Quý I/2022");
    expect(letter).not.toContain(`- ${SCT};`);
    await page.getByTestId("letter-copy").click();
    await expect.poll(() => page.getByTestId("letter-copied").count(), POLL).toBe(1);
    expect(await textOf(page, "letter-copied")).toBe("Đã sao chép.");

    // Sở KH&ĐT's report was extended to today (not late, so not urged): the test writes its notification.
    await notify(app.database, "skhdt.baocao", "/my");
    {
      const skhdt = await join("skhdt.baocao");
      await expect.poll(() => skhdt.page.getByTestId("notif-count").count(), POLL).toBe(1);
      await skhdt.page.getByTestId("notif-bell").click();
      await expect.poll(() => skhdt.page.getByTestId("notif-item").count(), POLL).toBeGreaterThan(0);
      await skhdt.page.getByTestId("notif-read").first().click();
      await expect
        .poll(() => skhdt.page.locator('[data-testid="notif-item"][data-read="true"]').count(), POLL)
        .toBeGreaterThan(0);
    }
  });

  it("the status board counts tasks by status as of a date, like the API", async () => {
    const { page } = coord;
    await open(page, app, `/plans/${app.planId}/status`, "status-count");
    const api = await apiAs(app, "sct.dieuphoi");
    const check = async (asOf?: string) => {
      const answer = await api<{ items: { status: string }[] }>(
        "GET",
        `/api/plans/${app.planId}/task-status${asOf ? `?asOf=${asOf}` : ""}`,
      );
      const total = answer.items.length;
      await expect
        .poll(() => page.getByTestId("status-total").getAttribute("data-total"), POLL)
        .toBe(String(total));
      const shown = await page
        .getByTestId("status-count")
        .evaluateAll((els) =>
          els.map((e) => [(e as HTMLElement).dataset.status, Number((e as HTMLElement).dataset.count)]),
        );
      expect(shown.reduce((n, [, c]) => n + Number(c), 0)).toBe(total);
      for (const [status, count] of shown)
        expect(count, String(status)).toBe(answer.items.filter((i) => i.status === status).length);
      expect(await page.getByTestId("status-row").count()).toBe(total);
      return shown;
    };
    const now = await check();
    expect(now.length).toBe(7);
    await page.getByTestId("asof-input").fill("2022-01-10");
    await expect
      .poll(() => page.getByTestId("status-board").getAttribute("data-asof"), POLL)
      .toBe("2022-01-10");
    await check("2022-01-10");
    // Filter by one status: only its rows.
    const busiest = [...now].sort((a, b) => Number(b[1]) - Number(a[1]))[0]?.[0] as string;
    await page.getByTestId("asof-today").click();
    await page.locator(`[data-testid="status-count"][data-status="${busiest}"]`).click();
    await expect.poll(() => page.getByTestId("status-filter-clear").count(), POLL).toBe(1);
    const statuses = await page
      .getByTestId("status-row")
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.status));
    expect(new Set(statuses)).toEqual(new Set([busiest]));
  });

  it("the viewer sees the board and the matrix, and has no write buttons; English on one page", async () => {
    const viewer = await join("lanhdao.tinh");
    const { page } = viewer;
    // The provincial leader lands on the dashboard (issue 10 §2), not on the reporting-regime form.
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe(`/plans/${app.planId}/dashboard`);
    await open(page, app, `/plans/${app.planId}/status`, "status-count");
    expect(await page.getByTestId("status-legend").count()).toBe(1);
    await open(page, app, `/plans/${app.planId}/reporting`, "periods-table");
    expect(await page.getByTestId("viewer-notice").count()).toBe(1);
    // The regime reads as text for a viewer: no disabled inputs that look editable.
    await expect.poll(() => page.getByTestId("regime-readonly").count(), POLL).toBe(1);
    expect(await page.locator('[data-testid="regime-editor"] input:visible').count()).toBe(0);
    const writes = [
      "period-open",
      "regime-save",
      "urge-run",
      "tab-urging",
      "review-accept",
      "review-return",
      "save-draft",
      "submit-report",
      "extension-submit",
      "open-extension",
      "attachment-input",
    ];
    const countWrites = async () => {
      let n = 0;
      for (const id of writes) n += await page.getByTestId(id).count();
      return n;
    };
    expect(await countWrites()).toBe(0);

    await open(page, app, `/plans/${app.planId}/reporting?tab=matrix`, "matrix");
    const cell = page.locator(
      `[data-testid="matrix-row"][data-agency="${SCT}"] [data-testid="matrix-cell"][data-period="2022-Q1"]`,
    );
    await expect.poll(() => cell.getAttribute("data-state"), POLL).toBe("accepted");
    await cell.locator("button").click();
    await expect.poll(() => page.getByTestId("cell-open-report").count(), POLL).toBe(1);
    expect(await page.getByTestId("extension-form").count()).toBe(0);
    await page.getByTestId("cell-open-report").click();
    await reportState(page, "accepted");
    expect(await countWrites()).toBe(0);
    expect(await page.getByTestId("review-panel").count()).toBe(0);

    await open(page, app, `/plans/${app.planId}/status`, "status-count");
    expect(await countWrites()).toBe(0);
    const overdue = page.locator('[data-testid="status-count"][data-status="overdue"]');
    expect(await seen(overdue)).toContain("Quá hạn");
    await page.getByTestId("lang-toggle").click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe("en");
    expect(await seen(page.locator("h1"))).toBe("Task status");
    expect(await seen(overdue)).toContain("Overdue");
    expect(await textOf(page, "user-role")).toBe("Viewer (read only)");
    expect(await textOf(page, "tab-periods")).toBe("Periods");
    await page.getByTestId("lang-toggle").click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe("vi");
  });

  it("fits a phone: the report form has no sideways scroll", async () => {
    const phone = await join("sct.baocao", 390);
    await open(phone.page, app, reportUrl(), "task-update");
    const overflow = await phone.page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.page.screenshot({ path: tmpFile("report-phone.png"), fullPage: false });
    await coord.page.setViewportSize({ width: 1280, height: 1400 });
    await open(coord.page, app, `/plans/${app.planId}/reporting?tab=matrix`, "matrix");
    await coord.page.screenshot({ path: tmpFile("matrix.png") });
  });

  it("the coordinator opens Quý IV/2026 from the picker's default, at 360 px", async () => {
    const { page } = coord;
    await page.setViewportSize({ width: 360, height: 900 });
    await open(page, app, `/plans/${app.planId}/reporting`, "open-period-form");
    await page.getByTestId("period-frequency").selectOption("quarterly");
    const preview = page.getByTestId("period-preview");
    await expect
      .poll(() => seen(preview), POLL)
      .toBe("Quý IV/2026: Từ 15/09/2026 đến 14/12/2026 · hạn nộp 16/12/2026");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId("period-open").click();
    await expect.poll(() => page.getByTestId("period-opened").count(), POLL).toBe(1);
    expect(await textOf(page, "period-opened")).toContain("Quý IV/2026");
    const row = page.locator('[data-testid="period-row"][data-label="2026-Q4"]');
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await seen(row)).toContain("16/12/2026");
  });
});
