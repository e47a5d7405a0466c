import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AgencyResolver, agencyKey } from "./agency-resolve.ts";
import type { AgencyKind, AgencyLevel } from "./plan-json.ts";

interface SeedAgency {
  name: string;
  shortName?: string;
  kind: AgencyKind;
  level: AgencyLevel;
  aliases: string[];
  validFrom?: string;
  validTo?: string;
  successor?: string;
  successorConfirmed?: boolean;
  parent?: string;
}
interface Seed {
  province: string;
  agencies: SeedAgency[];
  groups: { name: string; members: string[]; note: string }[];
}

const seedPath = fileURLToPath(new URL("../../data/seeds/tuyen-quang-agencies.json", import.meta.url));
const seed = JSON.parse(readFileSync(seedPath, "utf8")) as Seed;
const KINDS: AgencyKind[] = [
  "people_committee",
  "department",
  "board",
  "centre",
  "office",
  "enterprise",
  "other",
];
const LEVELS: AgencyLevel[] = ["central", "province", "district", "commune"];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

describe("data/seeds/tuyen-quang-agencies.json", () => {
  const names = new Set(seed.agencies.map((a) => a.name));

  it("is Tuyên Quang's registry with unique names and keys", () => {
    expect(seed.province).toBe("Tuyên Quang");
    expect(names.size).toBe(seed.agencies.length);
    const owner = new Map<string, string>();
    for (const a of seed.agencies) {
      for (const form of [a.name, a.shortName, ...a.aliases]) {
        if (!form) continue;
        const k = agencyKey(form);
        expect(owner.get(k) ?? a.name, form).toBe(a.name);
        owner.set(k, a.name);
      }
    }
  });

  it.each(seed.agencies.map((a) => [a.name, a] as const))("%s is well-formed", (_name, a) => {
    expect(KINDS).toContain(a.kind);
    expect(LEVELS).toContain(a.level);
    expect(Array.isArray(a.aliases)).toBe(true);
    if (a.validFrom !== undefined) expect(a.validFrom).toMatch(ISO_DATE);
    if (a.validTo !== undefined) expect(a.validTo).toMatch(ISO_DATE);
    if (a.validFrom && a.validTo) expect(a.validFrom <= a.validTo).toBe(true);
    if (a.successor !== undefined) {
      expect(names).toContain(a.successor);
      expect(a.validTo, "an agency with a successor ends").toBeDefined();
      expect(typeof a.successorConfirmed).toBe("boolean");
      const next = seed.agencies.find((b) => b.name === a.successor);
      if (next?.validFrom && a.validTo) expect(next.validFrom > a.validTo).toBe(true);
    }
    if (a.parent !== undefined) expect(names).toContain(a.parent);
  });

  it("records the 2025 reorganisation (REGULATIONS.md §5)", () => {
    const successor = (n: string) => seed.agencies.find((a) => a.name === n);
    const merged: [string, string][] = [
      ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"],
      ["Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường"],
      ["Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Môi trường"],
      ["Sở Giao thông vận tải", "Sở Xây dựng"],
      ["Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ"],
      ["Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"],
    ];
    for (const [from, to] of merged) {
      expect(successor(from)).toMatchObject({
        successor: to,
        validTo: "2025-02-28",
        successorConfirmed: false,
      });
    }
    expect(successor("Ban Quản lý các khu công nghiệp tỉnh")).toMatchObject({
      successor: "Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh Tuyên Quang",
      validTo: "2025-06-30",
    });
    expect(successor("Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh Tuyên Quang")?.validFrom).toBe(
      "2025-07-01",
    );
  });

  it("groups the 7 district-level committees, each an agency of the file", () => {
    for (const g of seed.groups) {
      expect(g.members.length).toBeGreaterThan(0);
      expect(g.note).not.toBe("");
      for (const m of g.members) expect(names).toContain(m);
    }
    const districts = seed.groups.find((g) => g.name === "UBND huyện, thành phố");
    expect(districts?.members).toHaveLength(7);
    for (const m of districts?.members ?? []) {
      expect(seed.agencies.find((a) => a.name === m)).toMatchObject({
        level: "district",
        validTo: "2025-06-30",
      });
    }
  });

  it("knows every lead agency of the Tuyên Quang plan, by the catalogue's names", () => {
    const r = new AgencyResolver(seed.agencies);
    const leads = [
      "Sở Thông tin và Truyền thông",
      "Ban Quản lý các khu Công nghiệp",
      "Sở Nông nghiệp và Phát triển nông thôn",
      "Sở Giao thông",
      "Sở Lao động Thương binh và Xã hội",
      "Văn phòng UBND tỉnh",
      "Trung tâm xúc tiến đầu tư",
      "Sở Ngoại vụ",
      "Điện lực Tuyên Quang",
    ];
    for (const p of leads) {
      const name = r.resolve(p).name;
      expect(names, p).toContain(name);
      expect(new AgencyResolver().resolve(p).name, p).toBe(name);
    }
  });
});
