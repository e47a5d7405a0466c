/**
 * A plan's reporting regime (Decree 09/2019 Art. 8, 12): frequencies, the deadline rule per
 * frequency in working days (≥ 1, Art. 8.5), who reports and who receives, reminder offsets.
 * Until the coordinator edits it, a plan has the default regime: every frequency the plan's
 * reporting duty names (else all five), 2 working days, the plan's leads and coordinators (and
 * the known members of the groups it names) as reporters.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { DEFAULT_REGIME } from "../../domain/calendar.ts";
import { AppError } from "../../domain/errors.ts";
import type { Frequency } from "../../domain/periods.ts";
import { readReportingDuty } from "../../importer/reporting.ts";
import { appendAudit, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import {
  agencies,
  agencyGroupMembers,
  plans,
  regimeReporters,
  reportingRegimes,
  taskAssignments,
  tasks,
} from "../schema.ts";
import type { ActorRef } from "./actor.ts";
import { reportersOn } from "./reporters-on.ts";

export const FREQUENCIES: Frequency[] = ["monthly", "quarterly", "half-yearly", "nine-month", "yearly"];

export interface Regime {
  planId: number;
  frequencies: Frequency[];
  deadlineDays: Record<string, number>;
  remindBefore: number[];
  remindAfter: number[];
  receiverAgency: { id: number; name: string } | null;
  coordinatorAgency: { id: number; name: string } | null;
  reporters: { id: number; name: string }[];
  /** false while the plan still runs on the default regime. */
  saved: boolean;
}

/** The agencies that report by default: every single agency the plan assigns, and the known members of the groups it names. */
export async function defaultReporters(db: Db | Tx, planId: number): Promise<{ id: number; name: string }[]> {
  const assigned = await db
    .selectDistinct({ id: agencies.id, name: agencies.name, isGroup: agencies.isGroup })
    .from(taskAssignments)
    .innerJoin(tasks, eq(tasks.id, taskAssignments.taskId))
    .innerJoin(agencies, eq(agencies.id, taskAssignments.agencyId))
    .where(eq(tasks.planId, planId));
  const groupIds = assigned.filter((a) => a.isGroup).map((a) => a.id);
  const members = groupIds.length
    ? await db
        .selectDistinct({ id: agencies.id, name: agencies.name })
        .from(agencyGroupMembers)
        .innerJoin(agencies, eq(agencies.id, agencyGroupMembers.agencyId))
        .where(inArray(agencyGroupMembers.groupId, groupIds))
    : [];
  const byId = new Map<number, string>();
  for (const a of [...assigned.filter((x) => !x.isGroup), ...members]) byId.set(a.id, a.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "vi"));
}

async function agencyByName(db: Db | Tx, name: string | null | undefined, province: string) {
  if (!name) return null;
  const [row] = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(and(eq(agencies.province, province), sql`lower(${agencies.name}) = lower(${name})`));
  return row ?? null;
}

/**
 * The plan's regime: the saved one, or the default derived from the plan. With `on` (the day it
 * is read), the default reporters are those valid that day (REGULATIONS.md §5: a ceased agency is
 * shown as its successor, as opening a period on that day would ask them); without it, every
 * agency the plan ever assigned (the saved list's editor needs them all).
 */
export async function getRegime(db: Db | Tx, planId: number, on?: string): Promise<Regime> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan)
    throw new AppError("NOT_FOUND", {
      en: `Plan ${planId} does not exist.`,
      vi: `Không tìm thấy kế hoạch ${planId}.`,
    });
  const [saved] = await db.select().from(reportingRegimes).where(eq(reportingRegimes.planId, planId));
  const named = async (id: number | null) =>
    id
      ? ((
          await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.id, id))
        )[0] ?? null)
      : null;
  if (saved) {
    const reporters = await db
      .select({ id: agencies.id, name: agencies.name })
      .from(regimeReporters)
      .innerJoin(agencies, eq(agencies.id, regimeReporters.agencyId))
      .where(eq(regimeReporters.regimeId, saved.id));
    return {
      planId,
      frequencies: saved.frequencies as Frequency[],
      deadlineDays: saved.deadlineDays,
      remindBefore: saved.remindBefore,
      remindAfter: saved.remindAfter,
      receiverAgency: await named(saved.receiverAgencyId),
      coordinatorAgency: await named(saved.coordinatorAgencyId),
      reporters: reporters.sort((a, b) => a.name.localeCompare(b.name, "vi")),
      saved: true,
    };
  }
  // The importer's reading of the plan's own reporting duty ("định kỳ (tháng, quý, năm)").
  const duty = readReportingDuty(plan.implementation);
  const frequencies = duty?.frequencies?.length
    ? (duty.frequencies as Frequency[])
    : [...DEFAULT_REGIME.frequencies];
  return {
    planId,
    frequencies,
    deadlineDays: { ...DEFAULT_REGIME.deadlineDays } as Record<string, number>,
    remindBefore: [5, 1],
    remindAfter: [1, 3],
    receiverAgency: null,
    coordinatorAgency: await agencyByName(db, duty?.monitor ?? null, plan.province),
    reporters: on ? await reportersOn(db, planId, on, null) : await defaultReporters(db, planId),
    saved: false,
  };
}

export interface RegimeInput {
  frequencies: Frequency[];
  deadlineDays: Record<string, number>;
  remindBefore: number[];
  remindAfter: number[];
  receiverAgencyId?: number | null;
  coordinatorAgencyId?: number | null;
  reporterAgencyIds?: number[];
}

/** Saves the regime (coordinator). Every deadline rule leaves at least one working day (Art. 8.5). */
export async function saveRegime(
  db: Db,
  planId: number,
  input: RegimeInput,
  actor: ActorRef,
): Promise<Regime> {
  for (const f of input.frequencies) {
    const n = input.deadlineDays[f];
    if (n === undefined || !Number.isInteger(n) || n < 1 || n > 30) {
      throw new AppError(
        "VALIDATION",
        {
          en: `Deadline for ${f} reports must be 1–30 working days after the cut-off (Decree 09/2019 Art. 8.5).`,
          vi: `Thời hạn báo cáo ${f} phải từ 1 đến 30 ngày làm việc sau khi chốt số liệu (Điều 8.5 Nghị định 09/2019).`,
        },
        {
          fields: [
            {
              field: `deadlineDays.${f}`,
              reason: "must be an integer from 1 to 30",
              reasonVi: "phải là số nguyên từ 1 đến 30",
            },
          ],
        },
      );
    }
  }
  return db.transaction(async (tx) => {
    const before = await getRegime(tx as Tx, planId);
    const values = {
      planId,
      frequencies: input.frequencies,
      deadlineDays: input.deadlineDays,
      remindBefore: input.remindBefore,
      remindAfter: input.remindAfter,
      receiverAgencyId: input.receiverAgencyId ?? before.receiverAgency?.id ?? null,
      coordinatorAgencyId: input.coordinatorAgencyId ?? before.coordinatorAgency?.id ?? null,
      updatedAt: new Date(),
    };
    const [row] = await tx
      .insert(reportingRegimes)
      .values(values)
      .onConflictDoUpdate({ target: reportingRegimes.planId, set: values })
      .returning({ id: reportingRegimes.id });
    if (!row) throw new Error("regime upsert returned nothing");
    const reporterIds = input.reporterAgencyIds ?? before.reporters.map((r) => r.id);
    await tx.delete(regimeReporters).where(eq(regimeReporters.regimeId, row.id));
    if (reporterIds.length)
      await tx
        .insert(regimeReporters)
        .values(reporterIds.map((agencyId) => ({ regimeId: row.id, agencyId })));
    const after = await getRegime(tx as Tx, planId);
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: "regime.save",
      entity: "plan",
      entityId: planId,
      planId,
      before,
      after,
    });
    return after;
  });
}
