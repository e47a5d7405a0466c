import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "../domain/errors.ts";
import { parsePlanBytes, parsePlanText } from "./parse-plan.ts";
import type { PlanJson, TaskJson } from "./plan-json.ts";

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), "utf8");
const TQ = parsePlanText(read("data/plans/tuyen-quang-cong-nghiep-2021-2025.txt"), { sourceName: "tq.txt" });
const BTNMT = parsePlanText(read("test/fixtures/plans/btnmt-kh09-2024-tinchi-cacbon.txt"));
const LAOCAI = parsePlanText(read("test/fixtures/plans/laocai-kh-chithi11-khoangsan-2026.txt"));

function task(plan: PlanJson, code: string): TaskJson {
  const t = plan.tasks.find((x) => x.code === code);
  if (!t) throw new Error(`no task ${code}`);
  return t;
}

describe("Tuyên Quang Industrial Development Plan 2021–2025", () => {
  it("reads the header: title, issuer, period, basis", () => {
    expect(TQ.plan.title).toBe("Phát triển công nghiệp tỉnh Tuyên Quang giai đoạn 2021 - 2025");
    expect(TQ.plan.issuer).toBe("Ủy ban nhân dân tỉnh Tuyên Quang");
    expect([TQ.plan.periodStart, TQ.plan.periodEnd]).toEqual([2021, 2025]);
    expect(TQ.plan.basis).toHaveLength(2);
    expect(TQ.plan.basis[0]).toMatch(/^Nghị quyết Đại hội Đại biểu Đảng bộ tỉnh Tuyên Quang lần thứ XVII/);
    expect(TQ.plan.basis[1]).toMatch(/^Nghị quyết số 25-NQ\/TU ngày 25\/5\/2021 của Ban Thường vụ Tỉnh ủy/);
    expect(TQ.plan.number).toBeNull();
    expect(TQ.warnings.map((w) => w.code)).toContain("number_missing");
  });

  it("finds all 54 tasks in their order under 7 groups, skipping the repeated page headers", () => {
    const expected = [
      "1",
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `2.${i}`),
      ...[1, 2, 3, 4, 5, 6].map((i) => `3.${i}`),
      ...Array.from({ length: 13 }, (_, i) => `4.${i + 1}`),
      ...[1, 2, 3, 4, 5].map((i) => `5.${i}`),
      ...[1, 2, 3, 4, 5].map((i) => `6.${i}`),
      ...[1, 2, 3, 4, 5, 6].map((i) => `7.${i}`),
      ...Array.from({ length: 10 }, (_, i) => `8.${i + 1}`),
    ];
    expect(TQ.tasks.map((t) => t.code)).toEqual(expected);
    expect(TQ.groups.map((g) => g.code)).toEqual(["2", "3", "4", "5", "6", "7", "8"]);
    expect(TQ.groups[0]?.title).toBe("Về cơ chế, chính sách phát triển công nghiệp");
    expect(task(TQ, "1").group).toBeNull();
    expect(task(TQ, "4.13").group).toBe("4");
    expect(TQ.tasks.some((t) => /NỘI DUNG|Số TT/i.test(t.content))).toBe(false);
  });

  it("resolves every lead to one canonical agency, aliases included", () => {
    expect(task(TQ, "2.3").leads).toEqual(["Ban Quản lý các khu công nghiệp tỉnh"]);
    expect(task(TQ, "3.1").leads).toEqual(["Ban Quản lý các khu công nghiệp tỉnh"]);
    expect(task(TQ, "8.2").coordinators[0]).toBe("Ban Quản lý các khu công nghiệp tỉnh");
    expect(task(TQ, "3.4").leads).toEqual(["Sở Giao thông vận tải"]);
    expect(task(TQ, "2.8").leads).toEqual(["Sở Nông nghiệp và Phát triển nông thôn"]);
    expect(task(TQ, "8.4").leads).toEqual(["Văn phòng Ủy ban nhân dân tỉnh"]);
    expect(task(TQ, "7.1").leads).toEqual(["Trung tâm Xúc tiến đầu tư"]);
    expect(TQ.tasks.every((t) => t.leads.length === 1)).toBe(true);
    const leadNames = new Set(TQ.tasks.flatMap((t) => t.leads));
    expect(leadNames.size).toBe(14);
    for (const name of leadNames) expect(name).not.toMatch(/[,;.]$/);
  });

  it("keeps coordinator groups as one entry each", () => {
    expect(task(TQ, "2.1").coordinators).toEqual(["Các sở, ngành liên quan", "UBND huyện, thành phố"]);
    expect(task(TQ, "2.7").coordinators).toEqual([
      "Sở Công Thương",
      "Sở Nông nghiệp và Phát triển nông thôn",
      "UBND huyện, thành phố",
    ]);
    expect(task(TQ, "3.5").coordinators).toEqual(["Điện lực Tuyên Quang", "Các đơn vị liên quan"]);
    expect(task(TQ, "4.9").coordinators).toEqual([
      "Sở Ngoại vụ",
      "Các sở, ngành liên quan",
      "UBND huyện, thành phố",
    ]);
    const groups = TQ.agencies.filter((a) => a.isGroup).map((a) => a.name);
    expect(groups).toContain("UBND huyện, thành phố");
    expect(groups).toContain("Các sở, ngành liên quan");
    expect(TQ.agencies.find((a) => a.name === "Điện lực Tuyên Quang")?.kind).toBe("enterprise");
  });

  it("parses every schedule", () => {
    const kinds = TQ.tasks.map((t) => t.schedule.kind);
    expect(kinds.filter((k) => k === "unknown")).toHaveLength(0);
    expect(task(TQ, "1").schedule).toMatchObject({ continuous: true, recurrence: null, milestones: [] });
    expect(task(TQ, "4.2").schedule).toMatchObject({ continuous: false, recurrence: "yearly" });
    expect(task(TQ, "8.7").schedule.recurrence).toBe("monthly");
    expect(task(TQ, "2.2").schedule.milestones).toMatchObject([
      { due: "2022-03-31", action: "Trình UBND tỉnh" },
    ]);
    expect(task(TQ, "3.4").schedule.milestones).toMatchObject([
      { due: "2021-12-31", action: "Trình UBND tỉnh", product: "Kế hoạch" },
    ]);
    expect(task(TQ, "3.1").schedule.milestones).toMatchObject([{ due: "2022-08-31", product: "Quy hoạch" }]);
    expect(task(TQ, "3.5").schedule.milestones).toMatchObject([{ due: "2022-03-31", product: "Dự án" }]);
    expect(task(TQ, "8.2").schedule.milestones).toMatchObject([
      { due: "2022-06-30", action: "Trình UBND tỉnh" },
    ]);
    expect(task(TQ, "3.2").schedule.milestones).toMatchObject([
      { due: "2022-03-31", quantity: "4 cụm" },
      { due: "2022-06-30", quantity: "3 cụm" },
    ]);
    expect(task(TQ, "2.7").schedule.milestones).toMatchObject([
      { due: "2022-03-31", action: "Tích hợp QH tỉnh" },
      { due: "2022-09-30", action: "Xây dựng quy hoạch các vùng nguyên liệu" },
    ]);
  });

  it("reads the six targets with every number", () => {
    expect(TQ.targets.map((t) => t.code)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(TQ.targets.every((t) => t.year === 2025)).toBe(true);
    const m = (code: string) =>
      TQ.targets.find((t) => t.code === code)?.measures.map((x) => [x.comparator, x.value, x.unit]);
    expect(m("1")).toEqual([
      [">", 27700, "tỷ đồng"],
      [">", 14, "%"],
    ]);
    expect(m("2")).toEqual([
      [">", 25.8, "%"],
      [">", 138700, "lao động"],
      [">", 65, "%"],
    ]);
    expect(m("3")).toEqual([[">", 24.7, "%"]]);
    expect(m("4")).toEqual([
      ["=", 3, "khu công nghiệp"],
      ["=", 1, "khu công nghiệp"],
    ]);
    expect(m("5")).toEqual([[">=", 5, "cụm công nghiệp"]]);
    expect(m("6")).toEqual([[">", 60, "%"]]);
  });

  it("links appendix rows to body paragraphs by content, not number (section 8 is numbered differently)", () => {
    expect(task(TQ, "1").body).toMatch(/^Tuyên truyền sâu, rộng/);
    expect(task(TQ, "8.6").body).toMatch(
      /^Xây dựng, triển khai thực hiện Kế hoạch hành động nâng cao năng lực cạnh tranh/,
    );
    expect(task(TQ, "8.7").body).toContain("Cà phê doanh nhân");
    expect(task(TQ, "8.8").body).toMatch(/^Xây dựng, tổ chức thực hiện Chương trình hoạt động đối ngoại/);
    expect(task(TQ, "8.10").body).toMatch(/^Chú trọng làm tốt công tác biểu dương/);
    expect(task(TQ, "4.6").body).toContain("về cơ khí, luyện kim"); // joined across the page break
    expect(TQ.tasks.every((t) => t.body !== null)).toBe(true);
  });

  it("reads the reporting duty of section IV", () => {
    expect(TQ.plan.reporting).toMatchObject({
      frequencies: ["monthly", "quarterly", "yearly"],
      recipient: "Ủy ban nhân dân tỉnh",
      via: "Sở Công Thương",
      monitor: "Sở Công Thương",
    });
  });
});

describe("btnmt-kh09-2024-tinchi-cacbon (FACTS.md)", () => {
  it("reads the header", () => {
    expect(BTNMT.plan.number).toBe("09/KH-BTNMT");
    expect(BTNMT.plan.issuer).toBe("Bộ Tài nguyên và Môi trường");
    expect(BTNMT.plan.issuedOn).toBe("2024-08-06");
    expect(BTNMT.plan.basis[0]).toMatch(/^Chỉ thị số 13\/CT-TTg ngày 02 tháng 5 năm 2024/);
  });
  it("has 9 tasks and no numeric targets", () => {
    expect(BTNMT.tasks.map((t) => t.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(BTNMT.targets).toEqual([]);
  });
  it("reads tasks 1, 4, 5, 7 and 8 as FACTS.md states", () => {
    const t1 = task(BTNMT, "1");
    expect(t1.leads).toEqual(["Cục Biến đổi khí hậu"]);
    expect(t1.coordinators).toEqual(["Vụ Pháp chế", "Các đơn vị có liên quan thuộc Bộ TN&MT"]);
    expect(t1.schedule.milestones).toMatchObject([{ due: "2024-08-31" }]);
    expect(task(BTNMT, "4").leads).toEqual(["Cục Biến đổi khí hậu"]);
    expect(task(BTNMT, "4").schedule.milestones).toMatchObject([{ start: "2026-01-01", due: "2027-12-31" }]);
    expect(task(BTNMT, "5").leads).toEqual(["Cục Viễn thám quốc gia"]);
    expect(task(BTNMT, "5").schedule.milestones).toMatchObject([{ start: "2025-01-01", due: "2030-12-31" }]);
    expect(task(BTNMT, "7").leads).toEqual([
      "Viện Khoa học Khí tượng thủy văn và Biến đổi khí hậu",
      "Viện Chiến lược, Chính sách TN&MT",
    ]);
    expect(task(BTNMT, "7").schedule.milestones).toMatchObject([{ start: "2024-01-01", due: "2030-12-31" }]);
    expect(task(BTNMT, "8").leads).toEqual(["Trung tâm Truyền thông TN&MT, Báo TN&MT, Tạp chí TN&MT"]);
    expect(task(BTNMT, "8").schedule.milestones).toMatchObject([{ start: "2024-01-01", due: "2025-12-31" }]);
  });
});

describe("laocai-kh-chithi11-khoangsan-2026 (FACTS.md)", () => {
  it("reads the header of a draft with a blank number and date", () => {
    expect(LAOCAI.plan.issuer).toBe("Ủy ban nhân dân tỉnh Lào Cai");
    expect(LAOCAI.plan.number).toBe("…/KH-UBND");
    expect(LAOCAI.plan.issuedOn).toBeNull();
    expect(LAOCAI.plan.title).toMatch(/^Triển khai thực hiện Chỉ thị số 11-CT\/TU ngày 04\/01\/2026/);
    expect(LAOCAI.plan.basis).toHaveLength(1);
  });
  it("has 14 tasks; the column-number row is not a task", () => {
    expect(LAOCAI.tasks.map((t) => t.code)).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
  });
  it("reads tasks 1, 2, 5, 6, 10 and 11 as FACTS.md states", () => {
    expect(task(LAOCAI, "1").leads).toEqual(["Các sở, ban, ngành", "UBND các xã, phường"]);
    expect(
      LAOCAI.agencies.filter((a) => task(LAOCAI, "1").leads.includes(a.name)).every((a) => a.isGroup),
    ).toBe(true);
    expect(task(LAOCAI, "1").schedule.milestones).toMatchObject([{ due: "2026-06-30" }]);
    expect(task(LAOCAI, "2").leads).toEqual(["Sở Nông nghiệp và Môi trường"]);
    expect(task(LAOCAI, "2").schedule.milestones).toMatchObject([{ due: "2026-05-31" }]);
    expect(task(LAOCAI, "5").leads).toEqual(["Sở Nông nghiệp và Môi trường"]);
    expect(task(LAOCAI, "5").schedule.milestones).toMatchObject([{ due: "2029-12-31" }]);
    expect(task(LAOCAI, "6").leads).toEqual(["Sở Công Thương", "Sở Xây dựng"]);
    expect(task(LAOCAI, "6").schedule).toMatchObject({ continuous: true, kind: "continuous" });
    expect(task(LAOCAI, "10").leads).toEqual(["Thuế tỉnh"]);
    expect(task(LAOCAI, "10").schedule).toMatchObject({ recurrence: "yearly" });
    expect(task(LAOCAI, "11").leads).toEqual(["Công an tỉnh"]);
    expect(task(LAOCAI, "11").schedule.milestones).toMatchObject([{ due: "2026-06-30" }]);
  });
  it("reads the one numeric target: at least 5 mines a year", () => {
    expect(LAOCAI.targets).toHaveLength(1);
    expect(LAOCAI.targets[0]?.measures).toMatchObject([{ value: 5, comparator: ">=", unit: "mỏ" }]);
  });
  it("reads the reporting duty: yearly, before 10 December, to the People's Committee through the department", () => {
    expect(LAOCAI.plan.reporting).toMatchObject({
      frequencies: ["yearly"],
      deadlineText: "trước ngày 10/12",
      recipient: "Ủy ban nhân dân tỉnh",
      via: "Sở Nông nghiệp và Môi trường",
    });
  });
});

describe("bad input", () => {
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof AppError ? e.code : `not AppError: ${String(e)}`;
    }
    return "no error";
  };
  it("refuses an empty or blank file", () => {
    expect(code(() => parsePlanBytes(new Uint8Array()))).toBe("PLAN_EMPTY");
    expect(code(() => parsePlanBytes(new TextEncoder().encode(" \n\t\n")))).toBe("PLAN_EMPTY");
  });
  it("refuses binary data", () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(code(() => parsePlanBytes(bytes))).toBe("PLAN_NOT_TEXT");
    const nulls = new TextEncoder().encode(`KẾ HOẠCH${"\u0000\u0001\u0002".repeat(200)}`);
    expect(code(() => parsePlanBytes(nulls))).toBe("PLAN_NOT_TEXT");
  });
  it("refuses a file over 10 MB before parsing it", () => {
    expect(code(() => parsePlanBytes(new Uint8Array(11 * 1024 * 1024).fill(65)))).toBe("PLAN_TOO_LARGE");
  });
  it("refuses a document with no task table and no assigned tasks", () => {
    const prose = "KẾ HOẠCH\nVề một việc\n\nI. MỤC ĐÍCH\nNâng cao nhận thức.\n";
    expect(code(() => parsePlanText(prose))).toBe("PLAN_NO_TASK_TABLE");
  });
  it("messages say what is wrong in Vietnamese and English", () => {
    try {
      parsePlanBytes(new Uint8Array());
    } catch (e) {
      expect((e as AppError).messageVi).toMatch(/không có nội dung/);
      expect((e as AppError).message).toMatch(/empty/);
    }
  });
});
