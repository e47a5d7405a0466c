/**
 * The agency registry in the database: find-or-create by normalised key (aliases resolve to one
 * agency), agency groups, and loading a province's registry file (data/seeds/…-agencies.json)
 * with validity intervals and successor links (REGULATIONS.md §5).
 */
import { and, eq } from "drizzle-orm";
import { agencyKey } from "../importer/agency-resolve.ts";
import type { AgencyRefJson } from "../importer/plan-json.ts";
import { appendAudit, type Tx } from "./audit.ts";
import type { Db } from "./connection.ts";
import { agencies, agencyAliases, agencyGroupMembers } from "./schema.ts";

type Q = Tx | Db;

/** Agencies are scoped by province ("" for central bodies). */
async function findAgencyId(q: Q, name: string, province: string): Promise<number | null> {
  const key = agencyKey(name);
  const [direct] = await q
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.key, key), eq(agencies.province, province)));
  if (direct) return direct.id;
  const [alias] = await q
    .select({ id: agencyAliases.agencyId })
    .from(agencyAliases)
    .innerJoin(agencies, eq(agencies.id, agencyAliases.agencyId))
    .where(and(eq(agencyAliases.key, key), eq(agencies.province, province)))
    .limit(1);
  return alias?.id ?? null;
}

async function addAliases(q: Q, agencyId: number, aliases: string[]): Promise<void> {
  for (const alias of aliases) {
    await q
      .insert(agencyAliases)
      .values({ agencyId, alias, key: agencyKey(alias) })
      .onConflictDoNothing();
  }
}

/** The agency's id, creating it (with the forms the plan used as aliases) when it is new. */
export async function ensureAgency(
  q: Q,
  name: string,
  ref: AgencyRefJson | null,
  province: string,
  created?: { n: number },
): Promise<number> {
  const found = await findAgencyId(q, name, province);
  if (found) {
    if (ref)
      await addAliases(
        q,
        found,
        ref.aliases.filter((a) => a !== name),
      );
    return found;
  }
  const [row] = await q
    .insert(agencies)
    .values({ name, key: agencyKey(name), kind: ref?.kind ?? null, level: ref?.level ?? null, province })
    .returning({ id: agencies.id });
  if (!row) throw new Error("insert agency returned nothing");
  if (created) created.n++;
  await addAliases(
    q,
    row.id,
    (ref?.aliases ?? []).filter((a) => a !== name),
  );
  return row.id;
}

/** The group's id, creating it when new. Groups never get invented members. */
export async function ensureGroup(
  q: Q,
  name: string,
  province: string,
  aliases: string[] = [],
): Promise<number> {
  const found = await findAgencyId(q, name, province);
  if (found) {
    await addAliases(
      q,
      found,
      aliases.filter((a) => a !== name),
    );
    return found;
  }
  const [row] = await q
    .insert(agencies)
    .values({ name, key: agencyKey(name), isGroup: true, province })
    .returning({ id: agencies.id });
  if (!row) throw new Error("insert group returned nothing");
  await addAliases(
    q,
    row.id,
    aliases.filter((a) => a !== name),
  );
  return row.id;
}

export interface RegistryFile {
  province: string;
  agencies: {
    name: string;
    shortName?: string;
    kind?: string;
    level?: string;
    aliases?: string[];
    validFrom?: string;
    validTo?: string;
    successor?: string;
    successorConfirmed?: boolean;
    parent?: string;
  }[];
  groups: { name: string; members: string[]; note?: string }[];
}

/** Loads a province's registry; existing agencies (same key) are completed, not duplicated. */
export async function loadRegistry(db: Db, registry: RegistryFile, actor: string): Promise<number> {
  return db.transaction(async (tx) => {
    const ids = new Map<string, number>();
    let n = 0;
    for (const a of registry.agencies) {
      let id = await findAgencyId(tx, a.name, registry.province);
      const values = {
        name: a.name,
        key: agencyKey(a.name),
        shortName: a.shortName ?? null,
        kind: a.kind ?? null,
        level: a.level ?? null,
        province: registry.province,
        validFrom: a.validFrom ?? null,
        validTo: a.validTo ?? null,
      };
      if (id) await tx.update(agencies).set(values).where(eq(agencies.id, id));
      else {
        const [row] = await tx.insert(agencies).values(values).returning({ id: agencies.id });
        id = row?.id ?? null;
        n++;
      }
      if (!id) continue;
      ids.set(a.name, id);
      await addAliases(tx, id, a.aliases ?? []);
    }
    for (const a of registry.agencies) {
      const id = ids.get(a.name);
      if (!id) continue;
      const successorId = a.successor ? (ids.get(a.successor) ?? null) : null;
      const parentId = a.parent ? (ids.get(a.parent) ?? null) : null;
      if (successorId || parentId) {
        await tx
          .update(agencies)
          .set({ successorId, parentId, successorConfirmed: a.successorConfirmed ?? null })
          .where(eq(agencies.id, id));
      }
    }
    for (const g of registry.groups) {
      const groupId = await ensureGroup(tx, g.name, registry.province);
      await tx
        .update(agencies)
        .set({ isGroup: true, province: registry.province, note: g.note ?? null })
        .where(eq(agencies.id, groupId));
      for (const m of g.members) {
        const agencyId = ids.get(m) ?? (await findAgencyId(tx, m, registry.province));
        if (agencyId) await tx.insert(agencyGroupMembers).values({ groupId, agencyId }).onConflictDoNothing();
      }
    }
    await appendAudit(tx as Tx, {
      actor,
      action: "registry.load",
      entity: "agency_registry",
      entityId: registry.province,
      province: registry.province,
      after: { agencies: registry.agencies.length, groups: registry.groups.length, created: n },
    });
    return n;
  });
}
