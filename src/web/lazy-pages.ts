/**
 * Every page as its own chunk (issue 10 §4: one 518 KB bundle went to every reader before the
 * first paint). The first screen downloads React, the shell (header, sign-in state, the words)
 * and only the chunk of the page asked for; Vite preloads a chunk's shared imports with it.
 * `preloadPage` starts a page's chunk at once (src/web/prefetch.ts calls it for the first page),
 * so it downloads while the shell starts.
 */
import { type ComponentType, lazy } from "react";

// biome-ignore lint/suspicious/noExplicitAny: each page has its own props
type Loader = () => Promise<{ default: ComponentType<any> }>;
const loaders: Record<string, Loader> = {};

// biome-ignore lint/suspicious/noExplicitAny: each page has its own props
function page<K extends string, M extends Record<K, ComponentType<any>>>(name: K, load: () => Promise<M>) {
  const loader = () => load().then((m) => ({ default: m[name] }));
  loaders[name] = loader;
  return lazy(loader);
}

export const PlansPage = page("PlansPage", () => import("./pages/PlansPage.tsx"));
export const AgenciesPage = page("AgenciesPage", () => import("./pages/AgenciesPage.tsx"));
export const AgencyPage = page("AgencyPage", () => import("./pages/AgencyPage.tsx"));
export const AuditPage = page("AuditPage", () => import("./pages/AuditPage.tsx"));
export const AdminRoutes = page("AdminRoutes", () => import("./pages/admin/AdminPage.tsx"));
export const LoginPage = page("LoginPage", () => import("./pages/LoginPage.tsx"));
export const MyWorkPage = page("MyWorkPage", () => import("./pages/MyWorkPage.tsx"));
export const PasswordPage = page("PasswordPage", () => import("./pages/PasswordPage.tsx"));
export const PlanPage = page("PlanPage", () => import("./pages/PlanPage.tsx"));
export const ProjectsPage = page("ProjectsPage", () => import("./pages/ProjectsPage.tsx"));
export const RatesPage = page("RatesPage", () => import("./pages/RatesPage.tsx"));
export const ReportingPage = page("ReportingPage", () => import("./pages/ReportingPage.tsx"));
export const ReportPage = page("ReportPage", () => import("./pages/ReportPage.tsx"));
export const StatusBoardPage = page("StatusBoardPage", () => import("./pages/StatusBoardPage.tsx"));
export const TargetDataPage = page("TargetDataPage", () => import("./pages/TargetDataPage.tsx"));
export const TargetsPage = page("TargetsPage", () => import("./pages/TargetsPage.tsx"));
export const TaskPage = page("TaskPage", () => import("./pages/TaskPage.tsx"));
export const DocumentsPage = page("DocumentsPage", () => import("./pages/DocumentsPage.tsx"));
export const DashboardPage = page("DashboardPage", () => import("./pages/DashboardPage.tsx"));
export const PublicPlansPage = page("PublicPlansPage", () => import("./pages/PublicPage.tsx"));
export const PublicPlanPage = page("PublicPlanPage", () => import("./pages/PublicPage.tsx"));

/** Starts downloading a page's chunk (by its export name) before React asks for it. */
export function preloadPage(name: string): void {
  loaders[name]?.().catch(() => {});
}
