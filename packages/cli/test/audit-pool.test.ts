/**
 * The batch audit's pool: the HTML report streamed section by section in file order is byte for byte what auditHtml
 * writes for all results at once; a worker that runs out of memory costs only its file, and the batch goes on.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  htmlFrame,
  htmlSection,
  OrderedSections,
  runAuditPool,
  type AuditOutcome,
} from '../src/audit-pool.ts';
import { auditHtml } from '../src/audit-report.ts';
import type { AuditJson } from '../src/audit-run.ts';

const result = (i: number): AuditJson => ({
  file: `f${i}.pdf`,
  unit: `单位${i}`,
  year: 2024,
  kind: 'pdf',
  pages: 3,
  figures: [
    {
      name: '收入总计',
      key: 'income.total',
      value: `${i}.00`,
      unit: '万元',
      page: 1,
      text: `收入总计${i}.00万元`,
    },
  ],
  tables: [],
  findings:
    i % 2 === 0
      ? []
      : [
          {
            rule: 'narrative-share',
            severity: 'warning',
            category: 'narrative',
            message: `比例<不符>${i}`,
            location: [{ label: '第 2 页', page: 2, quote: '占 10%' }],
          },
        ],
  summary: { error: 0, warning: i % 2, info: 0 },
});

describe('the streamed HTML report', () => {
  it('equals auditHtml of all results, whatever order they finish in', () => {
    const results = [0, 1, 2, 3, 4].map(result);
    let streamed = '';
    const { head, tail } = htmlFrame();
    streamed += head;
    const sections = new OrderedSections((s) => (streamed += s));
    // File 2 failed (no section); the others finish out of order.
    for (const i of [3, 0, 4, 2, 1]) sections.add(i, i === 2 ? undefined : htmlSection(results[i]!));
    streamed += tail;
    expect(streamed).toBe(auditHtml(results.filter((_, i) => i !== 2)));
    expect(head + tail).toBe(auditHtml([]));
  });
});

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
