/**
 * An investment project's status as of a date, derived from its milestones and its revocation —
 * never typed. Plan tasks 4.3 ("xử lý dứt điểm các dự án chậm tiến độ") and 8.9 ("thu hồi những
 * dự án vi phạm") ask the coordinator to follow exactly this.
 *
 * Order of the rules:
 * 1. `revoked` — a termination decision dated on or before the day (Investment Law
 *    61/2020/QH14 Art. 48: the registering authority terminates the project);
 * 2. `operating` — the operation milestone has an actual date on or before the day;
 * 3. `stalled` — some milestone is late by MORE than 12 calendar months (see STALLED_AFTER_MONTHS);
 * 4. `behind_schedule` — some milestone's planned date is before the day and it has no actual
 *    date on or before the day;
 * 5. `no_schedule` — no milestone has a planned date; else `on_schedule`.
 *
 * Dates are ISO "YYYY-MM-DD" (Vietnamese calendar days); a milestone is late from the day AFTER
 * its planned date. A milestone done after its planned date is "done late": its delay is kept.
 */
import type { Bilingual } from "./indicator-values.ts";
import { daysInMonth, parseIsoDate } from "./vn-dates.ts";

/** The milestones of an investment project, in the order the Investment Law's procedure runs. */
export const MILESTONE_KINDS = [
  "investment_approval",
  "registration_certificate",
  "land_handover",
  "construction",
  "operation",
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const PROJECT_STATUSES = [
  "no_schedule",
  "on_schedule",
  "behind_schedule",
  "stalled",
  "operating",
  "revoked",
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/**
 * More than this many months late → `stalled`. THE RULE CHOSEN by this product, not a legal
 * status: Investment Law 2020 Art. 48.2 lists the grounds on which a project may be terminated,
 * and its time limits are of 12 months (48.2(c): a project that has stopped and stays stopped
 * 12 months with the investor unreachable; 48.2(d): land recovered for not being used or used
 * behind schedule under the Land Law — 12 consecutive months unused, or 24 months behind the
 * project's schedule). A project more than 12 months behind is therefore one the coordinator
 * should examine for termination (plan task 8.9); nothing is terminated automatically.
 */
export const STALLED_AFTER_MONTHS = 12;

export const MILESTONE_LABELS: Readonly<Record<MilestoneKind, Bilingual>> = {
  investment_approval: { vi: "Chủ trương đầu tư", en: "Investment approval" },
  registration_certificate: {
    vi: "Giấy chứng nhận đăng ký đầu tư",
    en: "Investment registration certificate",
  },
  land_handover: { vi: "Bàn giao đất", en: "Land handover" },
  construction: { vi: "Khởi công xây dựng", en: "Construction" },
  operation: { vi: "Đi vào hoạt động", en: "Operation" },
};

export const PROJECT_STATUS_LABELS: Readonly<Record<ProjectStatus, Bilingual>> = {
  no_schedule: { vi: "Chưa có tiến độ", en: "No schedule" },
  on_schedule: { vi: "Đúng tiến độ", en: "On schedule" },
  behind_schedule: { vi: "Chậm tiến độ", en: "Behind schedule" },
  stalled: { vi: "Đình trệ", en: "Stalled" },
  operating: { vi: "Đã đi vào hoạt động", en: "Operating" },
  revoked: { vi: "Đã thu hồi/chấm dứt", en: "Revoked / terminated" },
};

export interface MilestoneFacts {
  kind: string;
  planned: string | null;
  actual: string | null;
}

/** done | done_late (actual after planned) | late (planned passed, not done) | pending | unplanned */
export type MilestoneState = "done" | "done_late" | "late" | "pending" | "unplanned";

export interface MilestoneView {
  kind: string;
  planned: string | null;
  /** The actual date if on or before the day; a later one is not yet known on that day. */
  actual: string | null;
  state: MilestoneState;
  /** Days late: till the day (late) or till the actual date (done_late); 0 otherwise. */
  daysLate: number;
}

export interface LateMilestone {
  kind: string;
  planned: string;
  daysLate: number;
}

export interface ProjectStatusResult {
  status: ProjectStatus;
  label: Bilingual;
  /** Milestones not done and past their planned date, most late first. */
  late: LateMilestone[];
  /** The largest days late among `late` (0 when none). */
  maxDaysLate: number;
  /** Every known milestone, in procedure order (unknown kinds last). */
  milestones: MilestoneView[];
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `iso` plus `months` calendar months; the 31st becomes the month's last day (29/02 → 28/02). */
export function addMonths(iso: string, months: number): string {
  const p = parseIsoDate(iso);
  if (!p) throw new Error(`not a date: ${iso}`);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(p.day, daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const order = (kind: string) => {
  const i = (MILESTONE_KINDS as readonly string[]).indexOf(kind);
  return i < 0 ? MILESTONE_KINDS.length : i;
};

function view(m: MilestoneFacts, asOf: string): MilestoneView {
  const actual = m.actual !== null && m.actual <= asOf ? m.actual : null;
  if (m.planned === null)
    return { kind: m.kind, planned: null, actual, state: actual ? "done" : "unplanned", daysLate: 0 };
  if (actual !== null) {
    const late = Math.max(0, daysBetween(m.planned, actual));
    return {
      kind: m.kind,
      planned: m.planned,
      actual,
      state: late > 0 ? "done_late" : "done",
      daysLate: late,
    };
  }
  if (m.planned < asOf)
    return {
      kind: m.kind,
      planned: m.planned,
      actual: null,
      state: "late",
      daysLate: daysBetween(m.planned, asOf),
    };
  return { kind: m.kind, planned: m.planned, actual: null, state: "pending", daysLate: 0 };
}

/**
 * The project's status on `asOf` (rules in the module comment). Pure: the same facts and day
 * always give the same answer, so a report "as of 31/12/2024" can be recomputed later.
 */
export function projectStatusAsOf(
  project: { revokedOn: string | null },
  milestones: readonly MilestoneFacts[],
  asOf: string,
): ProjectStatusResult {
  const views = [...milestones]
    .sort((a, b) => order(a.kind) - order(b.kind) || a.kind.localeCompare(b.kind))
    .map((m) => view(m, asOf));
  const late = views
    .filter((v) => v.state === "late" && v.planned !== null)
    .map((v) => ({ kind: v.kind, planned: v.planned as string, daysLate: v.daysLate }))
    .sort((a, b) => b.daysLate - a.daysLate || order(a.kind) - order(b.kind));
  const maxDaysLate = late[0]?.daysLate ?? 0;
  const result = (status: ProjectStatus): ProjectStatusResult => ({
    status,
    label: PROJECT_STATUS_LABELS[status],
    late,
    maxDaysLate,
    milestones: views,
  });
  if (project.revokedOn !== null && project.revokedOn <= asOf) return result("revoked");
  if (views.some((v) => v.kind === "operation" && v.actual !== null)) return result("operating");
  if (late.some((l) => addMonths(l.planned, STALLED_AFTER_MONTHS) < asOf)) return result("stalled");
  if (late.length > 0) return result("behind_schedule");
  if (!views.some((v) => v.planned !== null)) return result("no_schedule");
  return result("on_schedule");
}

/** How far behind a status is: 0 (not behind), 1 behind_schedule, 2 stalled — for lists and properties. */
export function behindRank(status: ProjectStatus): number {
  return status === "stalled" ? 2 : status === "behind_schedule" ? 1 : 0;
}
