// Builds packages/core and packages/cli to dist/ (ADR 0010): JavaScript bundled by esbuild, type declarations by
// tsc. Run by `npm run build`, which npm's `prepare` runs on `npm install` / `npm ci`. Plain JavaScript so that
// it runs on a fresh install without tsx.
//
// The entry points are read from each package.json: every `exports` / `imports` target `./dist/<p>.js` under
// "default" is built from `./src/<p>.ts`, so a new entry needs no change here. (The "@juesuan/source" condition
// points at the sources for development; it usually names the same file, except for the audit worker, whose
// source variant first registers tsx.)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** The `./dist/….js` targets of a package.json's `exports` and `imports`. */
function outputs(pkg) {
  const out = [];
  for (const map of [pkg.exports, pkg.imports]) {
    for (const target of Object.values(map ?? {})) {
      const file = typeof target === 'string' ? target : target.default;
      if (typeof file === 'string' && /^\.\/dist\/.+\.js$/.test(file)) out.push(file);
    }
  }
  return out;
}

async function buildPackage(name) {
  const dir = join(root, 'packages', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const entryPoints = outputs(pkg).map((file) => ({
    in: join(dir, file.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')),
    out: join(dir, file.replace(/\.js$/, '')),
  }));
  // Old JavaScript goes (chunk names change with their content); declarations and tsc's build info stay, for
  // tsc's incremental build below.
  const dist = join(dir, 'dist');
  if (existsSync(dist)) {
    for (const f of readdirSync(dist, { recursive: true, encoding: 'utf8' }))
      if (/\.js(\.map)?$/.test(f)) rmSync(join(dist, f));
  }
  await build({
    entryPoints,
    outdir: join(dir, 'dist'),
    outbase: dir,
    bundle: true,
    // Each CLI command is its own chunk, loaded by main.ts's dynamic import only when it runs.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: name === 'core' ? 'neutral' : 'node',
    target: 'node20',
    // Dependencies (and @juesuan/core from the CLI) stay imports, resolved by Node from node_modules.
    packages: 'external',
    sourcemap: true,
    // A built line keeps its source position in stack traces (`node --enable-source-maps`).
    sourcesContent: false,
    logLevel: 'warning',
  });
}

const t0 = performance.now();
for (const name of ['core', 'cli']) await buildPackage(name);
// `--js-only`: the JavaScript alone (0.5 s), as the test of the built bin does when dist/ is older than src/.
if (process.argv.includes('--js-only')) process.exit(0);
// Declarations for the `types` condition, per source file (dist/**/*.d.ts), incremental through tsc -b.
const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/cli/tsconfig.build.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
console.log(`built packages/core and packages/cli in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
