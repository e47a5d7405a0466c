/**
 * The DOCX writer's pieces: runs in Times New Roman, centred lines, the short rules of Appendix I
 * drawn as paragraph borders between indents, borderless layout tables, and the ruled data table
 * (bold header and number row repeated on every page, rows never split).
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { Block, OfficialDocument } from "../domain/official-document.ts";
import {
  cellParts,
  dateLine,
  FONT_NAME,
  HEADER_COLUMNS,
  ISSUER_RULE_MM,
  MOTTO,
  MOTTO_RULE_MM,
  mmToTwip,
  NATIONAL_TITLE,
  numberRowLabels,
  ptToTwip,
  SIZE,
  scaleWidths,
  tableCaption,
  textWidthMm,
} from "./layout.ts";

/** Word's paragraph alignments, and the model's names for them. */
export type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
export const ALIGN: Record<"left" | "center" | "right" | "justify", Align> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};
/** docx sizes are half-points. */
export const hp = (pt: number): number => pt * 2;
const rule = { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } as const;

/** A run in Times New Roman (Appendix I: the font of every official document). */
export function run(text: string, size: number, o: { bold?: boolean; italic?: boolean } = {}): TextRun {
  return new TextRun({ text, size: hp(size), bold: o.bold, italics: o.italic, font: FONT_NAME });
}

/** A centred line: the header elements, titles and signature lines are all centred in their column. */
export function centred(
  text: string,
  size: number,
  o: { bold?: boolean; italic?: boolean; before?: number; after?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: o.before ?? 0, after: o.after ?? 0 },
    children: [run(text, size, o)],
  });
}

/** An empty paragraph whose bottom border, between equal indents, is a centred rule `mm` long. */
export function ruleParagraph(cellMm: number, mm: number): Paragraph {
  const side = mmToTwip(Math.max(0, (cellMm - mm) / 2));
  return new Paragraph({
    border: { top: rule },
    indent: { left: side, right: side },
    spacing: { before: 40, after: 0, line: 240 },
    children: [run("", 2)],
  });
}

/** A borderless layout cell without Word's default 1.9 mm side margins, so the columns are exactly the text width. */
export function cell(children: (Paragraph | Table)[], widthMm: number): TableCell {
  return new TableCell({
    children,
    width: { size: mmToTwip(widthMm), type: WidthType.DXA },
    borders: TableBorders.NONE,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
  });
}

/** A layout table (header, Kính gửi, Nơi nhận | signature): fixed columns, no borders, rows never split. */
export function borderless(widths: number[], rows: TableCell[][]): Table {
  return new Table({
    rows: rows.map((children) => new TableRow({ children, cantSplit: true })),
    width: { size: mmToTwip(widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widths.map(mmToTwip),
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

/** Issuer | Quốc hiệu, then "Số:" (and "V/v …") | place and date — one borderless table. */
export function headerTable(doc: OfficialDocument): Table {
  const w = textWidthMm(doc);
  const [l, r] = HEADER_COLUMNS.map((f) => f * w) as [number, number];
  const left = [
    centred(doc.issuerParent.toUpperCase(), SIZE.issuer),
    centred(doc.issuer.toUpperCase(), SIZE.issuer, { bold: true }),
    ruleParagraph(l, ISSUER_RULE_MM),
  ];
  const right = [
    centred(NATIONAL_TITLE, SIZE.nationalTitle, { bold: true }),
    centred(MOTTO, SIZE.motto, { bold: true }),
    ruleParagraph(r, MOTTO_RULE_MM),
  ];
  const numberCell = [centred(doc.number, SIZE.number, { before: ptToTwip(6) })];
  if (doc.excerpt) numberCell.push(centred(doc.excerpt, SIZE.excerpt));
  const dateCell = [centred(dateLine(doc), SIZE.dateLine, { italic: true, before: ptToTwip(6) })];
  return borderless(
    [l, r],
    [
      [cell(left, l), cell(right, r)],
      [cell(numberCell, l), cell(dateCell, r)],
    ],
  );
}

/** A data table: bold header and the "(1) (2) …" row repeated on every page (Appendix I annex tables), rows never split. */
export function table(doc: OfficialDocument, b: Extract<Block, { kind: "table" }>): (Paragraph | Table)[] {
  const widths = scaleWidths(b.columns, textWidthMm(doc));
  const bordered = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
  const borders = { top: bordered, bottom: bordered, left: bordered, right: bordered };
  const mk = (p: Paragraph[], i: number, head = false) =>
    new TableCell({
      children: p,
      width: { size: mmToTwip(widths[i] ?? 10), type: WidthType.DXA },
      verticalAlign: head ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
      borders,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
    });
  // A cell's "\n" starts a new paragraph in the cell (Word ignores a newline inside a run).
  const para = (text: string, align: Align, o: { bold?: boolean; italic?: boolean } = {}) =>
    text.split("\n").map(
      (line) =>
        new Paragraph({
          alignment: align,
          spacing: { before: 0, after: 0 },
          children: [run(line, SIZE.table, o)],
        }),
    );
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: b.columns.map((c, i) => mk(para(c.header, AlignmentType.CENTER, { bold: true }), i, true)),
    }),
  ];
  if (b.numberRow) {
    rows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: numberRowLabels(b.columns).map((t, i) =>
          mk(para(t, AlignmentType.CENTER, { italic: true }), i, true),
        ),
      }),
    );
  }
  for (const r of b.rows) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: b.columns.map((c, i) => {
          const p = cellParts(r[i] ?? "");
          return mk(para(p.text, ALIGN[p.align ?? c.align ?? "left"], p), i);
        }),
      }),
    );
  }
  const caption = tableCaption(b).map((c) =>
    centred(c.text, SIZE.annexTitle, { ...c, after: c.last ? 120 : 0 }),
  );
  return [
    ...caption,
    new Table({
      rows,
      width: { size: mmToTwip(textWidthMm(doc)), type: WidthType.DXA },
      columnWidths: widths.map(mmToTwip),
      layout: TableLayoutType.FIXED,
    }),
    new Paragraph({ spacing: { after: 0 }, children: [] }),
  ];
}
