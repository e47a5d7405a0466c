/**
 * The zone registry: industrial parks and clusters, their lifecycle events (planned,
 * established, expanded, operating — each with its decision) and leased-land snapshots. Every
 * write is one transaction with its audit row. Counting targets (new parks, new clusters) and
 * occupancy are computed from these rows by the pure rules in src/domain (zone-counts.ts,
 * occupancy.ts), never typed.
 */
import { and, asc, desc, eq, inArray, lte } from "drizzle-orm";
import type { Bilingual } from "../../domain/indicator-values.ts";
import {
  type AverageOccupancy,
  averageOccupancy,
  canFoundCluster,
  checkClusterArea,
  type FoundingCheck,
  occupancyRate,
  type ZoneLand,
} from "../../domain/occupancy.ts";
import { isValidIsoDate } from "../../domain/vn-dates.ts";
import { type ZoneEvent, zoneKey } from "../../domain/zone-counts.ts";
import { AppError } from "../../server/errors.ts";
import { appendAudit, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import type { ZoneKindCode } from "../indicators/catalogue.ts";
import type { ActorRef } from "../reporting/actor.ts";
import { landLeases, zoneEvents, zones } from "../schema.ts";
import { namesFor } from "./plan-zones.ts";
import type { ZoneEventKindCode } from "./zones-csv.ts";

export const ZONE_KINDS = ["industrial_park", "industrial_cluster"] as const;
export const ZONE_EVENT_KINDS = ["planned", "established", "expanded", "operating"] as const;

type Conn = Db | Tx;
type ZoneRow = typeof zones.$inferSelect;
type EventRow = typeof zoneEvents.$inferSelect;
type LeaseRow = typeof landLeases.$inferSelect;

const bad = (field: string, en: string, vi: string) =>
  new AppError("VALIDATION", { en, vi }, { fields: [{ field, reason: en, reasonVi: vi }] });

/** "KCN Tam Đa" / "CCN Tam Đa": a park and a cluster may share a name (Tam Đa is both). */
export function zoneLabel(z: { name: string; kind: string }): string {
  return `${z.kind === "industrial_park" ? "KCN" : "CCN"} ${z.name}`;
}

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

async function zoneOr404(db: Conn, id: number): Promise<ZoneRow> {
  const [z] = await db.select().from(zones).where(eq(zones.id, id));
  if (!z)
    throw new AppError("NOT_FOUND", {
      en: `Zone ${id} does not exist.`,
      vi: `Không tìm thấy khu, cụm công nghiệp ${id}.`,
    });
  return z;
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

/**
 * Is a zone inside the territory a target is scoped to? A zone whose territory is not stated is;
 * the merged province ("… (merged)", the scope naming of MODEL.md) holds every zone of it.
 */
export function inTerritory(z: { territory: string | null }, territory: string | undefined): boolean {
  if (territory === undefined || z.territory === null || z.territory === territory) return true;
  return territory.endsWith(" (merged)");
}

function checkArea(field: string, v: number | null | undefined): void {
  if (v === null || v === undefined) return;
  if (!Number.isFinite(v) || v < 0)
    throw bad(
      field,
      `${field} must be a non-negative number of hectares.`,
      `${field} phải là số ha không âm.`,
    );
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
      after: zone,
    });
    return { zone, warnings };
  });
}

export interface ZoneEventInput {
  kind: ZoneEventKindCode;
  date?: string | null;
  decision?: string | null;
  newAreaHa?: number | null;
  source?: string | null;
}

export interface ZoneEventResult {
  event: EventRow;
  zone: ZoneRow;
  /** Whether the event is evidence a count can use (a decision number and a whole date), and why not. */
  countable: { counted: boolean; reason: Bilingual };
  warnings: Bilingual[];
  /** For a cluster's founding: Decree 32/2024's condition on its district (information, not a block). */
  foundingCheck: FoundingCheck | null;
}

/**
 * Records a lifecycle event of a zone: a founding decision ("established", with its number and
 * date), an expansion, the zone's planning or its start of operation. A founding or expansion
 * needs the decision's number; its date may be unknown (then the count lists it as needing a
 * date). The same event twice (kind, decision and date) is refused.
 */
export async function addZoneEvent(
  db: Db,
  zoneId: number,
  input: ZoneEventInput,
  actor: ActorRef,
  /** Today (ISO), for the founding check of an undated decision; the caller's clock. */
  today: string = todayIso(),
): Promise<ZoneEventResult> {
  if (!ZONE_EVENT_KINDS.includes(input.kind))
    throw bad(
      "kind",
      `kind is one of ${ZONE_EVENT_KINDS.join(", ")}.`,
      `Loại sự kiện là một trong ${ZONE_EVENT_KINDS.join(", ")}.`,
    );
  const date = input.date?.trim() || null;
  if (date !== null && !isValidIsoDate(date))
    throw bad("date", "date must be a real date YYYY-MM-DD.", "Ngày phải là ngày hợp lệ dạng YYYY-MM-DD.");
  const decision = input.decision?.normalize("NFC").trim() || null;
  if ((input.kind === "established" || input.kind === "expanded") && !decision)
    throw bad(
      "decision",
      "A founding or expansion needs its decision's number (e.g. 08/QĐ-UBND).",
      "Thành lập hoặc mở rộng cần số quyết định (ví dụ 08/QĐ-UBND).",
    );
  checkArea("newAreaHa", input.newAreaHa);
  return db.transaction(async (tx) => {
    const zone = await zoneOr404(tx, zoneId);
    const same = await tx.select().from(zoneEvents).where(eq(zoneEvents.zoneId, zoneId));
    if (
      same.some(
        (e) => e.kind === input.kind && (e.decision ?? null) === decision && (e.date ?? null) === date,
      )
    )
      throw new AppError("INVALID_STATE", {
        en: `${zoneLabel(zone)} already has this ${input.kind} event.`,
        vi: `${zoneLabel(zone)} đã có sự kiện này.`,
      });
    const [event] = await tx
      .insert(zoneEvents)
      .values({
        zoneId,
        kind: input.kind,
        date,
        decision,
        newAreaHa: input.newAreaHa ?? null,
        source: input.source ?? null,
        enteredBy: actor.userId,
      })
      .returning();
    if (!event) throw new Error("zone event insert returned nothing");
    await appendAudit(tx, {
      actor: actor.username,
      action: "zone.event",
      entity: "zone_event",
      entityId: event.id,
      after: { ...event, zone: zoneLabel(zone) },
    });
    const warnings: Bilingual[] = [];
    let foundingCheck: FoundingCheck | null = null;
    if (zone.kind === "industrial_cluster" && (input.kind === "established" || input.kind === "expanded")) {
      const area = (zone.totalAreaHa ?? 0) + (input.kind === "expanded" ? (input.newAreaHa ?? 0) : 0);
      if (zone.totalAreaHa != null) {
        const check = checkClusterArea(area);
        if (!check.allowed) warnings.push(check.reason);
      }
      if (input.kind === "established" && zone.district) {
        const land = await zoneLand(tx, zone.province, date ?? today, { district: zone.district });
        foundingCheck = canFoundCluster(land.filter((l) => l.id !== zone.id).map((l) => l.land));
      }
    }
    const countable =
      input.kind !== "established" && input.kind !== "expanded"
        ? {
            counted: false,
            reason: {
              vi: "Không phải quyết định thành lập hay mở rộng.",
              en: "Not a founding or expansion decision.",
            },
          }
        : date === null
          ? {
              counted: false,
              reason: {
                vi: "Thiếu ngày quyết định: chưa được tính cho đến khi có ngày.",
                en: "The decision has no date: not counted until it has one.",
              },
            }
          : {
              counted: true,
              reason: { vi: `Quyết định ${decision} ngày ${date}.`, en: `Decision ${decision} of ${date}.` },
            };
    return { event, zone, countable, warnings, foundingCheck };
  });
}

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

function todayIso(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
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

/** Events a count reads: of the province's zones, dated on or before `asOf` (undated ones kept: the count lists them). */
export async function zoneEventsForCounting(db: Conn, province: string, asOf: string): Promise<ZoneEvent[]> {
  const rows = await db
    .select({ e: zoneEvents, z: zones })
    .from(zoneEvents)
    .innerJoin(zones, eq(zones.id, zoneEvents.zoneId))
    .where(eq(zones.province, province))
    .orderBy(asc(zoneEvents.id));
  return rows
    .filter(({ e }) => e.date === null || e.date <= asOf)
    .map(({ e, z }) => ({
      ...(z.territory ? { territory: z.territory } : {}),
      zone: z.name,
      zoneKind: z.kind as ZoneKindCode,
      event: e.kind as ZoneEventKindCode,
      date: e.date,
      decision: e.decision,
      source: e.source ?? z.source ?? undefined,
    }));
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
 * land from the snapshot, else the zone's industrial land). `within` limits snapshots to a year
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
