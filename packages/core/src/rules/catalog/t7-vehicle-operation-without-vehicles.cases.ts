import { cellPath, shifted, unitData, withValue, type Data } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t7-vehicle-operation-without-vehicles.ts';

// A unit that holds no vehicle and has no 运行（维护）费.
let data: Data = unitData();
data = withValue(
  withValue(data, cellPath(data, 't7', 'vehicleOperation', 'final'), '0.00'),
  'threePublic.vehiclesHeld',
  0,
);
const fee = cellPath(data, 't7', 'vehicleOperation', 'final');

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes without vehicles and fee, and with vehicles but no fee', input: data }],
  invalid: [
    {
      name: 'warns about a 运行（维护）费 of 0.05 with 保有量 0',
      input: () => shifted(data, fee, '0.05'),
      expect: [{ severity: 'warning' }],
    },
  ],
});
