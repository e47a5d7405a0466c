/**
 * The PDF engine: pdfmake 0.3's printer with Liberation Serif (metric-compatible with Times New
 * Roman, with every Vietnamese glyph) read from disk once — never fetched (offline rule). The
 * printer is used directly, not the `pdfmake` singleton, so there is no global font table and no
 * URL resolver: nothing but the given definition goes into the file. pdfmake ships no types; the
 * little used here is typed below.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** Debian fonts-liberation2 (installed by .ci/run). */
export const FONT_DIR = "/usr/share/fonts/truetype/liberation2";
export const PDF_FONT = "LiberationSerif";

interface PdfKitDocument {
  on(event: "data", cb: (chunk: Uint8Array) => void): void;
  on(event: "end", cb: () => void): void;
  on(event: "error", cb: (e: unknown) => void): void;
  end(): void;
}
type Faces = { normal: Buffer; bold: Buffer; italics: Buffer; bolditalics: Buffer };
interface Printer {
  createPdfKitDocument(definition: object, options?: object): Promise<PdfKitDocument>;
}
type PrinterClass = new (
  fonts: Record<string, Faces>,
  virtualfs: null,
  urls: { resolve(): void; resolved(): Promise<void> },
) => Printer;

let faces: Faces | undefined;

/** The four faces, read once per process. */
function fonts(): Faces {
  faces ??= {
    normal: readFileSync(`${FONT_DIR}/LiberationSerif-Regular.ttf`),
    bold: readFileSync(`${FONT_DIR}/LiberationSerif-Bold.ttf`),
    italics: readFileSync(`${FONT_DIR}/LiberationSerif-Italic.ttf`),
    bolditalics: readFileSync(`${FONT_DIR}/LiberationSerif-BoldItalic.ttf`),
  };
  return faces;
}

const require = createRequire(import.meta.url);
const noUrls = { resolve() {}, resolved: async () => {} };

/** Lays out and writes a pdfmake definition; resolves with the whole file. */
export async function printPdf(definition: object): Promise<Uint8Array> {
  const PdfPrinter = (require("pdfmake/js/Printer.js") as { default: PrinterClass }).default;
  const printer = new PdfPrinter({ [PDF_FONT]: fonts() }, null, noUrls);
  const pdf = await printer.createPdfKitDocument(definition);
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    pdf.on("data", (c) => chunks.push(c));
    pdf.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on("error", reject);
    pdf.end();
  });
}
