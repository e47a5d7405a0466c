/**
 * Sessions in the database, so several server processes share them. The cookie
 * `kehoach_session` holds a random 32-byte token; only its SHA-256 is stored. A session lasts
 * 12 hours after it was last used (sliding), carries its own CSRF token, and ends at logout.
 *
 * Sign-in (`signIn`) is here too: every attempt passes the sign-in throttle first
 * (auth/throttle.ts: growing waits per username and address, per account unless the browser is
 * known to it, and against password spraying per address; never a lock), then the password
 * check. An unknown or disabled user costs the same password check and gets the same answer as
 * a wrong password, so the answers do not tell which usernames exist.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { appendAudit, type Tx } from "../../db/audit.ts";
import type { Db } from "../../db/connection.ts";
import { dropLoginAttempt, markAttemptSucceeded, recordLoginAttempt } from "../../db/login-attempts.ts";
import { sessions, users } from "../../db/schema.ts";
import { findUserForLogin, getUser, normalizeUsername, type UserRecord } from "../../db/users.ts";
import { AppError } from "../../domain/errors.ts";
import type { Actor } from "../policies.ts";
import { verifyNothing, verifyPassword } from "./password.ts";
import { deviceToken, isKnownDevice, rateLimited, throttleWait } from "./throttle.ts";

export const SESSION_COOKIE = "kehoach_session";
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often (a busy page does not write on every request). */
const SLIDE_EVERY_MS = 60 * 1000;

/** The session on the context (`c.get("session")`). */
export interface SessionRef {
  id: number;
  userId: number;
  csrfToken: string;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function actorOf(user: UserRecord): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    agencyId: user.agencyId,
    isAdmin: user.roles.some((r) => r.role === "administrator"),
    roles: user.roles,
  };
}

/** A new session for the user: the cookie token (never stored) and the session's CSRF token. */
export async function createSession(
  db: Db | Tx,
  userId: number,
  now = new Date(),
): Promise<{ token: string; session: SessionRef; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  // Expired sessions are of no use to anyone: sweep them when a new one starts.
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  const [row] = await db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId, csrfToken, createdAt: now, lastSeenAt: now, expiresAt })
    .returning({ id: sessions.id });
  if (!row) throw new Error("insert session returned nothing");
  return { token, session: { id: row.id, userId, csrfToken }, expiresAt };
}

/**
 * The live session of a cookie token and its actor, or null (unknown, expired, or the user is
 * disabled). Using a session extends it by 12 hours.
 */
export async function loadSession(
  db: Db,
  token: string,
  now = new Date(),
): Promise<{ session: SessionRef; actor: Actor; user: UserRecord } | null> {
  if (!token || token.length > 128) return null;
  const [row] = await db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now), isNull(users.disabledAt)),
    );
  if (!row) return null;
  const user = await getUser(db, row.userId);
  if (!user) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= SLIDE_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) })
      .where(eq(sessions.id, row.id));
  }
  return {
    session: { id: row.id, userId: row.userId, csrfToken: row.csrfToken },
    actor: actorOf(user),
    user,
  };
}

/** Ends one session (logout), with an audit row. */
export async function endSession(db: Db, session: SessionRef, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, session.id));
    await appendAudit(tx, {
      actor,
      action: "auth.logout",
      entity: "user",
      entityId: session.userId,
    });
  });
}

// ─── Cookie ──────────────────────────────────────────────────────────────────────────────

/** Cookies are Secure over https (or behind a proxy that says so) and always in production. */
export function secureRequest(c: Context): boolean {
  if (process.env.NODE_ENV === "production") return true;
  if (new URL(c.req.url).protocol === "https:") return true;
  return c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/**
 * HttpOnly, SameSite=Lax, Path=/, Secure over https or in production. No Max-Age: the browser
 * forgets it when closed; the server's 12-hour sliding expiry decides the rest.
 */
export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: secureRequest(c),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "Lax", secure: secureRequest(c) });
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/**
 * The client's address for the sign-in throttle: the socket's remote address; behind a reverse
 * proxy set KEHOACH_TRUST_PROXY=1 to take the last X-Forwarded-For entry (the one the proxy
 * added). null when unknown (in-process requests): then the address rule does not apply and all
 * such attempts of a username share one pair.
 */
export function clientAddress(c: Context): string | null {
  if (process.env.KEHOACH_TRUST_PROXY === "1") {
    const forwarded = c.req
      .header("x-forwarded-for")
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const last = forwarded?.at(-1);
    if (last) return last;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

// ─── Sign-in ─────────────────────────────────────────────────────────────────────────────

const BAD_CREDENTIALS = {
  en: "Wrong username or password.",
  vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
};

/**
 * Checks a username and password and starts a session; throws RATE_LIMITED (wait, with
 * details.retryAfterSeconds) or UNAUTHORIZED (one message for an unknown user and a wrong
 * password). `device` is the browser's known-device cookie; the answer carries a fresh one.
 */
export async function signIn(
  db: Db,
  {
    username,
    password,
    ip,
    device,
    now = new Date(),
  }: { username: string; password: string; ip: string | null; device?: string; now?: Date },
): Promise<{ token: string; session: SessionRef; user: UserRecord; actor: Actor; deviceToken: string }> {
  const name = normalizeUsername(username);
  const user = await findUserForLogin(db, name);
  const knownDevice = isKnownDevice(device, user, now);
  const attemptId = await recordLoginAttempt(db, { username: name, ip, at: now });
  const wait = await throttleWait(db, { username: name, ip, knownDevice, before: attemptId, now });
  if (wait > 0) {
    await dropLoginAttempt(db, attemptId);
    throw rateLimited(wait);
  }
  const usable = user !== null && user.disabledAt === null;
  const ok = usable ? await verifyPassword(user.passwordHash, password) : await verifyNothing(password);
  if (!usable || !ok) throw new AppError("UNAUTHORIZED", BAD_CREDENTIALS);
  const { token, session } = await db.transaction(async (tx) => {
    await markAttemptSucceeded(tx, attemptId);
    const started = await createSession(tx, user.id, now);
    await appendAudit(tx, { actor: user.username, action: "auth.login", entity: "user", entityId: user.id });
    return started;
  });
  const record = await getUser(db, user.id);
  if (!record) throw new AppError("UNAUTHORIZED", BAD_CREDENTIALS);
  return { token, session, user: record, actor: actorOf(record), deviceToken: deviceToken(user, now) };
}
