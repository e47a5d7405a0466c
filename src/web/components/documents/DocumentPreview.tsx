import type { ReactNode } from "react";
import type { Block, Cell, OfficialDocument, TextRun } from "../../../domain/official-document.ts";

/**
 * "Tuyên Quang, ngày 05 tháng 4 năm 2022": Decree 30/2020 Appendix I — a day below 10 and the
 * months 1 and 2 are written with a leading zero. A draft (no date) leaves the day blank.
 */
export function dateLine(place: string, iso: string | null, draftYear: string): string {
  if (!iso) return `${place}, ngày      tháng      năm ${draftYear}`;
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const mm = m <= 2 ? String(m).padStart(2, "0") : String(m);
  return `${place}, ngày ${String(d).padStart(2, "0")} tháng ${mm} năm ${y}`;
}

function Runs({ runs }: { runs: TextRun[] }) {
  return (
    <>
      {runs.map((r, i) => {
        let node: ReactNode = r.text;
        if (r.bold) node = <strong>{node}</strong>;
        if (r.italic) node = <em>{node}</em>;
        // biome-ignore lint/suspicious/noArrayIndexKey: runs have no identity but their place
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

function cellOf(c: Cell): { text: string; bold?: boolean; italic?: boolean; align?: string } {
  return typeof c === "string" ? { text: c } : c;
}

function Table({ block }: { block: Extract<Block, { kind: "table" }> }) {
  return (
    <figure className="doc-table">
      {block.title && <figcaption className="doc-table-title">{block.title}</figcaption>}
      {block.subtitle && <p className="doc-table-subtitle">{block.subtitle}</p>}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table scrolls sideways on a phone and must be reachable by keyboard (axe scrollable-region-focusable, WCAG 2.1.1) */}
      <section className="table-wrap" tabIndex={0} aria-label={block.title ?? block.columns[0]?.header}>
        <table>
          <thead>
            <tr>
              {block.columns.map((c) => (
                <th key={c.header} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
            {block.numberRow && (
              <tr className="doc-number-row">
                {block.columns.map((c, i) => (
                  <td key={c.header}>({i + 1})</td>
                ))}
              </tr>
            )}
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: table rows are positional
              <tr key={r}>
                {row.map((raw, i) => {
                  const c = cellOf(raw);
                  const align = c.align ?? block.columns[i]?.align;
                  const text = c.bold ? <strong>{c.text}</strong> : c.italic ? <em>{c.text}</em> : c.text;
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                    <td key={i} className={align ? `align-${align}` : undefined}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </figure>
  );
}

/**
 * A document drawn from its model as HTML, laid out as the files are (letterhead left and right,
 * number and date line, title, body, Nơi nhận and signature). `editor(key)` gives the control that
 * takes the place of an editable prose section (its first paragraph; the others are skipped).
 */
export function DocumentPreview({
  doc,
  editor,
}: {
  doc: OfficialDocument;
  editor?: (section: string, heading: string | null) => ReactNode;
}) {
  const year = (doc.meta.period ?? doc.meta.builtAt).slice(0, 4);
  const seen = new Set<string>();
  let heading: string | null = null;
  const blocks: ReactNode[] = [];
  doc.body.forEach((b, i) => {
    const key = `b${i}`;
    if (b.kind === "heading") {
      heading = b.text;
      const H = b.level === 1 ? "h3" : b.level === 2 ? "h4" : "h5";
      blocks.push(
        <H key={key} className={`doc-h${b.level}`}>
          {b.text}
        </H>,
      );
    } else if (b.kind === "paragraph") {
      if (b.section && editor) {
        if (seen.has(b.section)) return;
        seen.add(b.section);
        blocks.push(<div key={key}>{editor(b.section, heading)}</div>);
        return;
      }
      blocks.push(
        <p key={key} className={`doc-p align-${b.align ?? "justify"}${b.indent === false ? "" : " indent"}`}>
          <Runs runs={b.runs} />
        </p>,
      );
    } else if (b.kind === "bullet") {
      blocks.push(
        <p key={key} className="doc-p doc-bullet">
          - <Runs runs={b.runs} />
        </p>,
      );
    } else if (b.kind === "table") blocks.push(<Table key={key} block={b} />);
    else blocks.push(<hr key={key} className="doc-page-break" />);
  });
  return (
    <article className={`doc-sheet doc-${doc.orientation}`} lang="vi" data-testid="doc-preview">
      <div className="doc-letterhead">
        <div className="doc-issuer">
          <p>{doc.issuerParent}</p>
          <p>
            <strong>{doc.issuer}</strong>
          </p>
          <p data-testid="doc-number">{doc.number}</p>
          {doc.excerpt && <p className="doc-excerpt">{doc.excerpt}</p>}
        </div>
        <div className="doc-motto">
          <p>
            <strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>
          </p>
          <p>
            <strong>Độc lập - Tự do - Hạnh phúc</strong>
          </p>
          <p className="doc-date" data-testid="doc-date">
            <em>{dateLine(doc.place, doc.date, year)}</em>
          </p>
        </div>
      </div>
      {doc.title && <p className="doc-title">{doc.title}</p>}
      {doc.summary && <p className="doc-summary">{doc.summary}</p>}
      {doc.addressees && doc.addressees.length > 0 && (
        <div className="doc-addressees">
          <p>Kính gửi:</p>
          {doc.addressees.map((a) => (
            <p key={a}>{a}</p>
          ))}
        </div>
      )}
      {blocks}
      {doc.closingMark && <p className="doc-p align-right">./.</p>}
      <div className="doc-foot">
        <div className="doc-recipients">
          <p>
            <strong>
              <em>Nơi nhận:</em>
            </strong>
          </p>
          {doc.recipients.map((r, i) => (
            <p key={r}>
              - {r}
              {i === doc.recipients.length - 1 ? "." : ";"}
            </p>
          ))}
        </div>
        <div className="doc-signature">
          {doc.signature.lines.map((l) => (
            <p key={l}>
              <strong>{l}</strong>
            </p>
          ))}
          <p className="doc-signer">
            <strong>{doc.signature.name}</strong>
          </p>
        </div>
      </div>
    </article>
  );
}
