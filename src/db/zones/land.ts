/**
 * The zone registry's leased land: recording a snapshot, each zone's land as of a date, and the
 * province's occupancy (simple mean and area-weighted) computed by the rules of occupancy.ts.
 */
import { and, asc, desc, eq, inArray, lte } from "drizzle-orm";
import type { Bilingual } from "../../domain/indicator-values.ts";
import {
  type AverageOccupancy,
  averageOccupancy,
  occupancyRate,
  type ZoneLand,
} from "../../domain/occupancy.ts";
import { isValidIsoDate } from "../../domain/vn-dates.ts";
import { appendAudit } from "../audit.ts";
import type { Db } from "../connection.ts";
import type { ZoneKindCode } from "../indicators/catalogue.ts";
import type { ActorRef } from "../reporting/actor.ts";
import { landLeases, zoneEvents, zones } from "../schema.ts";
import {
  bad,
  type Conn,
  checkArea,
  inTerritory,
  type LeaseRow,
  type ZoneRow,
  zoneLabel,
  zoneOr404,
} from "./common.ts";

export interface LeaseInput {
  asOf: string;
  leasedHa: number;
  leasableHa?: number | null;
  source?: string | null;
}

/** Records a leased-land snapshot of a zone (ha leased, and of how much leasable land), as of a date. */
export async function addLandLease(
  db: Db,
  zoneId: number,
  input: LeaseInput,
  actor: ActorRef,
): Promise<{ lease: LeaseRow; zone: ZoneRow; rate: ReturnType<typeof occupancyRate> }> {
  if (!isValidIsoDate(input.asOf))
    throw bad(
      "asOf",
      "asOf must be a real date YYYY-MM-DD.",
      "Ngày số liệu phải là ngày hợp lệ dạng YYYY-MM-DD.",
    );
  if (!Number.isFinite(input.leasedHa) || input.leasedHa < 0)
    throw bad(
      "leasedHa",
      "leasedHa must be a non-negative number.",
      "Diện tích đã cho thuê phải là số không âm.",
    );
  checkArea("leasableHa", input.leasableHa);
  return db.transaction(async (tx) => {
    const zone = await zoneOr404(tx, zoneId);
    const leasable = input.leasableHa ?? zone.industrialLandHa;
    if (leasable != null && input.leasedHa > leasable)
      throw bad(
        "leasedHa",
        `Leased land (${input.leasedHa} ha) exceeds the leasable land (${leasable} ha).`,
        `Diện tích đã cho thuê (${input.leasedHa} ha) lớn hơn diện tích đất cho thuê (${leasable} ha).`,
      );
    const [lease] = await tx
      .insert(landLeases)
      .values({
        zoneId,
        asOf: input.asOf,
        leasedHa: input.leasedHa,
        leasableHa: input.leasableHa ?? null,
        source: input.source ?? null,
      })
      .returning();
    if (!lease) throw new Error("lease insert returned nothing");
    await appendAudit(tx, {
      actor: actor.username,
      action: "zone.lease",
      entity: "land_lease",
      entityId: lease.id,
      province: zone.province,
      after: { ...lease, zone: zoneLabel(zone) },
    });
    const rate = occupancyRate({
      name: zoneLabel(zone),
      kind: zone.kind as ZoneKindCode,
      leasableHa: leasable,
      leasedHa: lease.leasedHa,
    });
    return { lease, zone, rate };
  });
}

export interface ZoneLandRow {
  id: number;
  zone: ZoneRow;
  land: ZoneLand;
  /** The snapshot used, if any. */
  lease: LeaseRow | null;
  /** Only planned (not founded nor operating) and without a snapshot: no land to occupy yet. */
  plannedOnly: boolean;
}

/**
 * Each zone's land as of `asOf`: its latest leased-land snapshot on or before that day (leasable
 * land from the snapshot, else the zone's industrial land). `from` limits snapshots to a year
 * (for a yearly series). A zone without a snapshot has no leased figure: it is excluded from
 * the averages, with the reason, never counted as 0 %.
 */
export async function zoneLand(
  db: Conn,
  province: string,
  asOf: string,
  filter: { district?: string; kinds?: readonly string[]; from?: string; territory?: string } = {},
): Promise<ZoneLandRow[]> {
  const zs = await db
    .select()
    .from(zones)
    .where(eq(zones.province, province))
    .orderBy(asc(zones.kind), asc(zones.name));
  const chosen = zs.filter(
    (z) =>
      (!filter.district || z.district === filter.district) &&
      (!filter.kinds || filter.kinds.includes(z.kind)) &&
      inTerritory(z, filter.territory),
  );
  if (chosen.length === 0) return [];
  const ids = chosen.map((z) => z.id);
  const leases = await db
    .select()
    .from(landLeases)
    .where(and(inArray(landLeases.zoneId, ids), lte(landLeases.asOf, asOf)))
    .orderBy(desc(landLeases.asOf), desc(landLeases.id));
  const events = await db.select().from(zoneEvents).where(inArray(zoneEvents.zoneId, ids));
  return chosen.map((z) => {
    const lease = leases.find((l) => l.zoneId === z.id && (!filter.from || l.asOf >= filter.from)) ?? null;
    const mine = events.filter((e) => e.zoneId === z.id && (e.date === null || e.date <= asOf));
    const plannedOnly = lease === null && mine.length > 0 && mine.every((e) => e.kind === "planned");
    return {
      id: z.id,
      zone: z,
      lease,
      plannedOnly,
      land: {
        name: zoneLabel(z),
        kind: z.kind as ZoneKindCode,
        district: z.district ?? undefined,
        leasableHa: lease ? (lease.leasableHa ?? z.industrialLandHa) : z.industrialLandHa,
        leasedHa: lease?.leasedHa ?? null,
        asOf: lease?.asOf,
        source: lease?.source ?? undefined,
      },
    };
  });
}

export interface OccupancyReport {
  province: string;
  asOf: string;
  /** Rates as fractions (0.6 = 60 %), and the same in percent, labelled. */
  simpleMean: { rate: number | null; percent: number | null; label: Bilingual };
  weighted: {
    rate: number | null;
    percent: number | null;
    leasedHa: number;
    leasableHa: number;
    label: Bilingual;
  };
  zones: {
    id: number;
    zone: string;
    name: string;
    kind: string;
    district: string | null;
    rate: number | null;
    percent: number | null;
    leasedHa: number | null;
    leasableHa: number | null;
    asOf: string | null;
    source: string | null;
    definition: Bilingual | null;
    excluded: Bilingual | null;
  }[];
  included: string[];
  excluded: { zoneId: number; zone: string; reason: Bilingual }[];
  definitions: Record<ZoneKindCode, Bilingual>;
}

const PLANNED_ONLY: Bilingual = {
  vi: "Mới có trong quy hoạch, chưa thành lập: chưa có đất để lấp đầy.",
  en: "Only planned, not founded: no land to occupy yet.",
};

const pct = (r: number | null) => (r === null ? null : r * 100);

/** Occupancy of the province's zones as of a date, BOTH as a simple mean and area-weighted, each labelled. */
export function occupancyReport(province: string, asOf: string, rows: ZoneLandRow[]): OccupancyReport {
  const considered = rows.filter((r) => !r.plannedOnly);
  const avg: AverageOccupancy = averageOccupancy(considered.map((r) => r.land));
  const reasonOf = new Map(avg.excluded.map((e) => [e.zone, e.reason]));
  const excluded = [
    ...considered
      .filter((r) => reasonOf.has(r.land.name))
      .map((r) => ({ zoneId: r.id, zone: r.land.name, reason: reasonOf.get(r.land.name) as Bilingual })),
    ...rows
      .filter((r) => r.plannedOnly)
      .map((r) => ({ zoneId: r.id, zone: r.land.name, reason: PLANNED_ONLY })),
  ];
  const definitions = {} as Record<ZoneKindCode, Bilingual>;
  const zonesOut = rows.map((r) => {
    const rate = r.plannedOnly ? null : occupancyRate(r.land);
    const ok = rate && rate.rate !== null ? rate : null;
    if (ok) definitions[r.land.kind] = ok.definition;
    return {
      id: r.id,
      zone: r.land.name,
      name: r.zone.name,
      kind: r.zone.kind,
      district: r.zone.district,
      rate: ok?.rate ?? null,
      percent: pct(ok?.rate ?? null),
      leasedHa: r.lease?.leasedHa ?? null,
      leasableHa: r.land.leasableHa ?? null,
      asOf: r.lease?.asOf ?? null,
      source: r.lease?.source ?? null,
      definition: ok?.definition ?? null,
      excluded: ok ? null : (excluded.find((e) => e.zoneId === r.id)?.reason ?? null),
    };
  });
  return {
    province,
    asOf,
    simpleMean: { rate: avg.simpleMean.rate, percent: pct(avg.simpleMean.rate), label: avg.simpleMean.label },
    weighted: {
      rate: avg.weighted.rate,
      percent: pct(avg.weighted.rate),
      leasedHa: avg.weighted.leasedHa,
      leasableHa: avg.weighted.leasableHa,
      label: avg.weighted.label,
    },
    zones: zonesOut,
    included: avg.included,
    excluded,
    definitions,
  };
}

export async function provinceOccupancy(db: Conn, province: string, asOf: string): Promise<OccupancyReport> {
  return occupancyReport(province, asOf, await zoneLand(db, province, asOf));
}
