/**
 * Tuyên Quang's 2025 reorganisation, recorded and applied the way an administrator would
 * (REGULATIONS.md §5), for `npm start`. Idempotent: a decision already recorded (same province
 * and title) is left as it is. Decision numbers are given only where known:
 * - 01/03/2025, the department mergers: the national pattern of Nghị định 45/2025/NĐ-CP; the
 *   province's own decision number is not confirmed (number null, "chưa xác nhận").
 * - 01/07/2025, the parks board + Hà Giang's economic-zone board → "Ban Quản lý các khu công
 *   nghiệp và khu kinh tế tỉnh Tuyên Quang" (QĐ 2243/QĐ-TTg), after Nghị quyết 202/2025/QH15 of
 *   12/06/2025 merged Hà Giang into Tuyên Quang.
 * - 01/07/2025, the end of district-level government: the 7 UBND huyện/thành phố and their group
 *   pass to the group "UBND các xã, phường". Why a group and no department: in the plan no
 *   district committee leads a task; they appear only as coordinators, through the group "UBND
 *   huyện, thành phố" (52 tasks); their coordinating role passes to the 124 commune-level
 *   committees, whose members are not listed (never invented), so the group asks no report.
 */
import { and, eq } from "drizzle-orm";
import { agencyKey } from "../../importer/agency-resolve.ts";
import { ensureGroup } from "../agencies-store.ts";
import type { Db } from "../connection.ts";
import { agencies, reorganisations } from "../schema.ts";
import type { ChangeInput, ReorganisationInput } from "./input.ts";
import { applyReorganisation, createReorganisation } from "./store.ts";

const PROVINCE = "Tuyên Quang";
export const COMMUNES_GROUP = "UBND các xã, phường";
export const HA_GIANG_EZ_BOARD = "Ban Quản lý Khu kinh tế tỉnh Hà Giang";
export const MERGED_BOARD = "Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh Tuyên Quang";
const DISTRICTS = [
  "UBND thành phố Tuyên Quang",
  "UBND huyện Lâm Bình",
  "UBND huyện Na Hang",
  "UBND huyện Chiêm Hóa",
  "UBND huyện Hàm Yên",
  "UBND huyện Yên Sơn",
  "UBND huyện Sơn Dương",
];

async function idOf(db: Db, name: string): Promise<number> {
  const [row] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.province, PROVINCE), eq(agencies.key, agencyKey(name))));
  if (!row) throw new Error(`agency not in the registry: ${name}`);
  return row.id;
}

/** The two bodies the registry lacks: Hà Giang's economic-zone board and the commune-level group. */
async function ensureBodies(db: Db): Promise<void> {
  const [ez] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.province, PROVINCE), eq(agencies.key, agencyKey(HA_GIANG_EZ_BOARD))));
  if (!ez)
    await db.insert(agencies).values({
      name: HA_GIANG_EZ_BOARD,
      key: agencyKey(HA_GIANG_EZ_BOARD),
      shortName: "BQL KKT Hà Giang",
      kind: "board",
      level: "province",
      province: PROVINCE,
      note: "Cơ quan của tỉnh Hà Giang trước khi hợp nhất vào tỉnh Tuyên Quang (Nghị quyết 202/2025/QH15).",
    });
  const group = await ensureGroup(db, COMMUNES_GROUP, PROVINCE, [
    "UBND các xã, phường, thị trấn",
    "UBND cấp xã",
  ]);
  await db
    .update(agencies)
    .set({
      validFrom: "2025-07-01",
      level: "commune",
      note: "124 đơn vị hành chính cấp xã (117 xã, 7 phường) từ 01/07/2025; thành viên chưa được liệt kê.",
    })
    .where(eq(agencies.id, group));
}

async function decisions(db: Db): Promise<ReorganisationInput[]> {
  const merge = async (from: string[], to: string): Promise<ChangeInput> => ({
    kind: "merge",
    from: await Promise.all(from.map((n) => idOf(db, n))),
    to: await idOf(db, to),
  });
  const communes = await idOf(db, COMMUNES_GROUP);
  return [
    {
      province: PROVINCE,
      title: "Sắp xếp các sở từ 01/03/2025",
      number: null,
      signedOn: null,
      moveAccounts: false,
      effectiveOn: "2025-03-01",
      basis:
        "Theo mô hình chung của Nghị định 45/2025/NĐ-CP; số quyết định của tỉnh Tuyên Quang chưa xác nhận.",
      changes: [
        await merge(["Sở Kế hoạch và Đầu tư"], "Sở Tài chính"),
        await merge(
          ["Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn"],
          "Sở Nông nghiệp và Môi trường",
        ),
        await merge(["Sở Giao thông vận tải"], "Sở Xây dựng"),
        await merge(["Sở Lao động - Thương binh và Xã hội"], "Sở Nội vụ"),
        await merge(["Sở Thông tin và Truyền thông"], "Sở Khoa học và Công nghệ"),
      ],
    },
    {
      province: PROVINCE,
      title: "Hợp nhất Ban Quản lý các khu công nghiệp và Ban Quản lý Khu kinh tế tỉnh Hà Giang",
      number: "2243/QĐ-TTg",
      signedOn: null,
      moveAccounts: false,
      effectiveOn: "2025-07-01",
      basis:
        "Nghị quyết 202/2025/QH15 ngày 12/06/2025 (hợp nhất tỉnh Hà Giang vào tỉnh Tuyên Quang); Quyết định 2243/QĐ-TTg (ngày ký chưa xác nhận).",
      changes: [await merge(["Ban Quản lý các khu công nghiệp tỉnh", HA_GIANG_EZ_BOARD], MERGED_BOARD)],
    },
    {
      province: PROVINCE,
      title: "Kết thúc hoạt động của chính quyền cấp huyện từ 01/07/2025",
      number: null,
      signedOn: null,
      moveAccounts: false,
      effectiveOn: "2025-07-01",
      basis:
        "Nghị quyết 202/2025/QH15 ngày 12/06/2025; từ 01/07/2025 không tổ chức cấp huyện, tỉnh có 124 đơn vị hành chính cấp xã. Văn bản của tỉnh về việc chuyển giao nhiệm vụ chưa xác nhận.",
      changes: [
        ...(await Promise.all(
          DISTRICTS.map(async (d) => ({
            kind: "dissolve" as const,
            from: [await idOf(db, d)],
            to: communes,
          })),
        )),
        { kind: "dissolve", from: [await idOf(db, "UBND huyện, thành phố")], to: communes },
      ],
    },
  ];
}

/** Records and applies the 2025 decisions not yet recorded; returns how many were applied. */
export async function seedReorganisations(db: Db, log: (s: string) => void = () => {}): Promise<number> {
  await ensureBodies(db);
  let n = 0;
  for (const d of await decisions(db)) {
    const [found] = await db
      .select({ id: reorganisations.id })
      .from(reorganisations)
      .where(and(eq(reorganisations.province, d.province), eq(reorganisations.title, d.title)));
    if (found) continue;
    const r = await createReorganisation(db, d, "seed");
    const fx = await applyReorganisation(db, r.id, "seed");
    log(
      `Đã áp dụng sắp xếp "${d.title}": ${fx.assignments.length} phân công chuyển / applied: ${fx.assignments.length} assignments moved`,
    );
    n++;
  }
  return n;
}
