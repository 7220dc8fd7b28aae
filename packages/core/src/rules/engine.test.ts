import { describe, expect, it } from 'vitest';
import { disclosureFromData } from '../model/load.ts';
import { generateUnitData } from '../testing/generate-unit.ts';
import { runRules } from './engine.ts';
import { ALL_RULES } from './registry.ts';
import type { Rule, RuleContext } from './types.ts';

const unit = (seed: number) => disclosureFromData(generateUnitData({ seed, rounded: true }));

function testRule(id: string, check: (ctx: RuleContext) => void): Rule {
  return { id, title: id, severity: 'error', category: 't1', basis: 'test', description: 'test', check };
}

describe('rules engine', () => {
  it('makes a shared value once per run, and anew in the next run', () => {
    const key = {};
    const made: string[] = [];
    const seen: string[] = [];
    const reader = (id: string) =>
      testRule(id, (ctx) => {
        seen.push(
          ctx.shared(key, (d) => {
            made.push(d.unit.name);
            return d.unit.name;
          }),
        );
        ctx.ran();
      });
    const rules = [reader('a'), reader('b')];
    const first = unit(1);
    const second = unit(2);
    expect(first.unit.name).not.toBe(second.unit.name);
    runRules(first, rules);
    runRules(second, rules);
    runRules(first, rules);
    expect(made).toEqual([first.unit.name, second.unit.name, first.unit.name]);
    expect(seen).toEqual([first, first, second, second, first, first].map((d) => d.unit.name));
  });

  it('gives a run inside a rule its own context, and the outer run goes on with its own', () => {
    const inner = unit(2);
    const outer = unit(1);
    expect(inner.unit.name).not.toBe(outer.unit.name);
    const reporter = testRule('inner', (ctx) => ctx.report({ message: ctx.d.unit.name, location: [] }));
    const nesting = testRule('outer', (ctx) => {
      const o = runRules(inner, [reporter]);
      ctx.report({ message: `${o.findings[0]!.message} / ${ctx.d.unit.name}`, location: [] });
    });
    const o = runRules(outer, [nesting, reporter]);
    expect(o.findings.map((f) => f.message)).toEqual([
      `${inner.unit.name} / ${outer.unit.name}`,
      outer.unit.name,
    ]);
  });

  it('makes findings plain data, the same after structuredClone and JSON, without keys a rule did not give', () => {
    const o = runRules(unit(3), ALL_RULES);
    expect(o.findings.length).toBeGreaterThan(0);
    expect(structuredClone(o.findings)).toEqual(o.findings);
    const json = JSON.parse(JSON.stringify(o.findings)) as Record<string, unknown>[];
    expect(json).toEqual(o.findings);
    const plain = runRules(unit(3), [testRule('plain', (ctx) => ctx.report({ message: 'x', location: [] }))]);
    expect(Object.keys(JSON.parse(JSON.stringify(plain.findings[0])) as object)).toEqual([
      'rule',
      'severity',
      'category',
      'message',
      'location',
    ]);
  });
});
