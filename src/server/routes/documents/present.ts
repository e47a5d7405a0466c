/** Documents → JSON, and the download's file name. */

import { type DocumentRow, modelToRender } from "../../../db/documents/store.ts";
import { proseSections } from "../../../domain/document-edits.ts";
import type { DocumentFormat } from "../../../domain/official-document.ts";
import { periodTitle } from "../../../domain/periods.ts";

const KIND_VI = {
  periodic: "Báo cáo định kỳ",
  annex: "Phụ lục",
  urging: "Công văn đôn đốc",
  review: "Báo cáo tổng kết",
} as const;

export function documentFormats(kind: string): DocumentFormat[] {
  return kind === "annex" ? ["docx", "pdf", "xlsx"] : ["docx", "pdf"];
}

export function presentDocument(row: DocumentRow) {
  const period = row.period ? (periodTitle(row.period)?.vi ?? row.period) : null;
  const kind = row.kind as keyof typeof KIND_VI;
  return {
    id: row.id,
    planId: row.planId,
    kind,
    period: row.period,
    state: row.state as "draft" | "final",
    version: row.version,
    number: row.number,
    date: row.documentDate,
    title: [KIND_VI[kind] ?? row.kind, period].filter(Boolean).join(" "),
    createdAt: row.createdAt.toISOString(),
    finalisedAt: row.finalisedAt?.toISOString() ?? null,
    formats: documentFormats(row.kind),
  };
}

export function presentDetail(row: DocumentRow, suggestedNumber: string | null) {
  const generated = new Map(proseSections(row.model).map((s) => [s.key, s.text]));
  return {
    ...presentDocument(row),
    model: modelToRender(row),
    sections: [...generated].map(([key, text]) => ({
      key,
      generated: text,
      text: row.edits[key] ?? text,
      edited: key in row.edits,
    })),
    suggestedNumber,
  };
}

const ASCII: Record<string, string> = { đ: "d", Đ: "D" };

/**
 * The download's name, ASCII so every browser and mail client keeps it: "15-BC-SCT-2022-Q1.docx"
 * for an issued report, "Du-thao-BC-SCT-2022-Q1.docx" for a draft (Vietnamese letters lose their
 * marks: "Dự thảo" → "Du-thao").
 */
export function fileName(row: DocumentRow, format: DocumentFormat): string {
  const suffix = (row.model.number.split("/")[1] ?? "").trim();
  const head = row.state === "final" && row.number ? row.number.replace("/", "-") : `Du-thao-${suffix}`;
  const tail = row.kind === "annex" ? "Phu-luc" : null;
  const period = row.period ?? `${row.kind === "review" ? "tong-ket" : "van-ban"}`;
  return `${[head, tail, period].filter(Boolean).join("-")}.${format}`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, (ch) => ASCII[ch] ?? ch)
    .replace(/[^A-Za-z0-9.-]+/g, "-");
}

export const CONTENT_TYPE: Record<DocumentFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
