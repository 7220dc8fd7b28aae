/**
 * The `juesuan` bin as installed: it runs the built JavaScript in dist/ (which npm's `prepare` builds on `npm ci`),
 * without tsx and without the sources. The other CLI tests run the sources (vitest.config.ts); this one removes
 * that setting. If dist/ is missing or older than src/ (a change not yet built), the JavaScript is built first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'packages/cli/bin/juesuan.js');
const example = join(root, 'examples/changji-2022.yaml');
const tracer = pathToFileURL(join(import.meta.dirname, 'support/trace-imports.mjs')).href;

/** The environment of an installed `juesuan`: no source condition, no tsx. */
function installedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  delete env['NODE_OPTIONS'];
  return env;
}

function newest(dir: string): number {
  let t = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(dir, f));
    if (s.isFile() && s.mtimeMs > t) t = s.mtimeMs;
  }
  return t;
}

/** Runs the bin with an import tracer; returns the result and every module URL the process resolved. */
function traced(args: string[]) {
  const file = join(mkdtempSync(join(tmpdir(), 'juesuan-trace-')), 'imports.txt');
  const r = spawnSync(process.execPath, ['--import', tracer, bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: installedEnv({ JUESUAN_TRACE_IMPORTS: file }),
  });
  const urls = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  return { code: r.status, out: r.stdout, err: r.stderr, urls };
}

beforeAll(() => {
  const stale = ['core', 'cli'].some((p) => {
    const dist = join(root, 'packages', p, 'dist');
    return !existsSync(dist) || newest(join(root, 'packages', p, 'src')) > newest(dist);
  });
  if (stale) {
    const b = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--js-only'], {
      cwd: root,
      encoding: 'utf8',
      env: installedEnv(),
    });
    expect(b.status, b.stderr).toBe(0);
  }
}, 120_000);

describe('the built juesuan bin', () => {
  it('--help exits 0 and prints the usage', () => {
    const r = spawnSync(join(root, 'node_modules/.bin/juesuan'), ['--help'], {
      cwd: root,
      encoding: 'utf8',
      env: installedEnv(),
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('用法：juesuan <命令>');
    expect(r.stdout).toContain('validate');
    expect(r.stderr).toBe('');
  });

  it('--help loads neither @juesuan/core nor any command, nor tsx nor a source file', () => {
    const r = traced(['--help']);
    expect(r.code, r.err).toBe(0);
    const ours = r.urls.filter((u) => u.startsWith('file:'));
    expect(ours.some((u) => u.endsWith('/packages/cli/dist/main.js'))).toBe(true);
    expect(ours.filter((u) => !u.includes('/packages/cli/test/support/'))).toEqual([
      pathToFileURL(bin).href,
      pathToFileURL(join(root, 'packages/cli/dist/main.js')).href,
    ]);
    expect(r.urls.filter((u) => /packages\/core|\/node_modules\/|\.ts$/.test(u))).toEqual([]);
  });

  it('validate loads the built core and only the validate command', () => {
    const r = traced(['validate', example]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('结论：未发现错误');
    expect(r.urls).toContain(pathToFileURL(join(root, 'packages/core/dist/index.js')).href);
    expect(r.urls.filter((u) => /\/src\/|\.ts$|\/tsx\//.test(u))).toEqual([]);
    expect(r.urls.filter((u) => /\/chunks\/(build|audit|catalogue|rules)-/.test(u))).toEqual([]);
    // Nor the libraries of workbooks and documents (exceljs alone was a third of the start-up).
    expect(r.urls.filter((u) => /\/node_modules\/(exceljs|pdfjs-dist|docx|echarts)\//.test(u))).toEqual([]);
  });

  it('tsx is not a runtime dependency of the CLI, and the packages export typed builds', () => {
    for (const p of ['core', 'cli']) {
      const pkg = JSON.parse(readFileSync(join(root, 'packages', p, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
        exports: Record<string, Record<string, string>>;
      };
      expect(Object.keys(pkg.dependencies ?? {})).not.toContain('tsx');
      for (const target of Object.values(pkg.exports)) {
        expect(target['types']).toMatch(/^\.\/dist\/.+\.d\.ts$/);
        expect(target['default']).toMatch(/^\.\/dist\/.+\.js$/);
        expect(existsSync(join(root, 'packages', p, target['default']!))).toBe(true);
      }
    }
  });
});
