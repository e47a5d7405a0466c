/**
 * The periodic report and its annex built on the demo (seedDemo with the reporting history), read
 * as a clerk would check them: the six targets, the task groups with the counts of
 * planTaskStatuses, the agencies that did not report or reported late named as the expected
 * reports say, the difficulties attributed to the agency that wrote them, successors (never a
 * ceased agency) in a report of Q4/2026, and the annex's 54 task rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Block, OfficialDocument } from "../../domain/official-document.ts";
import { listExpected } from "../reporting/expected.ts";
import { planTaskStatuses } from "../reporting/status.ts";
import { agencies, reportingPeriods } from "../schema.ts";
import { seededTestDb, type TestDatabase } from "../test-db.ts";
import { acceptedUpdates } from "./accepted-updates.ts";
import { buildDocument } from "./build.ts";
import { resolveReportPeriod } from "./periodic-period.ts";

let database: TestDatabase;
let planId: number;
let q1: OfficialDocument;
const TODAY = "2026-12-07";

beforeAll(async () => {
  // The demo with its reporting history, copied from the run's template (src/db/test-templates.ts).
  ({ database, planId } = await seededTestDb({ history: true }));
  q1 = await buildDocument(database.db, { kind: "periodic", planId, period: "2022-Q1", today: TODAY });
}, 600_000);
afterAll(() => database?.close());

const textOf = (b: Block): string =>
  b.kind === "heading"
    ? b.text
    : b.kind === "paragraph" || b.kind === "bullet"
      ? b.runs.map((r) => r.text).join("")
      : b.kind === "table"
        ? [b.title, b.subtitle, ...b.rows.flat().map((c) => (typeof c === "string" ? c : c.text))].join(" ")
        : "";
const allText = (d: OfficialDocument) =>
  [d.issuerParent, d.issuer, d.number, d.summary, ...d.body.map(textOf), ...d.recipients].join("\n");
/** The blocks between two level-1 headings starting with the given numerals. */
function part(d: OfficialDocument, from: string, to: string | null): Block[] {
  const i = d.body.findIndex((b) => b.kind === "heading" && b.level === 1 && b.text.startsWith(from));
  const j = to ? d.body.findIndex((b) => b.kind === "heading" && b.level === 1 && b.text.startsWith(to)) : -1;
  return d.body.slice(i, j < 0 ? undefined : j);
}

describe("periodic report, Quý I/2022", () => {
  it("has the letterhead from the plan and its monitoring agency, a draft number and the period in words", () => {
    expect(q1.issuerParent).toBe("UBND TỈNH TUYÊN QUANG");
    expect(q1.issuer).toBe("SỞ CÔNG THƯƠNG");
    expect(q1.number).toBe("Số:      /BC-SCT");
    expect(q1.title).toBe("BÁO CÁO");
    expect(q1.place).toBe("Tuyên Quang");
    expect(q1.date).toBeNull();
    expect(q1.summary).toMatch(/^Kết quả thực hiện Kế hoạch phát triển công nghiệp .* Quý I năm 2022$/);
    expect(q1.recipients[0]).toBe("UBND tỉnh (b/c)");
    expect(q1.recipients.at(-1)).toMatch(/^Lưu: VT/);
    expect(q1.signature.lines).toEqual(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]);
    const sections = new Set(
      q1.body.flatMap((b) => (b.kind === "paragraph" && b.section ? [b.section] : [])),
    );
    for (const s of [
      "opening",
      "targets-assessment",
      "tasks-assessment",
      "reporting",
      "difficulties",
      "proposals",
      "next-period",
      "closing",
    ])
      expect(sections).toContain(s);
  });

  it("reports on each of the six targets, saying where a figure is not available", () => {
    const targets = part(q1, "I.", "II.").filter((b) => b.kind === "heading" && b.level === 2);
    expect(targets).toHaveLength(6);
    expect(textOf(targets[0] as Block)).toContain("27.700 tỷ đồng");
    const text = part(q1, "I.", "II.").map(textOf).join("\n");
    expect(text).toContain("chưa có số liệu Quý I năm 2022");
    expect(text).toContain("15.156 tỷ đồng"); // the 2021 figure, the latest known in April 2022
    expect(text).toMatch(/0\/5 cụm công nghiệp/);
  });

  it("groups the tasks by status with the counts of planTaskStatuses as of the report's day", async () => {
    const period = await resolveReportPeriod(database.db, planId, "2022-Q1", TODAY);
    expect(period.asOf > "2022-03-14" && period.asOf < "2022-06-14").toBe(true);
    const statuses = await planTaskStatuses(database.db, planId, period.asOf);
    expect(statuses).toHaveLength(54);
    const counts = new Map<string, number>();
    for (const s of statuses) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
    const groups = part(q1, "II.", "III.")
      .filter((b) => b.kind === "heading" && b.level === 3)
      .map(textOf);
    expect(groups).toHaveLength(counts.size);
    const titles: Record<string, string> = {
      done_on_time: "hoàn thành đúng hạn",
      done_late: "hoàn thành nhưng chậm",
      in_progress: "đang triển khai",
      overdue: "đã quá hạn",
      not_yet_due: "chưa đến hạn",
      reported: "đã được báo cáo",
      not_reported: "chưa được báo cáo",
    };
    for (const [status, n] of counts) {
      const g = groups.find((t) => t.includes(titles[status] as string));
      expect(g, status).toBeDefined();
      expect(g).toContain(`(${String(n).padStart(2, "0")} nhiệm vụ)`);
    }
    // Every overdue task is named with its lead.
    const text = part(q1, "II.", "III.").map(textOf).join("\n");
    for (const s of statuses.filter((x) => x.status === "overdue"))
      expect(text).toContain(`Nhiệm vụ ${s.code} — `);
  });

  it("names the agencies that did not report and those that reported late, as the expected reports say", async () => {
    const [p] = (await database.db.select().from(reportingPeriods)).filter((x) => x.label === "2022-Q1");
    const items = await listExpected(database.db, { planId, periodId: p?.id as number });
    const missing = items
      .filter((i) => i.state !== "submitted" && i.state !== "accepted")
      .map((i) => i.agency.name);
    const late = items
      .filter((i) => (i.state === "submitted" || i.state === "accepted") && i.late)
      .map((i) => i.agency.name);
    expect(missing.length).toBeGreaterThan(0);
    expect(late.length).toBeGreaterThan(0);
    const lines = part(q1, "II.", "III.")
      .filter((b) => b.kind === "bullet")
      .map(textOf);
    const notSent = lines.find((l) => l.startsWith("Cơ quan, đơn vị chưa gửi báo cáo")) ?? "";
    const sentLate = lines.find((l) => l.startsWith("Cơ quan, đơn vị gửi báo cáo quá hạn")) ?? "";
    for (const n of missing) expect(notSent).toContain(n);
    for (const n of late) {
      expect(sentLate).toContain(n);
      expect(notSent).not.toContain(n);
    }
    const reporting = part(q1, "II.", "III.").find(
      (b) => b.kind === "paragraph" && b.section === "reporting",
    );
    expect(textOf(reporting as Block)).toContain(`Có ${items.length} báo cáo phải gửi`);
  });

  it("compiles the difficulties and proposals, each under the agency that wrote it", async () => {
    const period = await resolveReportPeriod(database.db, planId, "2022-Q1", TODAY);
    const updates = await acceptedUpdates(
      database.db,
      planId,
      period.asOf,
      period.covered.map((c) => c.id),
    );
    const withDifficulty = updates.filter((u) => u.difficulties);
    expect(withDifficulty.length).toBeGreaterThan(0);
    const lines = q1.body.filter((b) => b.kind === "paragraph" && b.section === "difficulties").map(textOf);
    for (const u of withDifficulty) {
      const line = lines.find((l) => l.startsWith(`- ${u.agencyName}:`));
      expect(line, u.agencyName).toBeDefined();
      expect(line).toContain((u.difficulties as string).slice(1).replace(/[.;\s]+$/u, "")); // first letter continues the line
    }
    const proposals = q1.body.filter((b) => b.kind === "paragraph" && b.section === "proposals").map(textOf);
    for (const u of updates.filter((x) => x.proposals))
      expect(
        proposals.some(
          (l) =>
            l.startsWith(`- ${u.agencyName}:`) &&
            l.includes((u.proposals as string).slice(1).replace(/[.;\s]+$/u, "")),
        ),
      ).toBe(true);
  });

  it("says what falls due in Quý II/2022 and writes no ISO date, period code or English word", () => {
    const next = part(q1, "IV.", null).map(textOf).join("\n");
    expect(next).toContain("IV. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2022");
    expect(next).toContain("thời hạn 30/06/2022");
    const text = allText(q1);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toMatch(/\b\d{4}-(Q\d|H\d|9M|\d{2})\b/);
    expect(text).not.toMatch(/\b(the|and|report|task|status|null|undefined|NaN)\b/);
  });
});

describe("periodic report after the 2025 reorganisation", () => {
  it("Quý IV/2026 names the successors, never a ceased agency", async () => {
    const doc = await buildDocument(database.db, {
      kind: "periodic",
      planId,
      period: "Quý IV/2026",
      today: TODAY,
    });
    const period = await resolveReportPeriod(database.db, planId, "2026-Q4", TODAY);
    const text = allText(doc);
    const all = await database.db.select().from(agencies);
    const ceased = all.filter((a) => a.validTo !== null && a.validTo < period.asOf && !a.isGroup);
    expect(ceased.length).toBeGreaterThan(3);
    for (const a of ceased) expect(text, a.name).not.toContain(a.name);
    expect(text).toContain("Sở Tài chính"); // took over Sở Kế hoạch và Đầu tư's tasks
    expect(text).toContain("Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh Tuyên Quang");
    expect(text).toContain("Kế hoạch đã kết thúc ngày 31/12/2025");
  });

  it("a six-month report compiles the quarters inside it", async () => {
    const doc = await buildDocument(database.db, {
      kind: "periodic",
      planId,
      period: "2022-H1",
      today: TODAY,
    });
    expect(doc.summary).toMatch(/6 tháng đầu năm 2022$/);
    const reporting = doc.body.find((b) => b.kind === "paragraph" && b.section === "reporting");
    expect(textOf(reporting as Block)).toContain("Quý I/2022, Quý II/2022");
  });
});

describe("annex", () => {
  it("lists every task with its lead, deadline, status and result; groups bold; landscape with the number row", async () => {
    const annex = await buildDocument(database.db, {
      kind: "annex",
      planId,
      period: "2022-Q1",
      today: TODAY,
    });
    expect(annex.orientation).toBe("landscape");
    expect(annex.title).toBe("PHỤ LỤC");
    const [table] = annex.body;
    if (table?.kind !== "table") throw new Error("the annex is a table");
    expect(table.numberRow).toBe(true);
    expect(table.title).toMatch(/^TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ CỦA KẾ HOẠCH .* QUÝ I NĂM 2022$/);
    expect(table.subtitle).toMatch(/^\(Kèm theo Báo cáo số +\/BC-SCT ngày .* của Sở Công Thương\)$/);
    expect((table.sheet ?? "").length).toBeLessThanOrEqual(31);
    expect(table.columns.map((c) => c.header)).toContain("Cơ quan chủ trì");
    const isGroup = (r: (typeof table.rows)[number]) => typeof r[1] !== "string" && r[1]?.bold === true;
    const tasks = table.rows.filter((r) => !isGroup(r));
    expect(tasks).toHaveLength(54);
    expect(table.rows.filter(isGroup).length).toBe(7);
    const period = await resolveReportPeriod(database.db, planId, "2022-Q1", TODAY);
    const statuses = await planTaskStatuses(database.db, planId, period.asOf);
    for (const s of statuses) {
      const row = tasks.find((r) => (typeof r[0] === "string" ? r[0] : r[0]?.text) === s.code);
      expect(row, s.code).toBeDefined();
      expect(row?.[2]).toBe(s.leads.map((l) => l.name).join(s.leads.length > 1 ? " và " : ""));
    }
    expect(tasks.some((r) => typeof r[6] === "string" && r[6].startsWith("Quý I/2022: "))).toBe(true);
    // The periodic report carries the same table after its signature.
    const carried = q1.body.at(-1);
    expect(carried?.kind === "table" && carried.rows.length).toBe(table.rows.length);
  });
});
