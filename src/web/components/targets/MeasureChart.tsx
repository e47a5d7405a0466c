import { formatNumber } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import type { MeasureOut, Point, ValueKind } from "./types.ts";

const W = 360;
const H = 190;
const PAD = { left: 58, right: 14, top: 12, bottom: 26 };

/** A figure's year from its period ("2023", "2023-Q4" → 2023); null when none. */
export function yearOf(period: string): number | null {
  const m = /^(\d{4})/.exec(period);
  return m ? Number(m[1]) : null;
}

/** Round, readable tick values covering [lo, hi]. */
function ticks(lo: number, hi: number, n = 4): number[] {
  if (hi === lo) return [lo];
  const raw = (hi - lo) / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

function Marker({ kind, x, y }: { kind: ValueKind; x: number; y: number }) {
  const common = { className: `mk mk-${kind}`, "data-kind": kind } as const;
  switch (kind) {
    case "official":
      return <circle {...common} cx={x} cy={y} r={4} />;
    case "preliminary":
      return <circle {...common} cx={x} cy={y} r={4} fill="#fff" />;
    case "estimate":
      return <path {...common} d={`M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z`} fill="#fff" />;
    default:
      return <path {...common} d={`M${x} ${y - 5}L${x + 5} ${y + 4}L${x - 5} ${y + 4}Z`} />;
  }
}

/** Actual figures (marker by kind), the trajectory (dashed) and the projection (dotted, with its band). */
export function MeasureChart({ m }: { m: MeasureOut }) {
  const { lang, t } = useLang();
  const actual: { year: number; value: number; kind: ValueKind }[] = [];
  // A growth rate or a count is judged on its computed series (the average since the base year,
  // the decisions counted), not on the reported yearly figures behind it: plot what is judged.
  if (m.nature && m.nature !== "level")
    for (const o of m.observations) actual.push({ year: o.year, value: o.value, kind: o.kind ?? "official" });
  else
    for (const v of m.values) {
      // Yearly figures only (a quarter or month is not on the yearly axis).
      const year = /^\d{4}$/.test(v.period.trim()) ? Number(v.period.trim()) : null;
      const value = Number(v.value);
      if (year === null || v.role === "superseded" || !v.sameScope || !Number.isFinite(value)) continue;
      if (actual.some((a) => a.year === year && a.kind === v.kind)) continue;
      actual.push({ year, value, kind: v.kind });
    }
  actual.sort((a, b) => a.year - b.year);
  const outcomes = actual.filter((a) => a.kind !== "plan");
  const traj: Point[] = (m.trajectory.trajectory?.points ?? [])
    .map((q) => ({ year: Number(q.year), value: Number(q.value) }))
    .filter((q) => Number.isFinite(q.value));
  const p = m.projection;
  const last = outcomes[outcomes.length - 1] ?? null;
  const proj =
    p && p.projected !== null && Number.isFinite(Number(p.projected)) && last && p.targetYear > last.year
      ? { from: last, to: { year: p.targetYear, value: Number(p.projected) } }
      : null;
  const low = p?.low == null ? null : Number(p.low);
  const high = p?.high == null ? null : Number(p.high);

  const ys = [
    ...actual.map((a) => a.value),
    ...traj.map((q) => q.value),
    Number(m.goal.value),
    ...(proj ? [proj.to.value, low ?? proj.to.value, high ?? proj.to.value] : []),
  ].filter(Number.isFinite);
  const xs = [...actual.map((a) => a.year), ...traj.map((q) => q.year), m.goal.year];
  if (proj) xs.push(proj.to.year);
  if (ys.length === 0 || xs.length === 0) return null;
  let y0 = Math.min(0, ...ys);
  let y1 = Math.max(...ys);
  if (y1 === y0) y1 = y0 + 1;
  y1 += (y1 - y0) * 0.05;
  if (y0 < 0) y0 -= (y1 - y0) * 0.05;
  const yt = ticks(y0, y1);
  y1 = Math.max(y1, yt[yt.length - 1] ?? y1);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs, x0 + 1);
  const sx = (year: number) => PAD.left + ((year - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const sy = (v: number) => H - PAD.bottom - ((v - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);
  const line = (pts: { year: number; value: number }[]) =>
    pts.map((q, i) => `${i === 0 ? "M" : "L"}${sx(q.year).toFixed(1)} ${sy(q.value).toFixed(1)}`).join("");
  const years: number[] = [];
  const stepYear = Math.max(1, Math.ceil((x1 - x0) / 6));
  for (let y = x0; y <= x1; y += stepYear) years.push(y);
  const name = m.indicator ? (lang === "vi" ? m.indicator.nameVi : m.indicator.nameEn) : m.text;

  return (
    <figure className="tg-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t("tg.chart.label", { name })}
        data-testid="measure-chart"
      >
        {yt.map((v) => (
          <g key={`y${v}`} className="axis">
            <line x1={PAD.left} x2={W - PAD.right} y1={sy(v)} y2={sy(v)} className="grid" />
            <text x={PAD.left - 4} y={sy(v) + 3} textAnchor="end">
              {formatNumber(v, lang)}
            </text>
          </g>
        ))}
        {years.map((y) => (
          <text key={`x${y}`} className="axis" x={sx(y)} y={H - PAD.bottom + 14} textAnchor="middle">
            {y}
          </text>
        ))}
        <line
          className="goal-line"
          x1={sx(m.goal.year) - 8}
          x2={sx(m.goal.year) + 8}
          y1={sy(Number(m.goal.value))}
          y2={sy(Number(m.goal.value))}
        />
        {proj && low !== null && high !== null && (
          <path
            className="band"
            data-testid="projection-band"
            d={`M${sx(proj.from.year)} ${sy(proj.from.value)}L${sx(proj.to.year)} ${sy(high)}L${sx(proj.to.year)} ${sy(low)}Z`}
          />
        )}
        {traj.length > 1 && <path className="traj" data-testid="trajectory-line" d={line(traj)} />}
        {outcomes.length > 1 && <path className="actual" data-testid="actual-line" d={line(outcomes)} />}
        {proj && <path className="proj" data-testid="projection-line" d={line([proj.from, proj.to])} />}
        {actual.map((a) => (
          <Marker key={`${a.kind}-${a.year}`} kind={a.kind} x={sx(a.year)} y={sy(a.value)} />
        ))}
      </svg>
      <figcaption className="tg-legend small">
        <span>
          <svg width="14" height="10" aria-hidden="true">
            <line x1="0" x2="14" y1="5" y2="5" className="actual" />
          </svg>{" "}
          {t("tg.chart.actual")}: ● {t("tg.kind.official")} ○ {t("tg.kind.preliminary")} ◇{" "}
          {t("tg.kind.estimate")} ▲ {t("tg.kind.plan")}
        </span>
        <span>
          <svg width="20" height="10" aria-hidden="true">
            <line x1="0" x2="20" y1="5" y2="5" className="traj" />
          </svg>{" "}
          {t("tg.chart.trajectory")}
        </span>
        <span>
          <svg width="20" height="10" aria-hidden="true">
            <line x1="0" x2="20" y1="5" y2="5" className="proj" />
          </svg>{" "}
          {t("tg.chart.projection")}
        </span>
        <span>
          <svg width="16" height="10" aria-hidden="true">
            <line x1="0" x2="16" y1="5" y2="5" className="goal-line" />
          </svg>{" "}
          {t("tg.chart.goal")}
        </span>
      </figcaption>
    </figure>
  );
}
