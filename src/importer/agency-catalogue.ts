/**
 * Built-in catalogue of standard Vietnamese provincial agencies, so the importer can recognise
 * a body by any of the ways plans write it (GLOSSARY.md "Bodies": "BQL các khu CN tỉnh",
 * "Sở Giao thông", "Văn phòng UBND tỉnh" …) without a province's own registry.
 *
 * Names are the generic provincial forms ("Sở Công Thương", "Thanh tra tỉnh"): every province
 * has one of each, so the canonical name carries no province. A province's registry (with its
 * own dates and successor links) is passed to the resolver separately, see data/seeds/.
 *
 * Both the departments before and after the March 2025 mergers are listed (REGULATIONS.md §5):
 * plans written before 2025 name the old ones, later plans the new ones, and the same catalogue
 * must read both. `successor` records the *national* pattern only; whether a given province
 * followed it is a fact of that province's registry, not of this catalogue.
 */
import type { AgencyKind, AgencyLevel } from "./plan-json.ts";

export interface CatalogueAgency {
  /** Canonical name, the form stored and shown. */
  name: string;
  kind: AgencyKind;
  level: AgencyLevel;
  /** The usual abbreviation in official correspondence ("Sở KH&ĐT"). */
  shortName?: string;
  /** Other spellings and abbreviations that mean this body. */
  aliases: string[];
  /** National 2025 pattern: the body this one was merged into (REGULATIONS.md §5). */
  successor?: string;
}

/** A standard vague group (GLOSSARY.md: "a vague group: not one agency … never invent members"). */
export interface CatalogueGroup {
  name: string;
  kind: AgencyKind | null;
  level: AgencyLevel | null;
  aliases: string[];
}

const dept = (
  name: string,
  shortName: string,
  aliases: string[] = [],
  successor?: string,
): CatalogueAgency => ({
  name,
  kind: "department",
  level: "province",
  shortName,
  aliases,
  ...(successor ? { successor } : {}),
});

/** Provincial departments (Sở), old and new. */
const DEPARTMENTS: CatalogueAgency[] = [
  dept("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", ["KH&ĐT", "Sở KHĐT", "SKHĐT"], "Sở Tài chính"),
  dept("Sở Tài chính", "STC", ["Sở TC"]),
  dept("Sở Công Thương", "SCT", ["Sở CT"]),
  dept("Sở Xây dựng", "SXD", ["Sở XD"]),
  dept("Sở Giao thông vận tải", "Sở GTVT", ["GTVT", "Sở GT-VT", "Sở Giao thông - Vận tải"], "Sở Xây dựng"),
  dept(
    "Sở Tài nguyên và Môi trường",
    "Sở TN&MT",
    ["TN&MT", "Sở TNMT", "STNMT"],
    "Sở Nông nghiệp và Môi trường",
  ),
  dept(
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở NN&PTNT",
    ["NN&PTNT", "Sở NNPTNT", "SNN&PTNT"],
    "Sở Nông nghiệp và Môi trường",
  ),
  dept("Sở Nông nghiệp và Môi trường", "Sở NN&MT", ["NN&MT", "Sở NNMT"]),
  dept(
    "Sở Lao động - Thương binh và Xã hội",
    "Sở LĐ-TB&XH",
    ["LĐ-TB&XH", "Sở LĐTB&XH", "Sở LĐTBXH", "Sở Lao động, Thương binh và Xã hội"],
    "Sở Nội vụ",
  ),
  dept("Sở Nội vụ", "SNV", ["Sở NV"]),
  dept("Sở Thông tin và Truyền thông", "Sở TT&TT", ["TT&TT", "Sở TTTT", "STTTT"], "Sở Khoa học và Công nghệ"),
  dept("Sở Khoa học và Công nghệ", "Sở KH&CN", ["KH&CN", "Sở KHCN"]),
  dept("Sở Giáo dục và Đào tạo", "Sở GD&ĐT", ["GD&ĐT", "Sở GDĐT"]),
  dept("Sở Y tế", "SYT"),
  dept("Sở Văn hóa, Thể thao và Du lịch", "Sở VH,TT&DL", ["Sở VHTTDL", "Sở Văn hóa Thể thao và Du lịch"]),
  dept("Sở Tư pháp", "STP"),
  dept("Sở Ngoại vụ", "SNgV"),
  dept("Sở Dân tộc và Tôn giáo", "Sở DT&TG", ["Sở DTTG"]),
  dept("Ban Dân tộc tỉnh", "Ban Dân tộc", [], "Sở Dân tộc và Tôn giáo"),
];

/** Other provincial bodies that appear as leads or coordinators. */
const OTHERS: CatalogueAgency[] = [
  {
    name: "Ủy ban nhân dân tỉnh",
    kind: "people_committee",
    level: "province",
    shortName: "UBND tỉnh",
    aliases: ["Uỷ ban nhân dân tỉnh"],
  },
  {
    name: "Văn phòng Ủy ban nhân dân tỉnh",
    kind: "office",
    level: "province",
    shortName: "VP UBND tỉnh",
    aliases: ["Văn phòng UBND tỉnh", "VPUBND tỉnh"],
  },
  {
    name: "Ban Quản lý các khu công nghiệp tỉnh",
    kind: "board",
    level: "province",
    shortName: "BQL các KCN",
    aliases: ["BQL các khu CN tỉnh", "Ban Quản lý các KCN", "Ban Quản lý các khu công nghiệp"],
  },
  {
    name: "Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh",
    kind: "board",
    level: "province",
    shortName: "BQL các KCN và KKT",
    aliases: ["Ban Quản lý các KCN và KKT"],
  },
  {
    name: "Trung tâm Xúc tiến đầu tư",
    kind: "centre",
    level: "province",
    shortName: "TT XTĐT",
    aliases: ["Trung tâm Xúc tiến đầu tư tỉnh", "Trung tâm Xúc tiến đầu tư, thương mại và du lịch"],
  },
  { name: "Thanh tra tỉnh", kind: "department", level: "province", shortName: "TTr tỉnh", aliases: [] },
  { name: "Công an tỉnh", kind: "department", level: "province", shortName: "CA tỉnh", aliases: [] },
  {
    name: "Bộ Chỉ huy Quân sự tỉnh",
    kind: "department",
    level: "province",
    shortName: "BCH QS tỉnh",
    aliases: ["BCHQS tỉnh"],
  },
  { name: "Thuế tỉnh", kind: "department", level: "province", aliases: [] },
  { name: "Cục Thuế tỉnh", kind: "department", level: "province", aliases: [], successor: "Thuế tỉnh" },
  {
    name: "Kho bạc Nhà nước tỉnh",
    kind: "department",
    level: "province",
    shortName: "KBNN tỉnh",
    aliases: [],
  },
  { name: "Cục Hải quan tỉnh", kind: "department", level: "province", aliases: [] },
  { name: "Cục Thống kê tỉnh", kind: "department", level: "province", aliases: ["Thống kê tỉnh"] },
  {
    name: "Ngân hàng Nhà nước chi nhánh tỉnh",
    kind: "other",
    level: "province",
    shortName: "NHNN tỉnh",
    aliases: ["Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh"],
  },
  {
    name: "Đài Phát thanh và Truyền hình tỉnh",
    kind: "other",
    level: "province",
    shortName: "Đài PT-TH tỉnh",
    aliases: ["Đài PTTH tỉnh"],
  },
  {
    name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    kind: "other",
    level: "province",
    shortName: "Ủy ban MTTQ tỉnh",
    aliases: ["Ủy ban MTTQ Việt Nam tỉnh"],
  },
  { name: "Tỉnh đoàn", kind: "other", level: "province", aliases: [] },
  {
    name: "Liên minh Hợp tác xã tỉnh",
    kind: "other",
    level: "province",
    shortName: "LMHTX tỉnh",
    aliases: [],
  },
  {
    name: "Hiệp hội Doanh nghiệp tỉnh",
    kind: "other",
    level: "province",
    shortName: "Hiệp hội DN tỉnh",
    aliases: [],
  },
  { name: "Bảo hiểm xã hội tỉnh", kind: "other", level: "province", shortName: "BHXH tỉnh", aliases: [] },
];

/**
 * Provinces and centrally-run cities before 01/07/2025 (the 34 after the mergers keep names from
 * this list). Used to drop "tỉnh <name>" from matching keys and to name each power company.
 */
// biome-ignore format: a list of names reads better packed
export const PROVINCES: readonly string[] = [
  "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre",
  "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng",
  "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam",
  "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hồ Chí Minh", "Hưng Yên",
  "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An",
  "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam",
  "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình",
  "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang",
  "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
];

/** Centrally-run cities: "UBND thành phố Hà Nội" is province level, "UBND thành phố Tuyên Quang" is not. */
export const CENTRAL_CITIES: readonly string[] = [
  "Hà Nội",
  "Hồ Chí Minh",
  "Hải Phòng",
  "Đà Nẵng",
  "Cần Thơ",
  "Huế",
];

/**
 * Each province's power company is a state enterprise, not a department (GLOSSARY.md:
 * "Điện lực Tuyên Quang … a state enterprise"); its name carries the province, so one entry each.
 */
const POWER_COMPANIES: CatalogueAgency[] = PROVINCES.map((p) => ({
  name: `Điện lực ${p}`,
  kind: "enterprise",
  level: "province",
  shortName: `PC ${p}`,
  aliases: [`Công ty Điện lực ${p}`],
}));

/** The catalogue the resolver uses by default. */
export const AGENCY_CATALOGUE: readonly CatalogueAgency[] = [...DEPARTMENTS, ...OTHERS, ...POWER_COMPANIES];

/**
 * Groups that recur across plans, with the spelling we store. "known" for a group means it is
 * one of these; any other "các …" phrase is still a group, just not a standard one.
 */
export const STANDARD_GROUPS: readonly CatalogueGroup[] = [
  {
    name: "Các sở, ngành liên quan",
    kind: "department",
    level: "province",
    aliases: ["Các sở ngành liên quan", "Các sở, ngành có liên quan"],
  },
  { name: "Các sở, ban, ngành", kind: "department", level: "province", aliases: ["Các sở ban ngành"] },
  { name: "Các ngành liên quan", kind: null, level: "province", aliases: [] },
  { name: "Các đơn vị liên quan", kind: null, level: null, aliases: ["Các đơn vị có liên quan"] },
  { name: "Các Nhà đầu tư", kind: null, level: null, aliases: ["Các nhà đầu tư"] },
  {
    name: "UBND huyện, thành phố",
    kind: "people_committee",
    level: "district",
    aliases: ["UBND huyện thành phố", "UBND các huyện, thành phố", "Ủy ban nhân dân các huyện, thành phố"],
  },
  { name: "UBND cấp huyện", kind: "people_committee", level: "district", aliases: ["UBND các huyện"] },
  {
    name: "UBND các xã, phường",
    kind: "people_committee",
    level: "commune",
    aliases: ["UBND xã, phường", "UBND cấp xã", "UBND các xã, phường, thị trấn"],
  },
];
