import { useEffect, useRef, useState } from "react";
import { formatDate } from "../format.ts";
import { useLang } from "../lang.tsx";
import type { AgencySummary, ScheduleKind, SortKey } from "../types.ts";

export const KINDS: ScheduleKind[] = ["continuous", "recurring", "milestone", "mixed", "unknown"];

/** The filters of the plan page, as kept in its URL (?agency=3&group=2&…). */
export interface Filters {
  agency: string;
  group: string;
  dueTo: string;
  kind: string;
  q: string;
  sort: SortKey;
}

interface Props {
  value: Filters;
  onChange: (patch: Partial<Filters>) => void;
  onClear: () => void;
  agencies: AgencySummary[];
  groups: { code: string; title: string }[];
}

const short = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** Free text is sent 300 ms after the last key press; the other filters at once. */
function SearchBox({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const { t } = useLang();
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const send = useRef(onChange);
  send.current = onChange;
  useEffect(() => {
    // Follow the URL when it changes from elsewhere (clear filters, back button).
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    if (text === sent.current) return;
    const timer = window.setTimeout(() => {
      sent.current = text;
      send.current(text);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [text]);
  return (
    <label className="field f-search">
      <span>{t("search")}</span>
      <input
        type="search"
        data-testid="search"
        value={text}
        placeholder={t("searchPlaceholder")}
        onChange={(e) => setText(e.target.value)}
      />
    </label>
  );
}

export function TaskFilters({ value, onChange, onClear, agencies, groups }: Props) {
  const { t } = useLang();
  const single = agencies.filter((a) => !a.isGroup);
  const grouped = agencies.filter((a) => a.isGroup);
  const active = value.agency || value.group || value.dueTo || value.kind || value.q;
  return (
    <form className="filters" data-testid="filters" onSubmit={(e) => e.preventDefault()}>
      <label className="field f-agency">
        <span>{t("filterAgency")}</span>
        <select
          data-testid="filter-agency"
          value={value.agency}
          onChange={(e) => onChange({ agency: e.target.value })}
        >
          <option value="">{t("allAgencies")}</option>
          <optgroup label={t("singleAgencies")}>
            {single.map((a) => (
              <option key={a.id} value={String(a.id)}>
                {a.name}
              </option>
            ))}
          </optgroup>
          {grouped.length > 0 && (
            <optgroup label={t("agencyGroups")}>
              {grouped.map((a) => (
                <option key={a.id} value={String(a.id)}>
                  {a.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <label className="field f-group">
        <span>{t("filterGroup")}</span>
        <select
          data-testid="filter-group"
          value={value.group}
          onChange={(e) => onChange({ group: e.target.value })}
        >
          <option value="">{t("allGroups")}</option>
          {groups.map((g) => (
            <option key={g.code} value={g.code} title={g.title}>
              {g.code}. {short(g.title)}
            </option>
          ))}
        </select>
      </label>
      <label className="field f-kind">
        <span>{t("filterKind")}</span>
        <select
          data-testid="filter-kind"
          value={value.kind}
          onChange={(e) => onChange({ kind: e.target.value })}
        >
          <option value="">{t("allKinds")}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field f-due">
        <span>
          {t("filterDueBefore")}
          {/* The date box is drawn in the browser's own locale; say the date our way too. */}
          {value.dueTo && <span className="chosen"> {formatDate(value.dueTo)}</span>}
        </span>
        <input
          type="date"
          data-testid="filter-due-before"
          value={value.dueTo}
          onChange={(e) => onChange({ dueTo: e.target.value })}
        />
      </label>
      <SearchBox value={value.q} onChange={(q) => onChange({ q })} />
      <label className="field f-sort">
        <span>{t("sort")}</span>
        <select
          data-testid="sort"
          value={value.sort}
          onChange={(e) => onChange({ sort: e.target.value === "due" ? "due" : "code" })}
        >
          <option value="code">{t("sortCode")}</option>
          <option value="due">{t("sortDue")}</option>
        </select>
      </label>
      {active && (
        <button type="button" className="link-button" data-testid="clear-filters" onClick={onClear}>
          {t("clearFilters")}
        </button>
      )}
    </form>
  );
}
