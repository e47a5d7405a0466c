import { useLang } from "../lang.tsx";
import { Link } from "../router.tsx";
import type { AgencyRef } from "../types.ts";

/** One agency: a plain link; a group of agencies: a link styled as a tag marked "nhóm". */
export function AgencyLink({ agency }: { agency: AgencyRef }) {
  const { t } = useLang();
  if (agency.isGroup) {
    return (
      <Link
        href={`/agencies/${agency.id}`}
        className="agency group"
        data-testid="agency-link"
        data-group="true"
      >
        {agency.name}
        <span className="tag">{t("groupTag")}</span>
      </Link>
    );
  }
  return (
    <Link href={`/agencies/${agency.id}`} className="agency" data-testid="agency-link">
      {agency.name}
    </Link>
  );
}

/** Single agencies first, then groups; one per line. */
export function AgencyList({ agencies, testid }: { agencies: AgencyRef[]; testid?: string }) {
  const { t } = useLang();
  if (agencies.length === 0) return <span className="muted">{t("none")}</span>;
  const sorted = [...agencies.filter((a) => !a.isGroup), ...agencies.filter((a) => a.isGroup)];
  return (
    <ul className="agency-list" data-testid={testid}>
      {sorted.map((a) => (
        <li key={a.id}>
          <AgencyLink agency={a} />
        </li>
      ))}
    </ul>
  );
}
