/**
 * Reading uploads without loading them whole (issue 8, defect 3): a million-row sheet is refused
 * at the row limit after inflating only its beginning, a zip bomb (honest or lying sizes) is
 * refused at the unpacked-size limit, a CSV stops splitting at the limit — and an ordinary
 * workbook written by exceljs reads exactly as exceljs itself reads it.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../domain/errors.ts";
import { xlsxOf } from "./test-zip.ts";
import { COLUMNS, MAX_UNPACKED_BYTES, MAX_UPLOAD_ROWS, readUpload } from "./upload-read.ts";

async function refusal(name: string, bytes: Uint8Array): Promise<AppError> {
  const err = await readUpload(name, bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const HEADER =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>indicator</t></is></c><c r="B1" t="inlineStr"><is><t>period</t></is></c></row>';

describe("an XLSX upload is streamed", () => {
  it("refuses a 1,000,000-row sheet at the row limit, having inflated only its beginning", async () => {
    const row = Buffer.from("<row><c><v>1</v></c></row>");
    const rows = Buffer.alloc(row.length * 1_000_000);
    for (let i = 0; i < 1_000_000; i++) row.copy(rows, i * row.length);
    const bytes = xlsxOf(Buffer.concat([Buffer.from(HEADER), rows]));
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    const err = await refusal("million.xlsx", bytes);
    expect(err.code).toBe("VALIDATION");
    expect(err.message).toContain(`at most ${MAX_UPLOAD_ROWS} rows`);
    expect(err.messageVi).toContain(`tối đa ${MAX_UPLOAD_ROWS} dòng`);
    const d = err.details as { limit: number; unpackedBytes: number; sheetBytes: number };
    expect(d.limit).toBe(MAX_UPLOAD_ROWS);
    // Stopped early: far less than the sheet's 26 MB was ever inflated.
    expect(d.sheetBytes).toBeGreaterThan(26_000_000);
    expect(d.unpackedBytes).toBeLessThan(d.sheetBytes / 10);
  });

  it("refuses a zip bomb that declares its size, before inflating it", async () => {
    const huge = Buffer.alloc(MAX_UNPACKED_BYTES + 1024, "a");
    const bytes = xlsxOf(Buffer.from(HEADER), `<si><t>${huge}</t></si>`);
    const err = await refusal("bomb.xlsx", bytes);
    expect(err.code).toBe("VALIDATION");
    expect(err.message).toContain("unpacks to more than 50 MB");
    expect(err.messageVi).toContain("giải nén lớn hơn 50 MB");
    expect(err.details?.unpackedLimit).toBe(MAX_UNPACKED_BYTES);
  });

  it("refuses a zip bomb that lies about its size, counting what it inflates", async () => {
    const huge = Buffer.alloc(MAX_UNPACKED_BYTES + 1024, "a");
    const bytes = xlsxOf(Buffer.from(HEADER), `<si><t>${huge}</t></si>`, 100);
    const err = await refusal("liar.xlsx", bytes);
    expect(err.message).toContain("unpacks to more than 50 MB");
  });

  it("refuses a sheet whose one 'row' never ends (a bomb in a single cell)", async () => {
    const cell = Buffer.alloc(3 * 1024 * 1024, "x");
    const bytes = xlsxOf(Buffer.concat([Buffer.from(HEADER), Buffer.from("<row><c><v>"), cell]));
    const err = await refusal("cell.xlsx", bytes);
    expect(err.code).toBe("VALIDATION");
  });

  it("reads a workbook written by exceljs exactly as exceljs reads it", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("notes").addRow(["not this sheet"]);
    const ws = wb.addWorksheet("values");
    ws.addRow([...COLUMNS]);
    ws.addRow([
      "total_workers",
      "2024",
      "Tuyên Quang (pre-merger)",
      "official",
      1234.5,
      "người",
      "Cục Thống kê & <Sở>",
      "",
    ]);
    ws.addRow([
      "grdp",
      { richText: [{ text: "20" }, { text: "25", font: { bold: true } }] },
      "x",
      "estimate",
      { formula: "1+1", result: 2 },
      "",
      "nguồn",
      "ghi chú",
    ]);
    ws.addRow([]);
    ws.addRow([
      "a",
      new Date(Date.UTC(2025, 0, 31)),
      "x",
      true,
      "27.700",
      null,
      { text: "link", hyperlink: "https://example.org" },
      "  ",
    ]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const mine = await readUpload("t.xlsx", bytes);

    // The rows as the former whole-workbook reader (exceljs load + eachRow) produced them.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(bytes) as never);
    const sheet = back.getWorksheet("values");
    const theirs: unknown[][] = [];
    sheet?.eachRow({ includeEmpty: false }, (row) => {
      const cells: unknown[] = [];
      for (let c = 1; c <= COLUMNS.length; c++) {
        const v = row.getCell(c).value as unknown;
        if (v instanceof Date) cells.push(v.toISOString().slice(0, 10));
        else if (v && typeof v === "object")
          cells.push(
            "richText" in v
              ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("")
              : "result" in v
                ? (v as { result: unknown }).result
                : (v as { text: unknown }).text,
          );
        else cells.push(typeof v === "boolean" ? String(v) : (v ?? null));
      }
      theirs.push(cells);
    });
    expect(theirs).toHaveLength(4);
    const asText = (v: unknown) => (v === null || v === undefined ? "" : String(v).normalize("NFC").trim());
    expect(
      mine.map((r) => [r.indicator, r.period, r.scope, r.kind, r.valueText, r.unit, r.source, r.comment]),
    ).toEqual(
      theirs
        .slice(1)
        .map((r) =>
          [r[0], r[1], r[2], r[3], r[4] === null ? "" : String(r[4]), r[5], r[6], r[7]].map(asText),
        ),
    );
    expect(mine[0]?.value).toBe(1234.5);
    expect(mine[1]?.value).toBe(2);
    expect(mine[2]?.value).toBe(27700);
    expect(mine.map((r) => r.line)).toEqual([2, 3, 5]);
  });
});

describe("a CSV upload stops at the row limit", () => {
  it("refuses 400,000 lines (under 5 MB) having split only the first ones", async () => {
    const text = `indicator,period,scope,kind,value,source\n${"a,1,x,o,1,y\n".repeat(400_000)}`;
    const err = await refusal("big.csv", new TextEncoder().encode(text));
    expect(err.message).toContain(`at most ${MAX_UPLOAD_ROWS} rows`);
    expect(err.details?.stoppedAtLine).toBe(MAX_UPLOAD_ROWS + 2);
  });
});
