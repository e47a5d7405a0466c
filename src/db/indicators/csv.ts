/**
 * A small RFC 4180 reader: quoted fields (with commas, doubled quotes and line breaks inside),
 * CRLF or LF, a UTF-8 byte-order mark. Excel with Vietnamese regional settings writes CSV with
 * ";" (the comma is the decimal mark there), so the delimiter is taken from the header line.
 * Each record keeps the line it starts on, so a problem names the line a person sees.
 */
export interface CsvRecord {
  /** 1-based line number where the record starts. */
  line: number;
  cells: string[];
}

export function detectDelimiter(text: string): "," | ";" {
  const first = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const count = (ch: string) => first.split(ch).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

/**
 * Reads every record (or stops once `maxRecords` were read: `truncated`, so a huge file is not
 * split whole); an unterminated quote is reported with the line it starts on.
 */
export function parseCsv(
  input: string,
  delimiter: "," | ";" = detectDelimiter(input),
  maxRecords = Number.POSITIVE_INFINITY,
): {
  records: CsvRecord[];
  problem: { line: number; reason: string; reasonVi: string } | null;
  truncated?: boolean;
} {
  const text = input.replace(/^\uFEFF/, "");
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  let i = 0;
  const endCell = () => {
    cells.push(cell);
    cell = "";
  };
  const endRecord = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === "")) records.push({ line: start, cells });
    cells = [];
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === "\n") line++;
      if (ch === "\r" && text[i + 1] === "\n") {
        cell += "\r\n";
        line++;
        i += 2;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === "") {
      quoted = true;
      quoteLine = line;
      cell = "";
      i++;
      continue;
    }
    if (ch === delimiter) {
      endCell();
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      if (records.length >= maxRecords) return { records, problem: null, truncated: true };
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      start = line;
      continue;
    }
    cell += ch;
    i++;
  }
  if (quoted)
    return {
      records,
      problem: {
        line: quoteLine,
        reason: "a quoted field is never closed",
        reasonVi: "có trường mở dấu ngoặc kép mà không đóng",
      },
    };
  if (cell !== "" || cells.length > 0) endRecord();
  return { records, problem: null };
}
