/**
 * Measures what a leader waits for: the targets evaluation of the Tuyên Quang demo (six targets,
 * values, trajectories, projections, zone counts and occupancy), on the seeded data and after
 * ten years of monthly figures for every typed indicator in both scopes; and the investment
 * projects list with 500 projects. Prints the numbers and writes its section of bench/RESULTS.md.
 * Run: `npx tsx bench/evaluate.ts` (PGlite in memory; DATABASE_URL is ignored).
 */

import { openDatabase } from "../src/db/connection.ts";
import { evaluatePlanTargets } from "../src/db/indicators/evaluate.ts";
import { listProjects } from "../src/db/projects/list.ts";
import { indicators, indicatorValues, projectMilestones, projects } from "../src/db/schema.ts";
import { seedDemo } from "../src/db/seed.ts";
import { machineLine, writeSection } from "./results.ts";

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const log = (s: string) => process.stderr.write(`${s}\n`);
const database = await openDatabase({ dataDir: "memory" });
await database.migrate();
log("seeding the demo…");
const { planId } = await seedDemo(database);
const db = database.db;
const asOf = "2025-12-31";
const lines = [
  "## Targets evaluation and projects",
  "",
  machineLine(),
  "",
  "| what | median | detail |",
  "|---|---|---|",
];

const seeded = await median(10, () => evaluatePlanTargets(db, planId, asOf));
const count = async () => (await db.select({ id: indicatorValues.id }).from(indicatorValues)).length;
lines.push(`| evaluate 6 targets, seeded demo | ${seeded.toFixed(0)} ms | ${await count()} figures |`);

log("adding ten years of monthly figures…");
const typed = (await db.select().from(indicators)).filter(
  (i) =>
    (i.formula as { type?: string } | null)?.type !== "zone_count" &&
    (i.formula as { type?: string } | null)?.type !== "zone_occupancy",
);
const rows = [];
for (const ind of typed)
  for (const scope of ["Tuyên Quang (pre-merger)", "Tuyên Quang (merged)"])
    for (let y = 2016; y <= 2025; y++)
      for (let m = 1; m <= 12; m++)
        rows.push({
          indicatorId: ind.id,
          period: `${y}-${String(m).padStart(2, "0")}`,
          scope,
          kind: "estimate",
          value: 100 + y - 2016 + m / 12,
          source: "bench",
          origin: "entry",
        });
for (let i = 0; i < rows.length; i += 1000) await db.insert(indicatorValues).values(rows.slice(i, i + 1000));
const loaded = await median(5, () => evaluatePlanTargets(db, planId, asOf));
lines.push(
  `| evaluate 6 targets, with monthly history | ${loaded.toFixed(0)} ms | ${await count()} figures |`,
);

log("adding 500 projects with milestones…");
for (let p = 0; p < 500; p++) {
  const [row] = await db
    .insert(projects)
    .values({ province: "Tuyên Quang", name: `Dự án thử ${p}`, investor: `Nhà đầu tư ${p}` })
    .returning({ id: projects.id });
  if (!row) continue;
  await db.insert(projectMilestones).values([
    {
      projectId: row.id,
      kind: "investment_approval",
      planned: "2022-03-31",
      actual: p % 3 ? "2022-04-15" : null,
    },
    { projectId: row.id, kind: "construction", planned: "2024-06-30" },
    { projectId: row.id, kind: "operation", planned: "2026-12-31" },
  ]);
}
const listed = await median(10, () => listProjects(db, "Tuyên Quang", asOf));
lines.push(
  `| list projects with derived status | ${listed.toFixed(0)} ms | 503 projects, 1.500 milestones |`,
);
await database.close();

const out = `${lines.join("\n")}\n`;
process.stdout.write(out);
writeSection("evaluate", out);
