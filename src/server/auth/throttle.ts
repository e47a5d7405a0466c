/**
 * The sign-in throttle: guessing stays slow, and nobody can lock someone else out.
 *
 * Why this shape: a hard lockout after N failures (what this replaced) lets anyone lock any
 * account, the administrator's too, by typing wrong passwords, and a per-address failure cap
 * locks out a whole office behind one NAT for one person's typos. NIST SP 800-63B § 5.2.2 (rate
 * limiting) asks to limit failed attempts per account and names the alternatives to a lock:
 * waits that grow with the failures, and trusting a device the subscriber already signed in
 * from; OWASP ASVS v4 § 2.2.1 asks for anti-automation that does not enable denial of service
 * against the account. So there is no lock: an attempt is either checked, or answered 429
 * RATE_LIMITED with Retry-After before any password is checked (such an attempt guesses nothing
 * and is not counted). Only unresolved failures count (db/login-attempts.ts: a failure is
 * resolved when that username later signs in from that address: a typo).
 *
 * 1. Per username and address (the pair), always: 5 failures are free, then each next attempt
 *    waits 15 s after the pair's last failure, doubling per failure up to 15 min (failures of the
 *    last 24 h). One address guesses at most 13 passwords of an account in the first hour and 4 an
 *    hour after that (≤ 105 a day).
 * 2. Per username from every address (the account), unless the browser is known to it: 10
 *    failures are free, then each next attempt waits 30 s after the account's last failure,
 *    doubling up to 1 h (failures of the last 24 h). All addresses together guess at most 16
 *    passwords of an account in the first hour and 1 an hour after that (≤ 40 a day).
 * 3. Per address, unless the browser is known to the account: when 30 different usernames have
 *    failed from it in the last hour (password spraying), it waits until fewer have. One person's
 *    30 typos are one username: the colleagues behind the same address still sign in.
 *
 * A known browser holds the `kehoach_device` cookie, set at each successful sign-in: the user id,
 * the time and an HMAC of both keyed with the account's password hash (valid 180 days). Only
 * someone who signed in to the account has one, and a password change or reset voids them all;
 * so the owner signs in from a known browser however many guesses the attacker makes (rules 2
 * and 3 do not apply), and rule 1 still bounds guessing from it. An unknown username follows
 * the same rules as a known one and gets the same answers: they name no account.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { Db } from "../../db/connection.ts";
import { nthFailedUsernameFrom, pairAndAccountFailures } from "../../db/login-attempts.ts";
import { AppError } from "../../domain/errors.ts";

export const PAIR_FREE_FAILURES = 5;
export const PAIR_FIRST_WAIT_MS = 15_000;
export const PAIR_MAX_WAIT_MS = 15 * 60_000;
export const ACCOUNT_FREE_FAILURES = 10;
export const ACCOUNT_FIRST_WAIT_MS = 30_000;
export const ACCOUNT_MAX_WAIT_MS = 60 * 60_000;
/** How long failures count toward rules 1 and 2. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60_000;
export const ADDRESS_MAX_USERNAMES = 30;
export const ADDRESS_WINDOW_MS = 60 * 60_000;

export const DEVICE_COOKIE = "kehoach_device";
export const DEVICE_TTL_MS = 180 * 24 * 60 * 60_000;

/** The wait after `failures` failures: none for the free ones, then doubling up to `max`. */
export function backoffMs(failures: number, free: number, first: number, max: number): number {
  if (failures < free) return 0;
  return Math.min(first * 2 ** Math.min(failures - free, 30), max);
}

/**
 * How long this attempt must wait (ms, 0: check the password), by the rules above. `before` is
 * the attempt's own row: only attempts before it count.
 */
export async function throttleWait(
  db: Db,
  a: { username: string; ip: string | null; knownDevice: boolean; before: number; now: Date },
): Promise<number> {
  const now = a.now.getTime();
  const since = new Date(now - FAILURE_MEMORY_MS);
  const { pair, account } = await pairAndAccountFailures(db, { ...a, since });
  const until: number[] = [];
  if (pair.last)
    until.push(
      pair.last.getTime() + backoffMs(pair.count, PAIR_FREE_FAILURES, PAIR_FIRST_WAIT_MS, PAIR_MAX_WAIT_MS),
    );
  if (!a.knownDevice && account.last)
    until.push(
      account.last.getTime() +
        backoffMs(account.count, ACCOUNT_FREE_FAILURES, ACCOUNT_FIRST_WAIT_MS, ACCOUNT_MAX_WAIT_MS),
    );
  if (!a.knownDevice && a.ip !== null) {
    const nth = await nthFailedUsernameFrom(db, {
      ip: a.ip,
      since: new Date(now - ADDRESS_WINDOW_MS),
      before: a.before,
      rank: ADDRESS_MAX_USERNAMES,
    });
    if (nth) until.push(nth.getTime() + ADDRESS_WINDOW_MS);
  }
  return Math.max(0, ...until.map((t) => t - now));
}

/** 429 RATE_LIMITED saying how long to wait; the error handler sends it as Retry-After too. */
export function rateLimited(waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const minutes = Math.ceil(seconds / 60);
  const en = seconds < 60 ? `${seconds} seconds` : `${minutes} minutes`;
  const vi = seconds < 60 ? `${seconds} giây` : `${minutes} phút`;
  return new AppError(
    "RATE_LIMITED",
    {
      en: `Too many failed sign-ins. Wait ${en} and try again.`,
      vi: `Đăng nhập sai nhiều lần. Vui lòng chờ ${vi} rồi thử lại.`,
    },
    { details: { retryAfterSeconds: seconds } },
  );
}

// ─── Known browsers ──────────────────────────────────────────────────────────────────────

function mac(passwordHash: string, userId: number, issued: string): Buffer {
  return createHmac("sha256", passwordHash).update(`kehoach-device|${userId}|${issued}`).digest();
}

/** A known-browser token for the account: `userId.issuedAt(base 36).HMAC`. */
export function deviceToken(user: { id: number; passwordHash: string }, now: Date): string {
  const issued = now.getTime().toString(36);
  return `${user.id}.${issued}.${mac(user.passwordHash, user.id, issued).toString("base64url")}`;
}

/** Was `token` issued to this account (with its current password), in the last 180 days? */
export function isKnownDevice(
  token: string | undefined,
  user: { id: number; passwordHash: string } | null,
  now: Date,
): boolean {
  if (!token || !user || token.length > 200) return false;
  const [id, issued, sig, ...rest] = token.split(".");
  if (rest.length || !id || !issued || !sig || Number(id) !== user.id) return false;
  const at = Number.parseInt(issued, 36);
  if (!Number.isFinite(at) || at > now.getTime() + 60_000 || now.getTime() - at > DEVICE_TTL_MS) return false;
  const want = mac(user.passwordHash, user.id, issued);
  const got = Buffer.from(sig, "base64url");
  return got.length === want.length && timingSafeEqual(got, want);
}

export function readDeviceCookie(c: Context): string | undefined {
  return getCookie(c, DEVICE_COOKIE);
}

/**
 * HttpOnly, SameSite=Strict, sent only to /api/auth (sign-in and password change), kept 180 days
 * (it outlives the session on purpose), Secure when the session cookie is.
 */
export function setDeviceCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: "Strict",
    path: "/api/auth",
    secure,
    maxAge: Math.floor(DEVICE_TTL_MS / 1000),
  });
}
