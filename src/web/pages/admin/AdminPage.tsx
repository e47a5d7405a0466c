// /admin/…: the administrator's pages (users, agencies, holidays, import, map layers) behind sign-in and the
// administrator role. Anyone else gets an error page (the API refuses them too).
import "../../admin.css";
import { RequireAuth } from "../../auth.tsx";
import { NotFound } from "../../components/Status.tsx";
import { useCurrentTabInView } from "../../components/tabs.ts";
import { useLang, useTitle } from "../../lang.tsx";
import { isAdmin } from "../../roles.ts";
import { Link, match } from "../../router.tsx";
import { AgenciesAdminPage } from "./AgenciesAdminPage.tsx";
import { HolidaysPage } from "./HolidaysPage.tsx";
import { ImportPage } from "./ImportPage.tsx";
import { MapLayersPage } from "./MapLayersPage.tsx";
import { ReorganisationsPage } from "./ReorganisationsPage.tsx";
import { UsersPage } from "./UsersPage.tsx";

const SECTIONS = [
  { path: "/admin/users", key: "admin.tab.users" },
  { path: "/admin/agencies", key: "admin.tab.agencies" },
  { path: "/admin/holidays", key: "admin.tab.holidays" },
  { path: "/admin/import", key: "admin.tab.import" },
  { path: "/admin/map", key: "admin.tab.map" },
  { path: "/admin/reorg", key: "admin.tab.reorg" },
] as const;

function AdminTabs({ path }: { path: string }) {
  const { t } = useLang();
  const row = useCurrentTabInView<HTMLElement>(path);
  return (
    <nav ref={row} className="admin-tabs" aria-label={t("admin.heading")} data-testid="admin-tabs">
      {SECTIONS.map((s) => (
        <Link
          key={s.path}
          href={s.path}
          data-testid={`admin-tab-${s.path.slice(7)}`}
          aria-current={path === s.path ? "page" : undefined}
        >
          {t(s.key)}
        </Link>
      ))}
    </nav>
  );
}

/** The page a signed-in user without the administrator role gets. */
export function AdminForbidden() {
  const { t } = useLang();
  useTitle(t("admin.forbiddenTitle"));
  return (
    <section className="error admin-forbidden" role="alert" data-testid="admin-forbidden">
      <h1>{t("admin.forbiddenTitle")}</h1>
      <p>{t("admin.forbidden")}</p>
      <p className="muted small">{t("admin.errorCode")}: FORBIDDEN (HTTP 403)</p>
      <Link href="/">{t("admin.backHome")}</Link>
    </section>
  );
}

function page(path: string) {
  if (match("/admin", path) || match("/admin/users", path)) return <UsersPage />;
  if (match("/admin/agencies", path)) return <AgenciesAdminPage />;
  if (match("/admin/holidays", path)) return <HolidaysPage />;
  if (match("/admin/import", path)) return <ImportPage />;
  if (match("/admin/map", path)) return <MapLayersPage />;
  if (match("/admin/reorg", path)) return <ReorganisationsPage />;
  return <NotFound />;
}

/** Every /admin path: sign-in first, then the administrator role, then the section's page. */
export function AdminRoutes({ path }: { path: string }) {
  const clean = path.replace(/\/+$/, "") || "/admin";
  return (
    <RequireAuth>
      {(user) =>
        isAdmin(user) ? (
          <div className="admin" data-testid="admin">
            <AdminTabs path={clean === "/admin" ? "/admin/users" : clean} />
            {page(clean)}
          </div>
        ) : (
          <AdminForbidden />
        )
      }
    </RequireAuth>
  );
}
