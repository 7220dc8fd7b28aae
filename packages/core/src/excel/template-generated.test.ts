/** export → import is lossless for 200 generated units (in batches, so that each stays within the timeout). */
import { describe, expect, it } from 'vitest';
import { disclosureFromData } from '../model/load.ts';
import { generateUnitData } from '../testing/generate-unit.ts';
import { importWorkbook } from './import.ts';
import { exportWorkbook } from './template.ts';
import { comparable } from './testing-layouts.ts';

const BATCH = 25;

describe('export → import is lossless for 200 generated units', () => {
  for (let b = 0; b < 200 / BATCH; b++) {
    it(`units ${b * BATCH + 1}–${(b + 1) * BATCH}`, { timeout: 240_000 }, async () => {
      for (let seed = b * BATCH + 1; seed <= (b + 1) * BATCH; seed++) {
        const data = generateUnitData({ seed, withFund: seed % 3 === 0, rounded: seed % 2 === 0 });
        const r = await importWorkbook(await exportWorkbook(data, { spareRows: 2 }), `u${seed}.xlsx`);
        expect(comparable(disclosureFromData(r.data)), `seed ${seed}`).toEqual(
          comparable(disclosureFromData(data)),
        );
      }
    });
  }
});
