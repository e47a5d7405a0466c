// A worker thread's first file: Node does not pass the main thread's tsx loader on to workers,
// so each worker registers tsx itself and then loads its TypeScript entry (under `npm start`,
// where bin/kehoach.mjs registered tsx, and under vitest alike).
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
