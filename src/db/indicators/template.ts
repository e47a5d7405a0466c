/**
 * The XLSX template for uploading indicator values: a "values" sheet with the columns upload.ts
 * reads (and drop-down lists of the indicator codes, kinds and scopes), an "indicators" sheet
 * describing every indicator (unit, supplier, definition; derived ones marked as not entered),
 * and a "lists" sheet the drop-downs read.
 */
import { asc } from "drizzle-orm";
import ExcelJS from "exceljs";
import {
  SCOPE_MERGED,
  SCOPE_PRE_MERGER,
  VALUE_KIND_LABELS,
  VALUE_KINDS,
} from "../../domain/indicator-values.ts";
import type { Db } from "../connection.ts";
import { agencies, indicators } from "../schema.ts";
import { isZoneDerived } from "./catalogue.ts";

export const TEMPLATE_ROWS = 500;

const HEADERS = [
  "indicator (mã chỉ tiêu)",
  "period (kỳ: 2024, 2025-Q1, 2025-H1, 2024-9M, 2025-01)",
  "scope (phạm vi)",
  "kind (loại: plan | estimate | preliminary | official)",
  "value (giá trị)",
  "unit (đơn vị)",
  "source (nguồn)",
  "comment (ghi chú)",
];

export async function buildTemplate(db: Db): Promise<Uint8Array> {
  const rows = await db.select().from(indicators).orderBy(asc(indicators.code));
  const names = new Map(
    (await db.select({ id: agencies.id, name: agencies.name }).from(agencies)).map((a) => [a.id, a.name]),
  );
  const enterable = rows.filter((r) => !isZoneDerived(r.formula));
  const wb = new ExcelJS.Workbook();
  wb.creator = "kehoach";
  const values = wb.addWorksheet("values");
  values.addRow(HEADERS);
  values.getRow(1).font = { bold: true };
  values.views = [{ state: "frozen", ySplit: 1 }];
  [34, 22, 26, 22, 14, 12, 40, 40].forEach((w, i) => {
    values.getColumn(i + 1).width = w;
  });
  const info = wb.addWorksheet("indicators");
  info.addRow([
    "code",
    "tên (vi)",
    "name (en)",
    "unit / đơn vị",
    "supplier / đơn vị cung cấp",
    "entered? / nhập?",
    "định nghĩa",
    "definition",
  ]);
  info.getRow(1).font = { bold: true };
  for (const r of rows) {
    const def = (r.formula as { definition?: { vi?: string; en?: string } } | null)?.definition;
    info.addRow([
      r.code,
      r.nameVi,
      r.nameEn,
      r.unit,
      r.supplierAgencyId ? (names.get(r.supplierAgencyId) ?? "") : "",
      isZoneDerived(r.formula)
        ? "no — computed from the zone registry / không — tính từ sổ khu, cụm"
        : "yes / có",
      def?.vi ?? "",
      def?.en ?? "",
    ]);
  }
  [40, 40, 40, 14, 36, 30, 60, 60].forEach((w, i) => {
    info.getColumn(i + 1).width = w;
  });
  const lists = wb.addWorksheet("lists");
  lists.addRow(["indicator", "kind", "kind (vi)", "scope"]);
  const scopes = [SCOPE_PRE_MERGER, SCOPE_MERGED];
  const n = Math.max(enterable.length, VALUE_KINDS.length, scopes.length);
  for (let i = 0; i < n; i++) {
    const kind = VALUE_KINDS[i];
    lists.addRow([
      enterable[i]?.code ?? null,
      kind ?? null,
      kind ? VALUE_KIND_LABELS[kind].vi : null,
      scopes[i] ?? null,
    ]);
  }
  const list = (col: string, count: number): ExcelJS.DataValidation => ({
    type: "list",
    allowBlank: true,
    formulae: [`lists!$${col}$2:$${col}$${count + 1}`],
  });
  for (let r = 2; r <= TEMPLATE_ROWS + 1; r++) {
    values.getCell(r, 1).dataValidation = list("A", enterable.length);
    values.getCell(r, 3).dataValidation = list("D", scopes.length);
    values.getCell(r, 4).dataValidation = list("B", VALUE_KINDS.length);
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
