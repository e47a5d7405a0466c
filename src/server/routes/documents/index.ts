/**
 * Document routes (issue 10 §1): make a draft of a plan's document (periodic report, annex,
 * urging letter, end-of-plan review), list and read them, edit the prose sections, finalise with
 * number and date, download as DOCX/PDF (XLSX for the annex). Drafts are the coordinator's;
 * an issued document is read by everyone with a role in the plan (policies.ts "document:read").
 * The build runs under the build limiter and the writing in the worker pool.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { buildDocument } from "../../../db/documents/build.ts";
import {
  finaliseDocument,
  getDocument,
  listDocuments,
  modelToRender,
  saveSections,
  storeDraft,
  suggestNumber,
} from "../../../db/documents/store.ts";
import { AppError } from "../../../domain/errors.ts";
import { readPeriod } from "../../../domain/period-label.ts";
import { actorRef, todayOf } from "../../context.ts";
import type { AppEnv } from "../../env.ts";
import { authorize, authorizeActor, can, currentActor } from "../../policies.ts";
import { errorResponses, IdParam, QueryId } from "../../schemas.ts";
import { documentBuilds } from "../../workers/build-limit.ts";
import { renderInWorker } from "../../workers/heavy.ts";
import { CONTENT_TYPE, documentFormats, fileName, presentDetail, presentDocument } from "./present.ts";
import {
  CreateDocumentBody,
  DocumentDetail,
  DocumentSummary,
  FileQuery,
  FinaliseBody,
  SectionsBody,
} from "./schemas.ts";

const ok = <T extends z.ZodType>(description: string, schema: T) => ({
  200: { description, content: { "application/json": { schema } } },
  ...errorResponses,
  401: { description: "Not signed in", content: { "application/json": { schema: z.any() } } },
  403: { description: "Not allowed", content: { "application/json": { schema: z.any() } } },
  409: {
    description: "Version conflict, issued, or number taken",
    content: { "application/json": { schema: z.any() } },
  },
});
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } } } });
const PlanParam = z.object({ id: QueryId.openapi({ param: { name: "id", in: "path" } }) });

const createDocRoute = createRoute({
  method: "post",
  path: "/api/plans/{id}/documents",
  tags: ["documents"],
  summary: "Build a document from today's data and keep it as a draft (coordinator)",
  request: { params: PlanParam, ...body(CreateDocumentBody) },
  responses: ok("The new draft", DocumentDetail),
});
const listRoute = createRoute({
  method: "get",
  path: "/api/plans/{id}/documents",
  tags: ["documents"],
  summary: "The plan's documents, newest first (drafts only for the coordinator)",
  request: { params: PlanParam },
  responses: ok("Documents", z.object({ items: z.array(DocumentSummary), canWrite: z.boolean() })),
});
const getRoute = createRoute({
  method: "get",
  path: "/api/documents/{id}",
  tags: ["documents"],
  summary: "A document: its model as downloaded, its prose sections, its state",
  request: { params: IdParam },
  responses: ok("The document", DocumentDetail),
});
const sectionsRoute = createRoute({
  method: "put",
  path: "/api/documents/{id}/sections",
  tags: ["documents"],
  summary: "Save the coordinator's text of some prose sections (with the version it started from)",
  request: { params: IdParam, ...body(SectionsBody) },
  responses: ok("The document", DocumentDetail),
});
const finaliseRoute = createRoute({
  method: "post",
  path: "/api/documents/{id}/finalise",
  tags: ["documents"],
  summary: "Issue the draft with its number and date; it is never changed afterwards",
  request: { params: IdParam, ...body(FinaliseBody) },
  responses: ok("The issued document", DocumentDetail),
});
const fileRoute = createRoute({
  method: "get",
  path: "/api/documents/{id}/file",
  tags: ["documents"],
  summary: "Download the document (an issued one is its stored final text, byte for byte every time)",
  request: { params: IdParam, query: FileQuery },
  responses: {
    200: { description: "The file", content: { "application/octet-stream": { schema: z.any() } } },
    ...errorResponses,
  },
});

function periodOf(kind: string, text: string | null | undefined): string | null {
  if (kind === "review") return null;
  if (!text)
    throw new AppError(
      "VALIDATION",
      { en: "Choose the period of the document.", vi: "Hãy chọn kỳ của văn bản." },
      { fields: [{ field: "period", reason: "required", reasonVi: "bắt buộc" }] },
    );
  return readPeriod(text).code;
}

async function readable(c: Parameters<typeof authorize>[0], id: number) {
  const row = await getDocument(c.get("database").db, id);
  authorize(c, "document:read", { planId: row.planId, documentState: row.state as "draft" | "final" });
  return row;
}

async function detail(c: Parameters<typeof authorize>[0], id: number) {
  const db = c.get("database").db;
  const row = await getDocument(db, id);
  return presentDetail(row, row.state === "draft" ? await suggestNumber(db, id, todayOf(c)) : null);
}

export function registerDocuments(app: OpenAPIHono<AppEnv>) {
  app.openapi(createDocRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorizeActor(c, "document:write", { planId: id });
    const input = c.req.valid("json");
    const period = periodOf(input.kind, input.period);
    const db = c.get("database").db;
    const req = { kind: input.kind, planId: id, period, today: todayOf(c) };
    const model = await documentBuilds().run(() => buildDocument(db, req));
    const row = await storeDraft(db, { planId: id, kind: input.kind, period, model }, actorRef(c));
    return c.json(await detail(c, row.id), 200);
  });
  app.openapi(listRoute, async (c) => {
    const { id } = c.req.valid("param");
    authorizeActor(c, "document:read", { planId: id, documentState: "final" });
    const canWrite = can(currentActor(c), "document:write", { planId: id });
    const rows = await listDocuments(c.get("database").db, id, { finalOnly: !canWrite });
    return c.json({ items: rows.map(presentDocument), canWrite }, 200);
  });
  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid("param");
    await readable(c, id);
    return c.json(await detail(c, id), 200);
  });
  app.openapi(sectionsRoute, async (c) => {
    const { id } = c.req.valid("param");
    const row = await getDocument(c.get("database").db, id);
    authorizeActor(c, "document:write", { planId: row.planId });
    await saveSections(c.get("database").db, id, c.req.valid("json"), actorRef(c));
    return c.json(await detail(c, id), 200);
  });
  app.openapi(finaliseRoute, async (c) => {
    const { id } = c.req.valid("param");
    const row = await getDocument(c.get("database").db, id);
    authorizeActor(c, "document:write", { planId: row.planId });
    await finaliseDocument(c.get("database").db, id, c.req.valid("json"), actorRef(c));
    return c.json(await detail(c, id), 200);
  });
  app.openapi(fileRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { format } = c.req.valid("query");
    const row = await readable(c, id);
    if (!documentFormats(row.kind).includes(format))
      throw new AppError(
        "VALIDATION",
        { en: "Only the annex is written as XLSX.", vi: "Chỉ phụ lục mới xuất được tệp XLSX." },
        {
          fields: [
            { field: "format", reason: "not for this document", reasonVi: "không dùng cho văn bản này" },
          ],
        },
      );
    const bytes = await renderInWorker(modelToRender(row), format);
    const name = fileName(row, format);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": CONTENT_TYPE[format],
      "content-disposition": `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    }) as never;
  });
}
