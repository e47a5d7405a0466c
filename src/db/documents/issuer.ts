/**
 * Who issues a document of a plan and how it names the plan: the monitoring agency of the
 * reporting regime (the coordinator, Sở Công Thương for Tuyên Quang) under its superior body, the
 * symbol in its number, and the plan's full reference for the basis paragraph. Decree 30/2020
 * Appendix I: the issuing body is written under its direct superior ("UBND TỈNH TUYÊN QUANG" over
 * "SỞ CÔNG THƯƠNG"); a number is "Số: …/<type>-<issuer>" for a report and "Số: …/<issuer>-<unit>"
 * for a letter (công văn).
 */
import { eq } from "drizzle-orm";
import { AppError } from "../../domain/errors.ts";
import type { Db } from "../connection.ts";
import { getRegime } from "../reporting/regime.ts";
import { agencies, plans } from "../schema.ts";
import { planName, vnDateText } from "../urging.ts";

export interface DocumentIssuer {
  plan: typeof plans.$inferSelect;
  /** "UBND TỈNH TUYÊN QUANG" (not bold). */
  parent: string;
  /** "SỞ CÔNG THƯƠNG" (bold). */
  issuer: string;
  /** "Sở Công Thương", for prose. */
  issuerName: string;
  /** "SCT": the issuer's symbol in a number. */
  symbol: string;
  /** The agency reports go to (the regime's receiver, else the issuer), for prose. */
  receiverName: string;
  /** "Tuyên Quang" in the place-date line. */
  place: string;
  /** "Kế hoạch số 62/KH-UBND ngày 15/03/2021 của UBND tỉnh Tuyên Quang về …". */
  planFull: string;
  /** "Kế hoạch số 62/KH-UBND". */
  planShort: string;
  /** Who the plan reports to: "UBND tỉnh Tuyên Quang" (the plan's issuer). */
  planIssuer: string;
  /** Whether the issuer is a department (its leaders are "Lãnh đạo Sở", its head "GIÁM ĐỐC"). */
  isDepartment: boolean;
}

const upper = (s: string) => s.toLocaleUpperCase("vi");

/** The issuer and plan wording of every document of `planId`; NOT_FOUND for an unknown plan. */
export async function documentIssuer(db: Db, planId: number): Promise<DocumentIssuer> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan)
    throw new AppError("NOT_FOUND", {
      en: `Plan ${planId} does not exist.`,
      vi: `Không tìm thấy kế hoạch ${planId}.`,
    });
  const regime = await getRegime(db, planId);
  const row = regime.coordinatorAgency
    ? (await db.select().from(agencies).where(eq(agencies.id, regime.coordinatorAgency.id)))[0]
    : undefined;
  const issuerName = row?.name ?? "Sở Công Thương";
  const province = plan.province || row?.province || "";
  const parentRow = row?.parentId
    ? (await db.select().from(agencies).where(eq(agencies.id, row.parentId)))[0]
    : undefined;
  const parent =
    parentRow && parentRow.kind !== "people_committee"
      ? upper(parentRow.name)
      : province
        ? `UBND TỈNH ${upper(province)}`
        : "";
  const symbol = row?.shortName && !/\s/u.test(row.shortName) ? row.shortName : "SCT";
  const planShort = planName(plan);
  const about = plan.number
    ? planName({ number: null, title: plan.title }).replace(/^Kế hoạch /u, "về ")
    : null;
  const planFull = [
    planShort,
    plan.issuedOn ? `ngày ${vnDateText(plan.issuedOn)}` : null,
    plan.issuer ? `của ${plan.issuer}` : null,
    about,
  ]
    .filter(Boolean)
    .join(" ");
  return {
    plan,
    parent,
    issuer: upper(issuerName),
    issuerName,
    symbol,
    receiverName: regime.receiverAgency?.name ?? issuerName,
    place: province || "Tuyên Quang",
    planFull,
    planShort,
    planIssuer: plan.issuer ?? (province ? `UBND tỉnh ${province}` : "cấp có thẩm quyền"),
    isDepartment: row?.kind === "department" || /^Sở\s/u.test(issuerName),
  };
}
