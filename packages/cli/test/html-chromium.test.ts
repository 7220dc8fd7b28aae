/**
 * The HTML page renders in a real browser: headless Chromium takes a screenshot of the sample
 * document's page (A4 at 150 dpi), and the pixels show text, the placeholder highlight, the pie
 * chart's colours and the table borders. Needs chromium: skipped with a reason when missing, a
 * failure when JUESUAN_FULL_TEST=1 (tools.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { writeHtml } from '@juesuan/core';
import { sampleDocument } from '@juesuan/core/testing';
import { toolsMissing } from '../src/tools.ts';

const skip = toolsMissing(['chromium'], '用 Chromium 渲染 HTML 的测试');

interface Image {
  width: number;
  height: number;
  /** RGB triples, row by row. */
  rgb: Uint8Array;
}

/** Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes). */
function decodePng(bytes: Uint8Array): Image {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  while (pos < bytes.length) {
    const len = view.getUint32(pos);
    const type = String.fromCharCode(...bytes.slice(pos + 4, pos + 8));
    const data = bytes.slice(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = view.getUint32(pos + 8);
      height = view.getUint32(pos + 12);
      const depth = data[8];
      const colour = data[9];
      expect(depth).toBe(8);
      expect(data[12]).toBe(0); // not interlaced
      channels = colour === 6 ? 4 : colour === 2 ? 3 : 0;
      expect(channels).toBeGreaterThan(0);
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels]! : 0;
      let v = line[x]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = v & 0xff;
    }
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    rgb[i * 3] = out[i * channels]!;
    rgb[i * 3 + 1] = out[i * channels + 1]!;
    rgb[i * 3 + 2] = out[i * channels + 2]!;
  }
  return { width, height, rgb };
}

/** Pixels within `tolerance` of a colour. */
function countColour(img: Image, [r, g, b]: readonly [number, number, number], tolerance = 24): number {
  let n = 0;
  for (let i = 0; i < img.rgb.length; i += 3) {
    if (
      Math.abs(img.rgb[i]! - r) <= tolerance &&
      Math.abs(img.rgb[i + 1]! - g) <= tolerance &&
      Math.abs(img.rgb[i + 2]! - b) <= tolerance
    )
      n++;
  }
  return n;
}

/** Longest run of dark pixels in any row: a table border is a long straight line. */
function longestDarkRun(img: Image): number {
  let best = 0;
  for (let y = 0; y < img.height; y++) {
    let run = 0;
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 3;
      const dark = img.rgb[i]! < 90 && img.rgb[i + 1]! < 90 && img.rgb[i + 2]! < 90;
      run = dark ? run + 1 : 0;
      if (run > best) best = run;
    }
  }
  return best;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('HTML in Chromium', () => {
  it.skipIf(skip !== undefined)(
    'renders the sample page with Chinese text, a chart, a placeholder and bordered tables',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'juesuan-html-'));
      dirs.push(dir);
      const htmlFile = join(dir, 'sample.html');
      const png = join(dir, 'sample.png');
      writeFileSync(htmlFile, writeHtml(sampleDocument()));
      const r = spawnSync(
        'chromium',
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
          '--hide-scrollbars',
          `--user-data-dir=${join(dir, 'profile')}`,
          `--screenshot=${png}`,
          '--window-size=1240,1754',
          pathToFileURL(htmlFile).href,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(r.error).toBeUndefined();
      expect(existsSync(png), r.stderr).toBe(true);
      if (process.env['JUESUAN_KEEP_SCREENSHOT'])
        writeFileSync(process.env['JUESUAN_KEEP_SCREENSHOT'], readFileSync(png));
      const img = decodePng(readFileSync(png));
      expect([img.width, img.height]).toEqual([1240, 1754]);
      const pixels = img.width * img.height;
      // Text: enough near-black pixels (a page of tofu boxes or nothing would fail the other checks).
      expect(countColour(img, [0, 0, 0], 80) / pixels).toBeGreaterThan(0.004);
      // The pie chart's two slices (#2f5597 blue, #c55a11 orange), drawn large.
      expect(countColour(img, [0x2f, 0x55, 0x97])).toBeGreaterThan(10_000);
      expect(countColour(img, [0xc5, 0x5a, 0x11])).toBeGreaterThan(2_000);
      // The placeholder highlight (#fff2a8).
      expect(countColour(img, [0xff, 0xf2, 0xa8], 10)).toBeGreaterThan(1_000);
      // Table borders: a dark horizontal line across most of the text column (170 mm ≈ 640 px).
      expect(longestDarkRun(img)).toBeGreaterThan(500);
    },
  );
});
