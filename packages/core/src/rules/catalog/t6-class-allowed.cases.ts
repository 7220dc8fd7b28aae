import { rowsOf, withRows } from '../fiscal-table-testing.ts';
import { unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t6-class-allowed.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes when T6 lists only personnel and public classes', input: data }],
  invalid: [
    {
      name: 'warns about a 307 债务利息及费用支出 of 0.05',
      input: () => {
        const rows = [...rowsOf(data, 't6')];
        rows.splice(
          rows.findIndex((r) => r.row !== undefined),
          0,
          { code: '307', name: '债务利息及费用支出', amount: '0.05' },
          { code: '30701', name: '国内债务付息', amount: '0.05' },
        );
        return withRows(data, 't6', rows);
      },
      expect: [{ severity: 'warning' }],
    },
  ],
});
