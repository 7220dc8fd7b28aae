import { cellPath, shifted, unitData, withValue, type Data } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t7-vehicle-purchase-counts.ts';

// A unit that bought no vehicle this year.
let data: Data = unitData();
data = withValue(
  withValue(data, cellPath(data, 't7', 'vehiclePurchase', 'final'), '0.00'),
  'threePublic.vehiclesPurchased',
  0,
);
const fee = cellPath(data, 't7', 'vehiclePurchase', 'final');

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes when fee and count agree', input: data }],
  invalid: [
    {
      name: 'warns about a 购置费 of 0.05 with 购置数 0',
      input: () => shifted(data, fee, '0.05'),
      expect: [{ severity: 'warning' }],
    },
  ],
});
