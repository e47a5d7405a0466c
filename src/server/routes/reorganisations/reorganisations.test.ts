/**
 * HTTP: reorganisations are the administrator's (REGULATIONS.md §5): a coordinator is refused;
 * a draft is previewed, applied and reversed before its date; a reverse once it is in effect is
 * refused with REORGANISATION_IN_EFFECT; bad input names the field and records nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../app.ts";
import { startTestApp, type TestApp } from "../../test-app.ts";
import { login, send, type TestSession } from "../../test-auth.ts";

let t: TestApp;
let admin: TestSession;
let coordinator: TestSession;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestApp();
  admin = await login(t.app, "admin");
  coordinator = await login(t.app, "sct.dieuphoi");
  const list = (await t.get<{ items: { id: number; name: string }[] }>("/api/agencies")).body.items;
  for (const a of list) ids[a.name] = a.id;
}, 180_000);
afterAll(async () => t?.close());

describe("/api/reorganisations", () => {
  it("lists the seeded 2025 decisions, the unconfirmed number as null; a coordinator is refused", async () => {
    const res = await send(t.app, admin, "GET", "/api/reorganisations");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { title: string; number: string | null; state: string }[] };
    expect(body.items).toHaveLength(3);
    expect(body.items.every((r) => r.state === "applied")).toBe(true);
    expect(body.items.find((r) => r.title.startsWith("Sắp xếp các sở"))?.number).toBeNull();
    expect((await send(t.app, coordinator, "GET", "/api/reorganisations")).status).toBe(403);
  });

  it("create → preview → apply → reverse before the date; reverse in effect is refused", async () => {
    const draft = {
      province: "Tuyên Quang",
      title: "Thử nghiệm",
      effectiveOn: "2027-01-01",
      changes: [{ kind: "merge", from: [ids["Trung tâm Xúc tiến đầu tư"]], to: ids["Sở Tài chính"] }],
    };
    const created = await send(t.app, admin, "POST", "/api/reorganisations", draft);
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: number };
    const pv = (await (await send(t.app, admin, "GET", `/api/reorganisations/${id}/preview`)).json()) as {
      assignments: { code: string; to: { name: string } }[];
    };
    expect(pv.assignments.length).toBe(2);
    expect(pv.assignments.every((a) => a.to.name === "Sở Tài chính")).toBe(true);
    expect((await send(t.app, admin, "POST", `/api/reorganisations/${id}/apply`)).status).toBe(200);
    // The same app on 01/01/2027: in effect, refused.
    const later = createApp({ database: t.database, now: () => new Date("2027-01-02T03:00:00Z") });
    const adminLater = await login(later, "admin");
    const refused = await send(later, adminLater, "POST", `/api/reorganisations/${id}/reverse`);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      "REORGANISATION_IN_EFFECT",
    );
    const reversed = await send(t.app, admin, "POST", `/api/reorganisations/${id}/reverse`);
    expect(reversed.status).toBe(200);
    expect(((await reversed.json()) as { reorganisation: { state: string } }).reorganisation.state).toBe(
      "reversed",
    );
  });

  it("refuses an unknown agency naming the field, recording nothing", async () => {
    const before = (
      (await (await send(t.app, admin, "GET", "/api/reorganisations")).json()) as { items: unknown[] }
    ).items.length;
    const res = await send(t.app, admin, "POST", "/api/reorganisations", {
      province: "Tuyên Quang",
      title: "Sai",
      effectiveOn: "2027-01-01",
      changes: [{ kind: "merge", from: [999999], to: ids["Sở Tài chính"] }],
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: { field: string }[] } };
    expect(body.error.fields.map((f) => f.field)).toEqual(["changes[0].from[0]"]);
    const after = (
      (await (await send(t.app, admin, "GET", "/api/reorganisations")).json()) as { items: unknown[] }
    ).items.length;
    expect(after).toBe(before);
  });

  it("the task page's data shows the owner history of a task Sở KH&ĐT led", async () => {
    const page = await t.get<{
      items: { leads: { name: string }[]; ownerHistory?: { name: string; validTo: string | null }[] }[];
    }>(`/api/tasks?plan=${t.planId}&agency=${ids["Sở Kế hoạch và Đầu tư"]}&pageSize=100`);
    const task = page.body.items.find((x) =>
      x.ownerHistory?.some((h) => h.name === "Sở Kế hoạch và Đầu tư" && h.validTo === "2025-02-28"),
    );
    expect(task?.leads.map((l) => l.name)).toContain("Sở Tài chính");
    expect(task?.leads.map((l) => l.name)).not.toContain("Sở Kế hoạch và Đầu tư");
  });

  it("an agency's page counts the tasks it holds that day; what a ceased agency held is listed as handed over", async () => {
    type Detail = {
      lead: { id: number }[];
      handedOver: { role: string; until: string; task: { id: number } }[];
    };
    type Summary = { items: { id: number; name: string; leadCount: number }[] };
    const khdt = ids["Sở Kế hoạch và Đầu tư"] as number;
    const stc = ids["Sở Tài chính"] as number;
    const at = (iso: string) => createApp({ database: t.database, now: () => new Date(iso) });
    const in2026 = at("2026-12-07T03:00:00Z");
    const in2022 = at("2022-04-01T03:00:00Z");
    const now = (await (await in2026.request(`/api/agencies/${khdt}`)).json()) as Detail;
    expect(now.lead).toHaveLength(0);
    expect(now.handedOver.length).toBeGreaterThan(0);
    expect(now.handedOver.every((h) => h.until === "2025-02-28")).toBe(true);
    const then = (await (await in2022.request(`/api/agencies/${khdt}`)).json()) as Detail;
    expect(then.lead.map((x) => x.id).sort()).toEqual(
      now.handedOver
        .filter((h) => h.role === "lead")
        .map((h) => h.task.id)
        .sort(),
    );
    expect(then.handedOver).toHaveLength(0);
    const count = async (app: ReturnType<typeof at>, id: number) =>
      ((await (await app.request("/api/agencies")).json()) as Summary).items.find((a) => a.id === id)
        ?.leadCount;
    expect(await count(in2026, khdt)).toBe(0);
    expect(await count(in2022, khdt)).toBe(then.lead.length);
    expect(await count(in2026, stc)).toBeGreaterThanOrEqual(then.lead.length);
  });
});
