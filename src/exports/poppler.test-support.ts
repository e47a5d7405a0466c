/**
 * The writers' tests read PDFs back with poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm).
 * Missing under CI=true is an error — the suite must not pass by skipping; on a developer machine
 * the PDF tests are skipped with a message saying how to install them.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const TOOLS = ["pdfinfo", "pdffonts", "pdftotext", "pdftoppm"];

export function popplerAvailable(): boolean {
  const missing = TOOLS.filter((t) => {
    try {
      execFileSync(t, ["-v"], { stdio: "ignore" });
      return false;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === "ENOENT";
    }
  });
  if (missing.length === 0) return true;
  const msg = `${missing.join(", ")} not found: install them with "apt-get install -y poppler-utils".`;
  if (process.env.CI === "true") throw new Error(msg);
  console.warn(`[exports] SKIPPING PDF read-back tests — ${msg}`);
  return false;
}

/** Runs a poppler tool on the PDF bytes (written to a temporary file) and returns stdout. */
export function poppler(tool: string, pdf: Uint8Array, args: string[] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), "kehoach-pdf-"));
  try {
    const file = path.join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, ...(tool === "pdftotext" ? ["-"] : [])], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Page `n` rendered in grey at `dpi`; returns the share of pixels darker than mid-grey. */
export function inkShare(pdf: Uint8Array, n: number, dpi = 40): number {
  const dir = mkdtempSync(path.join(tmpdir(), "kehoach-ppm-"));
  try {
    const file = path.join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    execFileSync("pdftoppm", [
      "-gray",
      "-r",
      String(dpi),
      "-f",
      String(n),
      "-l",
      String(n),
      "-singlefile",
      file,
      path.join(dir, "p"),
    ]);
    const pgm = readFileSync(path.join(dir, "p.pgm"));
    // P5 header: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
    const header = pgm
      .subarray(0, 64)
      .toString("latin1")
      .match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
    if (!header) throw new Error("pdftoppm: not a PGM file");
    const [, w, h] = header.map(Number) as [number, number, number];
    const pixels = pgm.subarray(header[0].length);
    let dark = 0;
    for (let i = 0; i < w * h; i++) if ((pixels[i] ?? 255) < 128) dark++;
    return dark / (w * h);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
