/**
 * Test helper (not a test): a worker entry whose jobs misbehave on purpose — one never ends, one
 * eats memory — to show the pool's time and memory limits (pool.test.ts).
 */
import os from "node:os";
import { AppError } from "../../domain/errors.ts";
import { serveJobs } from "./protocol.ts";

await serveJobs({
  echo: (x: unknown) => x,
  /** The worker thread's own nice value. */
  priority: () => os.getPriority(),
  spin: () => {
    for (;;) {
      // never returns: only terminating the worker stops it
    }
  },
  grow: () => {
    const keep: number[][] = [];
    for (;;) keep.push(new Array(1_000_000).fill(1));
  },
  refuse: () => {
    throw new AppError("PLAN_EMPTY", { en: "empty", vi: "trống" }, { details: { why: "test" } });
  },
});
