/**
 * A failed query is logged with its SQLSTATE and statement, never with its parameters (real
 * database, both engines): a unique violation carrying a password hash, through the app's error
 * handler, and through the reminder job's log.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { handleError } from "../server/error-handler.ts";
import { startReminderJob } from "../server/reminder-job.ts";
import { describeError } from "./log-error.ts";
import { users } from "./schema.ts";
import { createTestDb, type TestDatabase } from "./test-db.ts";

const SECRET_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0LXNhbHQ$SECRET-HASH-VALUE";
const SECRET_NAME = "secret-person-7f3a";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDb();
  await database.db
    .insert(users)
    .values({ username: SECRET_NAME, displayName: "A", passwordHash: SECRET_HASH });
});
afterAll(async () => {
  await database?.close();
});

/** A query that fails (the username is taken) with the secret hash and name as parameters. */
const failingInsert = () =>
  database.db.insert(users).values({ username: SECRET_NAME, displayName: "B", passwordHash: SECRET_HASH });

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("the query did not fail");
}

function expectSafe(line: string) {
  expect(line).toContain("23505");
  expect(line).toContain("users_username_uq");
  expect(line).toMatch(/statement: insert into "users"/);
  expect(line).toContain("$1");
  expect(line).not.toContain("SECRET-HASH-VALUE");
  expect(line).not.toContain("argon2");
  expect(line).not.toContain(SECRET_NAME);
}

describe("logging a failed query", () => {
  it("the error itself carries the secret (what must not reach the log)", async () => {
    const err = (await caught(failingInsert())) as Error;
    expect(`${err.message} ${err.stack}`).toContain("SECRET-HASH-VALUE");
  });

  it("the app's error handler logs the code and the statement, not the parameters", async () => {
    const app = new OpenAPIHono();
    app.onError(handleError);
    app.post("/boom", async () => {
      await failingInsert();
      return new Response("unreachable");
    });
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await app.request("/boom", { method: "POST" });
      expect(res.status).toBe(500);
      expect(await res.text()).not.toContain("SECRET");
      const logged = spy.mock.calls.map((args) => args.map(String).join(" ")).join("\n");
      expect(logged).toContain("POST /boom");
      expectSafe(logged);
    } finally {
      spy.mockRestore();
    }
  });

  it("the reminder job logs a failed run the same way", async () => {
    // The job's first query fails as PGlite's and node-postgres's errors do: a statement,
    // parameters, a SQLSTATE and a message quoting a value.
    const lines: string[] = [];
    const spy = vi.spyOn(database.db, "select").mockImplementationOnce(() => {
      throw Object.assign(new Error(`Failed query: select … params: ${SECRET_HASH}`), {
        query: 'select "plan_id" from "reporting_regimes" where "x" = $1',
        params: [SECRET_HASH],
        cause: Object.assign(new Error(`invalid input syntax: "${SECRET_NAME}"`), { code: "22P02" }),
      });
    });
    const job = startReminderJob(database, 60_000, { mailer: null, log: (l) => lines.push(l) });
    try {
      await vi.waitFor(() => expect(lines.length).toBeGreaterThan(0));
    } finally {
      spy.mockRestore();
      await job.stop();
    }
    const logged = lines.join("\n");
    expect(logged).toContain("reminder job failed");
    expect(logged).toContain("22P02");
    expect(logged).toContain('statement: select "plan_id"');
    expect(logged).not.toContain("SECRET-HASH-VALUE");
    expect(logged).not.toContain(SECRET_NAME);
  });

  it("keeps the message of an error that is not a database error, and follows causes", () => {
    const line = describeError(new Error("outer", { cause: new TypeError("inner") }));
    expect(line).toMatch(/^Error: outer ← cause: TypeError: inner \| at /);
  });

  it("a value made to look like a stack frame does not reach the log", async () => {
    const forged = `x\n    at ${SECRET_NAME}`;
    const err = await caught(
      database.db.insert(users).values({ username: SECRET_NAME, displayName: "C", passwordHash: forged }),
    );
    expect(describeError(err)).not.toContain(SECRET_NAME);
  });
});
