import { describe, expect, it } from "vitest";
import { periodicFixture } from "../db/documents/fixture.ts";
import {
  applyEdits,
  draftModel,
  finalModel,
  nextNumber,
  proseSections,
  readNumber,
  registerOf,
} from "./document-edits.ts";

const model = periodicFixture(1);
const texts = (m: typeof model) =>
  m.body.flatMap((b) => (b.kind === "paragraph" ? [b.runs.map((r) => r.text).join("")] : []));

describe("document edits and numbers", () => {
  it("lists sections in reading order, paragraphs joined by a blank line", () => {
    expect(proseSections(model)).toEqual([
      { key: "targets.evaluation", text: expect.stringContaining("6.512 tỷ đồng") },
      {
        key: "difficulties",
        text: "Giá nguyên liệu đầu vào tăng cao.\n\nThiếu mặt bằng sạch cho nhà đầu tư.",
      },
    ]);
  });

  it("replaces a section where it stood, splits at blank lines, removes an emptied one", () => {
    const edited = applyEdits(model, {
      difficulties: "Một.\r\n\r\nHai  dòng\nnối.",
      "targets.evaluation": "  \n",
    });
    expect(texts(edited)).toEqual(["Một.", "Hai dòng\nnối."]);
    expect(edited.body.filter((b) => b.kind === "heading")).toHaveLength(2);
  });

  it("reads typed numbers into the register's form and refuses another type's", () => {
    expect(readNumber("7", model).number).toBe("07/BC-SCT");
    expect(readNumber("Số: 15/BC-SCT", model).number).toBe("15/BC-SCT");
    expect(() => readNumber("15/CV-SCT", model)).toThrow(/BC-SCT/);
    expect(() => readNumber("0", model)).toThrow();
    expect(() => readNumber("abc", model)).toThrow();
    expect(nextNumber([], "/BC-SCT")).toBe("01/BC-SCT");
    expect(nextNumber(["09/BC-SCT", "15/BC-SCT"], "/BC-SCT")).toBe("16/BC-SCT");
    expect(registerOf(model, "2022-04-05")).toBe("SỞ CÔNG THƯƠNG|/BC-SCT|2022");
  });

  it("sets number and date on the final model and blanks them on a draft", () => {
    expect(finalModel(model, {}, "15/BC-SCT", "2022-04-05")).toMatchObject({
      number: "Số: 15/BC-SCT",
      date: "2022-04-05",
    });
    expect(draftModel({ ...model, number: "Số: 3/BC-SCT", date: "2022-01-01" }, {})).toMatchObject({
      number: "Số:      /BC-SCT",
      date: null,
    });
  });
});
