import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDisclosure } from '../../model/load.ts';
import { wan } from '../../money/amount.ts';
import type { DocTable, ReportDocument } from '../document.ts';
import { sampleDocument } from '../../testing/sample-document.ts';
import {
  CSV_COLUMNS,
  csvField,
  fenToWan,
  fenToYuan,
  writeCsv,
  writeJson,
  type OpenDataJson,
} from './open-data.ts';

/** RFC 4180 reader: quoted fields with "" escapes, commas and line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  expect(quoted).toBe(false);
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

/** Exact 分 from a yuan decimal string, with integers only. */
function yuanToFen(text: string): bigint {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  expect(m).not.toBeNull();
  const v = BigInt(m![2]!) * 100n + BigInt(m![3]!);
  return m![1] === '-' ? -v : v;
}
function wanToFen(text: string): bigint {
  const m = /^(-?)(\d+)\.(\d{2,6})$/.exec(text);
  expect(m).not.toBeNull();
  const v = BigInt(m![2]!) * 1_000_000n + BigInt(m![3]!.padEnd(6, '0'));
  return m![1] === '-' ? -v : v;
}

/** A table with a split code, two sides, a merged cell, an unknown amount and hostile text. */
function hostileTable(): DocTable {
  return {
    id: 't1',
    number: '表一',
    title: '收入支出决算总表',
    unitLabel: '单位：万元',
    columns: [
      { key: 'incomeName', kind: 'text', width: 20 },
      { key: 'income', kind: 'amount', width: 12 },
      { key: 'c1', kind: 'code', width: 4 },
      { key: 'c2', kind: 'code', width: 3 },
      { key: 'expenditureName', kind: 'text', width: 20 },
      { key: 'expenditure', kind: 'amount', width: 12 },
      { key: 'rate', kind: 'percent', width: 8 },
    ],
    header: [
      [
        { text: '收入', colSpan: 2 },
        { text: '支出', colSpan: 5 },
      ],
      [
        { text: '项目' },
        { text: '决算数' },
        { text: '类' },
        { text: '款' },
        { text: '项目' },
        { text: '决算数' },
        { text: '占比' },
      ],
    ],
    rows: [
      {
        key: 'r1',
        cells: [
          { text: '一般公共预算财政拨款收入, "含" 追加\n说明' },
          { text: '1,234,567.89', fen: wan('1234567.89') },
          { text: '201' },
          { text: '04' },
          { text: '一般公共服务支出' },
          { text: '0.000001 万元', fen: 1 },
          { text: '12.50%', number: 12.5 },
        ],
      },
      {
        key: 'r2',
        cells: [
          { text: '=HYPERLINK("x")' },
          { text: '-5.00', fen: -wan('5') },
          { text: '' },
          { text: '' },
          { text: '结余分配' },
          { text: '', fen: 0 },
          { text: '' },
        ],
      },
      {
        key: 'r3',
        cells: [
          { text: '其他收入' },
          { text: '' },
          { text: '合计', colSpan: 3 },
          { text: '', fen: undefined },
          { text: '' },
        ],
      },
    ],
  };
}

function docWith(tables: DocTable[]): ReportDocument {
  return { ...sampleDocument(), tables, blocks: tables.map((table) => ({ type: 'table' as const, table })) };
}

describe('exact amounts', () => {
  it('converts 分 to yuan and 万元 strings with integers only', () => {
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(-123456)).toBe('-1234.56');
    expect(fenToYuan(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(fenToWan(0)).toBe('0.00');
    expect(fenToWan(1)).toBe('0.000001');
    expect(fenToWan(12345600)).toBe('12.3456');
    expect(fenToWan(wan('360.44'))).toBe('360.44');
    expect(fenToWan(-wan('0.1'))).toBe('-0.10');
    expect(fenToWan(1_000_000)).toBe('1.00');
  });

  it('quotes CSV fields and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField(' lead')).toBe('" lead"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('-12.00')).toBe('-12.00');
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('财政拨款')).toBe('财政拨款');
  });
});

describe('writeCsv', () => {
  it('writes UTF-8 CSV with BOM, one row per figure cell, exact amounts', () => {
    const csv = writeCsv(sampleDocument());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      [
        't7',
        '财政拨款“三公”经费支出决算表',
        '',
        '合计',
        'budget',
        '2022年度 / 预算数',
        '20000.00',
        '2.00',
        '2.00',
      ],
      [
        't7',
        '财政拨款“三公”经费支出决算表',
        '',
        '合计',
        'final',
        '2022年度 / 决算数',
        '12345600.00',
        '1234.56',
        '1,234.56',
      ],
      [
        't7',
        '财政拨款“三公”经费支出决算表',
        '',
        '因公出国（境）费',
        'budget',
        '2022年度 / 预算数',
        '0.00',
        '0.00',
        '',
      ],
      [
        't7',
        '财政拨款“三公”经费支出决算表',
        '',
        '因公出国（境）费',
        'final',
        '2022年度 / 决算数',
        '0.00',
        '0.00',
        '',
      ],
      [
        't7',
        '财政拨款“三公”经费支出决算表',
        '',
        '公务用车购置及运行（维护）费',
        'budget',
        '2022年度 / 预算数',
        '20000.00',
        '2.00',
        '2.00',
      ],
      [
        't7',
        '财政拨款“三公”经费支出决算表',
        '',
        '公务用车购置及运行（维护）费',
        'final',
        '2022年度 / 决算数',
        '12345600.00',
        '1234.56',
        '1,234.56',
      ],
    ]);
    expect(csv.split('\r\n')).toHaveLength(8);
  });

  it('round-trips hostile text, split codes, two sides and merged cells', () => {
    const table = hostileTable();
    const rows = parseCsv(writeCsv(docWith([table])).slice(1)).slice(1);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    expect(
      rows.map((r) => [
        r[col('code')],
        r[col('name')],
        r[col('column')],
        r[col('amount_yuan')],
        r[col('text')],
      ]),
    ).toEqual([
      ['', '一般公共预算财政拨款收入, "含" 追加\n说明', 'income', '12345678900.00', '1,234,567.89'],
      ['20104', '一般公共服务支出', 'expenditure', '0.01', '0.000001 万元'],
      ['20104', '一般公共服务支出', 'rate', '', '12.50%'],
      ['', '\'=HYPERLINK("x")', 'income', '-50000.00', '-5.00'],
      ['', '结余分配', 'expenditure', '0.00', ''],
    ]);
    expect(rows[1]?.[col('amount_wan')]).toBe('0.000001');
    expect(rows[0]?.[col('amount_wan')]).toBe('1234567.89');
    expect(rows[3]?.[col('amount_wan')]).toBe('-5.00');
    expect(rows[0]?.[col('column_name')]).toBe('收入 / 决算数');
    expect(rows[1]?.[col('column_name')]).toBe('支出 / 决算数');
  });

  it('does not take "合计" merged over the code column for a code', () => {
    const table: DocTable = {
      id: 't5',
      number: '表五',
      title: '一般公共预算财政拨款支出决算表',
      columns: [
        { key: 'code', kind: 'code', width: 8 },
        { key: 'name', kind: 'text', width: 20 },
        { key: 'total', kind: 'amount', width: 10 },
      ],
      header: [[{ text: '科目编码' }, { text: '科目名称' }, { text: '合计' }]],
      rows: [
        {
          key: 'total',
          cells: [
            { text: '合计', colSpan: 2 },
            { text: '3.00', fen: wan('3') },
          ],
        },
        {
          key: '2010450',
          indent: 2,
          cells: [{ text: '2010450' }, { text: '事业运行' }, { text: '3.00', fen: wan('3') }],
        },
      ],
    };
    const rows = parseCsv(writeCsv(docWith([table])).slice(1)).slice(1);
    expect(rows.map((r) => [r[2], r[3]])).toEqual([
      ['', '合计'],
      ['2010450', '事业运行'],
    ]);
  });

  it('gives only the amounts of a form (a table without header rows), named from left and above', () => {
    const form: DocTable = {
      id: 'perf-1',
      number: '',
      title: '项目支出绩效自评表',
      columns: ['label', 'a', 'b', 'c', 'd'].map((key) => ({
        key,
        kind: key === 'd' ? ('score' as const) : ('text' as const),
        width: 8,
      })),
      header: [],
      rows: [
        { cells: [{ text: '项目名称' }, { text: '援疆工作业务经费', colSpan: 4 }] },
        {
          cells: [
            { text: '项目资金（万元）', rowSpan: 2 },
            { text: '' },
            { text: '年初预算数' },
            { text: '全年执行数' },
            { text: '得分' },
          ],
        },
        {
          cells: [
            { text: '年度资金总额' },
            { text: '100.00', fen: wan('100') },
            { text: '89.77', fen: wan('89.77') },
            { text: '8.98', number: 8.98 },
          ],
        },
      ],
    };
    const rows = parseCsv(writeCsv(docWith([form])).slice(1)).slice(1);
    expect(rows.map((r) => [r[3], r[4], r[5], r[7]])).toEqual([
      ['年度资金总额', 'b', '年初预算数', '100.00'],
      ['年度资金总额', 'c', '全年执行数', '89.77'],
    ]);
  });

  it('sums back to the fen totals of the document, exactly (generated unit)', () => {
    const text = readFileSync(new URL('../../../../../examples/changji-2022.yaml', import.meta.url), 'utf8');
    const d = loadDisclosure(text);
    // Build a document table per model table straight from the model, to exercise many cells.
    const tables: DocTable[] = Object.values(d.tables).map((t) => {
      const keys = [...new Set(t.rows.flatMap((r) => Object.keys(r.values)))];
      return {
        id: t.id,
        number: '',
        title: t.id,
        columns: [
          { key: 'code', kind: 'code', width: 8 },
          { key: 'name', kind: 'text', width: 20 },
          ...keys.map((key) => ({ key, kind: 'amount' as const, width: 10 })),
        ],
        header: [[{ text: '编码' }, { text: '名称' }, ...keys.map((k) => ({ text: k }))]],
        rows: t.rows.map((r) => ({
          key: r.key,
          cells: [
            { text: r.code ?? '' },
            { text: r.name },
            ...keys.map((k) => {
              const fen = r.values[k];
              return fen === undefined ? { text: '' } : { text: String(fen), fen };
            }),
          ],
        })),
      };
    });
    const doc = docWith(tables);
    const rows = parseCsv(writeCsv(doc).slice(1)).slice(1);
    expect(rows.length).toBeGreaterThan(100);
    for (const t of tables) {
      const expected = t.rows.reduce((s, r) => s + r.cells.reduce((a, c) => a + BigInt(c.fen ?? 0), 0n), 0n);
      const mine = rows.filter((r) => r[0] === t.id);
      const yuan = mine.reduce((s, r) => s + (r[6] === '' ? 0n : yuanToFen(r[6]!)), 0n);
      const wanSum = mine.reduce((s, r) => s + (r[7] === '' ? 0n : wanToFen(r[7]!)), 0n);
      expect(yuan).toBe(expected);
      expect(wanSum).toBe(expected);
      expect(mine.length).toBe(
        t.rows.reduce((s, r) => s + r.cells.filter((c) => c.fen !== undefined).length, 0),
      );
      // Code rows carry their code.
      for (const r of mine) {
        const row = t.rows.find((x) => x.cells[1]?.text === r[3]);
        expect(row).toBeDefined();
      }
    }
  });
});

describe('writeJson', () => {
  it('writes the tables with columns, rows and cells by column key', () => {
    const json = JSON.parse(writeJson(sampleDocument())) as OpenDataJson;
    expect(json.format).toBe('juesuan-open-data/1');
    expect(json.amountUnit).toBe('分');
    expect(json.unit).toBe('示例单位');
    expect(json.year).toBe(2022);
    expect(json.profile).toBe('xinjiang-2022');
    expect(json.figures).toBeUndefined();
    const [t7] = json.tables;
    expect(t7?.id).toBe('t7');
    expect(t7?.number).toBe('表七');
    expect(t7?.columns).toEqual([
      { key: 'name', kind: 'text', label: '项目' },
      { key: 'budget', kind: 'amount', label: '2022年度 / 预算数' },
      { key: 'final', kind: 'amount', label: '2022年度 / 决算数' },
    ]);
    expect(t7?.rows[0]).toEqual({
      key: 'total',
      code: null,
      name: '合计',
      cells: { budget: { fen: 2_000_000, text: '2.00' }, final: { fen: 1_234_560_000, text: '1,234.56' } },
    });
    expect(t7?.rows[1]?.cells['budget']).toEqual({ fen: 0, text: '' });
    expect(t7?.notes).toEqual(['注：本表金额单位为万元。']);
  });

  it('names the second side of a two-sided table per cell and keeps unknown amounts without fen', () => {
    const json = JSON.parse(writeJson(docWith([hostileTable()]))) as OpenDataJson;
    const [r1, , r3] = json.tables[0]!.rows;
    expect(r1?.name).toBe('一般公共预算财政拨款收入, "含" 追加\n说明');
    expect(r1?.code).toBeNull();
    expect(r1?.cells['expenditure']).toEqual({
      fen: 1,
      text: '0.000001 万元',
      name: '一般公共服务支出',
      code: '20104',
    });
    expect(r1?.cells['rate']).toEqual({ text: '12.50%', name: '一般公共服务支出', code: '20104' });
    expect(r3?.cells).toEqual({});
  });

  it('adds the non-table figures of the disclosure, without source locations', () => {
    const text = readFileSync(new URL('../../../../../examples/changji-2022.yaml', import.meta.url), 'utf8');
    const d = loadDisclosure(text);
    const out = writeJson(sampleDocument(), d);
    expect(out).not.toContain('"source"');
    expect(out).not.toContain('cellSources');
    const json = JSON.parse(out) as OpenDataJson;
    const figures = json.figures as Record<string, Record<string, unknown>>;
    expect(figures['unit']?.['name']).toBe(d.unit.name);
    expect(figures['threePublic']).toBeDefined();
    if (d.adminCost?.amount !== undefined)
      expect((figures['adminCost'] as { amount: number }).amount).toBe(d.adminCost.amount);
    if (d.procurement?.total !== undefined)
      expect((figures['procurement'] as { total: number }).total).toBe(d.procurement.total);
  });
});
