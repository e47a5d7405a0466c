import { describe, expect, it } from "vitest";
import { splitAgencyCell } from "./agency-split.ts";

describe("splitAgencyCell: coordinators", () => {
  // Cells from the Tuyên Quang appendix, the BTNMT KH 09/2024 and the Lào Cai draft (FACTS.md).
  const cases: [string, string[]][] = [
    [
      "Sở Công Thương, các sở ngành liên quan, UBND huyện, thành phố",
      ["Sở Công Thương", "các sở ngành liên quan", "UBND huyện, thành phố"],
    ],
    ["Các sở, ngành liên quan, UBND huyện, thành phố", ["Các sở, ngành liên quan", "UBND huyện, thành phố"]],
    [
      "Các Nhà đầu tư, các sở, ngành liên quan, UBND huyện thành phố",
      ["Các Nhà đầu tư", "các sở, ngành liên quan", "UBND huyện thành phố"],
    ],
    ["Điện lực Tuyên Quang, các đơn vị liên quan", ["Điện lực Tuyên Quang", "các đơn vị liên quan"]],
    [
      "BQL các khu CN tỉnh, các ngành liên quan, UBND huyện, thành phố",
      ["BQL các khu CN tỉnh", "các ngành liên quan", "UBND huyện, thành phố"],
    ],
    [
      "Sở Công Thương, Sở Nông nghiệp và Phát triển nông thôn, UBND huyện, thành phố",
      ["Sở Công Thương", "Sở Nông nghiệp và Phát triển nông thôn", "UBND huyện, thành phố"],
    ],
    ["Các sở, ban, ngành; UBND huyện, thành phố", ["Các sở, ban, ngành", "UBND huyện, thành phố"]],
    ["Các sở, ban, ngành, UBND huyện, thành phố", ["Các sở, ban, ngành", "UBND huyện, thành phố"]],
    [
      "Vụ Pháp chế và các đơn vị có liên quan thuộc Bộ TN&MT.",
      ["Vụ Pháp chế", "các đơn vị có liên quan thuộc Bộ TN&MT"],
    ],
    [
      "Vụ Môi trường, Cục Kiểm soát ô nhiễm môi trường, các đơn vị có liên quan thuộc Bộ TN&MT.",
      ["Vụ Môi trường", "Cục Kiểm soát ô nhiễm môi trường", "các đơn vị có liên quan thuộc Bộ TN&MT"],
    ],
    [
      "Cục Biến đổi khí hậu, Cục Bảo tồn thiên nhiên và Đa dạng sinh học và các đơn vị có liên quan thuộc Bộ TN&MT.",
      [
        "Cục Biến đổi khí hậu",
        "Cục Bảo tồn thiên nhiên và Đa dạng sinh học",
        "các đơn vị có liên quan thuộc Bộ TN&MT",
      ],
    ],
    [
      "Cục Biến đổi khí hậu và các cơ quan, đơn vị có liên quan",
      ["Cục Biến đổi khí hậu", "các cơ quan, đơn vị có liên quan"],
    ],
    [
      "Các Sở, ban, ngành và các cơ quan, đơn vị, địa phương liên quan",
      ["Các Sở, ban, ngành", "các cơ quan, đơn vị, địa phương liên quan"],
    ],
    [
      "Sở Nông nghiệp và Môi trường, các Sở, ban, ngành",
      ["Sở Nông nghiệp và Môi trường", "các Sở, ban, ngành"],
    ],
    [
      "Các Sở, ban, ngành; Các tổ chức, cá nhân hoạt động khoáng sản",
      ["Các Sở, ban, ngành", "Các tổ chức, cá nhân hoạt động khoáng sản"],
    ],
    [
      "Sở Văn hóa, Thể thao và Du lịch, Sở Công Thương",
      ["Sở Văn hóa, Thể thao và Du lịch", "Sở Công Thương"],
    ],
    ["Bộ Văn hóa, Thể thao và Du lịch", ["Bộ Văn hóa, Thể thao và Du lịch"]],
    [
      "Viện Chiến lược, Chính sách tài nguyên và môi trường, Sở Lao động - Thương binh và Xã hội",
      ["Viện Chiến lược, Chính sách tài nguyên và môi trường", "Sở Lao động - Thương binh và Xã hội"],
    ],
    [
      "Cục Chuyển đổi số và Thông tin dữ liệu TNMT, các đơn vị thuộc các Bộ có liên quan.",
      ["Cục Chuyển đổi số và Thông tin dữ liệu TNMT", "các đơn vị thuộc các Bộ có liên quan"],
    ],
    ["Các Sở, ban, ngành và địa phương", ["Các Sở, ban, ngành và địa phương"]],
    ["Các Sở, Ban, Ngành liên quan", ["Các Sở, Ban, Ngành liên quan"]],
  ];
  it.each(cases)("%s", (cell, expected) => {
    expect(splitAgencyCell(cell, "coordinator")).toEqual(expected);
  });
});

describe("splitAgencyCell: leads", () => {
  const cases: [string, string[]][] = [
    ["<i>Sở Nông nghiệp và Phát triển nông thôn,</i>", ["Sở Nông nghiệp và Phát triển nông thôn"]],
    ["<i>Ban Quản lý các khu Công nghiệp</i>", ["Ban Quản lý các khu Công nghiệp"]],
    [
      "Trung tâm Truyền thông TN&MT, Báo TN&MT, Tạp chí TN&MT",
      ["Trung tâm Truyền thông TN&MT, Báo TN&MT, Tạp chí TN&MT"],
    ],
    [
      "Viện Khoa học Khí tượng thủy văn và Biến đổi khí hậu; Viện Chiến lược, Chính sách TN&MT",
      ["Viện Khoa học Khí tượng thủy văn và Biến đổi khí hậu", "Viện Chiến lược, Chính sách TN&MT"],
    ],
    ["Sở Công Thương; Sở Xây dựng", ["Sở Công Thương", "Sở Xây dựng"]],
    ["Các Sở, ban, ngành; UBND các xã, phường", ["Các Sở, ban, ngành", "UBND các xã, phường"]],
    ["Các Sở, ban, ngành và UBND các xã, phường", ["Các Sở, ban, ngành", "UBND các xã, phường"]],
    ["Sở Khoa học và Công nghệ", ["Sở Khoa học và Công nghệ"]],
    ["**Sở Kế hoạch và Đầu tư**", ["Sở Kế hoạch và Đầu tư"]],
  ];
  it.each(cases)("%s", (cell, expected) => {
    expect(splitAgencyCell(cell, "lead")).toEqual(expected);
  });

  it("gives nothing for an empty cell", () => {
    expect(splitAgencyCell("", "lead")).toEqual([]);
    expect(splitAgencyCell("  <i> </i> ", "coordinator")).toEqual([]);
  });

  it("reads decomposed (NFD) text like composed text", () => {
    const nfd = "Sở Công Thương, các sở ngành liên quan".normalize("NFD");
    expect(splitAgencyCell(nfd, "coordinator")).toEqual(["Sở Công Thương", "các sở ngành liên quan"]);
  });
});
