import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AGENCY_CATALOGUE } from "./agency-catalogue.ts";
import {
  AgencyResolver,
  agencyKey,
  canonicalGroupName,
  guessKind,
  guessLevel,
  isAgencyGroup,
} from "./agency-resolve.ts";
import { splitAgencyCell } from "./agency-split.ts";

/** The Tuyên Quang plan: the repository's copy, or the shared original it was copied from. */
function tuyenQuangPlan(): string {
  const local = fileURLToPath(
    new URL("../../data/plans/tuyen-quang-cong-nghiep-2021-2025.txt", import.meta.url),
  );
  const shared = "/work/shared/plans/tuyen-quang-cong-nghiep-2021-2025.txt";
  return readFileSync(existsSync(local) ? local : shared, "utf8");
}

/** Appendix rows (tab-separated, first cell a task code): [code, lead cell, coordinator cell]. */
function appendixRows(): [string, string, string][] {
  const rows: [string, string, string][] = [];
  for (const line of tuyenQuangPlan().normalize("NFC").split(/\r?\n/)) {
    const cells = line.split("\t");
    const code = (cells[0] ?? "").replace(/<\/?i>/g, "").trim();
    if (cells.length >= 4 && /^\d+(?:\.\d+)*\.?$/.test(code))
      rows.push([code, cells[2] ?? "", cells[3] ?? ""]);
  }
  return rows;
}

describe("agencyKey", () => {
  it.each([
    ["BQL các khu CN tỉnh", "Ban Quản lý các khu Công nghiệp"],
    ["Ban Quản lý các KCN tỉnh Tuyên Quang", "Ban Quản lý các khu công nghiệp"],
    ["Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"],
    ["Uỷ ban nhân dân tỉnh Tuyên Quang", "UBND tỉnh"],
    ["Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"],
    ["Sở Lao động Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"],
    ["VP UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"],
    ["Sở TN&MT", "Sở Tài nguyên và Môi trường"],
    ["Sở TNMT", "Sở Tài nguyên và Môi trường"],
    ["Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"],
    ["Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"],
    ["Sở GTVT", "Sở Giao thông vận tải"],
    ["Sở KH&CN", "Sở Khoa học và Công nghệ"],
    ["Viện Khí tượng thuỷ văn", "Viện Khí tượng thủy văn"],
    ["UBND huyện Chiêm Hoá", "Ủy ban nhân dân huyện Chiêm Hóa"],
    ["Sở Công Thương tỉnh Khánh Hoà", "Sở Công Thương"],
    ["CCN Tân Thành", "cụm công nghiệp Tân Thành"],
    ["Các sở ngành liên quan", "các sở, ngành liên quan"],
  ])("%s ≡ %s", (a, b) => {
    expect(agencyKey(a)).toBe(agencyKey(b));
  });

  it("is lowercase, unpunctuated, without the province", () => {
    expect(agencyKey("  Sở Công Thương tỉnh Tuyên Quang. ")).toBe("sở công thương");
    expect(agencyKey("Điện lực Tuyên Quang")).toBe("điện lực tuyên quang");
    expect(agencyKey("Tỉnh đoàn")).toBe("tỉnh đoàn");
  });
});

describe("isAgencyGroup and canonicalGroupName", () => {
  it.each([
    "Các sở, ngành liên quan",
    "các đơn vị liên quan",
    "Các Nhà đầu tư",
    "Các Sở, ban, ngành",
    "UBND huyện, thành phố",
    "UBND huyện thành phố",
    "UBND các xã, phường",
    "UBND các huyện",
    "UBND cấp huyện",
  ])("%s is a group", (p) => {
    expect(isAgencyGroup(p)).toBe(true);
  });

  it.each([
    "Sở Công Thương",
    "UBND huyện Lâm Bình",
    "UBND tỉnh",
    "Ban Quản lý các khu công nghiệp",
    "UBND thành phố Tuyên Quang",
  ])("%s is not a group", (p) => {
    expect(isAgencyGroup(p)).toBe(false);
  });

  it("gives one spelling per group", () => {
    expect(canonicalGroupName("Các sở ngành liên quan")).toBe("Các sở, ngành liên quan");
    expect(canonicalGroupName("các sở, ngành liên quan")).toBe("Các sở, ngành liên quan");
    expect(canonicalGroupName("UBND huyện thành phố")).toBe("UBND huyện, thành phố");
    expect(canonicalGroupName("các cơ quan ,đơn vị  có liên quan")).toBe("Các cơ quan, đơn vị có liên quan");
  });
});

describe("guessKind and guessLevel", () => {
  it.each([
    ["Cục Biến đổi khí hậu", "department", "central"],
    ["Vụ Pháp chế", "department", "central"],
    ["Viện Chiến lược, Chính sách TN&MT", "centre", "central"],
    ["UBND huyện Lâm Bình", "people_committee", "district"],
    ["UBND thành phố Tuyên Quang", "people_committee", "district"],
    ["UBND thành phố Hà Nội", "people_committee", "province"],
    ["UBND xã Thượng Lâm", "people_committee", "commune"],
    ["Công an huyện Yên Sơn", "department", "district"],
    ["Trung tâm Phát triển quỹ đất", "centre", "province"],
    ["Công ty Cổ phần Xi măng Tân Quang", "enterprise", "province"],
    ["Báo Tuyên Quang", "other", "province"],
    ["Sở Lao động - Thương binh và Xã hội", "department", "province"],
  ])("%s: %s, %s", (name, kind, level) => {
    expect(guessKind(name)).toBe(kind);
    expect(guessLevel(name)).toBe(level);
  });
});

describe("AgencyResolver", () => {
  it("matches the catalogue by key and by a unique prefix", () => {
    const r = new AgencyResolver();
    expect(r.resolve("Sở Giao thông")).toEqual({
      name: "Sở Giao thông vận tải",
      isGroup: false,
      kind: "department",
      level: "province",
      known: true,
    });
    for (const p of [
      "Ban Quản lý các khu Công nghiệp",
      "Ban Quản lý các khu công nghiệp tỉnh",
      "BQL các khu CN tỉnh",
    ]) {
      expect(r.resolve(p)).toMatchObject({
        name: "Ban Quản lý các khu công nghiệp tỉnh",
        kind: "board",
        known: true,
      });
    }
    expect(r.resolve("Sở Lao động Thương binh và Xã hội").name).toBe("Sở Lao động - Thương binh và Xã hội");
    expect(r.resolve("Văn phòng UBND tỉnh")).toMatchObject({
      name: "Văn phòng Ủy ban nhân dân tỉnh",
      kind: "office",
    });
    expect(r.resolve("Trung tâm xúc tiến đầu tư")).toMatchObject({
      name: "Trung tâm Xúc tiến đầu tư",
      kind: "centre",
    });
    expect(r.resolve("Điện lực Tuyên Quang")).toMatchObject({ kind: "enterprise", known: true });
    expect(r.resolve("UBND tỉnh")).toMatchObject({ name: "Ủy ban nhân dân tỉnh", kind: "people_committee" });
    const board = r.agencies().find((a) => a.name === "Ban Quản lý các khu công nghiệp tỉnh");
    expect(board?.aliases).toEqual([
      "Ban Quản lý các khu Công nghiệp",
      "Ban Quản lý các khu công nghiệp tỉnh",
      "BQL các khu CN tỉnh",
    ]);
  });

  it("uses the catalogue given", () => {
    const r = new AgencyResolver([], AGENCY_CATALOGUE.slice(0, 1));
    expect(r.resolve("Sở KH&ĐT").known).toBe(true);
    expect(r.resolve("Sở Công Thương").known).toBe(false);
  });

  it("does not guess between two catalogue agencies sharing a prefix", () => {
    expect(new AgencyResolver().resolve("Sở Nông nghiệp")).toMatchObject({
      name: "Sở Nông nghiệp",
      known: false,
    });
  });

  it("keeps groups as groups, one per spelling variant", () => {
    const r = new AgencyResolver();
    expect(r.resolve("Các sở ngành liên quan")).toMatchObject({
      name: "Các sở, ngành liên quan",
      isGroup: true,
    });
    expect(r.resolve("các sở, ngành liên quan").name).toBe("Các sở, ngành liên quan");
    expect(r.resolve("UBND huyện thành phố")).toMatchObject({
      name: "UBND huyện, thành phố",
      isGroup: true,
      kind: "people_committee",
      level: "district",
    });
    expect(r.resolve("các đơn vị có liên quan thuộc Bộ TN&MT")).toMatchObject({
      isGroup: true,
      level: "central",
    });
    expect(r.agencies().filter((a) => a.isGroup)).toHaveLength(3);
  });

  it("unifies unknown agencies by key or prefix and keeps the longest name", () => {
    const r = new AgencyResolver();
    expect(r.resolve("Cục Kiểm soát ô nhiễm")).toMatchObject({
      known: false,
      kind: "department",
      level: "central",
    });
    expect(r.resolve("Cục Kiểm soát ô nhiễm môi trường").name).toBe("Cục Kiểm soát ô nhiễm môi trường");
    expect(r.resolve("Cục Kiểm soát ô nhiễm").name).toBe("Cục Kiểm soát ô nhiễm môi trường");
    expect(r.resolve("Cục Biến đổi khí hậu").name).toBe("Cục Biến đổi khí hậu");
    expect(r.agencies().map((a) => a.name)).toEqual([
      "Cục Kiểm soát ô nhiễm môi trường",
      "Cục Biến đổi khí hậu",
    ]);
    expect(r.agencies()[0]?.aliases).toEqual(["Cục Kiểm soát ô nhiễm", "Cục Kiểm soát ô nhiễm môi trường"]);
  });

  it("prefers the caller's registry to the catalogue", () => {
    const r = new AgencyResolver([
      { name: "UBND huyện Lâm Bình", kind: "people_committee", level: "district" },
      {
        name: "Ban Quản lý các khu công nghiệp tỉnh Tuyên Quang",
        aliases: ["BQL các KCN"],
        kind: "not-a-kind",
      },
    ]);
    expect(r.resolve("Ủy ban nhân dân huyện Lâm Bình")).toMatchObject({
      name: "UBND huyện Lâm Bình",
      known: true,
    });
    expect(r.resolve("BQL các khu CN tỉnh")).toMatchObject({
      name: "Ban Quản lý các khu công nghiệp tỉnh Tuyên Quang",
      kind: "board",
    });
  });

  it("has no key shared by two catalogue agencies", () => {
    const owner = new Map<string, string>();
    for (const a of AGENCY_CATALOGUE) {
      for (const form of [a.name, a.shortName, ...a.aliases]) {
        if (!form) continue;
        const k = agencyKey(form);
        expect(owner.get(k) ?? a.name, `${form} (${k})`).toBe(a.name);
        owner.set(k, a.name);
      }
    }
  });
});

describe("the Tuyên Quang appendix", () => {
  const rows = appendixRows();

  it("has the plan's task rows", () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(rows.map((r) => r[0])).toContain("8.10");
  });

  it("splits and resolves every lead and coordinator cell", () => {
    const r = new AgencyResolver();
    for (const [code, lead, coordinators] of rows) {
      for (const [cell, role] of [
        [lead, "lead"],
        [coordinators, "coordinator"],
      ] as const) {
        for (const piece of splitAgencyCell(cell, role)) {
          expect(piece, `task ${code}`).not.toBe("");
          expect(piece, `task ${code}`).not.toMatch(/[,;.]$/);
          expect(r.resolve(piece).name, `task ${code}: ${piece}`).not.toBe("");
        }
      }
    }
    expect(r.agencies().filter((a) => !a.isGroup && !a.known)).toEqual([]);
  });

  it("names at most 14 lead agencies", () => {
    const r = new AgencyResolver();
    const leads = new Set(
      rows.flatMap(([, lead]) => splitAgencyCell(lead, "lead").map((p) => r.resolve(p).name)),
    );
    expect(leads.size).toBeLessThanOrEqual(14);
    for (const name of [
      "Sở Giao thông vận tải",
      "Ban Quản lý các khu công nghiệp tỉnh",
      "Sở Nông nghiệp và Phát triển nông thôn",
    ]) {
      expect(leads).toContain(name);
    }
    expect([...leads].every((n) => !r.resolve(n).isGroup)).toBe(true);
  });
});

describe("open-ended groups", () => {
  it("treats a phrase ending in 'có liên quan' as a group", () => {
    expect(isAgencyGroup("Trường Đại học có liên quan")).toBe(true);
    expect(isAgencyGroup("Sở Công Thương")).toBe(false);
  });
});
