/**
 * Linking each appendix row to the fuller paragraph of the plan's body. Numbers are not to be
 * trusted (the Tuyên Quang appendix splits "Cà phê doanh nhân" into its own task 8.7 while the
 * body keeps it inside 8.6), so rows are matched by content: the share of the row's word pairs
 * that appear in the paragraph.
 */
import { cleanInline, squash } from "./text.ts";

export interface BodyUnit {
  /** The numbering the body gives it ("2.1"), or null. */
  number: string | null;
  text: string;
  /** A short heading line ("1. Công tác thông tin, tuyên truyền") followed by prose. */
  heading: boolean;
}

const NUMBERED = /^\s*(\d{1,2}(?:\.\d{1,2})*)\s*[.)\-–:]+\s*[-–]?\s*(\S.*)$/;
const LETTERED = /^\s*([a-zđ])\)\s+(\S.*)$/;
const BULLET = /^\s*[-–+•]\s+(\S.*)$/;

/** Splits the body (lines before the appendix) into paragraphs, joining lines cut by a page break. */
export function bodyUnits(lines: string[]): BodyUnit[] {
  const units: BodyUnit[] = [];
  for (const raw of lines) {
    const line = cleanInline(raw);
    if (!line || line.includes("\t") || (line.match(/\|/g) ?? []).length >= 2) continue;
    const num = line.match(NUMBERED);
    const letter = line.match(LETTERED);
    const bullet = line.match(BULLET);
    const startsLower = /^[a-zđàáảãạăâèéẻẽẹêìíỉĩịòóỏõọôơùúủũụưỳýỷỹỵ]/.test(line) && !letter;
    const prev = units[units.length - 1];
    if (prev && startsLower && !num && !bullet) {
      prev.text = squash(`${prev.text} ${line}`);
      continue;
    }
    const number = num?.[1] ?? null;
    const text = num ? (num[2] ?? line) : bullet ? (bullet[1] ?? line) : line;
    const heading = !!num && text.length < 250 && !/[.;:]$/.test(text) && !/\.\s/.test(text);
    units.push({ number, text: squash(text), heading });
  }
  return units;
}

function syllables(s: string): string[] {
  return s
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function pairs(s: string): Set<string> {
  const w = syllables(s);
  const out = new Set<string>();
  for (let i = 0; i + 1 < w.length; i++) out.add(`${w[i]} ${w[i + 1]}`);
  if (w.length === 1 && w[0]) out.add(w[0]);
  return out;
}

const pairCache = new WeakMap<BodyUnit, Set<string>>();

function unitPairs(u: BodyUnit): Set<string> {
  let p = pairCache.get(u);
  if (!p) {
    p = pairs(u.text);
    pairCache.set(u, p);
  }
  return p;
}

/** Share of the row's word pairs found in the paragraph (0–1). */
export function containment(row: string, paragraph: string | Set<string>): number {
  const a = pairs(row);
  if (a.size === 0) return 0;
  const b = typeof paragraph === "string" ? pairs(paragraph) : paragraph;
  let hit = 0;
  for (const p of a) if (b.has(p)) hit++;
  return hit / a.size;
}

/**
 * The body paragraph for an appendix row: the best-matching paragraph when at least
 * `threshold` of the row's word pairs appear in it; a matched heading gives the prose under it.
 */
export function findBody(content: string, code: string, units: BodyUnit[], threshold = 0.4): string | null {
  let best = -1;
  let bestScore = 0;
  units.forEach((u, i) => {
    let score = containment(content, unitPairs(u));
    if (u.number === code) score += 0.02; // tie-break only
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  if (best < 0 || bestScore < threshold) return null;
  const unit = units[best];
  if (!unit) return null;
  if (unit.heading) {
    const next = units[best + 1];
    if (next && next.number === null) return next.text;
  }
  return unit.text;
}
