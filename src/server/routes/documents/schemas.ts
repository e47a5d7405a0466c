/** Schemas of the document routes (issue 10 §1). */
import { z } from "@hono/zod-openapi";
import { Version } from "../../schemas.ts";
import { isoDate } from "../reporting/schemas.ts";

export const DocumentKindEnum = z.enum(["periodic", "annex", "urging", "review"]);

export const CreateDocumentBody = z
  .object({
    kind: DocumentKindEnum,
    /** The period by code ("2022-Q1") or title ("Quý I/2022"); null/absent for the review. */
    period: z.string().min(4).max(40).nullable().optional().openapi({ example: "Quý I/2022" }),
  })
  .openapi("CreateDocument");

export const SectionsBody = z
  .object({
    version: Version,
    sections: z.record(z.string().min(1).max(80), z.string().max(20_000)),
  })
  .openapi("DocumentSections");

export const FinaliseBody = z
  .object({
    version: Version,
    number: z.string().min(1).max(40).openapi({ example: "15/BC-SCT" }),
    date: isoDate,
  })
  .openapi("FinaliseDocument");

export const FileQuery = z.object({ format: z.enum(["docx", "pdf", "xlsx"]) });

export const DocumentSummary = z
  .object({
    id: z.number(),
    planId: z.number(),
    kind: DocumentKindEnum,
    period: z.string().nullable(),
    state: z.enum(["draft", "final"]),
    version: z.number(),
    number: z.string().nullable(),
    date: z.string().nullable(),
    title: z.string(),
    createdAt: z.string(),
    finalisedAt: z.string().nullable(),
    formats: z.array(z.enum(["docx", "pdf", "xlsx"])),
  })
  .openapi("DocumentSummary");

export const DocumentDetail = DocumentSummary.extend({
  /** The model as a download renders it (draft: edits applied, number blank; final: as issued). */
  model: z.any(),
  sections: z.array(
    z.object({ key: z.string(), text: z.string(), generated: z.string(), edited: z.boolean() }),
  ),
  /** The register's next number on today's date (drafts; the coordinator may type another). */
  suggestedNumber: z.string().nullable(),
}).openapi("DocumentDetail");
