/**
 * OfficialDocument → DOCX (Word), the form a clerk edits, signs and files. Layout from layout.ts
 * (Decree 30/2020 Appendix I); the byte-identity of a finalised document from ooxml-stamp.ts.
 */
import {
  AlignmentType,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  type Table,
  TextRun,
} from "docx";
import type { Block, OfficialDocument, TextRun as Run } from "../domain/official-document.ts";
import { ALIGN, type Align, borderless, cell, centred, headerTable, hp, run, table } from "./docx-parts.ts";
import {
  A4_MM,
  ADDRESSEE_COLUMNS,
  ADDRESSEE_LABEL,
  BOTTOM_COLUMNS,
  FIRST_LINE_INDENT_MM,
  FONT_NAME,
  LINE_SPACING,
  lastTextIndex,
  MARGIN_MM,
  mmToTwip,
  PARAGRAPH_SPACING_PT,
  ptToTwip,
  RECIPIENTS_LABEL,
  recipientLines,
  SIGNATURE_SPACE_PT,
  SIZE,
  splitBody,
  stampDate,
  textWidthMm,
  withClosingMark,
} from "./layout.ts";
import { stampOoxml } from "./ooxml-stamp.ts";

const LINE = { line: Math.round(240 * LINE_SPACING), lineRule: LineRuleType.AUTO };

function runs(rs: Partial<Run>[], size: number): TextRun[] {
  return rs.map((x) => run(x.text ?? "", size, x));
}

/** A body paragraph; a heading, and the "./." paragraph, keep with what follows (never alone at a page end). */
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
        bodyParagraph(
          runs(withClosingMark(b.runs, mark), SIZE.body),
          ALIGN[b.align ?? "justify"],
          indent,
          mark,
        ),
      );
    } else if (b.kind === "bullet") {
      const line = runs([{ text: "- " }, ...withClosingMark(b.runs, mark)], SIZE.body);
      out.push(bodyParagraph(line, AlignmentType.JUSTIFIED, true, mark));
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
    // keepNext from the "./." paragraph through this one to the unsplittable signature row: the
    // signature never stands on a page without text.
    new Paragraph({ spacing: { before: ptToTwip(6) }, keepNext: true, children: [] }),
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
