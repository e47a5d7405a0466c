/**
 * Import through the web, in two steps: the administrator uploads a plan document and gets the
 * parsed plan with the importer's warnings (nothing is stored), corrects agencies and deadlines
 * the importer could not resolve, then confirms — only then is the plan stored, in one
 * transaction, refused if the same document is already imported.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { parseWithRegistry } from "../../../db/import-plan.ts";
import { contentHash, storePlan } from "../../../db/store-plan.ts";
import { AppError } from "../../../domain/errors.ts";
import { parseSchedule } from "../../../domain/schedule.ts";
import type { PlanJson } from "../../../importer/plan-json.ts";
import { MAX_PLAN_BYTES, MAX_PLAN_TASKS } from "../../../importer/text.ts";
import { actorRef } from "../../context.ts";
import type { AppEnv } from "../../env.ts";
import { authorize } from "../../policies.ts";
import { jsonResponses } from "../../schemas.ts";
import { parsePlanInWorker } from "../../workers/heavy.ts";

const ok = jsonResponses();

const preview = createRoute({
  method: "post",
  path: "/api/imports/preview",
  tags: ["imports"],
  summary:
    "Parse an uploaded plan document and return Plan JSON with warnings; stores nothing (administrator)",
  request: {
    body: {
      content: {
        "multipart/form-data": {
          schema: z.object({ file: z.any().openapi({ type: "string", format: "binary" }) }),
        },
      },
    },
  },
  responses: ok,
});

const ConfirmBody = z.object({
  sourceName: z.string().min(1).max(255),
  /** The uploaded document again (base64): its hash is computed here, never taken from the client. */
  documentBase64: z
    .string()
    .min(1)
    .max(Math.ceil((MAX_PLAN_BYTES * 4) / 3) + 4),
  plan: z.object({
    plan: z.object({ title: z.string().min(1) }).passthrough(),
    groups: z.array(z.object({ code: z.string(), title: z.string() })),
    targets: z.array(z.any()),
    tasks: z
      .array(
        z
          .object({
            code: z.string().min(1),
            content: z.string(),
            leads: z.array(z.string()),
            coordinators: z.array(z.string()),
            deadlineText: z.string(),
          })
          .passthrough(),
      )
      .min(1)
      .max(MAX_PLAN_TASKS),
    agencies: z.array(z.any()),
    warnings: z.array(z.any()),
  }),
});

const confirm = createRoute({
  method: "post",
  path: "/api/imports/confirm",
  tags: ["imports"],
  summary: "Store a previewed (and corrected) plan (administrator); the same document twice is refused",
  request: { body: { content: { "application/json": { schema: ConfirmBody } } } },
  responses: ok,
});

export function registerImports(app: OpenAPIHono<AppEnv>) {
  // Only administrators import: refuse before reading a (possibly large) upload.
  app.use("/api/imports/*", async (c, next) => {
    authorize(c, "plan:import");
    await next();
  });
  app.openapi(preview, async (c) => {
    authorize(c, "plan:import");
    const form = await c.req.formData();
    const file = form.get("file");
    if (!(file instanceof File)) {
      throw new AppError(
        "VALIDATION",
        {
          en: "Send the plan document in the 'file' field.",
          vi: "Hãy gửi văn bản kế hoạch trong trường 'file'.",
        },
        { fields: [{ field: "file", reason: "missing", reasonVi: "thiếu tệp" }] },
      );
    }
    if (file.size > MAX_PLAN_BYTES) {
      throw new AppError("PLAN_TOO_LARGE", {
        en: "A plan document may be at most 10 MB.",
        vi: "Văn bản kế hoạch tối đa 10 MB.",
      });
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    // Parsed in a worker thread, with a time limit: a huge document never blocks other users.
    const plan = await parseWithRegistry(c.get("database").db, bytes, file.name, parsePlanInWorker);
    return c.json(
      { sourceName: file.name, contentHash: contentHash(new TextDecoder().decode(bytes)), plan },
      200,
    );
  });
  app.openapi(confirm, async (c) => {
    authorize(c, "plan:import");
    const body = c.req.valid("json");
    const plan = body.plan as unknown as PlanJson;
    // Deadlines the administrator corrected are parsed again: the stored schedule always matches the text.
    for (const t of plan.tasks) t.schedule = parseSchedule(t.deadlineText).schedule;
    const text = new TextDecoder().decode(Buffer.from(body.documentBase64, "base64"));
    const result = await storePlan(c.get("database").db, plan, {
      file: body.sourceName,
      hash: contentHash(text),
      actor: actorRef(c).username,
    });
    return c.json(result, 200);
  });
}
