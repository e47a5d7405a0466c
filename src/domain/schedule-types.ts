/**
 * The parsed form of a task's "Thời gian thực hiện" (deadline phrase).
 * A schedule may be continuous ("Thường xuyên"), recurring ("Hàng năm"), carry dated
 * milestones ("Trình UBND tỉnh trong Quý I/2022"), or any mix ("Năm 2022 và hàng năm").
 * Text that cannot be read is kept as written with `kind: "unknown"` — never guessed.
 */
export type Recurrence = "monthly" | "quarterly" | "half-yearly" | "yearly";

export interface Milestone {
  /** ISO date (YYYY-MM-DD): the last day on which the milestone is on time. */
  due: string;
  /** ISO date where the phrase names a span ("2024 - 2025" starts 2024-01-01). */
  start?: string;
  /** What must happen by then, as written: "Trình UBND tỉnh", "Tích hợp QH tỉnh". */
  action?: string;
  /** The document to be produced: "Kế hoạch", "Dự án", "Quy hoạch", "Đề án", "Chính sách", "Quy chế"… */
  product?: string;
  /** A count attached to the milestone: "4 cụm". */
  quantity?: string;
  /** The words of the deadline phrase this milestone was read from. */
  text: string;
}

export type ScheduleKind = "continuous" | "recurring" | "milestone" | "mixed" | "unknown";

export interface Schedule {
  continuous: boolean;
  recurrence: Recurrence | null;
  milestones: Milestone[];
  /** Derived summary, for filtering: "mixed" when more than one of the three parts is present. */
  kind: ScheduleKind;
}

export interface ScheduleParse {
  schedule: Schedule;
  /** Human-readable problems (English); empty when the whole phrase was understood. */
  warnings: string[];
}
