import { cellPath, shifted, unitData, withValue, type Data } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './reason-t5-items-prior.ts';

const itemIndex = (data: Data): number =>
  ((data.tables as Data).t5 as { rows: { code?: string }[] }).rows.findIndex((r) => r.code?.length === 7);
const data = unitData();

export const cases = ruleCases(rule, {
  valid: [
    { name: 'passes on generated units of each kind', input: () => unitData({ seed: 7, kind: '行政' }) },
  ],
  invalid: [
    {
      name: 'fails for a 项 whose total changed without a reason',
      input: () => {
        const i = itemIndex(data);
        const code = ((data.tables as Data).t5 as { rows: { code: string }[] }).rows[i]!.code;
        const changed = withValue(
          shifted(data, cellPath(data, 't5', code, 'total', 'prior'), '2.00'),
          `tables.t5.rows[${i}].reasons`,
          undefined,
        );
        return changed;
      },
      expect: [{}],
    },
  ],
});
