/**
 * Where to go after signing in or changing the password, from `?next=`: only a path of this site.
 * The value comes from the address bar, so anyone can craft it: `//evil.example`, `/\evil.example`
 * (browsers read `\` as `/`), `/<tab>/evil.example` (browsers drop tabs and newlines) or
 * `https://evil.example` would send the user, just signed in, to another site (an open
 * redirect, e.g. to a fake sign-in page). So the value is resolved as a browser would and kept
 * only when it stays on this origin; the resolved path is returned, never the raw text.
 * `/login…` is refused too (it would loop).
 */
const BASE = "http://kehoach.invalid";

export function safeNext(next: string | null | undefined): string | null {
  if (!next?.startsWith("/") || next.startsWith("//") || next.includes("\\")) return null;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = url.pathname + url.search + url.hash;
  if (path === "/login" || path.startsWith("/login?") || path.startsWith("/login/")) return null;
  return path;
}
