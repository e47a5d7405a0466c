import "../targets.css";
import { query, useJson } from "../api.ts";
import { useAuth } from "../auth.tsx";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { mayEnterFigures } from "../components/target-data/types.ts";
import { DataNotes } from "../components/targets/DataNotes.tsx";
import { TargetCard } from "../components/targets/TargetCard.tsx";
import type { Evaluation } from "../components/targets/types.ts";
import { ZoneMap } from "../components/targets/ZoneMap.tsx";
import { evaluationPath } from "../data-paths.ts";
import { formatDate } from "../format.ts";
import { useLang, useTitle } from "../lang.tsx";
import { Link, navigate, useLocation } from "../router.tsx";

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** /plans/:id/targets — public: each target evaluated as of a date, with charts, and the zone map. */
export function TargetsPage({ planId }: { planId: number }) {
  const { lang, t } = useLang();
  const { search } = useLocation();
  const { user } = useAuth();
  const asOfParam = search.get("asOf") ?? "";
  const asOf = ISO.test(asOfParam) ? asOfParam : "";
  const ev = useJson<Evaluation>(evaluationPath(planId, asOf));
  useTitle(t("tg.title"));
  // Every measure's period over: say so once, above the targets (issue 10 §3).
  const all = ev.data?.targets.flatMap((x) => x.measures) ?? [];
  const last = all.reduce((y, m) => Math.max(y, m.goal.year), 0);
  const ended =
    all.length > 0 && all.every((m) => m.evaluation.periodEnded)
      ? { end: `${last}-12-31`, year: last }
      : null;
  const setAsOf = (value: string) => {
    if (value === "" || ISO.test(value))
      navigate(`/plans/${planId}/targets${query({ asOf: value })}`, { replace: true });
  };
  return (
    <article className="tg-page" data-testid="targets-page">
      <p>
        <Link href={`/plans/${planId}`}>{t("tg.backToPlan")}</Link>
        {" · "}
        {/* Targets 4 and 5 move with the zones; tasks 4.3 and 8.9 follow the investment projects. */}
        <Link href="/projects" data-testid="projects-link">
          {t("pj.link")}
        </Link>
        {mayEnterFigures(user, planId) && (
          <>
            {" · "}
            <Link href={`/plans/${planId}/targets/data`} data-testid="target-data-link">
              {t("td.link")}
            </Link>
          </>
        )}
      </p>
      <h1>{t("tg.title")}</h1>
      <label className="tg-asof">
        {t("tg.asOf")}{" "}
        <input
          type="date"
          data-testid="as-of"
          value={asOf || ev.data?.asOf || ""}
          onChange={(e) => setAsOf(e.target.value)}
        />
      </label>
      {ev.state === "error" && <ErrorBox error={ev.error} />}
      {!ev.data && ev.state !== "error" && <Loading />}
      {ev.data && (
        <div aria-busy={ev.state === "loading"} data-testid="tg-targets">
          {ended && (
            <p className="tg-ended" data-testid="plan-ended">
              {t("tg.ended", { date: formatDate(ended.end), year: ended.year })}
            </p>
          )}
          <p className="muted small">{ev.data.scopeNote[lang]}</p>
          {ev.data.targets.map((target) => (
            <TargetCard key={target.id} target={target} />
          ))}
          <DataNotes notes={ev.data.notes} />
        </div>
      )}
      {/* The date asked for, not the evaluation's answer: with no date both mean today, and the
          map asked for its occupancy twice (before and after the evaluation came back). */}
      <ZoneMap asOf={asOf} />
    </article>
  );
}
