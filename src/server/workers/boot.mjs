// A worker thread's first file: Node does not pass the main thread's tsx loader on to workers,
// so each worker registers tsx itself and then loads its TypeScript entry (under `npm start`,
// where bin/kehoach.mjs registered tsx, and under vitest alike).
// It first lowers its own priority (pool.ts `niceness`; os.setPriority without a pid is the
// calling thread on Linux), so the request loop keeps the CPU it needs while files are parsed.
import os from "node:os";
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

if (workerData.niceness) {
  try {
    os.setPriority(Math.max(os.getPriority(), workerData.niceness));
  } catch {
    // Not permitted here (some containers): parse at the normal priority.
  }
}
register();
await import(workerData.entry);
