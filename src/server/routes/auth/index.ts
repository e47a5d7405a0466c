/**
 * Sign-in, who am I, sign-out, change my password. Sign-in answers the same for an unknown
 * user and a wrong password; the sign-in throttle is auth/throttle.ts.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getPasswordHash, getUser, setPassword, type UserRecord } from "../../../db/users.ts";
import { AppError } from "../../../domain/errors.ts";
import { requireActor } from "../../auth/middleware.ts";
import { hashPassword, verifyPassword } from "../../auth/password.ts";
import {
  clearSessionCookie,
  clientAddress,
  endSession,
  secureRequest,
  setSessionCookie,
  signIn,
} from "../../auth/sessions.ts";
import { deviceToken, readDeviceCookie, setDeviceCookie } from "../../auth/throttle.ts";
import type { AppEnv } from "../../env.ts";
import { ErrorSchema, errorResponses } from "../../schemas.ts";
import { authErrorResponses, checkPassword, PasswordField, RoleGrantSchema } from "../users/index.ts";

export const SessionUserSchema = z
  .object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    agencyId: z.number().nullable(),
    agencyName: z.string().nullable(),
    mustChangePassword: z.boolean(),
    roles: z.array(RoleGrantSchema),
  })
  .openapi("SessionUser");

export const SessionSchema = z.object({ user: SessionUserSchema, csrfToken: z.string() }).openapi("Session");

function presentSession(u: UserRecord, csrfToken: string) {
  return {
    user: {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      agencyId: u.agencyId,
      agencyName: u.agencyName,
      mustChangePassword: u.mustChangePassword,
      roles: u.roles,
    },
    csrfToken,
  };
}

const err = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorSchema } },
});
const json = <T extends z.ZodType>(schema: T) => ({
  content: { "application/json": { schema } },
  required: true,
});
const Ok = z.object({ ok: z.literal(true) });

const login = createRoute({
  method: "post",
  path: "/api/auth/login",
  tags: ["auth"],
  summary:
    "Sign in: sets the HttpOnly cookie kehoach_session and returns the user and the CSRF token to send as x-csrf-token on every write",
  request: {
    body: json(
      z
        .object({
          username: z.string().min(1).max(200).openapi({ example: "skhdt.baocao" }),
          password: z.string().min(1).max(1024).openapi({ format: "password" }),
        })
        .openapi("Login"),
    ),
  },
  responses: {
    200: { description: "Signed in", content: { "application/json": { schema: SessionSchema } } },
    400: errorResponses[400],
    401: err("Wrong username or password (the same answer for an unknown user)"),
    429: err(
      "RATE_LIMITED: wait Retry-After seconds (details.retryAfterSeconds). After 5 failures of a username from one address each next attempt waits 15 s, doubling up to 15 min; after 10 failures of a username from anywhere, attempts from a browser that never signed in to it wait 30 s, doubling up to 1 h; an address where 30 usernames failed in an hour waits. No account is ever locked",
    ),
  },
});

const me = createRoute({
  method: "get",
  path: "/api/auth/me",
  tags: ["auth"],
  summary: "The signed-in user and the session's CSRF token",
  responses: {
    200: { description: "Signed in", content: { "application/json": { schema: SessionSchema } } },
    401: err("Not signed in"),
  },
});

const logout = createRoute({
  method: "post",
  path: "/api/auth/logout",
  tags: ["auth"],
  summary: "Sign out: the session ends on the server and the cookie is cleared",
  responses: {
    200: { description: "Signed out", content: { "application/json": { schema: Ok } } },
    403: authErrorResponses[403],
  },
});

const password = createRoute({
  method: "post",
  path: "/api/auth/password",
  tags: ["auth"],
  summary:
    "Change my password (the current one is required; the new one has ≥ 10 characters and is not the username). Other sessions end",
  request: {
    body: json(
      z
        .object({
          currentPassword: z.string().max(1024).openapi({ format: "password" }),
          newPassword: PasswordField,
        })
        .openapi("PasswordChange"),
    ),
  },
  responses: {
    200: { description: "Changed", content: { "application/json": { schema: Ok } } },
    400: errorResponses[400],
    ...authErrorResponses,
  },
});

export function registerAuth(app: OpenAPIHono<AppEnv>) {
  app.openapi(login, async (c) => {
    const { username, password: pw } = c.req.valid("json");
    const db = c.get("database").db;
    const previous = c.get("session");
    const signedIn = await signIn(db, {
      username,
      password: pw,
      ip: clientAddress(c),
      device: readDeviceCookie(c),
    });
    // A new sign-in replaces the session the browser had.
    if (previous) await endSession(db, previous, c.get("actor")?.username ?? "system");
    setSessionCookie(c, signedIn.token);
    setDeviceCookie(c, signedIn.deviceToken, secureRequest(c));
    return c.json(presentSession(signedIn.user, signedIn.session.csrfToken), 200);
  });

  app.openapi(me, async (c) => {
    const actor = requireActor(c);
    const session = c.get("session");
    const user = await getUser(c.get("database").db, actor.userId);
    if (!user || !session)
      throw new AppError("UNAUTHORIZED", { en: "Please sign in first.", vi: "Vui lòng đăng nhập trước." });
    return c.json(presentSession(user, session.csrfToken), 200);
  });

  app.openapi(logout, async (c) => {
    const session = c.get("session");
    const actor = c.get("actor");
    if (session) await endSession(c.get("database").db, session, actor?.username ?? "system");
    clearSessionCookie(c);
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(password, async (c) => {
    const actor = requireActor(c);
    const session = c.get("session");
    const db = c.get("database").db;
    const { currentPassword, newPassword } = c.req.valid("json");
    const stored = await getPasswordHash(db, actor.userId);
    if (!stored || !(await verifyPassword(stored, currentPassword))) {
      throw new AppError(
        "VALIDATION",
        { en: "The current password is wrong.", vi: "Mật khẩu hiện tại không đúng." },
        {
          fields: [
            { field: "currentPassword", reason: "wrong password", reasonVi: "mật khẩu hiện tại không đúng" },
          ],
        },
      );
    }
    checkPassword(newPassword, actor.username, "newPassword");
    if (newPassword === currentPassword) {
      throw new AppError(
        "VALIDATION",
        { en: "Invalid request: newPassword.", vi: "Yêu cầu không hợp lệ: newPassword." },
        {
          fields: [
            {
              field: "newPassword",
              reason: "must differ from the current password",
              reasonVi: "mật khẩu mới phải khác mật khẩu hiện tại",
            },
          ],
        },
      );
    }
    const hash = await hashPassword(newPassword);
    await setPassword(db, actor.userId, hash, {
      reset: false,
      keepSessionId: session?.id ?? null,
      actor: actor.username,
    });
    // The new hash voids every known-browser token; this browser just proved the password.
    setDeviceCookie(c, deviceToken({ id: actor.userId, passwordHash: hash }, new Date()), secureRequest(c));
    return c.json({ ok: true as const }, 200);
  });
}
