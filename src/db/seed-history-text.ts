/**
 * What the demo history says (src/db/seed-history.ts): a seeded PRNG, each task's invented
 * course (progress, finishing date, product), and plausible Vietnamese results, difficulties,
 * proposals, return comments and extension reasons. Pure: the same seed gives the same words.
 * Every document number is marked "(minh họa)": a demo, never presented as a real decision.
 */
import type { TaskUpdateInput } from "./reporting/report-draft.ts";
import type { ReportTask } from "./reporting/report-tasks.ts";

/** A PRNG (mulberry32) seeded by a string's FNV-1a hash: the same key, the same sequence. */
export function rng(key: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(r: () => number, items: readonly T[]): T {
  const item = items[Math.floor(r() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

export function between(r: () => number, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

const DAY = 86_400_000;
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/** When the demo plan's work starts (the plan was adopted in 2021). */
const WORK_START = "2021-10-01";

interface Course {
  /** The day the task is finished; null: never within the history (stalled or continuous). */
  finish: string | null;
  stalled: boolean;
  product: { kind: string; code: string } | null;
}

const PRODUCTS = [
  { kind: "Quyết định", code: "QĐ-UBND" },
  { kind: "Kế hoạch", code: "KH-UBND" },
  { kind: "Đề án", code: "ĐA-UBND" },
  { kind: "Báo cáo", code: "BC-UBND" },
  { kind: "Công văn", code: "UBND-KT" },
] as const;

/** A task's invented course, the same for every agency that reports on it. */
export function courseOf(task: ReportTask): Course {
  const r = rng(`course:${task.code}`);
  if (!task.firstDue) return { finish: null, stalled: false, product: null };
  const stalled = r() < 0.12;
  const finish = stalled ? null : addDays(task.firstDue, between(r, -90, 240));
  return { finish, stalled, product: r() < 0.75 ? pick(r, PRODUCTS) : null };
}

const RESULTS_LEAD = [
  "Đã chủ trì rà soát, tổng hợp và tham mưu UBND tỉnh triển khai nội dung nhiệm vụ",
  "Đã xây dựng dự thảo, lấy ý kiến các sở, ngành và UBND các huyện, thành phố",
  "Đã tổ chức hội nghị triển khai, hướng dẫn các đơn vị liên quan thực hiện",
  "Đã làm việc với các nhà đầu tư, doanh nghiệp để tháo gỡ vướng mắc",
  "Đang hoàn thiện hồ sơ, trình cấp có thẩm quyền xem xét",
  "Đã kiểm tra thực địa, đôn đốc tiến độ tại các dự án trọng điểm",
];
const RESULTS_COORD = [
  "Đã phối hợp cung cấp thông tin, số liệu theo đề nghị của cơ quan chủ trì",
  "Đã tham gia ý kiến vào dự thảo do cơ quan chủ trì gửi",
  "Đã cử cán bộ tham gia đoàn kiểm tra, khảo sát của cơ quan chủ trì",
  "Đã phối hợp hướng dẫn thủ tục cho doanh nghiệp thuộc lĩnh vực quản lý",
];
const RESULTS_CONTINUOUS = [
  "Thường xuyên theo dõi, hướng dẫn và đôn đốc thực hiện trong kỳ",
  "Đã tổ chức tuyên truyền, phổ biến chính sách tới doanh nghiệp trong kỳ",
  "Duy trì tiếp nhận, giải quyết kiến nghị của doanh nghiệp đúng hạn",
  "Cập nhật cơ sở dữ liệu và báo cáo định kỳ theo quy định",
];
const DIFFICULTIES = [
  "Công tác giải phóng mặt bằng còn chậm, một số hộ dân chưa đồng thuận phương án bồi thường",
  "Nguồn vốn bố trí cho nhiệm vụ còn hạn chế, giải ngân chậm",
  "Thủ tục đất đai, môi trường kéo dài, phải chờ ý kiến của bộ, ngành trung ương",
  "Nhà đầu tư chậm triển khai, năng lực tài chính hạn chế",
  "Thiếu cán bộ chuyên môn theo dõi lĩnh vực sau sắp xếp tổ chức bộ máy",
  "Số liệu từ các huyện gửi về chậm, chưa thống nhất",
];
const PROPOSALS = [
  "Đề nghị UBND tỉnh chỉ đạo các huyện đẩy nhanh giải phóng mặt bằng",
  "Đề nghị bố trí bổ sung kinh phí trong dự toán năm sau",
  "Đề nghị Sở Công Thương chủ trì họp liên ngành tháo gỡ vướng mắc",
  "Kiến nghị Bộ, ngành trung ương sớm có ý kiến hướng dẫn",
];
export const RETURN_COMMENTS = [
  "Đề nghị bổ sung số liệu cụ thể về kết quả thực hiện trong kỳ (dữ liệu minh họa).",
  "Nhiệm vụ đã hoàn thành cần ghi rõ số, ngày văn bản sản phẩm (dữ liệu minh họa).",
  "Phần khó khăn, vướng mắc còn chung chung; đề nghị nêu rõ nguyên nhân và kiến nghị (dữ liệu minh họa).",
  "Báo cáo chưa có ý kiến của lãnh đạo đơn vị về tiến độ các nhiệm vụ chậm (dữ liệu minh họa).",
];
export const EXTENSION_REASONS = [
  "Đơn vị đang tổng hợp số liệu từ các huyện, thành phố; đồng ý gia hạn (dữ liệu minh họa).",
  "Đơn vị vừa sắp xếp lại tổ chức, cán bộ theo dõi mới được phân công; đồng ý gia hạn (dữ liệu minh họa).",
  "Trùng thời gian kiểm tra, quyết toán cuối kỳ; đồng ý gia hạn (dữ liệu minh họa).",
];

/** What an agency says of one task at the end of a period (before: the window's start). */
export function taskUpdate(
  task: ReportTask,
  window: { start: string; end: string },
  key: string,
): TaskUpdateInput {
  const r = rng(`${key}:${task.code}`);
  const course = courseOf(task);
  const base = { taskId: task.id };
  if (!task.firstDue) {
    const hard = r() < 0.2;
    return {
      ...base,
      status: "in_progress",
      progress: null,
      result: `${pick(r, task.role === "lead" ? RESULTS_CONTINUOUS : RESULTS_COORD)}.`,
      difficulties: hard ? `${pick(r, DIFFICULTIES)}.` : null,
      proposals: hard && r() < 0.6 ? `${pick(r, PROPOSALS)}.` : null,
    };
  }
  if (course.finish && course.finish <= window.end) {
    const done = course.finish < window.start ? addDays(window.start, between(r, 0, 20)) : course.finish;
    // ISO dates compare as strings (Math.min would not).
    const productDate = [done, window.end].sort()[0] ?? done;
    const product = task.role === "lead" ? course.product : null;
    return {
      ...base,
      status: product ? "done_with_product" : "done",
      progress: 100,
      result:
        task.role === "lead"
          ? "Đã hoàn thành nhiệm vụ theo kế hoạch."
          : "Đã hoàn thành phần việc phối hợp với cơ quan chủ trì.",
      productDocument: product
        ? `${product.kind} số ${between(r, 12, 2890)}/${product.code} (số hiệu minh họa)`
        : null,
      productDate: product ? productDate : null,
    };
  }
  const target = course.finish ?? addDays(task.firstDue, 365);
  const span = Math.max(30, daysBetween(WORK_START, target));
  const raw = (100 * daysBetween(WORK_START, window.end)) / span;
  const progress = Math.max(5, Math.min(95, Math.round(raw / 5) * 5 - between(r, 0, 2) * 5));
  const stalled = course.stalled && window.end > task.firstDue;
  const hard = stalled || r() < 0.3;
  return {
    ...base,
    status: stalled ? "stalled" : "in_progress",
    progress: stalled ? Math.min(progress, 40) : progress,
    result: `${pick(r, task.role === "lead" ? RESULTS_LEAD : RESULTS_COORD)}.`,
    difficulties: hard ? `${pick(r, DIFFICULTIES)}.` : null,
    proposals: hard && r() < 0.7 ? `${pick(r, PROPOSALS)}.` : null,
  };
}

/** The report's summary: says plainly that it is demo data. */
export function summaryOf(agency: string, periodTitle: string, updates: TaskUpdateInput[]): string {
  const done = updates.filter((u) => u.status === "done" || u.status === "done_with_product").length;
  const stalled = updates.filter((u) => u.status === "stalled").length;
  return (
    `Dữ liệu minh họa — ${agency} báo cáo ${periodTitle}: ${updates.length} nhiệm vụ, ` +
    `${done} đã hoàn thành, ${stalled} chậm tiến độ.`
  );
}
