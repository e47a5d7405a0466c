/**
 * The plan's identity from its first page and its closing: title (trích yếu), number
 * ("Số: 09/KH-BTNMT"), issuing body, date ("Hà Nội, ngày 06 tháng 8 năm 2024"), period
 * ("giai đoạn 2021 - 2025"), the documents it implements, and its Roman-numbered sections.
 * Layout per Decree 30/2020 Appendix I (REGULATIONS.md §3).
 */
import type { ImportWarning, PlanHeader } from "./plan-json.ts";
import { readReportingDuty } from "./reporting.ts";
import { cleanInline, squash } from "./text.ts";

const ISSUER_START =
  /^(ỦY BAN|UỶ BAN|UBND|BỘ|SỞ|BAN|TỈNH ỦY|TỈNH UỶ|HỘI ĐỒNG|HĐND|CỤC|TỔNG CỤC|VĂN PHÒNG|THỦ TƯỚNG|CHÍNH PHỦ|TRUNG TÂM|VIỆN|ĐẠI HỌC|TẬP ĐOÀN|TỔNG CÔNG TY|CÔNG AN|THANH TRA)(?![\p{L}])/u;
const ROMAN_HEADING = /^\s*(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\.\s+(\S.*)$/;
const DOC_KIND =
  "Nghị quyết|Chỉ thị|Quyết định|Nghị định|Kết luận|Thông tư|Luật|Công văn|Thông báo|Chương trình|Kế hoạch số|Đề án|Hướng dẫn|Pháp lệnh|Hiến pháp";

export interface Section {
  heading: string;
  text: string;
  startLine: number;
  endLine: number;
}

/** Index of the line that starts the appendix ("PHỤ LỤC…", "Phụ lục"), or lines.length. */
export function appendixStart(lines: string[]): number {
  const i = lines.findIndex(
    (l) => /^\s*\**\s*(PHỤ LỤC|Phụ lục)(?![\p{L}])/u.test(l) && cleanInline(l).length < 200,
  );
  return i < 0 ? lines.length : i;
}

/** Splits the document body (before the appendix) at its Roman-numbered headings. */
export function readSections(lines: string[], end = appendixStart(lines)): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  for (let i = 0; i < end; i++) {
    const line = cleanInline(lines[i] ?? "");
    const m = line.match(ROMAN_HEADING);
    if (m && line.length < 200 && m[2] && m[2] === m[2].toUpperCase()) {
      if (current) sections.push(current);
      current = { heading: line, text: "", startLine: i + 1, endLine: i + 1 };
      continue;
    }
    if (!current) continue;
    if (/^(Nơi nhận|\|?\s*Nơi nhận)/.test(line)) {
      sections.push(current);
      current = null;
      continue;
    }
    current.text = current.text ? `${current.text}\n${line}` : line;
    current.endLine = i + 1;
  }
  if (current) sections.push(current);
  for (const s of sections) s.text = s.text.replace(/\n{2,}/g, "\n").trim();
  return sections;
}

function titleLines(lines: string[]): { title: string | null; index: number; end: number } {
  const limit = Math.min(lines.length, 60);
  for (let i = 0; i < limit; i++) {
    const l = cleanInline(lines[i] ?? "");
    if (/^KẾ HOẠCH$/i.test(l)) {
      const parts: string[] = [];
      let j = i + 1;
      while (j < lines.length && cleanInline(lines[j] ?? "") === "") j++;
      for (; j < lines.length; j++) {
        const t = cleanInline(lines[j] ?? "");
        // Title lines are short; the preamble that follows is a long sentence ("Thực hiện … ban hành …").
        if (
          t === "" ||
          t.length > 220 ||
          /^Căn cứ\s/.test(t) ||
          /(?<![\p{L}])ban hành(?![\p{L}])/u.test(t) ||
          ROMAN_HEADING.test(t)
        )
          break;
        if (/^-{3,}$/.test(t)) continue;
        parts.push(t);
        if (parts.length >= 6) break;
      }
      if (parts.length) return { title: squash(parts.join(" ")), index: i, end: j };
    }
  }
  return { title: null, index: -1, end: 0 };
}

/** The number as written; a blank number in a draft ("Số:   /KH-UBND") becomes "…/KH-UBND". */
function readNumber(head: string): string | null {
  const m = head.match(/Số\s*:?\s*([0-9A-Za-zĐđ.-]*)\s*\/\s*([A-ZĐ][A-ZĐ0-9-]*(?:\/[A-ZĐ0-9-]+)?)/);
  if (!m) return null;
  const n = m[1]?.trim();
  return `${n ? n : "…"}/${m[2]}`;
}

function readIssuedOn(head: string): { date: string | null; year: number | null } {
  const m = head.match(/,\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const iso = `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    const ok = !Number.isNaN(Date.parse(iso)) && new Date(iso).getUTCDate() === d;
    return { date: ok ? iso : null, year: y };
  }
  const y = head.match(/,\s*ngày\s+[.…\s]*tháng\s+[.…\s]*năm\s+(\d{4})/);
  return { date: null, year: y ? Number(y[1]) : null };
}

/** The province most named in the text ("tỉnh Tuyên Quang"), used to complete "Ủy ban nhân dân tỉnh". */
export function mainProvince(text: string): string | null {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/tỉnh\s+((?:[A-ZĐÂĂÊÔƠƯ][\p{Ll}]*\s?){1,3})/gu)) {
    const name = m[1]?.trim();
    if (!name) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [k, v] of counts) if (v > n) [best, n] = [k, v];
  return best;
}

/**
 * The province of a plan issued by a provincial body ("Ủy ban nhân dân tỉnh Lào Cai" → "Lào Cai");
 * null for a ministry or other central body, whose agencies are national.
 */
export function provinceOf(issuer: string | null, mostNamed: string | null): string | null {
  if (!issuer) return mostNamed;
  const m = issuer.match(/(?:tỉnh|thành phố)\s+(\p{Lu}[\p{L} ]*)$/u);
  if (m?.[1]) return m[1].trim();
  if (/^(Bộ|Chính phủ|Thủ tướng|Tổng cục|Cục|Văn phòng Chính phủ)(?![\p{L}])/u.test(issuer)) return null;
  return /tỉnh|UBND|Ủy ban nhân dân/u.test(issuer) ? mostNamed : null;
}

/** Finds `phrase` in the body with its natural casing ("BỘ TÀI NGUYÊN…" → "Bộ Tài nguyên…"). */
function naturalCase(phrase: string, text: string): string {
  const flat = squash(phrase).toLowerCase();
  const body = squash(text);
  const idx = body.toLowerCase().indexOf(flat);
  let best: string | null = null;
  for (let i = idx; i >= 0; i = body.toLowerCase().indexOf(flat, i + 1)) {
    const found = body.slice(i, i + flat.length);
    if (found !== found.toUpperCase()) {
      best = found;
      break;
    }
  }
  if (best) return best;
  const lower = flat;
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function readIssuer(lines: string[], text: string, province: string | null): string | null {
  // The header's left cell: "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG -------".
  for (const raw of lines.slice(0, 8)) {
    const first = cleanInline(raw.replace(/^\s*\|/, "").split("|")[0] ?? "");
    const upper = first
      .replace(/-{2,}|_{2,}/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    if (upper === upper.toUpperCase() && ISSUER_START.test(upper)) {
      return naturalCase(upper, text);
    }
  }
  // No header: "… Ủy ban nhân dân tỉnh ban hành Kế hoạch …".
  const m = squash(text).match(/([A-ZĐỦ][\p{L} ]{3,80}?)\s+ban hành\s+(?:Kế hoạch|kế hoạch)/u);
  if (m?.[1]) {
    let issuer = m[1]
      .replace(/^.*?(?<![\p{L}])(Ủy ban|Uỷ ban|UBND|Bộ|Ban|Sở|Tỉnh ủy)(?![\p{L}])/u, "$1")
      .trim();
    if (/(?<![\p{L}])tỉnh$/u.test(issuer) && province) issuer = `${issuer} ${province}`;
    return issuer;
  }
  return null;
}

function readBasis(lines: string[], from: number, to: number): string[] {
  const pre = squash(
    lines
      .slice(from, to)
      .map((l) => cleanInline(l))
      .join(" "),
  );
  const start = pre.search(/(?<![\p{L}])(Thực hiện|Căn cứ|Triển khai thực hiện)(?![\p{L}])/u);
  if (start < 0) return [];
  let body = pre.slice(start);
  const issued = body.search(/[,.;]\s*[^,.;]{0,80}\sban hành(?![\p{L}])/u);
  if (issued > 0) body = body.slice(0, issued);
  const re = new RegExp(
    `(?:^|[;,.]\\s*|\\s+và\\s+|(?:Thực hiện|Căn cứ|Triển khai thực hiện)\\s+)(?=(?:${DOC_KIND})(?![\\p{L}]))`,
    "gu",
  );
  const cuts = [...body.matchAll(re)].map((m) => (m.index ?? 0) + m[0].length);
  const out: string[] = [];
  cuts.forEach((c, i) => {
    const end = i + 1 < cuts.length ? (cuts[i + 1] ?? body.length) : body.length;
    let item = body.slice(c, end);
    item = item
      .replace(/\s+và\s*$/, "")
      .replace(/[\s;,.]+$/, "")
      .trim();
    item = item
      .replace(new RegExp(`\\s*\\((?:viết tắt là[^)]*|(?:${DOC_KIND})\\s+số[^)]*)\\)\\s*$`, "u"), "")
      .trim();
    if (item.length > 8) out.push(item);
  });
  // The same document cited twice (once in the title, once in the preamble) is one basis.
  const seen = new Set<string>();
  return out.filter((b) => {
    const key = b.match(/số\s+([0-9][\w/.-]*)/u)?.[1] ?? b;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function readPeriod(title: string | null, text: string): { start: number | null; end: number | null } {
  const sources = [title ?? "", text.slice(0, 3000)];
  for (const s of sources) {
    const m = s.match(/(?:giai đoạn|thời kỳ|nhiệm kỳ)?\s*((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})/);
    if (m && (s === title || /giai đoạn|thời kỳ/.test(m[0])))
      return { start: Number(m[1]), end: Number(m[2]) };
    const y = s === title ? s.match(/(?<![\p{L}])năm\s+((?:19|20)\d{2})(?!\d)/u) : null;
    if (y) return { start: Number(y[1]), end: Number(y[1]) };
  }
  return { start: null, end: null };
}

/** Reads the header fields of a plan. Problems become warnings, never guesses. */
export function readPlanHeader(
  lines: string[],
  sourceName: string,
): { header: PlanHeader; warnings: ImportWarning[] } {
  const warnings: ImportWarning[] = [];
  const text = lines.join("\n");
  const { title, index, end: titleEnd } = titleLines(lines);
  const headText = lines.slice(0, Math.max(index, 0) + 4).join("\n");
  const province = mainProvince(text);
  const sections = readSections(lines);
  const firstSection = sections[0]?.startLine ?? Math.min(lines.length, index + 30);
  const issued = readIssuedOn(headText);
  const period = readPeriod(title, text);
  const header: PlanHeader = {
    title: title ?? sourceName,
    number: readNumber(headText) ?? readNumber(text.slice(text.search(/Kèm theo|kèm theo/))),
    issuer: readIssuer(lines, text, province),
    province: null,
    issuedOn: issued.date,
    periodStart: period.start,
    periodEnd: period.end,
    basis: readBasis(lines, titleEnd, firstSection - 1),
    sections: sections.map((s) => ({ heading: s.heading, text: s.text })),
    implementation:
      sections
        .filter((s) => /TỔ CHỨC THỰC HIỆN|CHẾ ĐỘ BÁO CÁO/i.test(s.heading))
        .map((s) => `${s.heading}\n${s.text}`)
        .join("\n\n") || null,
    reporting: null,
  };
  header.reporting = readReportingDuty(header.implementation);
  header.province = provinceOf(header.issuer, province);
  if (!title)
    warnings.push({
      where: "header",
      code: "title_missing",
      message: 'No "KẾ HOẠCH" title block found; the file name is used as the title.',
    });
  if (!header.number)
    warnings.push({
      where: "header",
      code: "number_missing",
      message: "The plan's number (Số: …/KH-…) is not in the document.",
    });
  else if (header.number.startsWith("…"))
    warnings.push({
      where: "header",
      code: "number_blank",
      message: `The plan's number is left blank (${header.number}): a draft.`,
    });
  if (!header.issuer)
    warnings.push({
      where: "header",
      code: "issuer_missing",
      message: "The issuing body could not be read.",
    });
  if (!header.issuedOn)
    warnings.push({
      where: "header",
      code: "date_missing",
      message: issued.year
        ? `The issue date is left blank (year ${issued.year}).`
        : "The issue date is not in the document.",
    });
  if (!header.reporting)
    warnings.push({
      where: "section IV",
      code: "reporting_missing",
      message: "No reporting duty (định kỳ … báo cáo) was found.",
    });
  return { header, warnings };
}

/** The issue year, even when day and month are blank (used to infer a missing period). */
export function issueYear(lines: string[]): number | null {
  return readIssuedOn(lines.slice(0, 12).join("\n")).year;
}
