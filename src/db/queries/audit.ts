/** Reading the append-only audit log, newest first, and verifying its hash chain. */
import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import { auditHash } from "../audit.ts";
import type { Db } from "../connection.ts";
import { auditLog } from "../schema.ts";

export async function listAudit(db: Db, f: { entity?: string; entityId?: string; limit?: number }) {
  const conds: SQL[] = [];
  if (f.entity) conds.push(eq(auditLog.entity, f.entity));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  return db
    .select()
    .from(auditLog)
    .where(and(...conds))
    .orderBy(desc(auditLog.id))
    .limit(Math.min(f.limit ?? 200, 1000));
}

/** Recomputes every hash: the first row whose hash does not match, or null when the chain is whole. */
export async function verifyAuditChain(
  db: Db,
): Promise<{ ok: boolean; brokenAt: number | null; rows: number }> {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
  let prev: string | null = null;
  for (const r of rows) {
    const expected = auditHash(
      prev,
      {
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        before: r.before,
        after: r.after,
      },
      r.at.toISOString(),
    );
    if (r.prevHash !== prev || r.hash !== expected) return { ok: false, brokenAt: r.id, rows: rows.length };
    prev = r.hash;
  }
  return { ok: true, brokenAt: null, rows: rows.length };
}
