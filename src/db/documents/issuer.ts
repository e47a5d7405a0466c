/**
 * Who issues a document of a plan and how it names the plan: the monitoring agency of the
 * reporting regime (the coordinator, Sở Công Thương for Tuyên Quang) under its superior body, the
 * symbol in its number, and the plan's full reference for the basis paragraph. Decree 30/2020
 * Appendix I: the issuing body is written under its direct superior ("UBND TỈNH TUYÊN QUANG" over
 * "SỞ CÔNG THƯƠNG"); a number is "Số: …/<type>-<issuer>" for a report and "Số: …/<issuer>-<unit>"
 * for a letter (công văn).
 */
import { eq } from "drizzle-orm";
import type { Db } from "../connection.ts";
import { getRegime } from "../reporting/regime.ts";
import { agencies, type plans } from "../schema.ts";
import { planName, vnDateText } from "../urging.ts";
import { loadLetterhead } from "./letterhead.ts";

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

/**
 * The issuer and plan wording of every document of `planId`; NOT_FOUND for an unknown plan. The
 * letterhead (issuer, parent body, symbol, place) is the periodic report's own (letterhead.ts):
 * one reading of the regime for every document.
 */
export async function documentIssuer(db: Db, planId: number): Promise<DocumentIssuer> {
  const head = await loadLetterhead(db, planId);
  const { plan } = head;
  const regime = await getRegime(db, planId);
  const row = head.agencyId
    ? (await db.select({ kind: agencies.kind }).from(agencies).where(eq(agencies.id, head.agencyId)))[0]
    : undefined;
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
  const province = plan.province;
  return {
    plan,
    parent: head.issuerParent,
    issuer: head.issuer,
    issuerName: head.agencyName,
    symbol: head.abbreviation,
    receiverName: regime.receiverAgency?.name ?? head.agencyName,
    place: head.place,
    planFull,
    planShort,
    planIssuer: plan.issuer ?? (province ? `UBND tỉnh ${province}` : "cấp có thẩm quyền"),
    isDepartment: row?.kind === "department" || /^Sở\s/u.test(head.agencyName),
  };
}
