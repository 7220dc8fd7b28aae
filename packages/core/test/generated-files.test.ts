/**
 * Every generated file in the repository is what its generator writes today. Each file is listed with its
 * generator; a generated file that no test compares with its generator fails the last test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILES_MODULE, renderProfilesModule } from '../../../scripts/gen-profiles.ts';

const root = join(import.meta.dirname, '..', '..', '..');

/** Generated files and the test that compares each one with its generator's output. */
const CHECKED: Readonly<Record<string, string>> = {
  'packages/core/src/report/builtin-profiles.generated.ts': 'packages/core/test/generated-files.test.ts',
  'packages/core/src/rules/catalog/all.generated.ts': 'packages/core/test/rule-catalogue.test.ts',
  'packages/core/src/classification/builtin-data.generated.ts':
    'packages/core/src/classification/builtin.test.ts',
};

function generatedFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) generatedFiles(p, out);
    else if (/\.generated\.[a-z]+$/.test(e.name)) out.push(relative(root, p));
  }
  return out;
}

describe('generated files', () => {
  it('the built-in profiles module is what scripts/gen-profiles.ts writes from packages/core/profiles/*.yaml', () => {
    expect(
      readFileSync(PROFILES_MODULE, 'utf8') === renderProfilesModule(),
      'run: npm run gen:profiles',
    ).toBe(true);
  });

  it('every *.generated.* file is compared with its generator by a test', () => {
    const found = generatedFiles(join(root, 'packages')).sort();
    expect(found).toEqual(Object.keys(CHECKED).sort());
    for (const [file, test] of Object.entries(CHECKED)) {
      const name = file
        .split('/')
        .pop()!
        .replace(/\.generated\.ts$/, '');
      const source = readFileSync(join(root, test), 'utf8');
      // The test imports the generator of that file (scripts/gen-….ts) and compares.
      expect(source, `${test} checks ${file}`).toMatch(/scripts\/gen-[a-z-]+\.ts/);
      expect(source.includes(name) || source.includes('renderRuleIndex'), `${test} names ${name}`).toBe(true);
    }
  });
});
