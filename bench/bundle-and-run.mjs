// Bundles a benchmark with esbuild (as a production build would) and runs it. tsx keeps function
// names (esbuild keepNames), which costs ~3× on allocation-heavy hot paths; a build does not.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const entry = process.argv[2] ?? 'bench/run.ts';
// Inside node_modules so that the externals resolve from the repository.
const dir = join(process.cwd(), 'node_modules', '.cache', 'juesuan-bench');
mkdirSync(dir, { recursive: true });
const out = join(dir, 'bench.mjs');
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: out,
  // The sources of @juesuan/core (its package.json "@juesuan/source" condition), not its build.
  conditions: ['@juesuan/source'],
  external: [
    'yaml',
    'zod',
    'exceljs',
    'better-sqlite3',
    'pg',
    'pdfjs-dist',
    'echarts',
    'docx',
    'playwright-core',
    'autocannon',
    '@resvg/resvg-js',
  ],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
// Run from the repository so that bare imports resolve against its node_modules.
// A larger young generation suits batch validation (many short-lived findings), as for any batch job.
const r = spawnSync(process.execPath, ['--max-semi-space-size=64', out, ...process.argv.slice(3)], {
  stdio: 'inherit',
  cwd: process.cwd(),
});
if (!process.env['BENCH_KEEP']) rmSync(dir, { recursive: true, force: true });
process.exit(r.status ?? 1);
