import { renameCodes } from '../code-test-data.ts';
import { unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './code-function-validity.ts';

const data = unitData();
// A unit whose 发展与改革事务 expenditure is booked under 20139 社会工作事务 (a 款 set up in 2024).
const social = (year: number) => renameCodes({ ...data, year }, '20104', '20139', { name: '社会工作事务' });

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'reports a 2024 款 used in 2022: "自 2024 年起设立"',
      input: () => social(2022),
      expect: [{}, {}],
    },
  ],
});
