/**
 * Roman numerals as Vietnamese administrative documents use them: quarters ("Quý I/2022",
 * GLOSSARY.md "Deadline phrases": "Quarters are written in Roman numerals (I–IV)") and top-level
 * section or group codes ("II.1").
 */

const CANONICAL = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/**
 * Value of a canonical uppercase Roman numeral ("IV" → 4, "XX" → 20), or null when the text is
 * not one ("IIII", "iv", "" → null). Lowercase is refused on purpose: in task codes "i" is a
 * list letter; callers that accept either case (quarters) upper-case first.
 */
export function romanToInt(text: string): number | null {
  if (text === "" || !CANONICAL.test(text)) return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = VALUES[text.charAt(i)] ?? 0;
    const next = VALUES[text.charAt(i + 1)] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}
