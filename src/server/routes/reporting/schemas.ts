/** Request schemas of the reporting-loop routes (docs/reporting-api.md). */

import { z } from "@hono/zod-openapi";
import { UPDATE_STATUSES } from "../../../domain/task-status.ts";
import { Id, IndicatorValue, QueryId, Version } from "../../schemas.ts";

export const FrequencyEnum = z.enum(["monthly", "quarterly", "half-yearly", "nine-month", "yearly"]);

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine(
    (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s),
    "not a real calendar date",
  );

export const RegimeBody = z
  .object({
    frequencies: z.array(FrequencyEnum).min(1),
    deadlineDays: z.record(z.string(), z.number().int().min(1).max(30)),
    remindBefore: z.array(z.number().int().min(0).max(30)).max(5).default([5, 1]),
    remindAfter: z.array(z.number().int().min(0).max(60)).max(5).default([1, 3]),
    receiverAgencyId: Id.nullable().optional(),
    coordinatorAgencyId: Id.nullable().optional(),
    reporterAgencyIds: z.array(Id).max(1000).optional(),
  })
  .openapi("RegimeInput");

/** The period by code ("2026-Q4") or by the title the app shows ("Quý IV/2026"; domain/period-label.ts). */
const PeriodText = z.string().min(4).max(40).openapi({ example: "Quý IV/2026" });

export const OpenPeriodBody = z.object({ frequency: FrequencyEnum, label: PeriodText }).openapi("OpenPeriod");

export const PeriodPreviewQuery = z.object({ frequency: FrequencyEnum, label: PeriodText });

const text = (max: number) => z.string().max(max).nullable().optional();

export const TaskUpdateBody = z.object({
  taskId: Id,
  /** null: the task is not reported on (its saved update, if any, is removed). */
  status: z.enum(UPDATE_STATUSES).nullable(),
  progress: z.number().int().min(0).max(100).nullable().optional(),
  result: text(20000),
  productDocument: text(500),
  productDate: isoDate.nullable().optional(),
  difficulties: text(20000),
  proposals: text(20000),
});

/** A figure of an indicator the agency supplies, for the report's own period (issue 4 §1). */
export const ReportIndicatorValueBody = z.object({
  indicatorCode: z.string().min(1).max(100),
  scope: z.string().trim().min(1).max(100),
  kind: z.enum(["estimate", "preliminary", "official"]),
  value: IndicatorValue,
  comment: text(5000),
});

export const SaveReportBody = z
  .object({
    version: Version,
    summary: text(50000),
    updates: z.array(TaskUpdateBody).max(500),
    indicatorValues: z.array(ReportIndicatorValueBody).max(200).optional(),
  })
  .superRefine((b, ctx) => {
    b.updates.forEach((u, i) => {
      if (u.status === "done_with_product" && !u.productDocument?.trim()) {
        ctx.addIssue({
          code: "custom",
          path: ["updates", i, "productDocument"],
          message:
            "a done-with-product update names the document (e.g. Quyết định 1234/QĐ-UBND ngày 15/3/2022)",
          params: { vi: "cần ghi số, ngày văn bản sản phẩm" },
        });
      }
    });
  })
  .openapi("SaveReport");

export const VersionBody = z.object({ version: Version });
/** Sending: `confirmUnreported` says the sender knows coordinated tasks are left unreported. */
export const SubmitBody = z.object({ version: Version, confirmUnreported: z.boolean().optional() });
export const ReviewBody = z.object({
  outcome: z.enum(["accepted", "returned"]),
  comment: z.string().max(5000).nullable().optional(),
});
/** The leader sends the draft back to the reporter: the comment is required (issue 9 §2). */
export const SendBackBody = z.object({ version: Version, comment: z.string().min(1).max(5000) });
export const ExtensionBody = z.object({ due: isoDate, reason: z.string().min(1).max(2000) });
export const PlanIdParam = z.object({
  id: QueryId.openapi({ param: { name: "id", in: "path" } }),
});
export const AsOfQuery = z.object({ asOf: isoDate.optional() });
