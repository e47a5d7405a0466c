/**
 * A realistic periodic report model for tests of the store, the routes and the page before (and
 * independently of) the builders: the shape build-periodic.ts gives, with two editable sections.
 */
import type { OfficialDocument } from "../../domain/official-document.ts";

export function periodicFixture(planId: number, builtAt = "2022-04-05T02:00:00.000Z"): OfficialDocument {
  return {
    kind: "periodic",
    orientation: "portrait",
    issuerParent: "UBND TỈNH TUYÊN QUANG",
    issuer: "SỞ CÔNG THƯƠNG",
    number: "Số:      /BC-SCT",
    place: "Tuyên Quang",
    date: null,
    title: "BÁO CÁO",
    summary: "Kết quả thực hiện Kế hoạch phát triển công nghiệp Quý I/2022",
    body: [
      { kind: "heading", level: 1, text: "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" },
      {
        kind: "table",
        columns: [
          { header: "Chỉ tiêu", width: 4 },
          { header: "Giá trị", width: 2, align: "right" },
          { header: "% kế hoạch năm", width: 2, align: "right" },
        ],
        rows: [["Giá trị sản xuất công nghiệp (tỷ đồng)", "6.512", "23,4%"]],
        numberRow: true,
      },
      {
        kind: "paragraph",
        section: "targets.evaluation",
        runs: [
          { text: "Giá trị sản xuất công nghiệp Quý I/2022 ước đạt 6.512 tỷ đồng, bằng 23,4% kế hoạch năm." },
        ],
      },
      { kind: "heading", level: 1, text: "III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT" },
      { kind: "paragraph", section: "difficulties", runs: [{ text: "Giá nguyên liệu đầu vào tăng cao." }] },
      { kind: "paragraph", section: "difficulties", runs: [{ text: "Thiếu mặt bằng sạch cho nhà đầu tư." }] },
    ],
    recipients: ["UBND tỉnh (b/c)", "Các sở, ngành", "Lưu: VT, KHTH"],
    signature: { lines: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], name: "" },
    closingMark: true,
    meta: { planId, period: "2022-Q1", builtAt, language: "vi" },
  };
}
