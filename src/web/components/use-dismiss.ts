import { type RefObject, useEffect } from "react";

/**
 * Closes a pop-up (the bell's list, the account menu) on a click outside `box` or on Escape,
 * as a disclosure is expected to behave (WAI-ARIA APG); listens only while it is open.
 */
export function useDismiss(
  box: RefObject<HTMLElement | null>,
  open: boolean,
  setOpen: (open: boolean) => void,
): void {
  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", outside);
    document.addEventListener("keydown", esc);
    return () => {
      document.removeEventListener("mousedown", outside);
      document.removeEventListener("keydown", esc);
    };
  }, [box, open, setOpen]);
}
