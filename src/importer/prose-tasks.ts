/**
 * Tasks written as prose instead of a table: a heading that names the lead body
 * ("2. Sở Nông nghiệp và Môi trường", "1. Cục Biến đổi khí hậu có trách nhiệm:") followed by
 * items ("a) …", "- …"), or one paragraph that opens with the body ("2. Cục Viễn thám quốc gia
 * chủ trì, phối hợp với …"). Used only when the plan has no task table.
 */
import type { RawTaskRow } from "./task-rows.ts";
import { cleanInline, squash } from "./text.ts";

const AGENCY_START =
  /^(?:Giám đốc\s+|Thủ trưởng\s+|Chủ tịch\s+)?(Sở|Các Sở|Ban|BQL|Cục|Vụ|Viện|UBND|Ủy ban|Uỷ ban|Trung tâm|Văn phòng|Công an|Thanh tra|Thuế|Bộ|Báo|Kho bạc|Ngân hàng|Điện lực|Tỉnh đoàn|Hội|Liên minh|Đài)(?![\p{L}])/u;
const HEADING = /^\s*(\d{1,2})\.\s+(\S.*)$/;
const ITEM = /^\s*(?:([a-zđ])\)|[-–+•])\s+(\S.*)$/;
const DEADLINE =
  /(thường xuyên|hàng năm|hằng năm|hàng quý|hằng quý|hàng tháng|hằng tháng|(?:xong |hoàn thành )?(?:trước|trong)?\s*(?:ngày\s+\d{1,2}\/\d{1,2}\/\d{4}|quý\s+[IV\d]+\/\d{4}|tháng\s+\d{1,2}\/\d{4}|năm\s+(?:19|20)\d{2}))/giu;

function splitLead(text: string): { lead: string; rest: string } | null {
  const t = text.replace(/^(Giám đốc|Thủ trưởng|Chủ tịch)\s+/, "");
  if (!AGENCY_START.test(text)) return null;
  const m = t.match(/^(.{3,160}?)(?:\s+có trách nhiệm|\s+chủ trì|\s+tham mưu|\s*:|$)(.*)$/);
  if (!m?.[1]) return null;
  return { lead: m[1].replace(/[:,]$/, "").trim(), rest: squash(m[2] ?? "").replace(/^[:,]\s*/, "") };
}

function deadlineIn(text: string): string {
  const found = [...text.matchAll(DEADLINE)].map((m) => m[0].trim());
  return found.length ? (found[found.length - 1] ?? "") : "";
}

function coordinatorsIn(text: string): string {
  const m = text.match(
    /phối hợp với\s+([^;.]*?)(?:\s+(?:tổ chức|thực hiện|triển khai|xây dựng|hoàn thiện|tham mưu|rà soát|ứng dụng|trong|để)(?![\p{L}])|[;.]|$)/u,
  );
  return m?.[1]?.trim() ?? "";
}

/** Reads prose-assigned tasks from the body lines [0, end). */
export function proseTasks(
  lines: string[],
  end: number,
): { tasks: RawTaskRow[]; groups: { code: string; title: string }[] } {
  const tasks: RawTaskRow[] = [];
  let current: { code: string; lead: string; items: number } | null = null;
  for (let i = 0; i < end; i++) {
    const line = cleanInline(lines[i] ?? "");
    if (!line) continue;
    if (/^\s*[IVX]+\.\s/.test(line)) {
      current = null;
      continue;
    }
    const h = line.match(HEADING);
    if (h?.[1] && h[2]) {
      const split = splitLead(h[2]);
      current = split ? { code: h[1], lead: split.lead, items: 0 } : null;
      if (split && split.rest.length > 20) {
        tasks.push(row(i, h[1], split.rest, split.lead));
        current = { code: h[1], lead: split.lead, items: 1 };
      }
      continue;
    }
    const item = line.match(ITEM);
    if (current && item?.[2]) {
      current.items++;
      const code = item[1] ? `${current.code}${item[1]}` : `${current.code}.${current.items}`;
      tasks.push(row(i, code, item[2], current.lead));
    }
  }
  return { tasks, groups: [] };
}

function row(i: number, code: string, content: string, lead: string): RawTaskRow {
  const text = squash(content);
  return {
    line: i + 1,
    code,
    content: text,
    lead,
    coordinators: coordinatorsIn(text),
    deadline: deadlineIn(text),
    note: "",
    group: null,
  };
}
