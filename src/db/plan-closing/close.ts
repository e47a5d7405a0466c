/**
 * Closing a plan (issue 10 §1): after its end and its review, the coordinator closes the plan.
 * From then it is read-only (every write through it is refused PLAN_CLOSED, guard.ts) and its
 * tasks' final statuses are frozen as they stood on its last day, with the lead agencies of that
 * day (Quyết định 42/2014: a task is finally assessed at the end of its term; REGULATIONS.md §5:
 * the lead on a date is the assignment valid then). One transaction: the plan row locked and
 * checked again, the frozen statuses, the plan's closed_at/closed_by and the audit row.
 */
import { and, desc, eq } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import { vnDay } from "../../domain/working-days.ts";
import { appendAudit, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import type { ActorRef } from "../reporting/actor.ts";
import { documents, planFinalStatuses, plans } from "../schema.ts";
import { vnDateText } from "../urging.ts";
import { computeFinalStatuses } from "./final-statuses.ts";

/** The plan's last day: 31/12 of its last year; null when the plan names no period. */
export function planLastDay(plan: { periodEnd: number | null }): string | null {
  return plan.periodEnd ? `${plan.periodEnd}-12-31` : null;
}

export interface CloseOptions {
  /** The Vietnamese calendar day of the closing (ISO). */
  today: string;
  /**
   * The finalised end-of-plan review the closing rests on (issue 10 §1: "after it the plan can be
   * closed"); by default the plan's latest issued review. Without one the closing is refused.
   */
  reviewDocumentId?: number | null;
  now?: Date;
}

export interface ClosedPlan {
  planId: number;
  closedAt: string;
  closedBy: number | null;
  asOf: string;
  frozen: number;
  reviewDocumentId: number | null;
}

/**
 * The issued end-of-plan review the closing rests on: the one named (it must be this plan's, a
 * review, finalised) or the plan's latest issued review; none → PLAN_REVIEW_MISSING.
 */
async function issuedReview(tx: Tx, planId: number, requested: number | null): Promise<number> {
  const rows = await tx
    .select({ id: documents.id })
    .from(documents)
    .where(
      and(
        eq(documents.planId, planId),
        eq(documents.kind, "review"),
        eq(documents.state, "final"),
        requested === null ? undefined : eq(documents.id, requested),
      ),
    )
    .orderBy(desc(documents.finalisedAt))
    .limit(1);
  const id = rows[0]?.id;
  if (id === undefined)
    throw new AppError(
      "PLAN_REVIEW_MISSING",
      requested === null
        ? {
            en: "Issue the end-of-plan review (Báo cáo tổng kết) before closing the plan.",
            vi: "Cần ban hành Báo cáo tổng kết thực hiện kế hoạch trước khi đóng kế hoạch.",
          }
        : {
            en: `Document ${requested} is not an issued review of this plan.`,
            vi: `Văn bản ${requested} không phải báo cáo tổng kết đã ban hành của kế hoạch này.`,
          },
      { details: { reviewDocumentId: requested } },
    );
  return id;
}

/** Closes the plan: refused PLAN_NOT_ENDED on or before its last day, PLAN_CLOSED when already closed. */
export async function closePlan(
  db: Db,
  planId: number,
  actor: ActorRef,
  options: CloseOptions,
): Promise<ClosedPlan> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan)
    throw new AppError("NOT_FOUND", {
      en: `Plan ${planId} does not exist.`,
      vi: `Không tìm thấy kế hoạch ${planId}.`,
    });
  const last = planLastDay(plan);
  if (!last || options.today <= last)
    throw new AppError(
      "PLAN_NOT_ENDED",
      last
        ? {
            en: `The plan ends on ${last}: it can be closed from the next day.`,
            vi: `Kế hoạch kết thúc ngày ${vnDateText(last)}: chỉ đóng được từ ngày hôm sau.`,
          }
        : {
            en: "The plan names no period: it has no end to close at.",
            vi: "Kế hoạch không ghi giai đoạn thực hiện: không xác định được ngày kết thúc để đóng.",
          },
      { details: { planEnd: last } },
    );
  if (plan.closedAt) throw closedError(planId, plan.closedAt);
  // Judged at the end (final-statuses.ts); computed before the transaction (it reads many rows), written inside it.
  const statuses = await computeFinalStatuses(db, planId, last);
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ closedAt: plans.closedAt })
      .from(plans)
      .where(eq(plans.id, planId))
      .for("update");
    if (locked?.closedAt) throw closedError(planId, locked.closedAt);
    const reviewId = await issuedReview(tx as Tx, planId, options.reviewDocumentId ?? null);
    if (statuses.length)
      await tx.insert(planFinalStatuses).values(
        statuses.map((s) => ({
          planId,
          taskId: s.taskId,
          status: s.status,
          due: s.due,
          doneOn: s.doneOn,
          leads: s.leads,
          asOf: last,
        })),
      );
    await tx
      .update(plans)
      .set({ closedAt: now, closedBy: actor.userId, reviewDocumentId: reviewId })
      .where(eq(plans.id, planId));
    const counts: Record<string, number> = {};
    for (const s of statuses) counts[s.status] = (counts[s.status] ?? 0) + 1;
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: "plan.close",
      entity: "plan",
      entityId: planId,
      planId,
      after: {
        asOf: last,
        frozen: statuses.length,
        counts,
        reviewDocumentId: reviewId,
      },
    });
    return {
      planId,
      closedAt: now.toISOString(),
      closedBy: actor.userId,
      asOf: last,
      frozen: statuses.length,
      reviewDocumentId: reviewId,
    };
  });
}

/** PLAN_CLOSED, saying since when: the one wording of the refusal (guard.ts uses it too). */
export function closedError(planId: number, closedAt: Date): AppError {
  const day = vnDay(closedAt);
  return new AppError(
    "PLAN_CLOSED",
    {
      en: `Plan ${planId} was closed on ${day}: it is read-only.`,
      vi: `Kế hoạch đã đóng ngày ${vnDateText(day)}: không thể thay đổi dữ liệu của kế hoạch.`,
    },
    { details: { planId, closedAt: closedAt.toISOString() } },
  );
}
