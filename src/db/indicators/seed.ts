/**
 * Seeds what the Tuyên Quang plan's six targets are measured with: the indicators (catalogue.ts),
 * each measure linked to its indicator, every row of data/seeds/tuyen-quang-figures.csv as a
 * value (kind, scope and source; the file's own kind wording kept in `comment`), and the zone
 * registry (zones/seed.ts). Returns the contradictions found in the figures in `notes` — shown,
 * never resolved silently. Idempotent: one transaction, and a second run adds nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq, inArray } from "drizzle-orm";
import { appendAudit } from "../audit.ts";
import type { Db } from "../connection.ts";
import {
  agencies,
  indicators,
  indicatorValues,
  measureIndicators,
  measures,
  plans,
  targets,
} from "../schema.ts";
import { seedZones } from "../zones/seed.ts";
import { INDICATORS, MEASURE_LINKS, normaliseUnit } from "./catalogue.ts";
import { findContradictions, type Note } from "./contradictions.ts";
import { parseFiguresCsv } from "./figures-csv.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const FIGURES_CSV = path.join(ROOT, "data/seeds/tuyen-quang-figures.csv");
export const ZONES_CSV = path.join(ROOT, "data/seeds/tuyen-quang-zones.csv");

export interface SeedTargetsResult {
  indicatorsAdded: number;
  linksAdded: number;
  valuesAdded: number;
  zonesAdded: number;
  eventsAdded: number;
  /** Contradictions and caveats found in the figures and the zone list. */
  notes: Note[];
}

export async function seedTargets(
  db: Db,
  planId: number,
  files: { figures?: string | null; zones?: string | null } = {},
): Promise<SeedTargetsResult> {
  const figuresPath = files.figures === undefined ? FIGURES_CSV : files.figures;
  const zonesPath = files.zones === undefined ? ZONES_CSV : files.zones;
  return db.transaction(async (tx) => {
    const [plan] = await tx.select().from(plans).where(eq(plans.id, planId));
    if (!plan) throw new Error(`seedTargets: plan ${planId} does not exist`);
    const province = plan.province || "Tuyên Quang";
    const notes: Note[] = [];

    const supplierNames = [...new Set(INDICATORS.map((i) => i.supplier).filter((s): s is string => !!s))];
    const supplierRows = await tx
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .where(and(eq(agencies.province, province), inArray(agencies.name, supplierNames)));
    const supplierId = new Map(supplierRows.map((a) => [a.name, a.id]));
    const added = await tx
      .insert(indicators)
      .values(
        INDICATORS.map((i) => ({
          code: i.code,
          nameVi: i.nameVi,
          nameEn: i.nameEn,
          unit: i.unit,
          aggregation: i.aggregation,
          supplierAgencyId: i.supplier ? (supplierId.get(i.supplier) ?? null) : null,
          frequency: i.frequency,
          formula: i.formula,
          validation: i.validation,
        })),
      )
      .onConflictDoNothing({ target: indicators.code })
      .returning({ id: indicators.id });
    const rows = await tx
      .select()
      .from(indicators)
      .where(
        inArray(
          indicators.code,
          INDICATORS.map((i) => i.code),
        ),
      );
    const byCode = new Map(rows.map((r) => [r.code, r]));

    // Measures, in order, per target code.
    const ms = await tx
      .select({ id: measures.id, seq: measures.seq, target: targets.code })
      .from(measures)
      .innerJoin(targets, eq(targets.id, measures.targetId))
      .where(eq(targets.planId, planId));
    let linksAdded = 0;
    for (const link of MEASURE_LINKS) {
      const m = ms.find((x) => x.target === link.target && x.seq === link.seq);
      const ind = byCode.get(link.indicator);
      if (!m || !ind) {
        notes.push({
          code: "seed_problem",
          indicator: link.indicator,
          message: {
            vi: `Kế hoạch không có chỉ tiêu thành phần thứ ${link.seq + 1} của mục tiêu (${link.target}): không liên kết được ${link.indicator}.`,
            en: `The plan has no measure ${link.seq + 1} in target (${link.target}): ${link.indicator} is not linked.`,
          },
        });
        continue;
      }
      const done = await tx
        .insert(measureIndicators)
        .values({
          measureId: m.id,
          indicatorId: ind.id,
          scope: link.scope,
          baselineYear: link.baselineYear ?? null,
          baselineValue: null,
          growthPct: link.growthPct ?? null,
        })
        .onConflictDoNothing({ target: measureIndicators.measureId })
        .returning({ id: measureIndicators.measureId });
      linksAdded += done.length;
    }

    // The reported figures, every row.
    let valuesAdded = 0;
    if (figuresPath && existsSync(figuresPath)) {
      const { rows: figures, problems } = parseFiguresCsv(readFileSync(figuresPath, "utf8"));
      for (const p of problems)
        notes.push({
          code: "seed_problem",
          indicator: "figures",
          message: {
            vi: `Tệp số liệu dòng ${p.line}: ${p.reason}`,
            en: `Figures file line ${p.line}: ${p.reason}`,
          },
          lines: [p.line],
        });
      const ids = [
        ...new Set(figures.map((f) => byCode.get(f.indicator)?.id).filter((x): x is number => !!x)),
      ];
      const existing = ids.length
        ? await tx.select().from(indicatorValues).where(inArray(indicatorValues.indicatorId, ids))
        : [];
      for (const f of figures) {
        const ind = byCode.get(f.indicator);
        if (!ind)
          throw new Error(`${path.basename(figuresPath)} line ${f.line}: unknown indicator ${f.indicator}`);
        if (normaliseUnit(f.unit) !== ind.unit)
          throw new Error(
            `${path.basename(figuresPath)} line ${f.line}: unit "${f.unit}" is not ${ind.code}'s unit "${ind.unit}"`,
          );
        const same = existing.some(
          (v) =>
            v.indicatorId === ind.id &&
            v.period === f.period &&
            v.scope === f.scope &&
            v.kind === f.kind &&
            v.value === f.value &&
            v.source === f.source,
        );
        if (same) continue;
        const [row] = await tx
          .insert(indicatorValues)
          .values({
            indicatorId: ind.id,
            period: f.period,
            scope: f.scope,
            kind: f.kind,
            value: f.value,
            source: f.source,
            comment: f.kindAsWritten,
            // Loaded from history: counted from its period's end, its publication date unknown.
            origin: "seed",
          })
          .returning();
        if (row) existing.push(row);
        valuesAdded++;
      }
      const codeOf = new Map(rows.map((r) => [r.id, r.code]));
      const lineOf = new Map(
        figures.map((f) => [`${f.indicator}|${f.period}|${f.scope}|${f.kind}|${f.value}`, f.line]),
      );
      notes.push(
        ...findContradictions(
          existing.map((v) => {
            const indicator = codeOf.get(v.indicatorId) ?? "";
            const line = lineOf.get(`${indicator}|${v.period}|${v.scope}|${v.kind}|${v.value}`);
            return { ...v, indicator, ...(line ? { line } : {}) };
          }),
          rows,
        ),
      );
    }

    const planSource = `Kế hoạch ${plan.number ?? ""} ${plan.title}`.replace(/\s+/g, " ").trim();
    const z = await seedZones(
      tx,
      province,
      zonesPath && existsSync(zonesPath) ? zonesPath : null,
      planSource,
    );
    notes.push(...z.notes);

    const result: SeedTargetsResult = {
      indicatorsAdded: added.length,
      linksAdded,
      valuesAdded,
      zonesAdded: z.zonesAdded,
      eventsAdded: z.eventsAdded,
      notes,
    };
    if (added.length + linksAdded + valuesAdded + z.zonesAdded + z.eventsAdded > 0)
      await appendAudit(tx, {
        actor: "seed",
        action: "targets.seed",
        entity: "plan",
        entityId: planId,
        planId,
        after: { ...result, notes: notes.length },
      });
    return result;
  });
}
