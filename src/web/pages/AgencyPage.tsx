import { api, useJson } from "../api.ts";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { TaskTable } from "../components/TaskTable.tsx";
import { formatDate } from "../format.ts";
import { isMessageKey } from "../i18n.ts";
import { useLang, useTitle } from "../lang.tsx";
import { Link } from "../router.tsx";
import type { Agency } from "../types.ts";

export function AgencyPage({ id }: { id: number }) {
  const { t } = useLang();
  const agency = useJson<Agency>(api.agency(id));
  useTitle(agency.data?.name ?? null);
  if (agency.state === "error") return <ErrorBox error={agency.error} />;
  if (!agency.data) return <Loading />;
  const a = agency.data;
  // Aliases as written may differ from the name or from each other only by case.
  const seen = new Set([a.name.toLowerCase()]);
  const aliases = a.aliases.filter((x) => !seen.has(x.toLowerCase()) && seen.add(x.toLowerCase()));
  const tags = [a.kind && `agencyKind.${a.kind}`, a.level && `level.${a.level}`].filter((k): k is string =>
    Boolean(k),
  );
  return (
    <article className="agency-page" data-testid="agency-detail" data-id={a.id}>
      <h1 data-testid="agency-name">
        {a.name}
        {a.shortName && <span className="muted"> ({a.shortName})</span>}
      </h1>
      <p className="tags">
        {a.isGroup && <span className="tag group-tag">{t("isGroup")}</span>}
        {tags.map((k) => (
          <span key={k} className="tag">
            {isMessageKey(k) ? t(k) : k.split(".")[1]}
          </span>
        ))}
      </p>
      <dl className="facts">
        {aliases.length > 0 && (
          <div>
            <dt>{t("aliases")}</dt>
            <dd data-testid="agency-aliases">{aliases.join("; ")}</dd>
          </div>
        )}
        {(a.validFrom || a.validTo) && (
          <div>
            <dt>{t("validity")}</dt>
            <dd>
              {t("validFromTo", { from: formatDate(a.validFrom) || "…", to: formatDate(a.validTo) || "…" })}
            </dd>
          </div>
        )}
        {a.successor && (
          <div>
            <dt>{t("successor")}</dt>
            <dd>
              <Link href={`/agencies/${a.successor.id}`}>{a.successor.name}</Link>
            </dd>
          </div>
        )}
      </dl>
      {a.members.length > 0 && (
        <section>
          <h2 className="small-heading">{t("members")}</h2>
          <ul className="agency-list" data-testid="agency-members">
            {a.members.map((m) => (
              <li key={m.id}>
                <Link href={`/agencies/${m.id}`} className="agency">
                  {m.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2>{t("leadTasks", { n: a.lead.length })}</h2>
        <TaskTable tasks={a.lead} testid="agency-lead-tasks" />
      </section>
      <section>
        <h2>{t("coordTasks", { n: a.coordinating.length })}</h2>
        <TaskTable tasks={a.coordinating} testid="agency-coord-tasks" />
      </section>
      {a.handedOver.length > 0 && (
        <section data-testid="agency-handed-over">
          <h2>{t("handedOverTasks", { n: a.handedOver.length })}</h2>
          <ul className="agency-list">
            {a.handedOver.map((h) => (
              <li key={`${h.task.id}-${h.role}`}>
                <Link href={`/tasks/${h.task.id}`}>
                  {h.task.code}{" "}
                  {h.task.content.length > 90 ? `${h.task.content.slice(0, 90)}…` : h.task.content}
                </Link>{" "}
                <span className="muted">
                  —{" "}
                  {t(h.role === "lead" ? "handedOverLead" : "handedOverCoord", { date: formatDate(h.until) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
