import { api, itemsOf, useJson } from "../../api.ts";
import { useLang } from "../../lang.tsx";
import type { ExpectedReport } from "../../reporting-types.ts";
import { Link } from "../../router.tsx";
import { PeriodName, SentAt, StateBadge } from "../ReportBits.tsx";
import { ErrorBox, Loading } from "../Status.tsx";

/** Submitted reports waiting for the coordinator, oldest first. */
export function ReviewQueue({ planId, coordinator }: { planId: number; coordinator: boolean }) {
  const { t } = useLang();
  const list = useJson<{ items: ExpectedReport[] } | ExpectedReport[]>(
    api.expectedReports({ plan: planId, state: "submitted" }),
  );
  if (list.state === "error") return <ErrorBox error={list.error} />;
  if (!list.data) return <Loading />;
  const items = itemsOf(list.data)
    .filter((i) => i.state === "submitted")
    .sort((a, b) =>
      (a.lastSubmittedAt ?? a.submittedAt ?? "").localeCompare(b.lastSubmittedAt ?? b.submittedAt ?? ""),
    );
  return (
    <section data-testid="review-queue">
      <h2>{t("reviewQueueHeading", { n: items.length })}</h2>
      {items.length === 0 ? (
        <p className="empty" data-testid="review-empty">
          {t("reviewQueueEmpty")}
        </p>
      ) : (
        <ul className="work-list">
          {items.map((i) => (
            <li
              key={i.id}
              className="card work-item"
              data-testid="review-item"
              data-id={i.id}
              data-agency={i.agency.name}
              data-period={i.period.label}
            >
              <div className="work-head">
                <strong>{i.agency.name}</strong>
                <StateBadge state={i.state} late={i.late} />
              </div>
              <p className="small">
                {t("reportWord")} <PeriodName period={i.period} /> ·{" "}
                <span data-testid="review-sent-at">
                  <SentAt report={i} />
                </span>
              </p>
              <Link href={`/reports/${i.id}`} className="button-link" data-testid="review-open">
                {t(coordinator ? "openToReview" : "openToRead")} →
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
