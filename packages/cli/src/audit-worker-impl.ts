/**
 * A warm audit worker (see audit-pool.ts): audits each file it is sent, writes the file's JSON report itself and sends
 * back its summary line and its section of the HTML report, so that only small strings cross between threads.
 */
import { writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { JuesuanError } from '@juesuan/core/audit';
import { htmlSection, type AuditTask, type WorkerMessage } from './audit-pool.ts';
import { auditFile, summaryRow } from './audit-run.ts';

const post = (m: WorkerMessage) => parentPort!.postMessage(m);

parentPort!.on('message', async (t: AuditTask) => {
  try {
    const result = await auditFile(t.file, t.overrides);
    if (t.json !== undefined) writeFileSync(t.json, JSON.stringify(result, null, 2));
    post({ id: t.id, ok: true, row: summaryRow(result), html: htmlSection(result) });
  } catch (e) {
    const message =
      e instanceof JuesuanError
        ? [e.message, ...e.problems.map((p) => p.message).filter((m) => !e.message.includes(m))].join('：')
        : `内部错误：${(e as Error).message}`;
    post({ id: t.id, ok: false, error: message });
  }
});
post({ ready: true });
