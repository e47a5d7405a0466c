/**
 * Measures the importer and the store: parse time of each shared plan, of a synthetic plan with
 * 2,000 tasks, and the time to store the Tuyên Quang plan in a fresh in-memory database.
 * Prints the numbers and writes bench/RESULTS.md. Run: `npx tsx bench/import.ts`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../src/db/connection.ts";
import { contentHash, storePlan } from "../src/db/store-plan.ts";
import { parsePlanText } from "../src/importer/parse-plan.ts";
import { machineLine, writeSection } from "./results.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const files = [
  "data/plans/tuyen-quang-cong-nghiep-2021-2025.txt",
  "test/fixtures/plans/btnmt-kh09-2024-tinchi-cacbon.txt",
  "test/fixtures/plans/laocai-kh-chithi11-khoangsan-2026.txt",
];

function time<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let result = fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) result = fn();
  return { ms: (performance.now() - start) / runs, result };
}

function synthetic(n: number): string {
  const rows = ["TT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện\tGhi chú"];
  for (let g = 1; g <= n / 20; g++) {
    rows.push(`${g}\tNhóm nhiệm vụ số ${g}\t\t\t\t`);
    for (let i = 1; i <= 20; i++)
      rows.push(
        `${g}.${i}\tXây dựng kế hoạch phát triển công nghiệp số ${g}.${i}\tSở Công Thương\tCác sở, ngành liên quan, UBND huyện, thành phố\tTrình UBND tỉnh trong Quý ${["I", "II", "III", "IV"][i % 4]}/2022\t`,
      );
  }
  return `KẾ HOẠCH\nThử nghiệm giai đoạn 2021 - 2025\n\n${rows.join("\n")}\n`;
}

const lines: string[] = [
  "## Importer and store",
  "",
  machineLine(),
  "",
  "| what | time | detail |",
  "|---|---|---|",
];
for (const f of files) {
  const text = readFileSync(path.join(root, f), "utf8");
  const { ms, result } = time(20, () => parsePlanText(text));
  lines.push(
    `| parse ${path.basename(f)} | ${ms.toFixed(1)} ms | ${result.tasks.length} tasks, ${(text.length / 1024).toFixed(0)} KB |`,
  );
}
const big = synthetic(2000);
const bigRun = time(3, () => parsePlanText(big));
lines.push(
  `| parse synthetic plan | ${bigRun.ms.toFixed(0)} ms | ${bigRun.result.tasks.length} tasks, ${(big.length / 1024).toFixed(0)} KB |`,
);

const tq = readFileSync(path.join(root, files[0] as string), "utf8");
const plan = parsePlanText(tq);
const database = await openDatabase({ dataDir: "memory" });
await database.migrate();
const start = performance.now();
await storePlan(database.db, plan, { file: "tq.txt", hash: contentHash(tq), actor: "bench" });
lines.push(
  `| store Tuyên Quang plan (PGlite, in memory) | ${(performance.now() - start).toFixed(0)} ms | 54 tasks with milestones and assignments, one transaction |`,
);
await database.close();

const out = `${lines.join("\n")}\n`;
process.stdout.write(out);
writeSection("import", out);
