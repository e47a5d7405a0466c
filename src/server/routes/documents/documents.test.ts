/**
 * HTTP: the document routes. The coordinator edits a draft (versions), issues it with a number;
 * the provincial leader (viewer) and a reporter see only issued documents; a reporter cannot make
 * one; the issued document refuses changes with DOCUMENT_FINAL. Drafts are stored from the test
 * fixture so these checks do not depend on the builders.
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodicFixture } from "../../../db/documents/fixture.ts";
import { storeDraft } from "../../../db/documents/store.ts";
import { poppler, popplerAvailable } from "../../../exports/poppler.test-support.ts";
import { createApp } from "../../app.ts";
import { startTestApp, type TestApp } from "../../test-app.ts";
import { call, login, send, type TestSession } from "../../test-auth.ts";

type Detail = {
  id: number;
  state: string;
  version: number;
  number: string | null;
  title: string;
  model: { number: string; body: { kind: string; runs?: { text: string }[] }[] };
  sections: { key: string; text: string; edited: boolean }[];
  suggestedNumber: string | null;
};
type ErrorBody = { error: { code: string; fields?: { field: string }[] } };

let t: TestApp;
let app: ReturnType<typeof createApp>;
let coordinator: TestSession;
let viewer: TestSession;
let reporter: TestSession;
let draftId: number;

beforeAll(async () => {
  t = await startTestApp();
  app = createApp({ database: t.database, now: () => new Date("2022-04-05T03:00:00Z") });
  coordinator = await login(app, "sct.dieuphoi");
  viewer = await login(app, "lanhdao.tinh");
  reporter = await login(app, "sxd.baocao");
  const row = await storeDraft(
    t.database.db,
    { planId: t.planId, kind: "periodic", period: "2022-Q1", model: periodicFixture(t.planId) },
    { userId: null, username: "sct.dieuphoi" },
  );
  draftId = row.id;
}, 180_000);
afterAll(async () => t?.close());

/** The visible text of a DOCX's body, paragraph by paragraph. */
async function docxText(bytes: Uint8Array): Promise<string[]> {
  const xml = (await (await JSZip.loadAsync(bytes)).file("word/document.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(""),
  );
}

async function download(s: TestSession, id: number, format: string) {
  const res = await send(app, s, "GET", `/api/documents/${id}/file?format=${format}`);
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("document routes", () => {
  it("shows the draft to the coordinator only", async () => {
    const mine = await call<{ items: { id: number }[]; canWrite: boolean }>(
      app,
      coordinator,
      "GET",
      `/api/plans/${t.planId}/documents`,
    );
    expect(mine.status).toBe(200);
    expect(mine.body.canWrite).toBe(true);
    expect(mine.body.items.map((d) => d.id)).toContain(draftId);
    for (const s of [viewer, reporter]) {
      const list = await call<{ items: unknown[] }>(app, s, "GET", `/api/plans/${t.planId}/documents`);
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([]);
      expect((await call(app, s, "GET", `/api/documents/${draftId}`)).status).toBe(403);
      expect((await call(app, s, "GET", `/api/documents/${draftId}/file?format=docx`)).status).toBe(403);
    }
    expect((await call(app, null, "GET", `/api/plans/${t.planId}/documents`)).status).toBe(401);
  });

  it("refuses a reporter's draft and a period that is not one", async () => {
    expect(
      (
        await call(app, reporter, "POST", `/api/plans/${t.planId}/documents`, {
          kind: "periodic",
          period: "2022-Q1",
        })
      ).status,
    ).toBe(403);
    const bad = await call<ErrorBody>(app, coordinator, "POST", `/api/plans/${t.planId}/documents`, {
      kind: "periodic",
      period: "Quý V/2022",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.[0]?.field).toBe("label");
  });

  it("edits with versions, finalises with a number, then refuses changes", async () => {
    const got = await call<Detail>(app, coordinator, "GET", `/api/documents/${draftId}`);
    expect(got.body.title).toBe("Báo cáo định kỳ Quý I/2022");
    expect(got.body.model.number).toBe("Số:      /BC-SCT");
    expect(got.body.suggestedNumber).toBe("01/BC-SCT");
    expect(got.body.sections.map((s) => s.key)).toEqual(["targets.evaluation", "difficulties"]);

    const saved = await call<Detail>(app, coordinator, "PUT", `/api/documents/${draftId}/sections`, {
      version: got.body.version,
      sections: { difficulties: "Giá xăng dầu tăng mạnh trong quý." },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.sections.find((s) => s.key === "difficulties")).toMatchObject({
      text: "Giá xăng dầu tăng mạnh trong quý.",
      edited: true,
    });
    const stale = await call<ErrorBody>(app, coordinator, "PUT", `/api/documents/${draftId}/sections`, {
      version: got.body.version,
      sections: { difficulties: "khác" },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("VERSION_CONFLICT");
    expect(
      (
        await call(app, viewer, "POST", `/api/documents/${draftId}/finalise`, {
          version: saved.body.version,
          number: "15",
          date: "2022-04-05",
        })
      ).status,
    ).toBe(403);

    const final = await call<Detail>(app, coordinator, "POST", `/api/documents/${draftId}/finalise`, {
      version: saved.body.version,
      number: "15",
      date: "2022-04-05",
    });
    expect(final.status).toBe(200);
    expect(final.body.state).toBe("final");
    expect(final.body.number).toBe("15/BC-SCT");
    expect(final.body.model.number).toBe("Số: 15/BC-SCT");

    const again = await call<ErrorBody>(app, coordinator, "PUT", `/api/documents/${draftId}/sections`, {
      version: final.body.version,
      sections: { difficulties: "sửa sau khi ban hành" },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("DOCUMENT_FINAL");

    // Issued: the viewer and the reporter now read it.
    for (const s of [viewer, reporter]) {
      const one = await call<Detail>(app, s, "GET", `/api/documents/${draftId}`);
      expect(one.status).toBe(200);
      expect(JSON.stringify(one.body.model)).toContain("Giá xăng dầu tăng mạnh trong quý.");
    }
    expect((await call(app, coordinator, "GET", `/api/documents/${draftId}/file?format=xlsx`)).status).toBe(
      400,
    );
  });

  it("downloads a draft with the number blank, and an issued document as the same bytes every time", async () => {
    const d = await storeDraft(
      t.database.db,
      { planId: t.planId, kind: "periodic", period: "2022-Q2", model: periodicFixture(t.planId) },
      { userId: null, username: "sct.dieuphoi" },
    );
    const draft = await download(coordinator, d.id, "docx");
    expect(draft.status).toBe(200);
    expect(draft.headers.get("content-disposition")).toContain('filename="Du-thao-BC-SCT-2022-Q2.docx"');
    expect(await docxText(draft.bytes)).toContain("Số:      /BC-SCT");

    const v = (await call<Detail>(app, coordinator, "GET", `/api/documents/${d.id}`)).body.version;
    await call(app, coordinator, "PUT", `/api/documents/${d.id}/sections`, {
      version: v,
      sections: { difficulties: "Đoạn đã sửa của điều phối viên." },
    });
    await call(app, coordinator, "POST", `/api/documents/${d.id}/finalise`, {
      version: v + 1,
      number: "21",
      date: "2022-07-05",
    });
    const first = await download(viewer, d.id, "docx");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-disposition")).toContain('filename="21-BC-SCT-2022-Q2.docx"');
    const text = await docxText(first.bytes);
    expect(text).toContain("Số: 21/BC-SCT");
    // The writer closes the last paragraph with "./." (Appendix I).
    expect(text.some((p) => p.startsWith("Đoạn đã sửa của điều phối viên."))).toBe(true);
    // More data arrives (another document stored, time passes): the issued file does not change.
    await storeDraft(
      t.database.db,
      {
        planId: t.planId,
        kind: "periodic",
        period: "2022-Q2",
        model: periodicFixture(t.planId, "2022-08-01T00:00:00.000Z"),
      },
      { userId: null, username: "sct.dieuphoi" },
    );
    const second = await download(coordinator, d.id, "docx");
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);

    const pdf1 = await download(coordinator, d.id, "pdf");
    const pdf2 = await download(reporter, d.id, "pdf");
    expect(pdf1.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(pdf1.bytes).equals(Buffer.from(pdf2.bytes))).toBe(true);
    if (popplerAvailable()) {
      const pdfText = poppler("pdftotext", pdf1.bytes, ["-layout"]);
      expect(pdfText).toContain("21/BC-SCT");
      expect(pdfText).toContain("Đoạn đã sửa của điều phối viên.");
    }
  }, 120_000);
});
