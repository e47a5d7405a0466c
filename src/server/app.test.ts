import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareTaskCodes } from "../domain/task-code.ts";
import { createApp } from "./app.ts";
import {
  type ErrorJson,
  type Page,
  registryMembers,
  startTestApp,
  type Task,
  type TestApp,
} from "./test-app.ts";

let ctx: TestApp;
let planId: number;
let all: Task[];
const get = <T = unknown>(path: string) => ctx.get<T>(path);
/** The registry as the plan named it: read on a day of 2022, before the 2025 reorganisation. */
async function get2022<T = unknown>(path: string): Promise<{ status: number; body: T }> {
  const app = createApp({ database: ctx.database, now: () => new Date("2022-04-01T03:00:00Z") });
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as T };
}

async function tasks(query: string): Promise<Page> {
  const size = query.includes("pageSize=") ? "" : "pageSize=200&";
  const res = await get<Page>(`/api/tasks?plan=${planId}&${size}${query}`);
  expect(res.status).toBe(200);
  return res.body;
}

const codes = (p: Page) => p.items.map((x) => x.code);

async function agencyId(name: string): Promise<number> {
  const { body } = await get<{ items: { id: number; name: string }[] }>(`/api/agencies?plan=${planId}`);
  const found = body.items.find((a) => a.name === name);
  if (!found) throw new Error(`agency ${name} not in plan`);
  return found.id;
}

beforeAll(async () => {
  ctx = await startTestApp();
  planId = ctx.planId;
  all = (await get<Page>(`/api/tasks?plan=${planId}&pageSize=200`)).body.items;
});
afterAll(async () => {
  await ctx?.close();
});

describe("plans", () => {
  it("answers the health check without the engine to an anonymous caller (issue 10 §2)", async () => {
    const res = await get("/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
    expect(JSON.stringify(res.body)).not.toMatch(/pglite|postgres/i);
  });

  it("lists the one plan with its counts", async () => {
    const { status, body } = await get<{
      items: { id: number; taskCount: number; targetCount: number }[];
      total: number;
    }>("/api/plans");
    expect(status).toBe(200);
    expect(body.total).toBe(1);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ id: planId, taskCount: 54, targetCount: 6 });
  });

  it("serves one plan with its basis, targets, measures and groups", async () => {
    type Plan = {
      title: string;
      periodStart: number;
      periodEnd: number;
      basis: string[];
      groups: unknown[];
      targets: { code: string; measures: { value: number; unit: string; comparator: string }[] }[];
    };
    const { status, body } = await get<Plan>(`/api/plans/${planId}`);
    expect(status).toBe(200);
    expect(body.title).toContain("Phát triển công nghiệp");
    expect(body.periodStart).toBe(2021);
    expect(body.periodEnd).toBe(2025);
    expect(body.basis.some((b) => b.includes("25-NQ/TU"))).toBe(true);
    expect(body.targets).toHaveLength(6);
    const labour = body.targets.find((x) => x.code === "2");
    expect(labour?.measures.map(({ value, unit, comparator }) => ({ value, unit, comparator }))).toEqual([
      { value: 25.8, unit: "%", comparator: ">" },
      { value: 138700, unit: "lao động", comparator: ">" },
      { value: 65, unit: "%", comparator: ">" },
    ]);
    expect(body.groups).toHaveLength(7);
  });

  it.each(["/api/plans/999999", "/api/tasks/999999", "/api/agencies/999999"])(
    "answers 404 NOT_FOUND in both languages for %s",
    async (path) => {
      const { status, body } = await get<ErrorJson>(path);
      expect(status).toBe(404);
      expect(body.error.code).toBe("NOT_FOUND");
      expect(body.error.message).toContain("999999");
      expect(body.error.messageVi).toContain("Không tìm thấy");
    },
  );

  it("answers 400, not a database error, for an id beyond the integer range", async () => {
    const { status, body } = await get<ErrorJson>("/api/plans/99999999999");
    expect(status).toBe(400);
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.fields?.[0]?.field).toBe("id");
  });
});

describe("tasks", () => {
  it("lists all 54 tasks sorted by code, 4.10 after 4.9", async () => {
    expect(all).toHaveLength(54);
    const list = all.map((x) => x.code);
    expect(list).toEqual([...list].sort(compareTaskCodes));
    expect(list.indexOf("4.10")).toBe(list.indexOf("4.9") + 1);
    expect(list[0]).toBe("1");
    const page = await get<Page>(`/api/tasks?plan=${planId}`);
    expect(page.body.total).toBe(54);
    expect(page.body.items).toHaveLength(50);
  });

  it("pages through the same list with the total unchanged", async () => {
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const body = await tasks(`pageSize=20&page=${page}`);
      expect(body.total).toBe(54);
      expect(body.items).toHaveLength(page < 3 ? 20 : 14);
      seen.push(...codes(body));
    }
    expect(seen).toEqual(all.map((x) => x.code));
    const beyond = await tasks("pageSize=20&page=4");
    expect(beyond).toEqual({ items: [], total: 54 });
  });

  it("filters by agency: Sở Giao thông vận tải leads only 3.4", async () => {
    const body = await tasks(`agency=${await agencyId("Sở Giao thông vận tải")}`);
    expect(codes(body)).toEqual(["3.4"]);
    expect(body.total).toBe(1);
  });

  it("filters by agency as lead or coordinator: Sở Công Thương", async () => {
    const id = await agencyId("Sở Công Thương");
    const body = await tasks(`agency=${id}`);
    const names = (x: Task) => [...x.leads, ...x.coordinators].map((a) => a.id);
    const expected = all.filter((x) => names(x).includes(id)).map((x) => x.code);
    expect(codes(body)).toEqual(expected);
    expect(codes(body)).toContain("2.3");
    const t23 = body.items.find((x) => x.code === "2.3");
    expect(t23?.leads.map((a) => a.id)).not.toContain(id);
    expect(t23?.coordinators.map((a) => a.id)).toContain(id);
    expect(body.items.some((x) => x.leads.some((a) => a.id === id))).toBe(true);
  });

  it("filters by group", async () => {
    const body = await tasks("group=3");
    expect(codes(body)).toEqual(["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"]);
    expect(body.items.every((x) => x.group === "3")).toBe(true);
  });

  it("filters by schedule kind, each task matching the kind asked for", async () => {
    const continuous = await tasks("kind=continuous");
    const recurring = await tasks("kind=recurring");
    const milestone = await tasks("kind=milestone");
    const unknown = await tasks("kind=unknown");
    expect(continuous.items.every((x) => x.schedule.continuous)).toBe(true);
    expect(recurring.items.every((x) => x.schedule.recurrence !== null)).toBe(true);
    expect(milestone.items.every((x) => x.firstDue !== null && x.schedule.milestones.length > 0)).toBe(true);
    expect(unknown.items.every((x) => x.schedule.kind === "unknown")).toBe(true);
    expect([continuous.total, recurring.total, milestone.total, unknown.total]).toEqual([18, 5, 31, 0]);
    // In this plan the kinds do not overlap and together cover every task.
    const union = new Set([
      ...codes(continuous),
      ...codes(recurring),
      ...codes(milestone),
      ...codes(unknown),
    ]);
    expect(union.size).toBe(54);
    expect(codes(recurring)).toEqual(["4.2", "4.3", "4.11", "4.12", "8.7"]);
  });

  it("filters by due range: Q1 2022", async () => {
    const body = await tasks("dueFrom=2022-01-01&dueTo=2022-03-31");
    const inQ1 = (x: Task) =>
      x.schedule.milestones.some((m) => m.due >= "2022-01-01" && m.due <= "2022-03-31");
    expect(body.items.every(inQ1)).toBe(true);
    expect(codes(body)).toEqual(all.filter(inQ1).map((x) => x.code));
    expect(codes(body)).toContain("3.2");
    expect(body.total).toBeGreaterThan(10);
  });

  it("filters by due date up to the end of 2021", async () => {
    expect(codes(await tasks("dueTo=2021-12-31"))).toEqual(["3.4", "7.6"]);
  });

  it("sorts by first due date ascending with undated tasks last", async () => {
    const body = await tasks("sort=due");
    expect(body.total).toBe(54);
    const dues = body.items.map((x) => x.firstDue);
    const dated = dues.filter((d): d is string => d !== null);
    expect(dated).toHaveLength(31);
    expect(dues.slice(0, dated.length)).toEqual(dated);
    expect(dated).toEqual([...dated].sort());
    expect(dated[0]).toBe("2021-12-31");
    expect(dues.slice(dated.length).every((d) => d === null)).toBe(true);
  });

  it("searches the text", async () => {
    expect(codes(await tasks("q=Logistic"))).toEqual(["7.5"]);
    expect(codes(await tasks("q=logistic"))).toEqual(["7.5"]);
    expect((await tasks("q=%25%25%25zzz")).total).toBe(0);
  });

  it.each([
    ["kind=bogus", "kind"],
    ["dueFrom=2022-02-30", "dueFrom"],
    ["dueTo=31/03/2022", "dueTo"],
    ["page=0", "page"],
    ["pageSize=1000", "pageSize"],
    ["plan=abc", "plan"],
    ["agency=-1", "agency"],
  ])("rejects %s naming the field in both languages", async (query, field) => {
    const { status, body } = await get<ErrorJson>(`/api/tasks?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.fields?.[0]?.field).toBe(field);
    expect(body.error.fields?.[0]?.reason.length).toBeGreaterThan(0);
    expect(body.error.fields?.[0]?.reasonVi.length).toBeGreaterThan(0);
    expect(body.error.messageVi).toContain(field);
  });
});

describe("agencies", () => {
  it("lists the plan's agencies with how many tasks each leads and coordinates", async () => {
    type Summary = { name: string; isGroup: boolean; leadCount: number; coordinatorCount: number };
    const { status, body } = await get2022<{ items: Summary[]; total: number }>(
      `/api/agencies?plan=${planId}`,
    );
    expect(status).toBe(200);
    const byName = new Map(body.items.map((a) => [a.name, a]));
    // Today (after the 2025 mergers) Sở GTVT holds nothing: its task passed to Sở Xây dựng.
    const today = await get<{ items: Summary[] }>(`/api/agencies?plan=${planId}`);
    expect(today.body.items.find((a) => a.name === "Sở Giao thông vận tải")?.leadCount).toBe(0);
    expect(byName.get("Sở Giao thông vận tải")).toMatchObject({
      leadCount: 1,
      coordinatorCount: 0,
      isGroup: false,
    });
    expect(byName.get("Ban Quản lý các khu công nghiệp tỉnh")).toMatchObject({
      leadCount: 2,
      coordinatorCount: 1,
    });
    const sct = all.filter((x) => x.leads.some((a) => a.name === "Sở Công Thương")).length;
    expect(byName.get("Sở Công Thương")?.leadCount).toBe(sct);
    expect(body.total).toBe(body.items.length);
    // Without a plan: the whole registry, including agencies no task names.
    const whole = await get2022<{ total: number }>("/api/agencies");
    expect(whole.status).toBe(200);
    expect(whole.body.total).toBeGreaterThan(body.total);
  });

  it("serves the district group with its 7 members and its tasks", async () => {
    const id = await agencyId("UBND huyện, thành phố");
    type Agency = {
      name: string;
      isGroup: boolean;
      members: { name: string }[];
      lead: Task[];
      coordinating: Task[];
    };
    const { status, body } = await get2022<Agency>(`/api/agencies/${id}`);
    expect(status).toBe(200);
    expect(body.isGroup).toBe(true);
    const expected = registryMembers("UBND huyện, thành phố");
    expect(body.members.map((m) => m.name).sort()).toEqual([...expected].sort());
    expect(body.members).toHaveLength(7);
    expect(body.coordinating.map((x) => x.code)).toContain("2.3");
    expect(body.lead).toEqual([]);
  });
});

describe("documentation and fallbacks", () => {
  it("serves the OpenAPI document", async () => {
    const { status, body } = await get<{ openapi: string; paths: Record<string, unknown> }>(
      "/api/openapi.json",
    );
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(["/api/plans", "/api/plans/{id}", "/api/tasks", "/api/agencies/{id}"]),
    );
  });

  it("serves the docs page from local assets only", async () => {
    const { status, type, body } = await get<string>("/api/docs");
    expect(status).toBe(200);
    expect(type).toContain("text/html");
    expect(body).not.toMatch(/https?:\/\//);
    const refs = [...body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(refs.length).toBeGreaterThanOrEqual(2);
    for (const ref of refs) {
      expect(ref.startsWith("/")).toBe(true);
      expect((await ctx.app.request(ref)).status).toBe(200);
    }
    const bundle = await ctx.app.request("/api/docs/assets/swagger-ui-bundle.js");
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("content-type")).toContain("javascript");
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
    expect((await ctx.app.request("/api/docs/assets/package.json")).status).toBe(404);
  });

  it("answers an unknown API path with a JSON 404", async () => {
    const { status, type, body } = await get<ErrorJson>("/api/nope");
    expect(status).toBe(404);
    expect(type).toContain("application/json");
    expect(body.error.code).toBe("NOT_FOUND");
    expect(body.error.messageVi.length).toBeGreaterThan(0);
  });
});
