/**
 * The unit editor end to end in real Chromium (Debian's, driven by playwright-core): an editor logs
 * in, imports examples/changji-2022.yaml for a unit that has not started, changes a figure and sees
 * the finding on that cell, adds a 项 row from the catalogue with its 上年数 and writes the reason the
 * reasons panel asks for, saves, downloads the DOCX and submits. Then two browsers edit the same
 * table: the second save gets the conflict, keeps what was typed, and merges. Screenshots of the
 * editor pages at 1366×768 go to docs/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUi, paths } from '../../scripts/build.mjs';
import { startServer, type RunningServer } from '../server/server.ts';

const CHROMIUM = process.env['JUESUAN_CHROMIUM'] ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const full = process.env['JUESUAN_FULL_TEST'] === '1';
const SHOTS = join(paths.repo, 'docs', 'screenshots');
const EXAMPLE = join(paths.repo, 'examples', 'changji-2022.yaml');
const PASSWORD = 'editor-password-2024';

type Row = { row?: string; code?: string };
const example = parse(readFileSync(EXAMPLE, 'utf8')) as { tables: Record<string, { rows: Row[] }> };
const t5Index = (code: string) => example.tables['t5']!.rows.findIndex((r) => r.code === code);

/** Entry names from a ZIP's central directory. */
function zipNames(b: Buffer): string[] {
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = b.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < b.readUInt16LE(end + 10); i++) {
    const n = b.readUInt16LE(at + 28);
    names.push(b.subarray(at + 46, at + 46 + n).toString('utf8'));
    at += 46 + n + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return names;
}

describe.runIf(available || full)('unit editor in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;
  const pageErrors: string[] = [];
  const cookies = new Map<string, string>();
  let wjw: { id: string; name: string; code: string };
  let cdc: { id: string; name: string; code: string };

  /** The API as the admin (a cookie jar of its own). */
  const admin = async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (cookies.size) headers['Cookie'] = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = cookies.get('juesuan_csrf');
    if (csrf) headers['X-CSRF-Token'] = csrf;
    const r = await fetch(new URL(path, server.url), {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    for (const sc of r.headers.getSetCookie()) {
      const [pair] = sc.split(';');
      const eq = pair!.indexOf('=');
      cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };

  const newPage = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Leaving with unsaved edits asks first; here the answer is "leave" (the draft stays in the browser).
    page.on('dialog', (d) => void d.accept());
    return { context, page };
  };

  const login = async (page: Page, username: string): Promise<void> => {
    await page.goto(new URL('/login', server.url).href);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('[data-test=login]');
    await page.waitForURL(/\/disclosures/);
  };

  const shot = async (page: Page, name: string): Promise<void> => {
    await expect.poll(() => page.locator('.el-message').count(), { timeout: 10_000 }).toBe(0);
    await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled' });
  };

  /** A cell of the visible grid: main (scrolling) columns are numbered from 0 after the pinned code and name. */
  const cell = (page: Page, row: number, col: number) =>
    page
      .locator(
        `revogr-data[type="rgRow"][col-type="rgCol"] .rgCell[data-rgrow="${row}"][data-rgcol="${col}"]`,
      )
      .first();

  /** Types into a cell as a user does: click, type, Enter; waits for the figure to show in the cell. */
  const typeInto = async (page: Page, row: number, col: number, text: string): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      // A check coming back re-marks the cells; wait for it so that the click lands on the cell meant.
      await expect.poll(() => page.locator('[data-test=checking]').count(), { timeout: 10_000 }).toBe(0);
      // An editor still open from a keystroke too quick for it is closed first.
      if (await page.locator('revogr-edit input').count()) await page.keyboard.press('Escape');
      await cell(page, row, col).click();
      await page.keyboard.type(text, { delay: 20 });
      await page
        .locator('revogr-edit input')
        .waitFor({ timeout: 3_000 })
        .catch(() => undefined);
      await page.keyboard.press('Enter');
      try {
        await expect.poll(() => cell(page, row, col).textContent(), { timeout: 3_000 }).toBe(text);
        return;
      } catch (e) {
        if (attempt >= 2) throw e;
      }
    }
  };

  beforeAll(async () => {
    if (!available) throw new Error(`JUESUAN_FULL_TEST=1 需要 Chromium：没有 ${CHROMIUM}`);
    await buildUi();
    dataDir = mkdtempSync(join(tmpdir(), 'juesuan-e2e-editor-'));
    server = await startServer({
      port: 0,
      dataDir,
      examplesDir: join(paths.repo, 'examples'),
      config: { uiDir: paths.ui, scryptCost: 12 },
    });
    await admin('GET', '/api/health');
    expect(
      (await admin('POST', '/api/auth/login', { username: 'admin', password: server.seed.adminPassword }))
        .status,
    ).toBe(200);
    const orgs = (await admin('GET', '/api/organisations')).body['items'] as {
      id: string;
      name: string;
      code: string;
    }[];
    const school = orgs.find((o) => o.name.includes('自治州第一中学'))!.id;
    const yjb = orgs.find((o) => o.code === 'CJZ-YJB-001')!.id;
    wjw = orgs.find((o) => o.code === 'CJZ-WJW-001')!;
    cdc = orgs.find((o) => o.code === 'CJZ-WJW-002')!;
    for (const [username, scope, displayName] of [
      ['school-editor', school, '一中填报员'],
      ['yjb-editor', yjb, '援疆办填报员'],
      ['wjw-editor', wjw.id, '卫健委填报员'],
      ['cdc-editor', cdc.id, '疾控中心填报员甲'],
      ['cdc-editor2', cdc.id, '疾控中心填报员乙'],
    ] as const) {
      const r = await admin('POST', '/api/users', {
        username,
        displayName,
        role: 'editor',
        scopes: [scope],
        password: PASSWORD,
      });
      expect(r.status).toBe(201);
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
      ],
    });
    mkdirSync(SHOTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports the example, shows a finding on the changed cell, takes a missing reason, downloads the DOCX and submits', async () => {
    const { context, page } = await newPage();
    await login(page, 'school-editor');
    await page.click('.el-menu-item:has-text("单位填报")');
    await page.waitForSelector('[data-test=prepare-table] .el-table__row');
    await page.click('[data-test=prepare-year]');
    await page.locator('.el-select-dropdown__item', { hasText: '2022 年度' }).click();
    await expect.poll(() => page.locator('[data-test=prepare-year]').textContent()).toContain('2022');
    await shot(page, 'prepare-list');
    await page
      .locator('[data-test=prepare-table] .el-table__row', { hasText: '自治州第一中学' })
      .locator('[data-test=start-import]')
      .click();
    // An empty file is named as such, without a field name of the request.
    await page.setInputFiles('[data-test=import-file]', {
      name: '空文件.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.alloc(0),
    });
    await expect
      .poll(() => page.locator('[data-test=import-error]').textContent())
      .toContain('空文件.yaml：文件是空的（0 字节）');
    await page.setInputFiles('[data-test=import-file]', EXAMPLE);
    await expect
      .poll(() => page.locator('[data-test=import-summary]').textContent(), { timeout: 20_000 })
      .toContain('错误 0 个');
    await expect(page.locator('[data-test=import-error]').count()).resolves.toBe(0);
    // The file is the Changji unit's, not this school's: it takes an explicit confirmation.
    await expect(page.locator('[data-test=import-other-unit]').textContent()).resolves.toContain(
      '新疆昌吉回族自治州对口援疆工作领导小组办公室',
    );
    await expect(page.locator('[data-test=import-confirm]').isDisabled()).resolves.toBe(true);
    await shot(page, 'editor-import');
    await page.click('[data-test=import-other-unit-confirm]');
    await page.click('[data-test=import-confirm]');
    await page.waitForURL(/\/disclosures\/[0-9a-f-]+\/edit$/, { timeout: 20_000 });
    await page.waitForSelector('revogr-data[type="rgRow"] [data-rgrow="0"]');
    // The loading mask over the grid goes as soon as the grid has drawn (not after its fallback time).
    await expect
      .poll(() => page.locator('[data-test=grid-wrap] .el-loading-mask').count(), { timeout: 3_000 })
      .toBe(0);
    await expect.poll(() => page.locator('[data-test=side-findings]').textContent()).toContain('0');

    // T5: 2101102 事业单位医疗 5.29 → 6.29; the 款 no longer adds up and the cell turns red.
    await page.click('[data-test=tab-t5]');
    await page.waitForSelector('.table-grid[data-table=t5] revogr-data[type="rgRow"] [data-rgrow="0"]');
    const row = t5Index('2101102');
    await expect(cell(page, row, 0).textContent()).resolves.toBe('5.29');
    await typeInto(page, row, 0, '6.29');
    await expect
      .poll(() => cell(page, row, 0).getAttribute('class'), { timeout: 10_000 })
      .toContain('cell-error');
    expect(await cell(page, row, 0).getAttribute('title')).toContain('21011');
    await expect(page.locator('[data-test=dirty]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-test=download]').isDisabled()).resolves.toBe(true);
    await shot(page, 'editor-finding-on-cell');
    // Put it back: the finding goes.
    await typeInto(page, row, 0, '5.29');
    await expect
      .poll(() => cell(page, row, 0).getAttribute('class'), { timeout: 10_000 })
      .not.toContain('cell-error');

    // A 项 from the catalogue, nothing this year, with a 上年数: the reasons panel asks for the reason, with the figures.
    await page.click('[data-test=code-picker]');
    await page.keyboard.type('2080599');
    await page.locator('.el-select-dropdown__item', { hasText: '其他行政事业单位养老支出' }).first().click();
    await page.click('[data-test=add-row]');
    const added = t5Index('2080505') + 1;
    await expect(cell(page, added, 0).textContent()).resolves.toBe('');
    await typeInto(page, added, 0, '0');
    // Last year's 9.17 of 2080505 is split: 0.30 of it belongs to the new 项. The 上年 column of 合计
    // comes after the current-year columns (合计, 基本支出, 项目支出).
    await typeInto(page, added, 3, '0.30');
    await typeInto(page, t5Index('2080505'), 3, '8.87');
    await page.click('[data-test=side-reasons]');
    const reason = page.locator('[data-test=reason-t5-2080599-prior]');
    await expect.poll(() => reason.getAttribute('class'), { timeout: 10_000 }).toContain('missing');
    await expect(reason.locator('.figures').textContent()).resolves.toMatch(
      /本年\s*0\.00\s*·\s*上年决算数\s*0\.30\s*·\s*差额\s*-0\.30/,
    );
    await shot(page, 'editor-reasons');
    await reason.locator('textarea').fill('本年无此项支出，上年为一次性补缴。');
    await expect.poll(() => reason.getAttribute('class'), { timeout: 10_000 }).not.toContain('missing');
    await expect.poll(() => page.locator('[data-test=side-findings]').textContent()).toMatch(/校验\s*0/);

    // The preview follows the chosen profile.
    await page.click('[data-test=side-preview]');
    await expect
      .poll(() => page.locator('[data-test=preview]').textContent(), { timeout: 10_000 })
      .toContain('本年无此项支出，上年为一次性补缴');
    await shot(page, 'editor-preview');

    // Save, download the DOCX (and see the listed gaps), submit.
    await page.click('[data-test=save]');
    await page.waitForSelector('[data-test=saved]');
    await page.click('[data-test=download]');
    await page.waitForSelector('[data-test=download-gaps]');
    expect(await page.locator('[data-test=download-gaps]').textContent()).not.toMatch(/ 0 处| 0 个/);
    await shot(page, 'editor-download');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.click('[data-test=download-docx]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = join(dataDir, 'downloaded.docx');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.length).toBeGreaterThan(5000);
    // The whole package in one click: built in the background (with the PDF when LibreOffice is here).
    await page.click('[data-test=download]');
    const [zipped] = await Promise.all([
      page.waitForEvent('download', { timeout: 150_000 }),
      page.click('[data-test=download-zip]'),
    ]);
    expect(zipped.suggestedFilename()).toMatch(/\.zip$/);
    const zipFile = join(dataDir, 'package.zip');
    await zipped.saveAs(zipFile);
    const names = zipNames(readFileSync(zipFile));
    for (const ext of [
      '.docx',
      '.xlsx',
      '.html',
      '.csv',
      '.txt',
      ...(existsSync('/usr/bin/soffice') ? ['.pdf'] : []),
    ])
      expect(
        names.some((n) => n.endsWith(ext)),
        `${ext} in ${names.join('、')}`,
      ).toBe(true);
    await page.click('[data-test=submit]');
    await page.click('.el-message-box__btns button:has-text("提交")');
    await expect
      .poll(() => page.locator('[data-test=editor-status]').textContent(), { timeout: 10_000 })
      .toBe('已提交');
    await context.close();
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it('two browsers edit the same table: the second save gets the conflict, nothing typed is lost, merge keeps both', async () => {
    const a = await newPage();
    const b = await newPage();
    for (const x of [a, b]) {
      await login(x.page, 'yjb-editor');
      await x.page.click('.el-menu-item:has-text("单位填报")');
      await x.page.locator('[data-test=prepare-table] [data-test=open-editor]').first().click();
      await x.page.waitForURL(/\/edit$/);
      await x.page.click('[data-test=tab-t5]');
      await x.page.waitForSelector('.table-grid[data-table=t5] revogr-data[type="rgRow"] [data-rgrow="0"]');
    }
    // A changes 2010450 事业运行's 上年数 and saves; B, on the same version, changes 2101199's figure.
    const r1 = t5Index('2010450');
    const r2 = t5Index('2101199');
    await typeInto(a.page, r1, 3, '91.74');
    await a.page.click('[data-test=save]');
    await a.page.waitForSelector('[data-test=saved]');
    await typeInto(b.page, r2, 0, '0.05');
    await b.page.click('[data-test=save]');
    await b.page.waitForSelector('[data-test=conflict]');
    await expect(b.page.locator('[data-test=conflict]').textContent()).resolves.toContain('您的修改没有丢失');
    const conflictText = await b.page.locator('.el-dialog').filter({ hasText: '保存冲突' }).textContent();
    expect(conflictText).toContain('91.74');
    // Where and when in words: table, row and column, and the local time (not tables.t5.rows[…] or UTC ISO).
    expect(conflictText).toContain(
      '表五 一般公共预算财政拨款支出决算表「2010450 事业运行」行「上年决算数（合计）」',
    );
    expect(conflictText).not.toMatch(/tables\.t5|T\d{2}:\d{2}/);
    expect(conflictText).toMatch(/于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 修改/);
    await shot(b.page, 'editor-conflict');
    // Nothing typed is lost: the cell still shows B's figure, also after a reload of the page.
    await b.page.click('.el-dialog:has-text("保存冲突") button:has-text("稍后处理")');
    await expect(cell(b.page, r2, 0).textContent()).resolves.toBe('0.05');
    await b.page.reload();
    await b.page.click('[data-test=tab-t5]');
    await b.page.waitForSelector('.table-grid[data-table=t5] revogr-data[type="rgRow"] [data-rgrow="0"]');
    await expect.poll(() => cell(b.page, r2, 0).textContent()).toBe('0.05');
    // Reopened on the newer version, the draft was merged onto it: both edits are there, and it saves.
    await expect(cell(b.page, r1, 3).textContent()).resolves.toBe('91.74');
    await b.page.click('[data-test=save]');
    await b.page.waitForSelector('[data-test=saved]');
    const list = (await admin('GET', '/api/disclosures?year=2022')).body['items'] as {
      disclosure: { id: string; version: number } | null;
      organisation: { code: string };
    }[];
    const d = list.find((i) => i.organisation.code === 'CJZ-YJB-001')!.disclosure!;
    const stored = (await admin('GET', `/api/disclosures/${d.id}`)).body['data'] as {
      tables: Record<string, { rows: (Row & { total?: string; prior?: { total?: string } })[] }>;
    };
    const rows = stored.tables['t5']!.rows;
    expect(rows.find((r) => r.code === '2010450')!.prior!.total).toBe('91.74');
    expect(rows.find((r) => r.code === '2101199')!.total).toBe('0.05');
    await a.context.close();
    await b.context.close();
    expect(pageErrors).toEqual([]);
  }, 180_000);
  it('fills in 政府采购, 资产 and 绩效 in forms: amounts in 元 stored exactly, findings beside the field, kept across a reload, a stale save is a 409 with nothing lost', async () => {
    const { context, page } = await newPage();
    await login(page, 'yjb-editor');
    const open = async () => {
      await page.click('[data-test=pane-details]');
      await page.click('[data-test=details-tab-procurement]');
    };
    await page.click('.el-menu-item:has-text("单位填报")');
    await page.locator('[data-test=prepare-table] [data-test=open-editor]').first().click();
    await page.waitForURL(/\/edit$/);
    await open();
    const field = (path: string) => page.locator(`[data-field="${path}"]`);
    const input = (path: string) => field(path).locator('input, textarea').first();
    // 21.56 万元 in the data file is shown as 215600.00 元, with the stored figure beside it.
    await expect.poll(() => input('procurement.total').inputValue(), { timeout: 15_000 }).toBe('215600.00');
    await expect(field('procurement.total').textContent()).resolves.toContain('= 21.56 万元');
    // Goods 38600.00 → 48,600.50 元: the total no longer adds up, and the finding shows under the total.
    await input('procurement.goods').fill('48,600.50');
    await expect
      .poll(() => field('procurement.total').locator('[data-test=field-error]').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expect(field('procurement.goods').textContent()).resolves.toContain('= 4.86005 万元');
    // Told once, in full, under the total; the parts it names point there instead of repeating it.
    await expect(
      field('procurement.total').locator('[data-test=field-error]').first().textContent(),
    ).resolves.toMatch(/^(?!同一问题).*政府采购/);
    await expect(
      field('procurement.goods').locator('[data-test=field-error]').first().textContent(),
    ).resolves.toMatch(/^同一问题，见「.+」处的提示$/);
    await expect.poll(() => page.locator('[data-test=details-tab-procurement] .el-badge').count()).toBe(1);
    // Text that is not a number stays in the field with a Chinese message; nothing is written.
    await input('procurement.works').fill('约五万');
    await expect(
      field('procurement.works').locator('[data-test=field-invalid]').textContent(),
    ).resolves.toContain('不是金额');
    await input('procurement.works').fill('0');
    // A negative amount is refused by the server's check (core's data format), beside the field.
    await input('procurement.services').fill('-100');
    await expect
      .poll(() => field('procurement.services').locator('[data-test=field-error]').textContent(), {
        timeout: 10_000,
      })
      .toContain('金额不能为负数');
    await shot(page, 'editor-details-procurement');
    await input('procurement.services').fill('177000.00');
    await expect
      .poll(
        () => field('procurement.services').locator('[data-test=field-error]', { hasText: '负数' }).count(),
        { timeout: 10_000 },
      )
      .toBe(0);

    // 绩效: an indicator's score above its weight is flagged under the score.
    await page.click('[data-test=details-tab-performance]');
    const score = 'performance.projects[0].indicators[0].score';
    await expect(input(score).inputValue()).resolves.toBe('10');
    await input(score).fill('12');
    await expect
      .poll(() => field(score).locator('[data-test=field-error], [data-test=field-warning]').count(), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    await shot(page, 'editor-details-performance');
    await input(score).fill('10');

    await page.click('[data-test=details-tab-unit]');
    await shot(page, 'editor-details-unit');
    // The statement of an empty table is edited on its tab.
    await page.click('[data-test=pane-tables]');
    await page.click('[data-test=tab-t9]');
    await page.fill(
      'input[data-test=empty-statement-t9]',
      '本单位无国有资本经营预算财政拨款，故本表为空表。',
    );
    await page.click('[data-test=pane-details]');

    // Unsaved edits survive a reload, like the grid's.
    await expect(page.locator('[data-test=dirty]').isVisible()).resolves.toBe(true);
    await page.reload();
    await open();
    await expect.poll(() => input('procurement.goods').inputValue(), { timeout: 15_000 }).toBe('48600.50');
    await page.click('[data-test=save]');
    await page.waitForSelector('[data-test=saved]');
    const list = (await admin('GET', '/api/disclosures?year=2022')).body['items'] as {
      disclosure: { id: string; version: number } | null;
      organisation: { code: string };
    }[];
    const id = list.find((i) => i.organisation.code === 'CJZ-YJB-001')!.disclosure!.id;
    const read = async () =>
      (await admin('GET', `/api/disclosures/${id}`)).body as {
        disclosure: { version: number };
        data: { procurement: Record<string, unknown>; assets: Record<string, unknown> };
      };
    let stored = await read();
    expect(stored.data.procurement).toMatchObject({ goods: '4.86005', works: '0', services: '17.7' });
    expect((stored.data as unknown as { tables: { t9: unknown } }).tables.t9).toEqual({
      emptyStatement: '本单位无国有资本经营预算财政拨款，故本表为空表。',
      rows: [],
    });

    // Someone else saves meanwhile; this browser's next save is a 409, the typed area stays, merging keeps both.
    const theirs = structuredClone(stored.data);
    theirs.assets['fixedAssetsOriginal'] = '6.08';
    expect(
      (await admin('PUT', `/api/disclosures/${id}`, { version: stored.disclosure.version, data: theirs }))
        .status,
    ).toBe(200);
    await page.click('[data-test=details-tab-assets]');
    await input('assets.buildingArea').fill('120.5');
    await page.click('[data-test=save]');
    await page.waitForSelector('[data-test=conflict]');
    // The change is named in words, never by its data path.
    const dialogText = await page.locator('.el-dialog').filter({ hasText: '保存冲突' }).textContent();
    expect(dialogText).toContain('国有资产占用情况 › 固定资产原值');
    expect(dialogText).not.toContain('fixedAssetsOriginal');
    await page.click('[data-test=conflict-merge]');
    await expect.poll(() => input('assets.buildingArea').inputValue()).toBe('120.5');
    await expect.poll(() => input('assets.fixedAssetsOriginal').inputValue()).toBe('60800.00');
    await page.click('[data-test=save]');
    await page.waitForSelector('[data-test=saved]');
    stored = await read();
    expect(stored.data.assets).toMatchObject({ fixedAssetsOriginal: '6.08', buildingArea: '120.5' });
    expect(stored.data.procurement['goods']).toBe('4.86005');
    await context.close();
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('an editor of another unit sees neither the disclosure nor its editor, and the list shows only their own unit', async () => {
    const list = (await admin('GET', '/api/disclosures?year=2022')).body['items'] as {
      organisation: { code: string; name: string };
      disclosure: { id: string } | null;
    }[];
    const yjb = list.find((x) => x.organisation.code === 'CJZ-YJB-001')!;
    expect(yjb.disclosure).not.toBeNull();
    const { context, page } = await newPage();
    await login(page, 'school-editor');
    // The list holds the editor's own unit only.
    await expect
      .poll(() => page.locator('body').textContent(), { timeout: 15_000 })
      .toContain('自治州第一中学');
    expect(await page.locator('body').textContent()).not.toContain(yjb.organisation.name);
    for (const path of [`/disclosures/${yjb.disclosure!.id}`, `/disclosures/${yjb.disclosure!.id}/edit`]) {
      await page.goto(new URL(path, server.url).href);
      await expect
        .poll(() => page.locator('.el-alert--error').textContent(), { timeout: 15_000 })
        .toContain('不存在');
      // No figure of the other unit reaches the page: the Changji unit's 本年收入合计 is 214.73.
      expect(await page.locator('body').textContent()).not.toContain('214.73');
      expect(await page.locator('.rgCell').count()).toBe(0);
    }
    await context.close();
  }, 120_000);

  /** A disclosure made by the admin for a unit from the example, under the unit's own name; t5 changed by `edit`. */
  const createFor = async (org: { id: string; name: string }, edit?: (yaml: string) => string) => {
    let text = readFileSync(EXAMPLE, 'utf8').replace(
      /^ {2}name: 新疆昌吉回族自治州对口援疆工作领导小组办公室$/m,
      `  name: ${org.name}`,
    );
    if (edit) text = edit(text);
    const r = await admin('POST', '/api/disclosures', {
      organisationId: org.id,
      fileName: 'example.yaml',
      content: text,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return (r.body['disclosure'] as { id: string }).id;
  };
  /** The unit's 2022 disclosure, made from the example when it has none yet. */
  const disclosureOf = async (org: { id: string; name: string; code: string }) => {
    const list = (await admin('GET', '/api/disclosures?year=2022')).body['items'] as {
      disclosure: { id: string } | null;
      organisation: { code: string };
    }[];
    return list.find((i) => i.organisation.code === org.code)?.disclosure?.id ?? (await createFor(org));
  };
  const openEditor = async (page: Page, id: string) => {
    await page.goto(new URL(`/disclosures/${id}/edit`, server.url).href);
    await page.waitForSelector('revogr-data[type="rgRow"] [data-rgrow="0"]', { timeout: 20_000 });
    await expect.poll(() => page.locator('[data-test=checking]').count(), { timeout: 10_000 }).toBe(0);
  };

  it('imports another unit’s file into an existing disclosure: asks first, replaces the data, keeps the unit’s own name', async () => {
    const id = await createFor(wjw, (t) =>
      t.replace(/(- code: '2101102'\n(?:.*\n)*?\s+total: )5\.29/, '$16.29'),
    );
    const { context, page } = await newPage();
    await login(page, 'wjw-editor');
    await openEditor(page, id);
    await page.click('[data-test=tab-t5]');
    await page.waitForSelector('.table-grid[data-table=t5] revogr-data[type="rgRow"] [data-rgrow="0"]');
    const row = t5Index('2101102');
    await expect(cell(page, row, 0).textContent()).resolves.toBe('6.29');
    await page.click('button:has-text("导入文件")');
    await expect(page.locator('[data-test=import-chosen]').textContent()).resolves.toBe('未选择文件');
    await page.setInputFiles('[data-test=import-file]', EXAMPLE);
    await expect
      .poll(() => page.locator('[data-test=import-summary]').textContent(), { timeout: 20_000 })
      .toContain('错误 0 个');
    await expect(page.locator('[data-test=import-chosen]').textContent()).resolves.toBe('changji-2022.yaml');
    const warning = page.locator('[data-test=import-other-unit]');
    await expect(warning.textContent()).resolves.toContain('新疆昌吉回族自治州对口援疆工作领导小组办公室');
    await expect(warning.textContent()).resolves.toContain(wjw.name);
    await expect(page.locator('[data-test=import-confirm]').isDisabled()).resolves.toBe(true);
    await page.click('[data-test=import-other-unit-confirm]');
    await page.click('[data-test=import-confirm]');
    // The data is replaced (the structuredClone of a reactive proxy used to fail here silently).
    await expect.poll(() => cell(page, row, 0).textContent(), { timeout: 10_000 }).toBe('5.29');
    await expect.poll(() => page.locator('[data-test=dirty]').isVisible()).toBe(true);
    await page.click('[data-test=save]');
    await page.waitForSelector('[data-test=saved]');
    const stored = (await admin('GET', `/api/disclosures/${id}`)).body['data'] as {
      unit: { name: string };
      tables: { t5: { rows: { code?: string; total?: string }[] } };
    };
    expect(stored.unit.name).toBe(wjw.name);
    expect(stored.tables.t5.rows.find((r) => r.code === '2101102')!.total).toBe('5.29');
    await context.close();
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('the reasons panel keeps its order while a reason is retyped: the text goes where it is typed', async () => {
    const id = await disclosureOf(cdc);
    const { context, page } = await newPage();
    await login(page, 'cdc-editor');
    await openEditor(page, id);
    await page.click('[data-test=side-reasons]');
    const items = page.locator('.reason');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBeGreaterThan(3);
    const order = async () => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-test')));
    const before = await order();
    // A reason the rules require (t5 2101102's): cleared, it turns missing; typing goes on in the same box.
    const which = 'reason-t5-2101102-prior';
    const index = before.indexOf(which);
    expect(index).toBeGreaterThan(0);
    const box = page.locator(`[data-test=${which}] textarea`);
    await box.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect
      .poll(() => page.locator(`[data-test=${which}]`).getAttribute('class'), { timeout: 10_000 })
      .toContain('missing');
    await expect.poll(() => page.locator('[data-test=checking]').count(), { timeout: 10_000 }).toBe(0);
    await page.keyboard.type('本年新增此科目。', { delay: 20 });
    await expect(box.inputValue()).resolves.toBe('本年新增此科目。');
    expect(await order()).toEqual(before);
    expect(
      await page.evaluate<string | null>(
        "document.activeElement?.closest('.reason')?.getAttribute('data-test') ?? null",
      ),
    ).toBe(which);
    await expect
      .poll(() => page.locator(`[data-test=${which}]`).getAttribute('class'), { timeout: 10_000 })
      .not.toContain('missing');
    // Asked for, the missing ones come first.
    await box.fill('');
    await expect
      .poll(() => page.locator(`[data-test=${which}]`).getAttribute('class'), { timeout: 10_000 })
      .toContain('missing');
    await page.click('[data-test=reasons-resort]');
    await expect.poll(async () => (await order())[0]).toBe(which);
    await context.close();
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('an unsaved draft is never offered to another user of the browser, and signing out removes it', async () => {
    const id = await disclosureOf(cdc);
    const { context, page } = await newPage();
    await login(page, 'cdc-editor');
    await openEditor(page, id);
    await page.click('[data-test=tab-t5]');
    await page.waitForSelector('.table-grid[data-table=t5] revogr-data[type="rgRow"] [data-rgrow="0"]');
    const row = t5Index('2101102');
    const saved = await cell(page, row, 0).textContent();
    await typeInto(page, row, 0, '7.77');
    await expect.poll(() => page.locator('[data-test=dirty]').isVisible()).toBe(true);
    const drafts = () =>
      page.evaluate<string[]>("Object.keys(localStorage).filter((k) => k.startsWith('juesuan-draft:'))");
    expect(await drafts()).toHaveLength(1);
    // The session ends without signing out (cookies gone); the next person signs in on this browser.
    await context.clearCookies();
    await login(page, 'cdc-editor2');
    await openEditor(page, id);
    await page.click('[data-test=tab-t5]');
    await page.waitForSelector('.table-grid[data-table=t5] revogr-data[type="rgRow"] [data-rgrow="0"]');
    await expect(cell(page, row, 0).textContent()).resolves.toBe(saved);
    await expect(page.locator('[data-test=saved]').isVisible()).resolves.toBe(true);
    expect(await page.locator('.el-message', { hasText: '未保存的修改' }).count()).toBe(0);
    // The first user's draft is still theirs: signing in again offers it.
    await context.clearCookies();
    await login(page, 'cdc-editor');
    await openEditor(page, id);
    await page.click('[data-test=tab-t5]');
    await page.waitForSelector('.table-grid[data-table=t5] revogr-data[type="rgRow"] [data-rgrow="0"]');
    await expect.poll(() => cell(page, row, 0).textContent()).toBe('7.77');
    // Signing out asks, then removes the draft from the browser.
    await page.click('[data-test=logout]');
    await page.click('.el-message-box__btns button:has-text("删除并退出")');
    await page.waitForURL(/\/login/);
    expect(await drafts()).toEqual([]);
    await login(page, 'cdc-editor');
    await openEditor(page, id);
    await page.click('[data-test=tab-t5]');
    await page.waitForSelector('.table-grid[data-table=t5] revogr-data[type="rgRow"] [data-rgrow="0"]');
    await expect(cell(page, row, 0).textContent()).resolves.toBe(saved);
    await context.close();
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('amounts typed in the grid: a unit suffix is refused with the converted figure, a dash is 0, extra decimals are flagged', async () => {
    const id = await disclosureOf(wjw);
    const { context, page } = await newPage();
    await login(page, 'wjw-editor');
    await openEditor(page, id);
    await page.click('[data-test=tab-t5]');
    await page.waitForSelector('.table-grid[data-table=t5] revogr-data[type="rgRow"] [data-rgrow="0"]');
    const row = t5Index('2101102');
    const before = await cell(page, row, 0).textContent();
    // 1234元 in a 万元 table is not 1234 万元: refused, with what it is in 万元.
    await expect.poll(() => page.locator('[data-test=checking]').count(), { timeout: 10_000 }).toBe(0);
    await cell(page, row, 0).click();
    await page.keyboard.type('1234元', { delay: 20 });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.el-message').allTextContents(), { timeout: 5_000 })
      .toContainEqual(expect.stringContaining('1234 元 = 0.1234 万元'));
    if (await page.locator('revogr-edit input').count()) await page.keyboard.press('Escape');
    await expect(cell(page, row, 0).textContent()).resolves.toBe(before);
    // A lone "-" (Excel's accounting zero) is 0, as the workbook import reads it, and says so.
    await typeInto(page, row, 3, '-').catch(() => undefined);
    await expect.poll(() => cell(page, row, 3).textContent()).toBe('0');
    await expect
      .poll(() => page.locator('.el-message').allTextContents())
      .toContainEqual(expect.stringContaining('按 0 填入'));
    // Three decimals in a two-decimal table: kept exactly, with a warning.
    await typeInto(page, row, 0, '5.295');
    await expect
      .poll(() => page.locator('.el-message').allTextContents())
      .toContainEqual(expect.stringContaining('有 3 位小数，本表金额保留 2 位小数'));
    await context.close();
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('at 1366×768: counts on the table tabs are not cut off, headers in the standard wording with tooltips, no “0 处”, 从上年数据开始 only with a prior year, an editor 查看s on the review page', async () => {
    const id = await disclosureOf(cdc);
    const { context, page } = await newPage();
    await login(page, 'cdc-editor');
    await openEditor(page, id);
    await page.click('[data-test=tab-t5]');
    await page.waitForSelector('.table-grid[data-table=t5] revogr-data[type="rgRow"] [data-rgrow="0"]');
    // Headers: 上年决算数（合计）, not 合计（上年决算数）; each carries its whole text as a tooltip.
    const titles = await page
      .locator('.table-grid[data-table=t5] .rgHeaderCell[title]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    expect(titles).toContain('上年决算数（合计）');
    expect(titles.some((t) => t?.includes('（上年决算数）'))).toBe(false);
    // An error on T5: its count sits wholly inside the tab bar.
    const row = t5Index('2101102');
    await typeInto(page, row, 0, '6.29');
    const count = page.locator('[data-test=tab-t5] [data-test=tab-count]');
    await expect.poll(() => count.count(), { timeout: 10_000 }).toBe(1);
    const box = (await count.boundingBox())!;
    const bar = (await page.locator('.table-tabs .el-tabs__header').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(bar.y);
    expect(box.y + box.height).toBeLessThanOrEqual(bar.y + bar.height);
    await typeInto(page, row, 0, '5.29');
    await expect.poll(() => count.count(), { timeout: 10_000 }).toBe(0);
    // The download dialog names only what is lacking: no “0 处待补充的内容”.
    await page.click('[data-test=save]').catch(() => undefined);
    await page.click('[data-test=download]');
    const gapsAlert = page.locator('[data-test=download-gaps]');
    await expect.poll(() => gapsAlert.textContent(), { timeout: 10_000 }).toContain('个未提供的数');
    expect(await gapsAlert.textContent()).not.toMatch(/ 0 处| 0 个/);
    await page.keyboard.press('Escape');
    // 从上年数据开始 only where there is last year's data (here 2022 for 2023, none for 2021).
    await page.goto(new URL('/prepare', server.url).href);
    const pick = async (y: number) => {
      await page.click('[data-test=prepare-year]');
      await page.locator('.el-select-dropdown__item:visible', { hasText: `${y} 年度` }).click();
      await expect.poll(() => page.locator('[data-test=prepare-year]').textContent()).toContain(String(y));
      await page.waitForSelector('[data-test=start-previous]');
    };
    await pick(2023);
    await expect.poll(() => page.locator('[data-test=start-previous]').isDisabled()).toBe(false);
    await pick(2021);
    await expect.poll(() => page.locator('[data-test=start-previous]').isDisabled()).toBe(true);
    // An editor only looks on the review dashboard.
    await page.goto(new URL('/review?year=2022', server.url).href);
    await page.waitForSelector('[data-test=review-open]');
    expect(new Set(await page.locator('[data-test=review-open]').allTextContents())).toEqual(
      new Set(['查看']),
    );
    await context.close();
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('one Enter on the login form sends one login request', async () => {
    const { context, page } = await newPage();
    let logins = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/auth/login') logins++;
    });
    await page.goto(new URL('/login', server.url).href);
    await page.fill('input[name=username]', 'school-editor');
    await page.fill('input[name=password]', PASSWORD);
    await page.press('input[name=password]', 'Enter');
    await page.waitForURL(/\/disclosures/);
    await page.waitForLoadState('networkidle');
    expect(logins).toBe(1);
    await context.close();
  }, 60_000);
});
