import { type RefObject, useEffect, useRef } from "react";

/**
 * For a row of tabs that scrolls sideways on a phone (styles.css, issue 9 §6): brings the current
 * tab (aria-current="page") into view inside the row whenever `key` (the location) changes, so a
 * page opened on the sixth tab does not show tabs one to four only. Scrolls the row, never the page.
 */
export function useCurrentTabInView<T extends HTMLElement>(key: string): RefObject<T | null> {
  const ref = useRef<T>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the trigger (a new location), not read inside
  useEffect(() => {
    const row = ref.current;
    const current = row?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!row || !current || row.scrollWidth <= row.clientWidth) return;
    const r = row.getBoundingClientRect();
    const c = current.getBoundingClientRect();
    const margin = 24;
    if (c.left < r.left) row.scrollLeft += c.left - r.left - margin;
    else if (c.right > r.right) row.scrollLeft += c.right - r.right + margin;
  }, [key]);
  return ref;
}
