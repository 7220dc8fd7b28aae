/**
 * Small PDFs written by hand, for tests of the PDF reader: Chinese text in a font that is NOT embedded (so the reader
 * needs pdfjs's predefined CMaps, as Chinese PDFs made with Acrobat's Asian font packs do), pages that are only an
 * image (a scan, no text layer), and encryption with the standard security handler (RC4, ISO 32000-1 §7.6.3). Built
 * byte by byte with a correct cross-reference table (§7.5).
 */

/** One page of a hand-made PDF. */
export interface MinimalPdfPage {
  /** Lines of text drawn top-down in a non-embedded Adobe-GB1 CID font (STSong-Light) with the document's CMap. */
  lines?: string[];
  /** Lines of ASCII text drawn in the standard Helvetica font. */
  latin?: string[];
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
  /** Encrypt with RC4 40-bit (R2): a user (open) password, possibly empty, and an owner password. */
  encrypt?: { userPassword: string; ownerPassword: string };
}

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const hex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

/** UTF-16BE hex of a string: the codes of the UniGB-UCS2-H / UniGB-UTF16-H CMaps. */
function utf16Hex(s: string): string {
  let h = '';
  for (let i = 0; i < s.length; i++) h += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return h;
}

/** A PDF literal string for ASCII text. */
const literal = (s: string): string => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** Builds a PDF with the given pages. Text is drawn at 16 pt, one line every 28 pt from the top margin. */
export function minimalPdf(pages: readonly MinimalPdfPage[], options: MinimalPdfOptions = {}): Uint8Array {
  const width = options.width ?? 595.3;
  const height = options.height ?? 841.9;
  const cmap = options.cmap ?? 'UniGB-UCS2-H';
  const security = options.encrypt
    ? standardSecurity(options.encrypt.userPassword, options.encrypt.ownerPassword)
    : undefined;
  /** A string in object `id`: encrypted with that object's key when the document is. */
  const str = (id: number, s: string) => `<${hex(security ? security.encrypt(id, latin1(s)) : latin1(s))}>`;
  const stream = (id: number, dict: string, data: Uint8Array): Uint8Array => {
    const body = security ? security.encrypt(id, data) : data;
    return concat([latin1(`<< ${dict} /Length ${body.length} >>\nstream\n`), body, latin1('\nendstream')]);
  };

  // Objects 1 catalog, 2 pages, 3 Type0 font, 4 CID font, 5 font descriptor, 6 Helvetica, then 3 per page.
  const objects: (Uint8Array | string)[] = [];
  const pageIds = pages.map((_, i) => 7 + i * 3);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] =
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /${cmap} ` +
    '/DescendantFonts [4 0 R] >>';
  objects[4] =
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
    `/CIDSystemInfo << /Registry ${str(4, 'Adobe')} /Ordering ${str(4, 'GB1')} /Supplement 4 >> ` +
    '/FontDescriptor 5 0 R /DW 1000 >>';
  objects[5] =
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] ' +
    '/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>';
  objects[6] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((page, i) => {
    const [pageId, contentId, imageId] = [pageIds[i]!, pageIds[i]! + 1, pageIds[i]! + 2];
    const ops: string[] = [];
    const hasImage = page.jpeg !== undefined || page.greyImage === true;
    if (hasImage) ops.push(`q ${width} 0 0 ${height} 0 0 cm /Im1 Do Q`);
    let n = 0;
    const y = () => (height - 90 - n++ * 28).toFixed(2);
    for (const line of page.lines ?? []) ops.push(`BT /F1 16 Tf 72 ${y()} Td <${utf16Hex(line)}> Tj ET`);
    for (const line of page.latin ?? []) ops.push(`BT /F2 16 Tf 72 ${y()} Td ${literal(line)} Tj ET`);
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Contents ${contentId} 0 R ` +
      `/Resources << /Font << /F1 3 0 R /F2 6 0 R >>${hasImage ? ` /XObject << /Im1 ${imageId} 0 R >>` : ''} >> >>`;
    objects[contentId] = stream(contentId, '', latin1(ops.join('\n')));
    if (page.jpeg) {
      const { bytes, width: w, height: h } = page.jpeg;
      objects[imageId] = stream(
        imageId,
        `/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceRGB /BitsPerComponent 8 ` +
          '/Filter /DCTDecode',
        bytes,
      );
    } else if (page.greyImage) {
      objects[imageId] = stream(
        imageId,
        '/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8',
        Uint8Array.of(0x00, 0xc0, 0xc0, 0x00),
      );
    } else {
      objects[imageId] = '<< >>';
    }
  });
  let encryptId: number | undefined;
  if (security) {
    encryptId = objects.length;
    objects[encryptId] = security.dictionary;
  }

  const parts: Uint8Array[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    const body = objects[id]!;
    const bytes = concat([
      latin1(`${id} 0 obj\n`),
      typeof body === 'string' ? latin1(body) : body,
      latin1('\nendobj\n'),
    ]);
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
  const trailerExtra = security
    ? ` /Encrypt ${encryptId} 0 R /ID [<${hex(security.id)}> <${hex(security.id)}>]`
    : '';
  parts.push(
    latin1(
      `${xref}\ntrailer\n<< /Size ${objects.length} /Root 1 0 R${trailerExtra} >>\nstartxref\n${offset}\n%%EOF\n`,
    ),
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
      return {
        height: (bytes[pos + 5]! << 8) | bytes[pos + 6]!,
        width: (bytes[pos + 7]! << 8) | bytes[pos + 8]!,
      };
    }
    pos += 2 + len;
  }
  throw new Error('no SOF marker in JPEG');
}

// --- The standard security handler, revision 2 (RC4, 40-bit key): ISO 32000-1 §7.6.3, algorithms 2, 3 and 4. ---

// prettier-ignore
const PASSWORD_PAD = Uint8Array.of(
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
  0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
);

const padPassword = (pw: string): Uint8Array => concat([latin1(pw), PASSWORD_PAD]).subarray(0, 32);

function standardSecurity(user: string, owner: string) {
  const permissions = -4; // every permission bit set
  const id = md5(latin1(`juesuan-minimal-pdf-${user}-${owner}`));
  const o = rc4(md5(padPassword(owner || user)).subarray(0, 5), padPassword(user));
  const p = Uint8Array.of(
    permissions & 0xff,
    (permissions >> 8) & 0xff,
    (permissions >> 16) & 0xff,
    (permissions >>> 24) & 0xff,
  );
  const key = md5(concat([padPassword(user), o, p, id])).subarray(0, 5);
  const u = rc4(key, PASSWORD_PAD);
  return {
    id,
    dictionary: `<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${hex(o)}> /U <${hex(u)}> /P ${permissions} >>`,
    encrypt(objectId: number, data: Uint8Array): Uint8Array {
      const objectKey = md5(
        concat([key, Uint8Array.of(objectId & 0xff, (objectId >> 8) & 0xff, (objectId >> 16) & 0xff, 0, 0)]),
      );
      return rc4(objectKey.subarray(0, 10), data);
    },
  };
}

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  let a = 0;
  let b = 0;
  for (let k = 0; k < data.length; k++) {
    a = (a + 1) & 0xff;
    b = (b + s[a]!) & 0xff;
    [s[a], s[b]] = [s[b]!, s[a]!];
    out[k] = data[k]! ^ s[(s[a]! + s[b]!) & 0xff]!;
  }
  return out;
}

/** MD5 (RFC 1321), needed by the PDF security handler; core has no crypto module. */
function md5(message: Uint8Array): Uint8Array {
  const shifts = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
  const k = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);
  const length = message.length;
  const padded = new Uint8Array((((length + 8) >> 6) + 1) * 64);
  padded.set(message);
  padded[length] = 0x80;
  const bits = length * 8;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, bits >>> 0, true);
  view.setUint32(padded.length - 4, Math.floor(bits / 2 ** 32), true);
  let [a0, b0, c0, d0] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let chunk = 0; chunk < padded.length; chunk += 64) {
    const m = Array.from({ length: 16 }, (_, i) => view.getUint32(chunk + i * 4, true));
    let [a, b, c, d] = [a0, b0, c0, d0];
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) [f, g] = [(b & c) | (~b & d), i];
      else if (i < 32) [f, g] = [(d & b) | (~d & c), (5 * i + 1) % 16];
      else if (i < 48) [f, g] = [b ^ c ^ d, (3 * i + 5) % 16];
      else [f, g] = [c ^ (b | ~d), (7 * i) % 16];
      const sum = (a + f + k[i]! + m[g]!) >>> 0;
      const s = shifts[(i >> 4) * 4 + (i % 4)]!;
      [a, d, c] = [d, c, b];
      b = (b + ((sum << s) | (sum >>> (32 - s)))) >>> 0;
    }
    a0 = (a0 + a) >>> 0;
    b0 = (b0 + b) >>> 0;
    c0 = (c0 + c) >>> 0;
    d0 = (d0 + d) >>> 0;
  }
  const out = new Uint8Array(16);
  const ov = new DataView(out.buffer);
  [a0, b0, c0, d0].forEach((v, i) => ov.setUint32(i * 4, v, true));
  return out;
}
