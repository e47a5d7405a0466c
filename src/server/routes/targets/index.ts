/**
 * Targets you can measure: the evaluation of a plan's targets (values with sources and kinds,
 * trajectory, evaluation, projection), entering a figure, uploading figures (CSV or XLSX, all or
 * nothing), the XLSX template, and a measure's trajectory (the plan's missing annex). Thin:
 * validate, authorize, call src/db/indicators, return JSON.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { asc, eq, inArray } from "drizzle-orm";
import { isZoneDerived } from "../../../db/indicators/catalogue.ts";
import { evaluatePlanTargets } from "../../../db/indicators/evaluate.ts";
import { listIndicatorValues } from "../../../db/indicators/list-values.ts";
import { buildTemplate } from "../../../db/indicators/template.ts";
import { measureContext, saveTrajectory } from "../../../db/indicators/trajectory-store.ts";
import { MAX_UPLOAD_BYTES, uploadIndicatorValues } from "../../../db/indicators/upload.ts";
import { addIndicatorValue, indicatorByCode, indicatorPlans } from "../../../db/indicators/values.ts";
import { agencies, indicators, plans } from "../../../db/schema.ts";
import { AppError } from "../../../domain/errors.ts";
import { actorRef, nowOf, todayOf } from "../../context.ts";
import type { AppEnv } from "../../env.ts";
import { authorize, authorizeAny, can, currentActor, type Resource } from "../../policies.ts";
import { authorizeScopeWrite, scopeInProvince } from "../../province-access.ts";
import { errorResponses, IdParam, IndicatorValue, jsonResponses, Year } from "../../schemas.ts";
import { readUploadInWorker } from "../../workers/heavy.ts";

const json = jsonResponses;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine(
    (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s),
    "not a real calendar date",
  );

const CodeParam = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9_]{1,80}$/, "an indicator code: lower-case letters, digits and _")
    .openapi({ param: { name: "code", in: "path" }, example: "industrial_production_value_2010_prices" }),
});

const ValueBody = z
  .object({
    period: z.string().min(1).max(20).openapi({ example: "2025" }),
    scope: z.string().min(1).max(200).openapi({ example: "Tuyên Quang (pre-merger)" }),
    kind: z.string().min(1).max(40).openapi({ example: "official" }),
    value: IndicatorValue,
    source: z.string().min(1).max(1000),
    comment: z.string().max(2000).nullable().optional(),
    unit: z.string().max(40).nullable().optional(),
    publishedOn: isoDate
      .nullable()
      .optional()
      .openapi({ example: "2026-01-05", description: "The source's publication date, when known" }),
  })
  .openapi("IndicatorValueInput");

const TrajectoryBody = z
  .object({
    source: z
      .string()
      .min(1)
      .max(500)
      .openapi({ example: "Phụ lục I, Kế hoạch phát triển công nghiệp 2021–2025" }),
    points: z.array(z.object({ year: Year, value: IndicatorValue })).max(60),
  })
  .openapi("TrajectoryInput");

const evaluationRoute = createRoute({
  method: "get",
  path: "/api/plans/{id}/targets/evaluation",
  tags: ["targets"],
  summary:
    "Each target and measure: indicator, values (kind, scope, source; superseded marked), trajectory, evaluation with its rule, projection with its method; counts and occupancy from the zone registry",
  request: { params: IdParam, query: z.object({ asOf: isoDate.optional() }) },
  responses: json("The plan's targets, evaluated as of the date"),
});
const listIndicatorsRoute = createRoute({
  method: "get",
  path: "/api/indicators",
  tags: ["targets"],
  summary: "Indicators: codes, units, supplier, definition; derived ones marked",
  responses: json("Indicators"),
});
const addValueRoute = createRoute({
  method: "post",
  path: "/api/indicators/{code}/values",
  tags: ["targets"],
  summary:
    "Add a figure (period, scope, kind, value, source, comment); range and jump rules checked; an official figure supersedes the estimate, which is kept (coordinator, or the supplying agency)",
  request: { params: CodeParam, body: { content: { "application/json": { schema: ValueBody } } } },
  responses: json("The stored figure and, for its period, which figure is used"),
});
const listValuesRoute = createRoute({
  method: "get",
  path: "/api/indicators/{code}/values",
  tags: ["targets"],
  summary:
    "An indicator's figures with their kinds, sources and revisions, and for each period and scope which figure is used (public)",
  request: {
    params: CodeParam,
    query: z.object({
      scope: z.string().min(1).max(200).optional().openapi({ example: "Tuyên Quang (pre-merger)" }),
    }),
  },
  responses: json("The series"),
});
const uploadRoute = createRoute({
  method: "post",
  path: "/api/plans/{id}/indicator-values/upload",
  tags: ["targets"],
  summary:
    "Upload figures from a .csv or .xlsx file: all or nothing — one bad row stores nothing, and every bad row is named with its line and reason",
  request: {
    params: IdParam,
    body: {
      content: {
        "multipart/form-data": {
          schema: z.object({ file: z.any().openapi({ type: "string", format: "binary" }) }),
        },
      },
    },
  },
  responses: json("How many figures were stored"),
});
const templateRoute = createRoute({
  method: "get",
  path: "/api/indicators/template.xlsx",
  tags: ["targets"],
  summary: "The XLSX template for uploads, with the indicator codes",
  responses: {
    200: {
      description: "The template",
      content: {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
          schema: z.any().openapi({ type: "string", format: "binary" }),
        },
      },
    },
    ...errorResponses,
  },
});
const trajectoryRoute = createRoute({
  method: "put",
  path: "/api/measures/{id}/trajectory",
  tags: ["targets"],
  summary:
    "Save a measure's yearly trajectory (e.g. the plan's annex I); an empty list removes it (coordinator)",
  request: { params: IdParam, body: { content: { "application/json": { schema: TrajectoryBody } } } },
  responses: json("The saved trajectory"),
});

export function registerTargets(app: OpenAPIHono<AppEnv>) {
  app.openapi(evaluationRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorize(c, "plan:read", { planId: id });
    const { asOf } = c.req.valid("query");
    return c.json(await evaluatePlanTargets(c.get("database").db, id, asOf ?? todayOf(c)), 200);
  });

  app.openapi(listIndicatorsRoute, async (c) => {
    authorize(c, "plan:read");
    const db = c.get("database").db;
    const rows = await db.select().from(indicators).orderBy(asc(indicators.code));
    const ids = [...new Set(rows.map((r) => r.supplierAgencyId).filter((x): x is number => x !== null))];
    const names = new Map(
      (ids.length
        ? await db
            .select({ id: agencies.id, name: agencies.name })
            .from(agencies)
            .where(inArray(agencies.id, ids))
        : []
      ).map((a) => [a.id, a.name]),
    );
    return c.json(
      rows.map((r) => ({
        ...r,
        supplier: r.supplierAgencyId
          ? { id: r.supplierAgencyId, name: names.get(r.supplierAgencyId) ?? "" }
          : null,
        derived: isZoneDerived(r.formula),
      })),
      200,
    );
  });

  app.openapi(listValuesRoute, async (c) => {
    authorize(c, "plan:read");
    const { code } = c.req.valid("param");
    const { scope } = c.req.valid("query");
    return c.json(await listIndicatorValues(c.get("database").db, code, scope), 200);
  });

  app.openapi(addValueRoute, async (c) => {
    const { code } = c.req.valid("param");
    const db = c.get("database").db;
    const indicator = await indicatorByCode(db, code);
    const linked = await indicatorPlans(db, indicator.id);
    const body = c.req.valid("json");
    // An indicator no measure uses (total_workers, a ratio's denominator) belongs to every plan,
    // as the upload route treats it — but a figure only to the province its scope describes:
    // written through that province's plans (a Lào Cai coordinator never writes Tuyên Quang's).
    await authorizeScopeWrite(
      c,
      body.scope,
      linked.length ? linked : "all",
      indicator.supplierAgencyId ?? undefined,
    );
    return c.json(await addIndicatorValue(db, code, body, actorRef(c), nowOf(c)), 200);
  });

  app.openapi(uploadRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    const [plan] = await db
      .select({ id: plans.id, province: plans.province })
      .from(plans)
      .where(eq(plans.id, id));
    if (!plan)
      throw new AppError("NOT_FOUND", {
        en: `Plan ${id} does not exist.`,
        vi: `Không tìm thấy kế hoạch ${id}.`,
      });
    const all = await db.select().from(indicators);
    const resourceOf = (i: { supplierAgencyId: number | null }): Resource => ({
      planId: id,
      agencyId: i.supplierAgencyId ?? undefined,
    });
    // Refuse before reading the file when the user may enter no indicator at all.
    authorizeAny(c, "indicator:write", [{ planId: id }, ...all.map(resourceOf)]);
    const form = await c.req.formData();
    const file = form.get("file");
    if (!(file instanceof File))
      throw new AppError(
        "VALIDATION",
        {
          en: "Send the file in the 'file' field (.csv or .xlsx).",
          vi: "Hãy gửi tệp (.csv hoặc .xlsx) trong trường 'file'.",
        },
        { fields: [{ field: "file", reason: "missing", reasonVi: "thiếu tệp" }] },
      );
    if (file.size > MAX_UPLOAD_BYTES)
      throw new AppError(
        "VALIDATION",
        { en: "A file may be at most 5 MB.", vi: "Tệp tối đa 5 MB." },
        { fields: [{ field: "file", reason: "larger than 5 MB", reasonVi: "lớn hơn 5 MB" }] },
      );
    const actor = currentActor(c);
    // A file names few scopes, each asked about on thousands of rows: ask once per scope.
    const inProvince = new Map<string, boolean>();
    const scopeOk = (scope: string) => {
      const known = inProvince.get(scope);
      if (known !== undefined) return known;
      const ok = scopeInProvince(scope, plan.province);
      inProvince.set(scope, ok);
      return ok;
    };
    const result = await uploadIndicatorValues(
      db,
      { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      actorRef(c),
      {
        mayWrite: (i) => can(actor, "indicator:write", resourceOf(i)),
        // Every row's scope must be of this plan's province, unless the role holds in every plan.
        mayWriteScope: (i, scope) =>
          scopeOk(scope) || can(actor, "indicator:write", { agencyId: i.supplierAgencyId ?? undefined }),
        now: nowOf(c),
        // The file is read in a worker thread: a huge sheet never blocks other users.
        read: (name, bytes) => readUploadInWorker(name, bytes),
      },
      { planId: id },
    );
    return c.json(result, 200);
  });

  app.openapi(templateRoute, async (c) => {
    authorize(c, "plan:read");
    const bytes = await buildTemplate(c.get("database").db);
    return c.body(bytes as never, 200, {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": 'attachment; filename="kehoach-indicator-values.xlsx"',
      "x-content-type-options": "nosniff",
    }) as never;
  });

  app.openapi(trajectoryRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    const ctx = await measureContext(db, id);
    // Without an agency only the plan's coordinator (or an administrator) may: the path is the plan's.
    authorize(c, "indicator:write", { planId: ctx.planId });
    return c.json(await saveTrajectory(db, id, c.req.valid("json"), actorRef(c), todayOf(c)), 200);
  });
}
