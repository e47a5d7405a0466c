/**
 * The audit log through the API (issue 8, defect 1: "the audit log leaks drafts and other
 * plans"): a coordinator of plan B reads none of plan A's rows; a coordinator reads that another
 * agency saved its draft, never what it wrote — in new rows (stored as a digest) and in rows
 * written before (full drafts, hidden when shown); reporters read no audit; the chain check is
 * answered for the reader's scope and still holds with old rows present.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit } from "../../../db/audit.ts";
import { auditLog, plans } from "../../../db/schema.ts";
import { seededTestDb, type TestDatabase } from "../../../db/test-db.ts";
import { createUser } from "../../../db/users.ts";
import { createApp } from "../../app.ts";
import { hashPassword } from "../../auth/password.ts";
import { call, DEMO_PASSWORD, login, type TestSession } from "../../test-auth.ts";

interface Row {
  id: number;
  action: string;
  entity: string;
  entityId: string | null;
  planId: number | null;
  province: string | null;
  before: unknown;
  after: Record<string, unknown> | null;
  redacted: boolean;
}
interface Chain {
  ok: boolean;
  rows: number;
  brokenAt: number | null;
  brokenOutsideScope: boolean;
}

const SECRET_SUMMARY = "Bí mật: số liệu chưa thống nhất với Sở Tài chính";
const SECRET_RESULT = "Kết quả nháp chưa được lãnh đạo duyệt";
const OLD_SECRET = "Bản nháp cũ ghi toàn văn trong nhật ký";

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let planA = 0;
let planB = 0;
let skhdtReport = 0;
let sctReport = 0;
const s: Record<string, TestSession> = {};
const as = (who: string) => s[who] ?? null;

async function saveDraft(who: string, expectedId: number, summary: string, result: string) {
  const got = await call<{ report: { version: number }; tasks: { id: number }[] }>(
    app,
    as(who),
    "GET",
    `/api/reports/${expectedId}`,
  );
  expect(got.status).toBe(200);
  const taskId = got.body.tasks[0]?.id;
  const saved = await call(app, as(who), "PUT", `/api/reports/${expectedId}`, {
    version: got.body.report.version,
    summary,
    updates: [{ taskId, status: "in_progress", result }],
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}

beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  ({ database, planId: planA } = await seededTestDb());
  const clock = new Date("2022-03-01T03:00:00Z");
  app = createApp({ database, now: () => clock });
  const [b] = await database.db
    .insert(plans)
    .values({ title: "Kế hoạch khoáng sản", province: "Lào Cai", contentHash: "audit-test-plan-b" })
    .returning({ id: plans.id });
  planB = b?.id ?? 0;
  await createUser(
    database.db,
    {
      username: "laocai.dieuphoi",
      displayName: "Điều phối — Lào Cai",
      passwordHash: await hashPassword(DEMO_PASSWORD),
      roles: [{ role: "coordinator", planId: planB }],
    },
    "test",
  );
  for (const u of ["admin", "sct.dieuphoi", "sct.baocao", "skhdt.baocao", "laocai.dieuphoi"])
    s[u] = await login(app, u);
  const opened = await call(app, as("sct.dieuphoi"), "POST", `/api/plans/${planA}/periods`, {
    frequency: "quarterly",
    label: "2022-Q1",
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  const list = await call<{ items: { id: number; agency: { name: string } }[] }>(
    app,
    as("sct.dieuphoi"),
    "GET",
    `/api/expected-reports?plan=${planA}`,
  );
  const idOf = (name: string) => list.body.items.find((e) => e.agency.name === name)?.id ?? 0;
  skhdtReport = idOf("Sở Kế hoạch và Đầu tư");
  sctReport = idOf("Sở Công Thương");
  await saveDraft("skhdt.baocao", skhdtReport, SECRET_SUMMARY, SECRET_RESULT);
  await saveDraft("sct.baocao", sctReport, "Báo cáo của Sở Công Thương", "Đang triển khai");
  // Plan B's own history.
  await appendAudit(database.db, {
    actor: "laocai.dieuphoi",
    action: "regime.save",
    entity: "plan",
    entityId: planB,
    planId: planB,
  });
});
afterAll(async () => {
  await database?.close();
});

const audit = (who: string, query = "") => call<Row[]>(app, as(who), "GET", `/api/audit${query}`);
const verify = (who: string, query = "") => call<Chain>(app, as(who), "GET", `/api/audit/verify${query}`);

describe("GET /api/audit is scoped to the reader's plans", () => {
  it("a coordinator of plan B reads plan B's rows only, with or without ?plan, and none of plan A", async () => {
    for (const q of [`?plan=${planB}`, ""]) {
      const got = await audit("laocai.dieuphoi", q);
      expect(got.status).toBe(200);
      expect(got.body.map((r) => r.action)).toEqual(["regime.save"]);
      expect(got.body.every((r) => r.planId === planB)).toBe(true);
      expect(JSON.stringify(got.body)).not.toContain(SECRET_SUMMARY);
    }
    expect((await audit("laocai.dieuphoi", `?plan=${planA}`)).status).toBe(403);
  });

  it("plan A's coordinator reads plan A's rows, not plan B's nor the global ones (sign-ins, users)", async () => {
    const got = await audit("sct.dieuphoi", `?plan=${planA}&limit=1000`);
    expect(got.status).toBe(200);
    expect(got.body.some((r) => r.action === "period.open")).toBe(true);
    expect(got.body.some((r) => r.planId === planB)).toBe(false);
    expect(got.body.some((r) => r.entity === "user")).toBe(false);
    expect(got.body.every((r) => r.planId === planA || r.province === "Tuyên Quang")).toBe(true);
  });

  it("an administrator reads everything without ?plan, and only the plan's rows with it", async () => {
    const all = await audit("admin", "?limit=1000");
    expect(all.body.some((r) => r.planId === planB)).toBe(true);
    expect(all.body.some((r) => r.action === "auth.login")).toBe(true);
    const one = await audit("admin", `?plan=${planB}`);
    expect(one.body.map((r) => r.action)).toEqual(["regime.save"]);
  });

  it("reporters read no audit log, with or without a plan", async () => {
    for (const q of [`?plan=${planA}`, ""]) {
      expect((await audit("skhdt.baocao", q)).status).toBe(403);
      expect((await verify("skhdt.baocao", q)).status).toBe(403);
    }
  });
});

describe("another agency's draft is never shown through the audit log", () => {
  it("the coordinator sees that Sở KH&ĐT saved its draft, and its sizes, not what it wrote", async () => {
    // The parity: the report itself is refused to the coordinator while it is a draft.
    expect((await call(app, as("sct.dieuphoi"), "GET", `/api/reports/${skhdtReport}`)).status).toBe(403);
    const got = await audit("sct.dieuphoi", `?plan=${planA}&entity=report&entityId=${skhdtReport}`);
    expect(got.status).toBe(200);
    const save = got.body.find((r) => r.action === "report.save");
    expect(save).toMatchObject({
      redacted: true,
      after: { state: "draft", version: 1, content: { summaryChars: SECRET_SUMMARY.length, updates: 1 } },
    });
    expect(JSON.stringify(got.body)).not.toContain(SECRET_SUMMARY);
    expect(JSON.stringify(got.body)).not.toContain(SECRET_RESULT);
    expect(JSON.stringify(save)).not.toContain("sha256");
  });

  it("the stored row keeps a digest of the draft, never the draft", async () => {
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "report.save"), eq(auditLog.entityId, String(skhdtReport))));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain(SECRET_SUMMARY);
    expect(JSON.stringify(rows[0])).not.toContain(SECRET_RESULT);
    expect(rows[0]?.after).toMatchObject({ content: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(rows[0]?.planId).toBe(planA);
  });

  it("the coordinator's own agency's draft is shown as stored (its digest)", async () => {
    const got = await audit("sct.dieuphoi", `?plan=${planA}&entity=report&entityId=${sctReport}`);
    const save = got.body.find((r) => r.action === "report.save");
    expect(save?.redacted).toBe(false);
    expect(save?.after).toMatchObject({ content: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  });

  it("a row written before, with the whole draft in it, is hidden when shown, not rewritten", async () => {
    // What the code before this change wrote: no plan, the whole draft in `after`.
    await appendAudit(database.db, {
      actor: "skhdt.baocao",
      action: "report.save",
      entity: "report",
      entityId: skhdtReport,
      before: { state: "draft", version: 1, summary: SECRET_SUMMARY },
      after: {
        state: "draft",
        version: 2,
        summary: OLD_SECRET,
        updates: [{ taskId: 1, status: "in_progress", result: OLD_SECRET }],
      },
    });
    const file = path.join(import.meta.dirname, "../../../../drizzle/0005_audit_scope_backfill.sql");
    for (const stmt of readFileSync(file, "utf8").split("--> statement-breakpoint"))
      if (stmt.replace(/--.*$/gm, "").trim()) await database.db.execute(sql.raw(stmt));
    for (const who of ["sct.dieuphoi", "admin"]) {
      const got = await audit(who, `?plan=${planA}&entity=report&entityId=${skhdtReport}`);
      const old = got.body.find((r) => r.action === "report.save" && r.after?.version === 2);
      expect(old, who).toMatchObject({
        redacted: true,
        planId: planA,
        after: { content: { summaryChars: OLD_SECRET.length, updates: 1 } },
      });
      expect(JSON.stringify(got.body)).not.toContain(OLD_SECRET);
      expect(JSON.stringify(got.body)).not.toContain(SECRET_SUMMARY);
    }
    // Stored as it was written: the chain holds over old and new rows.
    const [stored] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actor, "skhdt.baocao"))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(JSON.stringify(stored?.after)).toContain(OLD_SECRET);
    expect((await verify("admin")).body).toMatchObject({ ok: true, brokenAt: null });
  });
});

describe("GET /api/audit/verify answers for the reader's scope", () => {
  it("counts only the reader's rows", async () => {
    const total = (await verify("admin")).body;
    const mine = (await verify("laocai.dieuphoi", `?plan=${planB}`)).body;
    expect(mine).toEqual({ ok: true, rows: 1, brokenAt: null, brokenOutsideScope: false });
    expect(total.rows).toBeGreaterThan(mine.rows);
    expect((await verify("laocai.dieuphoi")).body).toEqual(mine);
  });

  it("a break in plan A's rows is named to plan A's coordinator, and only reported to plan B's", async () => {
    const [row] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "period.open"), eq(auditLog.planId, planA)));
    if (!row) throw new Error("no period.open row");
    await database.db.update(auditLog).set({ actor: "someone else" }).where(eq(auditLog.id, row.id));
    expect((await verify("sct.dieuphoi", `?plan=${planA}`)).body).toMatchObject({
      ok: false,
      brokenAt: row.id,
      brokenOutsideScope: false,
    });
    expect((await verify("laocai.dieuphoi", `?plan=${planB}`)).body).toEqual({
      ok: false,
      rows: 1,
      brokenAt: null,
      brokenOutsideScope: true,
    });
  });
});
