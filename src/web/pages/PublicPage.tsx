import "../dashboard.css";
import { useJson } from "../api.ts";
import { Section } from "../components/dashboard/Sections.tsx";
import { Tiles } from "../components/dashboard/Tiles.tsx";
import type { PublicPlanData } from "../components/dashboard/types.ts";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { formatDate, formatNumber, formatPeriod } from "../format.ts";
import { useLang, useTitle } from "../lang.tsx";
import { TASK_STATUSES } from "../reporting-types.ts";
import { Link } from "../router.tsx";

interface PublishedPlan {
  id: number;
  title: string;
  number: string | null;
  issuer: string | null;
  periodStart: number | null;
  periodEnd: number | null;
}

/** /public — the plans an administrator has published (anonymous). */
export function PublicPlansPage() {
  const { t } = useLang();
  const list = useJson<{ items: PublishedPlan[] }>("/api/public/plans");
  useTitle(t("pub.title"));
  return (
    <article data-testid="public-plans">
      <h1>{t("pub.title")}</h1>
      {list.state === "error" && <ErrorBox error={list.error} />}
      {!list.data && list.state !== "error" && <Loading />}
      {list.data && list.data.items.length === 0 && <p className="muted">{t("pub.none")}</p>}
      <ul>
        {list.data?.items.map((p) => (
          <li key={p.id}>
            <Link href={`/public/plans/${p.id}`}>{p.title}</Link>{" "}
            <span className="muted small">
              {p.number ? `${p.number} · ` : ""}
              {formatPeriod(p.periodStart, p.periodEnd)}
            </span>
          </li>
        ))}
      </ul>
    </article>
  );
}

const ha = (n: number | null, lang: "vi" | "en") => (n === null ? null : formatNumber(n, lang, 1));

/**
 * /public/plans/:id — a published plan for anyone (plan tasks 7.1 and 8.6): its targets and
 * their evaluation, the tasks' progress as counts, and the zones with land to lease for
 * investors. "Not found" when the plan is not published.
 */
export function PublicPlanPage({ planId }: { planId: number }) {
  const { lang, t } = useLang();
  const res = useJson<PublicPlanData>(`/api/public/plans/${planId}`);
  useTitle(res.data?.plan.title ?? t("pub.title"));
  if (res.state === "error") {
    return res.error.status === 404 ? (
      <div className="error" data-testid="public-not-found">
        <p>{t("pub.notFound")}</p>
        <Link href="/public">{t("pub.listLink")}</Link>
      </div>
    ) : (
      <ErrorBox error={res.error} />
    );
  }
  const d = res.data;
  if (!d) return <Loading />;
  // Zones with free land first (most first); a column of figures only when some zone has them.
  const zones = [...d.zones].sort((a, b) => (b.availableHa ?? -1) - (a.availableHa ?? -1));
  const figures = zones.some((z) => z.leasableHa !== null || z.leasedHa !== null);
  return (
    <article className="db-page" data-testid="public-plan">
      <h1>{d.plan.title}</h1>
      <p className="muted">
        {[d.plan.number, d.plan.issuer, d.plan.issuedOn ? formatDate(d.plan.issuedOn) : null]
          .filter(Boolean)
          .join(" · ")}
        {" · "}
        {formatPeriod(d.plan.periodStart, d.plan.periodEnd)}
      </p>
      {d.plan.ended && d.plan.endsOn && (
        <p className="notice">
          {t("db.ended", { date: formatDate(d.plan.endsOn), asOf: formatDate(d.asOf) })}
        </p>
      )}
      <Section id="targets" title={t("db.targets")}>
        <Tiles tiles={d.targets} href={null} />
      </Section>
      <Section id="progress" title={t("pub.progress")}>
        <p className="small muted">{t("db.tasksTotal", { n: d.tasks.total, date: formatDate(d.asOf) })}</p>
        <ul className="db-counts" data-testid="public-counts">
          {TASK_STATUSES.filter((s) => d.tasks.counts[s]).map((s) => (
            <li key={s} className={`ts-${s}`}>
              <span className="db-count-box">
                <strong>{d.tasks.counts[s]}</strong> {t(`ts.${s}`)}
              </span>
            </li>
          ))}
        </ul>
      </Section>
      <Section id="zones" title={t("pub.zones")}>
        <p className={figures ? "small" : "notice small"}>
          {t(figures ? "pub.zonesIntro" : "pub.noFigures")}
        </p>
        <table className="db-table pub-zones" data-testid="public-zones">
          <thead>
            <tr>
              <th scope="col">{t("pub.zone")}</th>
              <th scope="col">{t("pub.district")}</th>
              {figures && (
                <>
                  <th scope="col">{t("pub.leasable")}</th>
                  <th scope="col">{t("pub.leased")}</th>
                  <th scope="col">{t("pub.available")}</th>
                  <th scope="col">{t("pub.snapshot")}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {zones.map((z) => (
              <tr key={z.id}>
                <td>{z.name}</td>
                <td>{z.district ?? ""}</td>
                {figures && (
                  <>
                    <td>{ha(z.leasableHa, lang) ?? "—"}</td>
                    <td>{ha(z.leasedHa, lang) ?? "—"}</td>
                    <td>
                      <strong>{ha(z.availableHa, lang) ?? t("pub.unknown")}</strong>
                    </td>
                    <td>{z.snapshotOn ? formatDate(z.snapshotOn) : ""}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </article>
  );
}
