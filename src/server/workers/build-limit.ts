/**
 * Building a document reads much of the plan's data. The builders take the database, which for
 * embedded PGlite lives in this thread, so they cannot move to a worker thread; their queries are
 * asynchronous and yield the request loop. What this module adds is the pool's other two limits:
 * at most `size` builds at once with `maxQueue` waiting (more → SERVER_BUSY, 503) and a time
 * limit (the build's result is then discarded and nothing is stored). The writing of the bytes,
 * pure CPU, runs in the worker pool (heavy.ts renderInWorker).
 */
import { AppError } from "../../domain/errors.ts";

export interface BuildLimiter {
  run<T>(job: () => Promise<T>): Promise<T>;
  readonly running: number;
}

export function buildLimiter(
  options: { size?: number; maxQueue?: number; timeoutMs?: number } = {},
): BuildLimiter {
  const size = options.size ?? 2;
  const maxQueue = options.maxQueue ?? 4;
  const timeoutMs = options.timeoutMs ?? 60_000;
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return {
    get running() {
      return running;
    },
    async run<T>(job: () => Promise<T>): Promise<T> {
      if (running >= size) {
        if (waiting.length >= maxQueue)
          throw new AppError(
            "SERVER_BUSY",
            {
              en: "The server is making other documents; try again in a few seconds.",
              vi: "Máy chủ đang tạo các văn bản khác; hãy thử lại sau vài giây.",
            },
            { details: { retryAfterSeconds: 5 } },
          );
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      running++;
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new AppError(
                "PARSE_TIMEOUT",
                {
                  en: `Building the document took longer than ${Math.round(timeoutMs / 1000)} s and was stopped; nothing was saved.`,
                  vi: `Việc lập văn bản mất quá ${Math.round(timeoutMs / 1000)} giây nên đã dừng; chưa có gì được lưu.`,
                },
                { details: { limitMs: timeoutMs } },
              ),
            ),
          timeoutMs,
        );
      });
      const work = job();
      try {
        return await Promise.race([work, limit]);
      } finally {
        clearTimeout(timer);
        // The slot is freed when the work itself ends, so a timed-out build still counts until then.
        work.then(release, release);
      }
    },
  };
}

let shared: BuildLimiter | null = null;

/** The process's limiter for the document routes. */
export function documentBuilds(): BuildLimiter {
  shared ??= buildLimiter();
  return shared;
}
