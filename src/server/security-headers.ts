/**
 * The headers every response carries (issue 8 §7), set in one place by a middleware app.ts
 * mounts first, so errors, the docs page, attachments and the web app get them alike:
 *
 * - a Content-Security-Policy with no inline script: the web app and the API docs load only
 *   their own files (index.html and docs-page.ts keep no inline <script>). Styles: React sets
 *   `style` through the DOM, which CSP allows, so 'unsafe-inline' is not needed either. Images
 *   may be data: URLs (the empty favicon, Swagger UI's icons).
 * - `frame-ancestors 'none'` and X-Frame-Options DENY: the submit and accept buttons cannot be
 *   framed by another site (click-jacking).
 * - nosniff, so an uploaded attachment is never run as a script or page.
 * - Referrer-Policy strict-origin-when-cross-origin: no task or report path leaks to other sites.
 * - `Cache-Control: no-store` on every API answer that did not set its own: most depend on the
 *   session (me, reports, notifications, my work, audit) and none may stay in a shared browser's
 *   cache. A route sets its own only for what is the same for everyone (the docs' assets).
 */
import type { MiddlewareHandler } from "hono";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const headers = c.res.headers;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  if (c.req.path.startsWith("/api/") && !headers.has("cache-control"))
    headers.set("cache-control", "no-store");
};
