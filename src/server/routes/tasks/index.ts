import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { getTask, listTasks } from "../../../db/queries/tasks.ts";
import type { AppEnv } from "../../env.ts";
import { notFound } from "../../error-handler.ts";
import { authorize } from "../../policies.ts";
import { presentTask } from "../../presenters.ts";
import { errorResponses, IdParam, TaskPage, TaskQuery, TaskSchema } from "../../schemas.ts";

const list = createRoute({
  method: "get",
  path: "/api/tasks",
  tags: ["tasks"],
  summary:
    "Tasks, filtered by plan, agency (lead or coordinator), group, due range, schedule kind or text; paginated",
  request: { query: TaskQuery },
  responses: {
    200: { description: "A page of tasks", content: { "application/json": { schema: TaskPage } } },
    ...errorResponses,
  },
});

const one = createRoute({
  method: "get",
  path: "/api/tasks/{id}",
  tags: ["tasks"],
  summary: "One task with its schedule, leads and coordinators",
  request: { params: IdParam },
  responses: {
    200: { description: "The task", content: { "application/json": { schema: TaskSchema } } },
    ...errorResponses,
  },
});

export function registerTasks(app: OpenAPIHono<AppEnv>) {
  app.openapi(list, async (c) => {
    authorize(c, "plan:read");
    const q = c.req.valid("query");
    const page = await listTasks(c.get("database").db, {
      planId: q.plan,
      agencyId: q.agency,
      group: q.group,
      dueFrom: q.dueFrom,
      dueTo: q.dueTo,
      kind: q.kind,
      q: q.q,
      sort: q.sort,
      page: q.page,
      pageSize: q.pageSize,
    });
    return c.json({ items: page.items.map(presentTask), total: page.total }, 200);
  });
  app.openapi(one, async (c) => {
    authorize(c, "plan:read");
    const { id } = c.req.valid("param");
    const task = await getTask(c.get("database").db, id);
    if (!task) throw notFound("Task", id);
    return c.json(presentTask(task), 200);
  });
}
