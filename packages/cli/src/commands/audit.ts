/**
 * `juesuan audit <files or directories…> [--format text|json|html] [--out DIR] [--jobs N]`: one file → a report
 * on stdout; many files (or --out) → per-file JSON and HTML reports, a CSV summary and a progress bar, audited by
 * worker threads.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { ErrorCode, JuesuanError } from '@juesuan/core';
import { collectFiles, progressLine } from '../audit-files.ts';
import { auditHtml, auditText, summaryCsv, type SummaryRow } from '../audit-report.ts';
import { auditFile, type AuditJson } from '../audit-run.ts';
import type { Io } from '../main.ts';

type Outcome = { file: string; ok: true; result: AuditJson } | { file: string; ok: false; error: string };

async function runPool(
  files: readonly string[],
  jobs: number,
  onDone: (o: Outcome, done: number) => void,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(files.length);
  let next = 0;
  let done = 0;
  // "#audit-worker" (package.json "imports") is the built worker, or its source under the "@juesuan/source"
  // condition; a worker inherits the parent's Node options, so a source run's workers run sources too.
  const workerUrl = new URL(import.meta.resolve('#audit-worker'));
  const workers = Array.from({ length: Math.min(jobs, files.length) }, () => new Worker(workerUrl));
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          let current = -1;
          const send = () => {
            if (next >= files.length) {
              void w.terminate().then(() => resolve());
              return;
            }
            current = next++;
            w.postMessage({ id: current, file: files[current] });
          };
          w.on(
            'message',
            (m: { ready?: boolean; id?: number; ok?: boolean; result?: AuditJson; error?: string }) => {
              if (m.ready) return send();
              const file = files[m.id!]!;
              const o: Outcome = m.ok
                ? { file, ok: true, result: m.result! }
                : { file, ok: false, error: m.error ?? '未知错误' };
              outcomes[m.id!] = o;
              onDone(o, ++done);
              send();
            },
          );
          w.on('error', (e) => {
            if (current >= 0 && outcomes[current] === undefined) {
              outcomes[current] = { file: files[current]!, ok: false, error: `审查进程出错：${e.message}` };
              onDone(outcomes[current]!, ++done);
            }
            reject(e);
          });
        }),
    ),
  );
  return outcomes;
}

export async function auditCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      jobs: { type: 'string' },
    },
  });
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'html')
    throw new JuesuanError(ErrorCode.BadInput, `--format 应为 text、json 或 html，实际为「${format}」`);
  if (positionals.length === 0)
    throw new JuesuanError(
      ErrorCode.BadInput,
      '用法：juesuan audit <文件或目录…> [--format text|json|html] [--out 目录] [--jobs N]',
    );
  const files = collectFiles(positionals);
  if (files.length === 0)
    throw new JuesuanError(ErrorCode.NotFound, '没有找到可审查的文件（.pdf、.docx、.txt）');
  const jobs = values.jobs !== undefined ? Number(values.jobs) : Math.max(1, availableParallelism() - 0);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    throw new JuesuanError(ErrorCode.BadInput, `--jobs 应为 1 到 64 的整数，实际为「${values.jobs}」`);

  // One file to the terminal: no workers.
  if (files.length === 1 && !values.out) {
    const r = await auditFile(files[0]!);
    if (format === 'json') io.out(JSON.stringify(r, null, 2));
    else if (format === 'html') io.out(auditHtml([r]));
    else io.out(auditText(r));
    return r.summary.error > 0 ? 1 : 0;
  }

  const out = values.out ?? 'audit-report';
  mkdirSync(out, { recursive: true });
  const tty = process.stderr.isTTY === true;
  const outcomes = await runPool(files, jobs, (o, done) => {
    const line = progressLine(done, files.length, basename(o.file));
    if (tty) process.stderr.write(`\r${line}\x1b[K`);
    else io.err(line);
  });
  if (tty) process.stderr.write('\n');
  const rows: SummaryRow[] = [];
  const results: AuditJson[] = [];
  outcomes.forEach((o, i) => {
    const name = `${String(i + 1).padStart(4, '0')}-${basename(o.file).replace(/\.[^.]+$/, '')}`;
    if (!o.ok) {
      rows.push({ file: o.file, status: `无法读取：${o.error}` });
      return;
    }
    const r = o.result;
    results.push(r);
    writeFileSync(join(out, `${name}.json`), JSON.stringify(r, null, 2));
    rows.push({
      file: o.file,
      unit: r.unit,
      year: r.year,
      errors: r.summary.error,
      warnings: r.summary.warning,
      infos: r.summary.info,
      figures: r.figures.length,
      tablesRead: r.tables.filter((t) => t.status === 'read').length,
      status: r.findings.some((f) => f.rule === 'document-scanned') ? '扫描件' : '已审查',
    });
  });
  writeFileSync(join(out, 'summary.csv'), summaryCsv(rows));
  writeFileSync(join(out, 'report.html'), auditHtml(results));
  const errors = rows.reduce((s, r) => s + (r.errors ?? 0), 0);
  const failed = rows.filter((r) => r.errors === undefined).length;
  io.out(
    `已审查 ${files.length} 个文件（${jobs} 个并行进程）：有错误的 ${rows.filter((r) => (r.errors ?? 0) > 0).length} 个，无法读取的 ${failed} 个，错误共 ${errors} 个。`,
  );
  io.out(`汇总：${join(out, 'summary.csv')}；报告：${join(out, 'report.html')}；每个文件的 JSON：${out}/`);
  return errors > 0 ? 1 : 0;
}
