/**
 * Plain text as a TextDocument, for tests and for text already extracted elsewhere: pages split at form
 * feeds, or (the seed's convention, optional) where a line starts with a space after the first page.
 * The readers in read/ do the real work (normalisation, headers, footers); this keeps the lines as they are.
 */
import type { TextDocument, TextPage } from '../read/text-document.ts';
import { paragraphText, type ReportDocument } from '../report/document.ts';

export interface PlainTextOptions {
  file?: string;
  /** A line that starts with a space begins a new page (text extracted from PDF, as the seed is). */
  pageBreakOnLeadingSpace?: boolean;
}

export function textDocumentFromString(text: string, options: PlainTextOptions = {}): TextDocument {
  const pages: TextPage[] = [];
  let page: TextPage = { page: 1, lines: [] };
  pages.push(page);
  const newPage = () => {
    page = { page: pages.length + 1, lines: [] };
    pages.push(page);
  };
  for (const chunk of text.replace(/\r\n?/g, '\n').split('\f')) {
    if (page.lines.length > 0) newPage();
    for (const raw of chunk.split('\n')) {
      if (options.pageBreakOnLeadingSpace && /^ \S/.test(raw) && page.lines.some((l) => l.text.trim() !== ''))
        newPage();
      page.lines.push({ text: raw, page: page.page, line: page.lines.length + 1 });
    }
  }
  return { file: options.file ?? 'text.txt', kind: 'text', pages };
}

/**
 * A built report (report/build.ts) as the text a reader would give back: the title, headings and
 * paragraphs one per line (or wrapped every `wrap` characters, breaking words and numbers as PDF
 * lines do), each table as its title and rows of cells, a new page at each page break. For round-trip
 * tests of the auditor without a PDF in between.
 */
export function textDocumentFromReport(
  report: ReportDocument,
  options: { wrap?: number; file?: string } = {},
): TextDocument {
  const out: string[] = [];
  const wrap = (s: string) => {
    const w = options.wrap;
    if (!w || s.length <= w) return [s];
    const lines: string[] = [];
    for (let i = 0; i < s.length; i += w) lines.push(s.slice(i, i + w));
    return lines;
  };
  for (const b of report.blocks) {
    if (b.type === 'title' || b.type === 'heading') out.push(b.text);
    else if (b.type === 'paragraph') out.push(...wrap(paragraphText(b)));
    else if (b.type === 'pageBreak') out.push('\f');
    else if (b.type === 'table') {
      const t = b.table;
      out.push(t.title);
      if (t.unitLabel) out.push(t.unitLabel);
      for (const h of t.header) out.push(h.map((c) => c.text).join('  '));
      for (const r of t.rows) out.push(r.cells.map((c) => c.text).join('  '));
      for (const n of t.notes ?? []) out.push(n);
    }
  }
  return textDocumentFromString(out.join('\n').replace(/\n?\f\n?/g, '\f'), {
    file: options.file ?? `${report.title}.txt`,
  });
}
