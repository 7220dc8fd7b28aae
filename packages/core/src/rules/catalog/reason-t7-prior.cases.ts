import { cellPath, rowIndex, shifted, unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './reason-t7-prior.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'fails when 公务接待费 changed against last year without a reason',
      input: () => {
        const i = rowIndex(data, 't7', 'reception');
        const changed = withValue(
          shifted(data, cellPath(data, 't7', 'reception', 'final', 'prior'), '0.80'),
          `tables.t7.rows[${i}].reasons.prior`,
          undefined,
        );
        return changed;
      },
      expect: [{}],
    },
  ],
});
