/** `juesuan audit` as a user runs it: the seed text, the real 2024 PDF, a batch with a CSV summary. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'node_modules/.bin/juesuan');
const shared = [join(root, '../shared'), '/work/shared'].find((p) => {
  try {
    readFileSync(join(p, 'DOMAIN.md'));
    return true;
  } catch {
    return false;
  }
})!;
const seed = join(shared, 'seed/000_13a944de2df0659e.txt');
const putuo = join(shared, 'fixtures/real/shanghai-putuo-shehuigongzuobu-2024.pdf');

function run(args: string[]) {
  const r = spawnSync(bin, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface Json {
  file: string;
  year: number;
  unit: string;
  figures: { name: string; key: string; value: string; unit: string; page: number; text: string }[];
  tables: { id: string; status: string }[];
  findings: {
    rule: string;
    severity: string;
    category: string;
    message: string;
    location: { label: string; page?: number; line?: number; quote?: string }[];
    expected?: string;
    actual?: string;
  }[];
  summary: { error: number; warning: number; info: number };
}

describe('juesuan audit on the seed publication', () => {
  const r = run(['audit', seed, '--format', 'json']);
  const j = JSON.parse(r.out) as Json;
  it('finds the year, the unit and at least 35 stated amounts with their names and values', () => {
    expect(r.code, r.err).toBe(0);
    expect(j.year).toBe(2022);
    expect(j.unit).toBe('新疆昌吉回族自治州对口援疆工作领导小组办公室');
    const amounts = j.figures.filter((f) => f.unit === '万元');
    expect(amounts.length).toBeGreaterThanOrEqual(35);
    const has = (name: string, value: string) =>
      expect(
        j.figures.some((f) => f.name === name && f.value === value),
        `${name} ${value}`,
      ).toBe(true);
    has('收入总计', '360.44');
    has('本年收入合计', '258.51');
    has('年初结转和结余', '101.93');
    has('本年支出合计', '236.23');
    has('年末结转和结余', '124.21');
    has('财政拨款收入', '214.73');
    has('其他收入', '43.78');
    has('基本支出', '146.46');
    has('项目支出', '89.77');
    has('人员经费', '115.68');
    has('公用经费', '9.28');
    has('政府采购支出总额', '21.56');
    has('固定资产原值', '5.08');
    for (const f of amounts) {
      expect(f.page).toBeGreaterThan(0);
      expect(f.text.length).toBeGreaterThan(4);
    }
  });
  it('reports no error, only the two sums that hold by rounding', () => {
    expect(j.summary.error).toBe(0);
    expect(j.summary.warning).toBe(0);
    expect(j.findings.map((f) => f.rule).sort()).toEqual(['t5-row-sum', 't6-basic-equals-t5']);
    expect(j.findings.every((f) => f.severity === 'info' && f.message.includes('四舍五入'))).toBe(true);
    expect(j.findings.find((f) => f.rule === 't6-basic-equals-t5')!.message).toContain('115.68');
    expect(j.findings.find((f) => f.rule === 't5-row-sum')!.message).toContain('89.77');
  });
  it('reports a changed figure as an error that quotes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-audit-'));
    const changed = join(dir, 'seed-changed.txt');
    writeFileSync(
      changed,
      readFileSync(seed, 'utf8').replace(
        '财政拨款收入\n\n214.73 万元，占 83.06%',
        '财政拨款收入\n\n214.73 万元，占 83.60%',
      ),
    );
    const m = run(['audit', changed, '--format', 'json']);
    expect(m.code).toBe(1);
    const mj = JSON.parse(m.out) as Json;
    const f = mj.findings.find(
      (x) => x.severity === 'error' && x.location.some((l) => l.quote?.includes('83.60%')),
    );
    expect(f, JSON.stringify(mj.findings, null, 1)).toBeDefined();
    expect(f!.expected).toContain('83.06');
  });
});

describe('juesuan audit on the real 2024 Putuo PDF', () => {
  it('finds all nine tables and the narrative figures, with evidence for each finding', () => {
    const r = run(['audit', putuo, '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as Json;
    expect(j.year).toBe(2024);
    expect(j.tables.map((t) => `${t.id}:${t.status}`)).toEqual([
      't1:read',
      't2:read',
      't3:read',
      't4:read',
      't5:read',
      't6:read',
      't7:empty',
      't8:empty',
      't9:empty',
    ]);
    expect(j.figures.length).toBeGreaterThan(50);
    expect(j.summary.error).toBe(0);
    for (const f of j.findings.filter((x) => x.severity !== 'info')) {
      expect(f.location[0]!.page).toBeGreaterThan(0);
      expect(f.location[0]!.quote).toBeTruthy();
    }
    expect(
      j.findings.some((f) => f.rule === 'narrative-share' && f.expected === '9.56%' && f.actual === '9.55%'),
    ).toBe(true);
  });
});

describe('juesuan audit with a config file', () => {
  it('the config file of validate turns an audit rule off, and only that rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-audit-config-'));
    const changed = join(dir, 'seed-punctuation.txt');
    const text = readFileSync(seed, 'utf8');
    expect(text).toContain('压减经费。其中');
    writeFileSync(changed, text.replace('压减经费。其中', '压减经费。。其中'));
    const before = JSON.parse(run(['audit', changed, '--format', 'json']).out) as Json;
    const rules = (j: Json) => j.findings.map((f) => f.rule).sort();
    expect(rules(before)).toContain('narrative-punctuation');
    const punctuation = before.findings.find((f) => f.rule === 'narrative-punctuation')!;
    expect(punctuation).toMatchObject({ severity: 'warning', category: 'narrative', actual: '。。' });
    expect(punctuation.location[0]!.quote).toContain('压减经费。。');
    const cfg = join(dir, 'juesuan.config.yaml');
    writeFileSync(cfg, 'rules:\n  narrative-punctuation: off\n');
    const r = run(['audit', changed, '--format', 'json', '--config', cfg]);
    expect(r.code, r.err).toBe(0);
    const after = JSON.parse(r.out) as Json;
    expect(rules(after)).toEqual(rules(before).filter((x) => x !== 'narrative-punctuation'));
    expect(after.summary.warning).toBe(before.summary.warning - 1);
    // The same file turns a data rule off in the audit too.
    expect(rules(before)).toContain('t6-basic-equals-t5');
    writeFileSync(cfg, 'rules:\n  narrative-punctuation: off\n  t6-basic-equals-t5: off\n');
    const both = JSON.parse(run(['audit', changed, '--format', 'json', '--config', cfg]).out) as Json;
    expect(rules(both)).toEqual(rules(after).filter((x) => x !== 't6-basic-equals-t5'));
    // Found in the working directory as validate finds it, and a typo is refused.
    const cwd = spawnSync(bin, ['audit', changed, '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    expect((JSON.parse(cwd.stdout) as Json).findings.some((f) => f.rule === 'narrative-punctuation')).toBe(
      false,
    );
    writeFileSync(cfg, 'rules:\n  narrative-punctuaton: off\n');
    const bad = run(['audit', changed, '--config', cfg]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('narrative-punctuaton');
  });
});

describe('juesuan audit on many files', () => {
  it('audits a directory with workers, writes per-file reports, report.html and a CSV summary, and survives a corrupt file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-batch-'));
    copyFileSync(seed, join(dir, 'seed.txt'));
    copyFileSync(putuo, join(dir, 'putuo.pdf'));
    writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7\nthis is not really a pdf');
    const out = join(dir, 'out');
    const r = run(['audit', dir, '--out', out, '--jobs', '2']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/3\/3 100%/);
    expect(r.out).toContain('已审查 3 个文件');
    const csv = readFileSync(join(out, 'summary.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toBe('file,unit,year,errors,warnings,infos,figures,tables_read,status');
    expect(csv).toHaveLength(4);
    expect(csv.find((l) => l.includes('broken.pdf'))).toMatch(/无法读取/);
    expect(csv.find((l) => l.includes('putuo.pdf'))).toContain('中共上海市普陀区委社会工作部,2024,0,');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('决算公开审查报告');
    expect(html).toContain('新疆昌吉回族自治州对口援疆工作领导小组办公室');
  });
  it('an unreadable single file exits 2 with a Chinese message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-bad-'));
    writeFileSync(join(dir, 'x.pdf'), 'not a pdf at all');
    const r = run(['audit', join(dir, 'x.pdf')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/PDF|无法/);
  });
});

describe('juesuan audit on a budget publication', () => {
  it('says the file is not a final-accounts disclosure, in its first line too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-budget-'));
    const file = join(dir, '预算.txt');
    // Our own sentences, in the way budget publications are worded.
    writeFileSync(
      file,
      [
        '某县文化馆2025年部门预算公开',
        '一、收支预算总体情况',
        '2025年收入预算合计520.00万元，支出预算合计520.00万元。',
        '二、支出预算情况',
        '按支出结构分类，基本支出预算410.00万元，项目支出预算110.00万元。',
        '三、“三公”经费预算情况',
        '“三公”经费预算数为3.20万元，比上年预算减少0.40万元。',
      ].join('\n'),
    );
    const r = run(['audit', file]);
    const first = r.out.split('\n')[0]!;
    expect(first).toContain('不是部门决算公开文件');
    expect(first).not.toContain('年度决算公开');
    expect(r.out).toContain('这是部门预算公开文件');
  });
});
