/**
 * The answers started before their page asked (prefetch.ts puts, useJson in api.ts takes): a
 * module of its own so api.ts and prefetch.ts do not import each other.
 */

/** An answer not taken within this time is dropped: the page must ask again, fresh. */
const FRESH_MS = 15_000;
const pending = new Map<string, { at: number; answer: Promise<unknown> }>();

export function putPrefetched(path: string, answer: Promise<unknown>): void {
  answer.catch(() => {}); // taken (and shown) by the page, or dropped
  pending.set(path, { at: Date.now(), answer });
}

/** The prefetched answer for `path`, once; null when none was started or it is stale. */
export function takePrefetched<T>(path: string): Promise<T> | null {
  const hit = pending.get(path);
  if (!hit) return null;
  pending.delete(path);
  return Date.now() - hit.at <= FRESH_MS ? (hit.answer as Promise<T>) : null;
}
