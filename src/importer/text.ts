/**
 * Reading a plan document as text: refuse what is not a plan (empty, binary, too large) with
 * a clear error, and normalise what is (markup the source carried, Windows line ends, NBSP).
 */
import { AppError } from "../domain/errors.ts";

/** Plans are tens of kilobytes; 10 MB leaves room for any real one and refuses garbage early. */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

/**
 * Caps on a document's shape (issue 8, defect 13): real plans have tens to a few hundred tasks in
 * a few thousand lines of at most a few thousand characters; the synthetic bench plan has 2,000
 * tasks. Past these a document is refused with the limit named, before the expensive steps.
 */
export const MAX_PLAN_TASKS = 5000;
export const MAX_PLAN_LINES = 50_000;
export const MAX_LINE_CHARS = 20_000;
/** A line split into more cells than this is not a task table row (tables have about ten columns). */
export const MAX_TABLE_CELLS = 40;

/** Refuses a document with too many lines or a line too long (the lines as the importer splits them). */
export function checkPlanLines(lines: readonly string[], name = "input"): void {
  if (lines.length > MAX_PLAN_LINES)
    throw new AppError(
      "PLAN_TOO_MANY_LINES",
      {
        en: `${name} has ${lines.length} lines; a plan document may have at most ${MAX_PLAN_LINES}.`,
        vi: `${name} có ${lines.length} dòng; văn bản kế hoạch tối đa ${MAX_PLAN_LINES} dòng.`,
      },
      { details: { limit: MAX_PLAN_LINES, lines: lines.length } },
    );
  const i = lines.findIndex((l) => l.length > MAX_LINE_CHARS);
  if (i >= 0)
    throw new AppError(
      "PLAN_LINE_TOO_LONG",
      {
        en: `${name}: line ${i + 1} has ${lines[i]?.length} characters; a line may have at most ${MAX_LINE_CHARS}.`,
        vi: `${name}: dòng ${i + 1} có ${lines[i]?.length} ký tự; mỗi dòng tối đa ${MAX_LINE_CHARS} ký tự.`,
      },
      { details: { limit: MAX_LINE_CHARS, line: i + 1 } },
    );
}

/** Refuses a plan with more tasks than MAX_PLAN_TASKS (counted before schedules and agencies are read). */
export function checkTaskCount(count: number, name = "input"): void {
  if (count > MAX_PLAN_TASKS)
    throw new AppError(
      "PLAN_TOO_MANY_TASKS",
      {
        en: `${name} has ${count} task rows; a plan may have at most ${MAX_PLAN_TASKS} tasks.`,
        vi: `${name} có ${count} dòng nhiệm vụ; một kế hoạch tối đa ${MAX_PLAN_TASKS} nhiệm vụ.`,
      },
      { details: { limit: MAX_PLAN_TASKS, tasks: count } },
    );
}

/** Decodes a plan file's bytes, refusing empty, oversized and binary input. */
export function decodePlanBytes(bytes: Uint8Array, name = "input"): string {
  if (bytes.length > MAX_PLAN_BYTES) {
    throw new AppError("PLAN_TOO_LARGE", {
      en: `${name} is ${(bytes.length / 1048576).toFixed(1)} MB; a plan document may be at most 10 MB.`,
      vi: `${name} có dung lượng ${(bytes.length / 1048576).toFixed(1).replace(".", ",")} MB; văn bản kế hoạch tối đa 10 MB.`,
    });
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("PLAN_NOT_TEXT", {
      en: `${name} is not UTF-8 text (a binary file, or another encoding). Save the plan as UTF-8 text.`,
      vi: `${name} không phải văn bản UTF-8 (tệp nhị phân hoặc bảng mã khác). Hãy lưu kế hoạch dạng văn bản UTF-8.`,
    });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Control characters other than tab/newline mean a binary file that happens to decode.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (controls > 0 && controls > text.length / 1000) {
    throw new AppError("PLAN_NOT_TEXT", {
      en: `${name} contains binary data, not a plan's text.`,
      vi: `${name} chứa dữ liệu nhị phân, không phải nội dung kế hoạch.`,
    });
  }
  if (text.trim() === "") {
    throw new AppError("PLAN_EMPTY", { en: `${name} is empty.`, vi: `${name} không có nội dung.` });
  }
  return text;
}

/** Removes the inline markup plans arrive with (<i>, <b>, Markdown emphasis) from one cell or line. */
export function cleanInline(s: string): string {
  return s
    .replace(/<\/?[a-zA-Z][^>]*>/g, "")
    .replace(/\*\*?|__/g, "")
    .replace(/\u00a0/g, " ")
    .replace(/[ \t\u2000-\u200b]+/g, " ")
    .trim();
}

/** Normalises a whole document: Unicode NFC, \n line ends, NBSP → space. Tabs are kept (they separate cells). */
export function normaliseDocument(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/\u00a0/g, " ");
}

/** Collapses whitespace and trims, for comparing or storing prose. */
export function squash(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
