import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstDue, lastDue, parseSchedule, scheduleKind } from "./schedule.ts";
import type { Milestone, ScheduleParse } from "./schedule-types.ts";
import { isValidIsoDate } from "./vn-dates.ts";

/** Independent oracle: last day of month `m` (1–12) of year `y`, via the JS Date in UTC. */
const oracleMonthEnd = (y: number, m: number): string => {
  const d = new Date(0);
  d.setUTCFullYear(y, m, 0);
  return d.toISOString().slice(0, 10);
};
const ROMAN = ["I", "II", "III", "IV"];

const dues = (p: ScheduleParse) => p.schedule.milestones.map((m) => m.due);
/** The parts a reader relies on; actions keep the case as written, so they are left out. */
const structure = (p: ScheduleParse) => ({
  kind: p.schedule.kind,
  continuous: p.schedule.continuous,
  recurrence: p.schedule.recurrence,
  milestones: p.schedule.milestones.map((m) => [m.start ?? null, m.due, m.quantity?.toLowerCase() ?? null]),
});

type Expected = Partial<{
  kind: string;
  continuous: boolean;
  recurrence: string | null;
  milestones: Partial<Milestone>[];
}>;

const TRINH = "Trình UBND tỉnh";
/** Expected milestone: its due date, its action (absent when undefined) and any other field. */
const M = (due: string, action?: string, more: Partial<Milestone> = {}): Partial<Milestone> => ({
  due,
  action,
  ...more,
});
const one = (due: string, action?: string, more?: Partial<Milestone>): Expected => ({
  kind: "milestone",
  milestones: [M(due, action, more)],
});
const span = (start: string, due: string): Expected => one(due, undefined, { start });

// Every real phrase from the Tuyên Quang plan and /plans/other (FACTS.md), and the forms GLOSSARY.md names.
const REAL: Array<[string, Expected]> = [
  ["Thường xuyên", { kind: "continuous", continuous: true, recurrence: null, milestones: [] }],
  ["Hàng năm", { kind: "recurring", recurrence: "yearly", milestones: [] }],
  ["Hàng tháng", { kind: "recurring", recurrence: "monthly" }],
  ["Trình UBND tỉnh trong Quý I/2022", one("2022-03-31", TRINH)],
  ["Trình UBND tỉnh KH trong Quý IV/2021", one("2021-12-31", TRINH, { product: "Kế hoạch" })],
  ["Trình UBND tỉnh Dự án trong Quý I/2022", one("2022-03-31", TRINH, { product: "Dự án" })],
  ["Trình UBND tỉnh Quy hoạch trong tháng 8/2022", one("2022-08-31", TRINH, { product: "Quy hoạch" })],
  ["Trình UBND tỉnh Quý II/2022", one("2022-06-30", TRINH)],
  [
    "Trình UBND tỉnh trong Quý I/2022 (4 cụm) và Quý II/2022 (3 cụm)",
    {
      milestones: [
        M("2022-03-31", TRINH, { quantity: "4 cụm", text: "Trình UBND tỉnh trong Quý I/2022 (4 cụm)" }),
        M("2022-06-30", TRINH, { quantity: "3 cụm", text: "Quý II/2022 (3 cụm)" }),
      ],
    },
  ],
  [
    "Tích hợp QH tỉnh trong Quý I/2022. Xây dựng quy hoạch các vùng nguyên liệu trong Quý III/2022",
    {
      milestones: [
        M("2022-03-31", "Tích hợp QH tỉnh", { product: undefined }),
        M("2022-09-30", "Xây dựng quy hoạch các vùng nguyên liệu"),
      ],
    },
  ],
  ["Tháng 8/2024", one("2024-08-31", undefined, { text: "Tháng 8/2024" })],
  ["2024 - 2025", span("2024-01-01", "2025-12-31")],
  ["2026 - 2027", span("2026-01-01", "2027-12-31")],
  ["2025 - 2030", span("2025-01-01", "2030-12-31")],
  ["Xong trong Quý II/2026", one("2026-06-30")],
  ["Xong trong tháng 5/2026", one("2026-05-31")],
  ["Trong năm 2026", one("2026-12-31")],
  [
    "Hoàn thành đầu tư, lắp đặt và vận hành xong trước ngày 01/01/2030",
    one("2029-12-31", "Hoàn thành đầu tư, lắp đặt và vận hành"),
  ],
  ["Năm 2022 và hàng năm", { kind: "mixed", recurrence: "yearly", milestones: [M("2022-12-31")] }],
  ["6 tháng đầu năm 2024", one("2024-06-30")],
  ["Tháng 6/2023", one("2023-06-30")],
  ["giai đoạn 2021-2025", span("2021-01-01", "2025-12-31")],
  ["tháng 2/2024", one("2024-02-29")],
];

// Further forms named by the rules.
const MORE: Array<[string, Expected]> = [
  ["Liên tục", { kind: "continuous" }],
  ["<i>Thường xuyên.</i>", { kind: "continuous" }],
  ["HẰNG QUÝ", { recurrence: "quarterly" }],
  ["*Hằng năm*", { recurrence: "yearly" }],
  ["6 tháng một lần", { recurrence: "half-yearly" }],
  ["định kỳ 6 tháng", { recurrence: "half-yearly" }],
  ["hàng 6 tháng", { recurrence: "half-yearly" }],
  ["nửa năm", { recurrence: "half-yearly" }],
  ["Hàng quý, hàng năm", { kind: "recurring", recurrence: "quarterly" }],
  ["Thường xuyên, báo cáo hàng năm", { kind: "mixed", continuous: true, recurrence: "yearly" }],
  [
    "Trình UBND tỉnh ban hành Quyết định trong năm 2022",
    one("2022-12-31", "Trình UBND tỉnh ban hành", { product: "Quyết định" }),
  ],
  ["Trình UBND tỉnh Đề án trong Quý I/2022", one("2022-03-31", TRINH, { product: "Đề án" })],
  [
    "Trình UBND tỉnh trong Quý I/2022, ban hành trong Quý II/2022",
    { milestones: [M("2022-03-31", TRINH), M("2022-06-30", "ban hành")] },
  ],
];

/** Phrases that give one milestone without an action: [phrase, due] or [phrase, [start, due]]. */
const DATES: Array<[string, string | [string, string]]> = [
  ["quý II năm 2022", "2022-06-30"],
  ["Quý 3/2022", "2022-09-30"],
  ["Q4/2021", "2021-12-31"],
  ["tháng 5 năm 2026", "2026-05-31"],
  ["tháng 12/2021", "2021-12-31"],
  ["tháng 2/2023", "2023-02-28"],
  ["6 tháng cuối năm 2023", "2023-12-31"],
  ["9 tháng năm 2023", "2023-09-30"],
  ["9 tháng đầu năm 2023", "2023-09-30"],
  ["trước 30/6/2023", "2023-06-29"],
  ["trước Quý II/2022", "2022-03-31"],
  ["ngày 15/3/2022", "2022-03-15"],
  ["đến ngày 15/3/2022", "2022-03-15"],
  ["15/03/2022", "2022-03-15"],
  ["ngày 15 tháng 3 năm 2022", "2022-03-15"],
  ["Năm 2022", "2022-12-31"],
  ["cuối năm 2022", "2022-12-31"],
  ["đến năm 2025", "2025-12-31"],
  ["2025", "2025-12-31"],
  ["2021 – 2025", ["2021-01-01", "2025-12-31"]],
  ["từ năm 2024 đến năm 2030", ["2024-01-01", "2030-12-31"]],
  ["Năm 2021 - 2022", ["2021-01-01", "2022-12-31"]],
  ["từ tháng 1/2022 đến tháng 6/2022", ["2022-01-01", "2022-06-30"]],
];
for (const [phrase, when] of DATES) MORE.push([phrase, typeof when === "string" ? one(when) : span(...when)]);

describe("parseSchedule: phrases from real plans", () => {
  it.each([...REAL, ...MORE])("%s", (phrase, expected) => {
    const { schedule } = parseSchedule(phrase);
    const { milestones, ...rest } = expected;
    expect(schedule).toMatchObject(rest);
    if (milestones) {
      expect(schedule.milestones).toHaveLength(milestones.length);
      milestones.forEach((m, i) => {
        for (const [key, value] of Object.entries(m))
          expect(schedule.milestones[i]?.[key as keyof Milestone]).toBe(value);
      });
    }
  });

  it("reads the real phrases without warnings", () => {
    for (const [phrase] of REAL) expect(parseSchedule(phrase).warnings, phrase).toEqual([]);
  });
});

describe("parseSchedule: what is not read", () => {
  it.each(["", "   ", "Theo tiến độ dự án", "Thời gian thực hiện"])(
    "%j is unknown, with a warning",
    (phrase) => {
      const p = parseSchedule(phrase);
      expect(p.schedule).toEqual({ continuous: false, recurrence: null, milestones: [], kind: "unknown" });
      expect(p.warnings[0]).toMatch(/^unreadable deadline: "/);
    },
  );

  it.each(["Quý II", "trước ngày 10/12", "tháng 8", "6 tháng đầu năm"])(
    "does not guess the year of %j",
    (phrase) => {
      const p = parseSchedule(phrase);
      expect(p.schedule.kind).toBe("unknown");
      expect(p.warnings.some((w) => w.includes("without a year"))).toBe(true);
    },
  );

  it("keeps the recurrence of a yearly day without a year", () => {
    const p = parseSchedule("trước ngày 10/12 hàng năm");
    expect(p.schedule).toMatchObject({ kind: "recurring", recurrence: "yearly", milestones: [] });
    expect(p.warnings).toEqual(['date without a year not kept: "ngày 10/12"']);
  });

  it("keeps what it understood and names the unread words", () => {
    const p = parseSchedule("Quý I/2022, thực hiện 25 mục");
    expect(dues(p)).toEqual(["2022-03-31"]);
    expect(p.warnings).toEqual(['unread words: "thực hiện 25 mục"']);
  });

  it.each([
    ["31/02/2022", /impossible date/],
    ["tháng 13/2022", /impossible date/],
    ["2025 - 2021", /span ends before/],
    ["đầu năm 2023", /vague date/],
    ["Hàng tuần", /weekly/],
    ["Nghị định 06/2022/NĐ-CP", /unread words/],
  ])("refuses %j", (phrase, warning) => {
    const p = parseSchedule(phrase);
    expect(p.schedule.milestones).toEqual([]);
    expect(p.warnings.join("\n")).toMatch(warning);
  });
});

describe("scheduleKind, firstDue, lastDue", () => {
  it("derives the kind from the parts", () => {
    expect(scheduleKind({ continuous: false, recurrence: null, milestones: [] })).toBe("unknown");
    expect(scheduleKind({ continuous: true, recurrence: "yearly", milestones: [] })).toBe("mixed");
    expect(scheduleKind({ continuous: false, recurrence: "monthly", milestones: [] })).toBe("recurring");
  });
  it("finds the earliest and latest due dates", () => {
    const s = parseSchedule("Quý III/2022, Quý I/2022 và tháng 8/2022").schedule;
    expect([firstDue(s), lastDue(s)]).toEqual(["2022-03-31", "2022-09-30"]);
    expect(firstDue(parseSchedule("Hàng năm").schedule)).toBeNull();
    expect(lastDue(parseSchedule("").schedule)).toBeNull();
  });
});

const year = fc.integer({ min: 1990, max: 2100 });
const VOCAB = [
  ...REAL.map(([p]) => p),
  ..."trong|và|,|.|;|trước|ngày|(4 cụm)|Quý II|10/12|tháng 8|KH|năm|hàng|đầu|123|Liên tục|hằng quý".split(
    "|",
  ),
  ..."6 tháng một lần|Q4/2021|ngày 15 tháng 3 năm 2022|31/02/2022|từ|đến|-|2026".split("|"),
];
const vocabPhrase = fc.array(fc.constantFrom(...VOCAB), { maxLength: 6 }).map((ws) => ws.join(" "));
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  vocabPhrase,
  fc
    .array(fc.oneof(fc.constantFrom(...VOCAB), fc.string({ maxLength: 4 })), { maxLength: 6 })
    .map((ws) => ws.join("")),
);

describe("parseSchedule: properties", () => {
  it("reads every quarter, Roman or Arabic, as the quarter's last day", () => {
    fc.assert(
      fc.property(year, fc.integer({ min: 1, max: 4 }), (y, q) => {
        const expected = oracleMonthEnd(y, q * 3);
        const r = ROMAN[q - 1];
        const forms = [`Quý ${r}/${y}`, `quý ${r} năm ${y}`, `Quý ${q}/${y}`, `Q${q}/${y}`];
        for (const phrase of [...forms, `Trình UBND tỉnh trong Quý ${r}/${y}`]) {
          expect(dues(parseSchedule(phrase)), phrase).toEqual([expected]);
        }
      }),
    );
  });

  it("reads every month as its last day, a valid date", () => {
    fc.assert(
      fc.property(year, fc.integer({ min: 1, max: 12 }), (y, m) => {
        const mm = String(m).padStart(2, "0");
        for (const phrase of [`tháng ${m}/${y}`, `Tháng ${mm}/${y}`, `tháng ${m} năm ${y}`]) {
          const [due] = dues(parseSchedule(phrase));
          expect(due, phrase).toBe(oracleMonthEnd(y, m));
          expect(isValidIsoDate(due ?? "")).toBe(true);
        }
      }),
    );
  });

  it("reads a day, and 'trước' a day as the day before", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1990-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const dmy = `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
          const before = new Date(d.getTime() - 86_400_000).toISOString().slice(0, 10);
          expect(dues(parseSchedule(`ngày ${dmy}`))).toEqual([iso]);
          expect(dues(parseSchedule(`Hoàn thành trước ngày ${dmy}`))).toEqual([before]);
        },
      ),
    );
  });

  it("gives a span start ≤ due, or refuses a reversed span", () => {
    fc.assert(
      fc.property(year, year, fc.constantFrom(" - ", "-", " – ", " đến "), (a, b, sep) => {
        const p = parseSchedule(`giai đoạn ${a}${sep}${b}`);
        if (a <= b)
          expect(p.schedule.milestones).toEqual([
            expect.objectContaining({ start: `${a}-01-01`, due: `${b}-12-31` }),
          ]);
        else expect(p.schedule.milestones).toEqual([]);
      }),
    );
  });

  it("never throws, and returns recognised parts or 'unknown' with a warning, with valid dates", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { schedule, warnings } = parseSchedule(text);
        expect(schedule.kind).toBe(scheduleKind(schedule));
        if (schedule.kind === "unknown") expect(warnings.length).toBeGreaterThan(0);
        expect(warnings.filter((w) => w.startsWith("internal error"))).toEqual([]);
        for (const m of schedule.milestones) {
          expect(isValidIsoDate(m.due), m.due).toBe(true);
          if (m.start !== undefined) expect(isValidIsoDate(m.start) && m.start <= m.due).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("is insensitive to case and extra whitespace", () => {
    const spaces = fc.array(fc.constantFrom(" ", "  ", "\t", "\n", "\u00a0"), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(vocabPhrase, spaces, fc.infiniteStream(spaces), (phrase, edge, gaps) => {
        const base = parseSchedule(phrase);
        const spaced = edge.join("") + phrase.replace(/ /g, () => gaps.next().value.join("")) + edge.join("");
        expect(parseSchedule(spaced)).toEqual(base);
        expect(structure(parseSchedule(phrase.toUpperCase()))).toEqual(structure(base));
        expect(structure(parseSchedule(phrase.toLowerCase()))).toEqual(structure(base));
      }),
      { numRuns: 1000 },
    );
  });
});
