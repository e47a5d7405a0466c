/**
 * The zone registry: industrial parks and clusters, their lifecycle events (planned,
 * established, expanded, operating — each with its decision) and leased-land snapshots. Every
 * write is one transaction with its audit row. Counting targets (new parks, new clusters) and
 * occupancy are computed from these rows by the pure rules in src/domain (zone-counts.ts,
 * occupancy.ts), never typed.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import { checkZoneGeometry } from "../../domain/geojson-check.ts";
import type { Bilingual } from "../../domain/indicator-values.ts";
import { checkClusterArea, occupancyRate } from "../../domain/occupancy.ts";
import { zoneKey } from "../../domain/zone-counts.ts";
import { appendAudit } from "../audit.ts";
import type { Db } from "../connection.ts";
import type { ZoneKindCode } from "../indicators/catalogue.ts";
import type { ActorRef } from "../reporting/actor.ts";
import { landLeases, zoneEvents, zones } from "../schema.ts";
import {
  bad,
  type Conn,
  checkArea,
  type EventRow,
  type LeaseRow,
  ZONE_KINDS,
  type ZoneRow,
  zoneLabel,
  zoneOr404,
} from "./common.ts";
import { namesFor } from "./plan-zones.ts";

// The registry's other modules, re-exported so importers of store.ts keep working.
export { inTerritory, ZONE_EVENT_KINDS, ZONE_KINDS, zoneLabel } from "./common.ts";
export { addZoneEvent, type ZoneEventInput, type ZoneEventResult, zoneEventsForCounting } from "./events.ts";
export {
  addLandLease,
  type LeaseInput,
  type OccupancyReport,
  occupancyReport,
  provinceOccupancy,
  type ZoneLandRow,
  zoneLand,
} from "./land.ts";

/** The same zone written another way: zoneKey equal, or the same parts of an "A - B" name in another order. */
export function sameZoneName(a: string, b: string): boolean {
  const ka = zoneKey(a);
  const kb = zoneKey(b);
  if (ka === kb) return true;
  const parts = (k: string) => k.split(" - ").sort().join(" - ");
  return parts(ka) === parts(kb);
}

/**
 * The zone of that province and kind known under any of `names` (compared by zoneKey), or null.
 * Pass the plan's aliases too (plan-zones.ts namesFor): "Nhữ Khê" alone is not "Nhữ Khê - Đội Cấn".
 */
export async function findZone(
  db: Conn,
  province: string,
  kind: ZoneKindCode,
  names: readonly string[],
): Promise<ZoneRow | null> {
  const rows = await db
    .select()
    .from(zones)
    .where(and(eq(zones.province, province), eq(zones.kind, kind)))
    .orderBy(asc(zones.id));
  return rows.find((z) => names.some((n) => sameZoneName(z.name, n))) ?? null;
}

export interface ZoneInput {
  name: string;
  kind: ZoneKindCode;
  province: string;
  district?: string | null;
  commune?: string | null;
  totalAreaHa?: number | null;
  industrialLandHa?: number | null;
  infrastructureInvestor?: string | null;
  geometry?: unknown;
  source?: string | null;
  /**
   * The territory the zone lies in, as figures are scoped ("Tuyên Quang (pre-merger)",
   * "Hà Giang (pre-merger)"): a plan of the old province counts only its own zones.
   */
  territory?: string | null;
}

/** Adds a zone; a zone of the same province and kind under the same name (zoneKey, or a plan alias) is refused. */
export async function addZone(
  db: Db,
  input: ZoneInput,
  actor: ActorRef,
): Promise<{ zone: ZoneRow; warnings: Bilingual[] }> {
  const name = input.name.normalize("NFC").trim();
  if (!name) throw bad("name", "A zone needs a name.", "Cần tên khu, cụm công nghiệp.");
  if (!ZONE_KINDS.includes(input.kind))
    throw bad(
      "kind",
      "kind is industrial_park or industrial_cluster.",
      "Loại là industrial_park hoặc industrial_cluster.",
    );
  checkArea("totalAreaHa", input.totalAreaHa);
  checkArea("industrialLandHa", input.industrialLandHa);
  if (input.geometry != null) {
    const problems = checkZoneGeometry(input.geometry);
    if (problems.length > 0)
      throw new AppError(
        "VALIDATION",
        {
          en: `The zone's location is not usable: ${problems.map((p) => p.en).join("; ")}.`,
          vi: `Vị trí khu, cụm không dùng được: ${problems.map((p) => p.vi).join("; ")}.`,
        },
        {
          fields: problems.map((p) => ({
            field: `geometry${p.path ? `.${p.path}` : ""}`,
            reason: p.en,
            reasonVi: p.vi,
          })),
        },
      );
  }
  if (
    input.totalAreaHa != null &&
    input.industrialLandHa != null &&
    input.industrialLandHa > input.totalAreaHa
  )
    throw bad(
      "industrialLandHa",
      "Industrial land cannot exceed the zone's total area.",
      "Diện tích đất công nghiệp không thể lớn hơn tổng diện tích.",
    );
  const warnings: Bilingual[] = [];
  if (input.kind === "industrial_cluster" && input.totalAreaHa != null) {
    const check = checkClusterArea(input.totalAreaHa);
    if (!check.allowed) warnings.push(check.reason);
  }
  return db.transaction(async (tx) => {
    const existing = await findZone(tx, input.province, input.kind, namesFor(name, input.kind, sameZoneName));
    if (existing)
      throw new AppError(
        "INVALID_STATE",
        {
          en: `${zoneLabel(existing)} already exists in ${input.province} (#${existing.id}).`,
          vi: `${zoneLabel(existing)} đã có trong sổ của tỉnh ${input.province} (#${existing.id}).`,
        },
        { details: { zoneId: existing.id } },
      );
    const [zone] = await tx
      .insert(zones)
      .values({
        name,
        kind: input.kind,
        province: input.province.normalize("NFC").trim(),
        district: input.district ?? null,
        commune: input.commune ?? null,
        totalAreaHa: input.totalAreaHa ?? null,
        industrialLandHa: input.industrialLandHa ?? null,
        infrastructureInvestor: input.infrastructureInvestor ?? null,
        geometry: input.geometry ?? null,
        source: input.source ?? null,
        territory: input.territory?.normalize("NFC").trim() || null,
      })
      .returning();
    if (!zone) throw new Error("zone insert returned nothing");
    await appendAudit(tx, {
      actor: actor.username,
      action: "zone.add",
      entity: "zone",
      entityId: zone.id,
      province: zone.province,
      after: zone,
    });
    return { zone, warnings };
  });
}

/** The lifecycle status: the latest event (dated events by date, then by entry). */
function statusOf(events: EventRow[]): EventRow | null {
  const sorted = [...events].sort((a, b) => {
    const da = a.date ?? "";
    const dbb = b.date ?? "";
    if (da && dbb && da !== dbb) return da < dbb ? -1 : 1;
    return a.id - b.id;
  });
  return sorted.at(-1) ?? null;
}

function presentZone(z: ZoneRow, events: EventRow[], leases: LeaseRow[]) {
  const status = statusOf(events);
  const latest =
    [...leases].sort((a, b) => (a.asOf === b.asOf ? b.id - a.id : a.asOf < b.asOf ? 1 : -1))[0] ?? null;
  const leasable = latest ? (latest.leasableHa ?? z.industrialLandHa) : z.industrialLandHa;
  return {
    ...z,
    label: zoneLabel(z),
    status: status ? { kind: status.kind, date: status.date, decision: status.decision } : null,
    events: [...events].sort((a, b) => a.id - b.id),
    leases: [...leases].sort((a, b) => (a.asOf === b.asOf ? a.id - b.id : a.asOf < b.asOf ? -1 : 1)),
    latestLease: latest,
    occupancy: latest
      ? occupancyRate({
          name: zoneLabel(z),
          kind: z.kind as ZoneKindCode,
          leasableHa: leasable,
          leasedHa: latest.leasedHa,
        })
      : null,
  };
}

export type ZoneView = ReturnType<typeof presentZone>;

/** The province's zones (all provinces when none is given), each with its events, snapshots and status. */
export async function listZones(db: Conn, province?: string): Promise<ZoneView[]> {
  const zs = await db
    .select()
    .from(zones)
    .where(province ? eq(zones.province, province) : undefined)
    .orderBy(asc(zones.province), asc(zones.kind), asc(zones.name));
  if (zs.length === 0) return [];
  const ids = zs.map((z) => z.id);
  const events = await db.select().from(zoneEvents).where(inArray(zoneEvents.zoneId, ids));
  const leases = await db.select().from(landLeases).where(inArray(landLeases.zoneId, ids));
  return zs.map((z) =>
    presentZone(
      z,
      events.filter((e) => e.zoneId === z.id),
      leases.filter((l) => l.zoneId === z.id),
    ),
  );
}

export async function getZone(db: Conn, id: number): Promise<ZoneView> {
  const z = await zoneOr404(db, id);
  const events = await db.select().from(zoneEvents).where(eq(zoneEvents.zoneId, id));
  const leases = await db.select().from(landLeases).where(eq(landLeases.zoneId, id));
  return presentZone(z, events, leases);
}
