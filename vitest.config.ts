import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The export condition under which the workspace packages resolve to their TypeScript sources (ADR 0010). */
const SOURCE = '@juesuan/source';
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export default defineConfig({
  // Tests import the sources, never dist/: no build is needed to run them, and they never see a stale one.
  // Vite's default server conditions follow.
  ssr: { resolve: { conditions: [SOURCE, 'module', 'node', 'development|production'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
    // Processes the tests start (the `juesuan` bin) run the sources through tsx as well, as `npm run dev` does;
    // packages/cli/test/built-bin.test.ts removes this to run the build.
    env: { NODE_OPTIONS: `--conditions=${SOURCE} --import=${tsx}` },
  },
});
