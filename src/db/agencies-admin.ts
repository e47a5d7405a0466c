/**
 * Administrator writes on the agency registry: create an agency (or group), change its names,
 * kind, level, aliases, validity and successor (REGULATIONS.md §5: agencies are merged and
 * dissolved). Each write is one transaction with an audit row.
 *
 * Rules kept here: a name or alias never resolves to two agencies of the same province (its
 * normalised key is unique across names and aliases); a renamed agency keeps its old name as an
 * alias, so plans that wrote the old name still resolve; validFrom ≤ validTo; a successor exists,
 * is not the agency itself and does not lead back to it.
 */
import { and, asc, eq, ne } from "drizzle-orm";
import { AppError, type FieldProblem } from "../domain/errors.ts";
import { agencyKey } from "../importer/agency-resolve.ts";
import { appendAudit, type Tx } from "./audit.ts";
import type { Db } from "./connection.ts";
import { agencies, agencyAliases } from "./schema.ts";

type Q = Tx | Db;

export interface AgencyRecord {
  id: number;
  name: string;
  shortName: string | null;
  kind: string | null;
  level: string | null;
  province: string;
  isGroup: boolean;
  note: string | null;
  aliases: string[];
  validFrom: string | null;
  validTo: string | null;
  successorId: number | null;
  successorConfirmed: boolean | null;
}

export interface AgencyFields {
  name?: string;
  shortName?: string | null;
  kind?: string | null;
  level?: string | null;
  note?: string | null;
  aliases?: string[];
  validFrom?: string | null;
  validTo?: string | null;
  successorId?: number | null;
}

export interface NewAgency extends AgencyFields {
  name: string;
  /** "" for a central body (the default). */
  province?: string;
  isGroup?: boolean;
}

export async function getAgencyRecord(q: Q, id: number): Promise<AgencyRecord | null> {
  const [a] = await q.select().from(agencies).where(eq(agencies.id, id));
  if (!a) return null;
  const aliases = await q
    .select({ alias: agencyAliases.alias })
    .from(agencyAliases)
    .where(eq(agencyAliases.agencyId, id))
    .orderBy(asc(agencyAliases.id));
  return {
    id: a.id,
    name: a.name,
    shortName: a.shortName,
    kind: a.kind,
    level: a.level,
    province: a.province,
    isGroup: a.isGroup,
    note: a.note,
    aliases: aliases.map((r) => r.alias),
    validFrom: a.validFrom,
    validTo: a.validTo,
    successorId: a.successorId,
    successorConfirmed: a.successorConfirmed,
  };
}

function invalid(fields: FieldProblem[]): AppError {
  const names = [...new Set(fields.map((f) => f.field))].join(", ");
  return new AppError(
    "VALIDATION",
    { en: `Invalid request: ${names}.`, vi: `Yêu cầu không hợp lệ: ${names}.` },
    { fields },
  );
}

/** The agency (other than `self`) of the province whose name or alias has this key, if any. */
async function keyOwner(q: Q, key: string, province: string, self: number | null) {
  const [byName] = await q
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(
      and(
        eq(agencies.key, key),
        eq(agencies.province, province),
        self === null ? undefined : ne(agencies.id, self),
      ),
    )
    .limit(1);
  if (byName) return byName;
  const [byAlias] = await q
    .select({ id: agencies.id, name: agencies.name })
    .from(agencyAliases)
    .innerJoin(agencies, eq(agencies.id, agencyAliases.agencyId))
    .where(
      and(
        eq(agencyAliases.key, key),
        eq(agencies.province, province),
        self === null ? undefined : ne(agencies.id, self),
      ),
    )
    .limit(1);
  return byAlias ?? null;
}

async function check(
  q: Q,
  self: number | null,
  province: string,
  fields: AgencyFields,
  current: AgencyRecord | null,
): Promise<void> {
  const problems: FieldProblem[] = [];
  const clash = async (field: string, text: string) => {
    const key = agencyKey(text);
    if (!key) {
      problems.push({ field, reason: "has no letters", reasonVi: "không có chữ" });
      return;
    }
    const owner = await keyOwner(q, key, province, self);
    if (owner) {
      problems.push({
        field,
        reason: `"${text}" already names agency ${owner.id} (${owner.name})`,
        reasonVi: `"${text}" đã là tên của đơn vị ${owner.id} (${owner.name})`,
      });
    }
  };
  if (fields.name !== undefined) await clash("name", fields.name);
  for (const [i, alias] of (fields.aliases ?? []).entries()) await clash(`aliases.${i}`, alias);
  const from = fields.validFrom !== undefined ? fields.validFrom : (current?.validFrom ?? null);
  const to = fields.validTo !== undefined ? fields.validTo : (current?.validTo ?? null);
  if (from && to && from > to) {
    problems.push({
      field: "validTo",
      reason: "must not be before validFrom",
      reasonVi: "ngày hết hiệu lực không được trước ngày bắt đầu",
    });
  }
  if (fields.successorId !== undefined && fields.successorId !== null) {
    if (fields.successorId === self) {
      problems.push({
        field: "successorId",
        reason: "an agency cannot succeed itself",
        reasonVi: "đơn vị không thể kế thừa chính nó",
      });
    } else {
      // Follow the successor chain: it must exist and must not come back to this agency.
      let next: number | null = fields.successorId;
      const seen = new Set<number>();
      while (next !== null && !seen.has(next)) {
        seen.add(next);
        const [row] = await q
          .select({ id: agencies.id, successorId: agencies.successorId })
          .from(agencies)
          .where(eq(agencies.id, next));
        if (!row) {
          if (next === fields.successorId)
            problems.push({
              field: "successorId",
              reason: `agency ${next} does not exist`,
              reasonVi: `không có đơn vị ${next}`,
            });
          break;
        }
        if (self !== null && row.successorId === self) {
          problems.push({
            field: "successorId",
            reason: "the successor chain would come back to this agency",
            reasonVi: "chuỗi đơn vị kế thừa sẽ quay lại chính đơn vị này",
          });
          break;
        }
        next = row.successorId;
      }
    }
  }
  if (problems.length) throw invalid(problems);
}

async function addAliases(q: Q, agencyId: number, names: string[]): Promise<void> {
  for (const alias of names) {
    await q
      .insert(agencyAliases)
      .values({ agencyId, alias, key: agencyKey(alias) })
      .onConflictDoNothing();
  }
}

function columns(f: AgencyFields) {
  const set: Partial<typeof agencies.$inferInsert> = {};
  if (f.name !== undefined) {
    set.name = f.name;
    set.key = agencyKey(f.name);
  }
  if (f.shortName !== undefined) set.shortName = f.shortName;
  if (f.kind !== undefined) set.kind = f.kind;
  if (f.level !== undefined) set.level = f.level;
  if (f.note !== undefined) set.note = f.note;
  if (f.validFrom !== undefined) set.validFrom = f.validFrom;
  if (f.validTo !== undefined) set.validTo = f.validTo;
  if (f.successorId !== undefined) {
    set.successorId = f.successorId;
    // An administrator naming the successor confirms it.
    set.successorConfirmed = f.successorId === null ? null : true;
  }
  return set;
}

export async function createAgency(db: Db, input: NewAgency, actor: string): Promise<AgencyRecord> {
  const province = input.province ?? "";
  return db.transaction(async (tx) => {
    await check(tx, null, province, input, null);
    const [row] = await tx
      .insert(agencies)
      .values({
        ...columns(input),
        name: input.name,
        key: agencyKey(input.name),
        province,
        isGroup: input.isGroup ?? false,
      })
      .returning({ id: agencies.id });
    if (!row) throw new Error("insert agency returned nothing");
    await addAliases(
      tx,
      row.id,
      (input.aliases ?? []).filter((a) => a !== input.name),
    );
    const after = await getAgencyRecord(tx, row.id);
    await appendAudit(tx, {
      actor,
      action: "agency.create",
      entity: "agency",
      entityId: row.id,
      province,
      after,
    });
    if (!after) throw new Error("created agency vanished");
    return after;
  });
}

/** Changes an agency; null when there is none. `aliases`, when given, replaces the list. */
export async function updateAgency(
  db: Db,
  id: number,
  patch: AgencyFields,
  actor: string,
): Promise<AgencyRecord | null> {
  return db.transaction(async (tx) => {
    const before = await getAgencyRecord(tx, id);
    if (!before) return null;
    await check(tx, id, before.province, patch, before);
    const set = columns(patch);
    if (Object.keys(set).length) await tx.update(agencies).set(set).where(eq(agencies.id, id));
    const name = patch.name ?? before.name;
    if (patch.aliases !== undefined) {
      await tx.delete(agencyAliases).where(eq(agencyAliases.agencyId, id));
      await addAliases(
        tx,
        id,
        patch.aliases.filter((a) => a !== name),
      );
    }
    if (patch.name !== undefined && patch.name !== before.name) await addAliases(tx, id, [before.name]);
    const after = await getAgencyRecord(tx, id);
    await appendAudit(tx, {
      actor,
      action: "agency.update",
      entity: "agency",
      entityId: id,
      province: before.province,
      before,
      after,
    });
    return after;
  });
}
