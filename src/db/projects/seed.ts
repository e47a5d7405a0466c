/**
 * Seeds the investment projects the plan itself names (body section 4.3: "đẩy nhanh tiến độ mở
 * rộng Khu công nghiệp Long Bình An …; dự án mở rộng Nhà máy bột giấy và giấy An Hòa; phấn đấu
 * hoàn thành Dự án mở rộng Nhà máy gang thép Tuyên Quang"). Only what the plan says: no investor,
 * capital, land, jobs nor dates — those are entered by the coordinator from real decisions.
 * Idempotent (a project of the same name in the province is left as it is); one transaction,
 * one audit row when something was added.
 */
import { and, eq } from "drizzle-orm";
import { appendAudit } from "../audit.ts";
import type { Db } from "../connection.ts";
import { plans, projects } from "../schema.ts";
import { findZone } from "../zones/store.ts";

export const PLAN_PROJECTS_SOURCE = "Kế hoạch phát triển công nghiệp 2021–2025, mục 4.3";

/** The three projects of section 4.3, with the zone the first one expands. */
export const PLAN_PROJECTS: readonly { name: string; zone: string | null }[] = [
  { name: "Dự án mở rộng Khu công nghiệp Long Bình An", zone: "Long Bình An" },
  { name: "Dự án mở rộng Nhà máy bột giấy và giấy An Hòa", zone: null },
  { name: "Dự án mở rộng Nhà máy gang thép Tuyên Quang", zone: null },
];

/** Adds the plan's projects to the plan's province; returns how many were added. */
export async function seedProjects(db: Db, planId: number): Promise<number> {
  return db.transaction(async (tx) => {
    const [plan] = await tx.select({ province: plans.province }).from(plans).where(eq(plans.id, planId));
    const province = plan?.province;
    if (!province) return 0;
    const added: number[] = [];
    for (const p of PLAN_PROJECTS) {
      const [existing] = await tx
        .select({ id: projects.id })
        .from(projects)
        .where(and(eq(projects.province, province), eq(projects.name, p.name)));
      if (existing) continue;
      const zone = p.zone ? await findZone(tx, province, "industrial_park", [p.zone]) : null;
      const [row] = await tx
        .insert(projects)
        .values({
          province,
          name: p.name,
          investor: null,
          zoneId: zone?.id ?? null,
          source: PLAN_PROJECTS_SOURCE,
        })
        .returning({ id: projects.id });
      if (row) added.push(row.id);
    }
    if (added.length > 0)
      await appendAudit(tx, {
        actor: "seed",
        action: "projects.seed",
        entity: "plan",
        entityId: planId,
        planId,
        after: { province, projects: added, source: PLAN_PROJECTS_SOURCE },
      });
    return added.length;
  });
}
