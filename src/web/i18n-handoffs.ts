// The report's hand-offs (issue 9 §2): the state waiting for the leader, the reporter's and the
// leader's steps, the leader's comment, the latest submission, and the notifications' English text.
// Merged into the app's dictionary (i18n.ts). `handoffsEn` must have every key of `handoffsVi`.

export const handoffsVi = {
  "state.awaiting_leader": "Chờ lãnh đạo duyệt",
  "stateShort.awaiting_leader": "Chờ duyệt",
  handoffHeading: "Chuyển báo cáo",
  sendToLeader: "Chuyển lãnh đạo duyệt",
  sendToLeaderHint: "Lãnh đạo đơn vị sẽ nhận thông báo để xem, phê duyệt và gửi cơ quan điều phối.",
  takeBack: "Rút lại để sửa",
  awaitingLeaderReporter: "Báo cáo đang chờ lãnh đạo duyệt. Muốn sửa, hãy rút lại (khi lãnh đạo chưa xử lý).",
  awaitingLeaderLeader: "Cán bộ báo cáo đã chuyển báo cáo này để lãnh đạo duyệt.",
  sendBack: "Chuyển lại cán bộ báo cáo",
  sendBackComment: "Nội dung cần chỉnh sửa (bắt buộc)",
  sendBackConfirm: "Chuyển lại",
  sendBackNeedsComment: "Hãy nêu nội dung cần chỉnh sửa.",
  leaderCommentTitle: "Lãnh đạo chuyển lại báo cáo để chỉnh sửa",
  leaderCommentLabel: "Ý kiến của lãnh đạo",
  sentAtTimes: "gửi lúc {at} (lần {n})",
  returnedBefore: "Đã bị trả lại, đang sửa để gửi lại",
} as const;

export type HandoffsMessageKey = keyof typeof handoffsVi;

export const handoffsEn: Record<HandoffsMessageKey, string> = {
  "state.awaiting_leader": "Awaiting the leader",
  "stateShort.awaiting_leader": "To approve",
  handoffHeading: "Hand-off",
  sendToLeader: "Send to my leader",
  sendToLeaderHint: "Your agency's leader is notified to review, approve and send it to the coordinator.",
  takeBack: "Take back to edit",
  awaitingLeaderReporter:
    "The report is waiting for your leader. To change it, take it back (while the leader has not acted).",
  awaitingLeaderLeader: "The reporter sent this report to you for approval.",
  sendBack: "Send back to the reporter",
  sendBackComment: "What must be corrected (required)",
  sendBackConfirm: "Send back",
  sendBackNeedsComment: "Say what must be corrected.",
  leaderCommentTitle: "The leader sent the report back for corrections",
  leaderCommentLabel: "The leader's comment",
  sentAtTimes: "sent {at} (submission {n})",
  returnedBefore: "Returned, being corrected to send again",
};

/** The English text of a hand-off notification from its kind and params (the server writes Vietnamese). */
export function notificationEn(
  kind: string,
  p: {
    period: string;
    agency: string;
    actor: string;
    comment: string | null;
    submission: number | null;
    due: string | null;
  },
): { title: string; body: string } | null {
  const nth = p.submission && p.submission > 1 ? ` (submission ${p.submission})` : "";
  const said = p.comment ? ` Comment: “${p.comment}”` : "";
  switch (kind) {
    case "report.ready":
      return {
        title: `${p.period} report awaits your approval`,
        body: `${p.actor} sent ${p.agency}'s ${p.period} report for you to review, approve and send to the coordinator.`,
      };
    case "report.taken_back":
      return {
        title: `${p.period} report taken back for editing`,
        body: `${p.actor} took back ${p.agency}'s ${p.period} report before your approval.`,
      };
    case "report.sent_back":
      return {
        title: `The leader sent the ${p.period} report back for corrections`,
        body: `${p.actor} did not approve ${p.agency}'s ${p.period} report and sent it back.${said}`,
      };
    case "report.submitted":
      return {
        title: nth
          ? `${p.agency} sent its ${p.period} report again${nth}`
          : `${p.agency} sent its ${p.period} report`,
        body: `${p.agency}'s ${p.period} report${nth} has arrived and awaits review.`,
      };
    case "report.returned":
      return {
        title: `${p.period} report returned`,
        body: `The coordinator returned ${p.agency}'s ${p.period} report${nth}; correct it and send it again.${said}`,
      };
    case "report.accepted":
      return {
        title: `${p.period} report accepted`,
        body: `The coordinator accepted ${p.agency}'s ${p.period} report${nth}.`,
      };
    case "report.extended":
      return {
        title: `${p.period} report: due date extended to ${p.due ?? ""}`,
        body: `The coordinator extended the due date of ${p.agency}'s ${p.period} report to ${p.due ?? ""}. Reason: ${p.comment ?? ""}`,
      };
    default:
      return null;
  }
}
