// Numbers as the reader types them, in the UI language: shared by every form that takes a figure
// or an area, so "1.200" typed in Vietnamese is never stored as 1,2.
import { parseVnNumber } from "../domain/vn-number.ts";
import type { Lang } from "./i18n.ts";

/**
 * A number as the reader types it in their language: Vietnamese "27.700" / "14,9" (the domain's
 * reader, so "27.700" is never 27.7), English "27,700" / "14.9". A trailing "%" is ignored.
 */
export function parseNumberInput(text: string, lang: Lang): number | null {
  const s = text.trim().replace(/\s*%$/, "");
  if (s === "") return null;
  if (lang === "vi") return parseVnNumber(s);
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(s.replace(/\s+/g, ""));
  if (!m) return null;
  const n = Number(`${m[1]}${(m[2] ?? "").replaceAll(",", "")}${m[3] ?? ""}`);
  return Number.isFinite(n) ? n : null;
}

/** An optional hectare field: blank → null; otherwise the number or NaN (refused by the form). */
export function optionalNumber(text: string, lang: Lang): number | null {
  if (text.trim() === "") return null;
  return parseNumberInput(text, lang) ?? Number.NaN;
}
