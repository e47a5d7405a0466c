/**
 * The hand-offs of a periodic report inside the agency and to the coordinator (Decree 09/2019
 * Art. 8: a report is sent by the head of the reporting agency; GLOSSARY.md "báo cáo định kỳ").
 *
 *   draft ──send to leader (reporter)──▶ awaiting_leader ──approve and send (leader)──▶ submitted
 *     ▲  ◀──take back (reporter) / send back with a comment (leader)──┘                 │
 *     │                                                                                 ├─accept─▶ accepted
 *   returned ◀──────────────────────────── return with a comment (coordinator) ─────────┘
 *
 * A leader may also approve and send a draft nobody sent them (a small agency whose leader
 * writes it). Pure rules: the database steps (src/db/reporting/) ask these before writing.
 */

/** Every state a report row holds; "approved" is an old value no step writes any more. */
export const REPORT_STATES = ["draft", "awaiting_leader", "submitted", "accepted", "returned"] as const;
export type ReportState = (typeof REPORT_STATES)[number] | "approved";

/** A step of the workflow, by who takes it. */
export type ReportStep =
  | "save" // reporter or leader writes the draft
  | "send_to_leader" // reporter → leader
  | "take_back" // reporter takes it back while the leader has not acted
  | "send_back" // leader → reporter, with a comment
  | "submit" // leader → coordinator
  | "review"; // coordinator: accept or return

/** States still with the agency (not at the coordinator): reminders and lateness count them. */
export const WITH_AGENCY: readonly string[] = [
  "not_started",
  "draft",
  "awaiting_leader",
  "approved",
  "returned",
];

const FROM: Record<ReportStep, readonly string[]> = {
  save: ["not_started", "draft", "returned", "awaiting_leader"],
  send_to_leader: ["draft", "returned"],
  take_back: ["awaiting_leader"],
  send_back: ["awaiting_leader"],
  submit: ["draft", "returned", "awaiting_leader", "approved"],
  review: ["submitted"],
};

/** May `step` be taken from `state`? (Who may take it is src/server/policies.ts's decision.) */
export function stepAllowed(step: ReportStep, state: string): boolean {
  return FROM[step].includes(state);
}

/** A report the agency may still write: by the reporter only when not waiting for the leader. */
export function editableState(state: string, asLeader: boolean): boolean {
  return asLeader ? stepAllowed("save", state) : stepAllowed("save", state) && state !== "awaiting_leader";
}
