/**
 * Reorganisations of agencies (REGULATIONS.md §5), administrator only: list, record a draft,
 * preview what it moves, apply (one transaction, audited), reverse (until its effective date).
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { CHANGE_KINDS } from "../../../db/reorganisations/input.ts";
import {
  applyReorganisation,
  createReorganisation,
  getReorganisation,
  listReorganisations,
  previewReorganisation,
  reverseReorganisation,
} from "../../../db/reorganisations/store.ts";
import { todayOf } from "../../context.ts";
import type { AppEnv } from "../../env.ts";
import { authorizeActor } from "../../policies.ts";
import { ErrorSchema, errorResponses, Id, IdParam } from "../../schemas.ts";
import { authErrorResponses } from "../users/index.ts";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine(
    (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s),
    "not a real calendar date",
  );
const text = (max: number) => z.string().trim().min(1).max(max);

const Change = z.object({
  kind: z.enum(CHANGE_KINDS).openapi({ description: "merge | rename | split | dissolve" }),
  from: z.array(Id).min(1).max(50),
  to: Id,
  taskSplit: z
    .array(z.object({ taskId: Id, agencyId: Id }))
    .max(2000)
    .optional(),
  note: z.string().max(2000).nullable().optional(),
});

const NewReorganisation = z
  .object({
    province: text(100).openapi({ example: "Tuyên Quang" }),
    title: text(500),
    number: text(100).nullable().optional().openapi({ description: "null: not confirmed (chưa xác nhận)" }),
    signedOn: isoDate.nullable().optional(),
    effectiveOn: isoDate,
    basis: z.string().max(4000).nullable().optional(),
    moveAccounts: z.boolean().optional(),
    changes: z.array(Change).min(1).max(200),
  })
  .openapi("NewReorganisation");

const responses = {
  200: { description: "OK", content: { "application/json": { schema: z.any() } } },
  409: {
    description: "Wrong state, or in effect (code REORGANISATION_IN_EFFECT)",
    content: { "application/json": { schema: ErrorSchema } },
  },
  ...errorResponses,
  ...authErrorResponses,
};

const tags = ["reorganisations"];
const list = createRoute({
  method: "get",
  path: "/api/reorganisations",
  tags,
  summary: "Recorded reorganisations, newest effective date first (administrator)",
  responses,
});
const create = createRoute({
  method: "post",
  path: "/api/reorganisations",
  tags,
  summary: "Record a draft reorganisation (administrator): checked, nothing moves yet",
  request: { body: { content: { "application/json": { schema: NewReorganisation } }, required: true } },
  responses,
});
const byId = (path: string, method: "get" | "post", summary: string) =>
  createRoute({ method, path, tags, summary, request: { params: IdParam }, responses });
const one = byId("/api/reorganisations/{id}", "get", "One reorganisation with its changes (administrator)");
const preview = byId(
  "/api/reorganisations/{id}/preview",
  "get",
  "What applying moves: agencies ended, task assignments, open expected reports, user roles",
);
const apply = byId("/api/reorganisations/{id}/apply", "post", "Apply in one transaction (audited)");
const reverse = byId(
  "/api/reorganisations/{id}/reverse",
  "post",
  "Reverse an applied one before its effective date, restoring exactly what it changed (audited)",
);

export function registerReorganisations(app: OpenAPIHono<AppEnv>) {
  const db = (c: { get(k: "database"): { db: Parameters<typeof listReorganisations>[0] } }) =>
    c.get("database").db;
  app.openapi(list, async (c) => {
    authorizeActor(c, "reorganisation:manage");
    return c.json({ items: await listReorganisations(db(c)) }, 200);
  });
  app.openapi(create, async (c) => {
    const actor = authorizeActor(c, "reorganisation:manage");
    const body = c.req.valid("json");
    return c.json(await createReorganisation(db(c), body, actor.username), 200);
  });
  app.openapi(one, async (c) => {
    authorizeActor(c, "reorganisation:manage");
    return c.json(await getReorganisation(db(c), c.req.valid("param").id), 200);
  });
  app.openapi(preview, async (c) => {
    authorizeActor(c, "reorganisation:manage");
    return c.json(await previewReorganisation(db(c), c.req.valid("param").id), 200);
  });
  app.openapi(apply, async (c) => {
    const actor = authorizeActor(c, "reorganisation:manage");
    const id = c.req.valid("param").id;
    const effects = await applyReorganisation(db(c), id, actor.username);
    return c.json({ reorganisation: await getReorganisation(db(c), id), effects }, 200);
  });
  app.openapi(reverse, async (c) => {
    const actor = authorizeActor(c, "reorganisation:manage");
    const id = c.req.valid("param").id;
    const result = await reverseReorganisation(db(c), id, actor.username, todayOf(c));
    return c.json({ reorganisation: await getReorganisation(db(c), id), ...result }, 200);
  });
}
