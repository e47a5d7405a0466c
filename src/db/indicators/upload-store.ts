/**
 * Storing a checked upload (upload.ts) without holding the request loop: a file at the 5,000-row
 * limit used to spend seconds of blocked event loop here — one revision search over every stored
 * figure per row, every row's full insert returned and presented, and an audit row holding all
 * 5,000 figures (hashed as canonical JSON, written as a 3 MB jsonb). Now the revision links come
 * from one query, rows go in statements of CHUNK rows with the loop given back between them (on
 * PGlite the engine runs in this process, so one huge statement blocks everyone), and the audit
 * row keeps a digest, counts and the id ranges instead of the figures (uploadDigest).
 */
import { createHash } from "node:crypto";
import { asc, desc, getTableColumns, inArray, sql } from "drizzle-orm";
import type { ValueKind } from "../../domain/indicator-values.ts";
import { appendAudit, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import type { ActorRef } from "../reporting/actor.ts";
import { indicatorValues } from "../schema.ts";
import type { UploadRow } from "./upload-read.ts";
import { type IndicatorRow, type PresentedValue, parseKind, presentValue, type ValueRow } from "./values.ts";

/** Rows per insert statement, and per slice of work between two turns of the event loop. */
export const CHUNK = 250;
/** How many stored figures the answer shows (the web page shows only the count). */
export const SHOWN_VALUES = 20;

/** Gives the event loop a turn, so other users' requests interleave with a long job. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The stored figures of some indicators, as the upload check needs them: every column but the
 * comment (the check reads the previous figures' periods, kinds and values, never their
 * comments), so a series of many uploaded figures is read without its text.
 */
export async function figuresForCheck(db: Db | Tx, indicatorIds: readonly number[]): Promise<ValueRow[]> {
  if (indicatorIds.length === 0) return [];
  const { comment: _comment, ...columns } = getTableColumns(indicatorValues);
  const rows = await db
    .select(columns)
    .from(indicatorValues)
    .where(inArray(indicatorValues.indicatorId, [...indicatorIds]))
    .orderBy(asc(indicatorValues.enteredAt), asc(indicatorValues.id));
  return rows.map((r) => ({ ...r, comment: null }));
}

const keyOf = (indicatorId: number, period: string, scope: string, kind: string) =>
  `${indicatorId}\u0000${period}\u0000${scope}\u0000${kind}`;

/**
 * The figure each new one revises, as revisedBy (values.ts) chooses it — the latest entered of
 * the same indicator, period, scope and kind — for all of them in one query.
 */
async function latestByKey(tx: Tx, indicatorIds: readonly number[]): Promise<Map<string, number>> {
  if (indicatorIds.length === 0) return new Map();
  const v = indicatorValues;
  const rows = await tx
    .selectDistinctOn([v.indicatorId, v.period, v.scope, v.kind], {
      id: v.id,
      indicatorId: v.indicatorId,
      period: v.period,
      scope: v.scope,
      kind: v.kind,
    })
    .from(v)
    .where(inArray(v.indicatorId, [...indicatorIds]))
    .orderBy(v.indicatorId, v.period, v.scope, v.kind, desc(v.enteredAt), desc(v.id));
  return new Map(rows.map((r) => [keyOf(r.indicatorId, r.period, r.scope, r.kind), r.id]));
}

/** One stored figure as uploadDigest reads it (a row of indicator_values, with its code). */
export interface DigestedFigure {
  id: number;
  indicator: string;
  period: string;
  scope: string;
  kind: string;
  value: number;
  source: string;
  comment: string | null;
}

/**
 * sha256 (hex) of the figures an upload stored, in id order, one line each:
 * `id TAB indicator code TAB period TAB scope TAB kind TAB value TAB source TAB comment LF`
 * (value as JSON writes it, an absent comment empty, tabs and line breaks inside a text as
 * JSON-escaped strings). The audit row keeps this instead of the figures, which stay in
 * indicator_values (origin 'upload'): anyone can recompute it from those rows to check that
 * they are what was uploaded.
 */
export function uploadDigest(figures: readonly DigestedFigure[]): string {
  const text = (s: string) => (/[\t\n\r]/.test(s) ? JSON.stringify(s) : s);
  const hash = createHash("sha256");
  for (const f of [...figures].sort((a, b) => a.id - b.id))
    hash.update(
      `${f.id}\t${text(f.indicator)}\t${text(f.period)}\t${text(f.scope)}\t${f.kind}\t${JSON.stringify(f.value)}\t${text(f.source)}\t${text(f.comment ?? "")}\n`,
    );
  return hash.digest("hex");
}

/** Sorted ids as ranges [first, last]: an upload's ids are usually one or a few runs. */
export function idRanges(ids: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const id of [...ids].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && id === last[1] + 1) last[1] = id;
    else out.push([id, id]);
  }
  return out;
}

/** What the audit row of an upload says (its `after`). */
export interface UploadAudit {
  file: string;
  count: number;
  /** Stored figures per indicator code. */
  indicators: Record<string, number>;
  /** The ids of the stored figures in indicator_values, as ranges [first, last]. */
  ids: [number, number][];
  /** uploadDigest of the stored figures. */
  digest: string;
}

/**
 * Stores the checked rows of an upload inside the caller's transaction, with its audit row.
 * Answers the count and the first SHOWN_VALUES figures as stored.
 */
export async function storeUploadRows(
  tx: Tx,
  rows: readonly UploadRow[],
  byCode: ReadonlyMap<string, IndicatorRow>,
  actor: ActorRef,
  now: Date,
  file: string,
  planId: number | null,
): Promise<{ stored: number; values: PresentedValue[] }> {
  const ids = [...new Set(rows.map((r) => (byCode.get(r.indicator) as IndicatorRow).id))];
  const latest = await latestByKey(tx, ids);
  const records = rows.map((r) => {
    const ind = byCode.get(r.indicator) as IndicatorRow;
    const kind = parseKind(r.kind) as ValueKind;
    return {
      indicatorId: ind.id,
      period: r.period,
      scope: r.scope,
      kind,
      value: r.value as number,
      source: r.source,
      comment: r.comment || null,
      revisesId: latest.get(keyOf(ind.id, r.period, r.scope, kind)) ?? null,
      origin: "upload" as const,
      enteredBy: actor.userId,
      enteredAt: now,
    };
  });
  const storedIds: number[] = [];
  for (let i = 0; i < records.length; i += CHUNK) {
    if (i > 0) await breathe();
    const part = records.slice(i, i + CHUNK);
    const col = <T>(f: (r: (typeof records)[number]) => T) => part.map(f);
    // One array per column (unnest), not one parameter per cell: building 2,750 parameters a
    // chunk cost more than storing them. The ids come back in the arrays' order (the test
    // recomputes the digest from the stored rows on both engines).
    const got = await tx.execute(sql`
      insert into indicator_values
        (indicator_id, period, scope, kind, value, source, comment, revises_id, origin, entered_by, entered_at)
      select * from unnest(
        ${sql.param(col((r) => r.indicatorId))}::int[], ${sql.param(col((r) => r.period))}::text[],
        ${sql.param(col((r) => r.scope))}::text[], ${sql.param(col((r) => r.kind))}::text[],
        ${sql.param(col((r) => r.value))}::float8[], ${sql.param(col((r) => r.source))}::text[],
        ${sql.param(col((r) => r.comment))}::text[], ${sql.param(col((r) => r.revisesId))}::int[],
        ${sql.param(col((r) => r.origin))}::text[], ${sql.param(col((r) => r.enteredBy))}::int[],
        ${sql.param(col((r) => r.enteredAt.toISOString()))}::timestamptz[]
      )
      returning id`);
    for (const g of (got as unknown as { rows: { id: number }[] }).rows) storedIds.push(Number(g.id));
  }
  await breathe();
  const codeOfId = new Map([...byCode.values()].map((i) => [i.id, i]));
  const counts: Record<string, number> = {};
  const figures: DigestedFigure[] = records.map((r, i) => {
    const code = (codeOfId.get(r.indicatorId) as IndicatorRow).code;
    counts[code] = (counts[code] ?? 0) + 1;
    return { ...r, id: storedIds[i] as number, indicator: code };
  });
  const after: UploadAudit = {
    file,
    count: records.length,
    indicators: counts,
    ids: idRanges(storedIds),
    digest: uploadDigest(figures),
  };
  await appendAudit(tx, {
    actor: actor.username,
    action: "indicator_value.upload",
    entity: "indicator_values",
    entityId: planId,
    planId,
    after,
  });
  const shown = await tx
    .select()
    .from(indicatorValues)
    .where(inArray(indicatorValues.id, storedIds.slice(0, SHOWN_VALUES)))
    .orderBy(asc(indicatorValues.id));
  return {
    stored: records.length,
    values: shown.map((v) => presentValue(v, codeOfId.get(v.indicatorId) as IndicatorRow)),
  };
}
