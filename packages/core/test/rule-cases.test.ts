/**
 * Every catalogue rule through its RuleTester cases (`<id>.cases.ts` beside the rule): at least one valid
 * case where the rule ran and found nothing, at least one invalid case with the findings expected; and the
 * findings of every invalid case are plain data that survive `structuredClone` and a JSON round trip.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES_DIR } from '../../../scripts/gen-rule-index.ts';
import { ALL_RULES } from '../src/rules/registry.ts';
import { messageTemplate } from '../src/rules/messages.ts';
import { failingFindings, verifyRuleCases, type RuleCases } from '../src/rules/rule-tester.ts';

async function casesOf(id: string): Promise<RuleCases | undefined> {
  const file = join(RULES_DIR, `${id}.cases.ts`);
  if (!existsSync(file)) return undefined;
  const m = (await import(file)) as { cases?: RuleCases };
  return m.cases;
}

/** Every cases module of the catalogue folder, registered rule or not (document rules included). */
function allCaseIds(): string[] {
  const ids = new Set(ALL_RULES.map((r) => r.id));
  for (const f of readdirSync(RULES_DIR))
    if (f.endsWith('.cases.ts')) ids.add(f.slice(0, -'.cases.ts'.length));
  return [...ids].sort();
}

describe('rule cases (RuleTester)', () => {
  it('every rule has cases whose rule is the registered rule', async () => {
    const missing: string[] = [];
    for (const r of ALL_RULES) {
      const c = await casesOf(r.id);
      if (!c) missing.push(r.id);
      else expect(c.rule.id, `${r.id}.cases.ts`).toBe(r.id);
    }
    expect(missing, '没有 <id>.cases.ts 的规则').toEqual([]);
  });

  it('every rule has a valid case that passes and an invalid case that fails as expected', async () => {
    const bad: string[] = [];
    for (const id of allCaseIds()) {
      const c = await casesOf(id);
      if (!c) continue;
      const r = c.rule;
      const report = verifyRuleCases(c);
      if (report.passing < 1) bad.push(`${r.id}：没有通过的 valid 用例`);
      if (report.failing < 1) bad.push(`${r.id}：没有如期失败的 invalid 用例`);
      for (const p of report.problems) bad.push(`${r.id}：${p}`);
    }
    expect(bad).toEqual([]);
  });

  it('the findings of every failing case survive structuredClone and a JSON round trip, from a template of the rule', async () => {
    let checked = 0;
    // Every finding's message comes from a template of its rule's meta (or a shared check's), by id.
    const noTemplate = new Set<string>();
    for (const id of allCaseIds()) {
      const c = await casesOf(id);
      if (!c) continue;
      const r = c.rule;
      for (const { name, findings } of failingFindings(c)) {
        expect(findings.length, `${r.id}「${name}」`).toBeGreaterThan(0);
        for (const f of findings) {
          const cloned = structuredClone(f);
          const json = JSON.parse(JSON.stringify(f)) as typeof f;
          for (const copy of [cloned, json]) {
            expect(copy, `${r.id}「${name}」`).toEqual(f);
            expect(copy.message.length).toBeGreaterThan(0);
            expect(copy.message).toBe(f.message);
            expect(copy.location).toEqual(f.location);
            expect(copy.location.every((l) => typeof l.label === 'string' && l.label.length > 0)).toBe(true);
            expect(copy.expected).toBe(f.expected);
            expect(copy.actual).toBe(f.actual);
          }
          if (f.messageId === undefined) noTemplate.add(r.id);
          else if (messageTemplate(c.rule, f.messageId) === undefined)
            noTemplate.add(`${r.id}（没有消息「${f.messageId}」）`);
          // Nothing is hidden behind a prototype: the own enumerable fields are the whole finding.
          expect(Object.getPrototypeOf(f)).toBe(Object.prototype);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect([...noTemplate], '发现的消息不来自规则 meta 中的模板').toEqual([]);
  });
});
