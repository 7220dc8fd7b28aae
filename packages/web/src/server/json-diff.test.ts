import { describe, expect, it } from 'vitest';
import { jsonChanges } from './json-diff.ts';

describe('jsonChanges', () => {
  it('names each changed value by its path, with the old and the new value', () => {
    const before = { unit: { name: '甲单位' }, tables: { t1: { rows: [{ row: 'a', amount: '1.00' }] } } };
    const after = { unit: { name: '乙单位' }, tables: { t1: { rows: [{ row: 'a', amount: '2.00' }] } } };
    expect(jsonChanges(before, after)).toEqual({
      changes: [
        { path: 'unit.name', before: '甲单位', after: '乙单位' },
        { path: 'tables.t1.rows[0].amount', before: '1.00', after: '2.00' },
      ],
      truncated: false,
    });
  });

  it('lists removed keys in their order, then added ones, and array elements by index', () => {
    const r = jsonChanges({ a: 1, b: 2, list: [1, 2, 3] }, { b: 2, c: 3, list: [1, 5] });
    expect(r.changes).toEqual([
      { path: 'a', before: 1 },
      { path: 'list[1]', before: 2, after: 5 },
      { path: 'list[2]', before: 3 },
      { path: 'c', after: 3 },
    ]);
  });

  it('finds nothing between equal documents, and compares an object with a primitive as a whole', () => {
    const doc = { x: [{ y: null, z: '0.10' }], w: true };
    expect(jsonChanges(doc, structuredClone(doc))).toEqual({ changes: [], truncated: false });
    expect(jsonChanges({ x: { y: 1 } }, { x: '1' }).changes).toEqual([
      { path: 'x', before: { y: 1 }, after: '1' },
    ]);
    expect(jsonChanges(null, { a: 1 }).changes).toEqual([
      { path: '（全部）', before: null, after: { a: 1 } },
    ]);
  });

  it('treats keys such as constructor as data, not as what every object inherits', () => {
    expect(jsonChanges({}, { constructor: 'x' }).changes).toEqual([{ path: 'constructor', after: 'x' }]);
    expect(jsonChanges({ toString: 'x' }, {}).changes).toEqual([{ path: 'toString', before: 'x' }]);
  });

  it('stops at the limit and says so', () => {
    const before = { rows: Array.from({ length: 10 }, (_, i) => i) };
    const after = { rows: Array.from({ length: 10 }, (_, i) => i + 1) };
    const r = jsonChanges(before, after, 3);
    expect(r.changes.map((c) => c.path)).toEqual(['rows[0]', 'rows[1]', 'rows[2]']);
    expect(r.truncated).toBe(true);
  });
});
