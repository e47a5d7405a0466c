import { defineConfig } from "vitest/config";

// Two projects: fast unit/integration tests beside the code, and browser tests in e2e/
// (Chromium via playwright-core) that need the built web app. Every test database is a copy of
// a template built once a run (src/db/test-templates.ts, made by the global setup's directory).
export default defineConfig({
  test: {
    // Vitest's default on 2 cores is ONE test file at a time (cores - 1): on PGlite the database
    // runs inside the worker, so the second core sat idle; on PostgreSQL a worker mostly waits
    // on the server. Two files at once use both (measured: bench/RESULTS.md, "CI time").
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          globalSetup: ["src/db/test-templates-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          globalSetup: ["src/db/test-templates-setup.ts", "e2e/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
