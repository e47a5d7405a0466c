/**
 * Makes a DOCX (or any OOXML zip) byte-identical for the same model: docx and exceljs stamp the
 * current time in docProps/core.xml and on every zip entry. A finalised document must regenerate
 * to the same bytes (its stored model is the record), so both are set to the model's builtAt and
 * the entries are written in a fixed order with fixed compression.
 */
import JSZip from "jszip";

const W3CDTF = /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g;

/** The same package with every date set to `at` (UTC, seconds). */
export async function stampOoxml(bytes: Uint8Array | ArrayBuffer, at: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const iso = `${at.toISOString().slice(0, 19)}Z`;
  const out = new JSZip();
  const names = Object.keys(zip.files)
    .filter((n) => !zip.files[n]?.dir)
    .sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const entry = zip.files[name];
    if (!entry) continue;
    if (name === "docProps/core.xml") {
      const xml = (await entry.async("string")).replace(W3CDTF, `$1${iso}$3`);
      out.file(name, xml, { date: at, createFolders: false });
    } else {
      out.file(name, await entry.async("uint8array"), { date: at, createFolders: false });
    }
  }
  return out.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    platform: "DOS",
  });
}

/** [Content_Types].xml first, as Office writes it (some readers sniff the first entry). */
function order(name: string): number {
  return name === "[Content_Types].xml" ? 0 : name.startsWith("_rels/") ? 1 : 2;
}
