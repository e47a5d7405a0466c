// The header's "Quản trị" link: shown to administrators only.
import { useAuth } from "../../auth.tsx";
import { useLang } from "../../lang.tsx";
import { isAdmin } from "../../roles.ts";
import { Link, useLocation } from "../../router.tsx";

export function AdminNavLink() {
  const { t } = useLang();
  const { user } = useAuth();
  const { path } = useLocation();
  if (!isAdmin(user)) return null;
  const here = path === "/admin" || path.startsWith("/admin/");
  return (
    <Link href="/admin/users" data-testid="nav-admin" aria-current={here ? "page" : undefined}>
      {t("admin.nav")}
    </Link>
  );
}
