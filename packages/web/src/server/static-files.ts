/**
 * Serves the built UI: files under `/assets/` (content-hashed names, cached for a year) and
 * `index.html` for every other path, so that the browser's router handles deep links.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

export function staticFiles(dir: string): (c: Context) => Promise<Response> {
  const root = resolve(dir);
  return async (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    const file = resolve(join(root, path));
    // Never outside the UI folder, whatever the path says.
    const inside = file.startsWith(root + sep);
    if (inside && path.startsWith('/assets/')) {
      const st = await stat(file).catch(() => undefined);
      if (st?.isFile()) {
        return c.body(await readFile(file), 200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'public, max-age=31536000, immutable',
        });
      }
      return c.text('文件不存在', 404);
    }
    if (inside && path !== '/index.html') {
      const st = await stat(file).catch(() => undefined);
      if (st?.isFile() && TYPES[extname(file)]) {
        return c.body(await readFile(file), 200, {
          'Content-Type': TYPES[extname(file)]!,
          'Cache-Control': 'no-cache',
        });
      }
    }
    const html = await readFile(join(root, 'index.html'), 'utf8').catch(() => undefined);
    if (html === undefined) return c.text('界面尚未构建：请运行 npm start', 503);
    return c.html(html, 200, { 'Cache-Control': 'no-cache' });
  };
}
