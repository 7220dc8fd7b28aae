/**
 * Auditing many files with worker threads (`juesuan audit DIR --jobs N`). Each worker is started once and kept for the
 * whole batch, so pdfjs, the CMaps it has read and the compiled code stay warm; it audits a file, writes that file's
 * JSON report itself and sends back only the small parts the batch needs (its summary line, its HTML section), so the
 * main thread never holds the results and the memory of a batch does not grow with its length. A worker that dies (a
 * file that exhausts its memory) is replaced and the file is reported as unreadable.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SeverityOverrides } from '@juesuan/core/audit';
import { fileSection, type SummaryRow } from './audit-report.ts';
import type { AuditJson } from './audit-run.ts';

/** A file sent to a worker: its place in the batch, and where to write its JSON report (if anywhere). */
export interface AuditTask {
  id: number;
  file: string;
  json?: string;
  /** Severities from the config file. */
  overrides?: SeverityOverrides;
}

/** What a worker sends back for one file. */
export type AuditOutcome =
  | { id: number; file: string; ok: true; row: SummaryRow; html: string }
  | { id: number; file: string; ok: false; error: string };

/** Messages from a worker. */
export type WorkerMessage =
  | { ready: true }
  | { id: number; ok: true; row: SummaryRow; html: string }
  | { id: number; ok: false; error: string };

export interface PoolOptions {
  jobs: number;
  /** The worker module (audit-worker.js, or its built form). */
  workerUrl: URL;
  /** Directory for each file's JSON report, named by jsonName; none when undefined. */
  out?: string;
  jsonName?: (index: number, file: string) => string;
  /** Called once per file, in the order files finish (done counts them). */
  onOutcome: (o: AuditOutcome, done: number) => void;
  /** Severities from the config file, for every file. */
  overrides?: SeverityOverrides;
  /** Old-generation heap limit of each worker (MB): a file that needs more fails alone. */
  maxHeapMb?: number;
}

/** Audits `files` with `jobs` warm workers; resolves when every file has an outcome. */
export async function runAuditPool(files: readonly string[], options: PoolOptions): Promise<void> {
  let next = 0;
  let done = 0;
  const finish = (o: AuditOutcome) => options.onOutcome(o, ++done);
  const task = (id: number): AuditTask => {
    const file = files[id]!;
    const t: AuditTask = { id, file };
    if (options.overrides) t.overrides = options.overrides;
    if (options.out !== undefined && options.jsonName) t.json = join(options.out, options.jsonName(id, file));
    return t;
  };
  const lane = () =>
    new Promise<void>((resolve) => {
      let current = -1;
      const start = () => {
        const w = new Worker(options.workerUrl, {
          resourceLimits: {
            maxOldGenerationSizeMb: options.maxHeapMb ?? 1024,
            // A young generation of at most 16 MB (V8's default lets it grow several times larger): measured on the
            // fixtures, two warm workers and the main thread peak about 40 MB lower (~285 MB instead of ~330 MB)
            // for some 5 % more CPU in scavenges.
            maxYoungGenerationSizeMb: 16,
          },
        });
        let settled = false;
        let ready = false;
        const send = () => {
          if (next >= files.length) {
            settled = true;
            void w.terminate().then(() => resolve());
            return;
          }
          current = next++;
          w.postMessage(task(current));
        };
        w.on('message', (m: WorkerMessage) => {
          if ('ready' in m) {
            ready = true;
            return send();
          }
          const file = files[m.id]!;
          current = -1;
          finish(m.ok ? { ...m, file } : { ...m, file });
          send();
        });
        // A worker that fails (out of memory, a crash inside a library) takes its file with it and the lane goes on
        // with a new worker; one that fails before it is ready would fail again, so the lane's files fail instead.
        const failed = (why: string) => {
          if (settled) return;
          settled = true;
          const error = `审查进程出错：${why}`;
          if (current >= 0) {
            finish({ id: current, file: files[current]!, ok: false, error });
            current = -1;
          }
          if (ready && next < files.length) return start();
          if (!ready)
            while (next < files.length) {
              const id = next++;
              finish({ id, file: files[id]!, ok: false, error });
            }
          resolve();
        };
        w.on('error', (e) => failed(e.message));
        w.on('exit', (code) => failed(`进程意外退出（退出码 ${code}）`));
      };
      start();
    });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, files.length)) }, lane));
}

/** One result's section body in the batch report (the worker renders it; the batch report numbers and heads it). */
export function htmlSection(r: AuditJson): string {
  return fileSection(r);
}
