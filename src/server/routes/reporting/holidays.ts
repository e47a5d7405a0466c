import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { deleteHoliday, listHolidays, putHoliday } from "../../../db/reporting/holidays.ts";
import { actorRef } from "../../context.ts";
import type { AppEnv } from "../../env.ts";
import { notFound } from "../../error-handler.ts";
import { authorize } from "../../policies.ts";
import { jsonResponses, queryInt } from "../../schemas.ts";
import { isoDate } from "./schemas.ts";

const DateParam = z.object({
  date: isoDate.openapi({ param: { name: "date", in: "path" }, example: "2026-02-17" }),
});
const ok = jsonResponses();

const list = createRoute({
  method: "get",
  path: "/api/holidays",
  tags: ["calendar"],
  summary: "Public holidays and days off (editable data; Tết moves every year)",
  request: { query: z.object({ year: queryInt(2000, 2100).optional() }) },
  responses: ok,
});
const put = createRoute({
  method: "put",
  path: "/api/holidays/{date}",
  tags: ["calendar"],
  summary: "Add or correct a day off (administrator)",
  request: {
    params: DateParam,
    body: {
      content: {
        "application/json": {
          schema: z.object({ name: z.string().min(1).max(200), official: z.boolean().default(true) }),
        },
      },
    },
  },
  responses: ok,
});
const del = createRoute({
  method: "delete",
  path: "/api/holidays/{date}",
  tags: ["calendar"],
  summary: "Remove a day off (administrator)",
  request: { params: DateParam },
  responses: ok,
});

export function registerHolidays(app: OpenAPIHono<AppEnv>) {
  app.openapi(list, async (c) => {
    authorize(c, "plan:read");
    return c.json(await listHolidays(c.get("database").db, c.req.valid("query").year), 200);
  });
  app.openapi(put, async (c) => {
    authorize(c, "holiday:manage");
    const { date } = c.req.valid("param");
    await putHoliday(c.get("database").db, { date, ...c.req.valid("json") }, actorRef(c));
    return c.json({ date, ...c.req.valid("json") }, 200);
  });
  app.openapi(del, async (c) => {
    authorize(c, "holiday:manage");
    const { date } = c.req.valid("param");
    if (!(await deleteHoliday(c.get("database").db, date, actorRef(c)))) throw notFound("Holiday", date);
    return c.json({ deleted: date }, 200);
  });
}
