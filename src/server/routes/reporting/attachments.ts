import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { addAttachment, getAttachment, listAttachments } from "../../../db/reporting/attachments.ts";
import { AppError } from "../../../domain/errors.ts";
import { actorRef } from "../../context.ts";
import type { AppEnv } from "../../env.ts";
import { notFound } from "../../error-handler.ts";
import { errorResponses, IdParam, QueryId } from "../../schemas.ts";
import { authorizeReport } from "./report-access.ts";

const upload = createRoute({
  method: "post",
  path: "/api/reports/{id}/attachments",
  tags: ["reports"],
  summary: "Attach a file (PDF, DOCX, XLSX, PNG, JPEG; ≤ 10 MB) to the report's draft",
  request: {
    params: IdParam,
    body: {
      content: {
        "multipart/form-data": {
          schema: z.object({
            file: z.any().openapi({ type: "string", format: "binary" }),
            // The task the file documents: digits only, and a task of this report (checked on store).
            taskId: z
              .union([z.literal(""), QueryId])
              .optional()
              .openapi({ description: "The task the file documents (empty: the whole report)" }),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: "The stored file", content: { "application/json": { schema: z.any() } } },
    ...errorResponses,
  },
});
const list = createRoute({
  method: "get",
  path: "/api/reports/{id}/attachments",
  tags: ["reports"],
  summary: "The report's files",
  request: { params: IdParam },
  responses: {
    200: { description: "Files", content: { "application/json": { schema: z.any() } } },
    ...errorResponses,
  },
});
const download = createRoute({
  method: "get",
  path: "/api/attachments/{id}",
  tags: ["reports"],
  summary: "Download a file",
  request: { params: IdParam },
  responses: { 200: { description: "The file" }, ...errorResponses },
});

export function registerAttachments(app: OpenAPIHono<AppEnv>) {
  app.openapi(upload, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    await authorizeReport(c, "report:draft", id);
    const form = await c.req.formData();
    const file = form.get("file");
    if (!(file instanceof File)) {
      throw new AppError(
        "VALIDATION",
        { en: "Send the file in the 'file' field.", vi: "Hãy gửi tệp trong trường 'file'." },
        { fields: [{ field: "file", reason: "missing", reasonVi: "thiếu tệp" }] },
      );
    }
    const { taskId } = c.req.valid("form");
    const stored = await addAttachment(
      db,
      id,
      {
        filename: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
        taskId: typeof taskId === "number" ? taskId : null,
      },
      actorRef(c),
    );
    return c.json(stored, 200);
  });
  app.openapi(list, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    await authorizeReport(c, "report:read", id);
    return c.json(await listAttachments(db, id), 200);
  });
  app.openapi(download, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    const file = await getAttachment(db, id);
    if (!file) throw notFound("Attachment", id);
    await authorizeReport(c, "report:read", file.expectedReportId);
    return c.body(file.bytes, 200, {
      "content-type": file.mime,
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "x-content-type-options": "nosniff",
    }) as never;
  });
}
