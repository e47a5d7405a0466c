import { api, type Fetched, itemsOf, useJson } from "../api.ts";
import { cellState, DueInfo, effectiveDue, PeriodName, StateBadge } from "../components/ReportBits.tsx";
import { ErrorBox, Loading } from "../components/Status.tsx";
import type { MessageKey } from "../i18n.ts";
import { useLang, useTitle } from "../lang.tsx";
import type { ExpectedReport, SessionUser } from "../reporting-types.ts";
import { canSubmit, reportingAgencies } from "../roles.ts";
import { Link } from "../router.tsx";

type Answer = { items: ExpectedReport[] } | ExpectedReport[];

const GROUPS: { key: string; heading: MessageKey; states: ExpectedReport["state"][]; empty: MessageKey }[] = [
  {
    key: "todo",
    heading: "myTodo",
    states: ["not_started", "draft", "awaiting_leader"],
    empty: "myTodoEmpty",
  },
  { key: "returned", heading: "myReturned", states: ["returned"], empty: "myReturnedEmpty" },
  { key: "submitted", heading: "mySubmitted", states: ["submitted"], empty: "mySubmittedEmpty" },
  { key: "accepted", heading: "myAccepted", states: ["accepted"], empty: "myAcceptedEmpty" },
];

/**
 * The coordinator's comment on the last return, shown until the report is sent again — also
 * once a save has made it a draft (issue 9 §2: the leader's list kept losing it).
 */
function ReturnComment({ item }: { item: ExpectedReport }) {
  const { t } = useLang();
  if (!item.returnComment) return null;
  return (
    <blockquote className="review-comment" data-testid="return-comment">
      {item.state !== "returned" && (
        <span className="small" data-testid="returned-before">
          {t("returnedBefore")} ·{" "}
        </span>
      )}
      <span className="small muted">{t("coordinatorComment")}</span>
      <p>{item.returnComment}</p>
    </blockquote>
  );
}

function WorkItem({ item, user }: { item: ExpectedReport; user: SessionUser }) {
  const { t } = useLang();
  const leader = canSubmit(user, item.planId, item.agency.id);
  const action =
    leader && (item.state === "draft" || item.state === "awaiting_leader")
      ? t("openToApprove")
      : item.state === "returned" || item.state === "draft" || item.state === "not_started"
        ? t("openToWrite")
        : t("openToRead");
  return (
    <li
      className="card work-item"
      data-testid="work-item"
      data-id={item.id}
      data-state={item.state}
      data-period={item.period.label}
    >
      <div className="work-head">
        <Link href={`/reports/${item.id}`} className="work-title" data-testid="work-link">
          {t("reportWord")} <PeriodName period={item.period} />
        </Link>
        <StateBadge state={cellState(item)} late={item.late} />
        {item.period.demo && (
          <span className="badge muted" data-testid="demo-badge" title={t("demoDataHint")}>
            {t("demoData")}
          </span>
        )}
      </div>
      <p className="small muted">
        {item.agency.name} · {t(`freq.${item.period.frequency}`)}
      </p>
      <p className="small">
        <DueInfo report={item} />
      </p>
      <ReturnComment item={item} />
      <Link href={`/reports/${item.id}`} className="button-link" data-testid="work-open">
        {action} →
      </Link>
    </li>
  );
}

function AgencyWork({
  agencyId,
  planId,
  user,
}: {
  agencyId: number;
  planId: number | null;
  user: SessionUser;
}) {
  const { t } = useLang();
  const list: Fetched<Answer> = useJson<Answer>(
    api.expectedReports({ agency: agencyId, plan: planId ?? undefined }),
  );
  if (list.state === "error") return <ErrorBox error={list.error} />;
  if (!list.data) return <Loading />;
  const items = itemsOf(list.data).sort((a, b) => effectiveDue(a).localeCompare(effectiveDue(b)));
  if (items.length === 0)
    return (
      <p className="empty" data-testid="my-empty">
        {t("myNothing")}
      </p>
    );
  return (
    <div className="work-groups">
      {GROUPS.map((g) => {
        const mine = items.filter((i) => g.states.includes(i.state));
        return (
          <section
            key={g.key}
            className="work-group"
            data-testid={`my-${g.key}`}
            aria-labelledby={`h-${g.key}-${agencyId}`}
          >
            <h2 id={`h-${g.key}-${agencyId}`}>
              {t(g.heading)} <span className="count-pill">{mine.length}</span>
            </h2>
            {mine.length === 0 ? (
              <p className="muted small">{t(g.empty)}</p>
            ) : (
              <ul className="work-list">
                {mine.map((i) => (
                  <WorkItem key={i.id} item={i} user={user} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** "Việc của tôi": the reports the user's agency owes, by what is to be done with them. */
export function MyWorkPage({ user }: { user: SessionUser }) {
  const { t } = useLang();
  useTitle(t("navMyWork"));
  // One block per agency (and plan) the user reports for; usually exactly one.
  const seen = new Set<string>();
  const agencies = reportingAgencies(user).filter((a) => {
    const k = `${a.agencyId}:${a.planId}`;
    return !seen.has(k) && seen.add(k);
  });
  return (
    <section data-testid="my-work">
      <h1>{t("navMyWork")}</h1>
      {agencies.length === 0 && <p className="empty">{t("myNoAgency")}</p>}
      {agencies.map((a) => (
        <div key={`${a.agencyId}-${a.planId}`}>
          {agencies.length > 1 && (
            <h2>{a.agencyId === user.agencyId ? user.agencyName : `#${a.agencyId}`}</h2>
          )}
          {agencies.length === 1 && user.agencyName && <p className="muted">{user.agencyName}</p>}
          <AgencyWork agencyId={a.agencyId} planId={a.planId} user={user} />
        </div>
      ))}
    </section>
  );
}
