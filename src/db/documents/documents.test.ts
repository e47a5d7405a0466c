/**
 * The urging letter and the end-of-plan review built from the demo with its reporting history
 * (seeded once): the letter addresses exactly the late agencies that exist on its day, each with
 * its own open tasks; the review carries every target with evaluatePlanTargets' verdict and the
 * outcome of every one of the 54 tasks.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { targetVerdictVi } from "../../domain/document-wording.ts";
import type { Block, OfficialDocument } from "../../domain/official-document.ts";
import { evaluatePlanTargets } from "../indicators/evaluate.ts";
import { computeFinalStatuses } from "../plan-closing/final-statuses.ts";
import { ownersOn } from "../queries/assignments-on.ts";
import { SYSTEM } from "../reporting/actor.ts";
import { lateAgencies } from "../reporting/late-agencies.ts";
import { listPeriods, openPeriod } from "../reporting/periods.ts";
import { planTaskStatuses } from "../reporting/status.ts";
import { agencies, tasks } from "../schema.ts";
import { seededTestDb, type TestDatabase } from "../test-db.ts";
import { buildDocument } from "./build.ts";

let database: TestDatabase;
let planId: number;
const TODAY = "2026-12-07";

beforeAll(async () => {
  // The demo with its reporting history, copied from the run's template (src/db/test-templates.ts).
  ({ database, planId } = await seededTestDb({ history: true }));
}, 1_500_000);
afterAll(() => database?.close());

type Table = Extract<Block, { kind: "table" }>;
const text = (b: Block) => ("runs" in b ? b.runs.map((r) => r.text).join("") : "");
const cellText = (c: unknown) => (typeof c === "string" ? c : (c as { text: string }).text);
const allText = (d: OfficialDocument) =>
  JSON.stringify(d.body) + JSON.stringify([d.excerpt, d.summary, d.addressees, d.recipients, d.signature]);

/** Per addressee, the task codes of the table that follows its numbered paragraph. */
function tasksPerAddressee(doc: OfficialDocument): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string | null = null;
  for (const b of doc.body) {
    if (b.kind === "paragraph" && b.runs[0]?.bold && /^\d+\. /u.test(b.runs[0].text)) {
      current = b.runs[0].text.replace(/^\d+\. /u, "");
      out.set(current, []);
    } else if (b.kind === "table" && current) {
      out.set(
        current,
        (b as Table).rows.map((r) => cellText(r[1])),
      );
      current = null;
    }
  }
  return out;
}

async function checkLetter(label: string, today: string) {
  const periods = await listPeriods(database.db, planId);
  const period = periods.find((p) => p.label === label);
  if (!period) throw new Error(`no period ${label}`);
  const late = await lateAgencies(database.db, planId, period.id, today);
  expect(late.length).toBeGreaterThan(0);
  const doc = await buildDocument(database.db, { kind: "urging", planId, period: label, today });
  expect(doc.kind).toBe("urging");
  expect(doc.issuer).toBe("SỞ CÔNG THƯƠNG");
  expect(doc.issuerParent).toBe("UBND TỈNH TUYÊN QUANG");
  expect(doc.number).toBe("Số:      /SCT-QLCN");
  expect(doc.excerpt).toMatch(/^V\/v đôn đốc báo cáo và thực hiện nhiệm vụ /u);
  expect(doc.addressees).toEqual(late.map((l) => l.agencyName));
  // Every addressee exists on the letter's day: never a ceased agency.
  const rows = await database.db.select().from(agencies);
  for (const name of doc.addressees ?? []) {
    const a = rows.find((r) => r.name === name);
    expect(a, name).toBeDefined();
    expect(a?.validTo === null || (a?.validTo ?? "") >= today, `${name} ceased`).toBe(true);
  }
  // Each with its own open tasks: led or coordinated by it (or the agency it replaces) on the day, not done.
  const perAgency = tasksPerAddressee(doc);
  const taskRows = await database.db.select().from(tasks).where(eq(tasks.planId, planId));
  const owners = await ownersOn(
    database.db,
    taskRows.map((t) => t.id),
    today,
  );
  const statuses = await planTaskStatuses(database.db, planId, today);
  const done = new Set(statuses.filter((s) => s.status.startsWith("done")).map((s) => s.code));
  for (const l of late) {
    const codes = perAgency.get(l.agencyName) ?? [];
    expect(codes, l.agencyName).toEqual(l.taskCodes);
    const ids = new Set([l.agencyId, ...l.replaces.map((r) => r.id)]);
    for (const code of codes) {
      const t = taskRows.find((x) => x.code === code);
      expect(
        owners.some((o) => o.taskId === t?.id && ids.has(o.agencyId)),
        `${l.agencyName} owns ${code}`,
      ).toBe(true);
      expect(done.has(code), `${code} open`).toBe(false);
    }
  }
  expect(doc.closingMark).toBe(true);
  expect(doc.recipients[0]).toBe("Như trên");
  expect(doc.recipients.at(-1)).toMatch(/^Lưu: VT/u);
  // No ISO dates or period codes in the prose.
  expect(allText(doc)).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{4}-Q\d/u);
  return { doc, late };
}

describe("urging letter (công văn đôn đốc)", () => {
  it("Q1/2022: the late agencies of 21/03/2022, each with its own open tasks", async () => {
    const { doc, late } = await checkLetter("2022-Q1", "2022-03-21");
    const body = doc.body.map(text).join("\n");
    expect(body).toContain("Quý I/2022");
    expect(body).toContain("16/03/2022");
    // Every late agency has its numbered entry; one with no own open task (a group's member) is told so.
    expect(tasksPerAddressee(doc).size).toBe(late.length);
    for (const l of late.filter((x) => x.taskCodes.length === 0))
      expect(body).toContain(`${l.agencyName}: hạn gửi báo cáo ngày`);
  });

  it("Q4/2026: every reporter late after the due date, only agencies that exist in 2026", async () => {
    await openPeriod(database.db, planId, "quarterly", "2026-Q4", SYSTEM, new Date("2026-12-01T02:00:00Z"));
    const { doc } = await checkLetter("2026-Q4", "2026-12-28");
    expect(doc.addressees?.length).toBeGreaterThan(5);
    expect(doc.addressees).not.toContain("Sở Kế hoạch và Đầu tư");
  });

  it("a period before the 2025 reorganisation urged today goes to the successor, never the ceased agency", async () => {
    const periods = await listPeriods(database.db, planId);
    let found = false;
    for (const p of periods) {
      const late = await lateAgencies(database.db, planId, p.id, TODAY);
      const entry = late.find((l) => l.replaces.length > 0);
      if (!entry) continue;
      const { doc } = await checkLetter(p.label, TODAY);
      for (const r of entry.replaces) expect(doc.addressees).not.toContain(r.name);
      expect(doc.body.map(text).join("\n")).toContain(`tiếp nhận nhiệm vụ của ${entry.replaces[0]?.name}`);
      found = true;
      break;
    }
    expect(found).toBe(true);
  });

  it("refuses a period not opened and a day nobody is late", async () => {
    await expect(
      buildDocument(database.db, { kind: "urging", planId, period: "2030-Q1", today: TODAY }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      buildDocument(database.db, { kind: "urging", planId, period: "2022-Q1", today: "2022-03-10" }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });
});

describe("end-of-plan review (báo cáo tổng kết 2021–2025)", () => {
  let doc: OfficialDocument;
  beforeAll(async () => {
    doc = await buildDocument(database.db, { kind: "review", planId, period: null, today: TODAY });
  });

  it("is a report: title, summary, number, issuer", () => {
    expect(doc.title).toBe("BÁO CÁO");
    expect(doc.summary).toBe(
      "Tổng kết thực hiện Kế hoạch phát triển công nghiệp tỉnh Tuyên Quang giai đoạn 2021–2025",
    );
    expect(doc.number).toBe("Số:      /BC-SCT");
    expect(doc.issuer).toBe("SỞ CÔNG THƯƠNG");
    const headings = doc.body
      .filter((b) => b.kind === "heading" && b.level === 1)
      .map((b) => (b as { text: string }).text);
    expect(headings.map((h) => h.split(".")[0])).toEqual(["I", "II", "III", "IV"]);
    expect(allText(doc)).not.toMatch(/\d{4}-\d{2}-\d{2}|zone registry|\d{4}-Q\d/u);
  });

  it("I: all six targets with evaluatePlanTargets' verdicts, each measure's numbers and source", async () => {
    const ev = await evaluatePlanTargets(database.db, planId, TODAY);
    expect(ev.targets).toHaveLength(6);
    const start = doc.body.findIndex((b) => b.kind === "heading" && b.text.startsWith("I. "));
    const end = doc.body.findIndex((b) => b.kind === "heading" && b.text.startsWith("II. "));
    const part = doc.body.slice(start, end);
    const heads = part.filter((b) => b.kind === "heading" && b.level === 2);
    expect(heads).toHaveLength(6);
    const verdicts = part.filter((b) => b.kind === "paragraph" && text(b).startsWith("Đánh giá: ")).map(text);
    const tables = part.filter((b) => b.kind === "table") as Table[];
    expect(tables).toHaveLength(6);
    ev.targets.forEach((t, i) => {
      expect((heads[i] as { text: string }).text.startsWith(`${i + 1}. `)).toBe(true);
      expect(verdicts[i]).toBe(`Đánh giá: ${targetVerdictVi(t.overall.status)}.`);
      const rows = tables[i]?.rows ?? [];
      expect(rows).toHaveLength(t.measures.length);
      t.measures.forEach((m, j) => {
        const row = rows[j] ?? [];
        expect(cellText(row[0])).toBe(m.code);
        expect(cellText(row[5]).startsWith(targetVerdictVi(m.evaluation.status))).toBe(true);
        if (m.evaluation.latest) {
          expect(cellText(row[3])).toContain(`năm ${m.evaluation.latest.year}`);
          expect(cellText(row[4])).toMatch(/%$/u);
          expect(cellText(row[6]).length).toBeGreaterThan(0);
        } else expect(cellText(row[3])).toBe("Chưa có số liệu");
      });
    });
  });

  it("II: the outcome of all 54 tasks at the plan's end, with counts and the lead of 31/12/2025", async () => {
    const final = await computeFinalStatuses(database.db, planId, "2025-12-31");
    expect(final).toHaveLength(54);
    const tables = (doc.body.filter((b) => b.kind === "table") as Table[]).slice(6);
    const all = tables.at(-1) as Table;
    expect(all.rows).toHaveLength(54);
    expect(all.rows.map((r) => cellText(r[1]))).toEqual(final.map((t) => t.code));
    const counts = tables[0] as Table;
    const total = counts.rows.at(-1) ?? [];
    expect(cellText(total[1])).toBe("54");
    const sum = counts.rows.slice(0, -1).reduce((s, r) => s + Number(cellText(r[1])), 0);
    expect(sum).toBe(54);
    const notDone = tables[1] as Table;
    const expected = final.filter((t) => !t.status.startsWith("done") && t.status !== "reported");
    expect(notDone.rows.map((r) => cellText(r[1]))).toEqual(expected.map((t) => t.code));
    for (const [i, t] of expected.entries())
      expect(cellText(notDone.rows[i]?.[3])).toBe(t.leads.map((l) => l.name).join(", "));
    // Nothing is "not yet due" at the end of the plan.
    expect(final.some((t) => t.status === "not_yet_due" && (t.due ?? "") <= "2025-12-31")).toBe(false);
  });

  it("III–IV: difficulties and proposals attributed, prose sections marked", () => {
    const bullets = doc.body.filter((b) => b.kind === "bullet");
    expect(bullets.length).toBeGreaterThan(0);
    for (const b of bullets)
      expect(text(b)).toMatch(
        /^.+\. \((.+: nhiệm vụ số [\d.a-z, ]+.*|\d+ cơ quan, đơn vị: .+) — (kỳ .+|\d+ kỳ báo cáo, từ .+ đến .+)\)$/u,
      );
    // One bullet per text: the review is not a log of every report.
    const texts = bullets.map((b) => ("runs" in b ? b.runs[0]?.text : ""));
    expect(new Set(texts).size).toBe(texts.length);
    expect(bullets.length).toBeLessThan(40);
    const sections = doc.body.flatMap((b) => (b.kind === "paragraph" && b.section ? [b.section] : []));
    expect(sections).toEqual(["opening", "lessons", "directions"]);
  });
});

describe("rendered to PDF (src/exports/render.ts)", () => {
  it("the letter and the review read back: their text, A4, not blank", async () => {
    const { renderDocument } = await import("../../exports/render.ts");
    const { poppler, popplerAvailable, inkShare } = await import("../../exports/poppler.test-support.ts");
    if (!popplerAvailable()) return;
    const letter = await buildDocument(database.db, {
      kind: "urging",
      planId,
      period: "2026-Q4",
      today: "2026-12-28",
    });
    const review = await buildDocument(database.db, { kind: "review", planId, period: null, today: TODAY });
    for (const [name, doc] of [
      ["urging", letter],
      ["review", review],
    ] as const) {
      const pdf = await renderDocument(doc, "pdf");
      if (process.env.KEHOACH_DOC_OUT) {
        const { writeFileSync } = await import("node:fs");
        writeFileSync(`${process.env.KEHOACH_DOC_OUT}/${name}.pdf`, pdf);
      }
      const textOut = poppler("pdftotext", pdf, ["-layout"]).replace(/\s+/gu, " ");
      expect(textOut).toContain("SỞ CÔNG THƯƠNG");
      if (name === "urging") {
        expect(textOut).toContain("V/v đôn đốc báo cáo");
        expect(textOut).toContain("Kính gửi");
        for (const a of doc.addressees ?? []) expect(textOut).toContain(a.split(" ").slice(0, 2).join(" "));
      } else {
        expect(textOut).toContain("BÁO CÁO");
        expect(textOut).toContain("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ");
      }
      expect(poppler("pdfinfo", pdf)).toMatch(/Page size:\s+595\.\d* x 841\.\d*/u);
      expect(inkShare(pdf, 1)).toBeGreaterThan(0.005);
    }
  }, 300_000);
});
