import { formatNumber } from "../../format.ts";
import { useLang } from "../../lang.tsx";

const W = 120;
const H = 32;

/**
 * A small inline-SVG line of a yearly series, with the goal as a dashed line when it fits the
 * scale. The numbers are also given in words (the title and the tile's text): the line only
 * shows the direction.
 */
export function Sparkline({
  series,
  goal,
}: {
  series: { year: number; value: number }[];
  goal: number | null;
}) {
  const { lang, t } = useLang();
  if (series.length < 2) return null;
  const values = series.map((s) => s.value);
  const all = goal === null ? values : [...values, goal];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const x = (i: number) => 2 + (i * (W - 4)) / (series.length - 1);
  const y = (v: number) => H - 3 - ((v - min) * (H - 6)) / span;
  const points = series.map((s, i) => `${x(i).toFixed(1)},${y(s.value).toFixed(1)}`).join(" ");
  const words = series.map((s) => `${s.year}: ${formatNumber(s.value, lang)}`).join("; ");
  const last = series[series.length - 1] as { value: number };
  return (
    <svg
      className="db-spark"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={t("db.trend", { values: words })}
      data-testid="sparkline"
    >
      {goal !== null && (
        <line x1="0" x2={W} y1={y(goal)} y2={y(goal)} className="db-spark-goal" strokeDasharray="3 3" />
      )}
      <polyline points={points} fill="none" className="db-spark-line" />
      <circle cx={x(series.length - 1)} cy={y(last.value)} r="2.5" className="db-spark-dot" />
    </svg>
  );
}
