/**
 * A Vite plugin that writes a gzip (.gz) and a brotli (.br) file beside every compressible built
 * file once the bundle is written (issue 10 §4: the 518 KB bundle went out uncompressed). The
 * server's static handler (src/server/static.ts) sends one of them with Content-Encoding when the
 * browser accepts it, so nothing is compressed per request. Highest levels: built once, served often.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** The kinds worth compressing (text); images and fonts are compressed already. */
export const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|geojson|txt|map)$/;
/** Below this the headers and the round trip cost more than the bytes saved. */
export const MIN_BYTES = 1024;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

/** Writes x.gz and x.br for every compressible file of `dir` of at least MIN_BYTES; returns how many. */
export function precompressDir(dir: string): number {
  let n = 0;
  for (const file of files(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const bytes = readFileSync(file);
    if (bytes.length < MIN_BYTES) continue;
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
    );
    n++;
  }
  return n;
}

export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "kehoach:precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
