/**
 * The project store on a real, seeded database (both engines): the plan's three projects seeded
 * once, validation with field names, one milestone row per kind with the old values audited,
 * revocation, and the derived status.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../domain/errors.ts";
import { auditLog, projectMilestones, projects, zones } from "../schema.ts";
import { seedDemo } from "../seed.ts";
import { seededTestDb, type TestDatabase } from "../test-db.ts";
import { behindSchedule, getProject, listProjects } from "./list.ts";
import { PLAN_PROJECTS_SOURCE } from "./seed.ts";
import { createProject, recordRevocation, setMilestone, updateProject } from "./store.ts";

let database: TestDatabase;
const TQ = "Tuyên Quang";
const actor = { userId: null, username: "kiemthu" };
const TODAY = "2025-06-30";

beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  ({ database } = await seededTestDb());
});
afterAll(async () => {
  await database?.close();
});

/** The field names of a validation error thrown by `run`. */
async function fieldsOf(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (e) {
    if (e instanceof AppError && e.code === "VALIDATION") return (e.fields ?? []).map((f) => f.field);
    throw e;
  }
  throw new Error("no error");
}

describe("seed", () => {
  it("the plan's three projects, without invented facts, once", async () => {
    await seedDemo(database);
    const list = await listProjects(database.db, TQ, TODAY);
    expect(list.map((p) => p.name)).toEqual([
      "Dự án mở rộng Khu công nghiệp Long Bình An",
      "Dự án mở rộng Nhà máy bột giấy và giấy An Hòa",
      "Dự án mở rộng Nhà máy gang thép Tuyên Quang",
    ]);
    expect(list[0]?.zone?.label).toBe("KCN Long Bình An");
    for (const p of list) {
      expect(p).toMatchObject({
        investor: null,
        registeredCapitalBillionVnd: null,
        source: PLAN_PROJECTS_SOURCE,
      });
      expect(p.status).toBe("no_schedule");
    }
  });
});

describe("writes", () => {
  it("creates a project with an audit row; refuses bad numbers and a zone of another province", async () => {
    const p = await createProject(
      database.db,
      { province: TQ, name: " Nhà máy thử ", registeredCapitalBillionVnd: 120.5, jobs: 300, landHa: 4 },
      actor,
    );
    expect(p.name).toBe("Nhà máy thử");
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "project"), eq(auditLog.entityId, String(p.id))));
    expect(audit.map((a) => a.action)).toEqual(["project.create"]);
    expect(
      await fieldsOf(() =>
        createProject(database.db, { province: TQ, name: "X", registeredCapitalBillionVnd: -1 }, actor),
      ),
    ).toEqual(["registeredCapitalBillionVnd"]);
    expect(
      await fieldsOf(() => createProject(database.db, { province: TQ, name: "X", jobs: 2.5 }, actor)),
    ).toEqual(["jobs"]);
    expect(await fieldsOf(() => createProject(database.db, { province: TQ, name: "  " }, actor))).toEqual([
      "name",
    ]);
    const [other] = await database.db
      .insert(zones)
      .values({ name: "Khác", kind: "industrial_park", province: "Hà Nội" })
      .returning();
    expect(
      await fieldsOf(() => createProject(database.db, { province: TQ, name: "X", zoneId: other?.id }, actor)),
    ).toEqual(["zoneId"]);
    const updated = await updateProject(database.db, p.id, { investor: "Công ty Thử", jobs: null }, actor);
    expect(updated).toMatchObject({
      investor: "Công ty Thử",
      jobs: null,
      registeredCapitalBillionVnd: 120.5,
    });
    expect(await fieldsOf(() => updateProject(database.db, p.id, { landHa: -3 }, actor))).toEqual(["landHa"]);
  });

  it("one milestone row per kind: a second set replaces, the audit keeps the old values", async () => {
    const p = await createProject(database.db, { province: TQ, name: "Mốc thử" }, actor);
    const first = await setMilestone(
      database.db,
      p.id,
      "land_handover",
      { planned: "2025-03-31" },
      actor,
      TODAY,
    );
    const second = await setMilestone(
      database.db,
      p.id,
      "land_handover",
      { actual: "2025-04-15", document: "Biên bản bàn giao" },
      actor,
      TODAY,
    );
    expect(second).toMatchObject({ id: first.id, planned: "2025-03-31", actual: "2025-04-15" });
    const rows = await database.db
      .select()
      .from(projectMilestones)
      .where(eq(projectMilestones.projectId, p.id));
    expect(rows).toHaveLength(1);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "project_milestone"), eq(auditLog.entityId, String(first.id))));
    expect(audit).toHaveLength(2);
    expect(audit[1]?.before).toMatchObject({ planned: "2025-03-31", actual: null });
    const view = await getProject(database.db, p.id, TODAY);
    expect(view.milestones[0]).toMatchObject({
      state: "done_late",
      daysLate: 15,
      document: "Biên bản bàn giao",
    });
    expect(view.status).toBe("on_schedule");
    expect(
      await fieldsOf(() =>
        setMilestone(database.db, p.id, "construction", { actual: "2025-07-01" }, actor, TODAY),
      ),
    ).toEqual(["actual"]);
    expect(
      await fieldsOf(() =>
        setMilestone(database.db, p.id, "groundbreaking", { planned: "2025-07-01" }, actor, TODAY),
      ),
    ).toEqual(["kind"]);
    expect(
      await fieldsOf(() =>
        setMilestone(database.db, p.id, "construction", { planned: "2025-02-30" }, actor, TODAY),
      ),
    ).toEqual(["planned"]);
    await expect(setMilestone(database.db, 999_999, "construction", {}, actor, TODAY)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("behind → stalled → revoked; revocation needs date and decision, once", async () => {
    const p = await createProject(database.db, { province: TQ, name: "Dự án chậm thử" }, actor);
    await setMilestone(database.db, p.id, "construction", { planned: "2025-01-31" }, actor, TODAY);
    let behind = await behindSchedule(database.db, TQ, TODAY);
    expect(behind.find((x) => x.id === p.id)).toMatchObject({ status: "behind_schedule", maxDaysLate: 150 });
    behind = await behindSchedule(database.db, TQ, "2026-02-01");
    expect(behind.find((x) => x.id === p.id)?.status).toBe("stalled");
    expect(
      await fieldsOf(() =>
        recordRevocation(database.db, p.id, { revokedOn: "2025-06-01", decision: " " }, actor, TODAY),
      ),
    ).toEqual(["decision"]);
    expect(
      await fieldsOf(() =>
        recordRevocation(database.db, p.id, { revokedOn: "", decision: "1/QĐ" }, actor, TODAY),
      ),
    ).toEqual(["revokedOn"]);
    await recordRevocation(
      database.db,
      p.id,
      { revokedOn: "2025-06-01", decision: "123/QĐ-UBND" },
      actor,
      TODAY,
    );
    expect((await getProject(database.db, p.id, TODAY)).status).toBe("revoked");
    expect((await getProject(database.db, p.id, "2025-05-31")).status).toBe("behind_schedule");
    expect((await behindSchedule(database.db, TQ, TODAY)).some((x) => x.id === p.id)).toBe(false);
    await expect(
      recordRevocation(database.db, p.id, { revokedOn: "2025-06-02", decision: "124/QĐ-UBND" }, actor, TODAY),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    const [row] = await database.db.select().from(projects).where(eq(projects.id, p.id));
    expect(row?.revokedDecision).toBe("123/QĐ-UBND");
  });

  it("concurrent milestone writes on one project still leave one row per kind", async () => {
    const p = await createProject(database.db, { province: TQ, name: "Đồng thời" }, actor);
    await Promise.all(
      ["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01"].map((d) =>
        setMilestone(database.db, p.id, "operation", { planned: d }, actor, TODAY),
      ),
    );
    const rows = await database.db
      .select()
      .from(projectMilestones)
      .where(eq(projectMilestones.projectId, p.id));
    expect(rows).toHaveLength(1);
  });
});
