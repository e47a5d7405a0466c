/**
 * Reading the reported-figures file (data/seeds/tuyen-quang-figures.csv): one row per figure with
 * its indicator, period, value, unit, kind, territorial scope and source. "same as above" sources
 * are resolved to the row above; kinds are mapped to the value kinds of MODEL.md and the original
 * wording kept as a comment, so nothing the source said is lost.
 */
export interface FigureRow {
  line: number;
  indicator: string;
  period: string;
  value: number;
  unit: string;
  kind: "plan" | "estimate" | "preliminary" | "official";
  kindAsWritten: string;
  scope: string;
  source: string;
}

/** Press-reported figures are not the statistics office's official ones: "preliminary". */
function mapKind(k: string): FigureRow["kind"] {
  const s = k.toLowerCase();
  if (s.startsWith("annual target") || s.startsWith("plan") || s.startsWith("target")) return "plan";
  if (s.startsWith("estimate")) return "estimate";
  if (s.startsWith("official")) return "official";
  return "preliminary";
}

export function parseFiguresCsv(text: string): {
  rows: FigureRow[];
  problems: { line: number; reason: string }[];
} {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const header = (lines[0] ?? "").split(",").map((h) => h.trim());
  const want = ["indicator", "period", "value", "unit", "kind", "scope", "source"];
  const problems: { line: number; reason: string }[] = [];
  if (want.some((w, i) => header[i] !== w))
    return { rows: [], problems: [{ line: 1, reason: `header must be ${want.join(",")}` }] };
  const rows: FigureRow[] = [];
  let lastSource = "";
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (!raw.trim()) return;
    const cells = raw.split(",");
    if (cells.length < 7) {
      problems.push({ line, reason: "fewer than 7 columns" });
      return;
    }
    const [indicator, period, value, unit, kind, scope, ...rest] = cells.map((c) => c.trim());
    const n = Number(value);
    if (!indicator || !period || !Number.isFinite(n)) {
      problems.push({ line, reason: "indicator, period and a numeric value are required" });
      return;
    }
    let source = rest.join(",").trim();
    if (/^same as above$/i.test(source)) source = lastSource;
    lastSource = source;
    rows.push({
      line,
      indicator,
      period,
      value: n,
      unit: unit ?? "",
      kind: mapKind(kind ?? ""),
      kindAsWritten: kind ?? "",
      scope: scope ?? "",
      source,
    });
  });
  return { rows, problems };
}
