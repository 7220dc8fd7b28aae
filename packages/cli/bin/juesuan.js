#!/usr/bin/env node
// Runs the built JavaScript (packages/cli/dist, built by `npm run build`, which npm's `prepare` runs on
// `npm install` / `npm ci`). Started with `--conditions=@juesuan/source --import tsx` (see `npm run dev`),
// the same import resolves to the TypeScript sources instead.
const { main } = await import('@juesuan/cli');
process.exitCode = await main(process.argv.slice(2));
