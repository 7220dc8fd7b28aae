/**
 * What a reader gives back from a published document (PDF, DOCX or plain text): pages of lines, each
 * line with its text and, for PDFs, its position, so that tables can be rebuilt by position and every
 * finding can quote its page and text. Readers live in read/; the auditor (audit/) works on this.
 */

/** One piece of text as laid out on the page (PDF text item, merged into words/cells). */
export interface TextItem {
  text: string;
  /** Left edge, in PDF points from the left of the page. */
  x: number;
  /** Baseline, in PDF points from the TOP of the page (grows downwards). */
  y: number;
  width: number;
  height: number;
}

export interface TextLine {
  /** The line's text, normalised (see normalise.ts). */
  text: string;
  /** 1-based page number. */
  page: number;
  /** 1-based line number on the page. */
  line: number;
  /** Pieces with positions (PDF only; DOCX and text have none). */
  items?: TextItem[];
  y?: number;
}

export interface TextPage {
  page: number;
  width?: number;
  height?: number;
  lines: TextLine[];
}

/** A table found as a real table in the source (DOCX tables); PDFs have none and are rebuilt by position. */
export interface SourceTable {
  page: number;
  rows: string[][];
}

/**
 * Damage found in a PDF (read/pdf-damage.ts): what is broken and the pages it affects (empty when the damage is to the
 * file's structure rather than to given pages). `describeDamage` turns a list of these into the message to show.
 */
export interface PdfDamage {
  reason:
    'truncated' | 'xref' | 'page-tree' | 'objects' | 'page-unreadable' | 'garbled-text' | 'undecodable-text';
  /** 1-based pages affected, ascending. */
  pages: number[];
  /** What was seen, in Chinese (an offset, a count, pdfjs's error message). */
  detail?: string;
}

export interface TextDocument {
  /** File name as given. */
  file: string;
  kind: 'pdf' | 'docx' | 'text';
  pages: TextPage[];
  /** Tables that the source itself marks as tables (DOCX). */
  tables?: SourceTable[];
  /** True when the PDF has no text layer (a scan): every page without text, and those inspected show images. */
  scanned?: boolean;
  /** Present when the PDF is damaged (broken structure, pages that fail to parse, a garbled text layer). */
  damage?: PdfDamage[];
  /** Pages without any text (PDF: scanned or image-only pages, blank pages). */
  emptyPages?: number[];
  /** What the reader could not do, in Chinese (a page that failed to read, text drawn in a font it cannot decode). */
  warnings?: string[];
  /** Document metadata title, when present. */
  title?: string;
}

/** All lines in reading order. */
export function allLines(doc: TextDocument): TextLine[] {
  return doc.pages.flatMap((p) => p.lines);
}
