import type { Disclosure } from '../../model/disclosure.ts';
import { disclosureFromData } from '../../model/load.ts';
import { ruleCases } from '../rule-tester.ts';
import { cellPath, runOne, shifted, unitData, type Data } from '../testing.ts';
import { rule } from './carryover-previous-year.ts';

const rowsOf = (data: Data, id: string) => ((data['tables'] as Data)[id] as { rows: Data[] }).rows;
const find = (data: Data, id: string, key: string) =>
  rowsOf(data, id).find((r) => r['row'] === key || r['code'] === key);

/** Last year's unit, and this year's whose opening carry-overs are last year's closing ones. */
export function twoYears(): { last: Data; now: Data } {
  const last = unitData({ year: 2021 });
  const now = structuredClone(unitData({ year: 2022 }));
  find(now, 't1', 'openingCarryover')!['amount'] = find(last, 't1', 'closingCarryover')!['amount'];
  for (const c of ['total', 'generalBudget', 'governmentFund', 'stateCapital']) {
    const v = find(last, 't4', 'closingCarryover')?.[c];
    if (v !== undefined) find(now, 't4', 'openingCarryover')![c] = v;
  }
  for (const id of ['t8', 't9'])
    for (const r of rowsOf(now, id)) {
      const p = find(last, id, String(r['row'] ?? r['code']));
      if (p?.['closing'] !== undefined) r['opening'] = p['closing'];
    }
  return { last, now };
}

interface Input {
  now: Data;
  previous?: Disclosure;
}

const { last, now } = twoYears();
const previous = disclosureFromData(last, { file: '2021.yaml' });

export const cases = ruleCases<Input>(
  rule,
  {
    valid: [
      { name: 'every 年初 equals last year’s 年末', input: { now, previous } },
      { name: 'no previous-year data given', input: { now }, notRun: 'not-applicable' },
      {
        name: 'previous data two years back',
        input: () => ({ now, previous: disclosureFromData(unitData({ year: 2019 })) }),
        notRun: 'insufficient-data',
      },
    ],
    invalid: [
      {
        name: '表一 年初结转和结余 off by 0.05',
        input: () => ({
          now: shifted(now, cellPath(now, 't1', 'openingCarryover', 'amount'), '0.05'),
          previous,
        }),
        expect: [
          {
            severity: 'error',
            difference: '+0.05',
            message: '2021.yaml',
            locations: [
              { table: 't1', row: 'openingCarryover', column: 'amount' },
              { table: 't1', row: 'closingCarryover', column: 'amount' },
            ],
          },
        ],
      },
      {
        name: '表四 一般公共预算 column off by 0.01 (a rounding note)',
        input: () => ({
          now: shifted(now, cellPath(now, 't4', 'openingCarryover', 'generalBudget'), '0.01'),
          previous,
        }),
        expect: [
          { severity: 'info', kind: 'rounding', locations: [{ table: 't4', column: 'generalBudget' }] },
        ],
      },
    ],
  },
  (input) => runOne(rule, input.now, input.previous ? { previous: input.previous } : {}),
);
