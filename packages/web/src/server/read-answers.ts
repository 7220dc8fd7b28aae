/**
 * The bytes of `GET /api/disclosures/{id}`, kept between requests (docs/adr/0016-web-api-latency.md,
 * amendment "a disclosure's read"). Nearly all of the answer is the stored data (~20 kB) and its
 * findings; encoding that text to UTF-8 again for every request (and working out its length, and
 * gzipping it) was most of what a read cost besides its two queries.
 *
 * Nothing here decides what is current: the row is read from the database on every request as
 * before, and the kept bytes are used only while the data text just read is exactly the text they
 * were made from (compared as strings) and the small members around it (summary, organisation,
 * canEdit, worked out for this request and user) are exactly the same text. A save, a restore, a
 * workflow or permission change, another server process or a repair by hand therefore shows in
 * the very next read; the cache only saves the encoding.
 */
import { gzipSync } from 'node:zlib';

/** Bytes kept at most (data text and encoded answers of all disclosures); the oldest go first. */
const KEPT_BYTES = 64 * 1024 * 1024;
/** Gzipped answers kept per disclosure (one per distinct head, e.g. per reader with other rights). */
const GZIPPED_PER_DISCLOSURE = 4;

interface Kept {
  /** The stored data text the bytes were made from. */
  data: string;
  /** `"data":…,"findings":…` as UTF-8. */
  middle: Buffer;
  /** Gzipped whole answers by their head and tail (`head + '\0' + tail`), newest last. */
  gzipped: Map<string, Buffer>;
  bytes: number;
}

export interface ReadAnswer {
  body: Uint8Array<ArrayBuffer>;
  gzip: boolean;
}

/** A view of a Buffer's bytes as the response body type (Node's buffers never use shared memory). */
const view = (b: Buffer): Uint8Array<ArrayBuffer> =>
  new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

export class ReadAnswers {
  readonly #kept = new Map<string, Kept>();
  #bytes = 0;

  /**
   * The answer `{ head "data":data,"findings":findings tail }` as bytes, gzipped when the client
   * accepts it. `head` ends with a comma, `tail` starts with one. `findingsOf` runs only when the
   * data is not the kept one.
   */
  answer(
    id: string,
    data: string,
    findingsOf: () => string,
    head: string,
    tail: string,
    gzip: boolean,
  ): ReadAnswer {
    let k = this.#kept.get(id);
    if (k && k.data !== data) {
      this.#drop(id, k);
      k = undefined;
    }
    if (!k) {
      const middle = Buffer.from(`"data":${data},"findings":${findingsOf()}`);
      k = { data, middle, gzipped: new Map(), bytes: middle.byteLength + data.length * 2 };
      this.#add(id, k);
    } else {
      // Most recently used last.
      this.#kept.delete(id);
      this.#kept.set(id, k);
    }
    if (!gzip)
      return { body: view(Buffer.concat([Buffer.from(head), k.middle, Buffer.from(tail)])), gzip: false };
    const key = `${head}\0${tail}`;
    let zipped = k.gzipped.get(key);
    if (zipped) {
      k.gzipped.delete(key);
    } else {
      zipped = gzipSync(Buffer.concat([Buffer.from(head), k.middle, Buffer.from(tail)]), { level: 6 });
      k.bytes += zipped.byteLength + key.length * 2;
      this.#bytes += zipped.byteLength + key.length * 2;
      if (k.gzipped.size >= GZIPPED_PER_DISCLOSURE) {
        const [oldKey, old] = k.gzipped.entries().next().value!;
        k.gzipped.delete(oldKey);
        k.bytes -= old.byteLength + oldKey.length * 2;
        this.#bytes -= old.byteLength + oldKey.length * 2;
      }
      this.#trim(id);
    }
    k.gzipped.set(key, zipped);
    return { body: view(zipped), gzip: true };
  }

  #add(id: string, k: Kept): void {
    this.#kept.set(id, k);
    this.#bytes += k.bytes;
    this.#trim(id);
  }

  #drop(id: string, k: Kept): void {
    this.#kept.delete(id);
    this.#bytes -= k.bytes;
  }

  /** Drops the oldest entries until under the bound, never the one being answered. */
  #trim(keep: string): void {
    for (const [id, k] of this.#kept) {
      if (this.#bytes <= KEPT_BYTES) return;
      if (id !== keep) this.#drop(id, k);
    }
  }
}
