/**
 * The document store on a real database: a draft is edited with versions, finalised with a
 * number from its register, and then refused any change; a finalised document's model is the one
 * stored, whatever is saved later; the audit log keeps digests, not the text.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../schema.ts";
import { seededTestDb, type TestDatabase } from "../test-db.ts";
import { periodicFixture } from "./fixture.ts";
import {
  createDraft,
  finaliseDocument,
  listDocuments,
  modelToRender,
  saveSections,
  storeDraft,
  suggestNumber,
} from "./store.ts";

const actor = { userId: null, username: "sct.dieuphoi" };
let database: TestDatabase;
let planId: number;

beforeAll(async () => {
  ({ database, planId } = await seededTestDb());
}, 180_000);
afterAll(async () => database?.close());

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
};

describe("document store", () => {
  it("edits a draft with versions, finalises it with the register's number, then refuses changes", async () => {
    const db = database.db;
    const draft = await storeDraft(
      db,
      { planId, kind: "periodic", period: "2022-Q1", model: periodicFixture(planId) },
      actor,
    );
    expect(draft.state).toBe("draft");
    expect(draft.version).toBe(1);

    const edited = await saveSections(
      db,
      draft.id,
      { version: 1, sections: { difficulties: "Giá xăng dầu tăng.\n\nThiếu lao động có tay nghề." } },
      actor,
    );
    expect(edited.version).toBe(2);
    // A save from the old version is refused, and does not overwrite.
    expect(
      await codeOf(saveSections(db, draft.id, { version: 1, sections: { difficulties: "x" } }, actor)),
    ).toBe("VERSION_CONFLICT");
    expect(await codeOf(saveSections(db, draft.id, { version: 2, sections: { nope: "x" } }, actor))).toBe(
      "VALIDATION",
    );

    // The draft renders with the edits and the number blank.
    const asDraft = modelToRender(edited);
    expect(asDraft.number).toBe("Số:      /BC-SCT");
    expect(asDraft.date).toBeNull();
    const texts = asDraft.body.flatMap((b) =>
      b.kind === "paragraph" ? [b.runs.map((r) => r.text).join("")] : [],
    );
    expect(texts).toContain("Giá xăng dầu tăng.");
    expect(texts).toContain("Thiếu lao động có tay nghề.");
    expect(texts).not.toContain("Thiếu mặt bằng sạch cho nhà đầu tư.");
    // The generated model itself is unchanged (the edits are kept beside it).
    expect(JSON.stringify(edited.model)).toContain("Thiếu mặt bằng sạch");

    expect(await suggestNumber(db, draft.id, "2022-04-05")).toBe("01/BC-SCT");
    const final = await finaliseDocument(
      db,
      draft.id,
      { version: 2, number: "15", date: "2022-04-05" },
      actor,
    );
    expect(final.state).toBe("final");
    expect(final.number).toBe("15/BC-SCT");
    const issued = modelToRender(final);
    expect(issued.number).toBe("Số: 15/BC-SCT");
    expect(issued.date).toBe("2022-04-05");
    expect(JSON.stringify(issued)).toContain("Giá xăng dầu tăng.");

    expect(
      await codeOf(saveSections(db, draft.id, { version: 3, sections: { difficulties: "y" } }, actor)),
    ).toBe("DOCUMENT_FINAL");
    expect(
      await codeOf(finaliseDocument(db, draft.id, { version: 3, number: "16", date: "2022-04-05" }, actor)),
    ).toBe("DOCUMENT_FINAL");

    // The next report of 2022 is suggested 16; 15 again is refused; 2023 starts a new register.
    const second = await storeDraft(
      db,
      { planId, kind: "periodic", period: "2022-Q2", model: periodicFixture(planId) },
      actor,
    );
    expect(await suggestNumber(db, second.id, "2022-07-05")).toBe("16/BC-SCT");
    expect(
      await codeOf(
        finaliseDocument(db, second.id, { version: 1, number: "15/BC-SCT", date: "2022-07-05" }, actor),
      ),
    ).toBe("DOCUMENT_NUMBER_TAKEN");
    expect(
      await codeOf(
        finaliseDocument(db, second.id, { version: 1, number: "15/CV-SCT", date: "2022-07-05" }, actor),
      ),
    ).toBe("VALIDATION");
    expect(await suggestNumber(db, second.id, "2023-01-05")).toBe("01/BC-SCT");
    const third = await finaliseDocument(
      db,
      second.id,
      { version: 1, number: "Số: 15/BC-SCT", date: "2023-01-05" },
      actor,
    );
    expect(third.number).toBe("15/BC-SCT");

    const finals = await listDocuments(db, planId, { finalOnly: true });
    expect(finals.map((d) => d.id).sort()).toEqual([draft.id, second.id].sort());

    // The audit rows keep digests, never the text.
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "document"), eq(auditLog.entityId, String(draft.id))));
    expect(rows.map((r) => r.action)).toEqual(["document.create", "document.edit", "document.finalise"]);
    expect(JSON.stringify(rows)).not.toContain("Giá xăng dầu");
  });

  it("keeps the issued model when the data changes: a tampered final model is refused, not rendered", async () => {
    const db = database.db;
    const d = await storeDraft(
      db,
      { planId, kind: "periodic", period: "2022-Q3", model: periodicFixture(planId) },
      actor,
    );
    const f = await finaliseDocument(db, d.id, { version: 1, number: "40", date: "2022-10-05" }, actor);
    const before = JSON.stringify(modelToRender(f));
    const tampered = { ...f, finalModel: { ...f.finalModel!, summary: "khác" } };
    expect(() => modelToRender(tampered)).toThrow(/digest/);
    expect(JSON.stringify(modelToRender(f))).toBe(before);
  });

  it("builds through buildDocument (the builders' errors come through as they are)", async () => {
    const built = await createDraft(
      database.db,
      { kind: "annex", planId, period: "2022-Q1", today: "2022-04-05" },
      actor,
      async () => ({ ...periodicFixture(planId), kind: "annex" }),
    );
    expect(built.kind).toBe("annex");
    expect(built.model.kind).toBe("annex");
  });
});
