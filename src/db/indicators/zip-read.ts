/**
 * Reading a zip (an XLSX workbook) without trusting it: the central directory's declared sizes
 * are checked before anything is inflated, and the bytes actually inflated are counted against
 * the same budget while inflating, so a zip bomb (a small file that unpacks to gigabytes, with
 * honest or lying sizes) is refused after at most `budget` bytes. A large entry is inflated as a
 * stream the caller may stop early (the worksheet: stop at the row limit).
 */
import { createInflateRaw, inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** Thrown for a zip that is not one, or one that unpacks to more than the budget. */
export class ZipProblem extends Error {
  constructor(
    readonly kind: "corrupt" | "too_large",
    message: string,
  ) {
    super(message);
  }
}

const MAX_ENTRIES = 2000;

/** The entries listed in the central directory (refuses a corrupt or over-long directory). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new ZipProblem("corrupt", "no zip directory");
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  if (count > MAX_ENTRIES) throw new ZipProblem("too_large", `${count} entries`);
  const out: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50)
      throw new ZipProblem("corrupt", "bad directory entry");
    const nameLength = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    out.push({
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    });
    p += 46 + nameLength + extra + comment;
  }
  return out;
}

/** The compressed bytes of an entry (after its local header). */
function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = e.localOffset;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== 0x04034b50)
    throw new ZipProblem("corrupt", `bad local header for ${e.name}`);
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw new ZipProblem("corrupt", `${e.name} is truncated`);
  return bytes.subarray(start, end);
}

/** Counts inflated bytes across a whole file; throws once more than `limit` were produced. */
export class InflateBudget {
  used = 0;
  constructor(readonly limit: number) {}
  take(n: number): void {
    this.used += n;
    if (this.used > this.limit) throw new ZipProblem("too_large", `more than ${this.limit} bytes unpacked`);
  }
  get remaining(): number {
    return Math.max(0, this.limit - this.used);
  }
}

/** Refuses before inflating when the declared sizes already exceed the budget. */
export function checkDeclaredSizes(entries: readonly ZipEntry[], limit: number): void {
  const total = entries.reduce((s, e) => s + e.uncompressedSize, 0);
  if (total > limit) throw new ZipProblem("too_large", `declares ${total} bytes unpacked`);
}

/** A small entry, whole (counted against the budget; inflation stops at what remains of it). */
export function readEntry(bytes: Uint8Array, e: ZipEntry, budget: InflateBudget): Buffer {
  const data = entryData(bytes, e);
  let out: Buffer;
  if (e.method === 0) out = Buffer.from(data);
  else if (e.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: budget.remaining + 1 });
    } catch (err) {
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
        throw new ZipProblem("too_large", `${e.name} unpacks to more than the limit`);
      throw new ZipProblem("corrupt", `${e.name} cannot be inflated`);
    }
  } else throw new ZipProblem("corrupt", `${e.name}: compression method ${e.method}`);
  budget.take(out.length);
  return out;
}

/**
 * Inflates an entry chunk by chunk; `onChunk` returns false to stop (nothing more is inflated).
 * Resolves with whether it stopped early.
 */
export function streamEntry(
  bytes: Uint8Array,
  e: ZipEntry,
  budget: InflateBudget,
  onChunk: (chunk: Buffer) => boolean,
): Promise<{ stopped: boolean }> {
  const data = entryData(bytes, e);
  if (e.method === 0) {
    for (let i = 0; i < data.length; i += 65_536) {
      const chunk = Buffer.from(data.subarray(i, i + 65_536));
      budget.take(chunk.length);
      if (!onChunk(chunk)) return Promise.resolve({ stopped: true });
    }
    return Promise.resolve({ stopped: false });
  }
  if (e.method !== 8) return Promise.reject(new ZipProblem("corrupt", `${e.name}: method ${e.method}`));
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let done = false;
    const stop = (fn: () => void) => {
      if (done) return;
      done = true;
      inflate.removeAllListeners("data");
      inflate.destroy();
      fn();
    };
    inflate.on("data", (chunk: Buffer) => {
      try {
        budget.take(chunk.length);
        if (!onChunk(chunk)) stop(() => resolve({ stopped: true }));
      } catch (err) {
        stop(() => reject(err));
      }
    });
    inflate.on("end", () => stop(() => resolve({ stopped: false })));
    inflate.on("error", () => stop(() => reject(new ZipProblem("corrupt", `${e.name} cannot be inflated`))));
    inflate.end(data);
  });
}
