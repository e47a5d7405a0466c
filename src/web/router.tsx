import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from "react";

// A tiny pushState router: the location is an external store that changes on
// navigate() / popstate; <Link> turns plain left clicks into navigate().

const CHANGE = "kehoach:navigate";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The current path and query string, e.g. "/plans/1?agency=3". */
export function useLocation(): { path: string; search: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribe, snapshot, () => "/");
  const i = href.indexOf("?");
  return {
    href,
    path: i < 0 ? href : href.slice(0, i),
    search: new URLSearchParams(i < 0 ? "" : href.slice(i + 1)),
  };
}

/** Goes to `to`; `replace` rewrites the current history entry (used for filter changes). */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  const samePage = to.split("?")[0] === window.location.pathname;
  if (opts.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  if (!samePage) window.scrollTo(0, 0);
  window.dispatchEvent(new Event(CHANGE));
}

/** Matches "/plans/:id" against a path; returns the named parts or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const clean = path.length > 1 ? path.replace(/\/+$/, "") : path;
  if (pattern === "/" || clean === "/") return pattern === clean ? {} : null;
  const p = pattern.split("/");
  const s = clean.split("/");
  if (p.length !== s.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i] as string;
    const seg = s[i] as string;
    if (part.startsWith(":")) {
      if (!seg) return null;
      out[part.slice(1)] = decodeURIComponent(seg);
    } else if (part !== seg) return null;
  }
  return out;
}

export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { onClick, href, children, ...rest } = props;
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (props.target && props.target !== "_self") return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} {...rest} onClick={handle}>
      {children}
    </a>
  );
}
