#!/usr/bin/env node
// Runs the built JavaScript (packages/cli/dist, built by `npm run build`, which npm's `prepare` runs on
// `npm install` / `npm ci`). Started with `--conditions=@juesuan/source --import tsx` (as `npm run dev` does),
// the same import resolves to the TypeScript sources instead (ADR 0010).
let cli;
try {
  cli = await import('@juesuan/cli');
} catch (e) {
  // Installed with --ignore-scripts, or dist/ deleted: say what to do instead of printing a stack trace.
  if (e?.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('/dist/')) {
    process.stderr.write(
      'juesuan 尚未构建：请在仓库根目录运行 npm run build（npm install / npm ci 会自动构建）。\n',
    );
    process.exit(2);
  }
  throw e;
}
process.exitCode = await cli.main(process.argv.slice(2));
