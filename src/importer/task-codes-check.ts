/**
 * Checks on the numbering of an appendix: duplicate codes are made unique (and reported),
 * and gaps ("2.3" followed by "2.5") are reported, since both usually mean a lost row.
 */
import type { ImportWarning } from "./plan-json.ts";

interface Coded {
  code: string;
  group: string | null;
  line?: number;
}

/** Makes task codes unique: "1" under group "II" becomes "II.1"; otherwise "-2", "-3" is appended. */
export function uniqueCodes(tasks: Coded[]): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const seen = new Set<string>();
  for (const t of tasks) {
    if (!seen.has(t.code)) {
      seen.add(t.code);
      continue;
    }
    const original = t.code;
    let code = t.group && /^[IVX]+$/.test(t.group) ? `${t.group}.${t.code}` : t.code;
    for (let n = 2; seen.has(code); n++) code = `${original}-${n}`;
    t.code = code;
    seen.add(code);
    warnings.push({
      where: `task ${code}`,
      code: "code_duplicate",
      message: `Task number "${original}" appears twice; this one is stored as "${code}".`,
    });
  }
  return warnings;
}

/** Reports gaps in numeric codes among siblings (tasks and group rows together). */
export function checkNumbering(tasks: Coded[], groups: { code: string }[]): ImportWarning[] {
  const bySibling = new Map<string, number[]>();
  for (const { code } of [...tasks, ...groups]) {
    if (!/^\d+(\.\d+)*$/.test(code)) continue;
    const parts = code.split(".");
    const last = Number(parts.pop());
    const parent = parts.join(".");
    const list = bySibling.get(parent) ?? [];
    list.push(last);
    bySibling.set(parent, list);
  }
  const warnings: ImportWarning[] = [];
  for (const [parent, nums] of bySibling) {
    const sorted = [...new Set(nums)].sort((a, b) => a - b);
    let expected = 1;
    for (const n of sorted) {
      if (n > expected) {
        const missing =
          expected === n - 1
            ? `${prefix(parent)}${expected}`
            : `${prefix(parent)}${expected}–${prefix(parent)}${n - 1}`;
        warnings.push({
          where: `task ${prefix(parent)}${n}`,
          code: "numbering_gap",
          message: `Numbering gap: ${missing} is missing before ${prefix(parent)}${n}.`,
        });
      }
      expected = n + 1;
    }
  }
  return warnings;
}

function prefix(parent: string): string {
  return parent ? `${parent}.` : "";
}
