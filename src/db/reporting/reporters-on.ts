/**
 * Who reports for a period (REGULATIONS.md §5, Decree 09/2019 Art. 12): the agencies valid on the
 * period's cut-off end date (`window_end`). The report is written after the cut-off by the body
 * that exists then and holds the duties of the whole window: Sở Tài chính reports Q1/2025 for the
 * tasks Sở KH&ĐT held until 28/02/2025. A reporter that ceased before that date is replaced by its
 * successor (followed to the one valid on the date); one that did not exist yet by its
 * predecessors valid on the date; two agencies merging into one give one expected report. A group
 * stands for its known members only (never invented ones).
 */
import { inArray } from "drizzle-orm";
import type { Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import { agenciesOwningOn } from "../queries/assignments-on.ts";
import { agencies, agencyGroupMembers } from "../schema.ts";

type AgencyRow = typeof agencies.$inferSelect;

/** Is the agency valid on the date (validity bounds inclusive, null = unbounded)? */
export function validOn(a: Pick<AgencyRow, "validFrom" | "validTo">, on: string): boolean {
  return (a.validFrom === null || a.validFrom <= on) && (a.validTo === null || a.validTo >= on);
}

/** The agencies standing for `id` on `on`: itself, its successor chain, or its predecessors. */
export function standingOn(all: Map<number, AgencyRow>, id: number, on: string, depth = 0): number[] {
  const a = all.get(id);
  if (!a || depth > 10) return [];
  if (validOn(a, on)) return [id];
  if (a.validTo !== null && a.validTo < on)
    return a.successorId ? standingOn(all, a.successorId, on, depth + 1) : [];
  // Not yet valid on the date: the bodies it replaced.
  const preds = [...all.values()].filter((p) => p.successorId === id);
  return preds.flatMap((p) => standingOn(all, p.id, on, depth + 1));
}

async function allAgencies(db: Db | Tx): Promise<Map<number, AgencyRow>> {
  const rows = await db.select().from(agencies);
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The reporters of a period ending `on`: the saved regime's list (`saved`) mapped to the bodies
 * valid that day, or by default every single agency owning a task of the plan that day (and the
 * valid known members of the groups owning one).
 */
export async function reportersOn(
  db: Db | Tx,
  planId: number,
  on: string,
  saved: { id: number }[] | null,
): Promise<{ id: number; name: string }[]> {
  const all = await allAgencies(db);
  const start = saved ? saved.map((s) => s.id) : (await agenciesOwningOn(db, planId, on)).map((a) => a.id);
  const standing = new Set(start.flatMap((id) => standingOn(all, id, on)));
  const groups = [...standing].filter((id) => all.get(id)?.isGroup);
  const members = groups.length
    ? await db.select().from(agencyGroupMembers).where(inArray(agencyGroupMembers.groupId, groups))
    : [];
  const out = new Set<number>();
  for (const id of standing) if (!all.get(id)?.isGroup) out.add(id);
  for (const m of members)
    for (const id of standingOn(all, m.agencyId, on)) if (!all.get(id)?.isGroup) out.add(id);
  return [...out]
    .map((id) => ({ id, name: all.get(id)?.name ?? "" }))
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
}
