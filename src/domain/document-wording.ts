/**
 * Wording rules shared by the generated documents (công văn đôn đốc, báo cáo tổng kết), pure:
 * numbers as a draft leaves them for the clerk, the verdict words of a target, a task's role.
 * Decree 30/2020/NĐ-CP Appendix I: the number of a draft is left blank until it is registered
 * (the văn thư fills it in), so a draft says "Số:      /…" with room for the digits.
 */
import type { Status } from "./evaluation.ts";
import { formatVnNumber, formatVnPercent } from "./vn-number.ts";

/**
 * The drafting unit in a letter's number "Số: …/SCT-QLCN" and the "Lưu: VT, QLCN" line (Decree 30/2020 Appendix I §II.3: the
 * issuer's symbol, then the drafting unit's). Phòng Quản lý công nghiệp monitors the industrial
 * development plan in Sở Công Thương; a chosen default, the clerk corrects it when another unit drafts.
 */
export const DRAFTING_UNIT = "QLCN";

/** "Số:      /SCT-QLCN" (letter) or "Số:      /BC-SCT" (report): blank digits in a draft. */
export function draftNumber(left: string, right: string): string {
  return `Số:      /${left}-${right}`;
}

/** The review's verdict on a target at the plan's end (the evaluation's final statuses). */
export function targetVerdictVi(status: Status): string {
  switch (status) {
    case "exceeded":
      return "Vượt mục tiêu";
    case "achieved":
      return "Đạt mục tiêu";
    case "missed":
      return "Không đạt mục tiêu";
    case "unknown":
      return "Chưa đủ số liệu để đánh giá";
    case "on_track":
      return "Đúng tiến độ";
    case "at_risk":
      return "Có nguy cơ không đạt";
    case "off_track":
      return "Chậm tiến độ";
  }
}

/** Whether a status is a final verdict (achieved, exceeded, missed) rather than a tracking one. */
export function isFinalVerdict(status: Status): boolean {
  return status === "achieved" || status === "exceeded" || status === "missed";
}

/** "98,5%" of the goal reached; null when there is no goal to divide by. */
export function percentOfGoal(value: number, goal: number): string | null {
  if (!Number.isFinite(value) || !goal) return null;
  return formatVnPercent((value / goal) * 100, 1);
}

/** A number with its unit as prose writes it: "27.700 tỷ đồng", "25,8%". */
export function amountVi(value: number, unit: string): string {
  const n = formatVnNumber(Math.round(value * 100) / 100);
  const u = unit.trim();
  if (!u) return n;
  return u === "%" ? `${n}%` : `${n} ${u}`;
}

/** A task role as a table cell says it. */
export function roleVi(role: string): string {
  return role === "lead" ? "Chủ trì" : "Phối hợp";
}

/** "a, b và c". */
export function joinVi(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} và ${items[items.length - 1]}`;
}

/** A goal as prose writes it: ">" 27700 "tỷ đồng" → "trên 27.700 tỷ đồng". */
export function goalVi(goal: { value: number; unit: string; comparator: string }): string {
  const amount = amountVi(goal.value, goal.unit);
  switch (goal.comparator) {
    case ">":
      return `trên ${amount}`;
    case ">=":
      return `từ ${amount} trở lên`;
    case "<":
      return `dưới ${amount}`;
    case "<=":
      return `không quá ${amount}`;
    default:
      return amount;
  }
}

/**
 * A figure's source as a Vietnamese document names it: the Vietnamese half of a bilingual label
 * ("sổ khu, cụm công nghiệp / zone registry" → "sổ khu, cụm công nghiệp"); no English in the prose.
 */
export function sourceVi(source: string | null | undefined): string {
  if (!source) return "";
  return (source.split(" / ")[0] ?? source).trim();
}
