/**
 * Appends to the audit log inside the caller's transaction. Rows are hash-chained (each hash
 * covers the previous hash and this row's content), so a rewritten history can be detected
 * (MODEL.md: AuditEntry append-only, hash-chained).
 */
import { createHash } from "node:crypto";
import { desc, sql } from "drizzle-orm";
import type { Db } from "./connection.ts";
import { auditLog } from "./schema.ts";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface AuditInput {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  /**
   * Who may read the row: the plan it belongs to (a report, period, regime, task, target…), or
   * for province-wide records (zones, projects, agencies) their province. Neither: a global row
   * (users, holidays, map layers, sign-ins) that only administrators read. Not hashed: it decides
   * visibility, not what happened, and rows older than these columns can be given one.
   */
  planId?: number | null;
  province?: string | null;
}

/**
 * Hex sha256 of a value's canonical JSON: what a draft's audit row keeps instead of the draft,
 * so the log can show that a save happened (and who can read the draft can check which) without
 * showing it to everyone who reads the log.
 */
export function contentDigest(value: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(canonical(value)))
    .digest("hex");
}

/**
 * A value as the jsonb column gives it back, with object keys sorted at every level: jsonb
 * keeps neither key order nor undefined members, so the hash must depend on neither.
 */
export function canonical(value: unknown): unknown {
  const json = value === undefined || value === null ? undefined : JSON.stringify(value);
  if (json === undefined) return null;
  const plain: unknown = JSON.parse(json);
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === "object") {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return sort(plain);
}

/**
 * Hash of one audit row given the previous row's hash. It covers the row as stored (entity id
 * as text, jsonb canonicalised), so it can be recomputed from the audit_log rows to verify the chain.
 */
export function auditHash(prevHash: string | null, entry: AuditInput, at: string): string {
  const entityId = entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId);
  const payload = JSON.stringify([
    prevHash,
    at,
    entry.actor,
    entry.action,
    entry.entity,
    entityId,
    canonical(entry.before),
    canonical(entry.after),
  ]);
  return createHash("sha256").update(payload).digest("hex");
}

/** Appends one audit row. Call inside the transaction that makes the change. */
export async function appendAudit(tx: Tx | Db, entry: AuditInput): Promise<void> {
  // One writer at a time extends the chain: concurrent transactions (several server processes)
  // would otherwise read the same last hash and fork it. Released at commit.
  await tx.execute(sql`select pg_advisory_xact_lock(7243001)`);
  const [prev] = await tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1)
    .for("update");
  const at = new Date().toISOString();
  const prevHash = prev?.hash ?? null;
  await tx.insert(auditLog).values({
    at: new Date(at),
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    prevHash,
    hash: auditHash(prevHash, entry, at),
    planId: entry.planId ?? null,
    province: entry.province || null,
  });
}
