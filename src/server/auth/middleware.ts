/**
 * Request middleware for accounts, mounted on /api/* by app.ts after the database:
 * - `sessionMiddleware` loads the session cookie's user into `c.get("actor")` (null: nobody)
 *   and the session into `c.get("session")`;
 * - `csrfProtection` refuses (403 CSRF) every non-GET/HEAD/OPTIONS request that carries a live
 *   session unless the header `x-csrf-token` equals that session's CSRF token. Sign-in is the
 *   one exception (it starts a new session). A request without a session is not checked here:
 *   the policies refuse its writes with 401.
 */
import { timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { AppError } from "../../domain/errors.ts";
import type { AppEnv } from "../env.ts";
import type { Actor } from "../policies.ts";
import { loadSession, readSessionCookie } from "./sessions.ts";

export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const CSRF_EXEMPT = new Set(["/api/auth/login"]);

export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("actor", null);
  c.set("session", null);
  const token = readSessionCookie(c);
  if (token) {
    const found = await loadSession(c.get("database").db, token);
    if (found) {
      c.set("actor", found.actor);
      c.set("session", found.session);
    }
  }
  await next();
};

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  const session = c.get("session");
  if (session && !SAFE_METHODS.has(c.req.method) && !CSRF_EXEMPT.has(c.req.path)) {
    const sent = c.req.header(CSRF_HEADER);
    if (!sent || !same(sent, session.csrfToken)) {
      throw new AppError("CSRF", {
        en: "Missing or wrong CSRF token: send the header x-csrf-token with the token from sign-in or /api/auth/me.",
        vi: "Thiếu hoặc sai mã chống giả mạo (CSRF): gửi tiêu đề x-csrf-token với mã nhận khi đăng nhập hoặc từ /api/auth/me.",
      });
    }
  }
  await next();
};

/** The signed-in user, or 401 UNAUTHORIZED. */
export function requireActor(c: Context): Actor {
  const actor = (c.get("actor") as Actor | null | undefined) ?? null;
  if (!actor) {
    throw new AppError("UNAUTHORIZED", { en: "Please sign in first.", vi: "Vui lòng đăng nhập trước." });
  }
  return actor;
}
