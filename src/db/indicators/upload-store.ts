/**
 * Storing a checked upload (upload.ts) without holding the request loop: a file at the 5,000-row
 * limit used to spend seconds of blocked event loop here — one revision search over every stored
 * figure per row, every row's full insert returned and presented, and an audit row holding all
 * 5,000 figures (hashed as canonical JSON, written as a 3 MB jsonb). Now rows are staged in
 * statements of CHUNK rows with the loop given back between them (on PGlite the engine runs in
 * this process and has one connection, so one huge statement or transaction blocks everyone),
 * one short transaction makes them visible with their revision links, and the audit row keeps a
 * digest, counts and the id ranges instead of the figures (uploadDigest).
 */
import { createHash, randomUUID } from "node:crypto";
import { and, asc, eq, getTableColumns, inArray, lt, sql } from "drizzle-orm";
import type { ValueKind } from "../../domain/indicator-values.ts";
import { appendAudit, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import type { ActorRef } from "../reporting/actor.ts";
import { indicatorValueStaging, indicatorValues } from "../schema.ts";
import type { UploadRow } from "./upload-read.ts";
import { type IndicatorRow, type PresentedValue, parseKind, presentValue, type ValueRow } from "./values.ts";

/** Rows per insert statement, and per slice of work between two turns of the event loop. */
export const CHUNK = 250;
/** How many stored figures the answer shows (the web page shows only the count). */
export const SHOWN_VALUES = 20;

/** A staged batch older than this was left by a crash (an upload stores in seconds). */
const STALE_MS = 24 * 3600 * 1000;

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
 * Stores the checked rows of an upload, all or nothing, with its audit row, without holding
 * the database for long (issue 8: on PGlite one connection serves every user, and a 5,000-row
 * transaction made them all wait ~0.8 s). The rows are staged (indicator_value_staging, which
 * no reader of figures reads) in statements of CHUNK rows with the loop given back between
 * them, each taking its final id from indicator_values' sequence; then one transaction copies
 * the batch into indicator_values — each figure revising the latest one of its indicator,
 * period, scope and kind stored before (as revisedBy in values.ts chooses it) — and appends the
 * audit row. Other users see none of the figures until that commit and all of them after it; a
 * failure anywhere leaves none. The staged batch is deleted either way.
 * Answers the count and the first SHOWN_VALUES figures as stored.
 */
export async function storeUploadRows(
  db: Db,
  rows: readonly UploadRow[],
  byCode: ReadonlyMap<string, IndicatorRow>,
  actor: ActorRef,
  now: Date,
  file: string,
  planId: number | null,
): Promise<{ stored: number; values: PresentedValue[] }> {
  const records = rows.map((r) => {
    const ind = byCode.get(r.indicator) as IndicatorRow;
    return {
      indicatorId: ind.id,
      period: r.period,
      scope: r.scope,
      kind: parseKind(r.kind) as ValueKind,
      value: r.value as number,
      source: r.source,
      comment: r.comment || null,
      enteredBy: actor.userId,
      enteredAt: now,
    };
  });
  const batch = randomUUID();
  const staging = indicatorValueStaging;
  // A batch left by a crash between staging and copying is never read; the next upload drops it.
  await db.delete(staging).where(lt(staging.stagedAt, new Date(now.getTime() - STALE_MS)));
  const storedIds: number[] = [];
  try {
    for (let i = 0; i < records.length; i += CHUNK) {
      if (i > 0) await breathe();
      const part = records.slice(i, i + CHUNK);
      const col = <T>(f: (r: (typeof records)[number]) => T) => part.map(f);
      // One array per column (unnest), not one parameter per cell: building 2,750 parameters a
      // chunk cost more than storing them. The ids are taken and come back in the arrays'
      // order (the test recomputes the digest from the stored rows on both engines).
      const got = await db.execute(sql`
        insert into indicator_value_staging
          (batch, id, indicator_id, period, scope, kind, value, source, comment, entered_by, entered_at)
        select ${batch}, nextval(pg_get_serial_sequence('indicator_values', 'id')), * from unnest(
          ${sql.param(col((r) => r.indicatorId))}::int[], ${sql.param(col((r) => r.period))}::text[],
          ${sql.param(col((r) => r.scope))}::text[], ${sql.param(col((r) => r.kind))}::text[],
          ${sql.param(col((r) => r.value))}::float8[], ${sql.param(col((r) => r.source))}::text[],
          ${sql.param(col((r) => r.comment))}::text[], ${sql.param(col((r) => r.enteredBy))}::int[],
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
    await breathe();
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into indicator_values
          (id, indicator_id, period, scope, kind, value, source, comment, revises_id, origin, entered_by, entered_at)
        select s.id, s.indicator_id, s.period, s.scope, s.kind, s.value, s.source, s.comment,
          (select v.id from indicator_values v
            where v.indicator_id = s.indicator_id and v.scope = s.scope and v.period = s.period and v.kind = s.kind
            order by v.entered_at desc, v.id desc limit 1),
          'upload', s.entered_by, s.entered_at
        from indicator_value_staging s where s.batch = ${batch}`);
      await appendAudit(tx, {
        actor: actor.username,
        action: "indicator_value.upload",
        entity: "indicator_values",
        entityId: planId,
        planId,
        after,
      });
    });
    const shown = await db
      .select()
      .from(indicatorValues)
      .where(inArray(indicatorValues.id, storedIds.slice(0, SHOWN_VALUES)))
      .orderBy(asc(indicatorValues.id));
    return {
      stored: records.length,
      values: shown.map((v) => presentValue(v, codeOfId.get(v.indicatorId) as IndicatorRow)),
    };
  } finally {
    await dropBatch(db, batch, storedIds);
  }
}

/** Deletes a staged batch in statements of CHUNK rows, the loop given back between them. */
async function dropBatch(db: Db, batch: string, ids: readonly number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await breathe();
    await db
      .delete(indicatorValueStaging)
      .where(
        and(
          eq(indicatorValueStaging.batch, batch),
          inArray(indicatorValueStaging.id, ids.slice(i, i + CHUNK)),
        ),
      );
  }
  // Rows staged by a statement that failed after inserting (none today) go too.
  await db.delete(indicatorValueStaging).where(eq(indicatorValueStaging.batch, batch));
}
