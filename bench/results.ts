/**
 * bench/RESULTS.md holds one section per benchmark script; each run replaces only its own
 * section (between `<!-- bench:name -->` markers), so running one script keeps the others' numbers.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "RESULTS.md");

export function machineLine(): string {
  return `Machine: ${process.platform} ${process.arch}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

export function writeSection(name: string, markdown: string): void {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const block = `${open}\n${markdown.trim()}\n${close}`;
  let text = existsSync(FILE) ? readFileSync(FILE, "utf8") : "# Benchmarks\n";
  if (!text.includes(open)) {
    // An older RESULTS.md without sections: keep only its title.
    if (!text.includes("<!-- bench:")) text = "# Benchmarks\n";
    text = `${text.trimEnd()}\n\n${block}\n`;
  } else {
    const a = text.indexOf(open);
    const b = text.indexOf(close) + close.length;
    text = `${text.slice(0, a)}${block}${text.slice(b)}`;
  }
  writeFileSync(FILE, text);
}
