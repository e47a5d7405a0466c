/**
 * The public page of a plan (issue 10 §2; plan tasks 7.1 and 8.6: make the plan known and show
 * investors the industrial parks and clusters with land to lease). Off until an administrator
 * publishes the plan (plans.is_public). It carries only what the province publishes anyway:
 * the plan's header, its targets with their evaluation, the tasks' progress as counts, and each
 * zone's free land — never import warnings, drafts, people, nor anything about the server.
 */
import { and, asc, eq } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import { appendAudit } from "../audit.ts";
import type { Db } from "../connection.ts";
import { plans } from "../schema.ts";
import { provinceOccupancy } from "../zones/land.ts";
import { type Dashboard, planDashboard } from "./dashboard.ts";

/** Published plans for the public listing (/public): only those an administrator switched on. */
export async function publishedPlans(db: Db) {
  return db
    .select({
      id: plans.id,
      title: plans.title,
      number: plans.number,
      issuer: plans.issuer,
      periodStart: plans.periodStart,
      periodEnd: plans.periodEnd,
    })
    .from(plans)
    .where(eq(plans.isPublic, true))
    .orderBy(asc(plans.id));
}

const noPlan = (id: number) =>
  new AppError("NOT_FOUND", {
    en: `Plan ${id} does not exist or is not published.`,
    vi: `Không tìm thấy kế hoạch ${id} hoặc kế hoạch chưa được công bố.`,
  });

export interface PublicZone {
  id: number;
  name: string;
  kind: string;
  district: string | null;
  leasableHa: number | null;
  leasedHa: number | null;
  /** Leasable minus leased, never below 0; null when no lease snapshot says how much is leased. */
  availableHa: number | null;
  occupancyPercent: number | null;
  /** The lease snapshot's date (ISO), or null. */
  snapshotOn: string | null;
}

export interface PublicPlan {
  asOf: string;
  plan: Dashboard["plan"] & { issuer: string | null; issuedOn: string | null };
  targets: Dashboard["targets"];
  tasks: { total: number; counts: Dashboard["tasks"]["counts"] };
  zones: PublicZone[];
}

/**
 * The public view of a published plan as of `asOf`; NOT_FOUND (404) when the plan does not exist
 * or is not published — the same answer, so the public cannot tell a hidden plan from none.
 */
export async function publicPlan(db: Db, planId: number, asOf: string): Promise<PublicPlan> {
  const [row] = await db
    .select({ issuer: plans.issuer, issuedOn: plans.issuedOn, province: plans.province })
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.isPublic, true)));
  if (!row) throw noPlan(planId);
  const d = await planDashboard(db, planId, asOf, { withRates: false });
  const occupancy = await provinceOccupancy(db, row.province || "Tuyên Quang", asOf);
  return {
    asOf,
    plan: { ...d.plan, issuer: row.issuer, issuedOn: row.issuedOn },
    targets: d.targets,
    tasks: { total: d.tasks.total, counts: d.tasks.counts },
    zones: occupancy.zones.map((z) => ({
      id: z.id,
      name: z.zone,
      kind: z.kind,
      district: z.district,
      leasableHa: z.leasableHa,
      leasedHa: z.leasedHa,
      availableHa:
        z.leasableHa !== null && z.leasedHa !== null ? Math.max(0, z.leasableHa - z.leasedHa) : null,
      occupancyPercent: z.percent,
      snapshotOn: z.asOf,
    })),
  };
}

/** Publishes or withdraws the plan's public page (administrator), in one transaction with its audit row. */
export async function setPlanPublic(db: Db, planId: number, isPublic: boolean, actor: string) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ isPublic: plans.isPublic })
      .from(plans)
      .where(eq(plans.id, planId))
      .for("update");
    if (!before) throw noPlan(planId);
    await tx.update(plans).set({ isPublic }).where(eq(plans.id, planId));
    await appendAudit(tx, {
      actor,
      action: isPublic ? "plan.publish" : "plan.unpublish",
      entity: "plan",
      entityId: planId,
      planId,
      before,
      after: { isPublic },
    });
    return { planId, public: isPublic };
  });
}
