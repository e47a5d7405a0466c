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

/** The largest PostgreSQL `integer`: a larger id or count is a 400 here, never a database error. */
export const MAX_DB_INT = 2_147_483_647;

/**
 * A row id in a JSON body: a JSON number, whole, 1…2,147,483,647. Never coerced — `true`,
 * `"1"` or `1.5` are a 400 (z.coerce would turn `true` into 1).
 */
export const Id = z.number().int().min(1).max(MAX_DB_INT);

/**
 * A whole number written in a query or path (they are strings): digits only — no sign, space,
 * exponent, hex, decimal point or word ("1e3", " 1", "0x10", "1.0", "true" are a 400) — then
 * checked as a number between min and max.
 */
export const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,10}$/, "must be written with digits only (a whole number)")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .openapi({ type: "integer", minimum: min, maximum: max });

/** A row id in a query or path: digits only, 1…2,147,483,647. */
export const QueryId = queryInt(1, MAX_DB_INT);

export const IdParam = z.object({
  id: QueryId.openapi({ param: { name: "id", in: "path" }, example: 1 }),
});

/**
 * Bounds of the quantities the API stores (issue 8 §6: 1e308 hectares were stored). Chosen
 * maxima, far above any real figure and far below where arithmetic on them loses meaning:
 * - hectares: 1,000,000 ha (the whole merged Tuyên Quang province is about 1.38 M ha; the
 *   largest economic zone in Viet Nam about 0.2 M ha) — zones, events, leases, project land;
 * - money in billions of VND (tỷ đồng, the unit of every capital and production-value field):
 *   10,000,000 tỷ đồng (≈ 400 billion USD, more than Viet Nam's yearly GDP);
 * - jobs of a project: 1,000,000;
 * - an indicator's value (any unit: %, VND, tỷ đồng, persons): |value| ≤ 1e15, within the range
 *   where a double still holds whole numbers exactly.
 */
export const LIMITS = {
  hectares: 1_000_000,
  billionVnd: 10_000_000,
  jobs: 1_000_000,
  indicatorValue: 1e15,
} as const;

export const Hectares = z.number().finite().min(0).max(LIMITS.hectares);
export const BillionVnd = z.number().finite().min(0).max(LIMITS.billionVnd);
export const Jobs = z.number().int().min(0).max(LIMITS.jobs);
export const IndicatorValue = z.number().finite().min(-LIMITS.indicatorValue).max(LIMITS.indicatorValue);
/** A calendar year the plans can speak of. */
export const Year = z.number().int().min(1900).max(2100);
/** A report's optimistic version (an `integer` column). */
export const Version = z.number().int().min(0).max(MAX_DB_INT);

export const isoDate = z
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
    /** Present when the task changed hands in a reorganisation (REGULATIONS.md §5). */
    ownerHistory: z
      .array(
        z.object({
          role: z.string(),
          id: z.number(),
          name: z.string(),
          isGroup: z.boolean(),
          validFrom: z.string().nullable(),
          validTo: z.string().nullable(),
        }),
      )
      .optional(),
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
  plan: QueryId.optional(),
  agency: QueryId.optional(),
  group: z.string().max(20).optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  kind: z.enum(["continuous", "recurring", "milestone", "mixed", "unknown"]).optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(["code", "due"]).default("code"),
  page: queryInt(1, 1_000_000).default(1),
  pageSize: queryInt(1, 200).default(50),
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
    public: z.boolean(),
    /** Closing (issue 10 §1): when and by whom; a closed plan is read-only. */
    closedAt: z.string().nullable(),
    closedBy: z.number().nullable(),
    reviewDocumentId: z.number().nullable(),
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
  province: z.string().nullable(),
};

export const AgencySummary = z
  .object({
    ...AgencyFields,
    validTo: z.string().nullable(),
    leadCount: z.number(),
    coordinatorCount: z.number(),
  })
  .openapi("AgencySummary");

export const AgencyDetail = z
  .object({
    ...AgencyFields,
    note: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    successor: z.object({ id: z.number(), name: z.string() }).nullable(),
    successorConfirmed: z.boolean().nullable(),
    members: z.array(z.object({ id: z.number(), name: z.string() })),
    lead: z.array(TaskSchema),
    coordinating: z.array(TaskSchema),
    handedOver: z.array(
      z.object({ role: z.enum(["lead", "coordinator"]), until: z.string(), task: TaskSchema }),
    ),
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

/** POST /api/plans/{id}/close: the finalised review the closing rests on (optional until finalisation exists). */
export const ClosePlanBody = z.object({ reviewDocumentId: Id.optional() }).strict().openapi("ClosePlanBody");
