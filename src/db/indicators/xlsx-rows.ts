/**
 * The rows of one worksheet of an XLSX file, read as a stream (issue 8, defect 3): the sheet's XML
 * is inflated chunk by chunk and scanned row by row, and reading stops as soon as the row limit
 * is passed, so a million-row sheet costs what its first few thousand rows cost. Shared strings,
 * inline and rich text, booleans, errors, cached formula results and date-formatted numbers (as
 * ISO days) read as exceljs would. Everything inflated counts against one budget (zip-read.ts).
 */
import {
  checkDeclaredSizes,
  InflateBudget,
  readEntry,
  streamEntry,
  type ZipEntry,
  ZipProblem,
  zipEntries,
} from "./zip-read.ts";

export type Cell = string | number | null;
export interface SheetRecord {
  line: number;
  cells: Cell[];
}

export interface SheetRead {
  records: SheetRecord[];
  /** More than `maxRecords` non-empty rows: reading stopped there. */
  tooMany: boolean;
  /** Bytes inflated in all, and the worksheet's declared size: "stopped early" is visible. */
  unpacked: number;
  sheetDeclared: number;
}

/** A row bigger than this (without its end) is not a spreadsheet row. */
const MAX_ROW_CHARS = 2 * 1024 * 1024;
/** Columns beyond this are ignored (the upload has eight). */
const MAX_COLUMNS = 64;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function xmlText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e[0] === "#") {
      const n = e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) out[m[1] as string] = xmlText(m[2] as string);
  return out;
}

/** The text runs of a string item (<si> or <is>), phonetic hints left out. */
function runsText(xml: string): string {
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let s = "";
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) s += xmlText(m[1] as string);
  return s;
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/si>)/g)) out.push(runsText(m[1] ?? ""));
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
/** Which cell styles (index into cellXfs) show a date. */
function dateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const a = attrs(m[0]);
    custom.set(Number(a.numFmtId), a.formatCode ?? "");
  }
  const isDate = (id: number) => {
    if (BUILTIN_DATE_FORMATS.has(id)) return true;
    const code = custom.get(id);
    if (!code) return false;
    return /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ""));
  };
  const out = new Set<number>();
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  let i = 0;
  for (const m of xfs.matchAll(/<xf\b[^>]*>/g)) {
    if (isDate(Number(attrs(m[0]).numFmtId ?? 0))) out.add(i);
    i++;
  }
  return out;
}

function columnOf(ref: string | undefined): number | null {
  const letters = /^([A-Z]+)/.exec(ref ?? "")?.[1];
  if (!letters) return null;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface Context {
  strings: string[];
  dates: Set<number>;
  date1904: boolean;
}

function cellValue(a: Record<string, string>, inner: string, ctx: Context): Cell {
  const t = a.t ?? "n";
  if (t === "inlineStr") return runsText(/<is\b[^>]*>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? "");
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (v === undefined) return null;
  const text = xmlText(v);
  if (t === "s") return ctx.strings[Number(text)] ?? null;
  if (t === "str" || t === "e") return text;
  if (t === "b") return text === "1" ? "true" : "false";
  if (t === "d") return text.slice(0, 10);
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  if (ctx.dates.has(Number(a.s ?? -1))) {
    const days = n - (ctx.date1904 ? 24107 : 25569);
    const d = new Date(Math.round(days * 86_400_000));
    return Number.isNaN(d.getTime()) ? n : d.toISOString().slice(0, 10);
  }
  return n;
}

function parseRow(
  tag: string,
  inner: string,
  previous: number,
  ctx: Context,
  minColumns: number,
): SheetRecord {
  const line = Number(attrs(tag).r) || previous + 1;
  const cells: Cell[] = [];
  let col = 0;
  for (const m of inner.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const a = attrs(m[1] as string);
    col = columnOf(a.r) ?? col + 1;
    if (col > MAX_COLUMNS) continue;
    while (cells.length < col - 1) cells.push(null);
    cells[col - 1] = cellValue(a, m[2] ?? "", ctx);
  }
  while (cells.length < minColumns) cells.push(null);
  return { line, cells };
}

/** The sheet to read: the one named `preferred`, else the first; its zip entry name. */
function sheetPath(
  entries: Map<string, ZipEntry>,
  bytes: Uint8Array,
  budget: InflateBudget,
  preferred: string,
) {
  const wbEntry = entries.get("xl/workbook.xml");
  const relsEntry = entries.get("xl/_rels/workbook.xml.rels");
  if (!wbEntry || !relsEntry) throw new ZipProblem("corrupt", "not a workbook");
  const wb = readEntry(bytes, wbEntry, budget).toString("utf8");
  const rels = readEntry(bytes, relsEntry, budget).toString("utf8");
  const sheets = [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => attrs(m[0]));
  const sheet = sheets.find((s) => s.name === preferred) ?? sheets[0];
  if (!sheet) return null;
  const rid = sheet["r:id"] ?? Object.entries(sheet).find(([k]) => k.endsWith(":id"))?.[1];
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => attrs(m[0])).find((r) => r.Id === rid);
  if (!rel?.Target) throw new ZipProblem("corrupt", "sheet target missing");
  const target = rel.Target.startsWith("/") ? rel.Target.slice(1) : `xl/${rel.Target.replace(/^\.\//, "")}`;
  return { path: target, date1904: /<workbookPr\b[^>]*date1904="(1|true)"/.test(wb) };
}

/**
 * Reads the rows of the sheet named `sheetName` (else the first), stopping after `maxRecords`
 * non-empty rows. Throws ZipProblem: "corrupt", or "too_large" past `maxUnpacked` bytes.
 */
export async function readXlsxRows(
  bytes: Uint8Array,
  opts: { maxRecords: number; maxUnpacked: number; minColumns: number; sheetName: string },
): Promise<SheetRead | null> {
  const list = zipEntries(bytes);
  checkDeclaredSizes(list, opts.maxUnpacked);
  const entries = new Map(list.map((e) => [e.name, e]));
  const budget = new InflateBudget(opts.maxUnpacked);
  const target = sheetPath(entries, bytes, budget, opts.sheetName);
  if (!target) return null;
  const sheet = entries.get(target.path);
  if (!sheet) throw new ZipProblem("corrupt", `${target.path} missing`);
  const ss = entries.get("xl/sharedStrings.xml");
  const st = entries.get("xl/styles.xml");
  const ctx: Context = {
    strings: ss ? sharedStrings(readEntry(bytes, ss, budget).toString("utf8")) : [],
    dates: st ? dateStyles(readEntry(bytes, st, budget).toString("utf8")) : new Set(),
    date1904: target.date1904,
  };
  const records: SheetRecord[] = [];
  const decoder = new TextDecoder();
  const rowStart = /<row[\s>/]/g;
  let pending = "";
  let previous = 0;
  let tooMany = false;
  const scan = (): boolean => {
    let pos = 0;
    for (;;) {
      rowStart.lastIndex = pos;
      const m = rowStart.exec(pending);
      if (!m) {
        pos = Math.max(pos, pending.length - 8);
        break;
      }
      const tagEnd = pending.indexOf(">", m.index);
      if (tagEnd < 0) {
        pos = m.index;
        break;
      }
      const tag = pending.slice(m.index, tagEnd + 1);
      let end: number;
      let inner = "";
      if (tag.endsWith("/>")) end = tagEnd + 1;
      else {
        const close = pending.indexOf("</row>", tagEnd);
        if (close < 0) {
          pos = m.index;
          break;
        }
        inner = pending.slice(tagEnd + 1, close);
        end = close + 6;
      }
      const record = parseRow(tag, inner, previous, ctx, opts.minColumns);
      previous = record.line;
      if (record.cells.some((c) => c !== null && c !== "")) {
        records.push(record);
        if (records.length > opts.maxRecords) {
          tooMany = true;
          return false;
        }
      }
      pos = end;
    }
    pending = pending.slice(pos);
    if (pending.length > MAX_ROW_CHARS) throw new ZipProblem("too_large", "a row larger than 2 MB");
    return true;
  };
  await streamEntry(bytes, sheet, budget, (chunk) => {
    pending += decoder.decode(chunk, { stream: true });
    return scan();
  });
  if (!tooMany) {
    pending += decoder.decode();
    scan();
  }
  return { records, tooMany, unpacked: budget.used, sheetDeclared: sheet.uncompressedSize };
}
