/**
 * The plan's reporting duty, read from its implementation sections: how often agencies report
 * (Decree 09/2019 periods), by when, to whom, through whom, and which body monitors and urges.
 * Tuyên Quang: "định kỳ (tháng, quý, năm) báo cáo … với Ủy ban nhân dân tỉnh, đồng gửi Sở Công
 * Thương"; Lào Cai: "định kỳ hàng năm (trước ngày 10/12) … báo cáo Ủy ban nhân dân tỉnh (qua Sở
 * Nông nghiệp và Môi trường)".
 */
import type { ReportingDuty } from "./plan-json.ts";
import { squash } from "./text.ts";

const BODY = `((?:Ủy ban nhân dân|UBND|Bộ trưởng|Thủ tướng|Chủ tịch|Sở|Ban|Cục|Văn phòng|Tỉnh ủy|Ban Thường vụ)[^,;.()]{0,80}?)`;

function frequenciesIn(s: string): ReportingDuty["frequencies"] {
  const out = new Set<ReportingDuty["frequencies"][number]>();
  const t = s.toLowerCase();
  if (/(hàng|hằng|mỗi)\s+tháng|\(\s*tháng|tháng\s*,|báo cáo tháng/.test(t)) out.add("monthly");
  if (/quý/.test(t)) out.add("quarterly");
  if (/6 tháng|sáu tháng|nửa năm/.test(t)) out.add("half-yearly");
  if (/9 tháng|chín tháng/.test(t)) out.add("nine-month");
  if (/(hàng|hằng|mỗi)\s+năm|,\s*năm\s*\)|(?<![\p{L}])năm\s*\)|báo cáo năm|định kỳ năm/u.test(t))
    out.add("yearly");
  const order = ["monthly", "quarterly", "half-yearly", "nine-month", "yearly"] as const;
  return order.filter((f) => out.has(f));
}

/** Reads the reporting duty from the implementation text; null when the plan states none. */
export function readReportingDuty(implementation: string | null): ReportingDuty | null {
  if (!implementation) return null;
  const text = squash(implementation);
  const sentences = text.split(/(?<=[.;])\s+|\s+-\s+|\s(?=\d{1,2}\.\s)/);
  const duty =
    sentences.find((s) => /định kỳ/i.test(s) && /báo cáo/i.test(s)) ??
    sentences.find((s) => /báo cáo/i.test(s) && frequenciesIn(s).length > 0);
  if (!duty) return null;
  const recipient =
    duty
      .match(
        new RegExp(
          `báo cáo(?:[^.;]{0,80}?)\\s(?:với|về|lên|gửi)?\\s*${BODY}(?=\\s*(?:\\(|,|;|\\.|đồng gửi|về tình hình|về kết quả|tình hình|$))`,
          "u",
        ),
      )?.[1]
      ?.trim() ?? null;
  const via = duty.match(new RegExp(`\\((?:thông\\s+)?qua\\s+${BODY}\\)`, "u"))?.[1]?.trim() ?? null;
  const copyTo =
    duty.match(new RegExp(`đồng gửi\\s+${BODY}(?=\\s*(?:để|,|;|\\.|$))`, "u"))?.[1]?.trim() ?? null;
  const deadline = duty.match(/\((trước ngày[^)]*)\)|(trước ngày \d{1,2}\/\d{1,2}(?:\/\d{4})?)/u);
  const monitor =
    text
      .match(
        new RegExp(
          `(?:Giám đốc\\s+|Thủ trưởng\\s+)?${BODY}\\s*(?:chủ trì[^.]{0,80}?)?(?:theo dõi, đôn đốc|đôn đốc|là cơ quan thường trực)`,
          "u",
        ),
      )?.[1]
      ?.trim() ??
    via ??
    copyTo;
  return {
    frequencies: frequenciesIn(duty),
    deadlineText: deadline?.[1] ?? deadline?.[2] ?? null,
    recipient,
    via: via ?? copyTo,
    monitor,
    text: duty.trim(),
  };
}
