/**
 * The heavy-parsing pool (issue 8, defects 3, 4, 13): a parse runs in a worker while the request
 * loop keeps answering; a parse past its time limit is terminated (PARSE_TIMEOUT), one past its
 * memory limit stopped (PARSE_TOO_COMPLEX); the pool carries on with a new worker; too many
 * waiting jobs are refused with SERVER_BUSY; a parser's AppError arrives as the same AppError.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../domain/errors.ts";
import { parsePlanBytes } from "../../importer/parse-plan.ts";
import { parsePlanInWorker } from "./heavy.ts";
import { HeavyPool } from "./pool.ts";

const TEST_ENTRY = new URL("./test-worker.ts", import.meta.url);
const pools: HeavyPool[] = [];
function pool(options: ConstructorParameters<typeof HeavyPool>[0]) {
  const p = new HeavyPool(options);
  pools.push(p);
  return p;
}
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

const plan = readFileSync(
  new URL("../../../data/plans/tuyen-quang-cong-nghiep-2021-2025.txt", import.meta.url),
);

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("the heavy-parsing pool", () => {
  it("parses a plan in a worker (TypeScript through tsx) while the loop keeps running timers", async () => {
    const p = pool({});
    const order: string[] = [];
    const job = parsePlanInWorker(new Uint8Array(plan), "tq.txt", {}, p).then((r) => {
      order.push("parsed");
      return r;
    });
    // Timers scheduled after the job started fire while the worker parses, one after another.
    for (let i = 0; i < 3; i++)
      await new Promise((r) => setTimeout(r, 1)).then(() => order.push(`timer${i}`));
    const parsed = await job;
    expect(order.slice(0, 3)).toEqual(["timer0", "timer1", "timer2"]);
    expect(parsed.tasks).toHaveLength(parsePlanBytes(new Uint8Array(plan)).tasks.length);
  });

  it("terminates a parse past its time limit, then serves the next job with a new worker", async () => {
    const p = pool({ entry: TEST_ENTRY, size: 1, timeoutMs: 300 });
    const err = await failure(p.run("spin", null));
    expect(err.code).toBe("PARSE_TIMEOUT");
    expect(err.messageVi).toContain("đã dừng");
    expect(await p.run("echo", { a: 1 }, { timeoutMs: 60_000 })).toEqual({ a: 1 });
  });

  it("parses at a lower priority than the request loop, which keeps its own", async () => {
    const before = os.getPriority();
    expect(await pool({ entry: TEST_ENTRY, size: 1 }).run("priority", null)).toBe(Math.max(before, 10));
    expect(await pool({ entry: TEST_ENTRY, size: 1, niceness: 4 }).run("priority", null)).toBe(
      Math.max(before, 4),
    );
    expect(os.getPriority()).toBe(before);
  });

  it("stops a parse past its memory limit", async () => {
    const p = pool({ entry: TEST_ENTRY, size: 1, memoryMb: 64, timeoutMs: 60_000 });
    const err = await failure(p.run("grow", null));
    expect(err.code).toBe("PARSE_TOO_COMPLEX");
    expect(await p.run("echo", 7)).toBe(7);
  });

  it("queues up to its limit and refuses more with SERVER_BUSY and a retry delay", async () => {
    const p = pool({ entry: TEST_ENTRY, size: 1, maxQueue: 1, timeoutMs: 2_000 });
    const running = p.run("spin", null).catch((e: unknown) => e);
    const waiting = p.run("echo", "queued");
    const err = await failure(p.run("echo", "one too many"));
    expect(err.code).toBe("SERVER_BUSY");
    expect(err.details?.retryAfterSeconds).toBeGreaterThan(0);
    expect(((await running) as AppError).code).toBe("PARSE_TIMEOUT");
    expect(await waiting).toBe("queued");
  });

  it("gives back the parser's AppError with its code, messages and details", async () => {
    const p = pool({ entry: TEST_ENTRY, size: 1 });
    const err = await failure(p.run("refuse", null));
    expect(err).toMatchObject({
      code: "PLAN_EMPTY",
      message: "empty",
      messageVi: "trống",
      details: { why: "test" },
    });
    const real = await failure(parsePlanInWorker(new Uint8Array(), "empty.txt", {}, pool({})));
    expect(real.code).toBe("PLAN_EMPTY");
  });
});
