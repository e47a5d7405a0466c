/**
 * A measure's yearly trajectory as the coordinator enters it — the plan's target (1) refers to an
 * annex ("phụ lục I kèm theo") that did not come with the document. Saving replaces the
 * measure's points (the audit row keeps the previous ones); an empty list removes them, and the
 * evaluation falls back to the trajectory derived from the plan's growth rate.
 */
import { asc, eq } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import { trajectoryFromAnnex } from "../../domain/trajectory.ts";
import { appendAudit, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import type { ActorRef } from "../reporting/actor.ts";
import { measures, plans, targets, trajectoryPoints } from "../schema.ts";

type Conn = Db | Tx;

/** The measure with its target and plan (for permissions and the allowed years), or NOT_FOUND. */
export async function measureContext(db: Conn, measureId: number) {
  const [row] = await db
    .select({
      measureId: measures.id,
      planId: targets.planId,
      targetCode: targets.code,
      targetYear: targets.year,
      periodStart: plans.periodStart,
      periodEnd: plans.periodEnd,
    })
    .from(measures)
    .innerJoin(targets, eq(targets.id, measures.targetId))
    .innerJoin(plans, eq(plans.id, targets.planId))
    .where(eq(measures.id, measureId));
  if (!row)
    throw new AppError("NOT_FOUND", {
      en: `Measure ${measureId} does not exist.`,
      vi: `Không tìm thấy chỉ tiêu thành phần ${measureId}.`,
    });
  return row;
}

export interface TrajectoryInput {
  points: { year: number; value: number }[];
  /** Where the points come from, e.g. "Phụ lục I, Kế hoạch số …". */
  source: string;
}

export async function saveTrajectory(
  db: Db,
  measureId: number,
  input: TrajectoryInput,
  actor: ActorRef,
  today: string,
) {
  const ctx = await measureContext(db, measureId);
  const source = input.source.normalize("NFC").trim();
  if (!source)
    throw new AppError(
      "VALIDATION",
      {
        en: "Name the source of the trajectory (e.g. the annex).",
        vi: "Cần ghi nguồn của lộ trình (ví dụ phụ lục).",
      },
      { fields: [{ field: "source", reason: "required", reasonVi: "bắt buộc" }] },
    );
  try {
    trajectoryFromAnnex(
      input.points.map((p) => ({ year: p.year, required: p.value })),
      source,
    );
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new AppError(
      "VALIDATION",
      { en: `The trajectory is not valid: ${msg}.`, vi: `Lộ trình không hợp lệ: ${msg}.` },
      { fields: [{ field: "points", reason: msg, reasonVi: msg }] },
    );
  }
  const first = ctx.periodStart !== null ? ctx.periodStart - 1 : null;
  const last = ctx.targetYear ?? ctx.periodEnd;
  const outside = input.points.filter(
    (p) => (first !== null && p.year < first) || (last !== null && p.year > last),
  );
  if (outside.length)
    throw new AppError(
      "VALIDATION",
      {
        en: `Years outside the plan (${first ?? "…"}–${last ?? "…"}): ${outside.map((p) => p.year).join(", ")}.`,
        vi: `Năm ngoài kỳ kế hoạch (${first ?? "…"}–${last ?? "…"}): ${outside.map((p) => p.year).join(", ")}.`,
      },
      { fields: [{ field: "points", reason: "year outside the plan", reasonVi: "năm ngoài kỳ kế hoạch" }] },
    );
  return db.transaction(async (tx) => {
    const before = await tx
      .select()
      .from(trajectoryPoints)
      .where(eq(trajectoryPoints.measureId, measureId))
      .orderBy(asc(trajectoryPoints.year));
    await tx.delete(trajectoryPoints).where(eq(trajectoryPoints.measureId, measureId));
    const points = input.points.length
      ? await tx
          .insert(trajectoryPoints)
          .values(
            [...input.points]
              .sort((a, b) => a.year - b.year)
              .map((p) => ({ measureId, year: p.year, value: p.value, source, enteredAt: today })),
          )
          .returning()
      : [];
    await appendAudit(tx, {
      actor: actor.username,
      action: "trajectory.save",
      entity: "measure",
      entityId: measureId,
      planId: ctx.planId,
      before: before.map((p) => ({ year: p.year, value: p.value, source: p.source })),
      after: points.map((p) => ({ year: p.year, value: p.value, source: p.source })),
    });
    return {
      measureId,
      planId: ctx.planId,
      source,
      points: points.map((p) => ({ year: p.year, value: p.value })),
    };
  });
}
