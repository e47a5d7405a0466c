/**
 * No lost updates: two editors saving the same draft at the same moment, on two separate
 * connections (two server processes on PostgreSQL), get exactly one success and one conflict.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../connection.ts";
import { agencies } from "../schema.ts";
import { seededTestDb, type TestDatabase } from "../test-db.ts";
import { listExpected } from "./expected.ts";
import { openPeriod } from "./periods.ts";
import { getReport, saveDraft } from "./reports.ts";

let first: TestDatabase;
let second: Database;
let expectedId = 0;
let taskId = 0;

beforeAll(async () => {
  // A copy of the template that seedDemo built once for the run (test-templates.ts).
  let planId: number;
  ({ database: first, planId } = await seededTestDb());
  await openPeriod(first.db, planId, "quarterly", "2022-Q1", { userId: null, username: "test" });
  const [sct] = await first.db.select().from(agencies).where(eq(agencies.name, "Sở Công Thương"));
  const er = (await listExpected(first.db, { planId, agencyId: sct?.id })).at(0);
  expectedId = er?.id ?? 0;
  taskId = (await getReport(first.db, expectedId)).tasks[0]?.id ?? 0;
  if (process.env.DATABASE_URL) {
    // A second pool on the same database: another server process.
    const res = (await first.db.execute(sql`select current_database() as name`)) as unknown as {
      rows: { name: string }[];
    };
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${res.rows[0]?.name}`;
    second = await openDatabase({ url: url.toString() });
  } else {
    second = first;
  }
});

afterAll(async () => {
  if (second && second !== first) await second.close();
  await first?.close();
});

describe("two editors, one draft", () => {
  it("saves exactly one of two concurrent saves from the same version; the other gets VERSION_CONFLICT", async () => {
    const base = await saveDraft(
      first.db,
      expectedId,
      { version: 0, updates: [{ taskId, status: "in_progress", result: "gốc" }] },
      { userId: null, username: "a" },
    );
    const v = base.report.version;
    const results = await Promise.allSettled([
      saveDraft(
        first.db,
        expectedId,
        { version: v, updates: [{ taskId, status: "in_progress", result: "người A" }] },
        { userId: null, username: "a" },
      ),
      saveDraft(
        second.db,
        expectedId,
        { version: v, updates: [{ taskId, status: "in_progress", result: "người B" }] },
        { userId: null, username: "b" },
      ),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect((failed[0]?.reason as { code?: string } | undefined)?.code).toBe("VERSION_CONFLICT");
    const now = await getReport(first.db, expectedId);
    expect(now.report.version).toBe(v + 1);
    const winner = (ok[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof saveDraft>>>).value.report
      .updates[0]?.result;
    expect(now.report.updates[0]?.result).toBe(winner);
  });
});
