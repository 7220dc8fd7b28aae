import { describe, expect, it } from 'vitest';
import { formatProblem, JuesuanError } from '../errors.ts';
import { catalogueFromCsv, catalogueFromRows, catalogueName, sameClassName } from './catalogue.ts';

const opts = { year: 2024, kind: 'function', file: 'km.csv' } as const;

/** The JuesuanError a call throws, for asserting its problems. */
function thrown(f: () => unknown): JuesuanError {
  try {
    f();
  } catch (e) {
    if (e instanceof JuesuanError) return e;
    throw e;
  }
  throw new Error('没有抛出错误');
}

describe('catalogueFromCsv', () => {
  it('reads code/name CSV with a BOM, CRLF, quoted fields and codes written with spaces', () => {
    const text =
      '\uFEFF科目编码,科目名称\r\n201,一般公共服务支出\r\n201 04,发展与改革事务\r\n"201 04 50","事业运行"\r\n2010499,"其他发展与改革事务支出, 含""援疆"""\r\n';
    const c = catalogueFromCsv(text, opts);
    expect([...c.entries.keys()]).toEqual(['201', '20104', '2010450', '2010499']);
    expect(c.entries.get('2010450')).toMatchObject({ name: '事业运行', level: '项', parent: '20104' });
    expect(c.entries.get('20104')).toMatchObject({ level: '款', parent: '201' });
    expect(c.entries.get('201')).toMatchObject({ level: '类', parent: '' });
    expect(catalogueName(c, '2010499')).toBe('其他发展与改革事务支出, 含"援疆"');
    expect(c.complete).toBe(true);
    expect(c.year).toBe(2024);
  });

  it('keeps official full-width brackets in names and compares names loosely', () => {
    const c = catalogueFromCsv('code,name\n20103,政府办公厅（室）及相关机构事务\n', opts);
    expect(catalogueName(c, '20103')).toBe('政府办公厅（室）及相关机构事务');
    expect(sameClassName('政府办公厅(室)及相关机构事务', '政府办公厅（室） 及相关机构事务')).toBe(true);
    expect(sameClassName('事业运行', '行政运行')).toBe(false);
  });

  it('reads group, source, level and parent columns', () => {
    const c = catalogueFromCsv(
      'code,name,level,parent,group,source\n301,工资福利支出,类,,人员经费,reference\n30101,基本工资,款,301,人员经费,\n',
      {
        ...opts,
        kind: 'economic',
        source: 'test',
      },
    );
    expect(c.entries.get('301')).toMatchObject({ group: '人员经费', source: 'reference' });
    expect(c.entries.get('30101')).toMatchObject({ group: '人员经费', source: 'test' });
  });

  it('reports duplicates, bad codes, missing names and wrong levels with the line, in Chinese', () => {
    const text = [
      'code,name,level,parent',
      '201,一般公共服务支出,类,',
      '2010,坏编码,,',
      '201,一般公共服务支出,,',
      '20104,,,',
      '20104,发展与改革事务,项,',
      '2010450,事业运行,,20105',
      ',无编码,,',
    ].join('\n');
    const e = thrown(() => catalogueFromCsv(text, opts));
    expect(e.code).toBe('E_BAD_CATALOGUE');
    expect(e.message).toBe('km.csv 有 6 处错误');
    const lines = e.problems.map((p) => [p.line, p.message]);
    expect(lines).toEqual([
      [3, '科目编码「2010」应为 3、5 或 7 位数字'],
      [4, '科目编码「201」重复（第 2 行已有）'],
      [5, '科目「20104」缺少名称'],
      [6, '科目「20104」是款级编码，级次列却写「项」'],
      [7, '科目「2010450」的上级应为「20104」，上级列却写「20105」'],
      [8, '缺少科目编码'],
    ]);
    expect(formatProblem(e.problems[0]!)).toBe('km.csv:3  字段 code  科目编码「2010」应为 3、5 或 7 位数字');
  });

  it('rejects 7-digit economic codes, a missing header and a list without codes', () => {
    expect(
      thrown(() => catalogueFromCsv('code,name\n3010101,x\n', { ...opts, kind: 'economic' })).problems[0]!
        .message,
    ).toBe('经济分类只有类和款，「3010101」有 7 位');
    const h = thrown(() => catalogueFromCsv('编号,说明\n201,一般公共服务支出\n', opts));
    expect(h.message).toBe('km.csv 缺少表头');
    expect(h.problems[0]!.line).toBe(1);
    expect(thrown(() => catalogueFromCsv('code,name\n\n', opts)).message).toBe('km.csv 没有任何科目');
  });
});

describe('catalogueFromRows', () => {
  it('reads the official split layout 类 | 款 | 项 | 科目名称, inheriting blank higher columns', () => {
    const rows = [
      ['类', '款', '项', '科目名称'],
      ['201', '', '', '一般公共服务支出'],
      ['', '04', '', '发展与改革事务'],
      ['', '', '01', '行政运行'],
      ['', '', '50', '事业运行'],
      ['', '39', '', '社会工作事务'],
      ['201', '39', '99', '其他社会工作事务支出'],
      ['208', '', '', '社会保障和就业支出'],
      ['208', '20805', '', '行政事业单位养老支出'],
      ['', '', '2080505', '机关事业单位基本养老保险缴费支出'],
    ];
    const c = catalogueFromRows({ rows, ...opts });
    expect([...c.entries.keys()]).toEqual([
      '201',
      '20104',
      '2010401',
      '2010450',
      '20139',
      '2013999',
      '208',
      '20805',
      '2080505',
    ]);
    expect(c.entries.get('2010450')?.parent).toBe('20104');
  });

  it('reports a 项 without a 款 above it in the split layout, naming the sheet line', () => {
    const rows = [
      ['类', '款', '项', '科目名称'],
      ['201', '', '', '一般公共服务支出'],
      ['', '', '50', '事业运行'],
    ];
    const e = thrown(() => catalogueFromRows({ rows, ...opts, file: 'km.xlsx', headerLine: 3 }));
    expect(e.problems).toEqual([
      { file: 'km.xlsx', line: 5, path: 'code', message: '科目编码「50」应为 3、5 或 7 位数字' },
    ]);
  });

  it('accepts Chinese header synonyms and marks imported lists complete unless told otherwise', () => {
    const c = catalogueFromRows({
      rows: [
        ['编码', '名称'],
        ['221', '住房保障支出'],
      ],
      ...opts,
      complete: false,
      source: '内置',
    });
    expect(c.complete).toBe(false);
    expect(c.source).toBe('内置');
  });
});
