import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t2-row-sum.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when a source column of a 项 row is off by 0.05',
      input: () => {
        const code = (data.tables as never as { t2: { rows: { code?: string }[] } }).t2.rows.find(
          (r) => r.code?.length === 7,
        )!.code!;
        return shifted(data, cellPath(data, 't2', code, 'fiscal'), '0.05');
      },
      expect: [{ difference: '-0.05' }],
    },
  ],
});
