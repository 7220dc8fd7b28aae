/**
 * `juesuan audit <files or directories…> [--format text|json|html] [--out DIR] [--jobs N] [--config FILE]`: one file → a report
 * on stdout; many files (or --out) → per-file JSON and HTML reports, a CSV summary and a progress bar, audited by
 * worker threads.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ErrorCode, JuesuanError, parseRuleConfig, type SeverityOverrides } from '@juesuan/core/audit';
import { collectFiles, progressLine } from '../audit-files.ts';
import { htmlFrame, OrderedSections, runAuditPool } from '../audit-pool.ts';
import { auditHtml, auditText, summaryCsv, type SummaryRow } from '../audit-report.ts';
import { auditFile } from '../audit-run.ts';
import type { Io } from '../main.ts';

export async function auditCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      jobs: { type: 'string' },
      config: { type: 'string' },
    },
  });
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'html')
    throw new JuesuanError(ErrorCode.BadInput, `--format 应为 text、json 或 html，实际为「${format}」`);
  if (positionals.length === 0)
    throw new JuesuanError(
      ErrorCode.BadInput,
      '用法：juesuan audit <文件或目录…> [--format text|json|html] [--out 目录] [--jobs N] [--config 配置文件]',
    );
  // The same config file as validate's: severities (or off) for document and data rules alike.
  let overrides: SeverityOverrides = {};
  const configFile = values.config ?? (existsSync('juesuan.config.yaml') ? 'juesuan.config.yaml' : undefined);
  if (configFile) {
    if (!existsSync(configFile)) throw new JuesuanError(ErrorCode.NotFound, `找不到配置文件 ${configFile}`);
    overrides = parseRuleConfig(readFileSync(configFile, 'utf8'), configFile);
  }
  const files = collectFiles(positionals);
  if (files.length === 0)
    throw new JuesuanError(ErrorCode.NotFound, '没有找到可审查的文件（.pdf、.docx、.txt）');
  const jobs = values.jobs !== undefined ? Number(values.jobs) : Math.max(1, availableParallelism() - 0);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    throw new JuesuanError(ErrorCode.BadInput, `--jobs 应为 1 到 64 的整数，实际为「${values.jobs}」`);

  // One file to the terminal: no workers.
  if (files.length === 1 && !values.out) {
    const r = await auditFile(files[0]!, overrides);
    if (format === 'json') io.out(JSON.stringify(r, null, 2));
    else if (format === 'html') io.out(auditHtml([r]));
    else io.out(auditText(r));
    return r.summary.error > 0 ? 1 : 0;
  }

  const out = values.out ?? 'audit-report';
  mkdirSync(out, { recursive: true });
  const tty = process.stderr.isTTY === true;
  // Results stream: each worker writes its file's JSON, the HTML report grows in file order, only summary lines stay.
  const rows: SummaryRow[] = new Array<SummaryRow>(files.length);
  const { head, tail } = htmlFrame();
  const html = openSync(join(out, 'report.html'), 'w');
  try {
    writeSync(html, head);
    const sections = new OrderedSections((s) => writeSync(html, s));
    await runAuditPool(files, {
      jobs,
      overrides,
      // "#audit-worker" (package.json "imports") is the built worker, or its source under the "@juesuan/source"
      // condition; a worker inherits the parent's Node options, so a source run's workers run sources too.
      workerUrl: new URL(import.meta.resolve('#audit-worker')),
      out,
      jsonName: (i, file) =>
        `${String(i + 1).padStart(4, '0')}-${basename(file).replace(/\.[^.]+$/, '')}.json`,
      onOutcome: (o, done) => {
        rows[o.id] = o.ok ? o.row : { file: o.file, status: `无法读取：${o.error}` };
        sections.add(o.id, o.ok ? o.html : undefined);
        const line = progressLine(done, files.length, basename(o.file));
        if (tty) process.stderr.write(`\r${line}\x1b[K`);
        else io.err(line);
      },
    });
    writeSync(html, tail);
  } finally {
    closeSync(html);
  }
  if (tty) process.stderr.write('\n');
  writeFileSync(join(out, 'summary.csv'), summaryCsv(rows));
  const errors = rows.reduce((s, r) => s + (r.errors ?? 0), 0);
  const failed = rows.filter((r) => r.errors === undefined).length;
  io.out(
    `已审查 ${files.length} 个文件（${jobs} 个并行进程）：有错误的 ${rows.filter((r) => (r.errors ?? 0) > 0).length} 个，无法读取的 ${failed} 个，错误共 ${errors} 个。`,
  );
  io.out(`汇总：${join(out, 'summary.csv')}；报告：${join(out, 'report.html')}；每个文件的 JSON：${out}/`);
  return errors > 0 ? 1 : 0;
}
