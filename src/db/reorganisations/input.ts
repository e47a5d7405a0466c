/**
 * A reorganisation as an administrator records it (REGULATIONS.md §5) and its checks: every
 * agency known, each source valid the day before the effective date, each target valid on it,
 * a split dividing every task its source owns that day explicitly. A refusal names the field.
 */
import { inArray } from "drizzle-orm";
import { AppError, type FieldProblem } from "../../domain/errors.ts";
import type { Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import { tasksOwnedAnywhereOn } from "../queries/assignments-on.ts";
import { agencies, tasks } from "../schema.ts";

export const CHANGE_KINDS = ["merge", "rename", "split", "dissolve"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ChangeInput {
  kind: ChangeKind;
  /** The agencies that cease (merge: one or more; rename, dissolve, split: one). */
  from: number[];
  /** The successor (split: the one that takes the accounts and the successor link). */
  to: number;
  /** split only: every task the source owns on the effective date → the agency taking it. */
  taskSplit?: { taskId: number; agencyId: number }[];
  note?: string | null;
}

export interface ReorganisationInput {
  province: string;
  title: string;
  /** null: the decision's number is not confirmed ("chưa xác nhận"). */
  number?: string | null;
  signedOn?: string | null;
  effectiveOn: string;
  basis?: string | null;
  /** Move the accounts acting for the ceased agencies to their successors (default true). */
  moveAccounts?: boolean;
  changes: ChangeInput[];
}

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function refuse(fields: FieldProblem[]): never {
  throw new AppError(
    "VALIDATION",
    {
      en: `The reorganisation is not valid: ${fields.map((f) => `${f.field}: ${f.reason}`).join("; ")}.`,
      vi: `Phương án sắp xếp chưa hợp lệ: ${fields.map((f) => `${f.field}: ${f.reasonVi}`).join("; ")}.`,
    },
    { fields },
  );
}

/** Checks the input against the database; throws VALIDATION naming every bad field. */
export async function checkReorganisation(db: Db | Tx, input: ReorganisationInput): Promise<void> {
  const problems: FieldProblem[] = [];
  if (!input.changes.length)
    refuse([{ field: "changes", reason: "at least one change", reasonVi: "cần ít nhất một thay đổi" }]);
  const ids = new Set<number>();
  for (const c of input.changes) {
    for (const id of c.from) ids.add(id);
    ids.add(c.to);
    for (const s of c.taskSplit ?? []) ids.add(s.agencyId);
  }
  const rows = ids.size
    ? await db
        .select()
        .from(agencies)
        .where(inArray(agencies.id, [...ids]))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const eff = input.effectiveOn;
  const before = dayBefore(eff);
  const ceasing = new Map<number, string>();
  for (const [i, c] of input.changes.entries()) {
    const at = `changes[${i}]`;
    if ((c.kind === "rename" || c.kind === "dissolve" || c.kind === "split") && c.from.length !== 1)
      problems.push({
        field: `${at}.from`,
        reason: `${c.kind} takes exactly one agency`,
        reasonVi: "cần đúng một đơn vị",
      });
    if (!c.from.length)
      problems.push({ field: `${at}.from`, reason: "no agency", reasonVi: "chưa chọn đơn vị" });
    for (const [j, id] of c.from.entries()) {
      const a = byId.get(id);
      const f = `${at}.from[${j}]`;
      if (!a) {
        problems.push({ field: f, reason: `unknown agency ${id}`, reasonVi: `không có đơn vị ${id}` });
        continue;
      }
      if (a.province !== input.province)
        problems.push({ field: f, reason: "agency of another province", reasonVi: "đơn vị thuộc tỉnh khác" });
      if ((a.validFrom && a.validFrom > before) || (a.validTo && a.validTo < before))
        problems.push({
          field: f,
          reason: "not valid the day before the effective date",
          reasonVi: "không còn hiệu lực trước ngày có hiệu lực",
        });
      if (id === c.to)
        problems.push({ field: f, reason: "is also the successor", reasonVi: "trùng với đơn vị kế thừa" });
      if (ceasing.has(id))
        problems.push({
          field: f,
          reason: `already ceases in ${ceasing.get(id)}`,
          reasonVi: `đã có trong ${ceasing.get(id)}`,
        });
      ceasing.set(id, at);
    }
    const target = byId.get(c.to);
    if (!target)
      problems.push({
        field: `${at}.to`,
        reason: `unknown agency ${c.to}`,
        reasonVi: `không có đơn vị ${c.to}`,
      });
    else if ((target.validFrom && target.validFrom > eff) || (target.validTo && target.validTo < eff))
      problems.push({
        field: `${at}.to`,
        reason: "not valid on the effective date",
        reasonVi: "không có hiệu lực vào ngày có hiệu lực",
      });
    if (c.kind !== "split" && c.taskSplit?.length)
      problems.push({
        field: `${at}.taskSplit`,
        reason: "only a split divides tasks",
        reasonVi: "chỉ khi chia tách mới phân chia nhiệm vụ",
      });
    if (c.kind === "split" && c.from[0] !== undefined && byId.has(c.from[0])) {
      const owned = await tasksOwnedAnywhereOn(db, [c.from[0]], before);
      const split = c.taskSplit ?? [];
      for (const [j, s] of split.entries())
        if (!byId.has(s.agencyId))
          problems.push({
            field: `${at}.taskSplit[${j}].agencyId`,
            reason: `unknown agency ${s.agencyId}`,
            reasonVi: `không có đơn vị ${s.agencyId}`,
          });
      const given = new Set(split.map((s) => s.taskId));
      const ownedIds = new Set(owned.map((o) => o.taskId));
      const missing = [...ownedIds].filter((t) => !given.has(t));
      if (missing.length) {
        const codes = await db.select({ code: tasks.code }).from(tasks).where(inArray(tasks.id, missing));
        const list = codes.map((x) => x.code).join(", ");
        problems.push({
          field: `${at}.taskSplit`,
          reason: `tasks not divided: ${list}`,
          reasonVi: `nhiệm vụ chưa được phân chia: ${list}`,
        });
      }
      for (const [j, s] of split.entries())
        if (!ownedIds.has(s.taskId))
          problems.push({
            field: `${at}.taskSplit[${j}].taskId`,
            reason: "the agency does not own this task",
            reasonVi: "đơn vị không được giao nhiệm vụ này",
          });
    }
  }
  if (problems.length) refuse(problems);
}
