/**
 * OfficialDocument → PDF, the form that is sent and printed. The same layout as the DOCX
 * (layout.ts, Decree 30/2020 Appendix I); fonts and the engine in pdf-engine.ts. Every date in the
 * file is the model's builtAt, so the same model gives the same bytes.
 */
import type { Block, OfficialDocument, TextRun } from "../domain/official-document.ts";
import {
  ADDRESSEE_COLUMNS,
  ADDRESSEE_LABEL,
  BOTTOM_COLUMNS,
  cellParts,
  dateLine,
  FIRST_LINE_INDENT_MM,
  HEADER_COLUMNS,
  ISSUER_RULE_MM,
  LINE_SPACING,
  lastTextIndex,
  MARGIN_MM,
  MOTTO,
  MOTTO_RULE_MM,
  mmToPt,
  NATIONAL_TITLE,
  numberRowLabels,
  PARAGRAPH_SPACING_PT,
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
import { PDF_FONT, printPdf } from "./pdf-engine.ts";

type Node = Record<string, unknown> | string;

/** Cell padding and rule width of a ruled table, in points. */
const PAD = 3;
const LINE_W = 0.5;
const plain = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};
const ruled = {
  hLineWidth: () => LINE_W,
  vLineWidth: () => LINE_W,
  paddingLeft: () => PAD,
  paddingRight: () => PAD,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

const t = (text: string, size: number, o: { bold?: boolean; italic?: boolean } = {}) => ({
  text,
  fontSize: size,
  bold: o.bold === true,
  italics: o.italic === true,
});
const centred = (text: string, size: number, o: { bold?: boolean; italic?: boolean } = {}) => ({
  ...t(text, size, o),
  alignment: "center",
});

/** A centred rule `mm` long in a column `colPt` wide. */
function rule(colPt: number, mm: number, top = 4): Node {
  const len = mmToPt(mm);
  const x = Math.max(0, (colPt - len) / 2);
  return {
    canvas: [{ type: "line", x1: x, y1: 0, x2: x + len, y2: 0, lineWidth: 0.6 }],
    margin: [0, top, 0, 0],
  };
}

function headerTable(doc: OfficialDocument, width: number): Node {
  const [l, r] = HEADER_COLUMNS.map((f) => f * width) as [number, number];
  const left = [
    centred(doc.issuerParent.toUpperCase(), SIZE.issuer),
    centred(doc.issuer.toUpperCase(), SIZE.issuer, { bold: true }),
    rule(l, ISSUER_RULE_MM),
  ];
  const right = [
    centred(NATIONAL_TITLE, SIZE.nationalTitle, { bold: true }),
    centred(MOTTO, SIZE.motto, { bold: true }),
    rule(r, MOTTO_RULE_MM),
  ];
  const num: Node[] = [centred(doc.number, SIZE.number)];
  if (doc.excerpt) num.push({ ...centred(doc.excerpt, SIZE.excerpt), margin: [0, 2, 0, 0] });
  return {
    table: {
      widths: [l, r],
      body: [
        [{ stack: left }, { stack: right }],
        [
          { stack: num, margin: [0, 6, 0, 0] },
          { ...centred(dateLine(doc), SIZE.dateLine, { italic: true }), margin: [0, 6, 0, 0] },
        ],
      ],
    },
    layout: plain,
  };
}

const runs = (rs: Partial<TextRun>[]) =>
  rs.map((r) => ({ text: r.text ?? "", bold: r.bold === true, italics: r.italic === true }));

function para(content: unknown[], align: string, indent: boolean): Node {
  return {
    text: content,
    fontSize: SIZE.body,
    alignment: align,
    leadingIndent: indent ? mmToPt(FIRST_LINE_INDENT_MM) : 0,
    lineHeight: LINE_SPACING,
    margin: [0, PARAGRAPH_SPACING_PT, 0, 0],
  };
}

function table(b: Extract<Block, { kind: "table" }>, width: number): Node[] {
  const n = b.columns.length;
  const inner = width - n * 2 * PAD - (n + 1) * LINE_W;
  const widths = scaleWidths(b.columns, inner);
  const head = b.columns.map((c) => ({ ...centred(c.header, SIZE.table, { bold: true }) }));
  const body: Node[][] = [head];
  if (b.numberRow) body.push(numberRowLabels(b.columns).map((x) => centred(x, SIZE.table, { italic: true })));
  for (const r of b.rows) {
    body.push(
      b.columns.map((c, i) => {
        const p = cellParts(r[i] ?? "");
        return { ...t(p.text, SIZE.table, p), alignment: p.align ?? c.align ?? "left" };
      }),
    );
  }
  const caption = tableCaption(b).map((c) => ({
    ...centred(c.text, SIZE.annexTitle, c),
    margin: [0, 0, 0, c.last ? 8 : 0],
  }));
  return [
    ...caption,
    {
      table: { headerRows: b.numberRow ? 2 : 1, dontBreakRows: true, widths, body },
      layout: ruled,
      margin: [0, PARAGRAPH_SPACING_PT, 0, PARAGRAPH_SPACING_PT],
    },
  ];
}

function blocks(list: Block[], closing: number, width: number): Node[] {
  const out: Node[] = [];
  list.forEach((b, i) => {
    const mark = i === closing;
    if (b.kind === "heading") {
      const heading = para([{ text: b.text, bold: true, italics: b.level === 3 }], "justify", true);
      out.push({ ...(heading as object), headlineLevel: b.level });
    } else if (b.kind === "paragraph") {
      const indent = b.indent ?? (b.align === undefined || b.align === "justify");
      out.push(para(runs(withClosingMark(b.runs, mark)), b.align ?? "justify", indent));
    } else if (b.kind === "bullet") {
      out.push(para(runs([{ text: "- " }, ...withClosingMark(b.runs, mark)]), "justify", true));
    } else if (b.kind === "table") {
      out.push(...table(b, width));
    } else {
      out.push({ text: "", pageBreak: "after" });
    }
  });
  return out;
}

function titleBlock(doc: OfficialDocument, width: number): Node[] {
  const out: Node[] = [];
  if (doc.title)
    out.push({ ...centred(doc.title.toUpperCase(), SIZE.title, { bold: true }), margin: [0, 18, 0, 0] });
  if (doc.summary)
    out.push({
      ...centred(doc.summary, SIZE.summary, { bold: true }),
      margin: [mmToPt(10), 0, mmToPt(10), 6],
    });
  const to = doc.addressees ?? [];
  if (to.length === 1) {
    out.push({ ...centred(`${ADDRESSEE_LABEL} ${to[0]}`, SIZE.body), margin: [0, 12, 0, 6] });
  } else if (to.length > 1) {
    const [l, r] = ADDRESSEE_COLUMNS.map((f) => f * width) as [number, number];
    out.push({
      table: {
        widths: [l, r],
        body: [
          [
            { ...t(ADDRESSEE_LABEL, SIZE.body), alignment: "right", margin: [0, 0, 4, 0] },
            { stack: to.map((a) => t(`- ${a}`, SIZE.body)) },
          ],
        ],
      },
      layout: plain,
      margin: [0, 12, 0, 0],
    });
  }
  return out;
}

function bottomTable(doc: OfficialDocument, width: number): Node {
  const [l, r] = BOTTOM_COLUMNS.map((f) => f * width) as [number, number];
  const left = [
    t(RECIPIENTS_LABEL, SIZE.recipientsLabel, { bold: true, italic: true }),
    ...recipientLines(doc.recipients).map((x) => t(x, SIZE.recipients)),
  ];
  const right: Node[] = doc.signature.lines.map((x) =>
    centred(x.toUpperCase(), SIZE.signature, { bold: true }),
  );
  right.push({
    ...centred(doc.signature.name, SIZE.signature, { bold: true }),
    margin: [0, SIGNATURE_SPACE_PT, 0, 0],
  });
  return {
    table: { widths: [l, r], body: [[{ stack: left }, { stack: right }]] },
    layout: plain,
    unbreakable: true,
    margin: [0, 12, 0, 0],
  };
}

/** The pdfmake definition (exported for the tests and the benchmark). */
export function pdfDefinition(doc: OfficialDocument): Record<string, unknown> {
  const width = mmToPt(textWidthMm(doc));
  const { main, annexes } = splitBody(doc);
  const content: Node[] = [
    headerTable(doc, width),
    ...titleBlock(doc, width),
    ...blocks(main, lastTextIndex(main, doc.closingMark), width),
    bottomTable(doc, width),
  ];
  if (annexes.length > 0) content.push({ text: "", pageBreak: "after" }, ...blocks(annexes, -1, width));
  const at = stampDate(doc);
  const margins = [MARGIN_MM.left, MARGIN_MM.top, MARGIN_MM.right, MARGIN_MM.bottom].map(mmToPt);
  return {
    pageSize: "A4",
    pageOrientation: doc.orientation,
    pageMargins: margins,
    info: {
      title: [doc.title, doc.summary ?? doc.excerpt].filter(Boolean).join(" "),
      author: doc.issuer,
      subject: doc.number,
      creator: "kehoach",
      producer: "kehoach",
      creationDate: at,
      modDate: at,
    },
    // Appendix I: the page number is centred in the top margin, from page 2.
    header: (page: number) =>
      page === 1
        ? null
        : {
            text: String(page),
            alignment: "center",
            fontSize: SIZE.pageNumber,
            margin: [margins[0], mmToPt(9), margins[2], 0],
          },
    content,
    // A heading is never the last line of a page: it moves to the next page with its text.
    pageBreakBefore: (node: { headlineLevel?: number }, q: { getFollowingNodesOnPage(): unknown[] }) =>
      node.headlineLevel !== undefined && q.getFollowingNodesOnPage().length === 0,
    defaultStyle: { font: PDF_FONT, fontSize: SIZE.body, lineHeight: 1 },
  };
}

/** Writes the PDF (A4, Liberation Serif embedded). */
export async function renderPdf(doc: OfficialDocument): Promise<Uint8Array> {
  return printPdf(pdfDefinition(doc));
}
