/**
 * Reading the append-only audit log, newest first, and verifying its hash chain — both for one
 * reader's scope: a row belongs to a plan (plan_id), to a province (province: zones, projects,
 * agencies, indicators) or to nobody (users, holidays, map layers: administrators only). A reader
 * never gets rows outside its scope (issue 8: the log used to return every plan's rows).
 */
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { auditHash } from "../audit.ts";
import type { Db } from "../connection.ts";
import { auditLog, expectedReports, plans, reportingPeriods } from "../schema.ts";

/**
 * Whose rows a reader sees: every row (an administrator, a coordinator of every plan, asking
 * without a plan), or the rows of some plans plus the province-wide rows of those plans'
 * provinces. Rows of no plan and no province are in no scope but `all`.
 */
export type AuditScope = { all: true } | { all: false; planIds: number[]; provinces: string[] };

/** The scope of the given plans: their rows, and the rows of their provinces. */
export async function plansScope(db: Db, planIds: readonly number[]): Promise<AuditScope> {
  if (planIds.length === 0) return { all: false, planIds: [], provinces: [] };
  const rows = await db
    .selectDistinct({ province: plans.province })
    .from(plans)
    .where(inArray(plans.id, [...planIds]));
  return {
    all: false,
    planIds: [...planIds],
    provinces: rows.map((r) => r.province).filter((p) => p !== ""),
  };
}

function scopeWhere(scope: AuditScope): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (scope.planIds.length) parts.push(inArray(auditLog.planId, scope.planIds));
  if (scope.provinces.length)
    parts.push(and(isNull(auditLog.planId), inArray(auditLog.province, scope.provinces)) as SQL);
  return parts.length ? or(...parts) : sql`false`;
}

/** The same decision as `scopeWhere`, for a row already loaded (the chain check reads them all). */
export function inScope(scope: AuditScope, row: { planId: number | null; province: string | null }): boolean {
  if (scope.all) return true;
  if (row.planId !== null) return scope.planIds.includes(row.planId);
  return row.province !== null && scope.provinces.includes(row.province);
}

/** The plan and agency of a report row's expected report: what decides who may read a draft. */
export type AuditReportRef = { planId: number; agencyId: number } | null;

/**
 * The scope's rows, newest first, each with `report` (the expected report's plan and agency, for
 * rows about a report) so the presenter can hide a draft from readers who may not read it.
 */
export async function listAudit(
  db: Db,
  scope: AuditScope,
  f: { entity?: string; entityId?: string; limit?: number },
) {
  const conds: SQL[] = [];
  const where = scopeWhere(scope);
  if (where) conds.push(where);
  if (f.entity) conds.push(eq(auditLog.entity, f.entity));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conds))
    .orderBy(desc(auditLog.id))
    .limit(Math.min(f.limit ?? 200, 1000));
  const ids = [
    ...new Set(
      rows
        .filter(
          (r) =>
            (r.entity === "report" || r.entity === "expected_report") && /^\d{1,9}$/.test(r.entityId ?? ""),
        )
        .map((r) => Number(r.entityId)),
    ),
  ];
  const refs = ids.length
    ? await db
        .select({
          id: expectedReports.id,
          agencyId: expectedReports.agencyId,
          planId: reportingPeriods.planId,
        })
        .from(expectedReports)
        .innerJoin(reportingPeriods, eq(reportingPeriods.id, expectedReports.periodId))
        .where(inArray(expectedReports.id, ids))
    : [];
  const byId = new Map(refs.map((r) => [String(r.id), { planId: r.planId, agencyId: r.agencyId }]));
  return rows.map((r) => ({
    ...r,
    report: (r.entity === "report" || r.entity === "expected_report"
      ? (byId.get(r.entityId ?? "") ?? null)
      : null) as AuditReportRef,
  }));
}

/** What the chain check tells one reader. */
export interface ChainCheck {
  /** The whole chain is intact (a break anywhere makes every later link unprovable). */
  ok: boolean;
  /** Rows in the reader's scope. */
  rows: number;
  /** The first row whose hash does not match, when the reader may read that row. */
  brokenAt: number | null;
  /** The chain breaks at a row outside the reader's scope (which one is not said). */
  brokenOutsideScope: boolean;
}

/**
 * Recomputes every hash — a chain can only be checked whole — and answers for the reader's
 * scope: its row count, whether the chain holds, and the first broken row only if the reader may
 * read it. The scope columns are outside the hash (src/db/audit.ts), so rows written before them
 * still verify.
 */
export async function verifyAuditChain(db: Db, scope: AuditScope = { all: true }): Promise<ChainCheck> {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
  let prev: string | null = null;
  let broken: (typeof rows)[number] | null = null;
  let visible = 0;
  for (const r of rows) {
    if (inScope(scope, r)) visible++;
    if (broken) continue;
    const expected = auditHash(
      prev,
      {
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        before: r.before,
        after: r.after,
      },
      r.at.toISOString(),
    );
    if (r.prevHash !== prev || r.hash !== expected) broken = r;
    prev = r.hash;
  }
  if (!broken) return { ok: true, rows: visible, brokenAt: null, brokenOutsideScope: false };
  const mine = inScope(scope, broken);
  return { ok: false, rows: visible, brokenAt: mine ? broken.id : null, brokenOutsideScope: !mine };
}
