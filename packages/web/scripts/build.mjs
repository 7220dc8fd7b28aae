// Builds the web package: the server with esbuild (one ESM file, dependencies left to node_modules,
// @juesuan/core bundled from its TypeScript sources) and the UI with Vite. Skips work that is up to
// date, so `npm start` is quick after the first time. `--force` rebuilds everything.
import { build as esbuild } from 'esbuild';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(web, '../..');
// Inside node_modules: never committed, never linted, gone with a fresh `npm ci` (then rebuilt).
const dist = join(repo, 'node_modules', '.cache', 'juesuan-web');

/** Newest modification time under the given paths (files or folders). */
function newest(paths) {
  let t = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules' && e !== 'dist') walk(join(p, e));
    } else t = Math.max(t, st.mtimeMs);
  };
  paths.forEach(walk);
  return t;
}

function stale(stamp, inputs) {
  const s = join(dist, stamp);
  return !existsSync(s) || statSync(s).mtimeMs < newest(inputs);
}

const touch = (stamp) => writeFileSync(join(dist, stamp), new Date().toISOString() + '\n');

export async function buildServer({ force = false } = {}) {
  const inputs = [join(web, 'src'), join(repo, 'packages/core/src'), join(repo, 'package-lock.json')];
  if (!force && !stale('.server-stamp', inputs)) return false;
  await esbuild({
    entryPoints: [join(web, 'src/server/main.ts')],
    outfile: join(dist, 'server/main.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    // Core from its TypeScript sources (the workspace's source condition), never a stale dist/.
    conditions: ['@juesuan/source'],
    // Packages stay in node_modules (native better-sqlite3, pg's optional parts, big CJS libraries);
    // only the workspace's TypeScript packages are compiled in.
    plugins: [
      {
        name: 'node-modules-external',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (a) =>
            a.path.startsWith('@juesuan/') ? undefined : { path: a.path, external: true },
          );
        },
      },
    ],
    banner: {
      js: "import { createRequire as __juesuanRequire } from 'node:module'; const require = __juesuanRequire(import.meta.url);",
    },
  });
  touch('.server-stamp');
  return true;
}

export async function buildUi({ force = false } = {}) {
  const inputs = [
    join(web, 'ui'),
    join(web, 'vite.config.ts'),
    join(web, 'src/server/api-schemas.ts'),
    join(repo, 'package-lock.json'),
  ];
  if (!force && !stale('.ui-stamp', inputs)) return false;
  const { build } = await import('vite');
  await build({ configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
  touch('.ui-stamp');
  return true;
}

export const paths = { web, repo, dist, ui: join(dist, 'ui'), server: join(dist, 'server/main.mjs') };

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force');
  const t0 = Date.now();
  const s = await buildServer({ force });
  const u = await buildUi({ force });
  console.log(
    `构建完成（服务器${s ? '已构建' : '无变化'}，界面${u ? '已构建' : '无变化'}，${((Date.now() - t0) / 1000).toFixed(1)} 秒）`,
  );
}
