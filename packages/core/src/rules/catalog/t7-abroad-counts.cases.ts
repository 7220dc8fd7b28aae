import { cellPath, shifted, unitData, withValue, type Data } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t7-abroad-counts.ts';

// A unit without trips abroad: fee 0.00, 0 团组, 0 人次.
let data: Data = unitData();
data = withValue(data, cellPath(data, 't7', 'abroad', 'final'), '0.00');
data = withValue(withValue(data, 'threePublic.abroadGroups', 0), 'threePublic.abroadPeople', 0);
const fee = cellPath(data, 't7', 'abroad', 'final');

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes when fee and counts are both zero, or both positive', input: data }],
  invalid: [
    {
      name: 'warns about a fee of 0.05 with no 团组 or 人次',
      input: () => shifted(data, fee, '0.05'),
      expect: [{ severity: 'warning' }],
    },
  ],
});
