import type { ReactNode } from "react";
import { api, useJson } from "./api.ts";
import { NotFound } from "./components/Status.tsx";
import { LangProvider, useLang } from "./lang.tsx";
import { AgenciesPage } from "./pages/AgenciesPage.tsx";
import { AgencyPage } from "./pages/AgencyPage.tsx";
import { PlanPage } from "./pages/PlanPage.tsx";
import { PlansPage } from "./pages/PlansPage.tsx";
import { TaskPage } from "./pages/TaskPage.tsx";
import { Link, match, useLocation } from "./router.tsx";
import type { Health } from "./types.ts";

const ID = /^\d+$/;

/** Picks the page for a path; `key` makes a new id mount a fresh page. */
function route(path: string): ReactNode {
  if (match("/", path)) return <PlansPage />;
  if (match("/agencies", path)) return <AgenciesPage />;
  const withId = (pattern: string) => {
    const m = match(pattern, path);
    return m?.id && ID.test(m.id) ? Number(m.id) : null;
  };
  let id = withId("/plans/:id");
  if (id !== null) return <PlanPage key={`plan-${id}`} id={id} />;
  id = withId("/tasks/:id");
  if (id !== null) return <TaskPage key={`task-${id}`} id={id} />;
  id = withId("/agencies/:id");
  if (id !== null) return <AgencyPage key={`agency-${id}`} id={id} />;
  return <NotFound />;
}

function Header() {
  const { t, lang, setLang } = useLang();
  const { path } = useLocation();
  const current = (section: string) =>
    path === section || path.startsWith(`${section}/`) ? "page" : undefined;
  return (
    <header className="site-header">
      <div className="inner">
        <Link href="/" className="brand" data-testid="home-link">
          {t("appName")}
        </Link>
        <nav aria-label="main">
          <Link href="/" aria-current={path === "/" || current("/plans") ? "page" : undefined}>
            {t("navPlans")}
          </Link>
          <Link href="/agencies" data-testid="nav-agencies" aria-current={current("/agencies")}>
            {t("navAgencies")}
          </Link>
        </nav>
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
    </header>
  );
}

function Footer() {
  const { t } = useLang();
  const health = useJson<Health>(api.health());
  return (
    <footer className="site-footer" data-testid="footer">
      <div className="inner muted small">
        kehoach ·{" "}
        {health.state === "ok"
          ? t("footerDb", { db: health.data.database })
          : health.state === "error"
            ? t("footerApiDown")
            : ""}
      </div>
    </footer>
  );
}

function Shell() {
  const { path } = useLocation();
  return (
    <>
      <Header />
      <main className="inner">{route(path)}</main>
      <Footer />
    </>
  );
}

export function App() {
  return (
    <LangProvider>
      <Shell />
    </LangProvider>
  );
}
