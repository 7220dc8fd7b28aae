import { cellPath, shifted, unitData, withValue, type Data } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t7-reception-counts.ts';

// A unit with no receptions: fee 0.00 and 0 批次.
let data: Data = unitData();
data = withValue(
  withValue(data, cellPath(data, 't7', 'reception', 'final'), '0.00'),
  'threePublic.receptionBatches',
  0,
);
data = withValue(data, 'threePublic.receptionPeople', 0);
const fee = cellPath(data, 't7', 'reception', 'final');

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes when fee and 批次 agree', input: data }],
  invalid: [
    {
      name: 'warns about a 接待费 of 0.05 with 0 批次',
      input: () => shifted(data, fee, '0.05'),
      expect: [{ severity: 'warning' }],
    },
  ],
});
