/**
 * Request middleware for accounts, mounted on /api/* by app.ts after the database:
 * - `sessionMiddleware` loads the session cookie's user into `c.get("actor")` (null: nobody)
 *   and the session into `c.get("session")`. A user who must change the password (created, or
 *   reset by an administrator) holds a password that someone else chose and may still know: until
 *   it is changed the session answers only the endpoints of `PASSWORD_CHANGE_ALLOWED` (change it,
 *   read /api/auth/me so the web app can show the form, sign out or in, the health probe), every
 *   other request — public reads included, so the session is never better than none — 403
 *   PASSWORD_CHANGE_REQUIRED. The server decides, not only the web app's redirect;
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

/** What a session that must change its password may still call: "METHOD /path". */
export const PASSWORD_CHANGE_ALLOWED: ReadonlySet<string> = new Set([
  "GET /api/auth/me",
  "HEAD /api/auth/me",
  "POST /api/auth/password",
  "POST /api/auth/logout",
  "POST /api/auth/login",
  "GET /api/health",
  "HEAD /api/health",
]);

export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("actor", null);
  c.set("session", null);
  const token = readSessionCookie(c);
  if (token) {
    const found = await loadSession(c.get("database").db, token);
    if (found) {
      if (found.user.mustChangePassword && !PASSWORD_CHANGE_ALLOWED.has(`${c.req.method} ${c.req.path}`)) {
        throw new AppError("PASSWORD_CHANGE_REQUIRED", {
          en: "Change your password first (POST /api/auth/password): it was set by an administrator.",
          vi: "Vui lòng đổi mật khẩu trước (POST /api/auth/password): mật khẩu hiện tại do quản trị viên đặt.",
        });
      }
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
