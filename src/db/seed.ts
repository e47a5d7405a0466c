/**
 * The demo data `npm start` loads: Tuyên Quang's agency registry and its Industrial Development
 * Plan 2021–2025. Idempotent: a second start finds them and imports nothing twice.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { loadRegistry, type RegistryFile } from "./agencies-store.ts";
import type { Database } from "./connection.ts";
import { importPlanFile } from "./import-plan.ts";
import { seedTargets } from "./indicators/seed.ts";
import { seedProjects } from "./projects/seed.ts";
import { seedReorganisations } from "./reorganisations/seed.ts";
import { agencies, plans } from "./schema.ts";
import { currentAccountAgencies, type DemoAccount, seedAccounts } from "./seed-accounts.ts";
import { seedHistory } from "./seed-history.ts";
import { contentHash } from "./store-plan.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DEMO_PLAN = path.join(ROOT, "data/plans/tuyen-quang-cong-nghiep-2021-2025.txt");
export const DEMO_REGISTRY = path.join(ROOT, "data/seeds/tuyen-quang-agencies.json");

export interface SeedOptions {
  /**
   * Also write the demo reporting history (src/db/seed-history.ts): `npm start` does; tests
   * get it only when they ask, so their rounds start from an empty plan.
   */
  history?: boolean;
}

export async function seedDemo(
  database: Database,
  log: (s: string) => void = () => {},
  options: SeedOptions = {},
): Promise<{ planId: number; imported: boolean; accounts: DemoAccount[] }> {
  const seeded = await seedPlan(database, log);
  if (options.history) {
    log("Đang ghi lịch sử báo cáo minh họa / writing the demo reporting history…");
    const h = await seedHistory(database, seeded.planId, log);
    log(
      h.seeded
        ? `Đã ghi lịch sử minh họa: ${h.periods} kỳ, ${h.reports} báo cáo (${h.ms} ms) / demo history: ${h.periods} periods, ${h.reports} reports`
        : "Kế hoạch đã có kỳ báo cáo, không ghi lịch sử minh họa / the plan has periods: no demo history added",
    );
  }
  return seeded;
}

async function seedPlan(
  database: Database,
  log: (s: string) => void,
): Promise<{ planId: number; imported: boolean; accounts: DemoAccount[] }> {
  const { db } = database;
  if (existsSync(DEMO_REGISTRY)) {
    const registry = JSON.parse(readFileSync(DEMO_REGISTRY, "utf8")) as RegistryFile;
    const [any] = await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.province, registry.province))
      .limit(1);
    if (!any) {
      const n = await loadRegistry(db, registry, "seed");
      log(
        `Đã nạp danh mục ${n} đơn vị của tỉnh ${registry.province} / loaded ${n} agencies of ${registry.province}`,
      );
    }
  }
  const hash = contentHash(readFileSync(DEMO_PLAN, "utf8"));
  const [existing] = await db.select({ id: plans.id }).from(plans).where(eq(plans.contentHash, hash));
  if (existing) {
    log(`Kế hoạch mẫu đã có (#${existing.id}), không nhập lại / demo plan already loaded (#${existing.id})`);
    const accounts = await seedAccounts(db, existing.id);
    await seedReorganisations(db, log);
    await seedTargets(db, existing.id);
    await seedProjects(db, existing.id);
    return { planId: existing.id, imported: false, accounts: await currentAccountAgencies(db, accounts) };
  }
  const { result } = await importPlanFile(db, DEMO_PLAN, "seed");
  log(
    `Đã nhập kế hoạch mẫu: ${result.tasks} nhiệm vụ, ${result.targets} mục tiêu / imported the demo plan: ${result.tasks} tasks, ${result.targets} targets`,
  );
  const accounts = await seedAccounts(db, result.planId);
  // The 2025 reorganisation (REGULATIONS.md §5), after the accounts so it moves the demo roles.
  await seedReorganisations(db, log);
  await seedTargets(db, result.planId);
  await seedProjects(db, result.planId);
  return { planId: result.planId, imported: true, accounts: await currentAccountAgencies(db, accounts) };
}
