/**
 * The one sentence a leader reads first about a measure (evaluation.ts): the verdict, then the
 * figure it rests on, in the measure's own terms — a level "bằng 85,67% mục tiêu", a growth
 * rate against its goal rate, a count in whole units ("1 cụm công nghiệp, mục tiêu ít nhất 5").
 * After the period's end without the final figure the sentence says so before anything else.
 */
import { type Evaluation, STATUS_LABELS, type Stage, type Status } from "./evaluation.ts";
import { goalWords, num, quantity } from "./evaluation-text.ts";
import type { Bilingual } from "./indicator-values.ts";
import { formatVnPercent } from "./vn-number.ts";

/** After the end, before the final figure: an indicative status, labelled as such. */
const PENDING: Readonly<Partial<Record<Status, Bilingual>>> = {
  on_track: { vi: "Dự kiến đạt (chờ số liệu cuối cùng)", en: "Likely met (final figure pending)" },
  at_risk: {
    vi: "Có nguy cơ không đạt (chờ số liệu cuối cùng)",
    en: "At risk (final figure pending)",
  },
  off_track: { vi: "Dự kiến không đạt (chờ số liệu cuối cùng)", en: "Likely missed (final figure pending)" },
  unknown: { vi: "Chờ số liệu cuối cùng", en: "Awaiting the final figure" },
};

/** The status as it should read at this stage. */
export function stageLabel(status: Status, stage: Stage): Bilingual {
  return (stage === "awaiting_final" ? PENDING[status] : undefined) ?? STATUS_LABELS[status];
}

type Judged = Omit<Evaluation, "verdict">;

/** "năm 2024: 23.730 tỷ đồng, bằng 85,67% mục tiêu trên 27.700 tỷ đồng" and its English. */
function figure(e: Judged, lang: "vi" | "en"): string {
  const m = e.measure;
  const l = e.latest;
  const goal = goalWords(m, e.nature, lang);
  if (!l) return lang === "vi" ? `mục tiêu ${goal}` : `goal ${goal}`;
  const v = quantity(l.value, m.unit, e.nature, lang);
  if (e.nature === "growth_rate")
    return lang === "vi"
      ? `tăng bình quân đến năm ${l.year} là ${v}, mục tiêu ${goal}`
      : `average growth to ${l.year}: ${v}, goal ${goal}`;
  if (e.nature === "count") {
    const short = m.value - l.value;
    return lang === "vi"
      ? `đến hết năm ${l.year}: ${v}, mục tiêu ${goal}${short > 0 ? ` (còn thiếu ${num(short)})` : ""}`
      : `by the end of ${l.year}: ${v}, goal ${goal}${short > 0 ? ` (${num(short)} short)` : ""}`;
  }
  const share =
    m.unit !== "%" && m.value > 0 && l.value > 0
      ? lang === "vi"
        ? `, bằng ${formatVnPercent(Number(((l.value / m.value) * 100).toFixed(1)))} mục tiêu`
        : `, ${Number(((l.value / m.value) * 100).toFixed(1))}% of the goal`
      : "";
  return share
    ? lang === "vi"
      ? `năm ${l.year} đạt ${v}${share} ${goal}`
      : `${l.year}: ${v}${share} (${goal})`
    : lang === "vi"
      ? `năm ${l.year} đạt ${v}; mục tiêu ${goal}`
      : `${l.year}: ${v}; goal ${goal}`;
}

/** The verdict sentence of an evaluation. */
export function verdictOf(e: Judged): Bilingual {
  const label = e.label;
  const y = e.measure.year;
  if (e.stage === "awaiting_final")
    return e.latest
      ? {
          vi: `Đã hết kỳ mục tiêu, chưa có số liệu năm ${y}; ${figure(e, "vi")}.`,
          en: `The period is over, no ${y} figure yet; ${figure(e, "en")}.`,
        }
      : {
          vi: `Đã hết kỳ mục tiêu, chưa có số liệu nào; ${figure(e, "vi")}.`,
          en: `The period is over, no figures at all; ${figure(e, "en")}.`,
        };
  if (!e.latest)
    return {
      vi: `${label.vi}: chưa có số liệu; ${figure(e, "vi")}.`,
      en: `${label.en}: no figures yet; ${figure(e, "en")}.`,
    };
  const ahead =
    e.stage === "tracking" && e.projection && e.projection.projected !== null
      ? {
          vi: `; dự báo năm ${y}: ${quantity(e.projection.projected, e.measure.unit, e.nature, "vi")}`,
          en: `; ${y} projection: ${quantity(e.projection.projected, e.measure.unit, e.nature, "en")}`,
        }
      : e.stage === "tracking" && e.required !== null && e.nature === "level"
        ? {
            vi: `; lộ trình năm ${e.latest.year}: ${quantity(e.required, e.measure.unit, e.nature, "vi")}`,
            en: `; ${e.latest.year} path: ${quantity(e.required, e.measure.unit, e.nature, "en")}`,
          }
        : { vi: "", en: "" };
  return {
    vi: `${label.vi}: ${figure(e, "vi")}${ahead.vi}.`,
    en: `${label.en}: ${figure(e, "en")}${ahead.en}.`,
  };
}
