/** The browser code has its own tsconfig (DOM, Vue SFCs); the root typecheck does not see it, so this does. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paths } from '../../scripts/build.mjs';

describe('UI sources', () => {
  it('typecheck with vue-tsc under tsconfig.ui.json', () => {
    const bin = join(paths.repo, 'node_modules', 'vue-tsc', 'bin', 'vue-tsc.js');
    const r = spawnSync(process.execPath, [bin, '-p', join(paths.web, 'tsconfig.ui.json')], {
      encoding: 'utf8',
      cwd: paths.web,
    });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 180_000);
});
