import { unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './profile-staff-sum.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'fails when 退休人员 is changed',
      input: () => withValue(data, 'unit.staff.retired', 6),
      expect: [{ messageId: 'staff-sum' }],
    },
  ],
});
