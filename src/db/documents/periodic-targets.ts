/**
 * Part I of the periodic report: each target of the plan, each of its measures with the figure
 * of the period, the percent of the year's plan and of the same period last year, and the
 * evaluation (evaluate.ts evaluatePlanTargets, as of the report's day: only figures known then).
 * A figure of another territorial scope (the merged province from 01/07/2025) is not the
 * measure's and is not used (evaluate.ts).
 */

import { capitalise, countText, periodInWords, vnDateText } from "../../domain/document-wording.ts";
import { STATUS_LABELS } from "../../domain/evaluation.ts";
import type { Block } from "../../domain/official-document.ts";
import { calendarSpan, samePeriodLastYear } from "../../domain/period-span.ts";
import { parsePeriodLabel } from "../../domain/periods.ts";
import { type MeasureFigures, measureSentence } from "../../domain/target-sentence.ts";
import type { Db } from "../connection.ts";
import { evaluatePlanTargets, type MeasureOut } from "../indicators/evaluate.ts";

/** "(phụ lục I kèm theo)" and the final stop go: the report's line names the target. */
export function targetLine(text: string): string {
  return text
    .replace(/\s*\((?:theo )?phụ lục[^)]*\)/giu, "")
    .replace(/[.;\s]+$/u, "")
    .trim();
}

function figures(m: MeasureOut, label: string, periodWords: string, asOf: string): MeasureFigures {
  const year = label.slice(0, 4);
  const used = (period: string) =>
    m.values.find((v) => v.period === period && v.role === "used" && v.sameScope) ?? null;
  const own = used(label);
  const plan = m.values.find((v) => v.period === year && v.kind === "plan" && v.sameScope);
  const point = m.trajectory.trajectory?.points.find((p) => String(p.year) === year);
  const lastYear = used(samePeriodLastYear(label));
  const latest = m.evaluation.latest;
  const cumulative =
    m.derived?.type === "zone_count"
      ? { value: m.derived.count, goal: m.goal.value, upTo: vnDateText(asOf) }
      : null;
  return {
    periodWords,
    unit: m.goal.unit,
    additive: m.indicator?.aggregation === "sum" && m.goal.unit !== "%",
    value: own ? { value: own.value, kindLabel: own.kindLabel.vi } : null,
    yearPlan: plan
      ? { value: plan.value, from: "plan" }
      : point && label !== year
        ? { value: point.required, from: "trajectory" }
        : null,
    lastYear: lastYear?.value ?? null,
    cumulative,
    latestKnown: latest
      ? {
          when: `năm ${latest.year}`,
          value: latest.value,
          kindLabel: (latest as { kind?: string }).kind
            ? (m.values.find((v) => v.kind === (latest as { kind?: string }).kind)?.kindLabel.vi ?? null)
            : null,
        }
      : latestUsed(m),
    evaluation: m.evaluation.statusLabel.vi,
  };
}

/** The latest figure the measure uses (its scope, known by the day), when the evaluation has none. */
function latestUsed(m: MeasureOut): MeasureFigures["latestKnown"] {
  const used = m.values
    .filter((v) => v.role === "used" && v.sameScope && parsePeriodLabel(v.period))
    .sort((a, b) => calendarSpan(a.period).end.localeCompare(calendarSpan(b.period).end));
  const last = used.at(-1);
  return last ? { when: periodInWords(last.period), value: last.value, kindLabel: last.kindLabel.vi } : null;
}

/** The blocks of part I, and each target's overall status (for the tests and the summary). */
export async function targetBlocks(
  db: Db,
  planId: number,
  label: string,
  periodWords: string,
  asOf: string,
): Promise<{ blocks: Block[]; targets: { code: string; status: string }[] }> {
  const evaluation = await evaluatePlanTargets(db, planId, asOf);
  const blocks: Block[] = [{ kind: "heading", level: 1, text: "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" }];
  evaluation.targets.forEach((t, i) => {
    blocks.push({ kind: "heading", level: 2, text: `${i + 1}. ${targetLine(t.text)}` });
    // One measure: the heading names it already; several: each is named before its figures.
    for (const m of t.measures) {
      const sentence = measureSentence(figures(m, label, periodWords, asOf));
      blocks.push(
        t.measures.length === 1
          ? { kind: "paragraph", runs: [{ text: capitalise(sentence) }] }
          : {
              kind: "bullet",
              runs: [{ text: `${targetLine(m.text)}: `, italic: true }, { text: sentence }],
            },
      );
    }
  });
  const by = new Map<string, number>();
  for (const t of evaluation.targets) by.set(t.overall.status, (by.get(t.overall.status) ?? 0) + 1);
  const order = ["exceeded", "achieved", "on_track", "at_risk", "off_track", "missed", "unknown"] as const;
  const parts = order
    .filter((s) => by.has(s))
    .map((s) => `${countText(by.get(s) ?? 0, "chỉ tiêu")} ${STATUS_LABELS[s].vi.toLocaleLowerCase("vi")}`);
  blocks.push({
    kind: "paragraph",
    section: "targets-assessment",
    runs: [
      {
        text: `Đánh giá chung: trong ${countText(evaluation.targets.length, "chỉ tiêu")} của Kế hoạch, đến ngày ${vnDateText(asOf)} có ${parts.join(", ")}.`,
      },
    ],
  });
  return {
    blocks,
    targets: evaluation.targets.map((t) => ({ code: t.code, status: t.overall.status })),
  };
}
