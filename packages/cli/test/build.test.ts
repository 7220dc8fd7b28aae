/** `juesuan build` as a user runs it: what it writes, refusing on errors, drafts, bad options. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { toolsMissing } from '../src/tools.ts';

const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'node_modules/.bin/juesuan');
const example = join(root, 'examples/changji-2022.yaml');
const complete = join(root, 'examples/qingsui-2024.yaml');

function run(args: string[]) {
  const r = spawnSync(bin, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'juesuan-build-'));

describe('juesuan build', () => {
  it('writes DOCX, XLSX, HTML, Markdown, JSON and CSV with a summary', async () => {
    const out = tmp();
    // --final: the seed leaves some table cells unknown, which would make the publication a draft (tested below).
    const r = run([
      'build',
      example,
      '--profile',
      'xinjiang-2022',
      '--out',
      out,
      '--format',
      'docx,xlsx,html,md,json,csv',
      '--final',
    ]);
    expect(r.code, r.err).toBe(0);
    const files = readdirSync(out);
    for (const ext of ['docx', 'xlsx', 'html', 'md', 'json', 'csv'])
      expect(
        files.some((f) => f.endsWith(`.${ext}`)),
        ext,
      ).toBe(true);
    expect(r.out).toContain('已生成');
    expect(r.out).toContain('DOCX');
    const md = readFileSync(
      join(
        out,
        files.find((f) => f.endsWith('.md'))!,
      ),
      'utf8',
    );
    expect(md).toContain('2022年度收入总计360.44万元');
    const docx = await JSZip.loadAsync(
      readFileSync(
        join(
          out,
          files.find((f) => f.endsWith('.docx'))!,
        ),
      ),
    );
    const xml = await docx.file('word/document.xml')!.async('string');
    expect(xml).toContain('部门决算公开说明');
    expect(xml).not.toContain('草稿');
  });

  const skipPdf = toolsMissing(['soffice', 'pdftotext'], 'PDF 生成测试');
  it.skipIf(skipPdf)('writes a PDF through LibreOffice whose text copies correctly', () => {
    const out = tmp();
    const r = run(['build', example, '--profile', 'xinjiang-2022', '--out', out, '--format', 'pdf']);
    expect(r.code, r.err).toBe(0);
    const pdf = readdirSync(out).find((f) => f.endsWith('.pdf'))!;
    const text = spawnSync('pdftotext', [join(out, pdf), '-'], { encoding: 'utf8' }).stdout.replace(
      /\s+/g,
      '',
    );
    expect(text).toContain('2022年度收入总计360.44万元');
    expect(/[\u2e80-\u2fdf]/.test(text)).toBe(false);
  });

  it('refuses to build while validate reports errors, and builds a marked draft with --force', async () => {
    const bad = readFileSync(example, 'utf8').replace(
      '{ row: otherIncome, amount: 43.78 }',
      '{ row: otherIncome, amount: 43.88 }',
    );
    const dir = tmp();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, bad);
    const out = join(dir, 'out');
    const r = run(['build', file, '--out', out, '--format', 'docx,md']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('校验发现');
    expect(r.err).toContain('--force');
    expect(existsSync(out) && readdirSync(out).length > 0).toBe(false);
    const f = run(['build', file, '--out', out, '--format', 'docx,md', '--force']);
    expect(f.code, f.err).toBe(0);
    const files = readdirSync(out);
    expect(files.every((x) => x.includes('草稿'))).toBe(true);
    const docx = await JSZip.loadAsync(
      readFileSync(
        join(
          out,
          files.find((x) => x.endsWith('.docx'))!,
        ),
      ),
    );
    const header = Object.keys(docx.files).filter((n) => n.startsWith('word/header'));
    const headerXml = (await Promise.all(header.map((n) => docx.file(n)!.async('string')))).join('');
    expect(headerXml).toContain('草稿');
    expect(
      readFileSync(
        join(
          out,
          files.find((x) => x.endsWith('.md'))!,
        ),
        'utf8',
      ),
    ).toContain('草稿');
  });

  it('reports placeholders and unknown cells as warnings with their count and places, and marks a draft', () => {
    const out = tmp();
    const r = run(['build', example, '--profile', 'central', '--out', out, '--format', 'md']);
    expect(r.code, r.err).toBe(0);
    // The central form asks for each 项's 年初预算数, which the seed does not give.
    const count = /待补：说明中有 (\d+) 处待填写的内容/.exec(r.out);
    expect(count, r.out).not.toBeNull();
    expect(Number(count![1])).toBeGreaterThan(0);
    expect(r.out).toContain(
      '五、一般公共预算财政拨款支出决算情况说明 › （三）一般公共预算财政拨款支出决算具体情况：「',
    );
    expect(r.out).toContain('【数据未提供】');
    expect(r.out).toMatch(/待补：表格中有 \d+ 个数据文件没有给出的数/);
    expect(r.out).toContain('表五 一般公共预算财政拨款支出决算表 「2010450 事业运行」行「基本支出」列');
    expect(r.out).toContain('草稿：数据不完整');
    expect(r.out).toContain('--final');
    const md = readdirSync(out).find((f) => f.endsWith('.md'))!;
    expect(md).toContain('（草稿）');
    const text = readFileSync(join(out, md), 'utf8');
    expect(text.startsWith('> **草稿**：本文件的数据不完整')).toBe(true);
    // The placeholders counted are the ones the Markdown prints.
    expect(text.match(/数据未提供/g)?.length).toBe(Number(count![1]));
  });

  it('--final builds the incomplete publication without the draft mark, still with the warnings', () => {
    const out = tmp();
    const r = run(['build', example, '--profile', 'central', '--out', out, '--format', 'md', '--final']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/待补：说明中有 \d+ 处待填写的内容/);
    expect(readdirSync(out).every((f) => !f.includes('草稿'))).toBe(true);
  });

  it('--strict refuses to build while there are placeholders or unknown cells: exit 1 with the list', () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const r = run(['build', example, '--profile', 'central', '--out', out, '--format', 'md', '--strict']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--strict');
    expect(r.err).toMatch(/待补：说明中有 \d+ 处待填写的内容/);
    expect(r.err).toContain('2010450 事业运行');
    expect(existsSync(out)).toBe(false);
    // The complete example passes.
    const ok = run(['build', complete, '--profile', 'central', '--out', out, '--format', 'md', '--strict']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).not.toContain('警告：');
  });

  it('--check lists what the profile needs and the data lacks, without writing anything', () => {
    const dir = tmp();
    const r = spawnSync(bin, ['build', example, '--profile', 'central', '--check'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('不生成文件');
    expect(r.stdout).toContain('（数据文件：tables.t5 code 2010450 basic）');
    expect(r.stdout).toMatch(/结论：口径需要而数据缺少的内容 \d+ 处/);
    // Every place is listed (no "另有 N 处").
    expect(r.stdout).not.toContain('另有');
    expect(readdirSync(dir)).toEqual([]);
    const ok = run(['build', complete, '--profile', 'shanghai-2024', '--check']);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain('结论：口径需要的数据齐全');
  });

  it.each([
    [['build', example], /用法/],
    [['build', example, '--out', '/tmp/x', '--format', 'docx,rtf'], /不支持的输出格式「rtf」/],
    [['build', example, '--out', '/tmp/x', '--profile', 'beijing-2030'], /没有名为「beijing-2030」的口径/],
    [['build', '/no/such.yaml', '--out', '/tmp/x'], /找不到文件/],
  ])('bad options exit 2 with a Chinese message: %j', (args, msg) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg);
  });

  it('uses a region’s own copy of a profile', () => {
    const dir = tmp();
    const profile = join(dir, 'my.yaml');
    writeFileSync(
      profile,
      'id: my\nname: 本地口径\nextends: xinjiang-2022\ntemplates:\n  title: "{unit}{year}年度决算公开"\n',
    );
    // --final: the file name is the profile's title, without the draft mark the seed's unknown cells would add.
    const r = run([
      'build',
      example,
      '--profile-file',
      profile,
      '--out',
      join(dir, 'o'),
      '--format',
      'md',
      '--final',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(join(dir, 'o'))[0]).toBe(
      '新疆昌吉回族自治州对口援疆工作领导小组办公室2022年度决算公开.md',
    );
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'id: x\nname: [\n');
    expect(run(['build', example, '--profile-file', broken, '--out', join(dir, 'p')]).code).toBe(2);
  });
});
