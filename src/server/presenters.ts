/**
 * Presenters: database records → the JSON the API serves (docs/plan-json.md). Kept apart from
 * queries so every route presents the same thing the same way.
 */
import type { getAgency, listAgencies } from "../db/queries/agencies.ts";
import type { getPlan, listPlans } from "../db/queries/plans.ts";
import type { TaskRecord } from "../db/queries/tasks.ts";
import type { MeasureJson } from "../importer/plan-json.ts";

export function presentTask(t: TaskRecord) {
  return {
    id: t.id,
    planId: t.planId,
    code: t.code,
    group: t.group,
    groupTitle: t.groupTitle,
    content: t.content,
    body: t.body,
    leads: t.leads,
    coordinators: t.coordinators,
    ...(t.ownerHistory.length ? { ownerHistory: t.ownerHistory } : {}),
    deadlineText: t.deadlineText,
    schedule: {
      continuous: t.continuous,
      recurrence: t.recurrence,
      kind: t.scheduleKind,
      milestones: t.milestones.map((m) => ({
        due: m.due,
        ...(m.start ? { start: m.start } : {}),
        ...(m.action ? { action: m.action } : {}),
        ...(m.product ? { product: m.product } : {}),
        ...(m.quantity ? { quantity: m.quantity } : {}),
        text: m.text,
      })),
    },
    firstDue: t.firstDue,
    note: t.note,
  };
}

type PlanRow = Awaited<ReturnType<typeof listPlans>>[number];

export function presentPlanSummary(p: PlanRow) {
  return {
    id: p.id,
    title: p.title,
    number: p.number,
    issuer: p.issuer,
    issuedOn: p.issuedOn,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    taskCount: p.taskCount,
    targetCount: p.targetCount,
  };
}

export function presentPlan(p: NonNullable<Awaited<ReturnType<typeof getPlan>>>) {
  const { plan } = p;
  return {
    id: plan.id,
    title: plan.title,
    number: plan.number,
    issuer: plan.issuer,
    province: plan.province || null,
    issuedOn: plan.issuedOn,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    basis: plan.basis,
    sections: plan.sections,
    implementation: plan.implementation,
    warnings: plan.warnings,
    sourceFile: plan.sourceFile,
    /** The public page is on (issue 10 §2): the administrator's switch shows it. */
    public: plan.isPublic,
    closedAt: plan.closedAt ? plan.closedAt.toISOString() : null,
    closedBy: plan.closedBy ?? null,
    reviewDocumentId: plan.reviewDocumentId ?? null,
    groups: p.groups.map((g) => ({ code: g.code, title: g.title })),
    targets: p.targets.map((t) => ({
      id: t.id,
      code: t.code,
      text: t.text,
      year: t.year,
      measures: t.measures.map((m) => ({
        value: m.value,
        unit: m.unit,
        comparator: m.comparator as MeasureJson["comparator"],
        text: m.text,
      })),
    })),
  };
}

type AgencyRow = Awaited<ReturnType<typeof listAgencies>>[number];

export function presentAgencySummary(a: AgencyRow) {
  return {
    id: a.id,
    name: a.name,
    shortName: a.shortName,
    kind: a.kind,
    level: a.level,
    isGroup: a.isGroup,
    aliases: a.aliases,
    province: a.province || null,
    validTo: a.validTo,
    leadCount: a.leadCount,
    coordinatorCount: a.coordinatorCount,
  };
}

export function presentAgency(
  a: NonNullable<Awaited<ReturnType<typeof getAgency>>>,
  lead: TaskRecord[],
  coordinating: TaskRecord[],
  handed: TaskRecord[] = [],
) {
  const { agency } = a;
  return {
    id: agency.id,
    name: agency.name,
    shortName: agency.shortName,
    kind: agency.kind,
    level: agency.level,
    province: agency.province || null,
    isGroup: agency.isGroup,
    note: agency.note,
    aliases: a.aliases,
    validFrom: agency.validFrom,
    validTo: agency.validTo,
    successor: a.successor,
    successorConfirmed: agency.successorConfirmed,
    members: a.members,
    lead: lead.map(presentTask),
    coordinating: coordinating.map(presentTask),
    /** Tasks it held before a reorganisation and handed over: the task, its role, the last day held. */
    handedOver: a.handedOver.flatMap((h) => {
      const task = handed.find((t) => t.id === h.taskId);
      return task
        ? [{ role: h.role as "lead" | "coordinator", until: h.until, task: presentTask(task) }]
        : [];
    }),
  };
}
