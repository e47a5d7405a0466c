/**
 * Contradictions and caveats in a set of figures, to be shown, never hidden or "fixed":
 *  - an outcome (estimate, preliminary, official) equal to the plan figure of the same period —
 *    often the plan restated, not a measurement;
 *  - figures of one indicator and period in different territorial scopes (before and after the
 *    2025 merger with Hà Giang): not comparable, never combined;
 *  - two figures of the same kind, period and scope that differ, neither a recorded revision;
 *  - a source the file itself marks as incomplete ("source text cut off");
 *  - a related figure that is not the target's measure (industry AND construction vs industry);
 *  - a reported growth rate that disagrees with the growth computed from the levels.
 */

import { periodWords, scopeWords } from "../../domain/evaluation-text.ts";
import type { Bilingual } from "../../domain/indicator-values.ts";
import { formatVnNumber, formatVnPercent } from "../../domain/vn-number.ts";
import type { IndicatorFormula } from "./catalogue.ts";

export interface NoteValue {
  id?: number;
  /** Line of the source file, when the figure comes from one. */
  line?: number;
  indicator: string;
  period: string;
  scope: string;
  kind: string;
  value: number;
  source: string;
  comment?: string | null;
  revisesId?: number | null;
}

export interface Note {
  code:
    | "outcome_equals_plan"
    | "several_scopes"
    | "same_kind_differs"
    | "source_incomplete"
    | "not_comparable"
    | "growth_mismatch"
    | "zone_data"
    | "seed_problem";
  indicator: string;
  period?: string;
  message: Bilingual;
  valueIds?: number[];
  lines?: number[];
}

const num = (n: number) => formatVnNumber(Number(n.toFixed(2)));
const OUTCOMES = new Set(["estimate", "preliminary", "official"]);
const KIND_VI: Readonly<Record<string, string>> = {
  plan: "kế hoạch",
  estimate: "ước tính",
  preliminary: "sơ bộ",
  official: "chính thức",
};

function refs(vs: NoteValue[]): Pick<Note, "valueIds" | "lines"> {
  const ids = vs.map((v) => v.id).filter((x): x is number => x !== undefined);
  const lines = vs.map((v) => v.line).filter((x): x is number => x !== undefined);
  return { ...(ids.length ? { valueIds: ids } : {}), ...(lines.length ? { lines } : {}) };
}

export function findContradictions(
  values: readonly NoteValue[],
  indicators: readonly { code: string; formula: unknown; nameVi?: string; nameEn?: string }[],
): Note[] {
  const notes: Note[] = [];
  // Prose names the indicator, the period and the territory in words, never by their codes.
  const named = new Map(indicators.map((i) => [i.code, i]));
  const nm = (code: string, lang: "vi" | "en") => {
    const n = lang === "vi" ? named.get(code)?.nameVi : named.get(code)?.nameEn;
    return n ? `“${n}”` : code;
  };
  const pv = (p: string) => {
    const w = periodWords(p, "vi");
    return w.charAt(0).toLowerCase() + w.slice(1);
  };
  const pe = (p: string) => periodWords(p, "en");
  const sv = (s: string) => scopeWords(s, "vi");
  const se = (s: string) => scopeWords(s, "en");
  const kv = (k: string) => KIND_VI[k] ?? k;
  const by = new Map<string, NoteValue[]>();
  for (const v of values) {
    const k = `${v.indicator}\u0000${v.period}`;
    by.set(k, [...(by.get(k) ?? []), v]);
  }
  for (const group of by.values()) {
    const first = group[0] as NoteValue;
    const { indicator, period } = first;
    const scopes = [...new Set(group.map((v) => v.scope))];
    if (scopes.length > 1) {
      const list = scopes
        .map(
          (s) =>
            `${group
              .filter((v) => v.scope === s)
              .map((v) => num(v.value))
              .join(" / ")} (${sv(s)})`,
        )
        .join("; ");
      const listEn = scopes
        .map(
          (s) =>
            `${group
              .filter((v) => v.scope === s)
              .map((v) => num(v.value))
              .join(" / ")} (${se(s)})`,
        )
        .join("; ");
      notes.push({
        code: "several_scopes",
        indicator,
        period,
        message: {
          vi: `${nm(indicator, "vi")} kỳ ${pv(period)} có số liệu của ${scopes.length} phạm vi khác nhau: ${list}. Không so sánh, không cộng gộp: mục tiêu của kế hoạch tính cho tỉnh Tuyên Quang trước sáp nhập.`,
          en: `${nm(indicator, "en")}, ${pe(period)}, has figures for ${scopes.length} territorial scopes: ${listEn}. Not comparable, never combined: the plan's targets are for pre-merger Tuyên Quang.`,
        },
        ...refs(group),
      });
    }
    for (const scope of scopes) {
      const mine = group.filter((v) => v.scope === scope);
      for (const plan of mine.filter((v) => v.kind === "plan")) {
        const equal = mine.filter((v) => OUTCOMES.has(v.kind) && v.value === plan.value);
        for (const o of equal)
          notes.push({
            code: "outcome_equals_plan",
            indicator,
            period,
            message: {
              vi: `${nm(indicator, "vi")} kỳ ${pv(period)} (${sv(scope)}): số ${kv(o.kind)} ${num(o.value)} đúng bằng số kế hoạch ${num(plan.value)} — có thể chỉ là nhắc lại kế hoạch, chưa phải số thực hiện.`,
              en: `${nm(indicator, "en")}, ${pe(period)} (${se(scope)}): the "${o.comment ?? o.kind}" figure ${num(o.value)} equals the "${plan.comment ?? plan.kind}" figure ${num(plan.value)} — possibly the plan restated, not a measurement.`,
            },
            ...refs([plan, o]),
          });
      }
      for (const kind of new Set(mine.map((v) => v.kind))) {
        const same = mine.filter((v) => v.kind === kind);
        const distinct = new Set(same.map((v) => v.value));
        const revisions = same.filter((v) => v.revisesId != null).length;
        if (distinct.size > 1 && revisions < same.length - 1)
          notes.push({
            code: "same_kind_differs",
            indicator,
            period,
            message: {
              vi: `${nm(indicator, "vi")} kỳ ${pv(period)} (${sv(scope)}) có ${same.length} số liệu ${kv(kind)} khác nhau: ${same.map((v) => `${num(v.value)} (${v.source})`).join("; ")}.`,
              en: `${nm(indicator, "en")}, ${pe(period)} (${se(scope)}), has ${same.length} different ${kind} figures: ${same.map((v) => `${num(v.value)} (${v.source})`).join("; ")}.`,
            },
            ...refs(same),
          });
      }
    }
  }
  for (const v of values)
    if (/cut off|bị cắt|không đầy đủ/i.test(v.comment ?? ""))
      notes.push({
        code: "source_incomplete",
        indicator: v.indicator,
        period: v.period,
        message: {
          vi: `${nm(v.indicator, "vi")} kỳ ${pv(v.period)}: trích dẫn nguồn bị cắt, không đầy đủ — cần đối chiếu văn bản gốc trước khi dùng.`,
          en: `${nm(v.indicator, "en")}, ${pe(v.period)}: the source is marked "${v.comment}" — check the original before relying on it.`,
        },
        ...refs([v]),
      });
  for (const ind of indicators) {
    const f = ind.formula as IndicatorFormula | null;
    if (!f) continue;
    if ((f.type === "reported" || f.type === "zone_occupancy") && f.related)
      for (const r of f.related) {
        const theirs = values.filter((v) => v.indicator === r.indicator);
        if (theirs.length === 0) continue;
        const list = theirs.map((v) => `${num(v.value)} (${pv(v.period)}, ${sv(v.scope)})`).join("; ");
        const listEn = theirs.map((v) => `${num(v.value)} (${pe(v.period)}, ${se(v.scope)})`).join("; ");
        notes.push({
          code: "not_comparable",
          indicator: ind.code,
          message: {
            vi: `${nm(ind.code, "vi")} và ${nm(r.indicator, "vi")} (${list}) không phải cùng một chỉ tiêu: ${r.note.vi}`,
            en: `${nm(ind.code, "en")} and ${nm(r.indicator, "en")} (${listEn}) are not the same measure: ${r.note.en}`,
          },
          ...refs(theirs),
        });
      }
    if (f.type === "reported" && f.levelIndicator) {
      const level = f.levelIndicator;
      const yearly = (code: string, kinds: Set<string>) =>
        values.filter((v) => v.indicator === code && /^\d{4}$/.test(v.period) && kinds.has(v.kind));
      for (const g of yearly(ind.code, OUTCOMES)) {
        const y = Number(g.period);
        const cur = yearly(level, OUTCOMES).filter((v) => v.period === String(y) && v.scope === g.scope);
        const prev = yearly(level, OUTCOMES).filter((v) => v.period === String(y - 1) && v.scope === g.scope);
        const a = prev.at(-1);
        const b = cur.at(-1);
        if (!a || !b || a.value <= 0) continue;
        const computed = (b.value / a.value - 1) * 100;
        if (Math.abs(computed - g.value) > 0.15)
          notes.push({
            code: "growth_mismatch",
            indicator: ind.code,
            period: g.period,
            message: {
              vi: `${nm(ind.code, "vi")} ${pv(g.period)}: tốc độ tăng được báo cáo ${formatVnPercent(g.value)} khác tốc độ tính từ giá trị (${num(b.value)} ÷ ${num(a.value)} − 1 = ${formatVnPercent(Number(computed.toFixed(2)))}).`,
              en: `${nm(ind.code, "en")}, ${pe(g.period)}: the reported growth ${formatVnPercent(g.value)} differs from the growth computed from the values (${num(b.value)} ÷ ${num(a.value)} − 1 = ${formatVnPercent(Number(computed.toFixed(2)))}).`,
            },
            ...refs([g, a, b]),
          });
      }
    }
  }
  return notes;
}
