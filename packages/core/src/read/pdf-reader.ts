/**
 * PDF → TextDocument with pdfjs-dist (legacy build, which runs in Node and in browsers): the text items of each page
 * grouped into lines by baseline, sorted left to right, touching pieces merged into words/cells, each with its
 * position (x from the left, baseline y from the top, in points), text normalised (normalise.ts), page numbers and
 * running headers/footers removed. A PDF without a text layer (a scan) is reported as `scanned`; a damaged one
 * (pdf-damage.ts) with `damage`, naming the pages affected. Speed and memory: ADR 0013.
 *
 * Core cannot compute file paths: the CLI passes `cMapUrl` (the `cmaps/` folder of pdfjs-dist, ending in "/") and
 * `standardFontDataUrl`. Without the CMaps, Chinese drawn in a non-embedded font with a predefined CMap (UniGB-UCS2-H,
 * GBK-EUC-H …) comes out empty.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ErrorCode, JuesuanError } from '../errors.ts';
import { normaliseText, removePageFurniture } from './normalise.ts';
import {
  countChars,
  emptyCounts,
  garbledReason,
  hasEofMarker,
  RawPdf,
  structuralDamage,
  type CharCounts,
} from './pdf-damage.ts';
import type { PdfDamage, TextDocument, TextItem, TextLine, TextPage } from './text-document.ts';

/** Largest PDF read (bytes). Published 部门决算 are a few MB; 200 MB is far above any real one. */
export const MAX_PDF_BYTES = 200 * 1024 * 1024;
/** Most pages read. */
export const MAX_PDF_PAGES = 2000;

export interface PdfReadOptions {
  /** File name as given (for messages and the document). */
  file: string;
  /** Directory of pdfjs's predefined CMaps (bcmap files), ending in "/": a path in Node, a URL in a browser. */
  cMapUrl?: string;
  /** Directory of pdfjs's standard font data, ending in "/". */
  standardFontDataUrl?: string;
  maxBytes?: number;
  maxPages?: number;
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<Pdfjs> | undefined;
/**
 * The minified builds: the same code as pdf.mjs / pdf.worker.mjs (which give the types), half the source to parse, and
 * half the source V8 keeps in memory per thread (each worker of a batch holds its own copy). Module names in
 * variables (no type declarations for them; bundlers leave them alone too, as pdfjs-dist stays an external package).
 */
const PDFJS = 'pdfjs-dist/legacy/build/pdf.min.mjs';
const PDFJS_WORKER = 'pdfjs-dist/legacy/build/pdf.worker.min.mjs';

/**
 * pdfjs-dist, loaded on the first PDF read, so that validating or building never pays for it. Its legacy build (and
 * its worker, which runs in the same thread in Node and is loaded here for that reason) carries core-js polyfills that
 * replace Array.prototype.push and JSON.stringify/parse for the whole process (for engines older than Node 20's:
 * array lengths above 2³², JSON.rawJSON), which makes every push about 6× and every JSON.stringify about 14× slower,
 * pdfjs's own included; the engine's functions are put back once both are loaded.
 *
 * The legacy build also polyfills `Response.prototype.bytes` (used only when pdfjs fetches a URL, which it never does
 * here): touching Node's lazy `Response` global loads undici, the whole fetch implementation, about 20 ms and 8 MB
 * for nothing. While pdfjs loads, `Response` is a stand-in class; Node's lazy global is put back afterwards.
 */
function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const push = Array.prototype.push;
    const { stringify, parse } = JSON;
    const response = Object.getOwnPropertyDescriptor(globalThis, 'Response');
    const lazy = response?.get !== undefined && response.configurable === true;
    if (lazy)
      Object.defineProperty(globalThis, 'Response', {
        value: class Response {},
        configurable: true,
        writable: true,
      });
    try {
      const lib = (await import(PDFJS)) as Pdfjs;
      if (typeof (globalThis as { Worker?: unknown }).Worker === 'undefined') await import(PDFJS_WORKER);
      return lib;
    } finally {
      if (lazy) Object.defineProperty(globalThis, 'Response', response);
      Object.defineProperty(Array.prototype, 'push', {
        value: push,
        writable: true,
        configurable: true,
        enumerable: false,
      });
      Object.assign(JSON, { stringify, parse });
    }
  })();
  return loading;
}

/** Text operators in a page's operator list (text is drawn even if it could not be decoded), and image operators. */
function operatorSets(OPS: Pdfjs['OPS']): { text: Set<number>; image: Set<number> } {
  return {
    text: new Set<number>([
      OPS.showText,
      OPS.showSpacedText,
      OPS.nextLineShowText,
      OPS.nextLineSetSpacingShowText,
    ]),
    image: new Set<number>([
      OPS.paintImageXObject,
      OPS.paintInlineImageXObject,
      OPS.paintImageMaskXObject,
      OPS.paintImageXObjectRepeat,
      OPS.paintInlineImageXObjectGroup,
      OPS.paintImageMaskXObjectGroup,
    ]),
  };
}

/** How many pages without text are inspected further (their operator lists decode images, which is slow). */
const INSPECT_EMPTY_PAGES = 5;
/** How many pages without text, but with content streams of MIN_CONTENT_BYTES or more, are inspected for damage. */
const INSPECT_SUSPECT_PAGES = 50;
/** Stored content above a blank page's ("q Q", a page number drawn as a path …) and below any page with a table. */
const MIN_CONTENT_BYTES = 200;
/** Operators that draw nothing by themselves (a content stream of only these shows an empty page). */
const NOT_DRAWING = new Set<number>();

interface Piece {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

function pdfError(e: unknown, file: string, bytes: Uint8Array): JuesuanError {
  const name = e instanceof Error ? e.name : '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'PasswordException')
    return new JuesuanError(
      ErrorCode.Encrypted,
      `${file} 是加密的 PDF，需要打开密码，无法读取。请提供未加密的文件。`,
      [{ file, message: '需要打开密码' }],
    );
  if (name === 'InvalidPDFException' || name === 'FormatError') {
    const why = hasEofMarker(bytes)
      ? 'PDF 结构损坏，无法读取'
      : 'PDF 文件不完整（文件末尾没有 %%EOF 标记），可能在下载或复制时被截断';
    return new JuesuanError(ErrorCode.BadInput, `${file}：${why}。`, [{ file, message: why }]);
  }
  return new JuesuanError(ErrorCode.BadInput, `${file}：无法读取 PDF（${message}）。`, [{ file, message }]);
}

/** Rotates (x, y) by −k·90° about the origin. */
function rotate(x: number, y: number, k: number): [number, number] {
  switch (k) {
    case 1:
      return [y, -x];
    case 2:
      return [-x, -y];
    case 3:
      return [-y, x];
    default:
      return [x, y];
  }
}

/**
 * The page's text pieces in page coordinates (x right, y down, points from the top-left corner), turned so that the
 * dominant text direction runs left to right (a landscape table drawn on a portrait page reads like any other page).
 * Pieces at other angles (chart labels at 30°, stamps) are left out.
 */
async function pagePieces(
  page: PDFPageProxy,
  Util: Pdfjs['Util'],
  counts: CharCounts,
): Promise<{ pieces: Piece[]; width: number; height: number }> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const raw: { text: string; angle: number; x: number; y: number; width: number; size: number }[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    countChars(item.str, counts);
    const t = Util.transform(viewport.transform, item.transform as number[]) as number[];
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = t;
    const angle = Math.atan2(b, a);
    const size = Math.hypot(c, d) || item.height || 1;
    raw.push({ text: item.str, angle, x: e, y: f, width: item.width, size });
  }
  // Dominant direction, weighted by characters, in quarter turns.
  const weight = [0, 0, 0, 0];
  const quarter = (angle: number) => ((Math.round(angle / (Math.PI / 2)) % 4) + 4) % 4;
  const straight = (angle: number) => {
    const off = Math.abs(angle - Math.round(angle / (Math.PI / 2)) * (Math.PI / 2));
    return off < (3 * Math.PI) / 180;
  };
  for (const r of raw) if (straight(r.angle)) weight[quarter(r.angle)]! += r.text.length;
  const k = weight.indexOf(Math.max(...weight));
  const corners = [
    rotate(0, 0, k),
    rotate(viewport.width, 0, k),
    rotate(0, viewport.height, k),
    rotate(viewport.width, viewport.height, k),
  ];
  const minX = Math.min(...corners.map((p) => p[0]));
  const minY = Math.min(...corners.map((p) => p[1]));
  const pieces: Piece[] = [];
  for (const r of raw) {
    if (!straight(r.angle) || quarter(r.angle) !== k) continue;
    const [x, y] = rotate(r.x, r.y, k);
    pieces.push({ text: r.text, x: x - minX, y: y - minY, width: r.width, size: r.size });
  }
  const [width, height] = k % 2 === 1 ? [viewport.height, viewport.width] : [viewport.width, viewport.height];
  return { pieces, width, height };
}

const WIDE = '[\\p{Script=Han}\\u3000-\\u303f\\uff01-\\uff60\\u2018-\\u201d]';
const WIDE_SPACE_RE = new RegExp(
  `(?<=${WIDE}) +(?=${WIDE})|(?<=[，。；：、（！？]) +| +(?=[，。；：、）！？])`,
  'gu',
);

/**
 * Closes up the spaces pdfjs puts into a text run whose characters are spread out (justified Chinese: "上 级 补 助 收
 * 入 0.00 万 元 ， 占", "本年收入合 计"): within one run, spaces between Chinese characters and around Chinese
 * punctuation go. Table cells are separate runs (pdfjs starts a new run at a wide gap), so they stay apart; a real
 * space between Chinese words inside one run ("第四部分 名词解释") closes up too, which changes nothing a reader or the
 * auditor relies on.
 */
export function closeUpWideSpaces(s: string): string {
  return s.includes(' ') ? s.replace(WIDE_SPACE_RE, '') : s;
}

/**
 * Groups pieces into lines by baseline (within 0.3 × font size), sorts each line left to right and merges pieces that
 * touch (gap ≤ ¼ character) or are one word space apart (≤ 0.8 character, joined with a space) into one item: a word,
 * a phrase or a table cell. Wider gaps separate items and become one space in the line's text.
 */
function buildLines(pieces: readonly Piece[], page: number): TextLine[] {
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x);
  const clusters: Piece[][] = [];
  let current: Piece[] = [];
  let baseline = 0;
  for (const p of sorted) {
    if (current.length > 0 && Math.abs(p.y - baseline) <= 0.3 * Math.min(p.size, current[0]!.size)) {
      current.push(p);
      baseline = current.reduce((s, q) => s + q.y, 0) / current.length;
    } else {
      current = [p];
      baseline = p.y;
      clusters.push(current);
    }
  }
  const lines: TextLine[] = [];
  for (const cluster of clusters) {
    cluster.sort((a, b) => a.x - b.x);
    const items: TextItem[] = [];
    let last: TextItem | undefined;
    const seen: Piece[] = [];
    for (const p of cluster) {
      // Text drawn twice at the same place (an outline and a fill, as chart labels are) is read once.
      if (seen.some((q) => q.text === p.text && Math.abs(q.x - p.x) < 0.3 * p.size)) continue;
      seen.push(p);
      const text = closeUpWideSpaces(p.text);
      if (last) {
        const gap = p.x - (last.x + last.width);
        const size = Math.max(last.height, p.size);
        if (gap <= 0.8 * size) {
          // A word space only next to Latin letters or digits: between Chinese characters a gap is justification.
          const latin = /[A-Za-z0-9.,%)]$/.test(last.text) || /^[A-Za-z0-9(]/.test(text);
          const sep = gap > 0.25 * size && latin && !/\s$/.test(last.text) && !/^\s/.test(text) ? ' ' : '';
          last.text += sep + text;
          last.width = Math.max(last.width, p.x + p.width - last.x);
          last.height = size;
          continue;
        }
      }
      last = { text, x: p.x, y: p.y, width: p.width, height: p.size };
      items.push(last);
    }
    for (const item of items) item.text = normaliseText(item.text);
    const kept = items.filter((i) => i.text !== '');
    if (kept.length === 0) continue;
    const y = cluster.reduce((s, q) => s + q.y, 0) / cluster.length;
    lines.push({
      text: normaliseText(kept.map((i) => i.text).join(' ')),
      page,
      line: lines.length + 1,
      items: kept,
      y: Math.round(y * 100) / 100,
    });
  }
  return lines;
}

/** What the operator list of an empty page shows: text drawn in fonts that could not be decoded, images, anything drawn. */
async function inspectEmptyPage(
  page: PDFPageProxy,
  OPS: Pdfjs['OPS'],
): Promise<{ text: boolean; image: boolean; drawing: number }> {
  const ops = await page.getOperatorList();
  const sets = operatorSets(OPS);
  if (NOT_DRAWING.size === 0)
    for (const op of [OPS.save, OPS.restore, OPS.transform, OPS.setGState, OPS.dependency])
      NOT_DRAWING.add(op);
  let text = false;
  let image = false;
  let drawing = 0;
  for (const fn of ops.fnArray) {
    if (sets.text.has(fn)) text = true;
    if (sets.image.has(fn)) image = true;
    if (!NOT_DRAWING.has(fn)) drawing++;
  }
  return { text, image, drawing };
}

/** A page as read: its text lines and what its raw text looked like (for the garbled-text check). */
interface PageRead {
  page: TextPage;
  counts: CharCounts;
}

async function readPage(page: PDFPageProxy, n: number, Util: Pdfjs['Util']): Promise<PageRead> {
  const counts = emptyCounts();
  const { pieces, width, height } = await pagePieces(page, Util, counts);
  return {
    page: {
      page: n,
      width: Math.round(width * 10) / 10,
      height: Math.round(height * 10) / 10,
      lines: buildLines(pieces, n),
    },
    counts,
  };
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** pdfjs's exception names (its BaseException subclasses): a rejection with one of these comes from pdfjs. */
const PDFJS_EXCEPTIONS = new Set([
  'XRefEntryException',
  'XRefParseException',
  'FormatError',
  'MissingDataException',
  'ParserEOFException',
  'UnknownErrorException',
  'InvalidPDFException',
]);

/** The reads in progress, each collecting the pdfjs errors that nobody awaited while it ran. */
const collectors = new Set<string[]>();
let guardInstalled = false;

/**
 * pdfjs leaves some promises of a damaged document without a handler (a page tree whose kids point at broken objects
 * rejects with XRefEntryException after getPage has already answered), and Node ends the process on an unhandled
 * rejection. One listener, installed on the first PDF read, takes the rejections that are pdfjs exceptions (they are
 * evidence of broken objects and go into the damage of the reads in progress) and leaves every other rejection to
 * behave as without it.
 */
function guardUnhandledPdfjsRejections(): void {
  const proc = (globalThis as { process?: NodeJS.Process }).process;
  if (guardInstalled || typeof proc?.on !== 'function') return;
  guardInstalled = true;
  const listener = (reason: unknown): void => {
    if (reason instanceof Error && PDFJS_EXCEPTIONS.has(reason.name)) {
      for (const c of collectors) c.push(reason.message);
      return;
    }
    // Alone, a listener would silence every unhandled rejection; without other listeners, do what Node does.
    if (proc.listenerCount('unhandledRejection') === 1) throw reason;
  };
  proc.on('unhandledRejection', listener);
}

/** A macrotask: lets Node report the rejections left unhandled during the read before its collector is closed. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Refuses what is not read at all: a file over the size limit, or one that does not start as a PDF. */
function checkPdfBytes(bytes: Uint8Array, file: string, maxBytes: number): void {
  if (bytes.length > maxBytes)
    throw new JuesuanError(
      ErrorCode.TooLarge,
      `${file} 过大（${bytes.length} 字节，上限 ${maxBytes} 字节），未读取。`,
      [{ file, message: '文件过大' }],
    );
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  if (!head.includes('%PDF-'))
    throw new JuesuanError(ErrorCode.BadInput, `${file} 不是 PDF 文件（开头没有 %PDF- 标记）。`, [
      { file, message: '不是 PDF 文件' },
    ]);
}

/** Opens a fresh copy of the document, strict (pdfjs's `stopAtErrors`) or lenient. */
type OpenPdf = (strict: boolean) => Promise<PDFDocumentProxy>;

function pdfOpener(getDocument: Pdfjs['getDocument'], bytes: Uint8Array, options: PdfReadOptions): OpenPdf {
  return (strict) =>
    getDocument({
      // pdfjs takes ownership of (and may detach) the buffer it is given: pass a copy.
      data: new Uint8Array(bytes),
      ...(options.cMapUrl !== undefined ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}),
      ...(options.standardFontDataUrl !== undefined
        ? { standardFontDataUrl: options.standardFontDataUrl }
        : {}),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      stopAtErrors: strict,
      verbosity: 0,
    }).promise;
}

/** The document opened strictly, or leniently when a strict open fails for any reason but a password. */
async function openDocument(
  open: OpenPdf,
  file: string,
  bytes: Uint8Array,
): Promise<{ doc: PDFDocumentProxy; strict: boolean }> {
  try {
    return { doc: await open(true), strict: true };
  } catch (e) {
    if (e instanceof Error && e.name === 'PasswordException') throw pdfError(e, file, bytes);
    try {
      return { doc: await open(false), strict: false };
    } catch (e2) {
      throw pdfError(e2, file, bytes);
    }
  }
}

/** A page read from the document, or from the lenient copy when the strict read fails; `problem` says why it failed. */
interface PageAttempt {
  read?: PageRead;
  page?: PDFPageProxy;
  problem?: string;
}

async function attemptPage(
  doc: PDFDocumentProxy,
  n: number,
  Util: Pdfjs['Util'],
  lenientCopy: () => Promise<PDFDocumentProxy | null>,
  isLenient: (d: PDFDocumentProxy) => boolean,
): Promise<PageAttempt> {
  let page: PDFPageProxy | undefined;
  try {
    page = await doc.getPage(n);
    return { page, read: await readPage(page, n, Util) };
  } catch (e) {
    if (e instanceof JuesuanError) throw e;
    let problem = errorText(e);
    page?.cleanup();
    page = undefined;
    const copy = isLenient(doc) ? null : await lenientCopy();
    if (copy) {
      try {
        page = await copy.getPage(n);
        return { page, read: await readPage(page, n, Util), problem };
      } catch (e2) {
        problem = errorText(e2);
        page?.cleanup();
        page = undefined;
      }
    }
    return { problem };
  }
}

/** What the page loop gathers: the pages, and the evidence for warnings, damage and the scan verdict. */
class PageScan {
  readonly pages: TextPage[] = [];
  readonly warnings: string[] = [];
  readonly empty: number[] = [];
  readonly failed: { page: number; message: string }[] = [];
  readonly garbled: { page: number; why: string }[] = [];
  readonly undecodablePages: number[] = [];
  inspected = 0;
  imageOnly = 0;

  constructor(
    private readonly OPS: Pdfjs['OPS'],
    private readonly raw: () => RawPdf,
  ) {}

  /** Records one page's attempt; a page without text is inspected (within the budgets) for why it is empty. */
  async record(n: number, { read, page, problem }: PageAttempt): Promise<void> {
    if (problem !== undefined) this.failed.push({ page: n, message: problem });
    if (!read) {
      this.pages.push({ page: n, lines: [] });
      this.empty.push(n);
      this.warnings.push(`第 ${n} 页无法读取（${problem}）。`);
      return;
    }
    this.pages.push(read.page);
    const why = garbledReason(read.counts);
    if (why !== undefined) this.garbled.push({ page: n, why });
    if (read.page.lines.length === 0) await this.inspectEmpty(n, page, problem);
  }

  private async inspectEmpty(
    n: number,
    page: PDFPageProxy | undefined,
    problem: string | undefined,
  ): Promise<void> {
    this.empty.push(n);
    // A page whose stored content is more than a blank page's but draws nothing lost its content stream (bytes
    // overwritten in a way that still inflates and parses, silently, even under stopAtErrors).
    const stored = problem === undefined && page?.ref ? this.raw().contentLength(page.ref) : undefined;
    const suspect = stored !== undefined && stored >= MIN_CONTENT_BYTES;
    const budget = suspect ? INSPECT_SUSPECT_PAGES : INSPECT_EMPTY_PAGES;
    if (!page || this.inspected >= budget || this.imageOnly >= INSPECT_EMPTY_PAGES) return;
    this.inspected++;
    const seen = await inspectEmptyPage(page, this.OPS).catch(() => undefined);
    if (seen?.text) this.undecodablePages.push(n);
    else if (seen?.image) this.imageOnly++;
    else if (suspect && seen && seen.drawing === 0)
      this.failed.push({ page: n, message: `内容流 ${stored} 字节，解析后没有任何可绘制的内容` });
  }
}

/** The document's Title from its metadata, normalised; metadata is optional. */
async function documentTitle(doc: PDFDocumentProxy): Promise<string | undefined> {
  try {
    const meta = await doc.getMetadata();
    const info = meta.info as { Title?: unknown } | undefined;
    if (typeof info?.Title === 'string' && info.Title.trim() !== '') return normaliseText(info.Title);
  } catch {
    // Metadata is optional.
  }
  return undefined;
}

/** Adds to `damage` what the page loop and the unhandled pdfjs rejections showed. */
function addReadDamage(
  damage: PdfDamage[],
  scan: PageScan,
  unhandled: readonly string[],
  cMapUrl: string | undefined,
): void {
  const { failed, garbled, undecodablePages } = scan;
  if (failed.length > 0) {
    const messages = [...new Set(failed.map((f) => f.message))];
    damage.push({
      reason: 'page-unreadable',
      pages: failed.map((f) => f.page),
      detail: messages.slice(0, 3).join('；') + (messages.length > 3 ? ' …' : ''),
    });
  }
  if (garbled.length > 0)
    damage.push({ reason: 'garbled-text', pages: garbled.map((g) => g.page), detail: garbled[0]!.why });
  if (undecodablePages.length > 0 && cMapUrl !== undefined)
    damage.push({ reason: 'undecodable-text', pages: undecodablePages });
  if (unhandled.length > 0) {
    const messages = [...new Set(unhandled)];
    damage.push({
      reason: 'objects',
      pages: [],
      detail: messages.slice(0, 3).join('；') + (messages.length > 3 ? ` …（共 ${messages.length} 处）` : ''),
    });
  }
}

/** A scan: no page with text, none that failed, and the pages looked at show images and no text operators. */
function isScan(scan: PageScan): boolean {
  return (
    scan.pages.length > 0 &&
    scan.empty.length === scan.pages.length &&
    scan.failed.length === 0 &&
    scan.undecodablePages.length === 0 &&
    scan.imageOnly > 0
  );
}

/** Reads every page of the opened document into `scan`, each from the lenient copy when its strict read fails. */
async function scanPages(
  doc: PDFDocumentProxy,
  strict: boolean,
  open: OpenPdf,
  opened: PDFDocumentProxy[],
  scan: PageScan,
  Util: Pdfjs['Util'],
): Promise<void> {
  // The lenient copy, opened on the first page that fails under stopAtErrors (null: it would not open either).
  let lenient: PDFDocumentProxy | null | undefined = strict ? undefined : doc;
  const lenientCopy = async (): Promise<PDFDocumentProxy | null> => {
    if (lenient === undefined) {
      lenient = await open(false).catch(() => null);
      if (lenient) opened.push(lenient);
    }
    return lenient;
  };
  const isLenient = (d: PDFDocumentProxy) => d === lenient;
  for (let n = 1; n <= doc.numPages; n++) {
    const attempt = await attemptPage(doc, n, Util, lenientCopy, isLenient);
    try {
      await scan.record(n, attempt);
    } finally {
      attempt.page?.cleanup();
    }
  }
}

/**
 * Reads a PDF's text with positions. Throws JuesuanError with a Chinese message for what cannot be read: not a PDF,
 * corrupt or truncated so that pdfjs cannot open it (E_BAD_INPUT), encrypted with an open password (E_ENCRYPTED), over
 * the size or page limit (E_TOO_LARGE). A PDF whose pages carry no text and show images comes back with
 * `scanned: true` ("扫描件：没有文字层"); one that opens but is damaged (see pdf-damage.ts) comes back with `damage`,
 * the pages that could be read read as before.
 *
 * The document is opened with pdfjs's `stopAtErrors`, so that an error inside a page (a content stream that does not
 * inflate, an operator that does not parse) is seen instead of silently giving a short or empty page; a page that
 * fails is then read again from a second, lenient copy, which gives what pdfjs can salvage (exactly what a lenient
 * read alone would have given). Sound files are opened once.
 */
export async function readPdf(bytes: Uint8Array, options: PdfReadOptions): Promise<TextDocument> {
  const { file } = options;
  const maxPages = options.maxPages ?? MAX_PDF_PAGES;
  checkPdfBytes(bytes, file, options.maxBytes ?? MAX_PDF_BYTES);

  const { getDocument, OPS, Util } = await loadPdfjs();
  guardUnhandledPdfjsRejections();
  const open = pdfOpener(getDocument, bytes, options);
  const unhandled: string[] = [];
  collectors.add(unhandled);
  const opened: PDFDocumentProxy[] = [];
  try {
    const { doc, strict } = await openDocument(open, file, bytes);
    opened.push(doc);
    if (doc.numPages > maxPages)
      throw new JuesuanError(
        ErrorCode.TooLarge,
        `${file} 有 ${doc.numPages} 页，超过上限 ${maxPages} 页，未读取。`,
        [{ file, message: '页数过多' }],
      );
    let rawPdf: RawPdf | undefined;
    const damage: PdfDamage[] = structuralDamage(bytes, doc.numPages);
    const scan = new PageScan(OPS, () => (rawPdf ??= new RawPdf(bytes)));
    await scanPages(doc, strict, open, opened, scan, Util);
    const { pages, warnings, empty } = scan;
    const undecodable = scan.undecodablePages.length;
    if (undecodable > 0)
      warnings.push(
        `有 ${undecodable} 页绘制了文字但无法解码（字体缺少字符映射${options.cMapUrl === undefined ? '，且未提供 cMapUrl' : ''}）。`,
      );
    const title = await documentTitle(doc);
    await settle();
    addReadDamage(damage, scan, unhandled, options.cMapUrl);
    const scanned = isScan(scan);
    if (!scanned && empty.length > 0 && scan.imageOnly > 0)
      warnings.push(`第 ${empty.join('、')} 页没有文字层（可能是扫描或图片），其内容无法读取。`);
    return {
      file,
      kind: 'pdf',
      pages: removePageFurniture(pages),
      ...(scanned ? { scanned: true } : {}),
      ...(empty.length > 0 ? { emptyPages: empty } : {}),
      ...(warnings.length > 0 ? { warnings } : {}),
      ...(title !== undefined ? { title } : {}),
      ...(damage.length > 0 ? { damage } : {}),
    };
  } finally {
    collectors.delete(unhandled);
    for (const d of opened) await d.destroy();
  }
}
