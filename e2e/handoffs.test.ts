/**
 * Issue 9 §2 in Chromium: reporter → leader → back to the reporter → leader → coordinator returns
 * → resubmitted → accepted, with the bell showing each hand-off to the right person, the leader's
 * list keeping the return comment, and the latest submission ("lần 2") in the header and queue.
 * Screenshots at 1366 and 360 px under e2e/screenshots/ (not committed).
 */
import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/connection.ts";
import {
  type Actor,
  actor,
  answerEveryTask,
  apiAs,
  bellShows,
  open,
  reportState,
  startAppWithDb,
} from "./reporting-helpers.ts";
import { chromiumAvailable, launchBrowser, type RunningApp, seen } from "./support.ts";

const SHOTS = "e2e/screenshots";

describe.skipIf(!chromiumAvailable())("report hand-offs in Chromium", () => {
  let app: RunningApp & { database: Database };
  let browser: Browser;
  const actors: Actor[] = [];
  let reportId = 0;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startAppWithDb();
    browser = await launchBrowser();
    const coord = await apiAs(app, "sct.dieuphoi");
    await coord("POST", `/api/plans/${app.planId}/periods`, { frequency: "quarterly", label: "2022-Q1" });
    const rep = await apiAs(app, "sct.baocao");
    const list = await rep<{ items: { id: number; agency: { name: string }; period: { label: string } }[] }>(
      "GET",
      `/api/expected-reports?plan=${app.planId}`,
    );
    reportId = list.items.find((i) => i.agency.name === "Sở Công Thương" && i.period.label === "2022-Q1")
      ?.id as number;
    await rep("PUT", `/api/reports/${reportId}`, {
      version: 0,
      summary: "Quý I/2022 đúng kế hoạch.",
      updates: await answerEveryTask(rep, reportId),
    });
  }, 180_000);
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
  /** Opens the bell and waits for a notification whose title contains `title`. */
  const shoot = async (a: Actor, name: string) => {
    await a.page.screenshot({ path: `${SHOTS}/handoffs-${name}-1366.png`, fullPage: false });
    await a.page.setViewportSize({ width: 360, height: 780 });
    await a.page.screenshot({ path: `${SHOTS}/handoffs-${name}-360.png`, fullPage: false });
    await a.page.setViewportSize({ width: 1366, height: 900 });
  };

  it("runs the round, each hand-off told to the right person", async () => {
    const reporter = await join("sct.baocao");
    const leader = await join("sct.lanhdao");
    const coord = await join("sct.dieuphoi");
    const url = `/reports/${reportId}`;

    // 1. The reporter sends the draft to the leader.
    await open(reporter.page, app, url, "send-to-leader");
    await reporter.page.getByTestId("send-to-leader").click();
    await reportState(reporter.page, "awaiting_leader");
    // (The badge says "Quá hạn chưa gửi": Q1/2022 is long past due.) The reporter may take it back.
    expect(await seen(reporter.page.getByTestId("awaiting-leader-notice"))).toContain("chờ lãnh đạo duyệt");
    expect(await reporter.page.getByTestId("take-back").count()).toBe(1);
    await shoot(reporter, "1-sent-to-leader");
    await bellShows(leader, "Báo cáo Quý I/2022 chờ lãnh đạo duyệt");
    await shoot(leader, "1-leader-bell");

    // 2. The leader sends it back with a comment; the reporter is told and sees the comment.
    await open(leader.page, app, url, "send-back");
    await leader.page.getByTestId("send-back").click();
    expect(await leader.page.getByRole("alert").count()).toBeGreaterThan(0);
    await leader.page.getByTestId("send-back-comment").fill("Bổ sung kết quả nhiệm vụ 1.");
    await leader.page.getByTestId("send-back").click();
    await reportState(leader.page, "draft");
    await bellShows(reporter, "Lãnh đạo chuyển lại báo cáo Quý I/2022");
    await open(reporter.page, app, url, "leader-comment");
    expect(await seen(reporter.page.getByTestId("leader-comment"))).toContain("Bổ sung kết quả nhiệm vụ 1.");
    await shoot(reporter, "2-sent-back");

    // 3. Sent again; the leader approves and sends; the coordinator is told.
    await reporter.page.getByTestId("send-to-leader").click();
    await reportState(reporter.page, "awaiting_leader");
    await open(leader.page, app, url, "submit-report");
    await leader.page.getByTestId("submit-report").click();
    await leader.page.getByTestId("confirm-submit").click();
    await reportState(leader.page, "submitted");
    await bellShows(coord, "Sở Công Thương đã gửi báo cáo Quý I/2022");
    await shoot(coord, "3-coordinator-bell");

    // 4. The coordinator returns it; reporter and leader are told; the leader's list keeps the comment.
    const api = await apiAs(app, "sct.dieuphoi");
    await api("POST", `/api/reports/${reportId}/review`, {
      outcome: "returned",
      comment: "Thiếu số liệu quý I.",
    });
    await bellShows(leader, "Báo cáo Quý I/2022 bị trả lại");
    await bellShows(reporter, "Báo cáo Quý I/2022 bị trả lại");
    const rep = await apiAs(app, "sct.baocao");
    const d = await rep<{ report: { version: number } }>("GET", `/api/reports/${reportId}`);
    await rep("PUT", `/api/reports/${reportId}`, {
      version: d.report.version,
      summary: "Đã bổ sung.",
      updates: await answerEveryTask(rep, reportId),
    });
    await open(leader.page, app, "/my", "work-item");
    expect(await seen(leader.page.getByTestId("return-comment").first())).toContain("Thiếu số liệu quý I.");
    await shoot(leader, "4-my-after-return");

    // 5. Resubmitted: the coordinator is told "lần 2"; the queue and header show the latest time.
    await open(reporter.page, app, url, "send-to-leader");
    await reporter.page.getByTestId("send-to-leader").click();
    await reportState(reporter.page, "awaiting_leader");
    await open(leader.page, app, url, "submit-report");
    await leader.page.getByTestId("submit-report").click();
    await leader.page.getByTestId("confirm-submit").click();
    await reportState(leader.page, "submitted");
    await bellShows(coord, "gửi lại báo cáo Quý I/2022 (lần 2)");
    await open(coord.page, app, `/plans/${app.planId}/reporting?tab=review`, "review-sent-at");
    expect(await seen(coord.page.getByTestId("review-sent-at").first())).toContain("(lần 2)");
    await shoot(coord, "5-review-queue");

    // 6. Accepted: the agency is told; the accepted page shows the latest submission.
    await api("POST", `/api/reports/${reportId}/review`, { outcome: "accepted" });
    await bellShows(leader, "Báo cáo Quý I/2022 đã được chấp nhận");
    await open(reporter.page, app, url, "sent-at");
    expect(await seen(reporter.page.getByTestId("sent-at"))).toContain("(lần 2)");
    await shoot(reporter, "6-accepted");
  }, 240_000);
});
