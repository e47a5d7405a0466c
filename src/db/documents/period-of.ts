/**
 * The opened reporting period a document is about, found by its label as the brief and the CLI
 * write it ("2022-Q1", "2022-03", "2022"): a document about a period that was never opened has no
 * reports behind it, so it is refused naming the field.
 */
import { and, asc, eq } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import { periodTitle } from "../../domain/periods.ts";
import type { Db } from "../connection.ts";
import { reportingPeriods } from "../schema.ts";

export async function periodOf(db: Db, planId: number, label: string | null) {
  if (!label)
    throw new AppError(
      "VALIDATION",
      { en: "The document needs a period.", vi: "Cần chọn kỳ báo cáo cho văn bản." },
      { fields: [{ field: "period", reason: "required", reasonVi: "bắt buộc" }] },
    );
  const [row] = await db
    .select()
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.planId, planId), eq(reportingPeriods.label, label)))
    .orderBy(asc(reportingPeriods.id));
  if (!row) {
    const title = periodTitle(label);
    throw new AppError(
      "NOT_FOUND",
      {
        en: `Period ${title?.en ?? label} has not been opened for plan ${planId}.`,
        vi: `Kỳ báo cáo ${title?.vi ?? label} chưa được mở cho kế hoạch ${planId}.`,
      },
      { fields: [{ field: "period", reason: "not opened", reasonVi: "kỳ chưa mở" }] },
    );
  }
  return row;
}
