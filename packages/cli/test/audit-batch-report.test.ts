/**
 * The audit's HTML report as a reviewer reads it, on a batch of real inputs: the real 2024 Putuo PDF, publications of
 * the corpus (with their seeded errors), a minute that is not a 决算公开, a corrupt PDF, and a publication whose unit
 * name and file name carry HTML. The summary's counts, its order (worst first), the file names, the unreadable list,
 * one row per finding and the escaping are checked against the audit results themselves; the batch writer that
 * receives files in any order writes the same page as the report built at once; Chromium prints it one file a page.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { JuesuanError } from '@juesuan/core/audit';
import {
  auditHtml,
  BatchReportWriter,
  batchSummaryText,
  displayNames,
  fileSection,
  findingPlace,
  reportHtml,
  type ReportEntry,
} from '../src/audit-report.ts';
import { auditFile, summaryRow, type AuditJson } from '../src/audit-run.ts';
import { toolsMissing } from '../src/tools.ts';

const root = join(import.meta.dirname, '../../..');
const corpus = join(root, 'packages/core/test/corpus');
const shared = [join(root, '../shared'), '/work/shared'].find((p) => existsSync(join(p, 'DOMAIN.md')))!;
const putuo = join(shared, 'fixtures/real/shanghai-putuo-shehuigongzuobu-2024.pdf');

const dir = mkdtempSync(join(tmpdir(), 'juesuan-report-'));
const input = join(dir, 'in');
const HOSTILE_FILE = '<img src=x onerror=alert(1)>.txt';
const HOSTILE_UNIT = '国家粮油<script>alert("x")</script>检验中心';

function makeInputs(): string[] {
  spawnSync('mkdir', ['-p', join(input, 'a'), join(input, 'b')]);
  copyFileSync(putuo, join(input, 'putuo.pdf'));
  copyFileSync(join(corpus, 'beijing-city-dept-2023-err.txt'), join(input, 'a/beijing.txt'));
  // The same file name in two folders: the report tells them apart by their folder.
  copyFileSync(join(corpus, 'central-dept-2023-err.txt'), join(input, 'a/central.txt'));
  copyFileSync(join(corpus, 'central-dept-2023.txt'), join(input, 'b/central.txt'));
  writeFileSync(join(input, 'minutes.txt'), '党组会议纪要\n\n会议研究了机关食堂的菜单和下月值班安排。\n');
  writeFileSync(join(input, 'broken.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis file stops here');
  const central = readFileSync(join(corpus, 'central-dept-2023-err.txt'), 'utf8').split('\n');
  central[0] = HOSTILE_UNIT;
  writeFileSync(join(input, HOSTILE_FILE), central.join('\n'));
  return readdirSync(input, { recursive: true, encoding: 'utf8' })
    .map((f) => join(input, f))
    .filter((f) => /\.(pdf|txt)$/.test(f))
    .sort();
}

/** What the worker does with a file: its summary row and section, or the reason it was refused. */
async function entryOf(file: string): Promise<{ entry: ReportEntry; result?: AuditJson }> {
  try {
    const result = await auditFile(file);
    return { entry: { file, ok: true, row: summaryRow(result), section: fileSection(result) }, result };
  } catch (e) {
    if (!(e instanceof JuesuanError)) throw e;
    return { entry: { file, ok: false, error: e.message } };
  }
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

let files: string[] = [];
let entries: ReportEntry[] = [];
let results = new Map<string, AuditJson>();
let html = '';

beforeAll(async () => {
  files = makeInputs();
  const all = await Promise.all(files.map(entryOf));
  entries = all.map((a) => a.entry);
  results = new Map(all.filter((a) => a.result).map((a) => [a.entry.file, a.result!]));
  html = reportHtml(entries);
}, 120_000);

/** The rows of the summary table: the file name shown and the anchor it links to. */
function summaryRows(page: string) {
  const table = page.slice(
    page.indexOf('<table class="summary">'),
    page.indexOf('</table>', page.indexOf('<table class="summary">')),
  );
  return [
    ...table.matchAll(
      /<tr( class="unreadable")?><td class="seq">(\d+)<\/td><td class="file"><a href="#([^"]+)"[^>]*>([^<]*)<\/a>/g,
    ),
  ].map((m) => ({ unreadable: m[1] !== undefined, seq: Number(m[2]), href: m[3]!, name: text(m[4]!) }));
}

describe('the HTML report of a batch', () => {
  it('opens with counts that add up the audit results', () => {
    const readable = [...results.values()];
    const count = (k: string) => Number(new RegExp(`data-count="${k}"><b>(\\d+)</b>`).exec(html)?.[1]);
    expect(count('files')).toBe(files.length);
    expect(count('readable')).toBe(readable.length);
    expect(count('unreadable')).toBe(files.length - readable.length);
    expect(count('unreadable')).toBe(1);
    expect(count('error')).toBe(readable.reduce((s, r) => s + r.summary.error, 0));
    expect(count('warning')).toBe(readable.reduce((s, r) => s + r.summary.warning, 0));
    expect(count('info')).toBe(readable.reduce((s, r) => s + r.summary.info, 0));
    expect(count('with-errors')).toBe(readable.filter((r) => r.summary.error > 0).length);
    expect(count('error')).toBeGreaterThan(5);
    // The summary comes before any file's section.
    expect(html.indexOf('id="summary"')).toBeLessThan(html.indexOf('<section class="file '));
  });

  it('lists the files worst first, each by a name that tells it apart, linked to its section', () => {
    const rows = summaryRows(html);
    const names = displayNames(files);
    expect(rows.map((r) => r.name).sort()).toEqual([...names].sort());
    expect(new Set(rows.map((r) => r.name)).size).toBe(files.length);
    expect(rows.map((r) => r.name)).toContain('a/central.txt');
    expect(rows.map((r) => r.name)).toContain('b/central.txt');
    expect(rows[0]).toMatchObject({ name: 'broken.pdf', unreadable: true });
    const severity = rows.slice(1).map((r) => {
      const res = results.get(files[names.indexOf(r.name)]!)!;
      return [res.summary.error, res.summary.warning, res.summary.info] as const;
    });
    for (let i = 1; i < severity.length; i++) {
      const [a, b] = [severity[i - 1]!, severity[i]!];
      expect(a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] >= b[2]))), `${i}`).toBe(
        true,
      );
    }
    // The clean publication of the corpus and the Putuo PDF have no error: they come after those that have.
    const clean = rows.findIndex((r) => r.name === 'b/central.txt');
    expect(rows.findIndex((r) => r.name === 'a/beijing.txt')).toBeLessThan(clean);
    // Each row links to the section of the same file, and the sections follow the summary's order.
    const headings = [
      ...html.matchAll(
        /<section class="file (?:read|unread)" id="([^"]+)"><h2><span class="no">(\d+)<\/span>([^<]*)<\/h2>/g,
      ),
    ];
    expect(headings.map((h) => [h[1], text(h[3]!)])).toEqual(rows.map((r) => [r.href, r.name]));
    expect(headings.map((h) => Number(h[2]))).toEqual(rows.map((r) => r.seq));
  });

  it('lists the unreadable file with its reason, once in the list and again in its section', () => {
    const list = html.slice(html.indexOf('<table class="unreadable">'), html.indexOf('<h3>各文件'));
    const broken = entries.find((e) => basename(e.file) === 'broken.pdf')!;
    expect(broken.ok).toBe(false);
    const listed = text(list);
    expect(listed).toContain('broken.pdf');
    expect(listed).toMatch(/不完整|%%EOF|损坏/);
    // The reason names the problem, not the path again.
    expect(listed).not.toContain(input);
    expect(list.match(/<tr><td>/g)).toHaveLength(1);
    const section = html.slice(html.indexOf('id="file-1"'), html.indexOf('id="file-2"'));
    expect(text(section)).toMatch(/无法读取：.*(不完整|%%EOF)/);
  });

  it('shows each finding as one row with its severity in Chinese, page, quoted text, expected and actual', () => {
    for (const [file, r] of results) {
      const start = html.indexOf(
        `title="${file.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}"`,
      );
      expect(start, file).toBeGreaterThan(0);
      const section = fileSection(r);
      const rows = [
        ...section.matchAll(
          /<tr class="(error|warning|info)"><td class="sev"><span class="badge \1">(错误|警告|提示)<\/span>/g,
        ),
      ];
      expect(rows.length, file).toBe(r.findings.length);
      const label = { error: '错误', warning: '警告', info: '提示' };
      expect(rows.map((m) => label[m[1] as 'error']).sort()).toEqual(rows.map((m) => m[2]).sort());
    }
    const p = results.get(join(input, 'putuo.pdf'))!;
    const share = p.findings.find((f) => f.rule === 'narrative-share' && f.expected === '9.56%')!;
    expect(share).toBeDefined();
    const { page, quote } = findingPlace(share);
    const row = [...fileSection(p).matchAll(/<tr class="[a-z]+">.*?<\/tr>/g)]
      .map((m) => m[0])
      .find((r) => r.includes('narrative-share') && r.includes('9.56%'))!;
    expect(row).toContain(`第 ${page} 页`);
    expect(text(row)).toContain(quote!);
    expect(row).toMatch(/<td class="num">9\.56%<\/td><td class="num">9\.55%<\/td>/);
  });

  it('renders document text and file names as text, never as markup', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('国家粮油&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;检验中心');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.txt');
    // Self-contained: nothing is fetched.
    expect(html).not.toMatch(/<link|src=["']?http|@import|url\(/);
  });

  it('is written the same when the files finish in any order, and leaves no scratch file', () => {
    const out = join(dir, 'streamed.html');
    const w = new BatchReportWriter(out);
    const order = entries.map((_, i) => i).reverse();
    [order[0], order[order.length - 1]] = [order[order.length - 1]!, order[0]!];
    for (const i of order) w.add(i, entries[i]!);
    w.finish();
    expect(readFileSync(out, 'utf8')).toBe(html);
    expect(existsSync(`${out}.part`)).toBe(false);
  });

  it('gives a single file the same report, a summary of one', () => {
    const r = results.get(join(input, 'a/beijing.txt'))!;
    const single = auditHtml([r]);
    expect(single).toBe(
      reportHtml([{ file: r.file, ok: true, row: summaryRow(r), section: fileSection(r) }]),
    );
    expect(summaryRows(single)).toEqual([{ unreadable: false, seq: 1, href: 'file-1', name: 'beijing.txt' }]);
    expect(single).toContain(`data-count="error"><b>${r.summary.error}</b>`);
    expect(text(single)).toContain('北京市文物保护中心');
  });

  it('ends a batch with a line that counts readable and unreadable files, errors, warnings and notes', () => {
    const rows = entries.map((e) => (e.ok ? e.row : { file: e.file, status: `无法读取：${e.error}` }));
    const line = batchSummaryText(rows, 2);
    const rs = [...results.values()];
    expect(line).toContain(`已审查 ${files.length} 个文件`);
    expect(line).toContain(`可读 ${rs.length} 个，无法读取 1 个`);
    expect(line).toContain(`错误 ${rs.reduce((s, r) => s + r.summary.error, 0)} 个`);
    expect(line).toContain(`警告 ${rs.reduce((s, r) => s + r.summary.warning, 0)} 个`);
  });
});

describe('juesuan audit DIR --out', () => {
  it('writes report.html with the summary on top and no scratch file', () => {
    const out = join(dir, 'out');
    const r = spawnSync(
      process.execPath,
      [
        '--conditions=@juesuan/source',
        '--import',
        'tsx',
        join(root, 'packages/cli/bin/juesuan.js'),
        'audit',
        input,
        '--out',
        out,
        '--jobs',
        '2',
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 240_000 },
    );
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`已审查 ${files.length} 个文件.*无法读取 1 个`));
    expect(readdirSync(out).filter((f) => f.endsWith('.part'))).toEqual([]);
    const page = readFileSync(join(out, 'report.html'), 'utf8');
    expect(summaryRows(page).map((x) => x.name)).toEqual(summaryRows(html).map((x) => x.name));
    expect(page).not.toContain('<script');
    // The worker's reason is said once, not repeated after itself.
    const reason = text(page.slice(page.indexOf('<table class="unreadable">'), page.indexOf('<h3>各文件')));
    const said = reason.replace(/^文件原因broken\.pdf/, '');
    expect(said.length).toBeGreaterThan(5);
    expect(said.indexOf(said.slice(0, 12), 1)).toBe(-1);
  }, 240_000);
});

const noChromium = toolsMissing(['chromium', 'pdftotext'], '用 Chromium 打印审查报告的测试');

describe.skipIf(noChromium !== undefined)('the report printed by Chromium', () => {
  it('prints each file from a new page after the summary', () => {
    const page = join(dir, 'print.html');
    writeFileSync(page, html);
    const pdf = join(dir, 'print.pdf');
    const r = spawnSync(
      '/usr/bin/chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-pdf-header-footer',
        `--print-to-pdf=${pdf}`,
        pathToFileURL(page).href,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(existsSync(pdf), r.stderr).toBe(true);
    const t = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(t.status, t.stderr).toBe(0);
    const pages = t.stdout.split('\f').map((p) => p.replace(/\s+/g, ' ').trim());
    // Each audited file starts a page with its number and name; the refused file's short section does not take a
    // page of its own but follows the summary.
    const rows = summaryRows(html);
    for (const row of rows.filter((r) => !r.unreadable))
      expect(
        pages.some((p) => p.startsWith(`${row.seq} ${row.name}`)),
        row.name,
      ).toBe(true);
    expect(pages[0]).toMatch(/^决算公开审查报告/);
    expect(pages.findIndex((p) => p.includes('无法读取：'))).toBeLessThanOrEqual(1);
    expect(pages.length).toBeGreaterThanOrEqual(rows.filter((r) => !r.unreadable).length + 1);
  }, 150_000);
});
