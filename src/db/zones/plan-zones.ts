/**
 * The zones the Tuyên Quang plan names — targets (4) and (5), tasks 3.1 and 3.2 — with the other
 * names they go by: "Nhữ Khê" in target (4) is "Đội Cấn - Nhữ Khê" in task 3.1 and "Nhữ Khê -
 * Đội Cấn" in the zone list. Used to seed the registry and to refuse a second entry of the same
 * zone under another of its names.
 */
import type { ZoneKindCode } from "../indicators/catalogue.ts";

export interface PlanZone {
  name: string;
  aliases?: string[];
  kind: ZoneKindCode;
  district: string;
  /** Where the plan names it. */
  where: string;
}

export const PLAN_ZONES: PlanZone[] = [
  {
    name: "Nam Sơn Dương",
    kind: "industrial_park",
    district: "Sơn Dương",
    where: "mục tiêu (4), nhiệm vụ 3.1",
  },
  { name: "Tam Đa", kind: "industrial_park", district: "Sơn Dương", where: "mục tiêu (4), nhiệm vụ 3.1" },
  {
    name: "Đội Cấn - Nhữ Khê",
    aliases: ["Nhữ Khê", "Nhữ Khê - Đội Cấn"],
    kind: "industrial_park",
    district: "Yên Sơn",
    where: 'mục tiêu (4) ("Nhữ Khê"), nhiệm vụ 3.1',
  },
  {
    name: "Long Bình An",
    kind: "industrial_park",
    district: "TP Tuyên Quang",
    where: "mục tiêu (4), nhiệm vụ 3.1 (mở rộng)",
  },
  {
    name: "Ninh Lai - Thiện Kế",
    kind: "industrial_cluster",
    district: "Sơn Dương",
    where: "nhiệm vụ 3.2 (1)",
  },
  { name: "Tam Đa", kind: "industrial_cluster", district: "Sơn Dương", where: "nhiệm vụ 3.2 (2)" },
  { name: "Phúc Ứng 2", kind: "industrial_cluster", district: "Sơn Dương", where: "nhiệm vụ 3.2 (3)" },
  {
    name: "An Hòa - Long Bình An",
    kind: "industrial_cluster",
    district: "TP Tuyên Quang",
    where: "nhiệm vụ 3.2 (4)",
  },
  {
    name: "Bám trục đường Hồ Chí Minh",
    kind: "industrial_cluster",
    district: "TP Tuyên Quang",
    where: "nhiệm vụ 3.2 (5)",
  },
  { name: "Đội Cấn - Nhữ Khê", kind: "industrial_cluster", district: "Yên Sơn", where: "nhiệm vụ 3.2 (6)" },
  { name: "Yên Sơn", kind: "industrial_cluster", district: "Yên Sơn", where: "nhiệm vụ 3.2 (7)" },
];

/** Every name a zone of this kind goes by (itself, and the plan's aliases when it is one of them). */
export function namesFor(
  name: string,
  kind: ZoneKindCode,
  same: (a: string, b: string) => boolean,
): string[] {
  const p = PLAN_ZONES.find(
    (z) => z.kind === kind && [z.name, ...(z.aliases ?? [])].some((n) => same(n, name)),
  );
  return p ? [name, p.name, ...(p.aliases ?? [])] : [name];
}
