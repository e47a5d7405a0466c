/**
 * A generated document as the coordinator finishes it (issue 10 §1): the prose sections of the
 * builder's model replaced by the coordinator's text, then the number and date the clerk gives
 * it. Decree 30/2020 Art. 15 and Appendix I: the number ("Số: 15/BC-SCT") is the register's next
 * number followed by the type and issuer abbreviations; a draft carries "Số:      /BC-SCT" for
 * the clerk. Pure: no I/O, so the final model is the same whether made in the app or the CLI.
 */
import { AppError } from "./errors.ts";
import type { Block, OfficialDocument } from "./official-document.ts";

/** The blank a draft keeps before the "/" of its number (the clerk writes the number by hand). */
export const DRAFT_NUMBER_BLANK = "      ";

/** One editable prose section: its key and the generated text (paragraphs separated by a blank line). */
export interface ProseSection {
  key: string;
  text: string;
}

const paragraphText = (b: Extract<Block, { kind: "paragraph" }>) => b.runs.map((r) => r.text).join("");

/** The model's editable sections in reading order, each with the builder's text. */
export function proseSections(model: OfficialDocument): ProseSection[] {
  const byKey = new Map<string, string[]>();
  for (const b of model.body) {
    if (b.kind !== "paragraph" || !b.section) continue;
    const list = byKey.get(b.section) ?? [];
    list.push(paragraphText(b));
    byKey.set(b.section, list);
  }
  return [...byKey].map(([key, paras]) => ({ key, text: paras.join("\n\n") }));
}

/** A section's text as paragraphs: split at blank lines (a single line break stays inside one). */
export function textParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/[ \t]+/g, " ").trim())
    .filter((p) => p.length > 0);
}

/**
 * The model with each edited section's paragraphs replaced by the coordinator's text, in place of
 * the section's first paragraph (alignment and indent kept; emphasis is the coordinator's to
 * drop). A section edited to nothing is removed. Sections not edited keep the builder's text.
 */
export function applyEdits(
  model: OfficialDocument,
  edits: Readonly<Record<string, string>>,
): OfficialDocument {
  const done = new Set<string>();
  const body: Block[] = [];
  for (const b of model.body) {
    if (b.kind !== "paragraph" || !b.section || !(b.section in edits)) {
      body.push(b);
      continue;
    }
    if (done.has(b.section)) continue;
    done.add(b.section);
    for (const text of textParagraphs(edits[b.section] ?? "")) body.push({ ...b, runs: [{ text }] });
  }
  return { ...model, body };
}

/** The part of a number after the register's count: "/BC-SCT" from "Số:      /BC-SCT" or "Số: 15/BC-SCT". */
export function numberSuffix(model: OfficialDocument): string {
  const i = model.number.indexOf("/");
  return i >= 0 ? model.number.slice(i).trim() : "";
}

/** A draft's number line: "Số:      /BC-SCT" (blank for the clerk). */
export function draftNumberLine(model: OfficialDocument): string {
  return `Số:${DRAFT_NUMBER_BLANK}${numberSuffix(model)}`;
}

/**
 * The register a number counts in: one sequence per issuer, document type ("BC-SCT": reports of
 * Sở Công Thương; "SCT-…" letters) and calendar year (Decree 30/2020 Art. 15.1: numbered from
 * 01 on 1 January). The periodic report and the end-of-plan review share the report register.
 */
export function registerOf(model: OfficialDocument, date: string): string {
  return [model.issuer, numberSuffix(model), date.slice(0, 4)].join("|");
}

const fieldError = (field: string, en: string, vi: string) =>
  new AppError("VALIDATION", { en, vi }, { fields: [{ field, reason: en, reasonVi: vi }] });

/**
 * The number as stored ("15/BC-SCT") from what the coordinator typed: "15", "15/BC-SCT" or
 * "Số: 15/BC-SCT". The count is 1 to 99999; the suffix must be the document's own (another type's
 * number would go in the wrong register). Counts below 10 are written "01"… as Art. 15 requires.
 */
export function readNumber(typed: string, model: OfficialDocument): { number: string; count: number } {
  const suffix = numberSuffix(model);
  const text = typed
    .normalize("NFC")
    .replace(/^\s*số\s*:?\s*/i, "")
    .trim();
  const m = /^(\d{1,5})\s*(\/.*)?$/.exec(text);
  if (!m || Number(m[1]) < 1)
    throw fieldError(
      "number",
      `"${typed}" is not a document number: write the register's number, e.g. 15 or 15${suffix}.`,
      `"${typed}" không phải số văn bản: hãy ghi số theo sổ, ví dụ 15 hoặc 15${suffix}.`,
    );
  const given = (m[2] ?? suffix).replace(/\s+/g, "");
  if (given !== suffix)
    throw fieldError(
      "number",
      `This document's number ends in ${suffix}, not ${given}.`,
      `Số của văn bản này phải kết thúc bằng ${suffix}, không phải ${given}.`,
    );
  const count = Number(m[1]);
  return { number: `${String(count).padStart(2, "0")}${suffix}`, count };
}

/** The next count after those already in the register (01 for an empty register). */
export function nextNumber(taken: readonly string[], suffix: string): string {
  const counts = taken.map((n) => Number(/^(\d+)/.exec(n)?.[1] ?? 0));
  const next = Math.max(0, ...counts) + 1;
  return `${String(next).padStart(2, "0")}${suffix}`;
}

/** The final model: edits applied, "Số: 15/BC-SCT" and the date set (what every download renders). */
export function finalModel(
  model: OfficialDocument,
  edits: Readonly<Record<string, string>>,
  number: string,
  date: string,
): OfficialDocument {
  return { ...applyEdits(model, edits), number: `Số: ${number}`, date };
}

/** A draft as downloaded: edits applied, the number left blank for the clerk, no date. */
export function draftModel(
  model: OfficialDocument,
  edits: Readonly<Record<string, string>>,
): OfficialDocument {
  return { ...applyEdits(model, edits), number: draftNumberLine(model), date: null };
}
