import { describe, expect, it } from 'vitest';
import { caseFindings, caseProblems } from '../../audit/document-rule-testing.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './narrative-empty-table.cases.ts';
import { rule } from './narrative-empty-table.ts';

testRule(cases);

describe(`${rule.id}: what the failing cases report`, () => {
  it.each(cases.documentCases.invalid)('$name: quotes the text, and stays plain data', (c) => {
    const found = caseFindings(rule, c);
    expect(caseProblems(found, c)).toEqual([]);
    // A finding survives a copy to a worker and a JSON file unchanged.
    expect(structuredClone(found)).toEqual(found);
    expect(JSON.parse(JSON.stringify(found))).toEqual(found);
  });
});
