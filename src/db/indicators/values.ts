/**
 * Indicator values: reading them as the domain rules want them (IndicatorValue), checking a new
 * figure (DHIS2-style: a range, and a jump from the previous period that needs a comment), and
 * adding one — in a transaction with its audit row. Nothing is ever overwritten: a second figure
 * of the same kind for the same period and scope revises the first (revisesId), and an official
 * figure outranks an estimate; both stay (MODEL.md: history is never rewritten).
 */

import { asc, eq, inArray } from "drizzle-orm";
import { AppError, type FieldProblem } from "../../domain/errors.ts";
import { figureKnownOn, type KnownOnBasis } from "../../domain/figure-dates.ts";
import {
  type Bilingual,
  bestValue,
  type IndicatorValue,
  VALUE_KIND_LABELS,
  VALUE_KINDS,
  type ValidationRule,
  type ValueKind,
  validateValue,
} from "../../domain/indicator-values.ts";
import { parsePeriodLabel, periodLabel } from "../../domain/periods.ts";
import { vnDay } from "../../domain/working-days.ts";
import { appendAudit, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import type { ActorRef } from "../reporting/actor.ts";
import {
  agencies,
  indicators,
  indicatorValues,
  measureIndicators,
  measures,
  plans,
  targets,
} from "../schema.ts";
import { isZoneDerived, normaliseUnit, type StoredValidation } from "./catalogue.ts";

type Conn = Db | Tx;
export type IndicatorRow = typeof indicators.$inferSelect;
export type ValueRow = typeof indicatorValues.$inferSelect;

/** The first day a stored figure counts "as of" a date, and why (src/domain/figure-dates.ts). */
export function knownOnOf(row: ValueRow): { day: string; basis: KnownOnBasis } {
  return figureKnownOn({
    period: row.period,
    kind: row.kind,
    publishedOn: row.publishedOn,
    origin: row.origin,
    enteredOn: vnDay(row.enteredAt),
  });
}

export function toIndicatorValue(
  row: ValueRow,
  indicator: Pick<IndicatorRow, "code" | "unit">,
): IndicatorValue {
  return {
    indicator: indicator.code,
    period: row.period,
    scope: row.scope,
    kind: row.kind as ValueKind,
    value: row.value,
    unit: indicator.unit,
    source: row.source,
    recordedAt: row.enteredAt.toISOString(),
    ...(row.comment ? { comment: row.comment } : {}),
  };
}

/** The stored rule ({min, max, maxJumpPct}) as validateValue reads it. */
export function ruleOf(indicator: Pick<IndicatorRow, "validation">): ValidationRule {
  const v = (indicator.validation ?? {}) as StoredValidation;
  return {
    ...(typeof v.min === "number" ? { min: v.min } : {}),
    ...(typeof v.max === "number" ? { max: v.max } : {}),
    ...(typeof v.maxJumpPct === "number" ? { maxJumpPercent: v.maxJumpPct } : {}),
  };
}

/** The period before a label, of the same frequency: "2025" → "2024", "2025-Q1" → "2024-Q4", "2025-9M" → "2024-9M". */
export function previousPeriod(label: string): string | null {
  const p = parsePeriodLabel(label);
  if (!p) return null;
  const per = { monthly: 12, quarterly: 4, "half-yearly": 2, "nine-month": 1, yearly: 1 }[p.frequency];
  const year = p.index > 1 ? p.year : p.year - 1;
  const index = p.index > 1 ? p.index - 1 : per;
  return year < 2 ? null : periodLabel(p.frequency, year, index);
}

/** A kind as typed: the codes, or the Vietnamese words ("Ước thực hiện", "chính thức"). */
export function parseKind(text: string): ValueKind | null {
  const t = text.normalize("NFC").trim().toLowerCase();
  if ((VALUE_KINDS as readonly string[]).includes(t)) return t as ValueKind;
  for (const k of VALUE_KINDS) {
    const l = VALUE_KIND_LABELS[k];
    if (t === l.vi.toLowerCase() || t === l.en.toLowerCase()) return k;
  }
  if (t === "ước" || t === "ước tính") return "estimate";
  return null;
}

export interface ValueInput {
  period: string;
  scope: string;
  kind: string;
  value: number;
  source: string;
  comment?: string | null;
  /** The source's publication date (YYYY-MM-DD), when known: "as of" evaluation counts the figure from then. */
  publishedOn?: string | null;
  /** Optional: when given it must be the indicator's unit ("billion VND" is read as "tỷ đồng"). */
  unit?: string | null;
}

const problem = (field: string, reason: string, reasonVi: string): FieldProblem => ({
  field,
  reason,
  reasonVi,
});

/**
 * What is wrong with a figure for `indicator`, given the figures already known (to find the
 * previous period's value for the jump rule). Empty when it may be stored.
 */
export function checkValueInput(
  indicator: IndicatorRow,
  input: ValueInput,
  known: readonly IndicatorValue[],
): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (isZoneDerived(indicator.formula))
    return [
      problem(
        "indicator",
        `${indicator.code} is computed from the zone registry: record the zone's decision or land-lease snapshot instead.`,
        `${indicator.code} được tính từ sổ khu, cụm công nghiệp: hãy nhập quyết định hoặc số liệu cho thuê đất của khu, cụm.`,
      ),
    ];
  const period = input.period.trim();
  if (!parsePeriodLabel(period))
    out.push(
      problem(
        "period",
        `period "${period}" is not a period label (2024, 2025-Q1, 2025-H1, 2024-9M, 2025-01).`,
        `kỳ "${period}" không hợp lệ (2024, 2025-Q1, 2025-H1, 2024-9M, 2025-01).`,
      ),
    );
  const kind = parseKind(input.kind);
  if (!kind)
    out.push(
      problem(
        "kind",
        `kind "${input.kind}" is not one of ${VALUE_KINDS.join(", ")}.`,
        `loại số liệu "${input.kind}" không hợp lệ; chọn: ${VALUE_KINDS.map((k) => VALUE_KIND_LABELS[k].vi).join(", ")}.`,
      ),
    );
  if (!input.scope.trim()) out.push(problem("scope", "scope is required.", "cần ghi phạm vi (địa bàn)."));
  if (!input.source.trim())
    out.push(
      problem("source", "source is required: every figure is shown with it.", "cần ghi nguồn số liệu."),
    );
  if (input.unit?.trim() && normaliseUnit(input.unit) !== indicator.unit)
    out.push(
      problem(
        "unit",
        `unit "${input.unit}" is not the indicator's unit "${indicator.unit}".`,
        `đơn vị "${input.unit}" khác đơn vị của chỉ tiêu "${indicator.unit}".`,
      ),
    );
  if (!Number.isFinite(input.value)) {
    out.push(problem("value", "value must be a number.", "giá trị phải là một số."));
    return out;
  }
  if (out.length > 0 || !kind) return out;
  const candidate: IndicatorValue = {
    indicator: indicator.code,
    period,
    scope: input.scope.trim(),
    kind,
    value: input.value,
    unit: indicator.unit,
    source: input.source,
    recordedAt: new Date().toISOString(),
    ...(input.comment?.trim() ? { comment: input.comment.trim() } : {}),
  };
  const prevLabel = previousPeriod(period);
  const prevBest = prevLabel
    ? bestValue(
        known.filter((v) => v.indicator === indicator.code),
        prevLabel,
        candidate.scope,
      )
    : null;
  const previous = prevBest ? (prevBest.chosen ?? prevBest.plan) : null;
  for (const p of validateValue(candidate, previous, ruleOf(indicator)))
    out.push(problem(p.code === "jump_needs_comment" ? "comment" : "value", p.message.en, p.message.vi));
  return out;
}

export async function indicatorByCode(db: Conn, code: string): Promise<IndicatorRow> {
  const [row] = await db.select().from(indicators).where(eq(indicators.code, code));
  if (!row)
    throw new AppError("NOT_FOUND", {
      en: `Indicator ${code} does not exist.`,
      vi: `Không tìm thấy chỉ tiêu ${code}.`,
    });
  return row;
}

/** Every value of the indicators, in entry order. */
export async function valuesOf(db: Conn, indicatorIds: readonly number[]): Promise<ValueRow[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .select()
    .from(indicatorValues)
    .where(inArray(indicatorValues.indicatorId, [...indicatorIds]))
    .orderBy(asc(indicatorValues.enteredAt), asc(indicatorValues.id));
}

/** The plans whose measures an indicator measures (for permissions). */
export async function indicatorPlans(db: Conn, indicatorId: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ planId: targets.planId })
    .from(measureIndicators)
    .innerJoin(measures, eq(measures.id, measureIndicators.measureId))
    .innerJoin(targets, eq(targets.id, measures.targetId))
    .where(eq(measureIndicators.indicatorId, indicatorId));
  return rows.map((r) => r.planId);
}

/**
 * The province an indicator's figures belong to, for the audit log's readers: that of the plans
 * whose measures use it when they share one, else its supplier's; null (administrators only)
 * when neither says. Indicators are province data, shared by the province's plans.
 */
export async function indicatorProvince(
  db: Conn,
  indicator: Pick<IndicatorRow, "id" | "supplierAgencyId">,
): Promise<string | null> {
  const linked = await indicatorPlans(db, indicator.id);
  if (linked.length) {
    const rows = await db
      .selectDistinct({ province: plans.province })
      .from(plans)
      .where(inArray(plans.id, linked));
    if (rows.length === 1 && rows[0]?.province) return rows[0].province;
  }
  if (indicator.supplierAgencyId === null) return null;
  const [a] = await db
    .select({ province: agencies.province })
    .from(agencies)
    .where(eq(agencies.id, indicator.supplierAgencyId));
  return a?.province || null;
}

export async function supplierName(db: Conn, agencyId: number | null): Promise<string | null> {
  if (agencyId === null) return null;
  const [a] = await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId));
  return a?.name ?? null;
}

export function presentValue(row: ValueRow, indicator: Pick<IndicatorRow, "code" | "unit">) {
  const kind = row.kind as ValueKind;
  return {
    id: row.id,
    indicator: indicator.code,
    period: row.period,
    scope: row.scope,
    kind,
    kindLabel: VALUE_KIND_LABELS[kind] ?? { vi: row.kind, en: row.kind },
    value: row.value,
    unit: indicator.unit,
    source: row.source,
    comment: row.comment,
    revisesId: row.revisesId,
    enteredBy: row.enteredBy,
    enteredAt: row.enteredAt.toISOString(),
    publishedOn: row.publishedOn,
    origin: row.origin,
    knownOn: knownOnOf(row),
  };
}
export type PresentedValue = ReturnType<typeof presentValue>;

export interface PeriodBest {
  period: string;
  scope: string;
  chosenId: number | null;
  planId: number | null;
  superseded: {
    id: number;
    reason: "revised" | "outranked";
    supersededById: number;
    explanation: Bilingual;
  }[];
}

/** bestValue for one period and scope, with ids instead of objects. */
export function bestOf(
  rows: readonly ValueRow[],
  indicator: IndicatorRow,
  period: string,
  scope: string,
): PeriodBest {
  const pairs = rows.map((r) => [toIndicatorValue(r, indicator), r.id] as const);
  const idOf = new Map<IndicatorValue, number>(pairs);
  const best = bestValue(
    pairs.map(([v]) => v),
    period,
    scope,
  );
  return {
    period,
    scope,
    chosenId: best?.chosen ? (idOf.get(best.chosen) ?? null) : null,
    planId: best?.plan ? (idOf.get(best.plan) ?? null) : null,
    superseded: (best?.superseded ?? []).map((s) => ({
      id: idOf.get(s.value) as number,
      reason: s.reason,
      supersededById: idOf.get(s.supersededBy) as number,
      explanation:
        s.reason === "revised"
          ? {
              vi: "Đã được số liệu cùng loại nhập sau điều chỉnh.",
              en: "Revised by a later figure of the same kind.",
            }
          : {
              vi: `Được thay bằng số liệu ${VALUE_KIND_LABELS[s.supersededBy.kind].vi.toLowerCase()}.`,
              en: `Outranked by the ${VALUE_KIND_LABELS[s.supersededBy.kind].en.toLowerCase()} figure.`,
            },
    })),
  };
}

/** Throws one VALIDATION error listing every problem of a single figure. */
function refuse(indicator: IndicatorRow, problems: FieldProblem[]): never {
  const list = problems.map((p) => p.reason).join(" ");
  const listVi = problems.map((p) => p.reasonVi).join(" ");
  throw new AppError(
    "VALIDATION",
    {
      en: `The figure for ${indicator.code} was not stored: ${list}`,
      vi: `Số liệu chỉ tiêu ${indicator.code} chưa được lưu: ${listVi}`,
    },
    { fields: problems },
  );
}

/** The id of the latest value this one revises (same indicator, period, scope and kind), if any. */
export function revisedBy(
  existing: readonly ValueRow[],
  period: string,
  scope: string,
  kind: string,
): number | null {
  const same = existing.filter((v) => v.period === period && v.scope === scope && v.kind === kind);
  return same.at(-1)?.id ?? null;
}

/**
 * Adds one figure of an indicator (checked first; refused whole with every problem named). An
 * official figure for a period outranks the estimate, which stays; a second figure of the same
 * kind revises the first (revisesId), which stays too. Returns the stored figure and, for its
 * period and scope, which figure is now used and which are superseded.
 */
export async function addIndicatorValue(
  db: Db,
  code: string,
  input: ValueInput,
  actor: ActorRef,
  now: Date = new Date(),
): Promise<{ value: PresentedValue; best: PeriodBest }> {
  const indicator = await indicatorByCode(db, code);
  return db.transaction(async (tx) => {
    const existing = await valuesOf(tx, [indicator.id]);
    const problems = checkValueInput(
      indicator,
      input,
      existing.map((r) => toIndicatorValue(r, indicator)),
    );
    const today = vnDay(now);
    if (input.publishedOn && input.publishedOn > today)
      problems.push({
        field: "publishedOn",
        reason: `publishedOn ${input.publishedOn} is in the future.`,
        reasonVi: `ngày công bố ${input.publishedOn} ở tương lai.`,
      });
    if (problems.length > 0) refuse(indicator, problems);
    const period = input.period.trim();
    const scope = input.scope.trim();
    const kind = parseKind(input.kind) as ValueKind;
    const [row] = await tx
      .insert(indicatorValues)
      .values({
        indicatorId: indicator.id,
        period,
        scope,
        kind,
        value: input.value,
        source: input.source.trim(),
        comment: input.comment?.trim() || null,
        revisesId: revisedBy(existing, period, scope, kind),
        publishedOn: input.publishedOn ?? null,
        enteredBy: actor.userId,
        enteredAt: now,
      })
      .returning();
    if (!row) throw new Error("indicator value insert returned nothing");
    await appendAudit(tx, {
      actor: actor.username,
      action: "indicator_value.add",
      entity: "indicator_value",
      entityId: row.id,
      province: await indicatorProvince(tx, indicator),
      after: presentValue(row, indicator),
    });
    return {
      value: presentValue(row, indicator),
      best: bestOf([...existing, row], indicator, period, scope),
    };
  });
}
