/**
 * Imports a plan document: parse it (with the registry's agencies known, so their aliases
 * resolve), then store it in one transaction. Shared by the CLI, the demo seed and the API.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { AppError } from "../domain/errors.ts";
import { type KnownAgency, parsePlanWithRegistry } from "../importer/parse-plan.ts";
import type { PlanJson } from "../importer/plan-json.ts";
import { MAX_PLAN_BYTES } from "../importer/text.ts";
import type { Db } from "./connection.ts";
import { agencies, agencyAliases } from "./schema.ts";
import { contentHash, type StoreResult, storePlan } from "./store-plan.ts";

/** The registry's agencies of one province ("" = central bodies), for the importer's resolver. */
export async function knownAgencies(db: Db, province: string): Promise<KnownAgency[]> {
  const rows = await db
    .select()
    .from(agencies)
    .where(eq(agencies.province, province))
    .orderBy(asc(agencies.id));
  const aliases = await db.select().from(agencyAliases);
  return rows
    .filter((a) => !a.isGroup)
    .map((a) => ({
      name: a.name,
      kind: a.kind,
      level: a.level,
      aliases: aliases.filter((x) => x.agencyId === a.id).map((x) => x.alias),
    }));
}

/** The registry's agencies of every province (key "" = central bodies), for a parse in one call. */
export async function agencyRegistry(db: Db): Promise<Record<string, KnownAgency[]>> {
  const rows = await db.select().from(agencies).orderBy(asc(agencies.id));
  const aliases = await db.select().from(agencyAliases);
  const byAgency = new Map<number, string[]>();
  for (const a of aliases) byAgency.set(a.agencyId, [...(byAgency.get(a.agencyId) ?? []), a.alias]);
  const out: Record<string, KnownAgency[]> = {};
  for (const a of rows) {
    if (a.isGroup) continue;
    const key = a.province ?? "";
    out[key] ??= [];
    out[key].push({ name: a.name, kind: a.kind, level: a.level, aliases: byAgency.get(a.id) ?? [] });
  }
  return out;
}

/** Parses plan bytes with a registry: in process, or (the server) in a worker thread. */
export type PlanParser = (
  bytes: Uint8Array,
  sourceName: string,
  registry: Record<string, KnownAgency[]>,
) => Promise<PlanJson>;

const inProcess: PlanParser = async (bytes, sourceName, registry) =>
  parsePlanWithRegistry(bytes, sourceName, registry);

/** Reads a plan file, refusing a missing or oversized one before reading it whole. */
export async function readPlanFile(file: string): Promise<Uint8Array> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new Error("not a file");
    size = s.size;
  } catch {
    throw new AppError("FILE_NOT_FOUND", { en: `No such file: ${file}`, vi: `Không có tệp: ${file}` });
  }
  if (size > MAX_PLAN_BYTES) {
    throw new AppError("PLAN_TOO_LARGE", {
      en: `${path.basename(file)} is ${(size / 1048576).toFixed(1)} MB; a plan document may be at most 10 MB.`,
      vi: `${path.basename(file)} có dung lượng ${(size / 1048576).toFixed(1).replace(".", ",")} MB; văn bản kế hoạch tối đa 10 MB.`,
    });
  }
  return new Uint8Array(await readFile(file));
}

/**
 * Parses with the registry of the plan's own province known, so its agencies' aliases resolve:
 * a first pass finds the province, a second (only when the registry has agencies there) resolves.
 */
export async function parseWithRegistry(
  db: Db | null,
  bytes: Uint8Array,
  sourceName: string,
  parse: PlanParser = inProcess,
): Promise<PlanJson> {
  return parse(bytes, sourceName, db ? await agencyRegistry(db) : {});
}

export async function parsePlanFile(db: Db | null, file: string): Promise<PlanJson> {
  return parseWithRegistry(db, await readPlanFile(file), path.basename(file));
}

/** Parses and stores a plan file. Throws PLAN_ALREADY_IMPORTED for a document already stored. */
export async function importPlanFile(
  db: Db,
  file: string,
  actor: string,
): Promise<{ plan: PlanJson; result: StoreResult }> {
  const bytes = await readPlanFile(file);
  const plan = await parseWithRegistry(db, bytes, path.basename(file));
  const hash = contentHash(new TextDecoder().decode(bytes));
  const result = await storePlan(db, plan, { file: path.basename(file), hash, actor });
  return { plan, result };
}
