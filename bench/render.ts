/**
 * Measures the document writers on the sample report with its 54-task annex (src/exports/sample-document.ts):
 * the first render in a fresh process (fonts read, modules warmed) and the median of later ones, per
 * format, with the file size and page count. Prints the numbers; does not write bench/RESULTS.md.
 * Run: `npx tsx bench/render.ts [runs]`.
 */
import { renderDocument } from "../src/exports/render.ts";
import { sampleReport } from "../src/exports/sample-document.ts";

const runs = Number(process.argv[2] ?? 7);
const doc = sampleReport();
const annexRows = doc.body.reduce((n, b) => n + (b.kind === "table" ? b.rows.length : 0), 0);
console.log(`sample: ${annexRows} annex rows (54 tasks + 7 groups), ${runs} runs after the first`);

for (const format of ["pdf", "docx", "xlsx"] as const) {
  let start = performance.now();
  const first = await renderDocument(doc, format);
  const firstMs = performance.now() - start;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    start = performance.now();
    await renderDocument(doc, format);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const pages =
    format === "pdf"
      ? ` ${
          Buffer.from(first)
            .toString("latin1")
            .match(/\/Type \/Page\b/g)?.length ?? "?"
        } pages,`
      : "";
  console.log(
    `${format.padEnd(4)} first ${firstMs.toFixed(0).padStart(5)} ms, median ${median.toFixed(0).padStart(5)} ms (min ${times[0]?.toFixed(0)}, max ${times.at(-1)?.toFixed(0)}),${pages} ${(first.length / 1024).toFixed(0)} KiB`,
  );
}
