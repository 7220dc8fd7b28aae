import { cellPath, shifted, unitData, withValue, type Data } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './reason-t5-items-budget.ts';

const itemIndex = (data: Data): number =>
  ((data.tables as Data).t5 as { rows: { code?: string }[] }).rows.findIndex((r) => r.code?.length === 7);
const data = unitData({ profile: 'shanghai-2024' });

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated Shanghai unit', input: data }],
  invalid: [
    {
      name: 'fails for a 项 whose 决算 differs from 年初预算 without a reason',
      input: () => {
        const i = itemIndex(data);
        const code = ((data.tables as Data).t5 as { rows: { code: string }[] }).rows[i]!.code;
        const changed = withValue(
          shifted(data, cellPath(data, 't5', code, 'total', 'budget'), '-1.50'),
          `tables.t5.rows[${i}].reasons.budget`,
          undefined,
        );
        return changed;
      },
      expect: [{}],
    },
  ],
});
