/**
 * Reading investment projects with their status derived as of a date (src/domain/project-status.ts)
 * — the status is never stored, so "as of 31/12/2024" can be asked again later and give the same
 * answer. The coordinator's list of projects behind schedule (plan task 4.3: "xử lý dứt điểm các
 * dự án chậm tiến độ") is the same list, filtered and ordered most late first.
 */
import { asc, eq, inArray } from "drizzle-orm";
import type { Bilingual } from "../../domain/indicator-values.ts";
import {
  behindRank,
  type LateMilestone,
  MILESTONE_LABELS,
  type MilestoneKind,
  type MilestoneView,
  type ProjectStatus,
  projectStatusAsOf,
} from "../../domain/project-status.ts";
import type { Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import { projectMilestones, projects, zones } from "../schema.ts";
import { zoneLabel } from "../zones/store.ts";
import { type MilestoneRow, notFound, type ProjectRow } from "./store.ts";

type Conn = Db | Tx;

export interface ProjectView extends ProjectRow {
  zone: { id: number; name: string; label: string } | null;
  asOf: string;
  status: ProjectStatus;
  statusLabel: Bilingual;
  late: (LateMilestone & { label: Bilingual })[];
  maxDaysLate: number;
  milestones: (MilestoneView & { document: string | null; label: Bilingual | null })[];
}

const labelOf = (kind: string): Bilingual | null => MILESTONE_LABELS[kind as MilestoneKind] ?? null;

function present(
  p: ProjectRow,
  zone: { id: number; name: string; kind: string } | undefined,
  rows: MilestoneRow[],
  asOf: string,
): ProjectView {
  const s = projectStatusAsOf(p, rows, asOf);
  const doc = new Map(rows.map((r) => [r.kind, r.document]));
  return {
    ...p,
    zone: zone ? { id: zone.id, name: zone.name, label: zoneLabel(zone) } : null,
    asOf,
    status: s.status,
    statusLabel: s.label,
    late: s.late.map((l) => ({ ...l, label: labelOf(l.kind) ?? { vi: l.kind, en: l.kind } })),
    maxDaysLate: s.maxDaysLate,
    milestones: s.milestones.map((m) => ({
      ...m,
      document: doc.get(m.kind) ?? null,
      label: labelOf(m.kind),
    })),
  };
}

async function load(db: Conn, rows: ProjectRow[], asOf: string): Promise<ProjectView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((p) => p.id);
  const zoneIds = [...new Set(rows.map((p) => p.zoneId).filter((z): z is number => z !== null))];
  const ms = await db.select().from(projectMilestones).where(inArray(projectMilestones.projectId, ids));
  const zs = zoneIds.length
    ? await db
        .select({ id: zones.id, name: zones.name, kind: zones.kind })
        .from(zones)
        .where(inArray(zones.id, zoneIds))
    : [];
  return rows.map((p) =>
    present(
      p,
      zs.find((z) => z.id === p.zoneId),
      ms.filter((m) => m.projectId === p.id),
      asOf,
    ),
  );
}

/** The province's projects (in entry order), each with its status as of `asOf`. */
export async function listProjects(db: Conn, province: string, asOf: string): Promise<ProjectView[]> {
  const rows = await db
    .select()
    .from(projects)
    .where(eq(projects.province, province))
    .orderBy(asc(projects.id));
  return load(db, rows, asOf);
}

export async function getProject(db: Conn, id: number, asOf: string): Promise<ProjectView> {
  const rows = await db.select().from(projects).where(eq(projects.id, id));
  const [view] = await load(db, rows, asOf);
  if (!view) throw notFound(id);
  return view;
}

/**
 * Projects behind schedule or stalled as of `asOf`, most late first (then by name): what the
 * coordinator must chase. Revoked and operating projects are not listed — they are settled.
 */
export async function behindSchedule(db: Conn, province: string, asOf: string): Promise<ProjectView[]> {
  return (await listProjects(db, province, asOf))
    .filter((p) => behindRank(p.status) > 0)
    .sort((a, b) => b.maxDaysLate - a.maxDaysLate || a.name.localeCompare(b.name, "vi"));
}
