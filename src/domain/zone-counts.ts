/**
 * Counting targets derived from zone events, never typed (MODEL.md: "Counting targets (new
 * parks, new clusters, occupancy) are derived from Zone events, not typed"). A park or cluster
 * is "established" by a founding decision (quyết định thành lập) with a number and a date, and
 * "expanded" by an adjustment decision; both are counted separately, for the plan's targets:
 *  (4) "thành lập mới: KCN Nam Sơn Dương, KCN Tam Đa … và KCN Nhữ Khê; điều chỉnh mở rộng KCN
 *      Long Bình An" — named zones: which are done, which are not;
 *  (5) "Quy hoạch, thành lập mới ít nhất 5 cụm công nghiệp" — a count of founding decisions.
 * An event without a decision number and a valid date is not evidence and is not counted; it is
 * listed with the reason, as are events outside the period or outside the territory. A decision
 * known only by its year counts once that whole year lies inside the span (so a final count
 * after the period uses it; an "as of" date inside that year does not) — no day is invented.
 */

import { scopeWords, vnDate } from "./evaluation-text.ts";
import type { Bilingual } from "./indicator-values.ts";
import type { ZoneKind } from "./occupancy.ts";
import { isValidIsoDate } from "./vn-dates.ts";

export type ZoneEventKind = "planned" | "established" | "expanded" | "operating";

export interface ZoneEvent {
  zone: string;
  zoneKind: ZoneKind;
  event: ZoneEventKind;
  /** Decision date (ISO). */
  date?: string | null;
  /** The decision's year when only the year is known: used once the whole year is inside the span. */
  year?: number | null;
  /** Decision number, e.g. "08/QĐ-UBND". */
  decision?: string | null;
  source?: string;
  /** Territory the zone lies in (e.g. "Tuyên Quang (pre-merger)"), when known. */
  territory?: string;
}

export interface Ignored {
  event: ZoneEvent;
  reason: Bilingual;
}

export interface CountResult {
  /** Distinct zones with a qualifying decision in the period: the target counts zones. */
  count: number;
  counted: ZoneEvent[];
  ignored: Ignored[];
}

/**
 * Is a zone inside the territory a target is scoped to (REGULATIONS.md §5)? A zone whose
 * territory is not stated is; the merged province ("… (merged)", the scope naming of MODEL.md)
 * holds every zone of it; no territory asked for means every zone.
 */
export function inTerritory(z: { territory?: string | null }, territory: string | undefined): boolean {
  if (territory === undefined || z.territory == null || z.territory === territory) return true;
  return territory.endsWith(" (merged)");
}

export interface CountOptions {
  /** Only zones in this territory count: the plan's targets are for pre-merger Tuyên Quang (REGULATIONS.md §5). */
  territory?: string;
}

/**
 * A comparable form of a zone's name: Unicode NFC, lower case, single spaces, spaces around
 * dashes unified, and the kind prefix dropped ("Khu công nghiệp Tam Đa", "KCN Tam Đa" → "tam đa").
 */
export function zoneKey(name: string): string {
  return name
    .normalize("NFC")
    .toLowerCase()
    .replace(/\s*[-–]\s*/g, " - ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(khu công nghiệp|cụm công nghiệp|kcn|ccn)\s+/, "");
}

/** Where an event sorts: its day, or for a year-only decision the year's last day. */
function sortDay(e: ZoneEvent): string {
  return e.date ?? (e.year != null ? `${e.year}-12-31` : "");
}

function countEvents(
  events: readonly ZoneEvent[],
  event: "established" | "expanded",
  zoneKind: ZoneKind,
  from: string,
  to: string,
  options: CountOptions,
): CountResult {
  const counted: ZoneEvent[] = [];
  const ignored: Ignored[] = [];
  const seen = new Set<string>();
  const skip = (e: ZoneEvent, vi: string, en: string) => ignored.push({ event: e, reason: { vi, en } });
  const candidates = events
    .filter((e) => e.event === event && e.zoneKind === zoneKind)
    .sort((a, b) => sortDay(a).localeCompare(sortDay(b)));
  for (const e of candidates) {
    const date = e.date ?? "";
    const yearOnly = !isValidIsoDate(date) && e.year != null;
    if (!e.decision?.trim() || (!isValidIsoDate(date) && !yearOnly))
      skip(e, "Thiếu số hoặc ngày quyết định: không tính.", "No decision number or date: not counted.");
    else if (yearOnly && (`${e.year}-01-01` < from || `${e.year}-12-31` > to))
      skip(
        e,
        `Quyết định năm ${e.year}, chưa rõ ngày: chỉ tính khi cả năm ${e.year} nằm trong kỳ ${vnDate(from)} – ${vnDate(to)}.`,
        `Decision of ${e.year}, day unknown: counted only when the whole of ${e.year} lies within ${vnDate(from)} – ${vnDate(to)}.`,
      );
    else if (!yearOnly && (date < from || date > to))
      skip(
        e,
        `Quyết định ngày ${vnDate(date)} ngoài kỳ ${vnDate(from)} – ${vnDate(to)}.`,
        `Decision of ${vnDate(date)} is outside ${vnDate(from)} – ${vnDate(to)}.`,
      );
    else if (!inTerritory(e, options.territory))
      skip(
        e,
        `Ngoài địa bàn ${scopeWords(options.territory ?? "", "vi")}.`,
        `Outside ${scopeWords(options.territory ?? "", "en")}.`,
      );
    else if (seen.has(zoneKey(e.zone))) skip(e, "Đã tính cho khu, cụm này.", "This zone is already counted.");
    else {
      seen.add(zoneKey(e.zone));
      counted.push(e);
    }
  }
  return { count: counted.length, counted, ignored };
}

/**
 * Zones of `zoneKind` founded in [from, to] (ISO dates, inclusive): "established" events with a
 * decision number and date. A zone founded twice in the period (e.g. a replaced decision) counts
 * once. Events without a territory are counted when `options.territory` is given: the caller
 * should record it for zones that may lie in former Hà Giang.
 */
export function countEstablished(
  events: readonly ZoneEvent[],
  zoneKind: ZoneKind,
  from: string,
  to: string,
  options: CountOptions = {},
): CountResult {
  return countEvents(events, "established", zoneKind, from, to, options);
}

/** Zones of `zoneKind` expanded in [from, to]: "expanded" events, counted apart from foundings. */
export function countExpanded(
  events: readonly ZoneEvent[],
  zoneKind: ZoneKind,
  from: string,
  to: string,
  options: CountOptions = {},
): CountResult {
  return countEvents(events, "expanded", zoneKind, from, to, options);
}

/** A zone a target names, and what must happen to it. */
export interface NamedZone {
  zone: string;
  /** Other names the zone goes by ("Nhữ Khê" in the plan, "Nhữ Khê - Đội Cấn" in the zoning plan). */
  aliases?: readonly string[];
  zoneKind: ZoneKind;
  event: "established" | "expanded";
}

export interface NamedProgress {
  done: { named: NamedZone; evidence: ZoneEvent }[];
  /** Not done, with the zone's latest recorded event of any kind (its status), if any. */
  notDone: { named: NamedZone; lastEvent: ZoneEvent | null }[];
  rule: Bilingual;
}

/**
 * For a target that names its zones (target 4): each named zone is done when it has a qualifying
 * decision (see countEstablished / countExpanded) in [from, to]. Names are matched by zoneKey,
 * including aliases — never by prefix, so "Nam Sơn Dương" is not "Sơn Dương".
 */
export function namedZoneProgress(
  events: readonly ZoneEvent[],
  named: readonly NamedZone[],
  from: string,
  to: string,
  options: CountOptions = {},
): NamedProgress {
  const done: NamedProgress["done"] = [];
  const notDone: NamedProgress["notDone"] = [];
  for (const n of named) {
    const keys = new Set([n.zone, ...(n.aliases ?? [])].map(zoneKey));
    const mine = events.filter((e) => keys.has(zoneKey(e.zone)) && e.zoneKind === n.zoneKind);
    const evidence = countEvents(mine, n.event, n.zoneKind, from, to, options).counted[0];
    if (evidence) {
      done.push({ named: n, evidence });
      continue;
    }
    const dated = mine
      .filter((e) => isValidIsoDate(e.date ?? ""))
      .sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
    notDone.push({ named: n, lastEvent: dated.at(-1) ?? mine.at(-1) ?? null });
  }
  const list = (xs: { named: NamedZone }[]) => xs.map((x) => x.named.zone).join(", ") || "—";
  return {
    done,
    notDone,
    rule: {
      vi: `Tính là hoàn thành khi có quyết định (số, ngày) trong kỳ ${vnDate(from)} – ${vnDate(to)}. Đã hoàn thành ${done.length}/${named.length}: ${list(done)}. Chưa hoàn thành: ${list(notDone)}.`,
      en: `Done when a decision (number, date) falls within ${vnDate(from)} – ${vnDate(to)}. Done ${done.length}/${named.length}: ${list(done)}. Not done: ${list(notDone)}.`,
    },
  };
}
