/** The real `juesuan` command, run as a user runs it: exit codes, output shape, no stack traces. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'node_modules/.bin/juesuan');
const example = join(root, 'examples/changji-2022.yaml');

function run(args: string[], cwd = root) {
  const r = spawnSync(bin, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'juesuan-cli-'));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

describe('juesuan --help', () => {
  it('prints the commands in Chinese', () => {
    const out = execFileSync(bin, ['--help'], { cwd: root, encoding: 'utf8' });
    expect(out).toContain('validate');
    expect(out).toContain('校验');
  });
  it('an unknown command exits 2 with a message', () => {
    const r = run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知命令');
  });
});

describe('juesuan validate', () => {
  it('the example: exit 0, JSON with findings and summary', () => {
    const r = run(['validate', example, '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as {
      findings: {
        rule: string;
        severity: string;
        message: string;
        location: string;
        expected?: string;
        actual?: string;
      }[];
      summary: { error: number; warning: number; info: number };
    };
    expect(json.summary.error).toBe(0);
    expect(json.findings.filter((f) => f.severity === 'info').length).toBeGreaterThanOrEqual(2);
    for (const f of json.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'severity', 'message', 'location']));
    }
  });
  it('text output is grouped by table, in Chinese', () => {
    const r = run(['validate', example]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('结论：未发现错误');
  });
  it('an error in the data: exit 1 and the cell is named', () => {
    const changed = readFileSync(example, 'utf8').replace(
      '{ row: otherIncome, amount: 43.78 }',
      '{ row: otherIncome, amount: 43.88 }',
    );
    const p = file('changed.yaml', changed);
    const r = run(['validate', p, '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { findings: { severity: string; location: string }[] };
    expect(json.findings.some((f) => f.severity === 'error' && f.location.includes('其他收入'))).toBe(true);
  });
  it.each([
    ['missing.yaml', null, /找不到文件/],
    ['broken.yaml', 'format: juesuan-disclosure/1\nyear: [2022\n', /不是有效的 YAML/],
    ['doc.pdf', '%PDF-1.7\n%âãÏÓ\n1 0 obj\n', /PDF/],
    ['prose.txt', '今年的决算很好。', /不是 Juesuan 数据文件/],
    [
      'types.yaml',
      'format: juesuan-disclosure/1\nyear: 2022\nunit: {name: x, kind: 行政}\ntables: {t1: {rows: [{row: incomeTotal, amount: 十万}]}}\n',
      /不是金额/,
    ],
  ])('unreadable input %s: exit 2, Chinese message, no stack trace', (name, content, msg) => {
    const p = content === null ? join(tmp, name) : file(name, content);
    const r = run(['validate', p]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg);
    expect(r.err).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });
  it('a bad --format is exit 2', () => {
    expect(run(['validate', example, '--format', 'xml']).code).toBe(2);
  });
  it('a severity config turns a rule off or changes its severity', () => {
    const changed = readFileSync(example, 'utf8').replace(
      '{ row: otherIncome, amount: 43.78 }',
      '{ row: otherIncome, amount: 43.88 }',
    );
    const p = file('changed2.yaml', changed);
    const base = JSON.parse(run(['validate', p, '--format', 'json']).out) as {
      findings: { rule: string; severity: string }[];
    };
    const rules = [...new Set(base.findings.filter((f) => f.severity === 'error').map((f) => f.rule))];
    expect(rules.length).toBeGreaterThan(0);
    const cfg = file('juesuan.config.yaml', `rules:\n${rules.map((r) => `  ${r}: warning`).join('\n')}\n`);
    const r = run(['validate', p, '--format', 'json', '--config', cfg]);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { summary: { error: number; warning: number } };
    expect(json.summary.error).toBe(0);
    expect(json.summary.warning).toBeGreaterThan(0);
    const bad = file('bad-config.yaml', 'rules:\n  no-such-rule: error\n');
    const rb = run(['validate', p, '--config', bad]);
    expect(rb.code).toBe(2);
    expect(rb.err).toContain('no-such-rule');
  });
});

describe('juesuan rules', () => {
  it('lists the catalogue as JSON with id, severity, title, basis', () => {
    const r = run(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.out) as { id: string; severity: string; title: string; basis: string }[];
    expect(rules.length).toBeGreaterThanOrEqual(80);
    for (const x of rules) {
      expect(x.id).toBeTruthy();
      expect(['error', 'warning', 'info']).toContain(x.severity);
      expect(x.title).toBeTruthy();
      expect(x.basis).toBeTruthy();
    }
  });
  it('lists the audit checks with the data rules, each saying what it runs on', () => {
    const rules = JSON.parse(run(['rules', '--format', 'json']).out) as { id: string; appliesTo: string }[];
    const on = (id: string) => rules.find((x) => x.id === id)?.appliesTo;
    expect(on('t1-income-total')).toBe('data');
    for (const id of ['narrative-share', 'narrative-yoy-rate', 'narrative-placeholder', 'document-scanned'])
      expect(on(id), id).toBe('document');
    expect(on('narrative-table')).toBe('both');
    expect(new Set(rules.map((x) => x.appliesTo))).toEqual(new Set(['data', 'document', 'both']));
    const text = run(['rules']).out;
    expect(text).toContain('narrative-share');
    expect(text).toMatch(/公开文件规则 \d+ 条/);
  });
});
