/**
 * Audit rows → JSON for one reader. A draft is read only by its own agency (policies.ts), but the
 * audit log is read by every coordinator of the plan: rows about a draft (a save, a file added)
 * show such a reader that it happened, by whom and when, and its sizes — never its content.
 * Rows written before drafts were stored as digests hold the full draft; they are hidden here,
 * never rewritten (that would break the hash chain and rewrite history).
 */
import type { listAudit } from "../../../db/queries/audit.ts";
import { type Actor, can } from "../../policies.ts";

type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];

/** Actions whose rows carry a draft's content (or, for older rows, the whole draft). */
export const DRAFT_ACTIONS = new Set(["report.save", "attachment.add"]);

function lengthOf(v: unknown): number | null {
  return Array.isArray(v) ? v.length : null;
}

/**
 * What a reader who may not read the draft sees of a draft row's before/after: state, version,
 * ids and sizes. Works on both forms: the digest (`content`) of new rows and the full draft of
 * old ones. The digest's sha256 is left out too: a short draft (a status per task) could be
 * found by trying the few possible contents.
 */
export function redactDraft(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of ["state", "version", "id", "size"]) if (k in v) out[k] = v[k];
  const digest = v.content as Record<string, unknown> | undefined;
  if (digest && typeof digest === "object") {
    out.content = {
      summaryChars: digest.summaryChars ?? null,
      updates: digest.updates ?? null,
      indicatorValues: digest.indicatorValues ?? null,
    };
  } else if ("summary" in v || "updates" in v) {
    out.content = {
      summaryChars: typeof v.summary === "string" ? v.summary.length : 0,
      updates: lengthOf(v.updates) ?? 0,
      indicatorValues: lengthOf(v.indicatorValues),
    };
  }
  return out;
}

/** May the reader see this row's draft content? Only who may read the agency's draft. */
function mayReadDraft(actor: Actor | null, row: AuditRow): boolean {
  if (!DRAFT_ACTIONS.has(row.action)) return true;
  // A draft row whose report cannot be found is hidden: fail closed.
  if (!row.report) return false;
  return can(actor, "report:read", {
    planId: row.report.planId,
    agencyId: row.report.agencyId,
    reportState: "draft",
  });
}

/** One row as the reader may see it; `redacted` says a draft's content was left out. */
export function presentAuditRow(actor: Actor | null, row: AuditRow) {
  const { report: _report, ...rest } = row;
  if (mayReadDraft(actor, row)) return { ...rest, redacted: false };
  return { ...rest, before: redactDraft(row.before), after: redactDraft(row.after), redacted: true };
}
