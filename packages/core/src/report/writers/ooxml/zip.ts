/**
 * A ZIP writer for Office packages (ECMA-376 Part 2, Open Packaging Conventions; PKWARE APPNOTE 6.3):
 * entries deflated with the platform's own `CompressionStream('deflate-raw')` (native zlib in Node, the
 * browser's in a browser), no ZIP64 (a publication is a few hundred kilobytes), no encryption.
 * Parts that are the same in every file (styles, settings, font table …) are compressed once per process.
 */

export interface ZipEntry {
  /** Path inside the archive, forward slashes, no leading slash: `word/document.xml`. */
  path: string;
  data: string | Uint8Array;
  /** Same bytes in many archives: keep the compressed form for the next one (strings only). */
  reuse?: boolean;
}

/**
 * Raw DEFLATE (RFC 1951) of some bytes. The default is the platform's `CompressionStream('deflate-raw')`; a caller
 * on Node can pass `zlib.deflateRawSync`, which does the same work without a stream per part (~4× less CPU for the
 * dozens of small parts of an XLSX).
 */
export type DeflateRaw = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

export interface ZipOptions {
  /** How entries are deflated (default: CompressionStream). */
  deflate?: DeflateRaw;
  /** Modification time written for every entry (default: now). */
  date?: Date;
  /**
   * Store every entry without compression: for an archive that goes inside another one (a chart's workbook
   * inside a DOCX), which the outer archive then deflates as a whole.
   */
  store?: boolean;
}

interface Packed {
  crc: number;
  size: number;
  method: 0 | 8;
  bytes: Uint8Array;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256 * 4);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  // Slicing by four: four bytes per step (the document part is a few hundred kilobytes).
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 4; k++) {
      c = t[c & 0xff]! ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

/** CRC-32 (ISO 3309, as ZIP uses it) of the bytes. */
export function crc32(bytes: Uint8Array): number {
  const t = CRC_TABLE;
  let c = -1;
  let i = 0;
  const end4 = bytes.length - (bytes.length % 4);
  for (; i < end4; i += 4) {
    c ^= bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    c = t[768 + (c & 0xff)]! ^ t[512 + ((c >>> 8) & 0xff)]! ^ t[256 + ((c >>> 16) & 0xff)]! ^ t[c >>> 24]!;
  }
  for (; i < bytes.length; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

async function streamDeflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // A failed write fails the read below too; these two only need not go unhandled.
  writer.write(data).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const encoder = new TextEncoder();

async function pack(
  data: string | Uint8Array,
  deflate: DeflateRaw | undefined,
  store = false,
): Promise<Packed> {
  const raw = typeof data === 'string' ? encoder.encode(data) : data;
  const crc = crc32(raw);
  // Tiny parts (relationship stubs) gain nothing from deflate.
  if (store || raw.length < 64) return { crc, size: raw.length, method: 0, bytes: raw };
  const deflated = await (deflate ?? streamDeflateRaw)(raw);
  return deflated.length < raw.length
    ? { crc, size: raw.length, method: 8, bytes: deflated }
    : { crc, size: raw.length, method: 0, bytes: raw };
}

const reused = new Map<string, Promise<Packed>>();
const MAX_REUSED = 256;

function packReused(data: string, deflate: DeflateRaw | undefined): Promise<Packed> {
  let p = reused.get(data);
  if (p === undefined) {
    if (reused.size >= MAX_REUSED) reused.clear();
    p = pack(data, deflate);
    reused.set(data, p);
  }
  return p;
}

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Writes the entries, in order, as one ZIP archive. */
export async function zip(entries: readonly ZipEntry[], options: ZipOptions = {}): Promise<Uint8Array> {
  const { time, date } = dosDateTime(options.date ?? new Date());
  const packed = await Promise.all(
    entries.map((e) =>
      options.store !== true && e.reuse === true && typeof e.data === 'string'
        ? packReused(e.data, options.deflate)
        : pack(e.data, options.deflate, options.store),
    ),
  );
  const names = entries.map((e) => encoder.encode(e.path));
  let localSize = 0;
  let centralSize = 0;
  for (let i = 0; i < entries.length; i++) {
    localSize += 30 + names[i]!.length + packed[i]!.bytes.length;
    centralSize += 46 + names[i]!.length;
  }
  if (entries.length > 0xffff || localSize + centralSize > 0xffffffff)
    throw new Error('ZIP 过大：超出未启用 ZIP64 的上限');
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const p = packed[i]!;
    const name = names[i]!;
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true); // version needed: 2.0 (deflate)
    view.setUint16(at + 6, 0x0800, true); // names are UTF-8
    view.setUint16(at + 8, p.method, true);
    view.setUint16(at + 10, time, true);
    view.setUint16(at + 12, date, true);
    view.setUint32(at + 14, p.crc, true);
    view.setUint32(at + 18, p.bytes.length, true);
    view.setUint32(at + 22, p.size, true);
    view.setUint16(at + 26, name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(name, at + 30);
    out.set(p.bytes, at + 30 + name.length);
    at += 30 + name.length + p.bytes.length;
  }
  const centralStart = at;
  for (let i = 0; i < entries.length; i++) {
    const p = packed[i]!;
    const name = names[i]!;
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: MS-DOS, 2.0
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, 0x0800, true);
    view.setUint16(at + 10, p.method, true);
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    view.setUint32(at + 16, p.crc, true);
    view.setUint32(at + 20, p.bytes.length, true);
    view.setUint32(at + 24, p.size, true);
    view.setUint16(at + 28, name.length, true);
    // extra, comment, disk, internal and external attributes: all zero (the buffer starts zeroed)
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(name, at + 46);
    at += 46 + name.length;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
