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

function run(args: string[]) {
  const r = spawnSync(bin, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'juesuan-build-'));

describe('juesuan build', () => {
  it('writes DOCX, XLSX, HTML, Markdown, JSON and CSV with a summary', async () => {
    const out = tmp();
    const r = run([
      'build',
      example,
      '--profile',
      'xinjiang-2022',
      '--out',
      out,
      '--format',
      'docx,xlsx,html,md,json,csv',
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
    const r = run(['build', example, '--profile-file', profile, '--out', join(dir, 'o'), '--format', 'md']);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(join(dir, 'o'))[0]).toBe(
      '新疆昌吉回族自治州对口援疆工作领导小组办公室2022年度决算公开.md',
    );
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'id: x\nname: [\n');
    expect(run(['build', example, '--profile-file', broken, '--out', join(dir, 'p')]).code).toBe(2);
  });
});
