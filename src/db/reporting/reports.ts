/**
 * The report workflow: reporter drafts → sends to the leader (report-handoff.ts; the leader may
 * send it back with a comment) → leader approves and submits → coordinator accepts or
 * returns with a comment → the agency revises and resubmits. Every save names the version it
 * started from (optimistic versioning: a stale save is refused, never silently overwrites);
 * every submission is frozen as a read-only version; lateness is recorded, not forbidden.
 */

// The workflow is split by step; this module keeps the one import path every caller uses.
export {
  saveDraft,
  TASK_UPDATE_STATUSES,
  type TaskUpdateInput,
  type TaskUpdateStatus,
} from "./report-draft.ts";
export { noLeader, sendBackToReporter, sendToLeader, takeBackFromLeader } from "./report-handoff.ts";
export { getReport, reportContext, vnDate } from "./report-read.ts";
export { grantExtension, reviewReport } from "./report-review.ts";
export { submitReport } from "./report-submit.ts";
