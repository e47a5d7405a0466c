import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiError, api, getJson, send, setCsrfToken, UNAUTHORIZED_EVENT } from "./api.ts";
import type { Session, SessionUser } from "./reporting-types.ts";
import { navigate, useLocation } from "./router.tsx";

// The signed-in user and the session's CSRF token. The session cookie is HttpOnly, so the app
// keeps a hint in localStorage that a session may exist: without it no one asks GET
// /api/auth/me (whose 401 would be a needless error for every anonymous reader of a plan).

const HINT = "kehoach.session";

/** Whether a session may exist (the hint above); prefetch.ts asks signed-in pages' data only then. */
export function readHint(): boolean {
  try {
    const v = window.localStorage.getItem(HINT);
    return v === "1" || v === "pw";
  } catch {
    return false;
  }
}
/**
 * Whether the session must change its password first: the server then refuses every other
 * request (issue 8 §8), so prefetch.ts asks nothing (a refused prefetch is a console error).
 */
export function readPasswordPending(): boolean {
  try {
    return window.localStorage.getItem(HINT) === "pw";
  } catch {
    return false;
  }
}
function writeHint(on: boolean, passwordPending = false): void {
  try {
    if (on) window.localStorage.setItem(HINT, passwordPending ? "pw" : "1");
    else window.localStorage.removeItem(HINT);
  } catch {
    // Storage blocked: the session then lasts until the page reloads.
  }
}

export type AuthStatus = "loading" | "in" | "out";

interface AuthValue {
  status: AuthStatus;
  user: SessionUser | null;
  csrfToken: string | null;
  signIn: (username: string, password: string) => Promise<SessionUser>;
  signOut: () => Promise<void>;
  /** Reloads the user (after a password change). */
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [status, setStatus] = useState<AuthStatus>(() => (readHint() ? "loading" : "out"));

  const apply = useCallback((s: Session | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    setSession(s);
    setStatus(s ? "in" : "out");
    writeHint(s !== null, s?.user.mustChangePassword === true);
  }, []);

  const refresh = useCallback(async () => {
    try {
      apply(await getJson<Session>(api.me()));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) apply(null);
      else setStatus((s) => (s === "loading" ? "out" : s));
    }
  }, [apply]);

  useEffect(() => {
    if (readHint()) void refresh();
  }, [refresh]);

  useEffect(() => {
    // Any 401 from the API: the session ended (expired, signed out elsewhere).
    const onUnauthorized = () => apply(null);
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, [apply]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const s = await send<Session>("POST", api.login(), { username, password });
      apply(s);
      return s.user;
    },
    [apply],
  );

  const signOut = useCallback(async () => {
    try {
      await send("POST", api.logout());
    } finally {
      apply(null);
    }
  }, [apply]);

  const value = useMemo<AuthValue>(
    () => ({
      status,
      user: session?.user ?? null,
      csrfToken: session?.csrfToken ?? null,
      signIn,
      signOut,
      refresh,
    }),
    [status, session, signIn, signOut, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth() outside <AuthProvider>");
  return value;
}

/** The sign-in page's address that comes back to `href` afterwards. */
export function loginHref(href: string): string {
  return href && href !== "/" && !href.startsWith("/login")
    ? `/login?next=${encodeURIComponent(href)}`
    : "/login";
}

/**
 * While the signed-in user must change the password (set by an administrator), every page but
 * the password page (and sign-in) leads there: the server refuses everything else with 403
 * PASSWORD_CHANGE_REQUIRED anyway. `next` brings the user back afterwards.
 */
export function PasswordGate({ children }: { children: ReactNode }) {
  const { status, user } = useAuth();
  const { path, href } = useLocation();
  const held = user?.mustChangePassword === true && path !== "/password" && path !== "/login";
  useEffect(() => {
    if (held) navigate(`/password?next=${encodeURIComponent(href)}`, { replace: true });
  }, [held, href]);
  // Until the session is known (only while a session is likely), render nothing: a page mounted
  // before we know the user must change the password would send requests the server refuses.
  if (status === "loading") return null;
  return held ? null : children;
}

/**
 * For pages that need a signed-in user: while signed out, goes to /login and back here after
 * signing in. Renders its children only for a signed-in user.
 */
export function RequireAuth({ children }: { children: (user: SessionUser) => ReactNode }) {
  const { status, user } = useAuth();
  const { href } = useLocation();
  useEffect(() => {
    if (status === "out") navigate(loginHref(href), { replace: true });
  }, [status, href]);
  if (status !== "in" || !user) return null;
  return <>{children(user)}</>;
}
