/**
 * `kehoach document periodic|annex|urging|review --plan ID [--period P] --format docx|pdf|xlsx
 * --out FILE`: makes a plan's document from the configured database, the same document the app
 * makes (build.ts buildDocument → render.ts renderDocument), and writes it. Every mistake — an
 * unreadable period, an unknown plan, XLSX for a document that is not a table — is said in
 * Vietnamese and English, exits non-zero and writes no file; the file is written whole or not
 * at all (a temporary file renamed into place). Progress goes to stderr.
 */
import { rename, unlink, writeFile } from "node:fs/promises";
import type { Db } from "../db/connection.ts";
import { buildDocument } from "../db/documents/build.ts";
import { getPlan } from "../db/queries/plans.ts";
import { AppError } from "../domain/errors.ts";
import type { DocumentFormat, DocumentKind } from "../domain/official-document.ts";
import { readPeriod } from "../domain/period-label.ts";
import { periodTitle } from "../domain/periods.ts";
import { renderDocument } from "../exports/render.ts";

const KINDS: readonly DocumentKind[] = ["periodic", "annex", "urging", "review"];
const FORMATS: readonly DocumentFormat[] = ["docx", "pdf", "xlsx"];
/** The documents whose body is a table, the only ones XLSX can hold. */
const TABLE_KINDS: readonly DocumentKind[] = ["annex"];
/** The documents that speak of one period (the review speaks of the whole plan). */
const NEEDS_PERIOD: readonly DocumentKind[] = ["periodic", "urging"];

const NAMES: Readonly<Record<DocumentKind, string>> = {
  periodic: "báo cáo định kỳ / periodic report",
  annex: "phụ lục nhiệm vụ / task annex",
  urging: "công văn đôn đốc / urging letter",
  review: "báo cáo tổng kết / end-of-plan review",
};

export const DOCUMENT_USAGE = `Cách dùng / usage: kehoach document periodic|annex|urging|review --plan ID [--period KỲ] --format docx|pdf|xlsx --out TỆP
  periodic  báo cáo định kỳ / periodic report (cần --period / needs --period)
  annex     phụ lục tình hình thực hiện nhiệm vụ / task annex (--period tùy chọn / optional; xlsx được / allowed)
  urging    công văn đôn đốc / urging letter (cần --period / needs --period)
  review    báo cáo tổng kết kế hoạch / end-of-plan review
  --period  kỳ báo cáo / period: 2022-Q1, 2022-03, 2022-H1, 2022-9M, 2022, "Quý I/2022"…`;

function invalid(field: string, vi: string, en: string): AppError {
  return new AppError("VALIDATION", { vi, en }, { fields: [{ field, reason: en, reasonVi: vi }] });
}

export interface DocumentOptions {
  kind: DocumentKind;
  planId: number;
  period: string | null;
  format: DocumentFormat;
  out: string;
}

/** Reads the arguments; throws a VALIDATION AppError naming the argument. */
export function parseDocumentArgs(args: readonly string[]): DocumentOptions {
  const [kind, ...rest] = args;
  if (!kind || !KINDS.includes(kind as DocumentKind))
    throw invalid(
      "kind",
      `Loại văn bản "${kind ?? ""}" không có: chọn periodic, annex, urging hoặc review.`,
      `Unknown document "${kind ?? ""}": choose periodic, annex, urging or review.`,
    );
  const value: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (!["--plan", "--period", "--format", "--out"].includes(a))
      throw invalid("args", `Tham số không rõ: ${a}.`, `Unknown argument: ${a}.`);
    const v = rest[i + 1];
    if (v === undefined || v.startsWith("--"))
      throw invalid(a.slice(2), `Thiếu giá trị cho ${a}.`, `${a} needs a value.`);
    value[a.slice(2)] = v;
    i++;
  }
  const planId = Number(value.plan);
  if (!value.plan || !Number.isInteger(planId) || planId < 1)
    throw invalid(
      "plan",
      "Cần --plan là số của kế hoạch (ví dụ --plan 1).",
      "--plan must be the plan's number (e.g. --plan 1).",
    );
  const format = value.format as DocumentFormat;
  if (!FORMATS.includes(format))
    throw invalid("format", "Cần --format là docx, pdf hoặc xlsx.", "--format must be docx, pdf or xlsx.");
  if (format === "xlsx" && !TABLE_KINDS.includes(kind as DocumentKind))
    throw invalid(
      "format",
      `Chỉ phụ lục (dạng bảng) mới xuất được tệp XLSX; hãy xuất ${NAMES[kind as DocumentKind].split(" / ")[0]} dưới dạng DOCX hoặc PDF.`,
      `Only the annex (a table) can be written as XLSX; write the ${NAMES[kind as DocumentKind].split(" / ")[1]} as DOCX or PDF.`,
    );
  if (!value.out) throw invalid("out", "Cần --out là tên tệp sẽ ghi.", "--out must name the file to write.");
  let period: string | null = null;
  if (value.period !== undefined) period = readPeriod(value.period).code;
  else if (NEEDS_PERIOD.includes(kind as DocumentKind))
    throw invalid(
      "period",
      "Cần --period, ví dụ --period 2022-Q1.",
      "--period is needed, e.g. --period 2022-Q1.",
    );
  return {
    kind: kind as DocumentKind,
    planId,
    period: kind === "review" ? null : period,
    format,
    out: value.out,
  };
}

/**
 * Builds, renders and writes the document; returns the exit code (0). `today` is the
 * Vietnamese day the document is made (its "as of" and the draft's year).
 */
export async function runDocument(
  db: Db,
  args: readonly string[],
  today: string,
  err: (s: string) => void,
): Promise<number> {
  const o = parseDocumentArgs(args);
  if (!(await getPlan(db, o.planId)))
    throw new AppError(
      "NOT_FOUND",
      { vi: `Không tìm thấy kế hoạch số ${o.planId}.`, en: `Plan ${o.planId} does not exist.` },
      { fields: [{ field: "plan", reason: "unknown plan", reasonVi: "kế hoạch không có" }] },
    );
  const when = o.period ? ` ${periodTitle(o.period)?.vi ?? o.period}` : "";
  err(`Đang dựng ${NAMES[o.kind]}${when}, kế hoạch ${o.planId}…\n`);
  const doc = await buildDocument(db, { kind: o.kind, planId: o.planId, period: o.period, today });
  err(`Đang xuất / rendering ${o.format.toUpperCase()}…\n`);
  const bytes = await renderDocument(doc, o.format);
  const tmp = `${o.out}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, o.out);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  err(`Đã ghi / wrote ${o.out} (${bytes.length.toLocaleString("vi-VN")} byte)\n`);
  return 0;
}
