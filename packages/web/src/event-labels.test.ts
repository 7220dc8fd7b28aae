/**
 * Every action the server writes to the audit log has a Chinese label in the UI (流转记录 showed the
 * raw `disclosure.package`): the actions are read from the server's sources, so a new one without a
 * label fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_LABEL } from '../ui/event-labels.ts';
import { WorkflowAction } from './server/workflow.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('audit-log action labels', () => {
  it('labels every action the server writes', () => {
    const written = new Set<string>();
    for (const file of sources(join(import.meta.dirname, 'server'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\baction: '([a-z]+(?:\.[a-z-]+)*)'/g)) written.add(m[1]!);
      // Actions passed to a helper that writes them (saveVersion(…, 'disclosure.save', …)).
      for (const m of text.matchAll(/'((?:disclosure|comment|user|organisation|document|job)\.[a-z-]+)'/g))
        written.add(m[1]!);
      if (text.includes('action: `disclosure.${action}`'))
        for (const a of Object.values(WorkflowAction)) written.add(`disclosure.${a}`);
    }
    expect(written.size).toBeGreaterThan(15);
    expect(written).toContain('disclosure.package');
    expect([...written].filter((a) => !EVENT_LABEL[a])).toEqual([]);
  });
});
