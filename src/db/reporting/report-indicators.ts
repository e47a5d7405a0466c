/**
 * Indicator values inside the periodic report (issue 4 §1): the agency that supplies an
 * indicator gives its figure for the report's period in the report itself. The figures belong
 * to the draft and to every frozen version; they join the indicator's series only when the
 * coordinator accepts the report (Decree 09/2019 Art. 8: the receiving body checks what it
 * receives), sourced "Báo cáo <kỳ> của <đơn vị>", through the same rules as any other figure
 * (checkValueInput, revisedBy): an official figure outranks an estimate, nothing is deleted.
 *
 * Period mapping: a reporting period's label ("2025-Q1", "2025-H1", "2024-9M", "2025-01",
 * "2025", src/domain/periods.ts) IS the indicator value period; a quarterly report asks for the
 * quarter's figure. Scope: the period's window decides the default (REGULATIONS.md §5: figures
 * from 01/07/2025 cover the merged province); the reporter may choose the other scope.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { AppError, type FieldProblem } from "../../domain/errors.ts";
import {
  SCOPE_MERGED,
  SCOPE_PRE_MERGER,
  VALUE_KIND_LABELS,
  type ValueKind,
} from "../../domain/indicator-values.ts";
import { parsePeriodLabel, periodByLabel, periodTitle } from "../../domain/periods.ts";
import { appendAudit, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import type { StoredValidation } from "../indicators/catalogue.ts";
import {
  bestOf,
  checkValueInput,
  type IndicatorRow,
  presentValue,
  previousPeriod,
  revisedBy,
  toIndicatorValue,
  valuesOf,
} from "../indicators/values.ts";
import {
  agencies,
  expectedReports,
  indicators,
  indicatorValues,
  reportIndicatorValues,
  reportingPeriods,
} from "../schema.ts";
import type { ActorRef } from "./actor.ts";

type Conn = Db | Tx;

/** A report gives outcomes, never plan figures (targets come from the plan). */
export const REPORT_VALUE_KINDS = ["estimate", "preliminary", "official"] as const;
export type ReportValueKind = (typeof REPORT_VALUE_KINDS)[number];

export interface ReportIndicatorInput {
  indicatorCode: string;
  scope: string;
  kind: ReportValueKind;
  value: number;
  comment?: string | null;
}

/** Merged-province figures from 01/07/2025 (REGULATIONS.md §5): a window ending later is merged. */
export function defaultScope(periodLabel: string): string {
  const p = parsePeriodLabel(periodLabel);
  const window = p ? periodByLabel(p.frequency, periodLabel) : null;
  return window && window.end >= "2025-07-01" ? SCOPE_MERGED : SCOPE_PRE_MERGER;
}

/** Entered by hand, not computed: a ratio or a zone-registry count is never asked for. */
const isReported = (i: IndicatorRow) => (i.formula as { type?: string } | null)?.type === "reported";

/** The non-derived indicators the agency supplies: what its report asks figures for. */
export async function indicatorsOfAgency(q: Conn, agencyId: number): Promise<IndicatorRow[]> {
  const rows = await q
    .select()
    .from(indicators)
    .where(eq(indicators.supplierAgencyId, agencyId))
    .orderBy(asc(indicators.id));
  return rows.filter(isReported);
}

/** The draft's figures (or none before the first save). */
export async function draftValues(q: Conn, reportId: number | null) {
  if (reportId === null) return [];
  const rows = await q
    .select({ row: reportIndicatorValues, code: indicators.code })
    .from(reportIndicatorValues)
    .innerJoin(indicators, eq(indicators.id, reportIndicatorValues.indicatorId))
    .where(eq(reportIndicatorValues.reportId, reportId))
    .orderBy(asc(reportIndicatorValues.id));
  return rows.map(({ row, code }) => ({
    indicatorCode: code,
    period: row.period,
    scope: row.scope,
    kind: row.kind as ReportValueKind,
    value: row.value,
    comment: row.comment,
  }));
}
export type ReportIndicatorValue = Awaited<ReturnType<typeof draftValues>>[number];

/** What the report asks for, with the previous period's best figure for reference. */
export async function requestedIndicators(q: Conn, agencyId: number, periodLabel: string) {
  const list = await indicatorsOfAgency(q, agencyId);
  const all = await valuesOf(
    q,
    list.map((i) => i.id),
  );
  const prevLabel = previousPeriod(periodLabel);
  const scope = defaultScope(periodLabel);
  return list.map((i) => {
    const rows = all.filter((r) => r.indicatorId === i.id);
    let previous: ReturnType<typeof presentValue> | null = null;
    for (const s of [scope, scope === SCOPE_MERGED ? SCOPE_PRE_MERGER : SCOPE_MERGED]) {
      const best = prevLabel ? bestOf(rows, i, prevLabel, s) : null;
      const row = rows.find((r) => r.id === (best?.chosenId ?? best?.planId));
      if (row) {
        previous = presentValue(row, i);
        break;
      }
    }
    const v = (i.validation ?? {}) as StoredValidation;
    return {
      code: i.code,
      nameVi: i.nameVi,
      nameEn: i.nameEn,
      unit: i.unit,
      period: periodLabel,
      defaultScope: scope,
      validation: { min: v.min ?? null, max: v.max ?? null, maxJumpPct: v.maxJumpPct ?? null },
      previous,
    };
  });
}

/**
 * Checks the figures against the indicators' rules (range; a jump over the threshold needs a
 * comment, DHIS2-style). The jump is a warning while drafting and an error on submission.
 * Fields are named `indicatorValues.<i>.<field>`.
 */
export async function checkReportValues(
  q: Conn,
  agencyId: number,
  periodLabel: string,
  values: readonly ReportIndicatorInput[],
): Promise<{ errors: FieldProblem[]; warnings: FieldProblem[] }> {
  const list = await indicatorsOfAgency(q, agencyId);
  const byCode = new Map(list.map((i) => [i.code, i]));
  const known = await valuesOf(
    q,
    list.map((i) => i.id),
  );
  const errors: FieldProblem[] = [];
  const warnings: FieldProblem[] = [];
  const seen = new Set<string>();
  values.forEach((v, n) => {
    const at = (f: string) => `indicatorValues.${n}.${f}`;
    const indicator = byCode.get(v.indicatorCode);
    if (!indicator) {
      errors.push({
        field: at("indicatorCode"),
        reason: `indicator ${v.indicatorCode} is not one this agency reports in this report.`,
        reasonVi: `chỉ tiêu ${v.indicatorCode} không thuộc báo cáo của đơn vị.`,
      });
      return;
    }
    const key = `${v.indicatorCode}\u0000${v.scope.trim()}\u0000${v.kind}`;
    if (seen.has(key))
      errors.push({
        field: at("kind"),
        reason: `${indicator.code} has two ${v.kind} figures for the same scope.`,
        reasonVi: `chỉ tiêu ${indicator.code} có hai số liệu ${VALUE_KIND_LABELS[v.kind as ValueKind]?.vi.toLowerCase() ?? v.kind} cùng phạm vi.`,
      });
    seen.add(key);
    const problems = checkValueInput(
      indicator,
      {
        period: periodLabel,
        scope: v.scope,
        kind: v.kind,
        value: v.value,
        source: "report",
        comment: v.comment,
      },
      known.filter((r) => r.indicatorId === indicator.id).map((r) => toIndicatorValue(r, indicator)),
    );
    for (const p of problems) {
      const named = { ...p, field: at(p.field) };
      if (p.field === "comment") warnings.push(named);
      else errors.push(named);
    }
  });
  return { errors, warnings };
}

/** One VALIDATION error naming every problem field, in Vietnamese and English. */
export function refuseValues(problems: FieldProblem[]): never {
  throw new AppError(
    "VALIDATION",
    {
      en: `The indicator figures of the report have problems: ${problems.map((p) => `${p.field}: ${p.reason}`).join(" ")}`,
      vi: `Số liệu chỉ tiêu trong báo cáo chưa hợp lệ: ${problems.map((p) => `${p.field}: ${p.reasonVi}`).join(" ")}`,
    },
    { fields: problems },
  );
}

/** Replaces the draft's set of figures (each save sends the whole set, as it does task updates). */
export async function replaceDraftValues(
  tx: Tx,
  reportId: number,
  agencyId: number,
  periodLabel: string,
  values: readonly ReportIndicatorInput[],
): Promise<FieldProblem[]> {
  const { errors, warnings } = await checkReportValues(tx, agencyId, periodLabel, values);
  if (errors.length > 0) refuseValues(errors);
  const ids = new Map((await indicatorsOfAgency(tx, agencyId)).map((i) => [i.code, i.id]));
  await tx.delete(reportIndicatorValues).where(eq(reportIndicatorValues.reportId, reportId));
  if (values.length > 0)
    await tx.insert(reportIndicatorValues).values(
      values.map((v) => ({
        reportId,
        indicatorId: ids.get(v.indicatorCode) as number,
        period: periodLabel,
        scope: v.scope.trim(),
        kind: v.kind,
        value: v.value,
        comment: v.comment?.trim() || null,
      })),
    );
  return warnings;
}

/**
 * On acceptance: the accepted version's figures join the series, in the caller's transaction,
 * with origin "report", the report's id, source "Báo cáo <kỳ> của <đơn vị>", published on the
 * day of acceptance, and entered_by the leader who submitted them (the agency answers for its
 * figures; the coordinator's acceptance is the audit row). Never twice: a report whose figures
 * are already in the series adds nothing.
 */
export async function publishAcceptedValues(
  tx: Tx,
  input: {
    expectedReportId: number;
    reportId: number;
    values: readonly ReportIndicatorValue[];
    submittedBy: number | null;
  },
  actor: ActorRef,
  publishedOn: string,
): Promise<number> {
  if (input.values.length === 0) return 0;
  const already = await tx
    .select({ id: indicatorValues.id })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.reportId, input.reportId), eq(indicatorValues.origin, "report")))
    .limit(1);
  if (already.length > 0) return 0;
  const [ctx] = await tx
    .select({ label: reportingPeriods.label, agency: agencies.name, planId: reportingPeriods.planId })
    .from(expectedReports)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, expectedReports.periodId))
    .innerJoin(agencies, eq(agencies.id, expectedReports.agencyId))
    .where(eq(expectedReports.id, input.expectedReportId));
  if (!ctx) return 0;
  const source = `Báo cáo ${periodTitle(ctx.label)?.vi ?? ctx.label} của ${ctx.agency}`;
  const list = await tx
    .select()
    .from(indicators)
    .where(
      inArray(
        indicators.code,
        input.values.map((v) => v.indicatorCode),
      ),
    );
  const byCode = new Map(list.map((i) => [i.code, i]));
  let added = 0;
  for (const v of input.values) {
    const indicator = byCode.get(v.indicatorCode);
    if (!indicator) continue;
    const existing = await valuesOf(tx, [indicator.id]);
    const [row] = await tx
      .insert(indicatorValues)
      .values({
        indicatorId: indicator.id,
        period: v.period,
        scope: v.scope,
        kind: v.kind,
        value: v.value,
        source,
        comment: v.comment ?? null,
        revisesId: revisedBy(existing, v.period, v.scope, v.kind),
        publishedOn,
        origin: "report",
        reportId: input.reportId,
        enteredBy: input.submittedBy,
      })
      .returning();
    if (!row) continue;
    added++;
    await appendAudit(tx, {
      actor: actor.username,
      action: "indicator_value.add",
      entity: "indicator_value",
      entityId: row.id,
      planId: ctx.planId,
      after: { ...presentValue(row, indicator), origin: "report", reportId: input.reportId },
    });
  }
  return added;
}
