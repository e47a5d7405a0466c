/**
 * The documents page in Chromium on the demo (with its reporting history): the coordinator makes
 * the Q1/2022 periodic report, edits a prose section, issues it with a number, downloads DOCX and
 * PDF and reads them back (the edited text and the number are in); the provincial leader (viewer)
 * sees only the issued document. Axe clean and no sideways overflow at 1366 and 360 px.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPage } from "./axe.ts";
import { type Actor, actor, apiAs, POLL } from "./reporting-helpers.ts";
import { apiGet, chromiumAvailable, launchBrowser, type RunningApp, startApp } from "./support.ts";

const EDITED = "Đoạn này do điều phối viên viết lại trên trang Văn bản";

async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

async function downloadOf(page: Page, testid: string): Promise<{ file: string; name: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
  const file = await download.path();
  if (!file) throw new Error(`no file for ${testid}`);
  return { file, name: download.suggestedFilename() };
}

describe.skipIf(!chromiumAvailable())("documents page in Chromium", () => {
  let app: RunningApp;
  let browser: Browser;
  const who: Actor[] = [];

  beforeAll(async () => {
    // The demo as `npm start` has it: 24 rounds of reports (seeding takes minutes on a busy machine).
    [app, browser] = await Promise.all([startApp({ history: true }), launchBrowser()]);
  }, 600_000);
  afterAll(async () => {
    for (const a of who) await a.context.close();
    await browser?.close();
    await app?.close();
  });

  it("the coordinator makes, edits, issues and downloads the Q1/2022 report; the viewer sees only the issued one", async () => {
    const coord = await actor(browser, app, "sct.dieuphoi", 1366);
    who.push(coord);
    const page = coord.page;
    await page.goto(`${app.url}/plans/${app.planId}/documents`);
    await page.getByTestId("doc-kind").selectOption("periodic");
    await page.getByTestId("doc-frequency").selectOption("quarterly");
    await page.getByTestId("doc-period-index").selectOption("1");
    await page.getByTestId("doc-period-year").fill("2022");
    expect(await page.getByTestId("doc-period-name").innerText()).toBe("Quý I/2022");
    await page.getByTestId("doc-create").click();
    await expect
      .poll(() => page.getByTestId("doc-editor").getAttribute("data-state"), { timeout: 60_000 })
      .toBe("draft");
    expect(await page.getByTestId("doc-number").innerText()).toMatch(/^Số:\s+\/BC-SCT$/);

    const draftCheck = await checkPage(page, "documents-draft-1366");
    expect(draftCheck.violations).toEqual([]);

    const box = page.locator('[data-testid^="doc-section-"]').first();
    await box.fill(EDITED);
    await page.getByTestId("doc-save").click();
    await expect.poll(() => page.getByTestId("doc-note").innerText(), POLL).toBe("Đã lưu.");

    await page.getByTestId("doc-number-input").fill("15");
    await page.getByTestId("doc-date-input").fill("2022-04-05");
    await page.getByTestId("doc-finalise").click();
    expect(await page.getByTestId("doc-confirm").innerText()).toContain("không thể sửa");
    await page.getByTestId("doc-confirm-yes").click();
    await expect.poll(() => page.getByTestId("doc-editor").getAttribute("data-state"), POLL).toBe("final");
    expect(await page.getByTestId("doc-number").innerText()).toBe("Số: 15/BC-SCT");
    expect(await page.getByTestId("doc-date").innerText()).toBe("Tuyên Quang, ngày 05 tháng 4 năm 2022");
    expect(await page.locator("textarea").count()).toBe(0);

    const docx = await downloadOf(page, "doc-download-docx");
    expect(docx.name).toBe("15-BC-SCT-2022-Q1.docx");
    const text = await docxText(docx.file);
    expect(text).toContain(EDITED);
    expect(text).toContain("Số: 15/BC-SCT");
    const pdf = await downloadOf(page, "doc-download-pdf");
    expect(pdf.name).toBe("15-BC-SCT-2022-Q1.pdf");
    const pdfText = execFileSync("pdftotext", [pdf.file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(pdfText).toContain(EDITED);
    expect(pdfText).toContain("15/BC-SCT");
    // The same file again: byte for byte.
    const again = await downloadOf(page, "doc-download-docx");
    expect(readFileSync(again.file).equals(readFileSync(docx.file))).toBe(true);

    const finalCheck = await checkPage(page, "documents-final-1366");
    expect(finalCheck.violations).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    const phone = await checkPage(page, "documents-final-360");
    expect(phone.violations).toEqual([]);
    expect(phone.overflow).toBeNull();

    // A second draft exists; the provincial leader sees only the issued report.
    const api = await apiAs(app, "sct.dieuphoi");
    await api("POST", `/api/plans/${app.planId}/documents`, { kind: "periodic", period: "2022-Q2" });
    const viewer = await actor(browser, app, "lanhdao.tinh", 360);
    who.push(viewer);
    await viewer.page.goto(`${app.url}/plans/${app.planId}/documents`);
    await expect.poll(() => viewer.page.getByTestId("doc-row").count(), POLL).toBe(1);
    expect(await viewer.page.getByTestId("doc-row").getAttribute("data-state")).toBe("final");
    expect(await viewer.page.getByTestId("doc-create-form").count()).toBe(0);
    await viewer.page.getByTestId("doc-open").click();
    await expect
      .poll(() => viewer.page.getByTestId("doc-editor").getAttribute("data-state"), POLL)
      .toBe("final");
    const viewerCheck = await checkPage(viewer.page, "documents-viewer-360");
    expect(viewerCheck.violations).toEqual([]);
    expect(viewerCheck.overflow).toBeNull();

    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${app.url}/plans/${app.planId}/documents`);
    await page.getByTestId("doc-open").first().click();
    await expect.poll(() => page.getByTestId("doc-editor").getAttribute("data-state"), POLL).toBe("draft");
    const draftPhone = await checkPage(page, "documents-draft-360");
    expect(draftPhone.violations).toEqual([]);
    expect(draftPhone.overflow).toBeNull();
    for (const a of who) expect(a.errors).toEqual([]);
  }, 240_000);

  it("the annex (XLSX), an urging letter and the 2021–2025 review are made on the page and read back; then the plan is closed", async () => {
    const coord = await actor(browser, app, "sct.dieuphoi", 1366);
    who.push(coord);
    const page = coord.page;
    const make = async (kind: string, period?: { frequency: string; index?: number; year: number }) => {
      await page.goto(`${app.url}/plans/${app.planId}/documents`);
      await page.getByTestId("doc-kind").selectOption(kind);
      if (period) {
        await page.getByTestId("doc-frequency").selectOption(period.frequency);
        if (period.index) await page.getByTestId("doc-period-index").selectOption(String(period.index));
        await page.getByTestId("doc-period-year").fill(String(period.year));
      }
      await page.getByTestId("doc-create").click();
      await expect
        .poll(() => page.getByTestId("doc-editor").getAttribute("data-state"), { timeout: 120_000 })
        .toBe("draft");
    };

    // The annex of Q1/2022 as a spreadsheet: one row per task, the column numbers under the header.
    await make("annex", { frequency: "quarterly", index: 1, year: 2022 });
    const xlsx = await downloadOf(page, "doc-download-xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.file);
    const cells: string[] = [];
    book.worksheets[0]?.eachRow((row) => {
      cells.push(String(row.getCell(2).value ?? ""));
    });
    expect(cells).toContain("(2)");
    const firstColumn: string[] = [];
    book.worksheets[0]?.eachRow((row) => {
      firstColumn.push(String(row.getCell(1).value ?? "").trim());
    });
    const tasks = await apiGet<{ items: { code: string }[]; total: number }>(
      app,
      `/api/tasks?plan=${app.planId}&pageSize=100`,
    );
    expect(tasks.total).toBe(54);
    for (const t of tasks.items) expect(firstColumn, t.code).toContain(t.code);

    // An urging letter for a period with agencies late today: addressed to them, V/v on top.
    const api = await apiAs(app, "sct.dieuphoi");
    type P = {
      id: number;
      frequency: string;
      label: string;
      due: string;
      expected: number;
      received: number;
    };
    const periods = await api<P[] | { items: P[] }>("GET", `/api/plans/${app.planId}/periods`);
    const list = Array.isArray(periods) ? periods : periods.items;
    const late = list.find(
      (p) => p.frequency === "quarterly" && p.received < p.expected && p.due < "2026-12-01",
    );
    expect(late, "a quarter with a late agency in the demo history").toBeDefined();
    const [year, q] = (late as P).label.split("-Q");
    const letter = await api<{ late: { agencyName: string }[] }>(
      "GET",
      `/api/plans/${app.planId}/urging-letter?period=${(late as P).id}`,
    );
    await make("urging", { frequency: "quarterly", index: Number(q), year: Number(year) });
    const preview = await page.getByTestId("doc-preview").innerText();
    expect(preview).toContain("V/v đôn đốc");
    expect(preview).toContain("Kính gửi");
    expect(letter.late.length).toBeGreaterThan(0);
    for (const l of letter.late) expect(preview).toContain(l.agencyName);
    const urging = await docxText((await downloadOf(page, "doc-download-docx")).file);
    expect(urging).toContain("/SCT-");
    expect(urging).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");

    // The end-of-plan review: issued, read back as PDF, and the plan closed on it.
    await make("review");
    expect(await page.getByTestId("doc-preview").innerText()).toContain("2021");
    await page.getByTestId("doc-number-input").fill("30");
    await page.getByTestId("doc-date-input").fill("2026-12-05");
    await page.getByTestId("doc-finalise").click();
    await page.getByTestId("doc-confirm-yes").click();
    await expect.poll(() => page.getByTestId("doc-editor").getAttribute("data-state"), POLL).toBe("final");
    const review = await downloadOf(page, "doc-download-pdf");
    const reviewText = execFileSync("pdftotext", [review.file, "-"], { encoding: "utf8" }).replace(
      /\s+/g,
      " ",
    );
    expect(reviewText).toContain("30/BC-SCT");
    expect(reviewText).toMatch(/Tổng kết|TỔNG KẾT/);
    await page.goto(`${app.url}/plans/${app.planId}`);
    await page.getByTestId("plan-close").click();
    await page.getByTestId("plan-close-confirm").click();
    await expect.poll(() => page.getByTestId("plan-closed-banner").count(), POLL).toBe(1);
    for (const width of [1366, 360]) {
      await page.setViewportSize({ width, height: 800 });
      const closed = await checkPage(page, `plan-closed-${width}`);
      expect(closed.violations).toEqual([]);
      expect(closed.overflow).toBeNull();
    }
    for (const a of who) expect(a.errors).toEqual([]);
  }, 480_000);
});
