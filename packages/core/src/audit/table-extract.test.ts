/**
 * Table extraction on real inputs: the Putuo 2024 publication (WPS, codes merged, wrapped labels, T4 over two pages
 * without a repeated header, T6 in two halves, empty T7–T9), PDFs built by `juesuan build` (LibreOffice) for the
 * example and generated units in the three profiles (merged and split codes) compared cell by cell with their data,
 * the Shanghai template (placeholders, no figures), and damaged layouts that must come back unreadable, never wrong.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { toolsMissing } from '../../../cli/src/tools.ts';
import { wan } from '../money/amount.ts';
import type { Disclosure } from '../model/disclosure.ts';
import { disclosureFromData, loadDisclosure } from '../model/load.ts';
import { TABLE_IDS, TABLE_SPECS } from '../model/tables.ts';
import { readPdf } from '../read/pdf-reader.ts';
import type { TextDocument } from '../read/text-document.ts';
import { generateUnitData } from '../testing/generate-unit.ts';
import { extractTables } from './table-extract.ts';
import type { ExtractedTable } from './types.ts';

const root = join(import.meta.dirname, '../../../..');
const real = join(root, '../shared/fixtures/real');
const require = createRequire(import.meta.url);
const pdfjsDir = dirname(require.resolve('pdfjs-dist/package.json'));

async function readPdfFile(file: string): Promise<TextDocument> {
  return readPdf(new Uint8Array(readFileSync(file)), {
    file,
    cMapUrl: join(pdfjsDir, 'cmaps') + '/',
    standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
  });
}

function table(tables: ExtractedTable[], id: string): ExtractedTable {
  const t = tables.find((x) => x.id === id);
  if (!t) throw new Error(`no ${id}`);
  return t;
}

function row(t: ExtractedTable, key: string) {
  const r = t.rows?.find((x) => x.key === key);
  if (!r) throw new Error(`${t.id} has no row ${key}: ${t.status} ${t.reason ?? ''}`);
  return r;
}

describe('extractTables on the Putuo 2024 publication (WPS)', () => {
  let tables: ExtractedTable[];
  let doc: TextDocument;
  beforeAll(async () => {
    doc = await readPdfFile(join(real, 'shanghai-putuo-shehuigongzuobu-2024.pdf'));
    tables = extractTables(doc);
  });

  it('finds all nine tables on their pages: six read, the three empty ones with their statements', () => {
    expect(tables.map((t) => [t.id, t.status, t.pages])).toEqual([
      ['t1', 'read', [5]],
      ['t2', 'read', [6, 7]],
      ['t3', 'read', [8, 9]],
      ['t4', 'read', [10, 11]],
      ['t5', 'read', [12]],
      ['t6', 'read', [13]],
      ['t7', 'empty', [14]],
      ['t8', 'empty', [15]],
      ['t9', 'empty', [16]],
    ]);
    expect(table(tables, 't7').statement).toBe(
      '说明：中共上海市普陀区委社会工作部本年度没有财政拨款“三公”经费支出，故本表无数据。',
    );
    expect(table(tables, 't8').reason).toContain('没有政府性基金预算财政拨款收入和支出，故本表无数据');
    expect(table(tables, 't9').reason).toContain('没有国有资本经营预算财政拨款收入和支出，故本表无数据');
  });

  it('reads 表一 on both sides; a unit founded in 2024 has blank (zero) carry-overs, not unknown ones', () => {
    const t1 = table(tables, 't1');
    expect(row(t1, 'generalBudget').cells['amount']).toBe(wan('307.82'));
    expect(row(t1, 'incomeTotal').cells['amount']).toBe(wan('307.82'));
    expect(row(t1, 'incomeGrandTotal').cells['amount']).toBe(wan('307.82'));
    expect(row(t1, 'expenditureGrandTotal').cells['amount']).toBe(wan('307.82'));
    expect(row(t1, 'openingCarryover').cells['amount']).toBe(0);
    expect(row(t1, 'closingCarryover').cells['amount']).toBe(0);
    expect(row(t1, 'otherIncome').cells['amount']).toBe(0);
    // 类 rows are printed by name only ("十九、住房保障支出"): keyed by their code.
    expect(row(t1, '201').cells['amount']).toBe(wan('264.87'));
    expect(row(t1, '208').cells['amount']).toBe(wan('10.82'));
    expect(row(t1, '210').cells['amount']).toBe(wan('2.71'));
    expect(row(t1, '221')).toMatchObject({ name: '住房保障支出', cells: { amount: wan('29.42') } });
    expect(row(t1, '202').cells['amount']).toBe(0);
    expect(row(t1, '221').evidence).toEqual({ page: 5, text: '十九、住房保障支出' });
  });

  it('reads 表二 over two pages, with the header label "附属单位 / 上缴收入" wrapped and a label wrapped around its code', () => {
    const t2 = table(tables, 't2');
    expect(row(t2, 'total').cells).toMatchObject({
      total: wan('307.82'),
      fiscal: wan('307.82'),
      superiorSubsidy: 0,
      subsidiaryRemittance: 0,
      otherIncome: 0,
    });
    expect(row(t2, '2013999')).toMatchObject({
      name: '其他社会工作事务支出',
      cells: { total: wan('202.24') },
    });
    expect(row(t2, '2080505')).toMatchObject({
      name: '机关事业单位基本养老保险缴费支出',
      cells: { total: wan('6.18'), fiscal: wan('6.18') },
    });
    expect(row(t2, '2210203')).toMatchObject({ name: '购房补贴', cells: { total: wan('11.72') } });
    expect(row(t2, '2210203').evidence?.page).toBe(7);
    expect(t2.rows?.map((r) => r.key)).toEqual([
      'total',
      '201',
      '20139',
      '2013901',
      '2013950',
      '2013999',
      '208',
      '20805',
      '2080505',
      '2080506',
      '210',
      '21011',
      '2101101',
      '2101102',
      '221',
      '22102',
      '2210201',
      '2210203',
    ]);
  });

  it('reads 表三 with blank cells as zero', () => {
    const t3 = table(tables, 't3');
    expect(row(t3, 'total').cells).toMatchObject({
      total: wan('307.82'),
      basic: wan('105.58'),
      project: wan('202.24'),
    });
    expect(row(t3, '2013999').cells).toMatchObject({
      total: wan('202.24'),
      basic: 0,
      project: wan('202.24'),
    });
    expect(row(t3, '2013901').cells).toMatchObject({ total: wan('51.32'), basic: wan('51.32'), project: 0 });
    expect(row(t3, '2080506').name).toBe('机关事业单位职业年金缴费支出');
  });

  it('reads 表四 across pages 10–11 (header not repeated) with the four expenditure columns', () => {
    const t4 = table(tables, 't4');
    expect(row(t4, 'incomeTotal').cells).toMatchObject({
      total: wan('307.82'),
      generalBudget: wan('307.82'),
      governmentFund: 0,
    });
    expect(row(t4, 'openingCarryover').cells).toMatchObject({ total: 0, generalBudget: 0 });
    expect(row(t4, '221').cells).toMatchObject({
      total: wan('29.42'),
      generalBudget: wan('29.42'),
      stateCapital: 0,
    });
    expect(row(t4, '221').evidence?.page).toBe(11);
    expect(row(t4, 'expenditureGrandTotal').cells).toMatchObject({
      total: wan('307.82'),
      generalBudget: wan('307.82'),
    });
  });

  it('reads 表五 with its 合计 row at the bottom and names wrapped over three lines', () => {
    const t5 = table(tables, 't5');
    expect(row(t5, '201')).toMatchObject({
      name: '一般公共服务支出',
      cells: { total: wan('264.87'), basic: wan('62.63'), project: wan('202.24') },
    });
    expect(row(t5, '2080505')).toMatchObject({
      name: '机关事业单位基本养老保险缴费支出',
      cells: { total: wan('6.18') },
    });
    expect(row(t5, 'total').cells).toEqual({
      total: wan('307.82'),
      basic: wan('105.58'),
      project: wan('202.24'),
    });
    expect(t5.rows?.at(-1)?.key).toBe('total');
  });

  it('reads 表六 in two halves: 人员经费 on the left, 公用经费 on the right', () => {
    const t6 = table(tables, 't6');
    expect(row(t6, '301').cells['amount']).toBe(wan('95.36'));
    expect(row(t6, '30101').cells['amount']).toBe(wan('14.12'));
    expect(row(t6, '30108')).toMatchObject({
      name: '机关事业单位基本养老保险缴费',
      cells: { amount: wan('6.18') },
    });
    expect(row(t6, 'personnelTotal').cells['amount']).toBe(wan('95.36'));
    expect(row(t6, '302').cells['amount']).toBe(wan('10.23'));
    expect(row(t6, '30239').cells['amount']).toBe(wan('2.43'));
    expect(row(t6, '30299').cells['amount']).toBe(wan('0.20'));
    expect(row(t6, '31007')).toMatchObject({ name: '信息网络及软件购置更新', cells: { amount: 0 } });
    expect(row(t6, 'publicTotal').cells['amount']).toBe(wan('10.23'));
    // 302's 款 add up to 10.22 against 10.23 printed: a rounding difference, accepted.
    expect(t6.rows?.filter((r) => r.code?.startsWith('302') && r.code.length === 5)).toHaveLength(27);
  });
});

describe('extractTables on the Shanghai 2024 template (placeholders, no figures)', () => {
  it('finds every table and reads no figure from it', async () => {
    const doc = await readPdfFile(join(real, 'shanghai-2024-template.pdf'));
    const tables = extractTables(doc);
    expect(tables.map((t) => t.status)).toEqual([
      'empty',
      'unreadable',
      'unreadable',
      'empty',
      'unreadable',
      'empty',
      'empty',
      'empty',
      'empty',
    ]);
    for (const t of tables) expect(t.rows).toBeUndefined();
    expect(table(tables, 't2').reason).toContain('占位符');
    expect(table(tables, 't9').pages).toEqual([14]);
    expect(table(tables, 't9').statement).toBe(
      '说明：上海市 XX 局本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。',
    );
  });
});

describe('extractTables on damaged layouts: unreadable with a reason, never wrong figures', () => {
  let doc: TextDocument;
  beforeAll(async () => {
    doc = await readPdfFile(join(real, 'shanghai-putuo-shehuigongzuobu-2024.pdf'));
  });
  const copy = (): TextDocument => structuredClone(doc);
  const itemsOn = (d: TextDocument, page: number) => d.pages[page - 1]!.lines.flatMap((l) => l.items ?? []);

  it('a misprinted figure breaks the row sum: 表三 is unreadable and says why', () => {
    const d = copy();
    const it62 = itemsOn(d, 8).find((i) => i.text === '62.63')!;
    it62.text = '62.68';
    const t3 = table(extractTables(d), 't3');
    expect(t3.status).toBe('unreadable');
    expect(t3.reason).toContain('表内关系不平衡');
    expect(t3.rows).toBeUndefined();
  });

  it('figures shifted under the wrong columns do not balance', () => {
    const d = copy();
    for (const i of itemsOn(d, 6)) if (/^\d+\.\d\d$/.test(i.text)) i.x += 78;
    for (const i of itemsOn(d, 7)) if (/^\d+\.\d\d$/.test(i.text)) i.x += 78;
    const t2 = table(extractTables(d), 't2');
    expect(t2.status).toBe('unreadable');
  });

  it('a lost code makes the row unreadable instead of attaching its figures elsewhere', () => {
    const d = copy();
    const p12 = d.pages[11]!;
    for (const l of p12.lines) l.items = (l.items ?? []).filter((i) => i.text !== '20139');
    const t5 = table(extractTables(d), 't5');
    expect(t5.status).toBe('unreadable');
    expect(t5.reason).toContain('找不到它的科目编码');
  });

  it('garbage and documents without positions never crash', () => {
    const d = copy();
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const p of d.pages)
      for (const l of p.lines)
        for (const i of l.items ?? []) if (rnd() < 0.3) [i.x, i.y] = [rnd() * 800, rnd() * 800];
    const tables = extractTables(d);
    expect(tables).toHaveLength(9);
    for (const t of tables) expect(['read', 'unreadable', 'missing', 'empty']).toContain(t.status);
    const text: TextDocument = {
      file: 'x.txt',
      kind: 'text',
      pages: doc.pages.map((p) => ({
        page: p.page,
        lines: p.lines.map((l) => ({ text: l.text, page: l.page, line: l.line })),
      })),
    };
    const fromText = extractTables(text);
    expect(table(fromText, 't2').status).toBe('unreadable');
    expect(table(fromText, 't2').reason).toContain('没有文字位置');
    expect(table(fromText, 't8').status).toBe('empty');
    expect(
      extractTables({ file: 'empty.pdf', kind: 'pdf', pages: [] }).every((t) => t.status === 'missing'),
    ).toBe(true);
  });
});

/** Each cell the model has equals the cell read (blank = 0); 表四 prints only 合计 of 收入总计. */
function compareWithModel(d: Disclosure, tables: ExtractedTable[]): string[] {
  const diffs: string[] = [];
  for (const id of TABLE_IDS) {
    const t = table(tables, id);
    const m = d.tables[id];
    const hasFigures = m.rows.some((r) => Object.values(r.values).some((v) => v !== undefined && v !== 0));
    const want = hasFigures ? 'read' : 'empty';
    if (t.status !== want) {
      diffs.push(`${id}: ${t.status}（应为 ${want}）${t.reason ?? ''}`);
      continue;
    }
    if (t.status !== 'read') continue;
    const got = new Map((t.rows ?? []).map((r) => [r.key, r]));
    for (const key of new Set([...m.rows.map((r) => r.key), ...got.keys()])) {
      const mr = m.byKey.get(key);
      const gr = got.get(key);
      for (const c of TABLE_SPECS[id].columns) {
        if (id === 't4' && key === 'incomeGrandTotal' && c.id !== 'total') continue;
        const a = mr?.values[c.id] ?? 0;
        const b = gr?.cells[c.id] ?? 0;
        if (a !== b) diffs.push(`${id} ${key} ${c.id}: 数据 ${a} 读出 ${b}`);
        const budget = mr?.budget?.[c.id];
        if (gr?.budget && budget !== undefined && budget !== (gr.budget[c.id] ?? 0))
          diffs.push(`${id} ${key} 年初预算 ${c.id}: 数据 ${budget} 读出 ${gr.budget[c.id]}`);
      }
    }
  }
  return diffs;
}

const noSoffice = toolsMissing(['soffice'], '由 juesuan build 生成 PDF 再读回表格的测试');

describe.skipIf(noSoffice)('extractTables on PDFs built by juesuan build (LibreOffice)', () => {
  const bin = join(root, 'node_modules/.bin/juesuan');
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-tables-'));
  const cases: { name: string; profile: string; file: string; d: Disclosure }[] = [];
  const example = join(root, 'examples/changji-2022.yaml');
  for (const profile of ['xinjiang-2022', 'central', 'shanghai-2024'])
    cases.push({
      name: `example ${profile}`,
      profile,
      file: example,
      d: loadDisclosure(readFileSync(example, 'utf8')),
    });
  // Merged codes (xinjiang-2022, central) and split 类/款/项 columns (shanghai-2024); exact and rounded figures.
  for (const [seed, profile] of [
    [3, 'xinjiang-2022'],
    [4, 'central'],
    [8, 'shanghai-2024'],
    [7, 'shanghai-2024'],
  ] as const) {
    const data = generateUnitData({
      seed,
      profile,
      rounded: seed % 2 === 0,
      year: profile === 'shanghai-2024' ? 2024 : 2022,
    });
    const file = join(dir, `unit-${seed}.yaml`);
    writeFileSync(file, stringify(data));
    cases.push({ name: `generated ${seed} ${profile}`, profile, file, d: disclosureFromData(data) });
  }
  const docs = new Map<string, TextDocument>();
  beforeAll(async () => {
    for (const c of cases) {
      const out = join(dir, c.name.replace(/\s+/g, '-'));
      const r = spawnSync(bin, ['build', c.file, '--profile', c.profile, '--format', 'pdf', '--out', out], {
        cwd: root,
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`build ${c.name} failed: ${r.stderr}`);
      const pdf = readdirSync(out).find((f) => f.endsWith('.pdf'))!;
      docs.set(c.name, await readPdfFile(join(out, pdf)));
    }
  }, 600_000);

  for (const c of cases) {
    it(`${c.name}: every table comes back with exactly the cells of the data`, () => {
      const tables = extractTables(docs.get(c.name)!, c.d.year);
      expect(compareWithModel(c.d, tables)).toEqual([]);
    });
  }

  it('the example: rows printing only their total keep the other cells unknown, as in the data', () => {
    const tables = extractTables(docs.get('example xinjiang-2022')!, 2022);
    const t5 = table(tables, 't5');
    expect(row(t5, '2010450').cells).toEqual({ total: wan('100.85'), basic: undefined, project: undefined });
    expect(row(t5, 'total').cells).toEqual({
      total: wan('214.73'),
      basic: wan('124.97'),
      project: wan('89.77'),
    });
    const t6 = table(tables, 't6');
    expect(row(t6, '30101').cells['amount']).toBeUndefined();
    expect(row(t6, 'personnelTotal').cells['amount']).toBe(wan('115.68'));
    expect(table(tables, 't8').statement).toContain('为空表');
  });
});

/** A page laid out by hand: rows of [x, text] at baseline y (10.5 pt text; CJK 10.5 pt wide, digits 5.5 pt). */
function laidOut(rows: readonly (readonly [number, readonly (readonly [number, string])[]])[]): TextDocument {
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2e80 ? 5.5 : 10.5), 0);
  return {
    file: 'synthetic.pdf',
    kind: 'pdf',
    pages: [
      {
        page: 1,
        width: 842,
        height: 595,
        lines: rows.map(([y, cells], i) => ({
          text: cells.map(([, t]) => t).join(' '),
          page: 1,
          line: i + 1,
          y,
          items: cells.map(([x, t]) => ({ text: t, x, y, width: width(t), height: 10.5 })),
        })),
      },
    ],
  };
}

describe('extractTables on other layouts', () => {
  it('表七 with items as rows and 预算数 | 决算数 as columns', () => {
    const doc = laidOut([
      [100, [[250, '财政拨款“三公”经费支出决算表']]],
      [115, [[450, '单位：万元']]],
      [
        135,
        [
          [120, '项目'],
          [300, '预算数'],
          [400, '决算数'],
        ],
      ],
      [
        155,
        [
          [80, '合计'],
          [300, '12.00'],
          [400, '10.50'],
        ],
      ],
      [
        170,
        [
          [80, '因公出国（境）费'],
          [300, '0.00'],
          [400, '0.00'],
        ],
      ],
      [
        185,
        [
          [80, '公务用车购置及运行（维护）费'],
          [300, '8.00'],
          [400, '7.50'],
        ],
      ],
      [
        200,
        [
          [80, '其中：公务用车购置费'],
          [400, '—'],
        ],
      ],
      [
        215,
        [
          [80, '公务用车运行（维护）费'],
          [300, '8.00'],
          [400, '7.50'],
        ],
      ],
      [
        230,
        [
          [80, '公务接待费'],
          [300, '4.00'],
          [400, '3.00'],
        ],
      ],
    ]);
    const t7 = table(extractTables(doc, 2024), 't7');
    expect(t7.status).toBe('read');
    expect(t7.rows?.map((r) => [r.key, r.cells['budget'], r.cells['final']])).toEqual([
      ['total', wan('12.00'), wan('10.50')],
      ['abroad', 0, 0],
      ['vehicle', wan('8.00'), wan('7.50')],
      ['vehiclePurchase', 0, 0],
      ['vehicleOperation', wan('8.00'), wan('7.50')],
      ['reception', wan('4.00'), wan('3.00')],
    ]);
  });

  it('表五 in 元 with 年初预算数 and 决算数 groups, codes in 类/款/项 columns that leave the parent cells empty', () => {
    const doc = laidOut([
      [100, [[250, '表五 一般公共预算财政拨款支出决算表']]],
      [115, [[600, '单位：元']]],
      [
        135,
        [
          [120, '项目'],
          [320, '年初预算数'],
          [540, '决算数'],
        ],
      ],
      [
        155,
        [
          [40, '科目编码'],
          [150, '科目名称'],
          [270, '合计'],
          [325, '基本支出'],
          [395, '项目支出'],
          [480, '合计'],
          [535, '基本支出'],
          [605, '项目支出'],
        ],
      ],
      [
        170,
        [
          [40, '类'],
          [65, '款'],
          [90, '项'],
        ],
      ],
      [
        190,
        [
          [150, '合计'],
          [262, '1,000.00'],
          [325, '600.00'],
          [395, '400.00'],
          [472, '1,100.00'],
          [535, '700.00'],
          [605, '400.00'],
        ],
      ],
      [
        205,
        [
          [40, '201'],
          [120, '一般公共服务支出'],
          [262, '1,000.00'],
          [325, '600.00'],
          [395, '400.00'],
          [472, '1,100.00'],
          [535, '700.00'],
          [605, '400.00'],
        ],
      ],
      [
        220,
        [
          [65, '04'],
          [130, '发展与改革事务'],
          [262, '1,000.00'],
          [325, '600.00'],
          [395, '400.00'],
          [472, '1,100.00'],
          [535, '700.00'],
          [605, '400.00'],
        ],
      ],
      [
        235,
        [
          [90, '50'],
          [140, '事业运行'],
          [270, '600.00'],
          [325, '600.00'],
          [480, '700.00'],
          [535, '700.00'],
          [605, '—'],
        ],
      ],
      [
        250,
        [
          [90, '99'],
          [140, '其他发展与改革事务支出'],
          [270, '400.00'],
          [395, '400.00'],
          [480, '400.00'],
          [605, '400.00'],
        ],
      ],
      [270, [[40, '注：本表反映部门本年度一般公共预算财政拨款支出情况。']]],
    ]);
    const t5 = table(extractTables(doc, 2024), 't5');
    expect(t5.status, t5.reason).toBe('read');
    expect(t5.rows?.map((r) => r.key)).toEqual(['total', '201', '20104', '2010450', '2010499']);
    expect(row(t5, '2010450')).toMatchObject({
      name: '事业运行',
      cells: { total: 70_000, basic: 70_000, project: 0 },
      budget: { total: 60_000, basic: 60_000, project: 0 },
    });
    expect(row(t5, 'total').budget).toEqual({ total: 100_000, basic: 60_000, project: 40_000 });
  });

  it('表一 of an older form with 行次 columns and 金额 headers', () => {
    const doc = laidOut([
      [100, [[300, '收入支出决算总表']]],
      [115, [[500, '单位：万元']]],
      [
        135,
        [
          [150, '收入'],
          [450, '支出'],
        ],
      ],
      [
        150,
        [
          [80, '项目'],
          [200, '行次'],
          [250, '金额'],
          [350, '项目'],
          [470, '行次'],
          [520, '金额'],
        ],
      ],
      [
        170,
        [
          [40, '一、一般公共预算财政拨款收入'],
          [205, '1'],
          [250, '100.00'],
          [330, '一、一般公共服务支出'],
          [472, '32'],
          [520, '80.00'],
        ],
      ],
      [
        185,
        [
          [40, '二、政府性基金预算财政拨款收入'],
          [205, '2'],
          [330, '二、教育支出'],
          [472, '33'],
          [520, '20.00'],
        ],
      ],
      [
        200,
        [
          [40, '八、其他收入'],
          [205, '8'],
          [250, '10.00'],
        ],
      ],
      [
        215,
        [
          [60, '本年收入合计'],
          [205, '9'],
          [250, '110.00'],
          [350, '本年支出合计'],
          [472, '50'],
          [520, '100.00'],
        ],
      ],
      [
        230,
        [
          [40, '使用非财政拨款结余'],
          [202, '10'],
          [330, '结余分配'],
          [472, '51'],
        ],
      ],
      [
        245,
        [
          [40, '年初结转和结余'],
          [202, '11'],
          [250, '5.00'],
          [330, '年末结转和结余'],
          [472, '52'],
          [520, '15.00'],
        ],
      ],
      [
        260,
        [
          [100, '总计'],
          [202, '12'],
          [250, '115.00'],
          [400, '总计'],
          [472, '53'],
          [520, '115.00'],
        ],
      ],
    ]);
    const t1 = table(extractTables(doc, 2022), 't1');
    expect(t1.status, t1.reason).toBe('read');
    expect(Object.fromEntries(t1.rows!.map((r) => [r.key, r.cells['amount']]))).toEqual({
      generalBudget: wan('100.00'),
      governmentFund: 0,
      otherIncome: wan('10.00'),
      incomeTotal: wan('110.00'),
      useOfNonFiscalBalance: 0,
      openingCarryover: wan('5.00'),
      incomeGrandTotal: wan('115.00'),
      '201': wan('80.00'),
      '205': wan('20.00'),
      expenditureTotal: wan('100.00'),
      surplusDistribution: 0,
      closingCarryover: wan('15.00'),
      expenditureGrandTotal: wan('115.00'),
    });
  });
});
