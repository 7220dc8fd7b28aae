/**
 * Reading a built PDF back the way a reader looks at it (issue 8, "Publications that look finished"): the lines of
 * each page with their positions (pdftotext -bbox-layout), the pages rendered to PNG (pdftoppm) and how much ink each
 * holds, and the checks the page tests make — no blank page, no title, heading or caption whose last line holds only
 * one or two characters, and each table continued on a new page headed by its header rows again.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { DocTable, ReportDocument } from '@juesuan/core';

export interface PdfLine {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  lines: PdfLine[];
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Every line of every page, in the order pdftotext reads them. */
export function pdfPages(pdf: string): PdfPage[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages: PdfPage[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  for (let m = pageRe.exec(xml); m !== null; m = pageRe.exec(xml)) {
    const lines: PdfLine[] = [];
    const lineRe =
      /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g;
    for (let l = lineRe.exec(m[3]!); l !== null; l = lineRe.exec(m[3]!)) {
      const words = [...l[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => unescape(w[1]!));
      lines.push({
        text: words.join(''),
        xMin: Number(l[1]),
        yMin: Number(l[2]),
        xMax: Number(l[3]),
        yMax: Number(l[4]),
      });
    }
    pages.push({ number: pages.length + 1, width: Number(m[1]), height: Number(m[2]), lines });
  }
  return pages;
}

/** Text without white space, for matching what the document says against what the page shows. */
export const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Letters and digits of a line (punctuation is not an orphan's company). */
export const contentLength = (s: string) => s.match(/[\p{L}\p{N}]/gu)?.length ?? 0;

/** Furniture that is on every page and says nothing: the page number "— 7 —" and the draft mark. */
const FURNITURE = /^(?:—\d+—|-\d+-|草稿（[^）]*）)$/;

/** Pages with no text but their furniture. */
export function blankTextPages(pages: readonly PdfPage[]): number[] {
  return pages
    .filter((p) => p.lines.every((l) => squeeze(l.text) === '' || FURNITURE.test(squeeze(l.text))))
    .map((p) => p.number);
}

export interface DisplayText {
  kind: 'title' | 'heading' | 'table title' | 'chart title';
  text: string;
}

/** The titles, headings and captions of a document, as the DOCX writer prints them. */
export function displayTexts(doc: ReportDocument): DisplayText[] {
  const out: DisplayText[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'title') out.push({ kind: 'title', text: b.text });
    else if (b.type === 'heading') out.push({ kind: 'heading', text: b.text });
    else if (b.type === 'table') {
      const caption = [b.table.number, b.table.title].filter((s) => s !== '').join('');
      if (caption !== '') out.push({ kind: 'table title', text: caption });
    } else if (b.type === 'chart') out.push({ kind: 'chart title', text: b.chart.title });
  }
  return out;
}

export interface PlacedText {
  display: DisplayText;
  page: number;
  lines: string[];
}

/**
 * Where each display text sits: the run of consecutive lines of a page that spells it (a caption's line may go on
 * with "（单位：万元）"). Texts not found are left out.
 */
export function placeDisplayTexts(pages: readonly PdfPage[], texts: readonly DisplayText[]): PlacedText[] {
  const out: PlacedText[] = [];
  for (const display of texts) {
    const want = squeeze(display.text);
    search: for (const page of pages) {
      const lines = page.lines.map((l) => squeeze(l.text));
      for (let i = 0; i < lines.length; i++) {
        if (lines[i] === '' || !(want.startsWith(lines[i]!) || lines[i]!.startsWith(want))) continue;
        let acc = '';
        for (let j = i; j < lines.length && j < i + 4; j++) {
          acc += lines[j]!;
          if (acc.startsWith(want)) {
            // A caption's "（单位：万元）" that the line leaves open goes on the next line: part of the caption.
            let end = j;
            const open = (t: string) => (t.match(/（/g)?.length ?? 0) > (t.match(/）/g)?.length ?? 0);
            while (open(acc) && end + 1 < lines.length && end < j + 2) acc += lines[++end]!;
            out.push({ display, page: page.number, lines: lines.slice(i, end + 1) });
            break search;
          }
          if (!want.startsWith(acc)) break;
        }
      }
    }
  }
  return out;
}

/** Display texts whose last line holds only one or two characters: "…公开说" / "明". */
export function orphanLines(placed: readonly PlacedText[]): PlacedText[] {
  return placed.filter((p) => p.lines.length > 1 && contentLength(p.lines[p.lines.length - 1]!) <= 2);
}

/** The labels of a table's first header row (or, for a form, its group header row), as checked on each page. */
function headerLabels(t: DocTable): string[] {
  const row = t.header[0] ?? t.rows.find((r) => r.groupHeader === true)?.cells ?? [];
  return row.map((c) => squeeze(c.text)).filter((s) => s !== '');
}

export interface Continuation {
  table: string;
  page: number;
  missing: string[];
}

/**
 * Pages a table continues on (its rows are there, its caption is not) that do not repeat its header labels. A table's
 * pages are found by its rows' distinctive labels (a code, a name or an indicator) between its caption and the next
 * table's caption.
 */
export function continuationsWithoutHeader(pages: readonly PdfPage[], doc: ReportDocument): Continuation[] {
  const pageText = pages.map((p) => squeeze(p.lines.map((l) => l.text).join('')));
  // Where each display text (title, heading, caption) is, in document order: a table runs from its caption to the
  // next display text (the page before it when that text heads its page).
  const texts = displayTexts(doc);
  const placed = placeDisplayTexts(pages, texts);
  const at = new Map(placed.map((p) => [p.display, p]));
  const tables = doc.blocks.flatMap((b) => (b.type === 'table' ? [b.table] : []));
  const out: Continuation[] = [];
  let ti = 0;
  texts.forEach((display, i) => {
    if (display.kind !== 'table title') return;
    const t = tables[ti++];
    const here = at.get(display);
    if (t === undefined || here === undefined) return;
    const start = here.page - 1;
    const following = texts
      .slice(i + 1)
      .map((x) => at.get(x))
      .find((x) => x !== undefined);
    let last = pages.length - 1;
    if (following !== undefined) {
      const page = pages[following.page - 1]!;
      const first = page.lines.find((l) => squeeze(l.text) !== '' && !FURNITURE.test(squeeze(l.text)));
      const headsPage = first !== undefined && following.lines[0] === squeeze(first.text);
      last = following.page - 1 - (headsPage ? 1 : 0);
    }
    const labels = headerLabels(t);
    for (let p = start + 1; p <= last; p++) {
      const text = pageText[p]!;
      if (blankTextPages([pages[p]!]).length > 0) continue;
      const missing = labels.filter((l) => !text.includes(l));
      if (missing.length > 0) out.push({ table: squeeze(display.text) || t.id, page: p + 1, missing });
    }
  });
  return out;
}

/** Renders every page to PNG (grey, `dpi`) in `dir`; returns the files in page order. */
export function renderPages(pdf: string, dir: string, dpi = 40): string[] {
  execFileSync('pdftoppm', ['-png', '-gray', '-r', String(dpi), pdf, join(dir, 'page')]);
  return readdirSync(dir)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
    .map((f) => join(dir, f));
}

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 black … 255 white. */
  pixels: Uint8Array;
}

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** Decodes an 8-bit PNG (grey, grey + alpha, RGB or RGBA, as pdftoppm writes them) into grey pixels. */
export function decodeGreyPng(file: string): GreyImage {
  const buf = readFileSync(file);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error(`${file}: not a PNG`);
  let width = 0;
  let height = 0;
  let channels = 1;
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length;) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const c = CHANNELS[data[9]!];
      if (data[8] !== 8 || c === undefined || data[12] !== 0) throw new Error(`${file}: not an 8-bit PNG`);
      channels = c;
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const cur = new Uint8Array(stride);
  let prev = new Uint8Array(stride);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels]! : 0;
      const b = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      let v = row[i]!;
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[i] = v & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = x * channels;
      pixels[y * width + x] = channels >= 3 ? Math.round((cur[o]! + cur[o + 1]! + cur[o + 2]!) / 3) : cur[o]!;
    }
    prev = cur.slice();
  }
  return { width, height, pixels };
}

/** Share of dark pixels between the top and bottom margins (the page number and draft mark left out). */
export function bodyInk(img: GreyImage, margin = 0.1): number {
  const top = Math.floor(img.height * margin);
  const bottom = Math.ceil(img.height * (1 - margin));
  let dark = 0;
  for (let y = top; y < bottom; y++)
    for (let x = 0; x < img.width; x++) if (img.pixels[y * img.width + x]! < 128) dark++;
  return dark / (img.width * (bottom - top));
}
