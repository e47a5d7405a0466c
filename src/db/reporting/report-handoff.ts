/**
 * The hand-offs inside the agency (issue 9 §2; src/domain/report-workflow.ts): the reporter sends
 * the draft to the leader, may take it back while the leader has not acted, and the leader sends
 * it back with a comment (or approves and submits: report-submit.ts). Each step names the version
 * it started from (optimistic lock), appends an audit row and notifies, in one transaction.
 */
import { eq } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import { type ReportStep, stepAllowed } from "../../domain/report-workflow.ts";
import { appendAudit, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import { reports } from "../schema.ts";
import type { ActorRef } from "./actor.ts";
import { agencyHasLeader, type HandoffEvent, notifyHandoff } from "./handoff-notify.ts";
import { conflict, invalidState } from "./report-errors.ts";
import { getReport, loadExpected } from "./report-read.ts";

const ACTION: Record<"send_to_leader" | "take_back" | "send_back", { en: string; vi: string }> = {
  send_to_leader: { en: "sent to the leader", vi: "chuyển lãnh đạo duyệt" },
  take_back: { en: "taken back", vi: "rút lại" },
  send_back: { en: "sent back to the reporter", vi: "chuyển lại cán bộ báo cáo" },
};

const TARGET: Record<"send_to_leader" | "take_back" | "send_back", { state: string; event: HandoffEvent }> = {
  send_to_leader: { state: "awaiting_leader", event: "ready" },
  take_back: { state: "draft", event: "taken_back" },
  send_back: { state: "draft", event: "sent_back" },
};

/** An agency with no enabled leader account: nobody could approve, so the reporter is told now. */
export function noLeader(): AppError {
  return new AppError("NO_LEADER", {
    en: "Your agency has no leader account in the app, so nobody can approve this report. Ask the administrator to create one (or give a leader role).",
    vi: "Đơn vị chưa có tài khoản lãnh đạo trên hệ thống nên không ai phê duyệt được báo cáo. Đề nghị quản trị viên tạo tài khoản (hoặc cấp vai trò lãnh đạo).",
  });
}

async function handoff(
  db: Db,
  step: "send_to_leader" | "take_back" | "send_back",
  expectedReportId: number,
  input: { version: number; comment?: string | null },
  actor: ActorRef,
  now: Date,
  options: { email?: boolean },
) {
  const comment = input.comment?.trim() || null;
  if (step === "send_back" && !comment) {
    throw new AppError(
      "VALIDATION",
      {
        en: "Say what the reporter must correct when sending the report back.",
        vi: "Khi chuyển lại báo cáo, hãy nêu nội dung cần chỉnh sửa.",
      },
      {
        fields: [
          { field: "comment", reason: "required when sending back", reasonVi: "bắt buộc khi chuyển lại" },
        ],
      },
    );
  }
  return db.transaction(async (tx) => {
    const { expected, period } = await loadExpected(tx as Tx, expectedReportId);
    const [report] = await tx
      .select()
      .from(reports)
      .where(eq(reports.expectedReportId, expectedReportId))
      .for("update");
    if (!report) throw invalidState("not_started", ACTION[step]);
    if (input.version !== report.version) throw conflict(report.version);
    if (!stepAllowed(step as ReportStep, report.state)) throw invalidState(report.state, ACTION[step]);
    if (step === "send_to_leader" && !(await agencyHasLeader(tx as Tx, period.planId, expected.agencyId)))
      throw noLeader();
    const { state, event } = TARGET[step];
    const version = report.version + 1;
    await tx
      .update(reports)
      .set({
        state,
        version,
        updatedAt: now,
        updatedBy: actor.userId,
        ...(step === "send_back"
          ? { leaderComment: comment, leaderCommentAt: now, leaderCommentBy: actor.userId }
          : {}),
      })
      .where(eq(reports.id, report.id));
    const notified = await notifyHandoff(
      tx as Tx,
      {
        event,
        expectedReportId,
        planId: period.planId,
        agencyId: expected.agencyId,
        periodLabel: period.label,
        stepKey: `v${version}`,
        comment,
        now,
        email: options.email,
      },
      actor,
    );
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: `report.${step.replaceAll("_", "-")}`,
      entity: "report",
      entityId: expectedReportId,
      planId: period.planId,
      before: { state: report.state, version: report.version },
      after: { state, version, ...(comment ? { comment } : {}), notified },
    });
    return getReport(tx as Tx, expectedReportId);
  });
}

/** The reporter sends the draft to the agency's leader (NO_LEADER when the agency has none). */
export function sendToLeader(
  db: Db,
  expectedReportId: number,
  input: { version: number },
  actor: ActorRef,
  now = new Date(),
  options: { email?: boolean } = {},
) {
  return handoff(db, "send_to_leader", expectedReportId, input, actor, now, options);
}

/** The reporter takes the draft back while the leader has not acted (approved or sent back). */
export function takeBackFromLeader(
  db: Db,
  expectedReportId: number,
  input: { version: number },
  actor: ActorRef,
  now = new Date(),
  options: { email?: boolean } = {},
) {
  return handoff(db, "take_back", expectedReportId, input, actor, now, options);
}

/** The leader sends the draft back to the reporter with a required comment (kept, shown). */
export function sendBackToReporter(
  db: Db,
  expectedReportId: number,
  input: { version: number; comment: string },
  actor: ActorRef,
  now = new Date(),
  options: { email?: boolean } = {},
) {
  return handoff(db, "send_back", expectedReportId, input, actor, now, options);
}
