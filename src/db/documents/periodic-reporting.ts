/**
 * Part II.2 of the periodic report: how the agencies reported in the period — owed, received,
 * on time (reporting-rates.ts, the DHIS2 counts, as of the report's day, the whole period owed) —
 * and, NAMED, those that did not report and those that reported late. A ceased agency's duty
 * passes to its successor (REGULATIONS.md §5, late-agencies.ts addresseeOn): the successor is
 * named, with the body whose report it answers for.
 */
import { countText, joinVi, vnDateText } from "../../domain/document-wording.ts";
import type { Block } from "../../domain/official-document.ts";
import { type ExpectedReportRow, reportingRates } from "../../domain/reporting-rates.ts";
import { vnDay } from "../../domain/working-days.ts";
import type { Db } from "../connection.ts";
import { listExpected } from "../reporting/expected.ts";
import { addresseeOn } from "../reporting/late-agencies.ts";
import { agencies } from "../schema.ts";

export interface NamedAgency {
  /** The agency named in the report: the one that answers on the report's day. */
  id: number;
  name: string;
  /** The ceased body whose report it answers for, when it is not itself. */
  replaces: string | null;
  /** For a late report: sent on, due by (ISO). */
  sentOn?: string;
  due?: string;
}

export interface ReportingSummary {
  blocks: Block[];
  expected: number;
  received: number;
  onTime: number;
  notReported: NamedAgency[];
  late: NamedAgency[];
}

function named(a: NamedAgency): string {
  return a.replaces ? `${a.name} (tiếp nhận nhiệm vụ của ${a.replaces})` : a.name;
}

export async function reportingBlocks(
  db: Db,
  planId: number,
  periodIds: readonly number[],
  asOf: string,
  coveredWords: string | null,
): Promise<ReportingSummary> {
  const items = (await listExpected(db, { planId })).filter((i) => periodIds.includes(i.period.id));
  const rows: ExpectedReportRow[] = items.map((i) => ({
    agencyId: i.agency.id,
    periodLabel: i.period.label,
    due: i.due,
    extendedDue: i.extendedDue,
    submittedAt: i.submittedAt,
    state: i.state,
  }));
  const rates = reportingRates(rows, asOf, { wholePeriod: true });
  const ids = [...new Set(items.map((i) => i.agency.id))];
  const all = ids.length
    ? await db
        .select({
          id: agencies.id,
          name: agencies.name,
          validTo: agencies.validTo,
          successorId: agencies.successorId,
        })
        .from(agencies)
    : [];
  const byId = new Map(all.map((a) => [a.id, a]));
  const answerer = (id: number, name: string): NamedAgency => {
    const to = addresseeOn(byId, id, asOf);
    return to && to.id !== id ? { id: to.id, name: to.name, replaces: name } : { id, name, replaces: null };
  };
  const notReported: NamedAgency[] = [];
  const late: NamedAgency[] = [];
  for (const r of rates.byAgency) {
    const item = items.find((i) => i.agency.id === r.agencyId);
    if (!item) continue;
    if (r.received < r.expected) notReported.push(answerer(item.agency.id, item.agency.name));
    else if (r.onTime < r.received) {
      const lateItem = items.find(
        (i) => i.agency.id === r.agencyId && i.submittedAt && vnDay(i.submittedAt) > (i.extendedDue ?? i.due),
      );
      late.push({
        ...answerer(item.agency.id, item.agency.name),
        ...(lateItem?.submittedAt
          ? { sentOn: vnDay(lateItem.submittedAt), due: lateItem.extendedDue ?? lateItem.due }
          : {}),
      });
    }
  }
  const byName = (a: NamedAgency, b: NamedAgency) => a.name.localeCompare(b.name, "vi");
  notReported.sort(byName);
  late.sort(byName);
  const o = rates.overall;
  const blocks: Block[] = [{ kind: "heading", level: 2, text: "2. Tình hình thực hiện chế độ báo cáo" }];
  const text =
    o.expected === 0
      ? `Trong kỳ chưa có báo cáo nào của các cơ quan, đơn vị đến hạn gửi; số liệu tại báo cáo này tổng hợp đến ngày ${vnDateText(asOf)}.`
      : `${coveredWords ? `Tổng hợp từ báo cáo ${coveredWords} của các cơ quan, đơn vị. ` : ""}Có ${countText(o.expected, "báo cáo")} phải gửi; đến ngày ${vnDateText(asOf)} đã nhận ${countText(o.received, "báo cáo")}, trong đó ${countText(o.onTime, "báo cáo")} đúng hạn và ${countText(o.received - o.onTime, "báo cáo")} quá hạn; ${o.expected - o.received > 0 ? `còn ${countText(o.expected - o.received, "báo cáo")} chưa gửi` : "không còn báo cáo nào chưa gửi"}.`;
  blocks.push({ kind: "paragraph", section: "reporting", runs: [{ text }] });
  if (notReported.length)
    blocks.push({
      kind: "bullet",
      runs: [
        { text: "Cơ quan, đơn vị chưa gửi báo cáo: ", bold: true },
        { text: `${joinVi(notReported.map(named))}.` },
      ],
    });
  if (late.length)
    blocks.push({
      kind: "bullet",
      runs: [
        { text: "Cơ quan, đơn vị gửi báo cáo quá hạn: ", bold: true },
        {
          text: `${joinVi(
            late.map((a) =>
              a.sentOn && a.due
                ? `${named(a)} (gửi ngày ${vnDateText(a.sentOn)}, hạn ${vnDateText(a.due)})`
                : named(a),
            ),
          )}.`,
        },
      ],
    });
  return { blocks, expected: o.expected, received: o.received, onTime: o.onTime, notReported, late };
}
