/**
 * Test helper (not a test): sign in through the API and send requests as that user, in-process
 * with app.request. The demo accounts (src/db/seed-accounts.ts) exist in every startTestApp()
 * database, all with DEMO_PASSWORD:
 *
 *   const s = await login(ctx.app, "skhdt.baocao");          // { cookie, csrf, user }
 *   const res = await send(ctx.app, s, "PUT", `/api/reports/${id}`, { version: 1, updates: [] });
 *
 * Note the login rate limit counts only failed attempts, so logging in many times is fine.
 */
import { DEMO_PASSWORD } from "../db/seed-accounts.ts";
import { CSRF_HEADER } from "./auth/middleware.ts";
import { SESSION_COOKIE } from "./auth/sessions.ts";

export { DEMO_PASSWORD };

/** Anything with Hono's `request` (an app from createApp). */
export interface Requester {
  request(input: string, init?: RequestInit, env?: unknown): Response | Promise<Response>;
}

export interface TestSession {
  /** The Cookie header value: `kehoach_session=…`. */
  cookie: string;
  /** The value to send as x-csrf-token on writes. */
  csrf: string;
  user: {
    id: number;
    username: string;
    displayName: string;
    agencyId: number | null;
    agencyName: string | null;
    mustChangePassword: boolean;
    roles: { role: string; planId: number | null; agencyId: number | null }[];
  };
}

/** The `name=value` of the session cookie a response sets, or null. */
export function sessionCookieOf(res: Response): string | null {
  const all = res.headers.getSetCookie?.() ?? [res.headers.get("set-cookie") ?? ""];
  for (const line of all) {
    const pair = line.split(";")[0]?.trim() ?? "";
    if (pair.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1) return pair;
  }
  return null;
}

/** Signs in (throws unless 200) and returns the cookie and CSRF token to send. */
export async function login(
  app: Requester,
  username: string,
  password = DEMO_PASSWORD,
): Promise<TestSession> {
  const res = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${text}`);
  const body = JSON.parse(text) as { user: TestSession["user"]; csrfToken: string };
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return { cookie, csrf: body.csrfToken, user: body.user };
}

/** Headers for a request as the session: the cookie, and the CSRF token (unless csrf: false). */
export function authHeaders(session: TestSession, opts: { csrf?: boolean } = {}): Record<string, string> {
  return {
    cookie: session.cookie,
    ...(opts.csrf === false ? {} : { [CSRF_HEADER]: session.csrf }),
  };
}

/** Sends a request as the session (null: nobody signed in); a body is sent as JSON. */
export function send(
  app: Requester,
  session: TestSession | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method,
      headers: {
        ...(session ? authHeaders(session) : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
}

/** `send` and parse: the status and the JSON body (or text). */
export async function call<T = unknown>(
  app: Requester,
  session: TestSession | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await send(app, session, method, path, body);
  const text = await res.text();
  const type = res.headers.get("content-type") ?? "";
  return { status: res.status, body: (type.includes("json") && text ? JSON.parse(text) : text) as T };
}
