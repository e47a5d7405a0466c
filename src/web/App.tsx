import { type ReactNode, Suspense } from "react";
import { api, useJson } from "./api.ts";
import { AuthProvider, PasswordGate, RequireAuth } from "./auth.tsx";
import { Header } from "./components/Header.tsx";
import { Loading, NotFound } from "./components/Status.tsx";
import { LangProvider, useLang } from "./lang.tsx";
import {
  AdminRoutes,
  AgenciesPage,
  AgencyPage,
  AuditPage,
  DashboardPage,
  DocumentsPage,
  LoginPage,
  MyWorkPage,
  PasswordPage,
  PlanPage,
  PlansPage,
  ProjectsPage,
  PublicPlanPage,
  PublicPlansPage,
  RatesPage,
  ReportingPage,
  ReportPage,
  StatusBoardPage,
  TargetDataPage,
  TargetsPage,
  TaskPage,
} from "./lazy-pages.ts";
import { match, useLocation } from "./router.tsx";
import type { Health } from "./types.ts";

const ID = /^\d+$/;

/** Picks the page for a path; `key` makes a new id mount a fresh page. */
function route(path: string): ReactNode {
  if (match("/", path)) return <PlansPage />;
  if (match("/agencies", path)) return <AgenciesPage />;
  if (match("/projects", path)) return <ProjectsPage />;
  if (match("/public", path)) return <PublicPlansPage />;
  if (path === "/admin" || path.startsWith("/admin/")) return <AdminRoutes path={path} />;
  if (match("/login", path)) return <LoginPage />;
  if (match("/password", path)) return <RequireAuth>{() => <PasswordPage />}</RequireAuth>;
  if (match("/my", path)) return <RequireAuth>{(user) => <MyWorkPage user={user} />}</RequireAuth>;
  const withId = (pattern: string) => {
    const m = match(pattern, path);
    return m?.id && ID.test(m.id) ? Number(m.id) : null;
  };
  let id = withId("/plans/:id");
  if (id !== null) return <PlanPage key={`plan-${id}`} id={id} />;
  id = withId("/plans/:id/dashboard");
  if (id !== null) return <DashboardPage key={`db-${id}`} planId={id} />;
  id = withId("/public/plans/:id");
  if (id !== null) return <PublicPlanPage key={`pub-${id}`} planId={id} />;
  id = withId("/plans/:id/targets");
  if (id !== null) return <TargetsPage key={`tg-${id}`} planId={id} />;
  id = withId("/plans/:id/targets/data");
  if (id !== null) {
    const plan = id;
    return (
      <RequireAuth>{(user) => <TargetDataPage key={`td-${plan}`} planId={plan} user={user} />}</RequireAuth>
    );
  }
  id = withId("/plans/:id/reporting");
  if (id !== null) {
    const plan = id;
    return (
      <RequireAuth>{(user) => <ReportingPage key={`rep-${plan}`} planId={plan} user={user} />}</RequireAuth>
    );
  }
  id = withId("/plans/:id/status");
  if (id !== null) {
    const plan = id;
    return (
      <RequireAuth>{(user) => <StatusBoardPage key={`st-${plan}`} planId={plan} user={user} />}</RequireAuth>
    );
  }
  id = withId("/plans/:id/audit");
  if (id !== null) {
    const plan = id;
    return <RequireAuth>{(user) => <AuditPage key={`au-${plan}`} planId={plan} user={user} />}</RequireAuth>;
  }
  id = withId("/plans/:id/documents");
  if (id !== null) {
    const plan = id;
    return (
      <RequireAuth>{(user) => <DocumentsPage key={`doc-${plan}`} planId={plan} user={user} />}</RequireAuth>
    );
  }
  id = withId("/plans/:id/rates");
  if (id !== null) {
    const plan = id;
    return <RequireAuth>{(user) => <RatesPage key={`rt-${plan}`} planId={plan} user={user} />}</RequireAuth>;
  }
  id = withId("/reports/:id");
  if (id !== null) {
    const report = id;
    return (
      <RequireAuth>{(user) => <ReportPage key={`report-${report}`} id={report} user={user} />}</RequireAuth>
    );
  }
  id = withId("/tasks/:id");
  if (id !== null) return <TaskPage key={`task-${id}`} id={id} />;
  id = withId("/agencies/:id");
  if (id !== null) return <AgencyPage key={`agency-${id}`} id={id} />;
  return <NotFound />;
}

function Footer() {
  const { t } = useLang();
  const health = useJson<Health>(api.health());
  return (
    <footer className="site-footer" data-testid="footer">
      <div className="inner muted small">
        kehoach
        {health.state === "ok" && health.data.database
          ? ` · ${t("footerDb", { db: health.data.database })}`
          : health.state === "error"
            ? ` · ${t("footerApiDown")}`
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
      <main className="inner">
        {/* Each page is its own chunk (lazy-pages.ts): "loading" while it arrives. */}
        <Suspense fallback={<Loading />}>
          <PasswordGate>{route(path)}</PasswordGate>
        </Suspense>
      </main>
      <Footer />
    </>
  );
}

export function App() {
  return (
    <LangProvider>
      <AuthProvider>
        <Shell />
      </AuthProvider>
    </LangProvider>
  );
}
