import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t7-vehicle-subtotal.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when the 运行（维护）费 决算数 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't7', 'vehicleOperation', 'final'), '0.05'),
      expect: [{ difference: '-0.05' }],
    },
  ],
});
