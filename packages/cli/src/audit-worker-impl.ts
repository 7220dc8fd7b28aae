import { parentPort } from 'node:worker_threads';
import { JuesuanError } from '@juesuan/core';
import { auditFile } from './audit-run.ts';

parentPort!.on('message', async (msg: { id: number; file: string }) => {
  try {
    const result = await auditFile(msg.file);
    parentPort!.postMessage({ id: msg.id, ok: true, result });
  } catch (e) {
    const message =
      e instanceof JuesuanError
        ? [e.message, ...e.problems.map((p) => p.message)].join('：')
        : `内部错误：${(e as Error).message}`;
    parentPort!.postMessage({ id: msg.id, ok: false, error: message });
  }
});
parentPort!.postMessage({ ready: true });
