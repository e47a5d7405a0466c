/**
 * `kehoach document …` end to end on a real database (the demo plan): real DOCX, PDF and XLSX
 * files written and read back (zip XML, poppler, exceljs), and every refusal — an unreadable
 * period, an unknown plan, XLSX for a report — said in Vietnamese and English with no file left.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../db/reporting/actor.ts";
import { openPeriod } from "../db/reporting/periods.ts";
import { seededTestDb, type TestDatabase } from "../db/test-db.ts";
import { AppError } from "../domain/errors.ts";
import { inkShare, poppler, popplerAvailable } from "../exports/poppler.test-support.ts";
import { parseDocumentArgs, runDocument } from "./document.ts";

let database: TestDatabase;
let planId: number;
let dir: string;
const TODAY = "2026-12-07";
const log: string[] = [];

beforeAll(async () => {
  ({ database, planId } = await seededTestDb());
  dir = mkdtempSync(path.join(tmpdir(), "kehoach-doc-"));
}, 300_000);
afterAll(async () => {
  await database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[]) => runDocument(database.db, args, TODAY, (s) => log.push(s));
const file = (name: string) => path.join(dir, name);

async function docxText(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")?.async("string");
  return [...(xml ?? "").matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

describe("kehoach document: the files", () => {
  it("writes the periodic report as DOCX with its letterhead, title and summary", async () => {
    const out = file("bao-cao.docx");
    expect(
      await run([
        "periodic",
        "--plan",
        String(planId),
        "--period",
        "Quý I/2022",
        "--format",
        "docx",
        "--out",
        out,
      ]),
    ).toBe(0);
    const text = await docxText(readFileSync(out));
    for (const s of [
      "UBND TỈNH TUYÊN QUANG",
      "SỞ CÔNG THƯƠNG",
      "/BC-SCT",
      "BÁO CÁO",
      "Quý I năm 2022",
      "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
      "KT. GIÁM ĐỐC",
    ])
      expect(text).toContain(s);
    expect(log.join("")).toContain(`Đã ghi / wrote ${out}`);
  }, 120_000);

  it.runIf(popplerAvailable())(
    "writes the report as an A4 PDF whose first page is not blank",
    async () => {
      const out = file("bao-cao.pdf");
      expect(
        await run([
          "periodic",
          "--plan",
          String(planId),
          "--period",
          "2022-Q1",
          "--format",
          "pdf",
          "--out",
          out,
        ]),
      ).toBe(0);
      const pdf = new Uint8Array(readFileSync(out));
      const text = poppler("pdftotext", pdf);
      expect(text).toContain("BÁO CÁO");
      expect(text).toContain("Số:");
      expect(poppler("pdfinfo", pdf)).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      expect(inkShare(pdf, 1)).toBeGreaterThan(0.005);
    },
    120_000,
  );

  it("writes the annex as XLSX: one sheet, 54 tasks and 7 groups under the header and number row", async () => {
    const out = file("phu-luc.xlsx");
    expect(
      await run(["annex", "--plan", String(planId), "--period", "2022-Q1", "--format", "xlsx", "--out", out]),
    ).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const ws = book.worksheets[0];
    expect(ws?.name).toBe("Nhiệm vụ Quý I-2022");
    const values: string[][] = [];
    ws?.eachRow((row) => values.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    const header = values.findIndex((r) => r[1] === "Nội dung nhiệm vụ");
    expect(header).toBeGreaterThanOrEqual(0);
    expect(values[header + 1]?.[0]).toBe("(1)");
    const body = values.slice(header + 2).filter((r) => /^\d+(\.\d+)?$/.test(r[0] ?? ""));
    expect(body).toHaveLength(61);
  }, 120_000);

  it.runIf(popplerAvailable())(
    "writes the annex as a landscape PDF",
    async () => {
      const out = file("phu-luc.pdf");
      expect(await run(["annex", "--plan", String(planId), "--format", "pdf", "--out", out])).toBe(0);
      const pdf = new Uint8Array(readFileSync(out));
      expect(poppler("pdfinfo", pdf)).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts/);
      expect(poppler("pdftotext", pdf)).toContain("PHỤ LỤC");
    },
    120_000,
  );
});

describe("kehoach document: the urging letter and the review", () => {
  it("writes the urging letter for an opened quarter nobody reported: V/v, Kính gửi the agencies late today, no ceased one", async () => {
    await openPeriod(database.db, planId, "quarterly", "2026-Q3", SYSTEM);
    const out = file("don-doc.docx");
    expect(
      await run([
        "urging",
        "--plan",
        String(planId),
        "--period",
        "2026-Q3",
        "--format",
        "docx",
        "--out",
        out,
      ]),
    ).toBe(0);
    const text = await docxText(readFileSync(out));
    expect(text).toContain("V/v đôn đốc");
    expect(text).toContain("Kính gửi");
    expect(text).toContain("Sở Tài chính");
    expect(text).not.toContain("Sở Kế hoạch và Đầu tư");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  }, 180_000);

  it.runIf(popplerAvailable())(
    "writes the 2021–2025 review as PDF: the six targets and the tasks' outcomes",
    async () => {
      const out = file("tong-ket.pdf");
      expect(await run(["review", "--plan", String(planId), "--format", "pdf", "--out", out])).toBe(0);
      const pdf = new Uint8Array(readFileSync(out));
      const text = poppler("pdftotext", pdf).replace(/\s+/g, " ");
      expect(text).toContain("BÁO CÁO");
      expect(text).toMatch(/Tổng kết thực hiện Kế hoạch/i);
      expect(text).toContain("2021");
      expect(poppler("pdfinfo", pdf)).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      expect(inkShare(pdf, 1)).toBeGreaterThan(0.005);
    },
    240_000,
  );
});

describe("kehoach document: refusals write nothing", () => {
  const refused = async (args: string[], code: string, vi: RegExp) => {
    const out = file(`x-${code}-${args[0]}.docx`);
    const err = await run([...args, "--out", out]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
    expect((err as AppError).messageVi).toMatch(vi);
    expect((err as AppError).message).toMatch(/[a-z]/);
    expect(existsSync(out)).toBe(false);
  };

  it("refuses an unreadable period, an unknown plan, XLSX for a report, a missing period", async () => {
    await refused(
      ["periodic", "--plan", String(planId), "--period", "2022-Q5", "--format", "docx"],
      "VALIDATION",
      /không phải là kỳ báo cáo/,
    );
    await refused(
      ["periodic", "--plan", "999", "--period", "2022-Q1", "--format", "docx"],
      "NOT_FOUND",
      /Không tìm thấy kế hoạch số 999/,
    );
    await refused(
      ["periodic", "--plan", String(planId), "--period", "2022-Q1", "--format", "xlsx"],
      "VALIDATION",
      /XLSX/,
    );
    await refused(["urging", "--plan", String(planId), "--format", "pdf"], "VALIDATION", /Cần --period/);
    await refused(["letter", "--plan", String(planId), "--format", "pdf"], "VALIDATION", /Loại văn bản/);
  });

  it("reads the period codes and titles the coordinator writes", () => {
    const base = ["--plan", "1", "--format", "docx", "--out", "x"];
    expect(parseDocumentArgs(["periodic", ...base, "--period", "2022-03"]).period).toBe("2022-03");
    expect(parseDocumentArgs(["periodic", ...base, "--period", "6 tháng đầu năm 2022"]).period).toBe(
      "2022-H1",
    );
    expect(parseDocumentArgs(["periodic", ...base, "--period", "2022-9M"]).period).toBe("2022-9M");
    expect(parseDocumentArgs(["periodic", ...base, "--period", "2022"]).period).toBe("2022");
    expect(parseDocumentArgs(["review", ...base]).period).toBeNull();
  });

  it("the real command exits 1 with the error in both languages and writes no file", async () => {
    const out = file("cli.docx");
    const env: NodeJS.ProcessEnv = { ...process.env, KEHOACH_DATA_DIR: path.join(dir, "db") };
    delete env.DATABASE_URL;
    const result = await promisify(execFile)(
      process.execPath,
      [
        "bin/kehoach.mjs",
        "document",
        "periodic",
        "--plan",
        "1",
        "--period",
        "Quý V/2022",
        "--format",
        "docx",
        "--out",
        out,
      ],
      { env },
    ).catch((e: { code: number; stderr: string }) => e);
    expect((result as { code: number }).code).toBe(1);
    expect((result as { stderr: string }).stderr).toMatch(/Lỗi: .*không phải là kỳ báo cáo/);
    expect((result as { stderr: string }).stderr).toContain("Error [VALIDATION]");
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
