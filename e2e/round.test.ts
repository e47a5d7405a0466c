/**
 * Issue 9 "done when": one whole quarter on the demo (with its history), as its users live it.
 * The coordinator opens Quý IV/2026; the successors of the 2025 reorganisation are asked and the
 * ceased agencies are not; Sở Tài chính's reporter drafts, a skipped lead task is refused at
 * sending, the leader sends, the coordinator returns and then accepts, each hand-off told in the
 * bell; then rates, status and the urging letter for the late agencies that exist. Every page the
 * round visits is checked with axe-core (no serious or critical violation) and shot at 1366 and
 * 360 px into e2e/screenshots/ (not committed), with no sideways overflow at 360 px.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/connection.ts";
import { checkPage } from "./axe.ts";
import {
  type Actor,
  actor,
  answerEveryTask,
  apiAs,
  bellShows,
  open,
  POLL,
  reportState,
  startAppWithDb,
} from "./reporting-helpers.ts";
import { chromiumAvailable, launchBrowser, type RunningApp, seen } from "./support.ts";

/** The agencies the registry says ceased in 2025 (REGULATIONS.md §5): never asked for Q4/2026. */
const CEASED = [
  "Sở Kế hoạch và Đầu tư",
  "Sở Giao thông vận tải",
  "Sở Tài nguyên và Môi trường",
  "Sở Thông tin và Truyền thông",
  "Sở Nông nghiệp và Phát triển nông thôn",
  "Sở Lao động - Thương binh và Xã hội",
  "Ban Quản lý các khu công nghiệp tỉnh",
  "UBND thành phố Tuyên Quang",
  "UBND huyện Lâm Bình",
  "UBND huyện Na Hang",
  "UBND huyện Chiêm Hóa",
  "UBND huyện Hàm Yên",
  "UBND huyện Yên Sơn",
  "UBND huyện Sơn Dương",
];
const SUCCESSORS = [
  "Sở Tài chính",
  "Sở Nông nghiệp và Môi trường",
  "Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh Tuyên Quang",
];

interface ExpectedItem {
  id: number;
  agency: { name: string };
  period: { label: string };
}

describe.skipIf(!chromiumAvailable())("one quarter end to end on the demo", () => {
  let app: RunningApp & { database: Database };
  let browser: Browser;
  const actors: Actor[] = [];
  const failures: string[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startAppWithDb({ history: true }), launchBrowser()]);
  }, 900_000);
  afterAll(async () => {
    for (const a of actors) await a.context.close();
    await browser?.close();
    await app?.close();
  });

  const join = async (username: string) => {
    const a = await actor(browser, app, username, 1366);
    actors.push(a);
    return a;
  };
  /** axe + screenshot at 1366 px, then at 360 px with the overflow check; back to 1366. */
  const look = async (a: Actor, step: string) => {
    for (const width of [1366, 360]) {
      await a.page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
      const c = await checkPage(a.page, `round-${step}-${a.username}-${width}`);
      for (const v of c.violations) failures.push(`${step} ${c.path} @${width}: ${v}`);
      if (c.overflow)
        failures.push(`${step} ${c.path} @${width}: overflow ${c.overflow.culprits.join(", ")}`);
    }
    await a.page.setViewportSize({ width: 1366, height: 900 });
  };

  it("runs Quý IV/2026 from opening to urging", async () => {
    const plan = app.planId;
    const coordApi = await apiAs(app, "sct.dieuphoi");
    const coord = await join("sct.dieuphoi");

    // 1. The coordinator opens Q4/2026: the successors are asked, the ceased agencies are not.
    await coordApi("POST", `/api/plans/${plan}/periods`, { frequency: "quarterly", label: "2026-Q4" });
    const all = await coordApi<{ items: ExpectedItem[] }>("GET", `/api/expected-reports?plan=${plan}`);
    const q4 = all.items.filter((i) => i.period.label === "Quý IV/2026" || i.period.label === "2026-Q4");
    const asked = q4.map((i) => i.agency.name);
    expect(asked.length).toBeGreaterThan(0);
    for (const name of SUCCESSORS) expect(asked).toContain(name);
    for (const name of CEASED) expect(asked).not.toContain(name);
    expect(asked).toContain("Sở Công Thương");
    await open(coord.page, app, `/plans/${plan}/reporting?tab=matrix`, "matrix");
    await look(coord, "1-opened");

    // 2. Sở Tài chính's reporter drafts, leaving one lead task unanswered; the form starts unreported.
    const reportId = q4.find((i) => i.agency.name === "Sở Tài chính")?.id as number;
    const reporter = await join("stc.baocao");
    const leader = await join("stc.lanhdao");
    const url = `/reports/${reportId}`;
    await open(reporter.page, app, url, "report-overview");
    expect(await seen(reporter.page.getByTestId("count-reported"))).toMatch(/^0\b|\b0\b/);
    await look(reporter, "2-form");
    const repApi = await apiAs(app, "stc.baocao");
    const answers = await answerEveryTask(repApi, reportId);
    const detail = await repApi<{ tasks: { id: number; code: string; role: string }[] }>(
      "GET",
      `/api/reports/${reportId}`,
    );
    const skipped = detail.tasks.find((t) => t.role === "lead");
    expect(skipped, "Sở Tài chính leads a task passed on from Sở KH&ĐT").toBeDefined();
    await repApi("PUT", `/api/reports/${reportId}`, {
      version: 0,
      summary: "Quý IV/2026: các nhiệm vụ tiếp nhận từ Sở KH&ĐT đang triển khai.",
      updates: answers.filter((u) => u.taskId !== skipped?.id),
    });

    // 3. Sent to the leader: the leader is told. The leader's sending is refused: the lead task is unreported.
    await open(reporter.page, app, url, "send-to-leader");
    await reporter.page.getByTestId("send-to-leader").click();
    await reportState(reporter.page, "awaiting_leader");
    await bellShows(leader, "chờ lãnh đạo duyệt");
    await open(leader.page, app, url, "submit-report");
    await leader.page.getByTestId("submit-report").click();
    await expect.poll(() => leader.page.getByTestId("unreported-lead").count(), POLL).toBeGreaterThan(0);
    expect(await seen(leader.page.getByTestId("unreported-lead"))).toContain(skipped?.code as string);
    await look(leader, "3-refused");
    const leadApi = await apiAs(app, "stc.lanhdao");
    const refused = await leadApi("POST", `/api/reports/${reportId}/submit`, { version: 2 }).catch(
      (e: Error) => e.message,
    );
    expect(String(refused)).toContain("REPORT_LEAD_TASKS_UNREPORTED");

    // 4. The leader answers the task and sends; the coordinator is told.
    const now = await leadApi<{ report: { version: number } }>("GET", `/api/reports/${reportId}`);
    await leadApi("PUT", `/api/reports/${reportId}`, { version: now.report.version, updates: answers });
    await leader.page.reload();
    await leader.page.getByTestId("submit-report").click();
    await leader.page.getByTestId("confirm-submit").click();
    await reportState(leader.page, "submitted");
    await bellShows(coord, "Sở Tài chính");
    await open(coord.page, app, `/plans/${plan}/reporting?tab=review`, "review-sent-at");
    await look(coord, "4-review");

    // 5. Returned with a comment (the agency is told), corrected, sent again, accepted (told).
    await coordApi("POST", `/api/reports/${reportId}/review`, {
      outcome: "returned",
      comment: "Bổ sung kết quả quý IV.",
    });
    await bellShows(reporter, "bị trả lại");
    await bellShows(leader, "bị trả lại");
    const back = await leadApi<{ report: { version: number } }>("GET", `/api/reports/${reportId}`);
    await leadApi("PUT", `/api/reports/${reportId}`, {
      version: back.report.version,
      summary: "Đã bổ sung.",
      updates: answers,
    });
    const again = await leadApi<{ report: { version: number } }>("GET", `/api/reports/${reportId}`);
    await leadApi("POST", `/api/reports/${reportId}/submit`, { version: again.report.version });
    await bellShows(coord, "lần 2");
    await coordApi("POST", `/api/reports/${reportId}/review`, { outcome: "accepted" });
    await bellShows(reporter, "đã được chấp nhận");
    await open(reporter.page, app, url, "sent-at");
    expect(await seen(reporter.page.getByTestId("sent-at"))).toContain("(lần 2)");
    await look(reporter, "5-accepted");

    // 6. Rates: an early accepted report counts; no empty "(%)".
    await open(coord.page, app, `/plans/${plan}/rates`, "rate-row");
    const rates = await seen(coord.page.getByTestId("rates-page"));
    expect(rates).not.toContain("(%)");
    expect(rates).not.toMatch(/đã nhận %/);
    const stcRow = coord.page.getByTestId("rate-row").filter({ hasText: "Sở Tài chính" }).first();
    expect(await seen(stcRow.getByTestId("rate-received"))).toMatch(/[1-9]/);
    await look(coord, "6-rates");

    // 7. Status board and the urging letter: only existing agencies, each with its own open tasks.
    await open(coord.page, app, `/plans/${plan}/status`, "status-row");
    await look(coord, "7-status");
    await open(coord.page, app, `/plans/${plan}/reporting?tab=urging`, "urging-panel");
    await expect.poll(() => coord.page.getByTestId("letter-text").count(), POLL).toBeGreaterThan(0);
    const letter = await seen(coord.page.getByTestId("letter-text"));
    expect(letter).toContain("Kính gửi");
    for (const name of CEASED) expect(letter).not.toContain(`- ${name}`);
    await look(coord, "8-urging");

    // Every page visited: no serious or critical axe violation, nothing panning sideways at 360 px.
    expect(failures).toEqual([]);
  }, 600_000);
});
