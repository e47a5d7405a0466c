/**
 * Stores a parsed plan (Plan JSON) in one transaction: the plan, its groups, targets and
 * measures, tasks with milestones and assignments, and any agency or group it names that the
 * registry did not have. A document already imported (same content hash) is refused: nothing
 * is duplicated and nothing is written.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { AppError } from "../domain/errors.ts";
import { firstDue, lastDue } from "../domain/schedule.ts";
import { taskCodeSortKey } from "../domain/task-code.ts";
import type { PlanJson } from "../importer/plan-json.ts";
import { ensureAgency, ensureGroup } from "./agencies-store.ts";
import { appendAudit, type Tx } from "./audit.ts";
import type { Db } from "./connection.ts";
import { measures, milestones, plans, targets, taskAssignments, taskGroups, tasks } from "./schema.ts";

/** SHA-256 of the document's text: the identity used to refuse a second import. */
export function contentHash(text: string): string {
  return createHash("sha256")
    .update(
      text
        .replace(/^\uFEFF/, "")
        .normalize("NFC")
        .replace(/\r\n?/g, "\n"),
    )
    .digest("hex");
}

export interface StoreResult {
  planId: number;
  tasks: number;
  targets: number;
  groups: number;
  agenciesCreated: number;
}

/** Stores the plan. Throws PLAN_ALREADY_IMPORTED when the same document is already stored. */
export async function storePlan(
  db: Db,
  plan: PlanJson,
  source: { file: string | null; hash: string; actor: string },
): Promise<StoreResult> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: plans.id, title: plans.title })
      .from(plans)
      .where(eq(plans.contentHash, source.hash));
    if (existing) {
      throw new AppError(
        "PLAN_ALREADY_IMPORTED",
        {
          en: `This document is already imported as plan #${existing.id} ("${existing.title}"). Nothing was changed.`,
          vi: `Văn bản này đã được nhập thành kế hoạch #${existing.id} ("${existing.title}"). Không có thay đổi nào.`,
        },
        { details: { planId: existing.id } },
      );
    }
    const h = plan.plan;
    const [row] = await tx
      .insert(plans)
      .values({
        title: h.title,
        number: h.number,
        issuer: h.issuer,
        province: h.province ?? "",
        issuedOn: h.issuedOn,
        periodStart: h.periodStart,
        periodEnd: h.periodEnd,
        basis: h.basis,
        sections: h.sections,
        implementation: h.implementation,
        warnings: plan.warnings,
        sourceFile: source.file,
        contentHash: source.hash,
      })
      .returning({ id: plans.id });
    if (!row) throw new Error("insert plan returned nothing");
    const planId = row.id;

    const groupIds = new Map<string, number>();
    for (const g of plan.groups) {
      const [gr] = await tx
        .insert(taskGroups)
        .values({ planId, code: g.code, title: g.title, sortKey: taskCodeSortKey(g.code) })
        .returning({ id: taskGroups.id });
      if (gr) groupIds.set(g.code, gr.id);
    }
    for (const t of plan.targets) {
      const [tr] = await tx
        .insert(targets)
        .values({ planId, code: t.code, text: t.text, year: t.year, sortKey: taskCodeSortKey(t.code) })
        .returning({ id: targets.id });
      if (tr && t.measures.length) {
        await tx.insert(measures).values(
          t.measures.map((m, seq) => ({
            targetId: tr.id,
            seq,
            value: m.value,
            unit: m.unit,
            comparator: m.comparator,
            text: m.text,
          })),
        );
      }
    }

    const refs = new Map(plan.agencies.map((a) => [a.name, a]));
    const province = h.province ?? "";
    const created = { n: 0 };
    const ids = new Map<string, number>();
    const resolve = async (name: string): Promise<number> => {
      const known = ids.get(name);
      if (known) return known;
      const ref = refs.get(name);
      const id = ref?.isGroup
        ? await ensureGroup(tx, name, province, ref.aliases)
        : await ensureAgency(tx, name, ref ?? null, province, created);
      ids.set(name, id);
      return id;
    };
    for (const t of plan.tasks) {
      const [tr] = await tx
        .insert(tasks)
        .values({
          planId,
          groupId: t.group ? (groupIds.get(t.group) ?? null) : null,
          code: t.code,
          sortKey: taskCodeSortKey(t.code),
          content: t.content,
          body: t.body,
          deadlineText: t.deadlineText,
          continuous: t.schedule.continuous,
          recurrence: t.schedule.recurrence,
          scheduleKind: t.schedule.kind,
          firstDue: firstDue(t.schedule),
          lastDue: lastDue(t.schedule),
          note: t.note,
        })
        .returning({ id: tasks.id });
      if (!tr) continue;
      if (t.schedule.milestones.length) {
        await tx.insert(milestones).values(
          t.schedule.milestones.map((m, seq) => ({
            taskId: tr.id,
            seq,
            due: m.due,
            start: m.start ?? null,
            action: m.action ?? null,
            product: m.product ?? null,
            quantity: m.quantity ?? null,
            text: m.text,
          })),
        );
      }
      const assignments = [
        ...t.leads.map((n) => ["lead", n] as const),
        ...t.coordinators.map((n) => ["coordinator", n] as const),
      ];
      let seq = 0;
      for (const [role, name] of assignments) {
        await tx
          .insert(taskAssignments)
          .values({ taskId: tr.id, role, seq: seq++, agencyId: await resolve(name), asWritten: name });
      }
    }
    await appendAudit(tx as Tx, {
      actor: source.actor,
      action: "plan.import",
      entity: "plan",
      entityId: planId,
      planId,
      after: {
        title: h.title,
        number: h.number,
        file: source.file,
        hash: source.hash,
        tasks: plan.tasks.length,
        targets: plan.targets.length,
      },
    });
    return {
      planId,
      tasks: plan.tasks.length,
      targets: plan.targets.length,
      groups: plan.groups.length,
      agenciesCreated: created.n,
    };
  });
}
