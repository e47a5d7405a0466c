import type { MessageKey } from "../../i18n.ts";
import { useLang } from "../../lang.tsx";
import { Link, useLocation } from "../../router.tsx";
import { useCurrentTabInView } from "../tabs.ts";

export type ReportingTab = "periods" | "matrix" | "review" | "urging";

/** The coordinator's pages of one plan, as tabs. Urging is for coordinators only. */
export function ReportingNav({ planId, coordinator }: { planId: number; coordinator: boolean }) {
  const { t } = useLang();
  const { path, search, href } = useLocation();
  const row = useCurrentTabInView<HTMLElement>(href);
  const base = `/plans/${planId}/reporting`;
  const tab = path === base ? (search.get("tab") ?? "periods") : null;
  // Urging and the rates are the coordinator's: the server refuses them to viewers.
  const items: { key: string; href: string; label: MessageKey; current: boolean; show: boolean }[] = [
    { key: "periods", href: base, label: "tabPeriods", current: tab === "periods", show: true },
    { key: "matrix", href: `${base}?tab=matrix`, label: "tabMatrix", current: tab === "matrix", show: true },
    { key: "review", href: `${base}?tab=review`, label: "tabReview", current: tab === "review", show: true },
    {
      key: "urging",
      href: `${base}?tab=urging`,
      label: "tabUrging",
      current: tab === "urging",
      show: coordinator,
    },
    {
      key: "status",
      href: `/plans/${planId}/status`,
      label: "tabStatus",
      current: path.endsWith("/status"),
      show: true,
    },
    {
      key: "audit",
      href: `/plans/${planId}/audit`,
      label: "tabAudit",
      current: path.endsWith("/audit"),
      show: coordinator,
    },
    {
      key: "rates",
      href: `/plans/${planId}/rates`,
      label: "tabRates",
      current: path.endsWith("/rates"),
      show: true, // viewers read rates and scorecards too
    },
    {
      key: "documents",
      href: `/plans/${planId}/documents`,
      label: "doc.tab",
      current: path.endsWith("/documents"),
      show: true, // drafts are the coordinator's; viewers read the issued documents
    },
  ];
  return (
    <nav ref={row} className="tabs" aria-label={t("navReporting")} data-testid="reporting-nav">
      {items
        .filter((i) => i.show)
        .map((i) => (
          <Link
            key={i.key}
            href={i.href}
            data-testid={`tab-${i.key}`}
            aria-current={i.current ? "page" : undefined}
          >
            {t(i.label)}
          </Link>
        ))}
    </nav>
  );
}
