/**
 * Small PDFs written by hand, for tests of the PDF reader: Chinese text in a font that is NOT embedded (so the reader
 * needs pdfjs's predefined CMaps, as old Chinese PDFs made with Acrobat's Asian font packs do), and pages that are only
 * an image (a scan, no text layer). Built byte by byte with a correct cross-reference table (PDF 1.7, ISO 32000-1 §7.5).
 */

/** One page of a hand-made PDF. */
export interface MinimalPdfPage {
  /** Lines of text drawn top-down in a non-embedded Adobe-GB1 CID font (STSong-Light) with the given CMap. */
  lines?: string[];
  /** A JPEG to fill the page with (a scanned page); width and height in pixels. */
  jpeg?: { bytes: Uint8Array; width: number; height: number };
  /** A tiny grey image instead of a JPEG (a scan without a real picture). */
  greyImage?: boolean;
}

export interface MinimalPdfOptions {
  /** The predefined CMap of the Chinese font (UniGB-UCS2-H: two-byte UCS-2 codes; UniGB-UTF16-H: UTF-16BE). */
  cmap?: 'UniGB-UCS2-H' | 'UniGB-UTF16-H';
  /** Page size in points (A4 by default). */
  width?: number;
  height?: number;
}

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** UTF-16BE hex of a string: the codes of the UniGB-UCS2-H / UniGB-UTF16-H CMaps. */
function utf16Hex(s: string): string {
  let hex = '';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return hex;
}

/** Builds a PDF with the given pages. Text is drawn at 16 pt, one line every 28 pt from the top margin. */
export function minimalPdf(pages: readonly MinimalPdfPage[], options: MinimalPdfOptions = {}): Uint8Array {
  const width = options.width ?? 595.3;
  const height = options.height ?? 841.9;
  const cmap = options.cmap ?? 'UniGB-UCS2-H';
  // Objects 1 catalog, 2 pages, 3 Type0 font, 4 CID font, 5 font descriptor, then 3 per page (page, content, image).
  const objects: (Uint8Array | string)[] = [];
  const pageIds = pages.map((_, i) => 6 + i * 3);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] =
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /${cmap} ` + '/DescendantFonts [4 0 R] >>';
  objects[4] =
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 >>';
  objects[5] =
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] ' +
    '/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>';
  pages.forEach((page, i) => {
    const [pageId, contentId, imageId] = [pageIds[i]!, pageIds[i]! + 1, pageIds[i]! + 2];
    const ops: string[] = [];
    const hasImage = page.jpeg !== undefined || page.greyImage === true;
    if (hasImage) ops.push(`q ${width} 0 0 ${height} 0 0 cm /Im1 Do Q`);
    (page.lines ?? []).forEach((line, n) => {
      ops.push(`BT /F1 16 Tf 72 ${(height - 90 - n * 28).toFixed(2)} Td <${utf16Hex(line)}> Tj ET`);
    });
    const content = ops.join('\n');
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Contents ${contentId} 0 R ` +
      `/Resources << /Font << /F1 3 0 R >>${hasImage ? ` /XObject << /Im1 ${imageId} 0 R >>` : ''} >> >>`;
    objects[contentId] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
    if (page.jpeg) {
      const { bytes, width: w, height: h } = page.jpeg;
      objects[imageId] = concat([
        latin1(
          `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceRGB ` +
            `/BitsPerComponent 8 /Filter /DCTDecode /Length ${bytes.length} >>\nstream\n`,
        ),
        bytes,
        latin1('\nendstream'),
      ]);
    } else if (page.greyImage) {
      const pixels = '\x00\xc0\xc0\x00';
      objects[imageId] =
        '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 ' +
        `/Length ${pixels.length} >>\nstream\n${pixels}\nendstream`;
    } else {
      objects[imageId] = '<< >>';
    }
  });

  const parts: Uint8Array[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    const body = objects[id]!;
    const bytes = concat([latin1(`${id} 0 obj\n`), typeof body === 'string' ? latin1(body) : body, latin1('\nendobj\n')]);
    offsets[id] = offset;
    offset += bytes.length;
    parts.push(bytes);
  }
  const xref = [
    'xref',
    `0 ${objects.length}`,
    '0000000000 65535 f ',
    ...offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n `),
  ].join('\n');
  parts.push(
    latin1(`${xref}\ntrailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`),
  );
  return concat(parts);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Width and height of a baseline or progressive JPEG, from its first SOF marker. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  let pos = 2;
  while (pos + 9 < bytes.length) {
    if (bytes[pos] !== 0xff) throw new Error('not a JPEG marker');
    const marker = bytes[pos + 1]!;
    const len = (bytes[pos + 2]! << 8) | bytes[pos + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (bytes[pos + 5]! << 8) | bytes[pos + 6]!, width: (bytes[pos + 7]! << 8) | bytes[pos + 8]! };
    }
    pos += 2 + len;
  }
  throw new Error('no SOF marker in JPEG');
}
