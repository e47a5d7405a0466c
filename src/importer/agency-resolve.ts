/**
 * Resolving agency phrases (from splitAgencyCell) to agencies and groups.
 *
 * GLOSSARY.md "Bodies": one document writes the same body several ways ("Ban Quản lý các khu
 * Công nghiệp", "Ban Quản lý các khu công nghiệp tỉnh", "BQL các khu CN tỉnh"; "Sở Giao thông"
 * for "Sở Giao thông vận tải"), and aliases must resolve to one agency. Vague groups ("Các sở,
 * ngành liên quan", "UBND huyện, thành phố") are kept as groups and never given members.
 */
import {
  AGENCY_CATALOGUE,
  type CatalogueAgency,
  CENTRAL_CITIES,
  PROVINCES,
  STANDARD_GROUPS,
} from "./agency-catalogue.ts";
import type { AgencyKind, AgencyLevel, AgencyRefJson } from "./plan-json.ts";

/**
 * Old-style tone placement → new style at the end of a syllable (hoá → hóa, thuỷ → thủy,
 * uỷ → ủy): on decomposed text, the tone mark moves from the second vowel to the first.
 */
const OLD_TONE = /([ou])([aey])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{N}])/gu;

const word = (src: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${src})(?![\\p{L}\\p{N}])`, "gu");
const SEP = "\\s*[&-]?\\s*";

/** Abbreviations of official correspondence, matched on lowercase text. */
const ABBREVIATIONS: readonly [RegExp, string][] = [
  [word("ubnd"), "ủy ban nhân dân"],
  [word("hđnd"), "hội đồng nhân dân"],
  [word("bql"), "ban quản lý"],
  [word("khu\\s+cn|kcn"), "khu công nghiệp"],
  [word("cụm\\s+cn|ccn"), "cụm công nghiệp"],
  [word("kkt"), "khu kinh tế"],
  [word(`tn${SEP}mt`), "tài nguyên và môi trường"],
  [word(`kh${SEP}đt`), "kế hoạch và đầu tư"],
  [word(`nn${SEP}ptnt`), "nông nghiệp và phát triển nông thôn"],
  [word(`nn${SEP}mt`), "nông nghiệp và môi trường"],
  [word(`gt${SEP}vt`), "giao thông vận tải"],
  [word(`kh${SEP}cn`), "khoa học và công nghệ"],
  [word(`lđ${SEP}tb${SEP}xh`), "lao động thương binh và xã hội"],
  [word(`tt${SEP}tt`), "thông tin và truyền thông"],
  [word(`gd${SEP}đt`), "giáo dục và đào tạo"],
  [word(`vh\\s*[,&-]?\\s*tt${SEP}dl`), "văn hóa thể thao và du lịch"],
  [word(`dt${SEP}tg`), "dân tộc và tôn giáo"],
  [word("mttq"), "mặt trận tổ quốc"],
  [word(`pt${SEP}th`), "phát thanh và truyền hình"],
  [word("xtđt"), "xúc tiến đầu tư"],
  [word("vp"), "văn phòng"],
];

/** Lowercase, unified tones, abbreviations expanded, no punctuation: the key before "tỉnh …" goes. */
function baseKey(name: string): string {
  let s = name.normalize("NFD").toLowerCase().replace(OLD_TONE, "$1$3$2").normalize("NFC");
  for (const [re, full] of ABBREVIATIONS) s = s.replace(re, full);
  return s
    .replace(/&/gu, " và ")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

const PROVINCE_KEYS = PROVINCES.map(baseKey).sort((a, b) => b.length - a.length);
const TRAILING_PROVINCE = new RegExp(`\\s+tỉnh(?:\\s+(?:${PROVINCE_KEYS.join("|")}))?$`, "u");
const CENTRAL_CITY_KEYS = CENTRAL_CITIES.map(baseKey);

/**
 * Normalised matching key of an agency name. Every agency in a provincial plan belongs to that
 * province, so a trailing "tỉnh" / "tỉnh Tuyên Quang" carries no information and is dropped:
 * "BQL các khu CN tỉnh" and "Ban Quản lý các khu Công nghiệp" get the same key.
 */
export function agencyKey(name: string): string {
  return baseKey(name).replace(TRAILING_PROVINCE, "");
}

/**
 * True for vague groups, never single agencies (GLOSSARY.md: "keep it as a group, never invent
 * members"): any "các …" phrase, and people's committees in the plural ("UBND huyện, thành
 * phố", "UBND các xã, phường", "UBND cấp huyện"). "UBND huyện Lâm Bình" is one agency.
 */
export function isAgencyGroup(phrase: string): boolean {
  const k = agencyKey(phrase);
  if (/^các\s/u.test(k)) return true;
  // "Trường Đại học có liên quan", "đơn vị liên quan": an open-ended set, not one body.
  if (/(?:^|\s)(?:có\s)?liên quan$/u.test(k)) return true;
  const rest = /^ủy ban nhân dân\s+(.+)$/u.exec(k)?.[1];
  if (rest === undefined) return false;
  if (/^(?:các|cấp)(?:\s|$)/u.test(rest)) return true;
  const units = rest.match(/thành phố|thị xã|thị trấn|huyện|quận|xã|phường/gu) ?? [];
  const leftover = rest.replace(/thành phố|thị xã|thị trấn|huyện|quận|xã|phường|và/gu, "").trim();
  return leftover === "" && new Set(units).size >= 2;
}

const GROUP_INDEX = new Map(
  STANDARD_GROUPS.flatMap((g) => [g.name, ...g.aliases].map((a) => [agencyKey(a), g] as const)),
);

/** Commas followed by one space, no space before them, none at the end. */
function tidy(phrase: string): string {
  return phrase
    .normalize("NFC")
    .replace(/\s*,\s*/gu, ", ")
    .replace(/\s+/gu, " ")
    .replace(/[\s,.;:]+$/u, "")
    .trim();
}

/**
 * One spelling per group, so that "Các sở ngành liên quan" and "các sở, ngành liên quan" count
 * as one group: the standard spelling when the group is a standard one, else the phrase with
 * its first letter capitalised and commas normalised.
 */
export function canonicalGroupName(phrase: string): string {
  const std = GROUP_INDEX.get(agencyKey(phrase));
  if (std) return std.name;
  const t = tidy(phrase);
  return t.charAt(0).toLocaleUpperCase("vi") + t.slice(1);
}

/** Kind from the first words of a name, for bodies the catalogue does not know. */
export function guessKind(name: string): AgencyKind {
  const k = agencyKey(name);
  if (/^(?:sở|cục|chi cục|tổng cục|vụ|thanh tra|công an|thuế)(?:\s|$)/u.test(k)) return "department";
  if (/^ủy ban mặt trận/u.test(k)) return "other";
  if (/^ủy ban(?:\s|$)/u.test(k)) return "people_committee";
  if (/^ban(?:\s|$)/u.test(k)) return "board";
  if (/^(?:trung tâm|viện)(?:\s|$)/u.test(k)) return "centre";
  if (/^văn phòng(?:\s|$)/u.test(k)) return "office";
  if (/^(?:điện lực|công ty|tổng công ty)(?:\s|$)/u.test(k)) return "enterprise";
  return "other";
}

/**
 * Level from the words of a name: district and commune units by their unit words (a "thành phố"
 * is a district-level unit unless it is a centrally-run city), central bodies by Bộ/Cục/Vụ/Viện
 * or "thuộc Bộ", the province otherwise (plans are mostly provincial).
 */
export function guessLevel(name: string): AgencyLevel {
  const k = ` ${baseKey(name).replace(/xã hội/gu, "")} `;
  const city = / thành phố (.*)$/u.exec(k)?.[1]?.trim();
  if (city !== undefined && CENTRAL_CITY_KEYS.some((c) => city.startsWith(c))) return "province";
  if (/ (?:huyện|quận|thị xã|thành phố) /u.test(k)) return "district";
  if (/ (?:xã|phường|thị trấn) /u.test(k)) return "commune";
  if (/^ bộ chỉ huy /u.test(k)) return "province";
  if (/^ (?:bộ|tổng cục|cục|vụ|viện) /u.test(k) || / thuộc (?:các )?bộ /u.test(k)) return "central";
  return "province";
}

function groupKind(key: string): AgencyKind | null {
  if (key.includes("ủy ban nhân dân")) return "people_committee";
  if (/^các sở(?:\s|$)/u.test(key)) return "department";
  return null;
}

function groupLevel(name: string, key: string): AgencyLevel | null {
  const level = guessLevel(name);
  if (level !== "province") return level;
  return /^các (?:sở|ngành)(?:\s|$)/u.test(key) ? "province" : null;
}

/**
 * An agency known to the caller, e.g. one row of a province's registry in the database. Kind
 * and level arrive as database strings: a value that is not an AgencyKind / AgencyLevel is
 * ignored and guessed from the name instead.
 */
export interface KnownAgency {
  name: string;
  shortName?: string | null;
  aliases?: string[];
  kind?: string | null;
  level?: string | null;
}

const KINDS = "people_committee department board centre office enterprise other".split(" ");
const LEVELS = "central province district commune".split(" ");
const asKind = (k: string | null | undefined): AgencyKind | null =>
  k && KINDS.includes(k) ? (k as AgencyKind) : null;
const asLevel = (l: string | null | undefined): AgencyLevel | null =>
  l && LEVELS.includes(l) ? (l as AgencyLevel) : null;

export interface ResolvedAgency {
  name: string;
  isGroup: boolean;
  kind: AgencyKind | null;
  level: AgencyLevel | null;
  known: boolean;
}

interface Entry extends ResolvedAgency {
  /** Raw forms seen, in order. */
  aliases: string[];
  /** Matching keys of the forms seen (used to unify unknown agencies). */
  keys: Set<string>;
}

const view = (e: Entry): ResolvedAgency => ({
  name: e.name,
  isGroup: e.isGroup,
  kind: e.kind,
  level: e.level,
  known: e.known,
});

/** True when the shorter key (of at least two words) is a word-boundary prefix of the longer. */
function prefixOf(short: string, long: string): boolean {
  return short.includes(" ") && long.startsWith(`${short} `);
}

/**
 * Resolves the agency phrases of one plan, remembering every agency and group it met so the
 * plan's `agencies` list has one entry per body with all the forms the document used.
 * Known agencies (extra, then catalogue) match by exact key, else by a unique word-boundary
 * prefix ("Sở Giao thông" → "Sở Giao thông vận tải"). Unknown phrases become agencies of their
 * own; later phrases sharing their key or a unique prefix join them, and the longest form seen
 * becomes the name, so call `resolve` again after the last phrase to read final names.
 */
export class AgencyResolver {
  private readonly index = new Map<string, KnownAgency>();
  private readonly entries = new Map<string, Entry>();
  private readonly byRaw = new Map<string, Entry>();
  private readonly unknown: Entry[] = [];

  /**
   * `extra` (a province's registry) wins over the catalogue when both know a key; the
   * catalogue defaults to the built-in one. Extras come first because most callers pass only them.
   */
  constructor(extra: readonly KnownAgency[] = [], catalogue: readonly CatalogueAgency[] = AGENCY_CATALOGUE) {
    for (const a of [...extra, ...catalogue]) {
      for (const form of [a.name, a.shortName, ...(a.aliases ?? [])]) {
        const key = form ? agencyKey(form) : "";
        if (key !== "" && !this.index.has(key)) this.index.set(key, a);
      }
    }
  }

  /** Resolves one phrase (as split from a cell). Throws on an empty phrase: a split never yields one. */
  resolve(phrase: string): ResolvedAgency {
    const raw = tidy(phrase);
    if (raw === "") throw new RangeError("empty agency phrase");
    const entry = this.byRaw.get(raw) ?? this.lookup(raw);
    this.byRaw.set(raw, entry);
    if (!entry.aliases.includes(raw)) entry.aliases.push(raw);
    return view(entry);
  }

  /** Every agency and group resolved so far, in first-seen order, with the raw forms seen. */
  agencies(): AgencyRefJson[] {
    return [...this.entries.values()].map((e) => ({ ...view(e), aliases: [...e.aliases] }));
  }

  private lookup(raw: string): Entry {
    const key = agencyKey(raw);
    if (isAgencyGroup(raw)) {
      const name = canonicalGroupName(raw);
      const std = GROUP_INDEX.get(key);
      return this.entry(`g:${agencyKey(name)}`, () => ({
        name,
        isGroup: true,
        kind: std ? std.kind : groupKind(key),
        level: std ? std.level : groupLevel(name, key),
        known: std !== undefined,
      }));
    }
    const known = this.index.get(key) ?? this.uniqueKnownPrefix(key);
    if (known) {
      return this.entry(`k:${known.name}`, () => ({
        name: known.name,
        isGroup: false,
        kind: asKind(known.kind) ?? guessKind(known.name),
        level: asLevel(known.level) ?? guessLevel(known.name),
        known: true,
      }));
    }
    return this.unknownEntry(raw, key);
  }

  private uniqueKnownPrefix(key: string): KnownAgency | undefined {
    const hits = new Set<KnownAgency>();
    for (const [k, a] of this.index) if (prefixOf(key, k)) hits.add(a);
    return hits.size === 1 ? [...hits][0] : undefined;
  }

  private unknownEntry(raw: string, key: string): Entry {
    let match = this.unknown.find((e) => e.keys.has(key));
    if (!match) {
      const hits = this.unknown.filter((e) => [...e.keys].some((k) => prefixOf(key, k) || prefixOf(k, key)));
      if (hits.length === 1) match = hits[0];
    }
    if (match) {
      match.keys.add(key);
      if (raw.length > match.name.length) {
        match.name = raw;
        match.kind = guessKind(raw);
        match.level = guessLevel(raw);
      }
      return match;
    }
    const entry = this.entry(`u:${this.unknown.length}:${key}`, () => ({
      name: raw,
      isGroup: false,
      kind: guessKind(raw),
      level: guessLevel(raw),
      known: false,
    }));
    entry.keys.add(key);
    this.unknown.push(entry);
    return entry;
  }

  private entry(id: string, make: () => ResolvedAgency): Entry {
    let e = this.entries.get(id);
    if (!e) {
      e = { ...make(), aliases: [], keys: new Set() };
      this.entries.set(id, e);
    }
    return e;
  }
}
