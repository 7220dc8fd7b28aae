/**
 * The package's two boundaries, checked on the sources (the root ESLint config is not this package's):
 * only the core adapters (core-adapter.ts, publication-core-adapter.ts, prepare/prepare-core-adapter.ts) import @juesuan/core (core's API is being refactored), and the browser code
 * takes nothing from the server but types.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paths } from '../scripts/build.mjs';

function files(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, exts));
    else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out;
}

const imports = (text: string): { typeOnly: boolean; from: string }[] =>
  [...text.matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)].map((m) => ({
    typeOnly: !!m[1],
    from: m[2]!,
  }));

describe('package boundaries', () => {
  it('only the core adapter imports @juesuan/core', () => {
    const offenders = files(join(paths.web, 'src'), ['.ts'])
      .filter((f) => !/[/\\](publication-|prepare-)?core-adapter\.ts$/.test(f) && !f.endsWith('.test.ts'))
      .filter((f) => imports(readFileSync(f, 'utf8')).some((i) => i.from.startsWith('@juesuan/core')))
      .map((f) => relative(paths.web, f));
    expect(offenders).toEqual([]);
  });

  it('the UI imports only types from the server and nothing from core', () => {
    const offenders: string[] = [];
    for (const f of files(join(paths.web, 'ui'), ['.ts', '.vue'])) {
      for (const i of imports(readFileSync(f, 'utf8'))) {
        const server = i.from.includes('/src/server/');
        if ((server && !i.typeOnly) || i.from.startsWith('@juesuan/'))
          offenders.push(`${relative(paths.web, f)} → ${i.from}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
