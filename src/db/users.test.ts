/** Accounts at the database level: roles as stored, demo accounts idempotent, lockout counter. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../server/auth/password.ts";
import { auditLog, users } from "./schema.ts";
import { seedDemo } from "./seed.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedAccounts } from "./seed-accounts.ts";
import { seededTestDb, type TestDatabase } from "./test-db.ts";
import { createUser, getUser, normalizeUsername, updateUser } from "./users.ts";

let database: TestDatabase;
let planId: number;

beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  ({ database, planId } = await seededTestDb());
});
afterAll(async () => {
  await database?.close();
});

describe("demo accounts", () => {
  it("are created once, with the demo password, and listed again on a second seed", async () => {
    const again = await seedDemo(database);
    expect(again.imported).toBe(false);
    expect(again.accounts.map((a) => a.username)).toEqual(DEMO_ACCOUNTS.map((a) => a.username));
    expect(await seedAccounts(database.db, planId)).toHaveLength(DEMO_ACCOUNTS.length);
    const rows = await database.db.select().from(users);
    expect(rows).toHaveLength(DEMO_ACCOUNTS.length);
    const leader = rows.find((u) => u.username === "skhdt.lanhdao");
    expect(leader && (await verifyPassword(leader.passwordHash, DEMO_PASSWORD))).toBe(true);
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(10);
  });

  it("give each reporter and leader its agency in the plan", async () => {
    const all = await database.db.select({ id: users.id, username: users.username }).from(users);
    for (const spec of DEMO_ACCOUNTS) {
      const id = all.find((u) => u.username === spec.username)?.id ?? 0;
      const user = await getUser(database.db, id);
      expect(user?.agencyName ?? null, spec.username).toBe(spec.agency);
      const role = user?.roles[0];
      expect(role?.role).toBe(spec.role);
      if (spec.role === "administrator")
        expect(role).toEqual({ role: "administrator", planId: null, agencyId: null });
      else expect(role).toEqual({ role: spec.role, planId, agencyId: user?.agencyId });
    }
  });
});

describe("users", () => {
  it("normalises usernames", () => {
    expect(normalizeUsername("  SKHDT.BaoCao ")).toBe("skhdt.baocao");
  });

  it("stores an administrator role without plan or agency, and drops duplicate roles", async () => {
    const u = await createUser(
      database.db,
      {
        username: "Second.Admin",
        displayName: "Second",
        passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
        roles: [{ role: "administrator", planId, agencyId: 1 }, { role: "administrator" }],
      },
      "test",
    );
    expect(u.username).toBe("second.admin");
    expect(u.roles).toEqual([{ role: "administrator", planId: null, agencyId: null }]);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, "user.create"));
    expect(JSON.stringify(audit)).not.toContain("argon2");
    const changed = await updateUser(database.db, u.id, { email: "a@b.vn" }, { userId: 0, username: "test" });
    expect(changed?.email).toBe("a@b.vn");
  });
});
