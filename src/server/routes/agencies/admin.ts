/** Administrator writes on agencies: POST /api/agencies, PATCH /api/agencies/{id}. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { type AgencyRecord, createAgency, updateAgency } from "../../../db/agencies-admin.ts";
import { AppError } from "../../../domain/errors.ts";
import type { AppEnv } from "../../env.ts";
import { authorizeActor } from "../../policies.ts";
import { errorResponses, Id, IdParam } from "../../schemas.ts";
import { authErrorResponses } from "../users/index.ts";

export const AgencyRecordSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    shortName: z.string().nullable(),
    kind: z.string().nullable(),
    level: z.string().nullable(),
    province: z.string().nullable(),
    isGroup: z.boolean(),
    note: z.string().nullable(),
    aliases: z.array(z.string()),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    successorId: z.number().nullable(),
    successorConfirmed: z.boolean().nullable(),
  })
  .openapi("AgencyRecord");

function presentAgencyRecord(a: AgencyRecord) {
  return { ...a, province: a.province || null };
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine(
    (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s),
    "not a real calendar date",
  );
const text = (max: number) => z.string().trim().min(1).max(max);

const fields = {
  shortName: text(100).nullable().optional(),
  /** e.g. department, board, people_committee, office, centre, enterprise */
  kind: text(50).nullable().optional().openapi({ example: "department" }),
  /** e.g. province, district, commune */
  level: text(50).nullable().optional().openapi({ example: "province" }),
  note: z.string().max(2000).nullable().optional(),
  aliases: z.array(text(300)).max(50).optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  successorId: Id.nullable().optional(),
};

const NewAgencyBody = z
  .object({
    name: text(300).openapi({ example: "Sở Công Thương" }),
    province: z.string().trim().max(100).optional().openapi({ example: "Tuyên Quang" }),
    isGroup: z.boolean().optional(),
    ...fields,
  })
  .openapi("NewAgency");

const AgencyPatchBody = z.object({ name: text(300).optional(), ...fields }).openapi("AgencyPatch");

const json = <T extends z.ZodType>(schema: T) => ({
  content: { "application/json": { schema } },
  required: true,
});

const create = createRoute({
  method: "post",
  path: "/api/agencies",
  tags: ["agencies"],
  summary:
    "Create an agency or group (administrator). Its name and aliases must not already name another agency of the province",
  request: { body: json(NewAgencyBody) },
  responses: {
    201: { description: "The new agency", content: { "application/json": { schema: AgencyRecordSchema } } },
    ...errorResponses,
    ...authErrorResponses,
  },
});

const patch = createRoute({
  method: "patch",
  path: "/api/agencies/{id}",
  tags: ["agencies"],
  summary:
    "Change an agency (administrator): names, kind, level, aliases (replace the list), validity, successor. A renamed agency keeps its old name as an alias",
  request: { params: IdParam, body: json(AgencyPatchBody) },
  responses: {
    200: { description: "The agency", content: { "application/json": { schema: AgencyRecordSchema } } },
    ...errorResponses,
    ...authErrorResponses,
  },
});

export function registerAgencyAdmin(app: OpenAPIHono<AppEnv>) {
  app.openapi(create, async (c) => {
    const actor = authorizeActor(c, "agency:manage");
    const agency = await createAgency(c.get("database").db, c.req.valid("json"), actor.username);
    return c.json(presentAgencyRecord(agency), 201);
  });
  app.openapi(patch, async (c) => {
    const actor = authorizeActor(c, "agency:manage");
    const { id } = c.req.valid("param");
    const agency = await updateAgency(c.get("database").db, id, c.req.valid("json"), actor.username);
    if (!agency) {
      throw new AppError("NOT_FOUND", {
        en: `Agency ${id} does not exist.`,
        vi: `Không tìm thấy đơn vị ${id}.`,
      });
    }
    return c.json(presentAgencyRecord(agency), 200);
  });
}
