import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../domain/errors.ts";
import { agencyKey } from "../importer/agency-resolve.ts";
import type { PlanJson } from "../importer/plan-json.ts";
import { auditHash } from "./audit.ts";
import { type Db, toCount } from "./connection.ts";
import { importPlanFile, parsePlanFile } from "./import-plan.ts";
import {
  agencies,
  agencyAliases,
  agencyGroupMembers,
  auditLog,
  measures,
  milestones,
  plans,
  targets,
  taskAssignments,
  taskGroups,
  tasks,
} from "./schema.ts";
import { DEMO_PLAN, DEMO_REGISTRY, seedDemo } from "./seed.ts";
import { contentHash, storePlan } from "./store-plan.ts";
import { createTestDb, type TestDatabase } from "./test-db.ts";

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test/fixtures/plans");
const BTNMT = path.join(FIXTURES, "btnmt-kh09-2024-tinchi-cacbon.txt");
const LAOCAI = path.join(FIXTURES, "laocai-kh-chithi11-khoangsan-2026.txt");

const TABLES = {
  plans,
  tasks,
  milestones,
  taskAssignments,
  taskGroups,
  targets,
  measures,
  agencies,
  agencyAliases,
  agencyGroupMembers,
  auditLog,
} as const;
type Counts = Record<keyof typeof TABLES, number>;

async function count(db: Db, table: PgTable): Promise<number> {
  const [row] = await db.select({ n: sql`count(*)` }).from(table);
  return toCount(row?.n);
}

async function counts(db: Db): Promise<Counts> {
  const out = {} as Counts;
  for (const [name, table] of Object.entries(TABLES)) out[name as keyof Counts] = await count(db, table);
  return out;
}

async function taskId(db: Db, planId: number, code: string): Promise<number> {
  const [row] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.planId, planId), eq(tasks.code, code)));
  if (!row) throw new Error(`no task ${code} in plan ${planId}`);
  return row.id;
}

/** The assignments as imported (the seeded 2025 reorganisation adds successor rows: reorganisations.test.ts). */
async function assignmentsOf(db: Db, id: number) {
  return db
    .select({
      role: taskAssignments.role,
      name: agencies.name,
      agencyId: agencies.id,
      asWritten: taskAssignments.asWritten,
    })
    .from(taskAssignments)
    .innerJoin(agencies, eq(agencies.id, taskAssignments.agencyId))
    .where(and(eq(taskAssignments.taskId, id), isNull(taskAssignments.reorganisationId)))
    .orderBy(asc(taskAssignments.seq));
}

async function agencyByName(db: Db, name: string) {
  const [row] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.key, agencyKey(name)), eq(agencies.province, "Tuyên Quang")));
  if (!row) throw new Error(`no agency ${name}`);
  return row;
}

describe("storePlan: a failure part-way rolls everything back", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("leaves no plan, task, agency or audit row when the second task's milestone date is invalid", async () => {
    const parsed = await parsePlanFile(null, DEMO_PLAN);
    const plan = structuredClone(parsed) as PlanJson;
    const second = plan.tasks[1];
    if (!second) throw new Error("plan has fewer than two tasks");
    second.schedule = {
      ...second.schedule,
      continuous: false,
      kind: "milestone",
      milestones: [{ due: "2022-13-45", text: "ngày sai" }],
    };

    // The database refuses the date (the failed query names it) after the plan and task 1 were written.
    await expect(
      storePlan(t.db, plan, { file: "broken.txt", hash: "broken", actor: "test" }),
    ).rejects.toThrow(/2022-13-45/);
    const after = await counts(t.db);
    expect(after.plans).toBe(0);
    expect(after.tasks).toBe(0);
    expect(after.milestones).toBe(0);
    expect(after.taskAssignments).toBe(0);
    expect(after.targets).toBe(0);
    expect(after.agencies).toBe(0);
    expect(after.auditLog).toBe(0);

    // The same plan without the bad date stores, so the failure above came from the date.
    const result = await storePlan(t.db, parsed, { file: "ok.txt", hash: "ok", actor: "test" });
    expect(result.tasks).toBe(54);
    expect(await count(t.db, tasks)).toBe(54);
  });
});

describe("seedDemo and storePlan on the Tuyên Quang plan", () => {
  let t: TestDatabase;
  let db: Db;
  let planId: number;
  let afterSeed: Counts;

  beforeAll(async () => {
    t = await createTestDb();
    db = t.db;
    const seeded = await seedDemo(t);
    expect(seeded.imported).toBe(true);
    planId = seeded.planId;
    afterSeed = await counts(db);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("stores 54 tasks, 6 targets and 7 groups", async () => {
    expect(afterSeed.plans).toBe(1);
    expect(afterSeed.tasks).toBe(54);
    expect(afterSeed.targets).toBe(6);
    expect(afterSeed.taskGroups).toBe(7);
    const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
    expect(plan?.title).toContain("Phát triển công nghiệp");
    expect(plan?.contentHash).toBe(contentHash(readFileSync(DEMO_PLAN, "utf8")));
  });

  it("stores both milestones of task 3.2 with their quantities", async () => {
    const rows = await db
      .select({ due: milestones.due, quantity: milestones.quantity })
      .from(milestones)
      .where(eq(milestones.taskId, await taskId(db, planId, "3.2")))
      .orderBy(asc(milestones.seq));
    expect(rows).toEqual([
      { due: "2022-03-31", quantity: "4 cụm" },
      { due: "2022-06-30", quantity: "3 cụm" },
    ]);
    const [task] = await db
      .select()
      .from(tasks)
      .where(eq(tasks.id, await taskId(db, planId, "3.2")));
    expect(task?.firstDue).toBe("2022-03-31");
    expect(task?.lastDue).toBe("2022-06-30");
  });

  it("stores the lead and coordinators of task 2.3 in order", async () => {
    const rows = await assignmentsOf(db, await taskId(db, planId, "2.3"));
    expect(rows.map((r) => [r.role, r.name])).toEqual([
      ["lead", "Ban Quản lý các khu công nghiệp tỉnh"],
      ["coordinator", "Sở Công Thương"],
      ["coordinator", "Các sở, ngành liên quan"],
      ["coordinator", "UBND huyện, thành phố"],
    ]);
  });

  it("links the district group to its 7 registry members and invents none for other groups", async () => {
    const registry = JSON.parse(readFileSync(DEMO_REGISTRY, "utf8")) as {
      groups: { name: string; members: string[] }[];
    };
    const expected = registry.groups.find((g) => g.name === "UBND huyện, thành phố")?.members ?? [];
    expect(expected).toHaveLength(7);

    const districts = await agencyByName(db, "UBND huyện, thành phố");
    expect(districts.isGroup).toBe(true);
    const members = await db
      .select({ name: agencies.name })
      .from(agencyGroupMembers)
      .innerJoin(agencies, eq(agencies.id, agencyGroupMembers.agencyId))
      .where(eq(agencyGroupMembers.groupId, districts.id));
    expect(members.map((m) => m.name).sort()).toEqual([...expected].sort());

    const related = await agencyByName(db, "Các sở, ngành liên quan");
    expect(related.isGroup).toBe(true);
    expect(
      await db.select().from(agencyGroupMembers).where(eq(agencyGroupMembers.groupId, related.id)),
    ).toEqual([]);
  });

  it("imports nothing when seeded a second time", async () => {
    const again = await seedDemo(t);
    expect(again).toMatchObject({ planId, imported: false });
    expect(await counts(db)).toEqual(afterSeed);
  });

  it("refuses the same document again with PLAN_ALREADY_IMPORTED and changes no row", async () => {
    const err = await importPlanFile(db, DEMO_PLAN, "test").then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("PLAN_ALREADY_IMPORTED");
    expect((err as AppError).details).toEqual({ planId });
    expect(await counts(db)).toEqual(afterSeed);
  });

  it("audits the import once, with the document's hash, in a verifiable hash chain", async () => {
    const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
    const imports = rows.filter((r) => r.action === "plan.import");
    expect(imports).toHaveLength(1);
    const after = imports[0]?.after as { hash: string; tasks: number };
    expect(after.hash).toBe(contentHash(readFileSync(DEMO_PLAN, "utf8")));
    expect(after.tasks).toBe(54);
    expect(imports[0]?.entityId).toBe(String(planId));

    let prev: string | null = null;
    for (const r of rows) {
      expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.prevHash).toBe(prev);
      const entry = {
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        before: r.before,
        after: r.after,
      };
      expect(auditHash(r.prevHash, entry, r.at.toISOString())).toBe(r.hash);
      // A rewritten row no longer matches its hash.
      expect(auditHash(r.prevHash, { ...entry, actor: `${r.actor}!` }, r.at.toISOString())).not.toBe(r.hash);
      prev = r.hash;
    }
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });

  it("imports two more plans beside it; each province has its own agencies, one row each", async () => {
    const tq = await Promise.all(["Sở Công Thương", "Sở Xây dựng"].map((n) => agencyByName(db, n)));
    const btnmt = await importPlanFile(db, BTNMT, "test");
    const laocai = await importPlanFile(db, LAOCAI, "test");
    expect(btnmt.result.tasks).toBe(9);
    expect(laocai.result.tasks).toBe(14);
    expect(await count(db, plans)).toBe(3);
    expect(await count(db, tasks)).toBe(54 + 9 + 14);

    const all = await db
      .select({ id: agencies.id, name: agencies.name, province: agencies.province })
      .from(agencies);
    const keys = all.map((a) => `${a.province}|${agencyKey(a.name)}`);
    expect(new Set(keys).size).toBe(all.length);
    for (const agency of tq) {
      const tqRows = all.filter(
        (a) => a.province === "Tuyên Quang" && agencyKey(a.name) === agencyKey(agency.name),
      );
      expect(tqRows.map((a) => a.id)).toEqual([agency.id]);
    }

    // Lào Cai's task 6 is led by Lào Cai's own departments, not Tuyên Quang's.
    const leads = (await assignmentsOf(db, await taskId(db, laocai.result.planId, "6"))).filter(
      (r) => r.role === "lead",
    );
    expect(leads).toHaveLength(2);
    for (const lead of leads) expect(tq.map((a) => a.id)).not.toContain(lead.agencyId);
    const laoCaiLeads = all.filter((a) => leads.some((l) => l.agencyId === a.id));
    expect(laoCaiLeads.map((a) => [a.name, a.province]).sort()).toEqual([
      ["Sở Công Thương", "Lào Cai"],
      ["Sở Xây dựng", "Lào Cai"],
    ]);
    // The ministry's plan assigns central bodies.
    const btnmtLead = (await assignmentsOf(db, await taskId(db, btnmt.result.planId, "1"))).find(
      (r) => r.role === "lead",
    );
    expect(all.find((a) => a.id === btnmtLead?.agencyId)?.province).toBe("");
    const tqLead = (await assignmentsOf(db, await taskId(db, planId, "4.12"))).find((r) => r.role === "lead");
    expect(tqLead?.agencyId).toBe(tq[1]?.id);

    const auditImports = await db.select().from(auditLog).where(eq(auditLog.action, "plan.import"));
    expect(auditImports).toHaveLength(3);
  });
});
