/**
 * axe-core in the browser tests, and the phone-width overflow check (issue 9 §6: every main page
 * without a serious or critical accessibility violation, and no sideways panning at 360 px).
 * Reusable: `runAxe(page)` on any page a test has open, `horizontalOverflow(page)` for the width,
 * `checkPage(page, …)` for both plus a screenshot.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "./support.ts";

const require = createRequire(import.meta.url);
/** axe-core's own bundle, evaluated in the page (the DevTools protocol is not bound by the CSP). */
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export type Impact = "minor" | "moderate" | "serious" | "critical";

export interface AxeViolation {
  id: string;
  impact: Impact | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** The impacts a test fails on: WCAG failures a user meets (the review's threshold). */
export const BLOCKING: readonly Impact[] = ["serious", "critical"];

/**
 * Runs axe-core (its default rules: WCAG 2.x A/AA and best practices) on the page as it is now and
 * returns every violation; filter with `impacts` (e.g. BLOCKING).
 */
export async function runAxe(page: Page, impacts?: readonly Impact[]): Promise<AxeViolation[]> {
  const loaded = await page.evaluate("typeof window.axe === 'object'");
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(`
    window.axe.run(document, { resultTypes: ["violations"] }).then((r) =>
      r.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, failureSummary: n.failureSummary })),
      })),
    )
  `)) as AxeViolation[];
  return impacts ? violations.filter((v) => v.impact !== null && impacts.includes(v.impact)) : violations;
}

/** One line per violation and node, for an assertion message a person can act on. */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}): ${n.target.join(" ")} ${n.html.slice(0, 160)}`),
  );
}

export interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** The outermost elements whose right edge passes the window's (selector-like, with their right edge). */
  culprits: string[];
}

/**
 * Whether the document scrolls sideways (document.scrollingElement.scrollWidth > innerWidth),
 * with the elements that stick out. Content inside its own scroll box (a wide matrix in
 * `overflow-x: auto`) does not count: it does not make the page pan.
 */
export async function horizontalOverflow(page: Page): Promise<Overflow | null> {
  return (await page.evaluate(`(() => {
    const doc = document.scrollingElement || document.documentElement;
    const w = window.innerWidth;
    if (doc.scrollWidth <= w) return null;
    const name = (el) => el.tagName.toLowerCase() + (el.dataset.testid ? '[data-testid=' + el.dataset.testid + ']' : '') +
      (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    const clipped = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (p !== document.body && p !== document.documentElement && s.overflowX !== 'visible') return true;
      }
      return false;
    };
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= w + 0.5 || clipped(el)) continue;
      const parent = el.parentElement;
      if (parent && parent.getBoundingClientRect().right > w + 0.5 && !clipped(parent) && parent !== document.body) continue;
      out.push(name(el) + ' → ' + Math.round(r.right) + 'px');
      if (out.length >= 8) break;
    }
    return { scrollWidth: doc.scrollWidth, innerWidth: w, culprits: out };
  })()`)) as Overflow | null;
}

export const SCREENSHOTS = path.join(ROOT, "e2e", "screenshots");

/** Saves what the window shows (not committed: e2e/screenshots/ is in .gitignore). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, "_")}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Waits until the page has settled: no request for 500 ms and no "loading" placeholder left. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await page
    .waitForFunction("!document.querySelector('.loading') && document.querySelector('h1')", undefined, {
      timeout: 10_000,
    })
    .catch(() => undefined);
}

export interface PageCheck {
  path: string;
  width: number;
  violations: string[];
  overflow: Overflow | null;
}

/**
 * The whole check of one page view: settle, screenshot `<name>`, axe (serious and critical only),
 * and at phone widths (< 700 px) the sideways overflow.
 */
export async function checkPage(page: Page, name: string): Promise<PageCheck> {
  await settle(page);
  const width = page.viewportSize()?.width ?? 0;
  await screenshot(page, name);
  const violations = describeViolations(await runAxe(page, BLOCKING));
  const overflow = width < 700 ? await horizontalOverflow(page) : null;
  return { path: new URL(page.url()).pathname + new URL(page.url()).search, width, violations, overflow };
}
