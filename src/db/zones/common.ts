/**
 * What the zone registry's modules share: the zone and event kinds, the row types, the zone's
 * label, the territory rule, and the checks every write makes (a zone that exists, areas in ha).
 */
import { eq } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import type { Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import { type landLeases, type zoneEvents, zones } from "../schema.ts";

export const ZONE_KINDS = ["industrial_park", "industrial_cluster"] as const;
export const ZONE_EVENT_KINDS = ["planned", "established", "expanded", "operating"] as const;

export type Conn = Db | Tx;
export type ZoneRow = typeof zones.$inferSelect;
export type EventRow = typeof zoneEvents.$inferSelect;
export type LeaseRow = typeof landLeases.$inferSelect;

export const bad = (field: string, en: string, vi: string) =>
  new AppError("VALIDATION", { en, vi }, { fields: [{ field, reason: en, reasonVi: vi }] });

/** "KCN Tam Đa" / "CCN Tam Đa": a park and a cluster may share a name (Tam Đa is both). */
export function zoneLabel(z: { name: string; kind: string }): string {
  return `${z.kind === "industrial_park" ? "KCN" : "CCN"} ${z.name}`;
}

export async function zoneOr404(db: Conn, id: number): Promise<ZoneRow> {
  const [z] = await db.select().from(zones).where(eq(zones.id, id));
  if (!z)
    throw new AppError("NOT_FOUND", {
      en: `Zone ${id} does not exist.`,
      vi: `Không tìm thấy khu, cụm công nghiệp ${id}.`,
    });
  return z;
}

/** The territory rule lives in the domain, beside the counts that use it. */
export { inTerritory } from "../../domain/zone-counts.ts";

export function checkArea(field: string, v: number | null | undefined): void {
  if (v === null || v === undefined) return;
  if (!Number.isFinite(v) || v < 0)
    throw bad(
      field,
      `${field} must be a non-negative number of hectares.`,
      `${field} phải là số ha không âm.`,
    );
}
