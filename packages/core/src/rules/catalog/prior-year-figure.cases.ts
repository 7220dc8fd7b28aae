import type { Disclosure } from '../../model/disclosure.ts';
import { disclosureFromData } from '../../model/load.ts';
import { applyPreviousYear } from '../../years/previous-year.ts';
import { ruleCases } from '../rule-tester.ts';
import { cellPath, runOne, shifted, unitData, type Data } from '../testing.ts';
import { rule } from './prior-year-figure.ts';

interface Input {
  now: Data;
  previous?: Disclosure;
}

const previous = disclosureFromData(unitData({ year: 2021 }), { file: '2021.yaml' });
// This year's 上年数 taken from last year's data: they agree by construction.
const now = applyPreviousYear(unitData({ year: 2022 }), previous).data as Data;
const t5 = ((now['tables'] as Data)['t5'] as { rows: Data[] }).rows;
const code = String(t5.find((r) => r['code'] !== undefined && r['prior'] !== undefined)!['code']);

export const cases = ruleCases<Input>(
  rule,
  {
    valid: [
      { name: 'every 上年数 equals last year’s figure', input: { now, previous } },
      { name: 'no previous-year data given', input: { now }, notRun: 'not-applicable' },
    ],
    invalid: [
      {
        name: 'a 表五 上年数 1.20 above last year’s figure',
        input: () => ({ now: shifted(now, cellPath(now, 't5', code, 'total', 'prior'), '1.20'), previous }),
        expect: [
          {
            severity: 'warning',
            difference: '+1.20',
            locations: [
              { table: 't5', row: code, column: 'total', which: 'prior' },
              { table: 't5', row: code, column: 'total' },
            ],
          },
        ],
      },
      {
        name: 'the 机关运行经费 上年数 2.00 below last year’s',
        input: () => ({ now: shifted(now, 'adminCost.prior', '-2.00'), previous }),
        expect: [
          { severity: 'warning', locations: [{ field: 'adminCost.prior' }, { field: 'adminCost.amount' }] },
        ],
      },
    ],
  },
  (input) => runOne(rule, input.now, input.previous ? { previous: input.previous } : {}),
);
