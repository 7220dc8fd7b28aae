import { unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './vehicles-held-le-total.ts';

const data = unitData();
const total = (data.assets as { vehicles: { total: number } }).vehicles.total;

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'notes when 公务用车保有量 exceeds the vehicles held as assets',
      input: () => withValue(data, 'threePublic.vehiclesHeld', total + 1),
      expect: [{ difference: '+1' }],
    },
  ],
});
