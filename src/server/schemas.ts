/** OpenAPI schemas of what the API serves (the same shapes as docs/plan-json.md). */
import { z } from "@hono/zod-openapi";

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "VALIDATION" }),
      message: z.string(),
      messageVi: z.string(),
      fields: z.array(z.object({ field: z.string(), reason: z.string(), reasonVi: z.string() })).optional(),
    }),
  })
  .openapi("Error");

/** A row id: a positive PostgreSQL integer (a larger number is a 400, not a database error). */
export const DbId = z.coerce.number().int().positive().max(2_147_483_647);

export const IdParam = z.object({
  id: DbId.openapi({ param: { name: "id", in: "path" }, example: 1 }),
});

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine(
    (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s),
    "not a real calendar date",
  );

export const AgencyRef = z
  .object({ id: z.number(), name: z.string(), isGroup: z.boolean() })
  .openapi("AgencyRef");

export const MilestoneSchema = z
  .object({
    due: z.string(),
    start: z.string().optional(),
    action: z.string().optional(),
    product: z.string().optional(),
    quantity: z.string().optional(),
    text: z.string(),
  })
  .openapi("Milestone");

export const TaskSchema = z
  .object({
    id: z.number(),
    planId: z.number(),
    code: z.string().openapi({ example: "2.3" }),
    group: z.string().nullable(),
    groupTitle: z.string().nullable(),
    content: z.string(),
    body: z.string().nullable(),
    leads: z.array(AgencyRef),
    coordinators: z.array(AgencyRef),
    deadlineText: z.string().openapi({ example: "Trình UBND tỉnh trong Quý I/2022" }),
    schedule: z.object({
      continuous: z.boolean(),
      recurrence: z.string().nullable(),
      kind: z.string(),
      milestones: z.array(MilestoneSchema),
    }),
    firstDue: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi("Task");

export const TaskQuery = z.object({
  plan: DbId.optional(),
  agency: DbId.optional(),
  group: z.string().max(20).optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  kind: z.enum(["continuous", "recurring", "milestone", "mixed", "unknown"]).optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(["code", "due"]).default("code"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const TaskPage = z.object({ items: z.array(TaskSchema), total: z.number() }).openapi("TaskPage");

const MeasureSchema = z.object({
  value: z.number(),
  unit: z.string(),
  comparator: z.enum([">", ">=", "=", "<", "<="]),
  text: z.string(),
});

const PlanHeaderFields = {
  id: z.number(),
  title: z.string(),
  number: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  periodStart: z.number().nullable(),
  periodEnd: z.number().nullable(),
};

export const PlanSummary = z
  .object({ ...PlanHeaderFields, taskCount: z.number(), targetCount: z.number() })
  .openapi("PlanSummary");

export const PlanDetail = z
  .object({
    ...PlanHeaderFields,
    province: z.string().nullable(),
    basis: z.array(z.string()),
    sections: z.array(z.object({ heading: z.string(), text: z.string() })),
    implementation: z.string().nullable(),
    warnings: z.array(z.object({ where: z.string(), code: z.string(), message: z.string() })),
    sourceFile: z.string().nullable(),
    groups: z.array(z.object({ code: z.string(), title: z.string() })),
    targets: z.array(
      z.object({
        id: z.number(),
        code: z.string(),
        text: z.string(),
        year: z.number().nullable(),
        measures: z.array(MeasureSchema),
      }),
    ),
  })
  .openapi("Plan");

const AgencyFields = {
  id: z.number(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.string().nullable(),
  level: z.string().nullable(),
  isGroup: z.boolean(),
  aliases: z.array(z.string()),
};

export const AgencySummary = z
  .object({ ...AgencyFields, leadCount: z.number(), coordinatorCount: z.number() })
  .openapi("AgencySummary");

export const AgencyDetail = z
  .object({
    ...AgencyFields,
    province: z.string().nullable(),
    note: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    successor: z.object({ id: z.number(), name: z.string() }).nullable(),
    successorConfirmed: z.boolean().nullable(),
    members: z.array(z.object({ id: z.number(), name: z.string() })),
    lead: z.array(TaskSchema),
    coordinating: z.array(TaskSchema),
  })
  .openapi("Agency");

export const errorResponses = {
  400: {
    description: "Invalid request (which field, and why)",
    content: { "application/json": { schema: ErrorSchema } },
  },
  404: { description: "Not found", content: { "application/json": { schema: ErrorSchema } } },
} as const;

/**
 * The responses of a route that answers JSON: 200 with the body, and the error shapes. One
 * definition so every route documents its errors the same way.
 */
export const jsonResponses = (description = "OK") => ({
  200: { description, content: { "application/json": { schema: z.any() } } },
  ...errorResponses,
});
