import { describe, expect, it } from 'vitest';
import { caseFindings, caseProblems } from '../../audit/document-rule-testing.ts';
import { cases } from './document-not-disclosure.cases.ts';
import { rule } from './document-not-disclosure.ts';

describe(rule.id, () => {
  it.each(cases.valid)('passes: $name', (c) => {
    expect(caseFindings(rule, c)).toEqual([]);
  });
  it.each(cases.invalid)('fails: $name', (c) => {
    const found = caseFindings(rule, c);
    expect(caseProblems(found, c)).toEqual([]);
    // Plain data: a finding survives a copy to a worker and a JSON file unchanged.
    expect(structuredClone(found)).toEqual(found);
    expect(JSON.parse(JSON.stringify(found))).toEqual(found);
  });
});
