/**
 * Heavy parsing off the request loop (issue 8, defects 3, 4 and 13): XLSX/CSV uploads, plan
 * documents and GeoJSON layers are parsed in worker threads, so one big upload never stalls
 * other users. Each job has a time limit (the worker is terminated and the caller gets
 * PARSE_TIMEOUT) and each worker a memory limit (PARSE_TOO_COMPLEX); at most `size` jobs run at
 * once, up to `maxQueue` wait, and further ones are refused with SERVER_BUSY (503, Retry-After)
 * rather than piling up memory. Workers are kept for the next job and never keep the process alive.
 */
import { EventEmitter } from "node:events";
import { Worker } from "node:worker_threads";
import { AppError } from "../../domain/errors.ts";
import { deserializeError, type JobMessage, type ResultMessage } from "./protocol.ts";

export interface PoolOptions {
  /** The worker's TypeScript entry (a module that answers JobMessages). */
  entry?: URL;
  /** Jobs running at once (= workers). */
  size?: number;
  /** Jobs waiting for a worker; more are refused with SERVER_BUSY. */
  maxQueue?: number;
  /** A job's running time limit (not counting its wait in the queue). */
  timeoutMs?: number;
  /** A worker's heap limit. */
  memoryMb?: number;
  /**
   * The workers' nice value (0–19; Linux keeps it per thread; never below the process's own). Parsing is CPU-bound: at the
   * same priority two workers take both cores of a small server from the request loop, and
   * other users wait (issue 8). At 10 the kernel gives the loop ~10× their share whenever it
   * has work; idle cores still go to the parse.
   */
  niceness?: number;
}

const BOOT = new URL("./boot.mjs", import.meta.url);
const DEFAULT_ENTRY = new URL("./heavy-worker.ts", import.meta.url);

interface Slot {
  worker: Worker;
  busy: boolean;
  /** Resolves once the worker has loaded its parsers (a job's time limit starts then). */
  ready: Promise<boolean>;
}

/** Loading a worker's parsers may take this long before it is given up. */
const START_LIMIT_MS = 60_000;

interface Pending {
  kind: string;
  input: unknown;
  transfer: ArrayBuffer[];
  timeoutMs: number;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

export class HeavyPool {
  readonly events = new EventEmitter();
  private readonly entry: URL;
  private readonly size: number;
  private readonly maxQueue: number;
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly niceness: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.entry = options.entry ?? DEFAULT_ENTRY;
    this.size = options.size ?? 2;
    this.maxQueue = options.maxQueue ?? 16;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.memoryMb = options.memoryMb ?? 384;
    this.niceness = options.niceness ?? 10;
  }

  /** Runs one job; `transfer` buffers move to the worker (the caller must not use them again). */
  run<T>(
    kind: string,
    input: unknown,
    opts: { transfer?: ArrayBuffer[]; timeoutMs?: number } = {},
  ): Promise<T> {
    if (this.closed) return Promise.reject(new Error("the parsing pool is closed"));
    if (this.queue.length >= this.maxQueue)
      return Promise.reject(
        new AppError(
          "SERVER_BUSY",
          {
            en: "The server is reading other large files; try again in a few seconds.",
            vi: "Máy chủ đang đọc các tệp lớn khác; hãy thử lại sau vài giây.",
          },
          { details: { retryAfterSeconds: 5 } },
        ),
      );
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        kind,
        input,
        transfer: opts.transfer ?? [],
        timeoutMs: opts.timeoutMs ?? this.timeoutMs,
        resolve: resolve as (v: unknown) => void,
        reject,
      });
      this.pump();
    });
  }

  /** Jobs running now (for tests and the bench). */
  get running(): number {
    return this.slots.filter((s) => s.busy).length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error("the parsing pool is closed"));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(BOOT, {
      workerData: { entry: this.entry.href, niceness: this.niceness },
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: 32 },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const ready = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), START_LIMIT_MS);
      timer.unref();
      const done = (ok: boolean) => {
        clearTimeout(timer);
        worker.off("message", onReady);
        resolve(ok);
      };
      const onReady = (m: { ready?: boolean }) => m?.ready && done(true);
      worker.on("message", onReady);
      worker.once("error", () => done(false));
      worker.once("exit", () => done(false));
    });
    const slot: Slot = { worker, busy: false, ready };
    this.slots.push(slot);
    return slot;
  }

  private drop(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift() as Pending;
      this.start(slot, job);
    }
  }

  private start(slot: Slot, job: Pending): void {
    slot.busy = true;
    slot.worker.ref();
    void slot.ready.then((ok) => {
      if (ok) this.post(slot, job);
      else {
        this.drop(slot);
        job.reject(new Error("a parsing worker failed to start"));
        this.pump();
      }
    });
  }

  private post(slot: Slot, job: Pending): void {
    const id = this.nextId++;
    this.events.emit("start", job.kind);
    let settled = false;
    const finish = (fn: () => void, keep: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      slot.worker.off("message", onMessage);
      slot.worker.off("error", onError);
      slot.worker.off("exit", onExit);
      if (keep) {
        slot.busy = false;
        slot.worker.unref();
      } else this.drop(slot);
      fn();
      this.events.emit("done", job.kind);
      this.pump();
    };
    const timer = setTimeout(() => {
      finish(
        () =>
          job.reject(
            new AppError(
              "PARSE_TIMEOUT",
              {
                en: `Reading the file took longer than ${Math.round(job.timeoutMs / 1000)} s and was stopped: it is too large or malformed.`,
                vi: `Việc đọc tệp mất quá ${Math.round(job.timeoutMs / 1000)} giây nên đã dừng: tệp quá lớn hoặc sai định dạng.`,
              },
              { details: { limitMs: job.timeoutMs } },
            ),
          ),
        false,
      );
    }, job.timeoutMs);
    const onMessage = (m: ResultMessage) => {
      if (m.id !== id) return;
      finish(() => (m.ok ? job.resolve(m.value) : job.reject(deserializeError(m.error))), true);
    };
    const onError = (err: Error & { code?: string }) => {
      finish(
        () =>
          job.reject(
            err.code === "ERR_WORKER_OUT_OF_MEMORY"
              ? new AppError(
                  "PARSE_TOO_COMPLEX",
                  {
                    en: `Reading the file needed more than ${this.memoryMb} MB of memory and was stopped: it is too large or malformed.`,
                    vi: `Việc đọc tệp cần hơn ${this.memoryMb} MB bộ nhớ nên đã dừng: tệp quá lớn hoặc sai định dạng.`,
                  },
                  { details: { limitMb: this.memoryMb } },
                )
              : err,
          ),
        false,
      );
    };
    const onExit = (code: number) => onError(new Error(`parsing worker exited (${code})`));
    slot.worker.on("message", onMessage);
    slot.worker.on("error", onError);
    slot.worker.on("exit", onExit);
    const message: JobMessage = { id, kind: job.kind, input: job.input };
    slot.worker.postMessage(message, job.transfer);
  }
}

let shared: HeavyPool | null = null;

/** The process's pool for the routes (created on first use). */
export function heavyPool(): HeavyPool {
  shared ??= new HeavyPool();
  return shared;
}
