/**
 * The permissions matrix over HTTP: every write endpoint × every role × own / other agency.
 * "yes" means the request got past the policy (any status but 401/403 — it may still be refused
 * for its state, e.g. 409); "no" means 403 (401 when nobody is signed in).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededTestDb, type TestDatabase } from "../../db/test-db.ts";
import { createApp } from "../app.ts";
import { call, login, type TestSession } from "../test-auth.ts";

const ROLES = ["anonymous", "admin", "coordinator", "reporter", "leader", "viewer"] as const;
type Who = (typeof ROLES)[number];
const USERS: Record<Exclude<Who, "anonymous">, string> = {
  admin: "admin",
  coordinator: "sct.dieuphoi",
  reporter: "sct.baocao",
  leader: "sct.lanhdao",
  viewer: "lanhdao.tinh",
};

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let planId = 0;
const sessions: Partial<Record<Who, TestSession>> = {};
/** Expected reports of the agencies: own = Sở Công Thương (the reporter's and leader's), other = Sở KH&ĐT. */
const er = { own: 0, other: 0 };
const taskOf = { own: 0, other: 0 };
let n = 0;
/** A seeded investment project (plan section 4.3) for the project writes. */
let projectId = 0;

interface Case {
  name: string;
  request: (side: "own" | "other") => { method: string; path: string; body?: unknown };
  /** Who may, on their own agency's resource and on another's. */
  allowed: { own: Who[]; other: Who[] };
}

const coordinators: Who[] = ["admin", "coordinator"];
const CASES: Case[] = [
  {
    name: "edit the regime",
    request: () => ({
      method: "PUT",
      path: `/api/plans/${planId}/regime`,
      body: {
        frequencies: ["quarterly", "yearly"],
        deadlineDays: { quarterly: 2, yearly: 3 },
        remindBefore: [5, 1],
        remindAfter: [1, 3],
      },
    }),
    allowed: { own: coordinators, other: coordinators },
  },
  {
    name: "open a period",
    request: () => ({
      method: "POST",
      path: `/api/plans/${planId}/periods`,
      body: { frequency: "yearly", label: `20${30 + n++}` },
    }),
    allowed: { own: coordinators, other: coordinators },
  },
  {
    name: "save a draft",
    request: (side) => ({
      method: "PUT",
      path: `/api/reports/${er[side]}`,
      body: { version: 999, updates: [] },
    }),
    allowed: { own: ["reporter", "leader"], other: [] },
  },
  {
    name: "submit",
    request: (side) => ({ method: "POST", path: `/api/reports/${er[side]}/submit`, body: { version: 999 } }),
    allowed: { own: ["leader"], other: [] },
  },
  {
    name: "review",
    request: (side) => ({
      method: "POST",
      path: `/api/reports/${er[side]}/review`,
      body: { outcome: "accepted" },
    }),
    allowed: { own: coordinators, other: coordinators },
  },
  {
    name: "grant an extension",
    request: (side) => ({
      method: "POST",
      path: `/api/expected-reports/${er[side]}/extension`,
      body: { due: "2031-12-31", reason: "kiểm thử" },
    }),
    allowed: { own: coordinators, other: coordinators },
  },
  {
    name: "run reminders",
    request: () => ({ method: "POST", path: `/api/plans/${planId}/reminders/run` }),
    allowed: { own: coordinators, other: coordinators },
  },
  {
    name: "correct a holiday",
    request: () => ({
      method: "PUT",
      path: "/api/holidays/2030-11-24",
      body: { name: "Ngày Văn hóa Việt Nam", official: false },
    }),
    allowed: { own: ["admin"], other: ["admin"] },
  },
  {
    name: "delete a holiday",
    request: () => ({ method: "DELETE", path: "/api/holidays/2030-11-24" }),
    allowed: { own: ["admin"], other: ["admin"] },
  },
  {
    name: "create a user",
    request: () => ({
      method: "POST",
      path: "/api/users",
      body: {
        username: `nguoidung${n++}`,
        displayName: "Người dùng thử",
        password: "mat-khau-du-dai-123",
        roles: [],
      },
    }),
    allowed: { own: ["admin"], other: ["admin"] },
  },
  {
    name: "create an agency",
    request: () => ({
      method: "POST",
      path: "/api/agencies",
      body: { name: `Trung tâm Thử nghiệm ${n++}`, kind: "centre", level: "province" },
    }),
    allowed: { own: ["admin"], other: ["admin"] },
  },
  {
    name: "preview an import",
    request: () => ({ method: "POST", path: "/api/imports/preview", body: {} }),
    allowed: { own: ["admin"], other: ["admin"] },
  },
  {
    name: "add a project",
    request: () => ({
      method: "POST",
      path: "/api/projects",
      body: { province: "Tuyên Quang", name: `Dự án thử ${n++}` },
    }),
    allowed: { own: coordinators, other: coordinators },
  },
  {
    name: "edit a project",
    request: () => ({ method: "PATCH", path: `/api/projects/${projectId}`, body: { jobs: 100 } }),
    allowed: { own: coordinators, other: coordinators },
  },
  {
    name: "set a project milestone",
    request: () => ({
      method: "PUT",
      path: `/api/projects/${projectId}/milestones/construction`,
      body: { planned: "2023-12-31" },
    }),
    allowed: { own: coordinators, other: coordinators },
  },
  {
    name: "revoke a project",
    request: () => ({
      method: "POST",
      path: `/api/projects/${projectId}/revocation`,
      body: { revokedOn: "2022-01-01", decision: "1/QĐ-UBND" },
    }),
    allowed: { own: coordinators, other: coordinators },
  },
];

beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  ({ database, planId } = await seededTestDb());
  app = createApp({ database, now: () => new Date("2022-03-10T03:00:00Z") });
  for (const [who, username] of Object.entries(USERS)) sessions[who as Who] = await login(app, username);
  const coord = sessions.coordinator ?? null;
  expect(
    (
      await call(app, coord, "POST", `/api/plans/${planId}/periods`, {
        frequency: "quarterly",
        label: "2022-Q1",
      })
    ).status,
  ).toBe(200);
  const list = await call<{ items: { id: number; agency: { name: string } }[] }>(
    app,
    coord,
    "GET",
    `/api/expected-reports?plan=${planId}`,
  );
  const find = (name: string) => list.body.items.find((i) => i.agency.name === name)?.id ?? 0;
  er.own = find("Sở Công Thương");
  er.other = find("Sở Kế hoạch và Đầu tư");
  expect(er.own * er.other).toBeGreaterThan(0);
  const tasksOf = async (side: "own" | "other", user: Who) =>
    (await call<{ tasks: { id: number }[] }>(app, sessions[user] ?? null, "GET", `/api/reports/${er[side]}`))
      .body.tasks[0]?.id ?? 0;
  taskOf.own = await tasksOf("own", "reporter");
  taskOf.other = await tasksOf("other", "coordinator");
  projectId =
    (await call<{ items: { id: number }[] }>(app, null, "GET", "/api/projects")).body.items[0]?.id ?? 0;
  expect(projectId).toBeGreaterThan(0);
});

afterAll(async () => {
  await database?.close();
});

describe("every write endpoint × every role × own/other agency", () => {
  for (const c of CASES) {
    for (const side of ["own", "other"] as const) {
      for (const who of ROLES) {
        const yes = c.allowed[side].includes(who);
        it(`${c.name} (${side} agency) as ${who}: ${yes ? "allowed" : "refused"}`, async () => {
          const { method, path, body } = c.request(side);
          const res = await call<{ error?: { code: string } }>(
            app,
            sessions[who] ?? null,
            method,
            path,
            body,
          );
          if (yes) expect([401, 403], `${res.status} ${JSON.stringify(res.body)}`).not.toContain(res.status);
          else expect(res.status, JSON.stringify(res.body)).toBe(who === "anonymous" ? 401 : 403);
        });
      }
    }
  }

  it("an attachment goes only to the own agency's report", async () => {
    const pdf = new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34])], {
      type: "application/pdf",
    });
    for (const [who, side, expected] of [
      ["reporter", "own", 200],
      ["reporter", "other", 403],
      ["viewer", "own", 403],
      ["coordinator", "other", 403],
    ] as const) {
      const form = new FormData();
      form.set("file", pdf, "bien-ban.pdf");
      const s = sessions[who];
      const res = await app.request(`/api/reports/${er[side]}/attachments`, {
        method: "POST",
        body: form,
        headers: s ? { cookie: s.cookie, "x-csrf-token": s.csrf } : {},
      });
      expect(res.status, `${who} ${side}`).toBe(expected);
    }
  });

  it("a write without the CSRF token is refused even for the right role", async () => {
    const s = sessions.coordinator;
    const res = await app.request(`/api/plans/${planId}/reminders/run`, {
      method: "POST",
      headers: { cookie: s?.cookie ?? "" },
    });
    expect(res.status).toBe(403);
  });
});
