/**
 * The batch audit's pool: a worker that runs out of memory costs only its file, and the batch goes on. (The batch
 * HTML report written as files finish is tested in audit-batch-report.test.ts.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAuditPool, type AuditOutcome } from '../src/audit-pool.ts';

describe('runAuditPool', () => {
  it('reports a file whose worker runs out of memory and goes on with a new worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-pool-'));
    const files = [1, 2, 3].map((i) => {
      const f = join(dir, `${i}.txt`);
      writeFileSync(f, '2024年度部门决算公开说明\n');
      return f;
    });
    const outcomes: AuditOutcome[] = [];
    await runAuditPool(files, {
      jobs: 2,
      workerUrl: new URL('../src/audit-worker.js', import.meta.url),
      // Too little heap to load the auditor at all: every worker dies, each file is reported once.
      maxHeapMb: 4,
      onOutcome: (o) => outcomes.push(o),
    });
    expect(outcomes.map((o) => o.id).sort()).toEqual([0, 1, 2]);
    for (const o of outcomes) expect(o.ok ? '' : o.error).toMatch(/^审查进程出错/);
  });
});
