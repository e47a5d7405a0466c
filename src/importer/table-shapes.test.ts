/**
 * The importer is for the shape of Vietnamese plans, not one file: the same task table written
 * as tab-separated rows, a Markdown pipe table (with or without separator), or bare "a | b" lines,
 * with repeated page headers, a column-number row, "1." codes and rows continued after a page
 * break, must give the same tasks.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePlanText } from "./parse-plan.ts";

const LEADS = [
  "Sở Công Thương",
  "Sở Xây dựng",
  "Sở Tài chính",
  "Sở Nội vụ",
  "Ban Quản lý các khu công nghiệp tỉnh",
];
const COORDS = ["Các sở, ngành liên quan", "UBND huyện, thành phố", "Sở Y tế"];
const DEADLINES: [string, string | null][] = [
  ["Thường xuyên", null],
  ["Hàng năm", null],
  ["Trình UBND tỉnh trong Quý I/2022", "2022-03-31"],
  ["Quý IV/2023", "2023-12-31"],
  ["Tháng 6/2024", "2024-06-30"],
  ["2024 - 2025", "2025-12-31"],
];
const WORDS = [
  "xây dựng",
  "kế hoạch",
  "phát triển",
  "công nghiệp",
  "rà soát",
  "chính sách",
  "thu hút",
  "đầu tư",
  "hạ tầng",
  "nâng cao",
];

interface Row {
  code: string;
  content: string;
  lead: string;
  coords: string;
  deadline: string;
  due: string | null;
}

const rowArb = fc.record({
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 10 }),
  lead: fc.constantFrom(...LEADS),
  coords: fc.subarray(COORDS, { minLength: 1 }),
  deadline: fc.constantFrom(...DEADLINES),
});

const planArb = fc.record({
  groups: fc.array(fc.array(rowArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
  format: fc.constantFrom("tab", "markdown", "markdown-no-sep", "bare"),
  columnNumbers: fc.boolean(),
  dottedCodes: fc.boolean(),
  headerEvery: fc.integer({ min: 2, max: 8 }),
  breakRow: fc.boolean(),
});

function render(cells: string[], format: string): string {
  if (format === "tab") return `${cells.join("\t")}\t`;
  if (format === "bare") return cells.join(" | ");
  return `| ${cells.join(" | ")} |`;
}

type PlanSpec = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

function buildDoc(p: PlanSpec) {
  const header = [
    "TT",
    "Nội dung nhiệm vụ",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thời gian thực hiện",
    "Ghi chú",
  ];
  const lines: string[] = [
    "KẾ HOẠCH",
    "Thử nghiệm giai đoạn 2021 - 2025",
    "",
    "PHỤ LỤC",
    render(header, p.format),
  ];
  if (p.format === "markdown")
    lines.push(
      render(
        header.map(() => "---"),
        p.format,
      ),
    );
  if (p.columnNumbers)
    lines.push(
      render(
        header.map((_, i) => `(${i + 1})`),
        p.format,
      ),
    );
  const expected: Row[] = [];
  let n = 0;
  p.groups.forEach((rows, gi) => {
    const g = String(gi + 1);
    lines.push(render([p.dottedCodes ? `${g}.` : g, `Nhóm ${g} về ${WORDS[gi]}`, "", "", "", ""], p.format));
    rows.forEach((r, ri) => {
      const code = `${g}.${ri + 1}`;
      const content = r.words.join(" ");
      const row: Row = {
        code,
        content,
        lead: r.lead,
        coords: r.coords.join(", "),
        deadline: r.deadline[0],
        due: r.deadline[1],
      };
      expected.push(row);
      n++;
      if (p.breakRow && n === 2 && r.words.length > 3) {
        // A page break cuts the row: the rest continues in a row with an empty TT.
        const head = r.words.slice(0, 2).join(" ");
        const tail = r.words.slice(2).join(" ");
        lines.push(render([code, head, row.lead, row.coords, row.deadline, ""], p.format));
        lines.push("", render(header, p.format));
        lines.push(render(["", tail, "", "", "", ""], p.format));
      } else {
        lines.push(
          render(
            [p.dottedCodes ? `${code}.` : code, content, row.lead, row.coords, row.deadline, ""],
            p.format,
          ),
        );
      }
      if (n % p.headerEvery === 0) lines.push("", render(header, p.format));
    });
  });
  return { text: lines.join("\n"), expected };
}

describe("task tables in every shape", () => {
  it("gives the same tasks whatever the table's form", () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const { text, expected } = buildDoc(p);
        const plan = parsePlanText(text);
        expect(plan.tasks.map((t) => t.code)).toEqual(expected.map((r) => r.code));
        expect(plan.groups.map((g) => g.code)).toEqual(p.groups.map((_, i) => String(i + 1)));
        plan.tasks.forEach((t, i) => {
          const e = expected[i] as Row;
          expect(t.content).toBe(e.content);
          expect(t.leads).toEqual([e.lead]);
          expect(t.coordinators).toEqual(
            e.coords.split(", ").reduce<string[]>((acc, c) => {
              // "UBND huyện, thành phố" and "Các sở, ngành liên quan" stay whole.
              const last = acc[acc.length - 1];
              if (last && /^[a-zđ]/.test(c)) acc[acc.length - 1] = `${last}, ${c}`;
              else acc.push(c);
              return acc;
            }, []),
          );
          expect(t.deadlineText).toBe(e.deadline);
          expect(t.schedule.milestones.at(-1)?.due ?? null).toBe(e.due);
          expect(t.group).toBe(e.code.split(".")[0]);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("reports a numbering gap and a duplicate code", () => {
    const text = [
      "| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện |",
      "| 1 | Việc một | Sở Y tế | | Thường xuyên |",
      "| 3 | Việc ba | Sở Y tế | | Hàng năm |",
      "| 3 | Việc ba lại | Sở Y tế | | Hàng năm |",
    ].join("\n");
    const plan = parsePlanText(text);
    expect(plan.tasks.map((t) => t.code)).toEqual(["1", "3", "3-2"]);
    expect(plan.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(["numbering_gap", "code_duplicate"]),
    );
  });

  it("writes a lettered row under group 2 as 2a, and keeps an unreadable deadline as written", () => {
    const text = [
      "TT | Nội dung | Chủ trì | Phối hợp | Thời hạn",
      "2 | Nhóm hai | | |",
      "a) | Việc a | Sở Y tế | Sở Nội vụ | khi có yêu cầu",
      "b) | Việc b | Sở Y tế | | Quý II/2026",
    ].join("\n");
    const plan = parsePlanText(text);
    expect(plan.tasks.map((t) => [t.code, t.group])).toEqual([
      ["2a", "2"],
      ["2b", "2"],
    ]);
    const a = plan.tasks[0];
    expect(a?.schedule.kind).toBe("unknown");
    expect(a?.deadlineText).toBe("khi có yêu cầu");
    expect(plan.warnings.some((w) => w.code === "deadline_unreadable" && w.where === "task 2a")).toBe(true);
  });

  it("reads tasks written in prose under a heading that names the lead body when there is no table", () => {
    const text = [
      "KẾ HOẠCH",
      "Thực hiện chương trình năm 2026",
      "",
      "III. TỔ CHỨC THỰC HIỆN",
      "1. Sở Công Thương có trách nhiệm:",
      "a) Xây dựng kế hoạch phát triển thương mại điện tử, trình UBND tỉnh trong Quý II/2026.",
      "b) Theo dõi, đôn đốc các đơn vị thực hiện thường xuyên.",
      "2. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí thực hiện hàng năm.",
    ].join("\n");
    const plan = parsePlanText(text);
    expect(plan.tasks.map((t) => [t.code, t.leads[0]])).toEqual([
      ["1a", "Sở Công Thương"],
      ["1b", "Sở Công Thương"],
      ["2", "Sở Tài chính"],
    ]);
    expect(plan.tasks[0]?.schedule.milestones[0]?.due).toBe("2026-06-30");
    expect(plan.tasks[1]?.schedule.continuous).toBe(true);
    expect(plan.tasks[2]?.schedule.recurrence).toBe("yearly");
    expect(plan.warnings.map((w) => w.code)).toContain("tasks_from_prose");
  });

  it("reads targets from a table of their own", () => {
    const text = [
      "KẾ HOẠCH",
      "Phát triển du lịch giai đoạn 2026 - 2030",
      "",
      "| TT | Chỉ tiêu | Đơn vị tính | Mục tiêu năm 2030 |",
      "| --- | --- | --- | --- |",
      "| 1 | Tổng lượt khách | lượt | trên 3.500.000 |",
      "| 2 | Tỷ lệ lấp đầy phòng | % | 65,5 |",
      "",
      "| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện |",
      "| 1 | Quảng bá | Sở Văn hóa, Thể thao và Du lịch | Các sở, ngành liên quan | Hàng năm |",
    ].join("\n");
    const plan = parsePlanText(text);
    expect(
      plan.targets.map((t) => [t.code, t.year, t.measures[0]?.value, t.measures[0]?.comparator]),
    ).toEqual([
      ["1", 2030, 3500000, ">"],
      ["2", 2030, 65.5, "="],
    ]);
    expect(plan.tasks[0]?.leads).toEqual(["Sở Văn hóa, Thể thao và Du lịch"]);
  });
});

describe("a table with one cell per line", () => {
  it("reads rows by their number lines, fills short rows by meaning, skips repeated headers", () => {
    const text = [
      "KẾ HOẠCH",
      "Cải cách hành chính năm 2026",
      "",
      "PHỤ LỤC",
      "TT",
      "Nội dung nhiệm vụ",
      "Đơn vị chủ trì",
      "Đơn vị phối hợp",
      "Thời gian thực hiện",
      "1",
      "Về thể chế",
      "1.1",
      "Rà soát văn bản quy phạm pháp luật",
      "Sở Tư pháp",
      "Các sở, ngành liên quan",
      "Quý II/2026",
      "1.2",
      "Công bố thủ tục hành chính",
      "Văn phòng UBND tỉnh",
      "Thường xuyên",
      "",
      "TT",
      "Nội dung nhiệm vụ",
      "Đơn vị chủ trì",
      "Đơn vị phối hợp",
      "Thời gian thực hiện",
      "2",
      "Số hóa hồ sơ",
      "Sở Khoa học và Công nghệ",
      "UBND các xã, phường",
      "Tháng 9/2026",
    ].join("\n");
    const plan = parsePlanText(text);
    expect(plan.groups.map((g) => g.code)).toEqual(["1"]);
    expect(
      plan.tasks.map((t) => [
        t.code,
        t.leads[0],
        t.coordinators,
        t.schedule.milestones[0]?.due ?? t.schedule.kind,
      ]),
    ).toEqual([
      ["1.1", "Sở Tư pháp", ["Các sở, ngành liên quan"], "2026-06-30"],
      ["1.2", "Văn phòng Ủy ban nhân dân tỉnh", [], "continuous"],
      ["2", "Sở Khoa học và Công nghệ", ["UBND các xã, phường"], "2026-09-30"],
    ]);
    expect(plan.warnings.map((w) => w.code)).toContain("table_one_cell_per_line");
  });
});
