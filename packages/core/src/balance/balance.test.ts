/**
 * 舍位平衡 on 200 generated units with amounts in 元 (not whole 0.01 万元): after balancing, every
 * printed relation holds exactly in 万元 with two decimals, no cell moves more than 0.01 万元 from its
 * plain rounding (nor ends 0.01 or more from its exact value), exact cells do not move, and the rule
 * catalogue reports no rounding gap and no error.
 */
import { describe, expect, it } from 'vitest';
import { unitInYuanForTests } from '../excel/testing-layouts.ts';
import { disclosureFromData } from '../model/load.ts';
import { validateDisclosure } from '../validate.ts';
import { balanceData } from './balance.ts';
import { amountCells, brokenRelations, printedRelations } from './identities.ts';

const STEP = 10_000;
const round = (fen: number) => Math.round(fen / STEP);

describe('舍位平衡', () => {
  it('a total that the rounded parts miss by 0.01 is balanced by moving one part', () => {
    // 1.004 + 1.004 + 1.004 万元 = 3.012 万元: rounded 1.00 × 3 = 3.00 ≠ 3.01.
    const data = {
      format: 'juesuan-disclosure/1',
      year: 2022,
      amountUnit: '元',
      unit: { name: '甲单位', kind: '行政' },
      tables: {},
      procurement: { total: '30120.00', goods: '10040.00', works: '10040.00', services: '10040.00' },
    };
    const r = balanceData(data);
    expect(r.unresolved).toEqual([]);
    expect(r.adjustments).toHaveLength(1);
    const p = r.data['procurement'] as Record<string, string>;
    expect([p['goods'], p['works'], p['services']].sort()).toEqual(['1.00', '1.00', '1.01']);
    expect(p['total']).toBe('3.01');
    expect(r.data['amountUnit']).toBe('万元');
    expect(r.adjustments[0]).toMatchObject({ rounded: '1.00', adjusted: '1.01', exact: '1.004000' });
  });

  it('an exact cell (0 or a whole 0.01 万元) never moves', () => {
    const data = {
      format: 'juesuan-disclosure/1',
      year: 2022,
      amountUnit: '元',
      unit: { name: '甲单位', kind: '行政' },
      tables: {},
      procurement: { total: '20150.00', goods: '10000.00', works: '0.00', services: '10150.00' },
    };
    const r = balanceData(data);
    const p = r.data['procurement'] as Record<string, string>;
    expect(p['goods']).toBe('1.00');
    expect(p['works']).toBe('0.00');
    expect(p['total']).toBe('2.02');
    expect(p['services']).toBe('1.02');
  });

  it(
    '200 generated units in 元: every printed relation holds, no cell moves by more than 0.01',
    { timeout: 240_000 },
    () => {
      let moves = 0;
      for (let seed = 1; seed <= 200; seed++) {
        const data = unitInYuanForTests(seed, { withFund: seed % 3 === 0 });
        const before = amountCells(data);
        const r = balanceData(data);
        expect(r.unresolved, `seed ${seed}`).toEqual([]);
        expect(r.brokenInSource, `seed ${seed}`).toEqual([]);
        const after = amountCells(r.data);
        expect(brokenRelations(printedRelations(r.data, after), after.fen), `seed ${seed}`).toEqual([]);
        for (const [path, fen] of before.fen) {
          const v = after.fen.get(path)!;
          expect(v % STEP).toBe(0);
          expect(Math.abs(v / STEP - round(fen)), `${seed} ${path}`).toBeLessThanOrEqual(1);
          expect(Math.abs(v - fen), `${seed} ${path}`).toBeLessThan(STEP);
          if (fen % STEP === 0) expect(v).toBe(fen);
        }
        moves += r.adjustments.length;
        expect(r.adjustments.length).toBe(
          [...before.fen].filter(([p, fen]) => after.fen.get(p)! / STEP !== round(fen)).length,
        );
        const outcome = validateDisclosure(disclosureFromData(r.data));
        const bad = outcome.findings.filter((f) => f.severity === 'error' || f.kind === 'rounding');
        expect(
          bad.map((f) => `${f.rule} ${f.message}`),
          `seed ${seed}`,
        ).toEqual([]);
      }
      console.log(`舍位平衡：200 个单位共调整 ${moves} 个数（平均每单位 ${(moves / 200).toFixed(1)} 个）`);
    },
  );
});
