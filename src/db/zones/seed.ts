/**
 * Seeds the zone registry of a province: the zones of data/seeds/tuyen-quang-zones.csv with the
 * events their status and decision columns give, and the zones the plan names in targets (4),
 * (5) and tasks 3.1 / 3.2 that the file lacks, as "planned". Names are matched by zoneKey (and
 * the aliases the plan uses: "Nhữ Khê" in target (4) is "Đội Cấn - Nhữ Khê" in task 3.1 and
 * "Nhữ Khê - Đội Cấn" in the file), so one park is never entered twice. Idempotent: an existing
 * zone or an identical event is left as it is. Runs inside the caller's transaction.
 */
import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { checkClusterArea } from "../../domain/occupancy.ts";
import type { Tx } from "../audit.ts";
import type { Note } from "../indicators/contradictions.ts";
import { zoneEvents, zones } from "../schema.ts";
import { namesFor, PLAN_ZONES } from "./plan-zones.ts";
import { findZone, sameZoneName, zoneLabel } from "./store.ts";
import { parseZonesCsv, type ZoneSeedEvent } from "./zones-csv.ts";

/**
 * The registry CSV and the plan describe the province before the 1/7/2025 merger (Resolution
 * 202/2025/QH15): its zones belong to that territory, the scope the plan's figures use.
 */
function preMerger(province: string): string {
  return `${province} (pre-merger)`;
}

export interface ZoneSeedResult {
  zonesAdded: number;
  eventsAdded: number;
  notes: Note[];
}

async function ensureEvent(tx: Tx, zoneId: number, e: ZoneSeedEvent): Promise<boolean> {
  const existing = await tx
    .select()
    .from(zoneEvents)
    .where(and(eq(zoneEvents.zoneId, zoneId), eq(zoneEvents.kind, e.kind)));
  if (existing.some((x) => (x.decision ?? null) === e.decision && (x.date ?? null) === e.date)) return false;
  await tx
    .insert(zoneEvents)
    .values({ zoneId, kind: e.kind, date: e.date, year: e.year, decision: e.decision, source: e.source });
  return true;
}

export async function seedZones(
  tx: Tx,
  province: string,
  csvPath: string | null,
  planSource: string,
): Promise<ZoneSeedResult> {
  const notes: Note[] = [];
  let zonesAdded = 0;
  let eventsAdded = 0;
  const rows = csvPath ? parseZonesCsv(readFileSync(csvPath, "utf8")) : { rows: [], problems: [] };
  for (const p of rows.problems)
    notes.push({
      code: "zone_data",
      indicator: "zones",
      message: {
        vi: `Tệp khu, cụm dòng ${p.line}: ${p.reason}`,
        en: `Zone file line ${p.line}: ${p.reason}`,
      },
      lines: [p.line],
    });
  for (const r of rows.rows) {
    let zone = await findZone(tx, province, r.kind, namesFor(r.name, r.kind, sameZoneName));
    if (!zone) {
      const [inserted] = await tx
        .insert(zones)
        .values({
          name: r.name,
          kind: r.kind,
          province,
          district: r.district,
          totalAreaHa: r.totalAreaHa,
          source: r.source,
          territory: preMerger(province),
        })
        .returning();
      zone = inserted ?? null;
      zonesAdded++;
    }
    if (!zone) continue;
    for (const e of r.events) if (await ensureEvent(tx, zone.id, e)) eventsAdded++;
    const label = zoneLabel(zone);
    for (const e of r.events.filter((x) => x.kind === "established" || x.kind === "expanded")) {
      if (!e.decision)
        notes.push({
          code: "zone_data",
          indicator: "zones",
          message: {
            vi: `${label}: ghi "${r.status}" nhưng không có số quyết định — không được tính cho đến khi nhập quyết định.`,
            en: `${label}: status "${r.status}" but no decision number — not counted until the decision is entered.`,
          },
          lines: [r.line],
        });
      else if (!e.date)
        notes.push({
          code: "zone_data",
          indicator: "zones",
          message: {
            vi: `${label}: quyết định "${e.decision}" chỉ có năm, không có ngày — để trống ngày, không tự đặt; chưa được tính cho đến khi có ngày.`,
            en: `${label}: decision "${e.decision}" gives a year, not a date — the date is left empty, never invented; not counted until it has one.`,
          },
          lines: [r.line],
        });
    }
    if (r.kind === "industrial_cluster" && r.totalAreaHa !== null && !checkClusterArea(r.totalAreaHa).allowed)
      notes.push({
        code: "zone_data",
        indicator: "zones",
        message: checkClusterArea(r.totalAreaHa).reason,
        lines: [r.line],
      });
  }
  for (const p of PLAN_ZONES) {
    const found = await findZone(tx, province, p.kind, [p.name, ...(p.aliases ?? [])]);
    if (found) continue;
    const source = `${planSource}, ${p.where}`;
    const [zone] = await tx
      .insert(zones)
      .values({
        name: p.name,
        kind: p.kind,
        province,
        district: p.district,
        source,
        territory: preMerger(province),
      })
      .returning();
    if (!zone) continue;
    zonesAdded++;
    if (await ensureEvent(tx, zone.id, { kind: "planned", date: null, year: null, decision: null, source }))
      eventsAdded++;
  }
  return { zonesAdded, eventsAdded, notes };
}
