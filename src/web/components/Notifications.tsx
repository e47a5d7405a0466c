import { useEffect, useRef, useState } from "react";
import { api, itemsOf, send, useJson } from "../api.ts";
import { formatDate, formatDateTime, periodName } from "../format.ts";
import { notificationEn } from "../i18n-handoffs.ts";
import { useLang } from "../lang.tsx";
import type { Notification } from "../reporting-types.ts";
import { navigate } from "../router.tsx";
import { ErrorBox } from "./Status.tsx";
import { useDismiss } from "./use-dismiss.ts";

type Answer = { items: Notification[]; unread?: number } | Notification[];

const POLL_MS = 60_000;

/** The notification's text in the UI's language: the server writes Vietnamese; English from params. */
function textOf(n: Notification, lang: string): { title: string; body: string } {
  if (lang !== "en" || !n.params) return n;
  const p = n.params;
  return (
    notificationEn(n.kind, {
      ...p,
      period: periodName(p.period, "en"),
      due: p.due ? formatDate(p.due) : null,
    }) ?? n
  );
}

/** The bell in the header: the unread count, and the list of the user's notifications. */
export function NotificationBell() {
  const { t, lang } = useLang();
  const [open, setOpen] = useState(false);
  const [tick, setTick] = useState(0);
  const list = useJson<Answer>(api.notifications(), tick);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const timer = window.setInterval(() => setTick((n) => n + 1), POLL_MS);
    return () => window.clearInterval(timer);
  }, []);
  useDismiss(box, open, setOpen);

  const items = itemsOf(list.data);
  const unread = items.filter((n) => n.readAt === null).length;

  const markRead = async (n: Notification) => {
    if (n.readAt === null) {
      try {
        await send("POST", api.notificationRead(n.id));
      } finally {
        setTick((x) => x + 1);
      }
    }
  };
  const openOne = async (n: Notification) => {
    await markRead(n).catch(() => undefined);
    // The server writes "/reports/12", or an absolute address of this site.
    const link = n.link?.startsWith(window.location.origin)
      ? n.link.slice(window.location.origin.length)
      : n.link;
    if (link?.startsWith("/")) {
      setOpen(false);
      navigate(link);
    } else if (link) window.location.assign(link);
  };

  return (
    <div className="bell" ref={box}>
      <button
        type="button"
        className="bell-button"
        data-testid="notif-bell"
        aria-expanded={open}
        // The visible count is part of the name (WCAG 2.5.3 label in name).
        aria-label={unread > 0 ? `${t("notifications")}: ${unread}` : t("notifications")}
        title={t("notifications")}
        onClick={() => {
          setOpen((o) => !o);
          if (!open) setTick((x) => x + 1);
        }}
      >
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="currentColor">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {unread > 0 && (
          <span className="badge" data-testid="notif-count">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div className="bell-panel" data-testid="notif-panel" role="dialog" aria-label={t("notifications")}>
          <h2 className="small-heading">{t("notifications")}</h2>
          {list.state === "error" && <ErrorBox error={list.error} />}
          {list.state === "ok" && items.length === 0 && <p className="muted">{t("notifEmpty")}</p>}
          <ul className="notif-list">
            {items.map((n) => (
              <li
                key={n.id}
                className={n.readAt ? "notif" : "notif unread"}
                data-testid="notif-item"
                data-read={n.readAt ? "true" : "false"}
              >
                <button type="button" className="notif-open" onClick={() => void openOne(n)}>
                  <strong data-testid="notif-title">{textOf(n, lang).title}</strong>
                  <span className="small">{textOf(n, lang).body}</span>
                  <span className="small muted">{formatDateTime(n.createdAt)}</span>
                </button>
                {n.readAt === null && (
                  <button
                    type="button"
                    className="link-button small"
                    data-testid="notif-read"
                    onClick={() => void markRead(n)}
                  >
                    {t("notifMarkRead")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
