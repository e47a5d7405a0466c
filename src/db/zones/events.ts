/**
 * The zone registry's lifecycle events: recording one (with its decision, its audit row, and
 * whether a count can use it) and reading the events a count of new parks or clusters uses.
 */

import { asc, eq } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import type { Bilingual } from "../../domain/indicator-values.ts";
import { canFoundCluster, checkClusterArea, type FoundingCheck } from "../../domain/occupancy.ts";
import { isValidIsoDate } from "../../domain/vn-dates.ts";
import { vnDay } from "../../domain/working-days.ts";
import type { ZoneEvent } from "../../domain/zone-counts.ts";
import { appendAudit } from "../audit.ts";
import type { Db } from "../connection.ts";
import type { ZoneKindCode } from "../indicators/catalogue.ts";
import type { ActorRef } from "../reporting/actor.ts";
import { zoneEvents, zones } from "../schema.ts";
import {
  bad,
  type Conn,
  checkArea,
  type EventRow,
  ZONE_EVENT_KINDS,
  type ZoneRow,
  zoneLabel,
  zoneOr404,
} from "./common.ts";
import { zoneLand } from "./land.ts";
import type { ZoneEventKindCode } from "./zones-csv.ts";

export interface ZoneEventInput {
  kind: ZoneEventKindCode;
  date?: string | null;
  /** The decision's year, when its day is not known (ignored when a date is given). */
  year?: number | null;
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
  const year = date === null ? (input.year ?? null) : null;
  if (year !== null && (!Number.isInteger(year) || year < 1990 || year > Number(today.slice(0, 4))))
    throw bad(
      "year",
      `year must be a whole year from 1990 to ${today.slice(0, 4)}.`,
      `Năm phải là số năm từ 1990 đến ${today.slice(0, 4)}.`,
    );
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
        year,
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
      province: zone.province,
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
        : date === null && year !== null
          ? {
              counted: true,
              reason: {
                vi: `Quyết định ${decision} năm ${year}, chưa rõ ngày: tính khi cả năm ${year} nằm trong kỳ của chỉ tiêu.`,
                en: `Decision ${decision} of ${year}, day unknown: counted once the whole of ${year} lies in the target's span.`,
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
                reason: {
                  vi: `Quyết định ${decision} ngày ${date}.`,
                  en: `Decision ${decision} of ${date}.`,
                },
              };
    return { event, zone, countable, warnings, foundingCheck };
  });
}

function todayIso(): string {
  return vnDay(new Date());
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
    .filter(({ e }) => (e.date === null ? e.year === null || `${e.year}-01-01` <= asOf : e.date <= asOf))
    .map(({ e, z }) => ({
      ...(z.territory ? { territory: z.territory } : {}),
      zone: z.name,
      zoneKind: z.kind as ZoneKindCode,
      event: e.kind as ZoneEventKindCode,
      date: e.date,
      year: e.year,
      decision: e.decision,
      source: e.source ?? z.source ?? undefined,
    }));
}
