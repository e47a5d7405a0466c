/**
 * The sign-in throttle (throttle.ts) on a real database, both engines: nobody locks out the owner
 * of a known browser, one person's typos do not block an office, and guessing stays as slow as
 * the rule's JSDoc promises (counted with a simulated clock through `signIn` itself).
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAttempts } from "../../db/schema.ts";
import { AppError } from "../../domain/errors.ts";
import { startTestApp, type TestApp } from "../test-app.ts";
import { DEMO_PASSWORD, sessionCookieOf } from "../test-auth.ts";
import { signIn } from "./sessions.ts";
import { DEVICE_COOKIE } from "./throttle.ts";

let ctx: TestApp;

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await ctx?.close();
});

/** A sign-in from `address`, with the browser's known-device cookie when given. */
function attempt(username: string, password: string, address: string, device?: string) {
  return ctx.app.request(
    "/api/auth/login",
    {
      method: "POST",
      headers: { "content-type": "application/json", ...(device ? { cookie: device } : {}) },
      body: JSON.stringify({ username, password }),
    },
    { incoming: { socket: { remoteAddress: address } } },
  );
}

/** The `kehoach_device=…` pair a response sets (and its whole Set-Cookie line). */
function deviceOf(res: Response): { pair: string; line: string } {
  const line = (res.headers.getSetCookie?.() ?? []).find((l) => l.startsWith(`${DEVICE_COOKIE}=`)) ?? "";
  return { pair: line.split(";")[0] ?? "", line };
}

const statusOf = async (res: Response | Promise<Response>) => (await res).status;

/** Failed attempts of the username from `n` addresses, one each (no pair waits; 10 are free for the account). */
async function failFromMany(username: string, n: number, prefix: string) {
  for (let i = 0; i < n; i++)
    expect(await statusOf(attempt(username, "wrong-password", `${prefix}.${i}`))).toBe(401);
}

describe("the owner of a known browser", () => {
  it("signs in however many guesses come from other addresses; an unknown browser waits", async () => {
    const owner = "skhdt.baocao";
    const first = await attempt(owner, DEMO_PASSWORD, "192.0.2.1");
    expect(first.status).toBe(200);
    const device = deviceOf(first);
    expect(device.line).toMatch(/HttpOnly/i);
    expect(device.line).toMatch(/SameSite=Strict/i);
    expect(device.line).toMatch(/Path=\/api\/auth/);
    expect(device.line).toMatch(/Max-Age=15552000/);
    await failFromMany(owner, 10, "198.18.0");
    const stranger = await attempt(owner, DEMO_PASSWORD, "192.0.2.2");
    expect(stranger.status).toBe(429);
    expect(Number(stranger.headers.get("retry-after"))).toBeGreaterThan(0);
    // The owner's browser, from home or from another address, is not slowed by the account rule.
    expect(await statusOf(attempt(owner, DEMO_PASSWORD, "192.0.2.1", device.pair))).toBe(200);
    expect(await statusOf(attempt(owner, DEMO_PASSWORD, "192.0.2.3", device.pair))).toBe(200);
  });

  it("a forged token, another account's token, or one from before a password change does not count", async () => {
    const owner = "sct.baocao";
    const mine = deviceOf(await attempt(owner, DEMO_PASSWORD, "192.0.2.10")).pair;
    const other = deviceOf(await attempt("sct.lanhdao", DEMO_PASSWORD, "192.0.2.10")).pair;
    await failFromMany(owner, 10, "198.18.1");
    const forged = `${mine.slice(0, -2)}${mine.endsWith("AA") ? "BB" : "AA"}`;
    for (const cookie of [forged, other, `${DEVICE_COOKIE}=1.abc.def`])
      expect(await statusOf(attempt(owner, DEMO_PASSWORD, "192.0.2.10", cookie))).toBe(429);
    // A password change voids the old token; the changing browser gets a new one.
    const signedIn = await attempt(owner, DEMO_PASSWORD, "192.0.2.10", mine);
    expect(signedIn.status).toBe(200);
    const csrf = ((await signedIn.json()) as { csrfToken: string }).csrfToken;
    const changed = await ctx.app.request("/api/auth/password", {
      method: "POST",
      headers: {
        cookie: sessionCookieOf(signedIn) ?? "",
        "x-csrf-token": csrf,
        "content-type": "application/json",
      },
      body: JSON.stringify({ currentPassword: DEMO_PASSWORD, newPassword: "another-password-5" }),
    });
    expect(changed.status).toBe(200);
    const fresh = deviceOf(changed).pair;
    expect(fresh).toMatch(new RegExp(`^${DEVICE_COOKIE}=`));
    expect(await statusOf(attempt(owner, "another-password-5", "192.0.2.10", mine))).toBe(429);
    expect(await statusOf(attempt(owner, "another-password-5", "192.0.2.10", fresh))).toBe(200);
  });
});

describe("an office behind one address", () => {
  it("one person's 30 typos slow that person only: a colleague signs in", async () => {
    const office = "203.0.113.50";
    const db = ctx.database.db;
    const known = deviceOf(await attempt("stnmt.baocao", DEMO_PASSWORD, "192.0.2.20")).pair;
    expect(known).not.toBe("");
    // 30 typos within the last ten minutes (written directly: the pair rule would space them out).
    const now = Date.now();
    await db.insert(loginAttempts).values(
      Array.from({ length: 30 }, (_, i) => ({
        username: "stnmt.baocao",
        ip: office,
        success: false,
        at: new Date(now - 600_000 + i * 10_000),
      })),
    );
    expect(await statusOf(attempt("stnmt.lanhdao", DEMO_PASSWORD, office))).toBe(200);
    // The person who typed waits, even from a browser known to the account (the pair rule).
    expect(await statusOf(attempt("stnmt.baocao", DEMO_PASSWORD, office, known))).toBe(429);
    expect(await statusOf(attempt("stnmt.baocao", DEMO_PASSWORD, "192.0.2.20", known))).toBe(200);
  });

  it("a spraying address waits, but not a browser known to the account it signs in to", async () => {
    const office = "203.0.113.60";
    const known = deviceOf(await attempt("sgtvt.baocao", DEMO_PASSWORD, office)).pair;
    for (let i = 0; i < 30; i++)
      expect(await statusOf(attempt(`spray.${i}`, "wrong-password", office))).toBe(401);
    expect(await statusOf(attempt("sgtvt.lanhdao", DEMO_PASSWORD, office))).toBe(429);
    expect(await statusOf(attempt("sgtvt.baocao", DEMO_PASSWORD, office, known))).toBe(200);
    // The refused attempt guessed nothing and is not kept: 1 success, 30 failures, 1 success.
    const [row] = await ctx.database.db
      .select({ n: sql<number>`count(*)` })
      .from(loginAttempts)
      .where(eq(loginAttempts.ip, office));
    expect(Number(row?.n)).toBe(32);
  });
});

describe("guessing stays slow (a simulated day of an attacker who tries as soon as allowed)", () => {
  const HOUR = 3600_000;

  /** Tries wrong passwords for `ms` of simulated time; returns the times of checked guesses. */
  async function simulate(
    username: string,
    ms: number,
    options: { device?: string; address: (i: number) => string },
  ) {
    const start = Date.now() + 2 * HOUR;
    let t = start;
    const checked: number[] = [];
    for (let i = 0; t < start + ms; i++) {
      try {
        await signIn(ctx.database.db, {
          username,
          password: "wrong-password",
          ip: options.address(i),
          device: options.device,
          now: new Date(t),
        });
        throw new Error("a wrong password signed in");
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        if (e.code === "UNAUTHORIZED") {
          checked.push(t - start);
          t += 1000;
        } else {
          expect(e.code).toBe("RATE_LIMITED");
          t += Number(e.details?.retryAfterSeconds) * 1000;
        }
      }
    }
    return { firstHour: checked.filter((x) => x < HOUR).length, total: checked.length };
  }

  it("from many addresses, unknown browsers: ≤ 16 guesses of an account in the first hour, ≤ 40 a day", async () => {
    const r = await simulate("ghost.many", 24 * HOUR, { address: (i) => `10.${i >> 8}.${i & 255}.1` });
    expect(r.firstHour).toBe(16);
    expect(r.total).toBeLessThanOrEqual(40);
  });

  it("from one address and a browser known to the account: ≤ 13 in the first hour, ≤ 105 a day", async () => {
    const res = await attempt("bqlkcn.lanhdao", DEMO_PASSWORD, "192.0.2.30");
    const device = deviceOf(res).pair.split("=")[1];
    const r = await simulate("bqlkcn.lanhdao", 24 * HOUR, { device, address: () => "192.0.2.31" });
    expect(r.firstHour).toBe(13);
    expect(r.total).toBeLessThanOrEqual(105);
  });
});
