/**
 * Who issues a plan's documents and to whom they go, read from the plan and its reporting regime
 * (never written into the code: the product serves any province): the monitoring agency (the
 * regime's coordinator, e.g. Sở Công Thương, who "aggregates all reports", GLOSSARY.md) under its
 * parent body (UBND tỉnh of the plan's province), the place of the date line, and the receiver
 * of the report (the regime's receiver, else the plan's issuer: the plan's own section
 * "TỔ CHỨC THỰC HIỆN" has departments report to the UBND tỉnh that issued it).
 */
import { eq } from "drizzle-orm";
import { agencyAbbreviation, issuerParentLine, upperVi } from "../../domain/document-wording.ts";
import { AppError } from "../../domain/errors.ts";
import type { Db } from "../connection.ts";
import { getRegime } from "../reporting/regime.ts";
import { agencies, plans } from "../schema.ts";

export interface Letterhead {
  plan: typeof plans.$inferSelect;
  /** "UBND TỈNH TUYÊN QUANG". */
  issuerParent: string;
  /** "SỞ CÔNG THƯƠNG". */
  issuer: string;
  /** The issuing agency as named in prose ("Sở Công Thương"), its id (null without a regime). */
  agencyName: string;
  agencyId: number | null;
  /** "SCT", for "Số:      /BC-SCT". */
  abbreviation: string;
  /** "Tuyên Quang". */
  place: string;
  /** "UBND tỉnh": the body the report is sent to, as "Nơi nhận" and prose name it. */
  receiverShort: string;
}

/** The plan or NOT_FOUND (vi + en), the first thing every document builder needs. */
export async function planOrNotFound(db: Db, planId: number) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan)
    throw new AppError(
      "NOT_FOUND",
      { en: `Plan ${planId} does not exist.`, vi: `Không tìm thấy kế hoạch số ${planId}.` },
      { fields: [{ field: "plan", reason: "unknown plan", reasonVi: "kế hoạch không có" }] },
    );
  return plan;
}

/** "Ủy ban nhân dân tỉnh Tuyên Quang" → "UBND tỉnh": the short form official prose uses. */
function shortBody(name: string): string {
  const s = name.normalize("NFC").replace(/^(Ủy|Uỷ) ban nhân dân/i, "UBND");
  return s.replace(/^(UBND (tỉnh|thành phố))\s+.+$/u, "$1");
}

export async function loadLetterhead(db: Db, planId: number): Promise<Letterhead> {
  const plan = await planOrNotFound(db, planId);
  // The saved regime, else the one read from the plan's own "TỔ CHỨC THỰC HIỆN" (regime.ts).
  const regime = await getRegime(db, planId);
  const agencyOf = async (id: number | null | undefined) =>
    id ? (await db.select().from(agencies).where(eq(agencies.id, id)))[0] : undefined;
  const agency = await agencyOf(regime.coordinatorAgency?.id);
  const receiver = await agencyOf(regime.receiverAgency?.id);
  const agencyName = agency?.name ?? "Cơ quan theo dõi";
  const receiverName = receiver?.name ?? plan.issuer ?? "";
  return {
    plan,
    issuerParent: issuerParentLine(plan.province, plan.issuer),
    issuer: upperVi(agencyName),
    agencyName,
    agencyId: agency?.id ?? null,
    abbreviation: agencyAbbreviation(agencyName, agency?.shortName),
    place: plan.province || "",
    receiverShort: receiverName ? shortBody(receiverName) : "UBND tỉnh",
  };
}
