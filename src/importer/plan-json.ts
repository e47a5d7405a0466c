import type { Schedule } from "../domain/schedule-types.ts";

/**
 * Plan JSON: the project's interchange format (docs/plan-json.md). `kehoach parse` prints it,
 * `kehoach import` stores it, the API serves plans in the same shape.
 */
export interface PlanJson {
  plan: PlanHeader;
  groups: TaskGroupJson[];
  targets: TargetJson[];
  tasks: TaskJson[];
  agencies: AgencyRefJson[];
  warnings: ImportWarning[];
}

export interface PlanHeader {
  title: string;
  /** As written, e.g. "09/KH-BTNMT"; "…/KH-UBND" when the number is left blank in a draft. */
  number: string | null;
  issuer: string | null;
  /** The province whose agencies the plan assigns ("Tuyên Quang"); null for a central body's plan. */
  province: string | null;
  /** ISO date or null when the document leaves the day blank. */
  issuedOn: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  /** The documents the plan implements, as written ("Nghị quyết số 25-NQ/TU ngày 25/5/2021 …"). */
  basis: string[];
  /** Top-level sections ("I. MỤC ĐÍCH, YÊU CẦU") with their text. */
  sections: { heading: string; text: string }[];
  /** Section IV (Tổ chức thực hiện) text, if any: who reports what, how often. */
  implementation: string | null;
  /** The reporting duty read from the implementation text, or null when none is stated. */
  reporting: ReportingDuty | null;
}

/** Who reports, how often, by when, to whom — as the plan states it (Decree 09/2019 periods). */
export interface ReportingDuty {
  frequencies: ("monthly" | "quarterly" | "half-yearly" | "nine-month" | "yearly")[];
  /** "trước ngày 10/12", as written. */
  deadlineText: string | null;
  /** "Ủy ban nhân dân tỉnh". */
  recipient: string | null;
  /** The body reports go through or are copied to ("Sở Công Thương", "Sở Nông nghiệp và Môi trường"). */
  via: string | null;
  /** The body that monitors and urges ("theo dõi, đôn đốc"). */
  monitor: string | null;
  /** The sentence it was read from. */
  text: string;
}

export interface TaskGroupJson {
  code: string;
  title: string;
}

export interface MeasureJson {
  value: number;
  unit: string;
  comparator: ">" | ">=" | "=" | "<" | "<=";
  /** The words that carry the measure, e.g. "đạt trên 27.700 tỷ đồng". */
  text: string;
}

export interface TargetJson {
  code: string;
  text: string;
  year: number | null;
  measures: MeasureJson[];
}

export interface TaskJson {
  code: string;
  /** Code of the group row the task sits under ("2" for "2.3"), or null for a top-level task. */
  group: string | null;
  content: string;
  /** The fuller paragraph of the plan's body that this row corresponds to (matched by content). */
  body: string | null;
  leads: string[];
  coordinators: string[];
  deadlineText: string;
  schedule: Schedule;
  note: string | null;
}

/** Every agency or agency group the plan names, with its canonical name and the forms seen. */
export interface AgencyRefJson {
  name: string;
  isGroup: boolean;
  kind: AgencyKind | null;
  level: AgencyLevel | null;
  aliases: string[];
  /** true when the name matched the built-in catalogue of Vietnamese agencies. */
  known: boolean;
}

export type AgencyKind =
  | "people_committee"
  | "department"
  | "board"
  | "centre"
  | "office"
  | "enterprise"
  | "other";
export type AgencyLevel = "central" | "province" | "district" | "commune";

export interface ImportWarning {
  /** Where in the document: "task 2.3", "line 245", "target 4". */
  where: string;
  /** Stable machine code: "deadline_unreadable", "agency_unknown", "row_continuation", "numbering_gap"… */
  code: string;
  message: string;
}
