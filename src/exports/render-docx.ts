/**
 * OfficialDocument → DOCX (Word), the form a clerk edits, signs and files. Layout from layout.ts
 * (Decree 30/2020 Appendix I); the byte-identity of a finalised document from ooxml-stamp.ts.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { Block, OfficialDocument, TextRun as Run } from "../domain/official-document.ts";
import {
  A4_MM,
  ADDRESSEE_COLUMNS,
  ADDRESSEE_LABEL,
  BOTTOM_COLUMNS,
  cellParts,
  dateLine,
  FIRST_LINE_INDENT_MM,
  FONT_NAME,
  HEADER_COLUMNS,
  ISSUER_RULE_MM,
  LINE_SPACING,
  lastTextIndex,
  MARGIN_MM,
  MOTTO,
  MOTTO_RULE_MM,
  mmToTwip,
  NATIONAL_TITLE,
  numberRowLabels,
  PARAGRAPH_SPACING_PT,
  ptToTwip,
  RECIPIENTS_LABEL,
  recipientLines,
  SIGNATURE_SPACE_PT,
  SIZE,
  scaleWidths,
  splitBody,
  stampDate,
  tableCaption,
  textWidthMm,
  withClosingMark,
} from "./layout.ts";
import { stampOoxml } from "./ooxml-stamp.ts";

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
const ALIGN: Record<"left" | "center" | "right" | "justify", Align> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};
/** docx sizes are half-points. */
const hp = (pt: number): number => pt * 2;
const LINE = { line: Math.round(240 * LINE_SPACING), lineRule: LineRuleType.AUTO };
const rule = { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } as const;

function run(text: string, size: number, o: { bold?: boolean; italic?: boolean } = {}): TextRun {
  return new TextRun({ text, size: hp(size), bold: o.bold, italics: o.italic, font: FONT_NAME });
}

function centred(
  text: string,
  size: number,
  o: { bold?: boolean; italic?: boolean; after?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: o.after ?? 0 },
    children: [run(text, size, o)],
  });
}

/** An empty paragraph whose bottom border, between equal indents, is a centred rule `mm` long. */
function ruleParagraph(cellMm: number, mm: number): Paragraph {
  const side = mmToTwip(Math.max(0, (cellMm - mm) / 2));
  return new Paragraph({
    border: { top: rule },
    indent: { left: side, right: side },
    spacing: { before: 40, after: 0, line: 240 },
    children: [run("", 2)],
  });
}

/** A borderless layout cell without Word's default 1.9 mm side margins, so the columns are exactly the text width. */
function cell(children: (Paragraph | Table)[], widthMm: number): TableCell {
  return new TableCell({
    children,
    width: { size: mmToTwip(widthMm), type: WidthType.DXA },
    borders: TableBorders.NONE,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
  });
}

function borderless(widths: number[], rows: TableCell[][]): Table {
  return new Table({
    rows: rows.map((children) => new TableRow({ children })),
    width: { size: mmToTwip(widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widths.map(mmToTwip),
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

/** Issuer | Quốc hiệu, then "Số:" (and "V/v …") | place and date — one borderless table. */
function headerTable(doc: OfficialDocument): Table {
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
  const numberCell = [centred(doc.number, SIZE.number, { after: 0 })];
  if (doc.excerpt) numberCell.push(centred(doc.excerpt, SIZE.excerpt));
  const dateCell = [centred(dateLine(doc), SIZE.dateLine, { italic: true })];
  return borderless(
    [l, r],
    [
      [cell(left, l), cell(right, r)],
      [cell(numberCell, l), cell(dateCell, r)],
    ],
  );
}

function runs(rs: Partial<Run>[], size: number): TextRun[] {
  return rs.map((x) => run(x.text ?? "", size, x));
}

/** A body paragraph; a heading keeps with the next paragraph (never the last line of a page). */
function bodyParagraph(
  children: ParagraphChild[],
  align: Align,
  indent: boolean,
  keepNext = false,
): Paragraph {
  return new Paragraph({
    alignment: align,
    keepNext,
    indent: indent ? { firstLine: mmToTwip(FIRST_LINE_INDENT_MM) } : undefined,
    spacing: { ...LINE, before: ptToTwip(PARAGRAPH_SPACING_PT), after: 0 },
    children,
  });
}

function table(doc: OfficialDocument, b: Extract<Block, { kind: "table" }>): (Paragraph | Table)[] {
  const widths = scaleWidths(b.columns, textWidthMm(doc));
  const bordered = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
  const borders = { top: bordered, bottom: bordered, left: bordered, right: bordered };
  const mk = (p: Paragraph, i: number, head = false) =>
    new TableCell({
      children: [p],
      width: { size: mmToTwip(widths[i] ?? 10), type: WidthType.DXA },
      verticalAlign: head ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
      borders,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
    });
  const para = (text: string, align: Align, o: { bold?: boolean; italic?: boolean } = {}) =>
    new Paragraph({
      alignment: align,
      spacing: { before: 0, after: 0 },
      children: [run(text, SIZE.table, o)],
    });
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

function blocks(doc: OfficialDocument, list: Block[], closing: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  list.forEach((b, i) => {
    const mark = i === closing;
    if (b.kind === "heading") {
      const o = { bold: true, italic: b.level === 3 };
      out.push(bodyParagraph([run(b.text, SIZE.body, o)], AlignmentType.JUSTIFIED, true, true));
    } else if (b.kind === "paragraph") {
      const indent = b.indent ?? (b.align === undefined || b.align === "justify");
      out.push(
        bodyParagraph(runs(withClosingMark(b.runs, mark), SIZE.body), ALIGN[b.align ?? "justify"], indent),
      );
    } else if (b.kind === "bullet") {
      const line = runs([{ text: "- " }, ...withClosingMark(b.runs, mark)], SIZE.body);
      out.push(bodyParagraph(line, AlignmentType.JUSTIFIED, true));
    } else if (b.kind === "table") {
      out.push(...table(doc, b));
    } else {
      out.push(new Paragraph({ children: [new PageBreak()] }));
    }
  });
  return out;
}

function titleBlock(doc: OfficialDocument): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (doc.title) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: ptToTwip(18), after: 0 },
        children: [run(doc.title.toUpperCase(), SIZE.title, { bold: true })],
      }),
    );
  }
  if (doc.summary) out.push(centred(doc.summary, SIZE.summary, { bold: true, after: ptToTwip(6) }));
  const to = doc.addressees ?? [];
  if (to.length === 1) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: ptToTwip(12), after: ptToTwip(6) },
        children: [run(`${ADDRESSEE_LABEL} ${to[0]}`, SIZE.body)],
      }),
    );
  } else if (to.length > 1) {
    const w = textWidthMm(doc);
    const [l, r] = ADDRESSEE_COLUMNS.map((f) => f * w) as [number, number];
    const line = (text: string, align: Align = AlignmentType.LEFT) =>
      new Paragraph({
        alignment: align,
        indent: { right: align === AlignmentType.RIGHT ? ptToTwip(4) : 0 },
        spacing: { after: 0 },
        children: [run(text, SIZE.body)],
      });
    out.push(
      new Paragraph({ spacing: { before: ptToTwip(6), after: 0 }, children: [] }),
      borderless(
        [l, r],
        [
          [
            cell([line(ADDRESSEE_LABEL, AlignmentType.RIGHT)], l),
            cell(
              to.map((a) => line(`- ${a}`)),
              r,
            ),
          ],
        ],
      ),
    );
  }
  return out;
}

/** "Nơi nhận:" and its lines | the signature lines, space for the signature and seal, the name. */
function bottomTable(doc: OfficialDocument): Table {
  const w = textWidthMm(doc);
  const [l, r] = BOTTOM_COLUMNS.map((f) => f * w) as [number, number];
  const left = [
    new Paragraph({ children: [run(RECIPIENTS_LABEL, SIZE.recipientsLabel, { bold: true, italic: true })] }),
    ...recipientLines(doc.recipients).map((t) => new Paragraph({ children: [run(t, SIZE.recipients)] })),
  ];
  const right = doc.signature.lines.map((t) => centred(t.toUpperCase(), SIZE.signature, { bold: true }));
  right.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: ptToTwip(SIGNATURE_SPACE_PT) },
      children: [run(doc.signature.name, SIZE.signature, { bold: true })],
    }),
  );
  return borderless([l, r], [[cell(left, l), cell(right, r)]]);
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: [PageNumber.CURRENT], size: hp(SIZE.pageNumber), font: FONT_NAME }),
        ],
      }),
    ],
  });
}

/** Writes the DOCX; the same model always gives the same bytes (ooxml-stamp.ts). */
export async function renderDocx(doc: OfficialDocument): Promise<Uint8Array> {
  const { main, annexes } = splitBody(doc);
  const closing = lastTextIndex(main, doc.closingMark);
  const landscape = doc.orientation === "landscape";
  const children: (Paragraph | Table)[] = [
    headerTable(doc),
    ...titleBlock(doc),
    ...blocks(doc, main, closing),
    new Paragraph({ spacing: { before: ptToTwip(6) }, children: [] }),
    bottomTable(doc),
  ];
  if (annexes.length > 0) {
    children.push(new Paragraph({ children: [new PageBreak()] }), ...blocks(doc, annexes, -1));
  }
  const file = new Document({
    creator: doc.issuer,
    lastModifiedBy: doc.issuer,
    title: [doc.title, doc.summary ?? doc.excerpt].filter(Boolean).join(" "),
    description: doc.number,
    styles: {
      // vi-VN so that Word checks the spelling in Vietnamese.
      default: { document: { run: { font: FONT_NAME, size: hp(SIZE.body), language: { value: "vi-VN" } } } },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {
              width: mmToTwip(A4_MM.width),
              height: mmToTwip(A4_MM.height),
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: mmToTwip(MARGIN_MM.top),
              bottom: mmToTwip(MARGIN_MM.bottom),
              left: mmToTwip(MARGIN_MM.left),
              right: mmToTwip(MARGIN_MM.right),
              header: mmToTwip(MARGIN_MM.top / 2),
              footer: mmToTwip(MARGIN_MM.bottom / 2),
            },
          },
        },
        headers: {
          default: pageNumberHeader(),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children,
      },
    ],
  });
  const raw = await Packer.toBuffer(file);
  return stampOoxml(raw, stampDate(doc));
}
