/**
 * The unit editor's API on every database target: catalogue, reading a data file and a workbook (with
 * the importer's report), starting from last year, the live check (findings on cells, reasons with
 * their figures, the narrative preview), the package (refused while errors remain), the stale save
 * of a second browser (409, nothing lost), and submitting.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportWorkbook } from '@juesuan/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { DisclosureDetail, DisclosureSaved, StaleVersionDetails } from './api-schemas.ts';
import type { LiveCheck, PreviousYearResult, ReadFileResult, Catalogue } from './prepare/schemas.ts';
import { sofficePath } from './prepare/pdf.ts';
import { EXAMPLES_DIR, type Fixture } from './testing/fixture.ts';
import { withPeople, type People } from './testing/people.ts';
import { databaseTargets } from './testing/targets.ts';

const example = readFileSync(join(EXAMPLES_DIR, 'changji-2022.yaml'), 'utf8');
const b64 = (x: string | Uint8Array) => Buffer.from(x).toString('base64');
type Row = {
  row?: string;
  code?: string;
  name?: string;
  total?: unknown;
  prior?: Record<string, unknown>;
  reasons?: Record<string, string>;
};
type Data = Record<string, unknown> & { year: number; tables: Record<string, { rows: Row[] }> };
type Err = { error: { code: string; message: string; details?: unknown } };

const t5Row = (data: Data, code: string): Row => data.tables['t5']!.rows.find((r) => r.code === code)!;

/** Unzips the entry names of a ZIP (central directory). */
function zipNames(bytes: Uint8Array): string[] {
  const b = Buffer.from(bytes);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = b.readUInt16LE(at + 28);
    const extra = b.readUInt16LE(at + 30);
    const comment = b.readUInt16LE(at + 32);
    names.push(b.subarray(at + 46, at + 46 + n).toString('utf8'));
    at += 46 + n + extra + comment;
  }
  return names;
}

describe.each(databaseTargets())('unit editor API on $name', (target) => {
  let f: Fixture;
  let p: People;
  withPeople(target, example, (ff, pp) => void ([f, p] = [ff, pp]));

  it("gives the year's catalogue with codes and names", async () => {
    const r = await p.editorA.json<Catalogue>('GET', '/api/catalogues/2022');
    expect(r.status).toBe(200);
    expect(r.body.function.find((c) => c.code === '2101102')?.name).toBe('事业单位医疗');
    expect(r.body.economic.find((c) => c.code === '30101')?.name).toBe('基本工资');
  });

  it('reads a data file and a workbook, the workbook with what was read and skipped', async () => {
    const yaml = await p.editorA.json<ReadFileResult>('POST', '/api/prepare/read-file', {
      fileName: 'changji-2022.yaml',
      contentBase64: b64(example),
    });
    expect(yaml.status).toBe(200);
    expect(yaml.body.kind).toBe('data');
    expect(yaml.body.importReport).toBeNull();
    expect(
      (yaml.body.data as Data).tables['t1']!.rows.find((r) => r.row === 'incomeGrandTotal'),
    ).toMatchObject({
      amount: '360.44',
    });
    const book = await exportWorkbook(parse(example) as Record<string, unknown>);
    const xlsx = await p.editorA.json<ReadFileResult>('POST', '/api/prepare/read-file', {
      fileName: '昌吉援疆办2022.xlsx',
      contentBase64: b64(book),
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.body.kind).toBe('workbook');
    const rep = xlsx.body.importReport!;
    expect(rep.lines[0]).toContain('昌吉援疆办2022.xlsx');
    expect(rep.tables.map((t) => t.table)).toContain('t5');
    expect(t5Row(xlsx.body.data as Data, '2010450').total).toBe('100.85');
    // A corrupt workbook is a Chinese message, not a crash.
    const bad = await p.editorA.json<Err>('POST', '/api/prepare/read-file', {
      fileName: '坏文件.xlsx',
      contentBase64: b64('这不是工作簿'),
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('坏文件.xlsx');
    // A YAML syntax error is said in Chinese with its line and column, never in the parser's English.
    const broken = await p.editorA.json<Err & { error: { problems: { message: string }[] } }>(
      'POST',
      '/api/prepare/read-file',
      { fileName: '坏.yaml', contentBase64: b64('year: 2022\nunit:\n  name: [甲, 乙\nformat: x\n') },
    );
    expect(broken.status).toBe(422);
    expect(broken.body.error.message).toMatch(
      /^数据文件无法读入：坏\.yaml 不是有效的 YAML\/JSON。第 \d+ 行第 \d+ 列：/,
    );
    expect(JSON.stringify(broken.body.error)).not.toMatch(/[A-Za-z]{3,} [a-z]{3,}/);
    const twice = await p.editorA.json<Err>('POST', '/api/prepare/read-file', {
      fileName: 'dup.yaml',
      contentBase64: b64('year: 2022\nyear: 2023\n'),
    });
    expect(twice.body.error.message).toContain('第 2 行第 1 列：字段重复出现');
    // A viewer may not import.
    const v = await p.viewer.json<Err>('POST', '/api/prepare/read-file', {
      fileName: 'a.yaml',
      contentBase64: b64(example),
    });
    expect(v.status).toBe(403);
  });

  it("starts 2023 from the unit's 2022 data: rows and last year's figures as 上年数", async () => {
    const r = await p.editorA.json<PreviousYearResult>('POST', '/api/prepare/previous-year', {
      organisationId: p.unitA,
      year: 2023,
    });
    expect(r.status).toBe(200);
    const d = r.body.data as Data;
    expect(d.year).toBe(2023);
    expect((d['unit'] as { name: string }).name).toBe('新疆昌吉回族自治州对口援疆工作领导小组办公室');
    const row = t5Row(d, '2010450');
    expect(row.prior).toEqual({ total: '100.85' });
    expect(row.total).toBeUndefined();
    expect(r.body.carried).toBeGreaterThan(10);
    // Another unit's data is not reachable; a year without last year's data says so.
    const other = await p.editorA.json<Err>('POST', '/api/prepare/previous-year', {
      organisationId: p.unitB,
      year: 2023,
    });
    expect(other.status).toBe(404);
    const none = await p.editorA.json<Err>('POST', '/api/prepare/previous-year', {
      organisationId: p.unitA,
      year: 2022,
    });
    expect(none.status).toBe(404);
    expect(none.body.error.message).toContain('2021');
  });

  it('checks as the editor types: the changed cell carries the finding, a missing reason is listed with its figures', async () => {
    const data = parse(example, { schema: 'core' }) as Data;
    const base = await p.editorA.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureA}`);
    const stored = base.body.data as Data;
    const changed = structuredClone(stored);
    t5Row(changed, '2101102').total = '6.29';
    delete t5Row(changed, '2101102').reasons;
    const r = await p.editorA.json<LiveCheck>('POST', '/api/prepare/check', {
      data: changed,
      profile: 'xinjiang-2022',
    });
    expect(r.status).toBe(200);
    const errors = r.body.findings.findings.filter((x) => x.severity === 'error');
    expect(
      errors.some((e) =>
        e.cells.some((c) => c.table === 't5' && c.row === '2101102' && c.column === 'total'),
      ),
    ).toBe(true);
    const reason = r.body.reasons.find((x) => x.state === 'missing' && x.row === '2101102')!;
    expect(reason).toMatchObject({ kind: 'prior', current: '6.29', base: '0.00', table: 't5' });
    expect(reason.field).toMatch(/^tables\.t5\.rows\[\d+\]\.reasons\.prior$/);
    // Given reasons are listed too, with their figures.
    expect(r.body.reasons.find((x) => x.state === 'given' && x.row === '2010450')).toMatchObject({
      current: '100.85',
      base: '91.73',
    });
    // The preview is the narrative in the chosen profile, with the missing reason as a placeholder.
    const paras = r.body.preview!.blocks.filter((b) => b.type === 'paragraph');
    expect(r.body.preview!.profile).toBe('xinjiang-2022');
    expect(paras.some((b) => b.text.includes('事业单位医疗') && b.runs!.some((x) => x.placeholder))).toBe(
      true,
    );
    expect(r.body.gaps.placeholders.length).toBeGreaterThan(0);
    // What is lacking is said in words (待补内容清单.txt prints fieldLabel): never a data path.
    for (const g of [...r.body.gaps.placeholders, ...r.body.gaps.unknownCells])
      expect(g.fieldLabel ?? '', JSON.stringify(g)).not.toMatch(/[a-z]\.[a-z]|\[\d+\]/);
    expect(data.year).toBe(2022);
  });

  it('downloads the package as one ZIP, and refuses while errors remain', async () => {
    const ok = await p.editorA.call('POST', `/api/disclosures/${p.disclosureA}/package`, {
      profile: 'xinjiang-2022',
      pdf: false,
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/zip');
    const names = zipNames(new Uint8Array(await ok.arrayBuffer()));
    for (const ext of [
      '.docx',
      '.xlsx',
      '.html',
      '.csv',
      '（公开数据）.json',
      '（数据文件）.json',
      '待补内容清单.txt',
    ])
      expect(
        names.some((n) => n.endsWith(ext)),
        ext,
      ).toBe(true);
    // Editor B's unit: make an error, save, and the package is refused with the error listed.
    const d = await p.editorB.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureB}`);
    const bad = structuredClone(d.body.data as Data);
    t5Row(bad, '2101102').total = '6.29';
    const s = await p.editorB.json<DisclosureSaved>('PUT', `/api/disclosures/${p.disclosureB}`, {
      version: d.body.disclosure.version,
      data: bad,
    });
    expect(s.status).toBe(200);
    const refused = await p.editorB.json<{ errors: string[] }>(
      'POST',
      `/api/disclosures/${p.disclosureB}/package`,
      {},
    );
    expect(refused.status).toBe(409);
    expect(refused.body.errors.some((e) => e.includes('2101102'))).toBe(true);
    // Nor can it be submitted.
    const sub = await p.editorB.json<Err>('POST', `/api/disclosures/${p.disclosureB}/submit`, {
      version: s.body.disclosure.version,
    });
    expect(sub.status).toBe(409);
    expect(sub.body.error.message).toContain('错误');
  });

  it('builds the package in the background with progress, for its creator only', async () => {
    const started = await p.editorA.json<{ id: string; status: string }>(
      'POST',
      `/api/disclosures/${p.disclosureA}/package-jobs`,
      { profile: 'central', pdf: false },
    );
    expect(started.status).toBe(202);
    await f.deps.jobs.idle();
    const job = await p.editorA.json<{ status: string; progress: number; result: { files: string[] } }>(
      'GET',
      `/api/jobs/${started.body.id}`,
    );
    expect(job.body.status).toBe('done');
    expect(job.body.progress).toBe(100);
    expect(job.body.result.files.some((n) => n.endsWith('.docx'))).toBe(true);
    const other = await p.editorB.call('GET', `/api/package-files/${started.body.id}`);
    expect(other.status).toBe(404);
    const file = await p.editorA.call('GET', `/api/package-files/${started.body.id}`);
    expect(file.status).toBe(200);
    expect(zipNames(new Uint8Array(await file.arrayBuffer()))).toEqual(job.body.result.files);
  });

  // Converting to PDF takes LibreOffice ~10 s per database: run in CI (JUESUAN_FULL_TEST, where a missing
  // LibreOffice is a failure) or on request (JUESUAN_TEST_PDF=1); otherwise say that it was skipped.
  const pdfWanted = process.env['JUESUAN_FULL_TEST'] === '1' || process.env['JUESUAN_TEST_PDF'] === '1';
  if (!pdfWanted)
    console.log(
      'PDF 打包测试已跳过：设置 JUESUAN_TEST_PDF=1 或 JUESUAN_FULL_TEST=1 时运行（需 LibreOffice）',
    );
  it.runIf(pdfWanted)(
    'adds a PDF when LibreOffice is present',
    async () => {
      expect(sofficePath(), '需要 LibreOffice（soffice）').toBeTruthy();
      const ok = await p.editorA.call('POST', `/api/disclosures/${p.disclosureA}/package`, {});
      expect(zipNames(new Uint8Array(await ok.arrayBuffer())).some((n) => n.endsWith('.pdf'))).toBe(true);
    },
    180_000,
  );

  it('a second browser saving the same table gets a 409 naming the other change; its edit is still in the request', async () => {
    const first = await p.editorA.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureA}`);
    const second = f.client();
    await second.login('editor-a', 'test-password-2024');
    const v = first.body.disclosure.version;
    const mine = structuredClone(first.body.data as Data);
    t5Row(mine, '2010450').reasons = { prior: '本年在职人员工资调薪（第一个窗口）。' };
    const theirs = structuredClone(first.body.data as Data);
    t5Row(theirs, '2010450').reasons = { prior: '本年在职人员工资调薪（第二个窗口）。' };
    const a = await p.editorA.json<DisclosureSaved>('PUT', `/api/disclosures/${p.disclosureA}`, {
      version: v,
      data: mine,
    });
    expect(a.status).toBe(200);
    const b = await second.json<Err>('PUT', `/api/disclosures/${p.disclosureA}`, {
      version: v,
      data: theirs,
    });
    expect(b.status).toBe(409);
    expect(b.body.error.code).toBe('E_STALE_VERSION');
    const details = b.body.error.details as StaleVersionDetails;
    expect(details.currentVersion).toBe(v + 1);
    expect(details.theirChanges.some((c) => String(c.after).includes('第一个窗口'))).toBe(true);
    // The stored data is the first save's; the second can merge and save on the current version.
    const merged = await second.json<DisclosureSaved>('PUT', `/api/disclosures/${p.disclosureA}`, {
      version: details.currentVersion,
      data: theirs,
    });
    expect(merged.status).toBe(200);
  });

  it('saves 政府采购, 资产 and 绩效 through the same versioned save: exact figures, data errors and findings named by field, writers only', async () => {
    const d = await p.editorA.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureA}`);
    const v = d.body.disclosure.version;
    const data = structuredClone(d.body.data as Data & Record<string, Record<string, unknown>>);
    // 48,600.50 元 typed in the form is 4.86005 万元 in the data file: stored as that text, read as 分 exactly.
    data['procurement']!['goods'] = '4.86005';
    data['assets']!['buildingArea'] = '120.5';
    const perf = data['performance'] as { projects: { indicators: Record<string, unknown>[] }[] };
    perf.projects[0]!.indicators[0]!['score'] = '12';
    const check = await p.editorA.json<LiveCheck>('POST', '/api/prepare/check', { data });
    expect(check.status).toBe(200);
    const fieldsOf = (rule: string) =>
      check.body.findings.findings.filter((x) => x.rule === rule).flatMap((x) => x.cells.map((c) => c.field));
    expect(fieldsOf('procurement-total')).toEqual(
      expect.arrayContaining(['procurement.total', 'procurement.goods']),
    );
    expect(fieldsOf('perf-score-le-weight')).toContain('performance.projects[0].indicators[0].score');

    // A negative amount is a data error naming its field; nothing is saved.
    const bad = structuredClone(data);
    bad['procurement']!['services'] = '-0.01';
    const refused = await p.editorA.json<Err & { error: { problems: { path: string; message: string }[] } }>(
      'PUT',
      `/api/disclosures/${p.disclosureA}`,
      { version: v, data: bad },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.problems).toContainEqual({
      path: 'procurement.services',
      message: '金额不能为负数：-0.01',
    });

    // Neither a viewer nor another unit's editor may write these parts.
    const viewer = await p.viewer.json<Err>('PUT', `/api/disclosures/${p.disclosureA}`, { version: v, data });
    expect(viewer.status).toBe(403);
    const other = await p.editorB.json<Err>('PUT', `/api/disclosures/${p.disclosureA}`, { version: v, data });
    expect(other.status).toBe(404);
    expect(
      (await p.editorA.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureA}`)).body.disclosure
        .version,
    ).toBe(v);

    perf.projects[0]!.indicators[0]!['score'] = '10';
    // Goods + works + services = total again: 4.86005 + 0 + 16.69995 = 21.56 万元.
    data['procurement']!['services'] = '16.69995';
    const saved = await p.editorA.json<DisclosureSaved>('PUT', `/api/disclosures/${p.disclosureA}`, {
      version: v,
      data,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.disclosure.version).toBe(v + 1);
    const back = await p.editorA.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureA}`);
    const stored = back.body.data as Record<string, Record<string, unknown>>;
    expect(stored['procurement']!['goods']).toBe('4.86005');
    expect(stored['assets']!['buildingArea']).toBe('120.5');
    expect(saved.body.findings.findings.filter((x) => x.severity === 'error')).toEqual([]);
    // A stale save of these parts is a 409 like the tables', naming the change made meanwhile.
    const late = structuredClone(d.body.data as Record<string, Record<string, unknown>>);
    late['procurement']!['works'] = '1';
    const stale = await p.editorA.json<Err>('PUT', `/api/disclosures/${p.disclosureA}`, {
      version: v,
      data: late,
    });
    expect(stale.status).toBe(409);
    expect(
      (stale.body.error.details as StaleVersionDetails).theirChanges.some(
        (c) => c.path === 'procurement.goods' && c.after === '4.86005',
      ),
    ).toBe(true);
  });

  it('submits the latest version without errors, and then the data is locked', async () => {
    const d = await p.editorA.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureA}`);
    const stale = await p.editorA.json<Err>('POST', `/api/disclosures/${p.disclosureA}/submit`, {
      version: d.body.disclosure.version - 1,
    });
    expect(stale.status).toBe(409);
    const other = await p.editorB.json<Err>('POST', `/api/disclosures/${p.disclosureA}/submit`, {
      version: d.body.disclosure.version,
    });
    expect(other.status).toBe(404);
    const ok = await p.editorA.json<{ version: number; storedStatus: string }>(
      'POST',
      `/api/disclosures/${p.disclosureA}/submit`,
      { version: d.body.disclosure.version },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.storedStatus).toBe('submitted');
    const locked = await p.editorA.json<Err>('PUT', `/api/disclosures/${p.disclosureA}`, {
      version: ok.body.version,
      data: d.body.data,
    });
    expect(locked.status).toBe(409);
  });
});
