import { type ReactNode, useEffect, useRef } from "react";
import { useLang } from "../lang.tsx";

/** A dialog over the page: Escape or the close button closes it; focus moves into it. */
export function Modal(props: { title: string; onClose: () => void; children: ReactNode; testid?: string }) {
  const { t } = useLang();
  const box = useRef<HTMLDivElement>(null);
  const { onClose } = props;
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>("input, textarea, select, button")?.focus();
    const esc = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    document.addEventListener("keydown", esc);
    return () => {
      document.removeEventListener("keydown", esc);
      before?.focus?.();
    };
  }, [onClose]);
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        data-testid={props.testid}
        ref={box}
      >
        <header className="modal-head">
          <h2>{props.title}</h2>
          <button
            type="button"
            className="close"
            aria-label={t("close")}
            data-testid="modal-close"
            onClick={onClose}
          >
            ×
          </button>
        </header>
        {props.children}
      </div>
    </div>
  );
}
