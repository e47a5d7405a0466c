/**
 * Reading the zone list (data/seeds/tuyen-quang-zones.csv): one industrial park or cluster per
 * row, with a free-text status ("operating; expansion in the plan", "established 2025",
 * "planned (first batch)") and decision text. The status becomes lifecycle events; a decision's
 * date is taken only when the text gives a whole date ("18/11/2014") — "QĐ 08/QĐ-UBND (2025)"
 * gives a year only, kept as the event's year with no date: a count uses it only once the whole
 * year lies in the counted span. No day is ever invented. Remarks that are not events ("infrastructure stalled") stay in the source text.
 */
import { isoDate, isValidDate } from "../../domain/vn-dates.ts";
import type { ZoneKindCode } from "../indicators/catalogue.ts";
import { parseCsv } from "../indicators/csv.ts";

export type ZoneEventKindCode = "planned" | "established" | "expanded" | "operating";

export interface ZoneSeedEvent {
  kind: ZoneEventKindCode;
  date: string | null;
  /** The year alone, when the text gives no whole date ("QĐ 08/QĐ-UBND (2025)", "established 2025"). */
  year: number | null;
  decision: string | null;
  source: string;
}

export interface ZoneSeedRow {
  line: number;
  name: string;
  kind: ZoneKindCode;
  district: string | null;
  totalAreaHa: number | null;
  status: string;
  decision: string | null;
  source: string;
  events: ZoneSeedEvent[];
  /** Parts of the status that are remarks, not events. */
  remarks: string[];
}

/** The first whole date (d/m/yyyy) a text gives, as ISO; null when it gives none (a year alone is not a date). */
export function firstDateIn(text: string | null | undefined): string | null {
  if (!text) return null;
  for (const m of text.matchAll(/(\d{1,2})\/(\d{1,2})\/(\d{4})/g)) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (isValidDate(y, mo, d)) return isoDate(y, mo, d);
  }
  return null;
}

/** A year the text gives on its own ("(2025)", "established 2025"), when it gives no whole date. */
export function yearIn(...texts: (string | null | undefined)[]): number | null {
  for (const t of texts) {
    if (!t || firstDateIn(t)) continue;
    const m = /(?<!\d)(19\d{2}|20\d{2})(?!\d)(?!\/)/.exec(t.replace(/\d{1,4}\/[^\s,;)]*/g, " "));
    if (m) return Number(m[1]);
  }
  return null;
}

function zoneKindOf(text: string): ZoneKindCode | null {
  const t = text.trim().toLowerCase();
  if (t === "industrial park" || t === "industrial_park" || t === "khu công nghiệp") return "industrial_park";
  if (t === "industrial cluster" || t === "industrial_cluster" || t === "cụm công nghiệp")
    return "industrial_cluster";
  return null;
}

export function parseZonesCsv(
  text: string,
  fileName = "tuyen-quang-zones.csv",
): { rows: ZoneSeedRow[]; problems: { line: number; reason: string }[] } {
  const { records, problem } = parseCsv(text, ",");
  const problems: { line: number; reason: string }[] = problem
    ? [{ line: problem.line, reason: problem.reason }]
    : [];
  const header = (records[0]?.cells ?? []).map((h) => h.trim());
  const want = ["name", "kind", "district", "area_ha", "status", "decision", "source"];
  if (want.some((w, i) => header[i] !== w))
    return { rows: [], problems: [{ line: 1, reason: `header must be ${want.join(",")}` }] };
  const rows: ZoneSeedRow[] = [];
  for (const r of records.slice(1)) {
    const [name = "", kindText = "", district = "", area = "", status = "", decision = "", ...rest] =
      r.cells.map((c) => c.trim());
    const kind = zoneKindOf(kindText);
    if (!name || !kind) {
      problems.push({
        line: r.line,
        reason: "a name and a kind (industrial park | industrial cluster) are required",
      });
      continue;
    }
    const areaHa = area === "" ? null : Number(area);
    if (areaHa !== null && !Number.isFinite(areaHa)) {
      problems.push({ line: r.line, reason: `area_ha is not a number: ${area}` });
      continue;
    }
    const sourceText = rest.join(",").trim();
    const source = `${sourceText || "—"} (${fileName} dòng/line ${r.line}: "${status}")`;
    const events: ZoneSeedEvent[] = [];
    const remarks: string[] = [];
    for (const part of status
      .split(";")
      .map((p) => p.trim())
      .filter(Boolean)) {
      const p = part.toLowerCase();
      const dated = (kind: "established" | "expanded"): ZoneSeedEvent => {
        const date = firstDateIn(decision);
        return { kind, date, year: date ? null : yearIn(decision, part), decision: decision || null, source };
      };
      if (p.startsWith("operating"))
        events.push({ kind: "operating", date: null, year: null, decision: null, source });
      else if (p.startsWith("established")) events.push(dated("established"));
      else if (p.startsWith("expanded")) events.push(dated("expanded"));
      else if (p.includes("planned"))
        events.push({ kind: "planned", date: null, year: null, decision: null, source });
      else remarks.push(part);
    }
    rows.push({
      line: r.line,
      name,
      kind,
      district: district || null,
      totalAreaHa: areaHa,
      status,
      decision: decision || null,
      source,
      events,
      remarks,
    });
  }
  return { rows, problems };
}
