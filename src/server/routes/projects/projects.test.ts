/**
 * The projects API on the seeded demo (real database, both engines): the plan's three projects
 * are public; a milestone planned in the past and not done puts a project on the coordinator's
 * behind-schedule list, its actual date takes it off; more than 12 months late is stalled; a
 * revoked project leaves the list; bad input names its fields; reporters and viewers cannot write.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectView } from "../../../db/projects/list.ts";
import { type ErrorJson, startTestApp, type TestApp } from "../../test-app.ts";
import { call, login, type TestSession } from "../../test-auth.ts";

let t: TestApp;
let coordinator: TestSession;
let reporter: TestSession;
let viewer: TestSession;

beforeAll(async () => {
  t = await startTestApp();
  coordinator = await login(t.app, "sct.dieuphoi");
  reporter = await login(t.app, "bqlkcn.baocao");
  viewer = await login(t.app, "lanhdao.tinh");
});
afterAll(async () => {
  await t?.close();
});

type List = { items: ProjectView[]; total: number; asOf: string };
const ASOF = "2024-06-30";
const behind = async (asOf = ASOF) =>
  (
    await call<List>(
      t.app,
      coordinator,
      "GET",
      `/api/projects/behind-schedule?province=Tuyên Quang&asOf=${asOf}`,
    )
  ).body.items;
const fieldsOf = (body: unknown) => ((body as ErrorJson).error.fields ?? []).map((f) => f.field).sort();

async function newProject(name: string): Promise<ProjectView> {
  const r = await call<ProjectView>(t.app, coordinator, "POST", "/api/projects", {
    province: "Tuyên Quang",
    name,
    registeredCapitalBillionVnd: 250,
    jobs: 400,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

describe("reading", () => {
  it("anyone lists the plan's three projects with zone and status; one project by id", async () => {
    const r = await call<List>(t.app, null, "GET", "/api/projects?province=Tuyên Quang&asOf=2025-01-01");
    expect(r.status).toBe(200);
    expect(r.body.items.map((p) => p.name)).toEqual([
      "Dự án mở rộng Khu công nghiệp Long Bình An",
      "Dự án mở rộng Nhà máy bột giấy và giấy An Hòa",
      "Dự án mở rộng Nhà máy gang thép Tuyên Quang",
    ]);
    expect(r.body.items[0]?.zone?.name).toBe("Long Bình An");
    expect(r.body.items.map((p) => p.status)).toEqual(["no_schedule", "no_schedule", "no_schedule"]);
    expect(r.body.items[1]?.statusLabel.vi).toBe("Chưa có tiến độ");
    const one = await call<ProjectView>(t.app, null, "GET", `/api/projects/${r.body.items[0]?.id}`);
    expect(one.body.investor).toBeNull();
    expect((await call(t.app, null, "GET", "/api/projects/999999")).status).toBe(404);
    expect((await call(t.app, null, "GET", "/api/projects?asOf=2024-02-30")).status).toBe(400);
  });
});

describe("the coordinator's behind-schedule list", () => {
  it("a milestone planned in the past without an actual date lists the project; the actual date removes it", async () => {
    const p = await newProject("Nhà máy chế biến thử");
    const set = await call<ProjectView>(
      t.app,
      coordinator,
      "PUT",
      `/api/projects/${p.id}/milestones/land_handover`,
      {
        planned: "2024-03-31",
      },
    );
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const listed = (await behind()).find((x) => x.id === p.id);
    expect(listed).toMatchObject({ status: "behind_schedule", maxDaysLate: 91 });
    expect(listed?.late).toEqual([
      {
        kind: "land_handover",
        planned: "2024-03-31",
        daysLate: 91,
        label: expect.objectContaining({ vi: "Bàn giao đất" }),
      },
    ]);
    const done = await call(t.app, coordinator, "PUT", `/api/projects/${p.id}/milestones/land_handover`, {
      actual: "2024-05-01",
      document: "Biên bản bàn giao đất",
    });
    expect(done.status).toBe(200);
    expect((await behind()).some((x) => x.id === p.id)).toBe(false);
    const view = await call<ProjectView>(t.app, null, "GET", `/api/projects/${p.id}?asOf=${ASOF}`);
    expect(view.body.milestones[0]).toMatchObject({
      state: "done_late",
      daysLate: 31,
      planned: "2024-03-31",
    });
  });

  it("more than 12 months late is stalled and listed first; a revoked project leaves the list", async () => {
    const slow = await newProject("Dự án đình trệ thử");
    const late = await newProject("Dự án chậm ít thử");
    await call(t.app, coordinator, "PUT", `/api/projects/${slow.id}/milestones/construction`, {
      planned: "2023-01-31",
    });
    await call(t.app, coordinator, "PUT", `/api/projects/${late.id}/milestones/operation`, {
      planned: "2024-06-01",
    });
    const list = await behind();
    const ours = list.filter((x) => x.id === slow.id || x.id === late.id);
    expect(ours.map((x) => [x.id, x.status])).toEqual([
      [slow.id, "stalled"],
      [late.id, "behind_schedule"],
    ]);
    const days = list.map((x) => x.maxDaysLate);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    const r = await call<ProjectView>(t.app, coordinator, "POST", `/api/projects/${slow.id}/revocation`, {
      revokedOn: "2024-05-15",
      decision: "456/QĐ-UBND",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(
      (await call<ProjectView>(t.app, null, "GET", `/api/projects/${slow.id}?asOf=${ASOF}`)).body.status,
    ).toBe("revoked");
    expect((await behind()).some((x) => x.id === slow.id)).toBe(false);
    const again = await call(t.app, coordinator, "POST", `/api/projects/${slow.id}/revocation`, {
      revokedOn: "2024-05-16",
      decision: "457/QĐ-UBND",
    });
    expect(again.status).toBe(409);
  });

  it("edits a project's facts", async () => {
    const p = await newProject("Dự án sửa thử");
    const r = await call<ProjectView>(t.app, coordinator, "PATCH", `/api/projects/${p.id}`, {
      investor: "Công ty Cổ phần Thử",
      landHa: 12.5,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ investor: "Công ty Cổ phần Thử", landHa: 12.5, jobs: 400 });
  });
});

describe("bad input and permissions", () => {
  it("400 names the fields", async () => {
    const r = await call(t.app, coordinator, "POST", "/api/projects", {
      province: "Tuyên Quang",
      name: "X",
      registeredCapitalBillionVnd: -5,
      jobs: 1.5,
    });
    expect(r.status).toBe(400);
    expect(fieldsOf(r.body)).toEqual(["jobs", "registeredCapitalBillionVnd"]);
    const p = await newProject("Dự án lỗi thử");
    const kind = await call(t.app, coordinator, "PUT", `/api/projects/${p.id}/milestones/khoi_cong`, {
      planned: "2025-01-01",
    });
    expect(kind.status).toBe(400);
    expect(fieldsOf(kind.body)).toEqual(["kind"]);
    const future = await call(t.app, coordinator, "PUT", `/api/projects/${p.id}/milestones/construction`, {
      actual: "2999-01-01",
    });
    expect(future.status).toBe(400);
    expect(fieldsOf(future.body)).toEqual(["actual"]);
    const rev = await call(t.app, coordinator, "POST", `/api/projects/${p.id}/revocation`, {
      revokedOn: "2024-01-01",
    });
    expect(rev.status).toBe(400);
    expect(fieldsOf(rev.body)).toEqual(["decision"]);
    const zone = await call(t.app, coordinator, "PATCH", `/api/projects/${p.id}`, { zoneId: 999999 });
    expect(zone.status).toBe(400);
    expect(fieldsOf(zone.body)).toEqual(["zoneId"]);
  });

  it("reporters and viewers get 403, nobody signed in 401; the list stays public", async () => {
    const p = await newProject("Dự án quyền thử");
    for (const who of [reporter, viewer, null]) {
      const want = who ? 403 : 401;
      expect(
        (await call(t.app, who, "POST", "/api/projects", { province: "Tuyên Quang", name: "Y" })).status,
      ).toBe(want);
      expect((await call(t.app, who, "PATCH", `/api/projects/${p.id}`, { jobs: 1 })).status).toBe(want);
      expect(
        (
          await call(t.app, who, "PUT", `/api/projects/${p.id}/milestones/operation`, {
            planned: "2030-01-01",
          })
        ).status,
      ).toBe(want);
      expect(
        (
          await call(t.app, who, "POST", `/api/projects/${p.id}/revocation`, {
            revokedOn: "2024-01-01",
            decision: "1",
          })
        ).status,
      ).toBe(want);
      expect((await call(t.app, who, "GET", "/api/projects/behind-schedule")).status).toBe(want);
    }
    expect((await call(t.app, null, "GET", "/api/projects")).status).toBe(200);
  });

  it("an administrator adds a project in a province that has no plan yet; a coordinator of a plan cannot", async () => {
    const admin = await login(t.app, "admin");
    const body = { province: "Hà Nội", name: "Dự án ở tỉnh chưa có kế hoạch" };
    expect((await call(t.app, coordinator, "POST", "/api/projects", body)).status).toBe(403);
    const r = await call<ProjectView>(t.app, admin, "POST", "/api/projects", body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.name).toBe(body.name);
  });
});
