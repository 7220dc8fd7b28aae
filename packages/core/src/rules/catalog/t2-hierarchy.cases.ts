import { cellPath, shifted, unitData } from '../testing.ts';
import { codesOf, withoutRows } from '../testing-tables.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t2-hierarchy.ts';

const data = unitData();
const item = codesOf(data, 't2', 7)[0]!;
const section = codesOf(data, 't2', 5)[0]!;

export const cases = ruleCases(rule, {
  valid: [
    { name: 'a consistent unit', input: data },
    {
      name: 'only 项 rows listed',
      input: () => withoutRows(data, 't2', (r) => typeof r['code'] === 'string' && r['code'].length < 7),
      notRun: 'not-applicable',
    },
  ],
  invalid: [
    {
      name: 'a 项 off by 0.05 (款 ≠ Σ项)',
      input: () => shifted(data, cellPath(data, 't2', item, 'fiscal'), '0.05'),
      expect: [
        {
          messageId: 'sum-mismatch',
          severity: 'error',
          difference: '-0.05',
          locations: [
            { table: 't2', row: item.slice(0, 5), column: 'fiscal' },
            { table: 't2', row: item, column: 'fiscal' },
          ],
        },
      ],
    },
    {
      name: 'a 款 off by 0.05 (类 ≠ Σ款 and 款 ≠ Σ项)',
      input: () => shifted(data, cellPath(data, 't2', section, 'total'), '0.05'),
      expect: [
        { locations: [{ table: 't2', row: section, column: 'total' }] },
        { locations: [{ table: 't2', row: section, column: 'total' }] },
      ],
    },
  ],
});
