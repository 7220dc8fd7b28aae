/** Generated units are consistent by construction: the whole catalogue finds no error or warning in them. */
import { describe, expect, it } from 'vitest';
import { disclosureFromData } from '../src/model/load.ts';
import { generateUnitData } from '../src/testing/generate-unit.ts';
import { validateDisclosure } from '../src/validate.ts';

describe('generated units pass the whole catalogue', () => {
  const kinds = ['行政', '参公', '事业'] as const;
  it.each(Array.from({ length: 30 }, (_, i) => i + 1))(
    'seed %i (exact sums): no error, no warning, no rounding note',
    (seed) => {
      const d = disclosureFromData(generateUnitData({ seed, kind: kinds[seed % 3]! }));
      const o = validateDisclosure(d);
      expect(o.findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    },
  );
  it.each(Array.from({ length: 15 }, (_, i) => i + 101))(
    'seed %i (each cell rounded on its own): only info',
    (seed) => {
      const d = disclosureFromData(generateUnitData({ seed, kind: kinds[seed % 3]!, rounded: true }));
      const o = validateDisclosure(d);
      expect(o.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.message}`)).toEqual(
        [],
      );
    },
  );
});
