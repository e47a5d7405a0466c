import { useRef, useState } from "react";
import { api, itemsOf, useJson } from "../api.ts";
import { loginHref, useAuth } from "../auth.tsx";
import { useLang } from "../lang.tsx";
import type { SessionUser } from "../reporting-types.ts";
import { defaultPlanId, isOverseer, reportingAgencies, roleList } from "../roles.ts";
import { Link, navigate, useLocation } from "../router.tsx";
import type { PlanSummary } from "../types.ts";
import { AdminNavLink } from "./admin/AdminNavLink.tsx";
import { NotificationBell } from "./Notifications.tsx";
import { useDismiss } from "./use-dismiss.ts";

/** The plan the coordinator pages open on: the user's plan, else (administrator) the first plan. */
function useReportingPlan(user: SessionUser | null): number | null {
  const own = defaultPlanId(user);
  const wanted = user !== null && !user.mustChangePassword && own === null && isOverseer(user);
  const plans = useJson<{ items: PlanSummary[] } | PlanSummary[]>(wanted ? api.plans() : null);
  return own ?? itemsOf(plans.data)[0]?.id ?? null;
}

/**
 * Who is signed in, with "change password" and "sign out". On a desktop it sits in the header;
 * on a phone (CSS, max-width 700px) it folds behind an account button so the header stays one
 * line high (issue 9 §6: the box wrapped to 6 lines and took a quarter of the screen).
 */
function UserBox({ user }: { user: SessionUser }) {
  const { t } = useLang();
  const { signOut } = useAuth();
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const roles = roleList(user);
  useDismiss(box, open, setOpen);
  const out = async () => {
    setBusy(true);
    try {
      await signOut();
    } finally {
      setBusy(false);
      navigate("/login");
    }
  };
  return (
    <div className="user-menu" ref={box}>
      <button
        type="button"
        className="user-menu-toggle"
        data-testid="user-menu-toggle"
        aria-expanded={open}
        aria-controls="user-box"
        aria-label={t("accountMenu", { name: user.displayName })}
        title={user.displayName}
        onClick={() => setOpen((o) => !o)}
      >
        <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="currentColor">
          <path d="M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9Zm0 2c-4.4 0-8 2.2-8 5v2h16v-2c0-2.8-3.6-5-8-5Z" />
        </svg>
      </button>
      <div id="user-box" className={open ? "user-box open" : "user-box"} data-testid="user-box">
        <div className="user-who">
          <strong data-testid="user-name">{user.displayName}</strong>
          <span className="small" data-testid="user-agency">
            {user.agencyName ?? t("noAgency")}
          </span>
          <span className="small user-role" data-testid="user-role" data-roles={roles.join(" ")}>
            {roles.map((r) => t(`role.${r}`)).join(", ")}
          </span>
        </div>
        <div className="user-actions">
          <Link href="/password" className="small" data-testid="password-link" onClick={() => setOpen(false)}>
            {t("changePassword")}
          </Link>
          <button type="button" className="header-button" data-testid="logout" disabled={busy} onClick={out}>
            {t("signOut")}
          </button>
        </div>
      </div>
    </div>
  );
}

export function Header() {
  const { t, lang, setLang } = useLang();
  const { path, href } = useLocation();
  const { status, user } = useAuth();
  const plan = useReportingPlan(user);
  const current = (section: string) =>
    path === section || path.startsWith(`${section}/`) ? "page" : undefined;
  const reportingHref = plan !== null ? `/plans/${plan}/reporting` : null;
  const inReporting = /^\/plans\/\d+\/(reporting|status|rates)/.test(path);
  return (
    <header className="site-header">
      <div className="inner">
        <Link href="/" className="brand" data-testid="home-link">
          {t("appName")}
        </Link>
        <nav aria-label="main">
          <Link
            href="/"
            aria-current={
              (path === "/" || current("/plans")) && !inReporting && !path.endsWith("/dashboard")
                ? "page"
                : undefined
            }
          >
            {t("navPlans")}
          </Link>
          <Link href="/agencies" data-testid="nav-agencies" aria-current={current("/agencies")}>
            {t("navAgencies")}
          </Link>
          <Link href="/projects" data-testid="nav-projects" aria-current={current("/projects")}>
            {t("pj.nav")}
          </Link>
          {user && reportingAgencies(user).length > 0 && (
            <Link href="/my" data-testid="nav-my" aria-current={current("/my") ?? current("/reports")}>
              {t("navMyWork")}
            </Link>
          )}
          {user && isOverseer(user) && plan !== null && (
            <Link
              href={`/plans/${plan}/dashboard`}
              data-testid="nav-dashboard"
              aria-current={current(`/plans/${plan}/dashboard`)}
            >
              {t("db.nav")}
            </Link>
          )}
          {user && isOverseer(user) && reportingHref && (
            <Link
              href={reportingHref}
              data-testid="nav-reporting"
              aria-current={inReporting ? "page" : undefined}
            >
              {t("navReporting")}
            </Link>
          )}
          <AdminNavLink />
        </nav>
        <div className="header-tools">
          {user && !user.mustChangePassword && <NotificationBell />}
          {user && <UserBox user={user} />}
          {status === "out" && path !== "/login" && (
            <Link href={loginHref(href)} className="header-button" data-testid="login-link">
              {t("signIn")}
            </Link>
          )}
          <button
            type="button"
            className="lang-toggle"
            data-testid="lang-toggle"
            lang={lang === "vi" ? "en" : "vi"}
            onClick={() => setLang(lang === "vi" ? "en" : "vi")}
          >
            {t("langToggle")}
          </button>
        </div>
      </div>
    </header>
  );
}
