// Status, rates, urging and the overview (issue 9 §4–5): the words of the rates page's counting
// rule, the status board's agency column and filter, "send reminders now", the viewer's landing.
// Merged into the app's dictionary (i18n.ts) with one spread per language; keys start with "st.".
// `statusEn` must have every key of `statusVi`.

export const statusVi = {
  "st.rateNone": "không có báo cáo phải nộp",
  "st.ratesOverallNone": "Toàn kế hoạch: đến ngày {date} chưa có báo cáo nào phải nộp.",
  "st.ratesRule":
    "Cách tính (đến ngày {date}): một báo cáo phải nộp được tính khi đến hạn. Báo cáo đã gửi hoặc đã chấp nhận được tính là đã nhận từ ngày gửi, kể cả khi gửi trước hạn (hiện có {early} báo cáo gửi trước hạn). Đúng hạn: gửi không muộn hơn hạn (hoặc hạn đã gia hạn). Báo cáo đang soạn, chờ lãnh đạo duyệt hoặc bị trả lại chưa được tính là đã nhận.",
  "st.periodsRule":
    "Mỗi kỳ tính tất cả báo cáo phải nộp của kỳ; đã nhận tính đến hôm nay ({date}), đúng hạn là gửi không muộn hơn hạn.",
  "st.colLead": "Cơ quan chủ trì",
  "st.agencyFilter": "Cơ quan chủ trì hoặc phối hợp",
  "st.allAgencies": "Tất cả cơ quan",
  "st.difficulty": "Vướng mắc",
  "st.latestReport": "Báo cáo gần nhất ({period}): {status}",
  "st.planEnded": "Kế hoạch đã kết thúc ngày {date}",
  "st.legend":
    'Nhiệm vụ có thời hạn được đánh giá theo mốc cuối cùng. Nhiệm vụ thường xuyên, định kỳ được đánh giá theo các kỳ báo cáo đã đến hạn; báo cáo đã được chấp nhận của kỳ chưa đến hạn cũng được tính. Khi kế hoạch đã kết thúc, nhiệm vụ thường xuyên chưa có kỳ báo cáo nào được đánh giá theo ngày kết thúc kế hoạch ({end}): có báo cáo được chấp nhận thì "Đã báo cáo", không có thì "Chưa báo cáo". Số ngày quá hạn tính theo ngày làm việc.',
  "st.urgeRun": "Gửi nhắc việc ngay đến {n} đơn vị chậm báo cáo kỳ {period}",
  "st.urgeRunNone": "Kỳ {period}: không có đơn vị nào chậm báo cáo để nhắc",
  "st.urgeHelp":
    "Mỗi đơn vị chậm báo cáo nhận một thông báo nhắc việc trong ứng dụng (và thư điện tử nếu đã cấu hình) cho người báo cáo và lãnh đạo; mỗi đơn vị được nhắc tối đa một lần mỗi ngày.",
  "st.urgeSent": "Đã gửi nhắc việc kỳ {period} đến {n} đơn vị ({people} người nhận): {names}.",
  "st.urgeSentNone": "Không gửi nhắc việc mới nào.",
  "st.urgeSkipped": "{n} đơn vị đã được nhắc hôm nay, không gửi lại: {names}.",
  "st.urgeNobody": "{n} đơn vị chưa có tài khoản nhận thông báo: {names}.",
  "st.letterNone": "Đến ngày {date} không có đơn vị nào chậm gửi báo cáo kỳ {period}.",
  "st.letterLate": "Đơn vị chậm báo cáo ({n})",
  "st.successorOf": "thay cho {name}",
  "st.overdueWorkingDays": "quá hạn {n} ngày làm việc",
  "st.overviewHeading": "Tổng quan thực hiện kế hoạch",
  "st.overviewTasks": "Tình trạng nhiệm vụ (đến ngày {date})",
  "st.overviewRates": "Tỷ lệ báo cáo",
  "st.overviewLate": "Đơn vị chậm báo cáo kỳ {period} ({n})",
  "st.overviewNoLate": "Không có đơn vị nào chậm báo cáo.",
  "st.overviewNoPeriod": "Chưa có kỳ báo cáo nào đến hạn.",
  "st.overviewMore": "Xem chi tiết",
  "st.readOnly": "Chế độ báo cáo (chỉ xem)",
};

export type StatusMessageKey = keyof typeof statusVi;

export const statusEn: Record<StatusMessageKey, string> = {
  "st.rateNone": "nothing owed",
  "st.ratesOverallNone": "Whole plan: no report is owed as of {date}.",
  "st.ratesRule":
    "How it is counted (as of {date}): a report is owed once it is due. A report sent or accepted counts as received from the day it was sent, also before its due date ({early} sent before the due date). On time: sent no later than the due date (or the extended one). Drafts, reports awaiting the leader and returned reports are not received.",
  "st.periodsRule":
    "Each period counts all its owed reports; received as of today ({date}); on time means sent by the due date.",
  "st.colLead": "Lead agency",
  "st.agencyFilter": "Lead or coordinating agency",
  "st.allAgencies": "All agencies",
  "st.difficulty": "Difficulty",
  "st.latestReport": "Latest report ({period}): {status}",
  "st.planEnded": "The plan ended on {date}",
  "st.legend":
    'Tasks with a deadline are judged against their last milestone. Continuous and recurring tasks are judged per reporting period that has fallen due; an accepted report of a period not yet due also counts. When the plan has ended, a continuous task with no due period is judged at the plan\'s end ({end}): "Reported" with an accepted report, else "Not reported". Days overdue are working days.',
  "st.urgeRun": "Send a reminder now to the {n} agencies late for {period}",
  "st.urgeRunNone": "{period}: no agency is late, nobody to remind",
  "st.urgeHelp":
    "Each late agency's reporters and leaders get an in-app reminder (and an e-mail when mail is set up); an agency is reminded at most once a day.",
  "st.urgeSent": "Reminders for {period} sent to {n} agencies ({people} recipients): {names}.",
  "st.urgeSentNone": "No new reminder was sent.",
  "st.urgeSkipped": "{n} agencies were already reminded today, not sent again: {names}.",
  "st.urgeNobody": "{n} agencies have no account to notify: {names}.",
  "st.letterNone": "As of {date} no agency is late with its report for {period}.",
  "st.letterLate": "Late agencies ({n})",
  "st.successorOf": "in place of {name}",
  "st.overdueWorkingDays": "{n} working days overdue",
  "st.overviewHeading": "Plan overview",
  "st.overviewTasks": "Task status (as of {date})",
  "st.overviewRates": "Reporting rate",
  "st.overviewLate": "Agencies late for {period} ({n})",
  "st.overviewNoLate": "No agency is late.",
  "st.overviewNoPeriod": "No reporting period has fallen due yet.",
  "st.overviewMore": "See details",
  "st.readOnly": "Reporting regime (read only)",
};
