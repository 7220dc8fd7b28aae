/**
 * `juesuan audit <files or directories…> [--format text|json|html] [--out DIR] [--jobs N] [--config FILE]`: one file → a report
 * on stdout; many files (or --out) → per-file JSON and HTML reports, a CSV summary and a progress bar, audited by
 * worker threads.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ErrorCode, JuesuanError, parseRuleConfig, type SeverityOverrides } from '@juesuan/core/audit';
import { collectFiles, progressLine } from '../audit-files.ts';
import { runAuditPool } from '../audit-pool.ts';
import {
  auditHtml,
  auditText,
  BatchReportWriter,
  batchSummaryText,
  summaryCsv,
  type SummaryRow,
} from '../audit-report.ts';
import { auditFile, auditToJson, MAX_AUDIT_BYTES, pdfjsAssets, type AuditJson } from '../audit-run.ts';
import { ensureDir, fsDo, readInputFile, STDIN_NAME } from '../io.ts';
import type { Io } from '../main.ts';
import { note, paint } from '../style.ts';

/** One document from standard input (`audit -`): PDF, DOCX or text, told by its first bytes. */
async function auditStdin(overrides: SeverityOverrides): Promise<AuditJson> {
  const { auditTextDocument, readDocument } = await import('@juesuan/core/audit');
  const bytes = readInputFile('-', MAX_AUDIT_BYTES);
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  const name = head.startsWith('%PDF')
    ? `${STDIN_NAME}.pdf`
    : head.startsWith('PK')
      ? `${STDIN_NAME}.docx`
      : `${STDIN_NAME}.txt`;
  const doc = await readDocument(bytes, name, pdfjsAssets());
  const out = auditToJson(auditTextDocument(doc, { overrides }));
  out.file = STDIN_NAME;
  if (doc.damage) out.damage = doc.damage;
  return out;
}

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
  if (positionals.includes('-')) {
    if (positionals.length > 1 || values.out)
      throw new JuesuanError(
        ErrorCode.BadInput,
        'audit - 从标准输入只读一个文件，不能与其他文件或 --out 同用',
      );
    return printOne(await auditStdin(overrides), format, io);
  }
  const files = collectFiles(positionals);
  if (files.length === 0)
    throw new JuesuanError(ErrorCode.NotFound, '没有找到可审查的文件（.pdf、.docx、.txt）');
  const jobs = values.jobs !== undefined ? Number(values.jobs) : availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    throw new JuesuanError(ErrorCode.BadInput, `--jobs 应为 1 到 64 的整数，实际为「${values.jobs}」`);

  // One file to the terminal: no workers.
  if (files.length === 1 && !values.out) {
    return printOne(await auditFile(files[0]!, overrides), format, io);
  }

  const out = values.out ?? 'audit-report';
  ensureDir(out);
  const tty = process.stderr.isTTY === true && !io.quiet;
  // Results stream: each worker writes its file's JSON, the HTML report keeps the sections aside until the summary
  // (worst files first) can be written above them; only summary lines stay in memory.
  const rows: SummaryRow[] = new Array<SummaryRow>(files.length);
  const report = new BatchReportWriter(join(out, 'report.html'));
  try {
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
        report.add(o.id, o.ok ? { file: o.file, ok: true, row: o.row, section: o.html } : o);
        const line = progressLine(done, files.length, basename(o.file));
        if (tty) process.stderr.write(`\r${line}\x1b[K`);
        else note(io, line);
      },
    });
    report.finish();
  } finally {
    report.discard();
  }
  if (tty) process.stderr.write('\n');
  fsDo(join(out, 'summary.csv'), () => writeFileSync(join(out, 'summary.csv'), summaryCsv(rows)), true);
  const errors = rows.reduce((s, r) => s + (r.errors ?? 0), 0);
  io.out(batchSummaryText(rows, jobs));
  io.out(`汇总：${join(out, 'summary.csv')}；报告：${join(out, 'report.html')}；每个文件的 JSON：${out}/`);
  return errors > 0 ? 1 : 0;
}

/** The report of one file on standard output; with --quiet, only its errors. */
function printOne(r: AuditJson, format: 'text' | 'json' | 'html', io: Io): number {
  if (io.quiet && format === 'text') {
    for (const f of r.findings.filter((x) => x.severity === 'error'))
      io.out(`${paint(io, 'out', 'red', '[错误]')} ${f.message}`);
  } else if (format === 'json') io.out(JSON.stringify(r, null, 2));
  else if (format === 'html') io.out(auditHtml([r]));
  else io.out(auditText(r));
  return r.summary.error > 0 ? 1 : 0;
}
