// The shapes the projects API answers (src/db/projects/list.ts ProjectView), as the page reads them.

export type ProjectStatus =
  | "no_schedule"
  | "on_schedule"
  | "behind_schedule"
  | "stalled"
  | "operating"
  | "revoked";

export const MILESTONE_KINDS = [
  "investment_approval",
  "registration_certificate",
  "land_handover",
  "construction",
  "operation",
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export interface MilestoneOut {
  kind: MilestoneKind;
  planned: string | null;
  actual: string | null;
  state: "done" | "done_late" | "late" | "pending" | "unplanned";
  daysLate: number;
  document: string | null;
}

export interface ProjectOut {
  id: number;
  province: string;
  name: string;
  investor: string | null;
  zone: { id: number; name: string; label: string } | null;
  sector: string | null;
  registeredCapitalBillionVnd: number | null;
  landHa: number | null;
  jobs: number | null;
  expectedProductionValueBillionVnd: number | null;
  revokedOn: string | null;
  revokedDecision: string | null;
  source: string | null;
  asOf: string;
  status: ProjectStatus;
  late: { kind: MilestoneKind; planned: string; daysLate: number }[];
  maxDaysLate: number;
  milestones: MilestoneOut[];
}

export interface ProjectList {
  items: ProjectOut[];
  total: number;
  asOf: string;
}

/** The badge colour of a status (targets.css tones). */
export function statusTone(s: ProjectStatus): string {
  switch (s) {
    case "on_schedule":
      return "green";
    case "behind_schedule":
      return "amber";
    case "stalled":
      return "red";
    case "operating":
      return "blue";
    default:
      return "grey";
  }
}
