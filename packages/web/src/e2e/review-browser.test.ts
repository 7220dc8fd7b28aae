/**
 * Review and publication end to end in real Chromium (Debian's, driven by playwright-core), three
 * browsers at once: the unit's editor submits the Changji disclosure; the bureau's reviewer returns
 * it with a comment on a cell; the editor sees the comment, fixes and resubmits; the reviewer
 * approves and publishes; an anonymous visitor opens the public page and downloads the CSV; the
 * reviewer uploads published PDFs and sees each finding beside the page it quotes. Screenshots of
 * these pages at 1366×768 go to docs/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUi, paths } from '../../scripts/build.mjs';
import { startServer, type RunningServer } from '../server/server.ts';

const CHROMIUM = process.env['JUESUAN_CHROMIUM'] ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const full = process.env['JUESUAN_FULL_TEST'] === '1';
const SHOTS = join(paths.repo, 'docs', 'screenshots');
const PASSWORD = 'review-e2e-password-1';
const UNIT = '新疆昌吉回族自治州对口援疆工作领导小组办公室';
const XSS_NAME = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>审核测试单位';
const BUILT_PDF = join(paths.repo, 'packages/core/test/fixtures/built/unit-1-xinjiang-2022.pdf');
const REAL_PDF = join(paths.repo, '../shared/fixtures/real/shanghai-putuo-shehuigongzuobu-2024.pdf');

if (!available && !full) console.log(`浏览器测试已跳过：没有 ${CHROMIUM}（.ci/run 会安装 chromium）`);

describe.runIf(available || full)('review and publication in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let editor: Page;
  let reviewer: Page;
  let disclosureId = '';

  /** Calls the API as the given browser: its cookies, its CSRF token. */
  const call = async (page: Page, method: string, path: string, body?: unknown) => {
    const cookies = await page.context().cookies();
    const r = await fetch(new URL(path, server.url), {
      method,
      headers: {
        Cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
        'X-CSRF-Token': cookies.find((c) => c.name === 'juesuan_csrf')?.value ?? '',
        'Content-Type': 'application/json',
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    return {
      status: r.status,
      body: (text ? JSON.parse(text) : {}) as Record<string, unknown> & {
        items?: { id: string; code: string; kind: string }[];
      },
    };
  };

  const newPage = async (): Promise<Page> => {
    const ctx = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    return page;
  };

  const login = async (
    page: Page,
    username: string,
    password: string,
    newPassword?: string,
  ): Promise<void> => {
    await page.goto(new URL('/login', server.url).href);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', password);
    await page.click('[data-test=login]');
    await page.waitForURL(/\/disclosures/);
    if (newPassword) {
      // A first password set by the admin must be changed; done here so that pages show without the reminder.
      expect(
        (await call(page, 'POST', '/api/auth/password', { oldPassword: password, newPassword })).status,
      ).toBe(204);
      await page.reload();
    }
  };

  const shot = async (page: Page, name: string): Promise<void> => {
    await expect.poll(() => page.locator('.el-message').count(), { timeout: 10_000 }).toBe(0);
    await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled' });
  };

  const status = (page: Page) => page.locator('[data-test=workflow-status]').textContent();

  /** Clicks a workflow button and confirms its dialog. */
  const act = async (page: Page, action: string, label: string): Promise<void> => {
    await page.click(`[data-test=act-${action}]`);
    await page.locator('.el-message-box__btns button', { hasText: label }).click();
  };

  beforeAll(async () => {
    if (!available) throw new Error(`JUESUAN_FULL_TEST=1 需要 Chromium：没有 ${CHROMIUM}`);
    await buildUi();
    dataDir = mkdtempSync(join(tmpdir(), 'juesuan-review-e2e-'));
    server = await startServer({
      port: 0,
      dataDir,
      examplesDir: join(paths.repo, 'examples'),
      config: { uiDir: paths.ui, scryptCost: 12 },
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    mkdirSync(SHOTS, { recursive: true });

    // The admin sets up the people: the unit's editor and the bureau's reviewer.
    const admin = await newPage();
    await login(admin, 'admin', server.seed.adminPassword!);
    const orgs = (await call(admin, 'GET', '/api/organisations')).body.items!;
    const unit = orgs.find((o) => o.code === 'CJZ-YJB-001')!.id;
    const bureau = orgs.find((o) => o.kind === 'bureau')!.id;
    const dept = orgs.find((o) => o.code === 'CJZ-JYJ')!.id;
    for (const u of [
      {
        username: 'yjb-editor',
        displayName: '援疆办填报员',
        role: 'editor',
        scopes: [unit],
        password: PASSWORD,
      },
      {
        username: 'czj-reviewer',
        displayName: '财政局审核员',
        role: 'reviewer',
        scopes: [bureau],
        password: PASSWORD,
      },
    ])
      expect((await call(admin, 'POST', '/api/users', u)).status).toBe(201);
    // A unit whose name carries HTML: the dashboard must show it as text.
    expect(
      (
        await call(admin, 'POST', '/api/organisations', {
          code: 'E2E-XSS',
          name: XSS_NAME,
          kind: 'unit',
          parentId: dept,
        })
      ).status,
    ).toBe(201);
    editor = await newPage();
    reviewer = await newPage();
    await login(editor, 'yjb-editor', PASSWORD, `${PASSWORD}-own`);
    await login(reviewer, 'czj-reviewer', PASSWORD, `${PASSWORD}-own`);
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('the editor submits the disclosure from its workflow page', async () => {
    await editor.click('.el-menu-item:has-text("审核与公开")');
    await editor.waitForSelector('[data-test=review-table] .el-table__row');
    const rows = editor.locator('[data-test=review-table] .el-table__body-wrapper .el-table__row');
    expect(await rows.count()).toBe(1);
    await rows.first().click();
    await editor.waitForURL(/\/review\/[0-9a-f-]+$/);
    disclosureId = editor.url().split('/').pop()!;
    await expect(editor.locator('[data-test=workflow-title]').textContent()).resolves.toBe(UNIT);
    await expect(status(editor)).resolves.toBe('填报中');
    await act(editor, 'submit', '提交审核');
    await expect.poll(() => status(editor)).toBe('已提交');
    expect(await editor.locator('[data-test=act-submit]').count()).toBe(0);
  });

  it('the reviewer sees the year with a status chart and returns the disclosure with a comment on a cell', async () => {
    await reviewer.click('.el-menu-item:has-text("审核与公开")');
    await reviewer.waitForSelector('[data-test=review-table] .el-table__row');
    await reviewer.waitForSelector('[data-test=status-chart] canvas');
    const table = reviewer.locator('[data-test=review-table]');
    // Every unit of the bureau, including the one with HTML in its name, shown as text.
    expect(await table.locator('.el-table__body-wrapper .el-table__row').count()).toBe(6);
    expect(await table.textContent()).toContain(XSS_NAME);
    expect(await table.locator('img').count()).toBe(0);
    expect(await reviewer.evaluate('window.__xss')).toBeUndefined();
    const row = table.locator('.el-table__row', { hasText: UNIT });
    await expect(row.locator('[data-test=review-status]').textContent()).resolves.toBe('已提交');
    await shot(reviewer, 'review-dashboard');
    // The filter by status keeps only the submitted one.
    await reviewer.click('[data-test=filter-submitted]');
    expect(await table.locator('.el-table__body-wrapper .el-table__row').count()).toBe(1);

    await row.click();
    await reviewer.waitForURL(new RegExp(`/review/${disclosureId}$`));
    await expect(status(reviewer)).resolves.toBe('已提交');
    await reviewer.click('[data-test=act-return]');
    await reviewer.waitForSelector('[data-test=comment-row]');
    await reviewer.click('[data-test=comment-row]');
    await reviewer
      .locator('.el-select-dropdown__item:visible', { hasText: /^其他收入$/ })
      .first()
      .click();
    // The column as the editor's grid shows it: here last year's figure beside this year's.
    await reviewer.click('[data-test=comment-column]');
    await reviewer
      .locator('.el-select-dropdown__item:visible', { hasText: /^上年决算数/ })
      .first()
      .click();
    await reviewer.fill(
      'textarea[data-test=comment-body]',
      '其他收入的上年决算数未填，请按上年公开的决算补齐',
    );
    await shot(reviewer, 'review-return-dialog');
    // A second comment on a sentence picked from the narrative preview.
    await reviewer.click('[data-test=return-dialog] button:has-text("再加一条意见")');
    const second = reviewer.locator('[data-test=return-dialog] .draft').nth(1);
    await second.locator('.el-radio-button', { hasText: '说明中的句子' }).click();
    const sentence = second.locator('[data-test=pick-sentence]', { hasText: '214.73' }).first();
    await sentence.waitFor({ timeout: 20_000 });
    const picked = (await sentence.textContent())!;
    await sentence.click();
    await expect(second.locator('input[data-test=comment-sentence]').inputValue()).resolves.toBe(picked);
    await expect(sentence.getAttribute('class')).resolves.toContain('picked');
    await second.locator('textarea[data-test=comment-body]').fill('收入总计的表述请与表一一致');
    await shot(reviewer, 'review-return-sentence');
    await reviewer.click('[data-test=send-return]');
    await expect.poll(() => status(reviewer)).toBe('已退回');
    const comment = reviewer.locator('[data-test=open-comment]').first();
    await expect(comment.textContent()).resolves.toMatch(
      /表一收入支出决算总表「其他收入」行「上年决算数[^」]*」列/,
    );
    await expect(reviewer.locator('[data-test=open-comment]').nth(1).textContent()).resolves.toContain(
      `说明中“${picked.slice(0, 20)}`,
    );
  });

  it('the editor sees the comment, fixes the data and resubmits', async () => {
    await editor.reload();
    await expect.poll(() => status(editor)).toBe('已退回');
    const comment = editor.locator('[data-test=open-comment]');
    await expect(comment.first().textContent()).resolves.toContain('其他收入的上年决算数未填');
    await shot(editor, 'review-returned-editor');
    // On the editor page too: the comment beside the cell it concerns and beside the sentence quoted.
    await editor.goto(new URL(`/disclosures/${disclosureId}/edit`, server.url).href);
    await editor.waitForSelector('[data-test=comments-alert]');
    await expect(editor.locator('[data-test=editor-comment]').count()).resolves.toBe(2);
    await editor.waitForSelector('.table-grid[data-table=t1] .rgCell.cell-comment');
    const marked = editor.locator('.table-grid[data-table=t1] .rgCell.cell-comment').first();
    await expect(marked.getAttribute('title')).resolves.toContain('审核意见：其他收入的上年决算数未填');
    await shot(editor, 'editor-review-comments');
    await editor.locator('[data-test=editor-comment]', { hasText: '收入总计的表述' }).click();
    await editor.waitForSelector('[data-test=commented-sentence]');
    await expect(editor.locator('[data-test=commented-sentence]').first().textContent()).resolves.toContain(
      '214.73',
    );
    await expect(editor.locator('[data-test=sentence-comment]').first().textContent()).resolves.toContain(
      '收入总计的表述请与表一一致',
    );
    await shot(editor, 'editor-sentence-comment');
    // The sentence is fixed in the data of the tables: the editor ticks that comment off, the other stays open.
    await editor.click('[data-test=side-comments]');
    await editor
      .locator('[data-test=editor-comment]', { hasText: '收入总计的表述' })
      .locator('[data-test=resolve-comment]')
      .click();
    await expect.poll(() => editor.locator('[data-test=editor-comment]').count()).toBe(1);
    await expect(editor.locator('[data-test=side-comments]').textContent()).resolves.toContain('1');
    await expect(
      editor.locator('.el-collapse-item__header', { hasText: '已处理的意见（1）' }).count(),
    ).resolves.toBe(1);
    await editor.goto(new URL(`/review/${disclosureId}`, server.url).href);
    await expect.poll(() => status(editor)).toBe('已退回');
    // The fix is a save of the data (the grid belongs to the editing pages): same figures, a note.
    const d = await call(editor, 'GET', `/api/disclosures/${disclosureId}`);
    const saved = await call(editor, 'PUT', `/api/disclosures/${disclosureId}`, {
      version: (d.body['disclosure'] as { version: number }).version,
      data: d.body['data'],
      note: '按审核意见核实其他收入',
    });
    expect([200]).toContain(saved.status);
    await act(editor, 'submit', '提交审核');
    await expect.poll(() => status(editor)).toBe('已提交');
  });

  it('the reviewer approves and publishes; the public page opens without login and the CSV downloads', async () => {
    await reviewer.reload();
    await expect.poll(() => status(reviewer)).toBe('已提交');
    // The confirmation says what remains unknown (the files will be marked 草稿) and that the open
    // comments will be marked 已处理.
    // The page itself says, above the findings, that the data is incomplete (no error, yet a 草稿).
    await expect
      .poll(() => reviewer.locator('[data-test=workflow-gaps]').textContent(), { timeout: 10_000 })
      .toMatch(/数据不完整：还有 [1-9]\d* 个未提供的数.*公开文件将标为“草稿”/);
    await reviewer.click('[data-test=act-approve]');
    const confirm = reviewer.locator('.el-message-box [data-test=act-confirm]');
    await expect
      .poll(() => confirm.locator('[data-test=confirm-gaps]').textContent(), { timeout: 10_000 })
      .toMatch(/还有( [1-9]\d* 处待补充的内容、)? [1-9]\d* 个未提供的数：公开时生成的公开文件将标为“草稿”/);
    // One of the two was ticked off by the editor.
    await expect(confirm.locator('[data-test=confirm-comments]').textContent()).resolves.toMatch(
      /还有 1 条审核意见未标为已处理：审核通过后这些意见将一并标为“已处理”/,
    );
    await shot(reviewer, 'review-approve-confirm');
    await reviewer.locator('.el-message-box__btns button', { hasText: '审核通过' }).click();
    await expect.poll(() => status(reviewer)).toBe('已审核');
    // 流转记录 names every step in words, never an internal identifier.
    await expect.poll(() => reviewer.locator('body').textContent()).not.toMatch(/disclosure\.|comment\./);
    await expect(reviewer.locator('.el-steps').textContent()).resolves.toMatch(
      /期限 \d{4}-\d{2}-\d{2}（剩 20 天）/,
    );
    await reviewer.click('[data-test=act-publish]');
    await expect
      .poll(() => confirm.locator('[data-test=confirm-gaps]').textContent(), { timeout: 10_000 })
      .toMatch(/个未提供的数：生成的公开文件将标为“草稿”/);
    await reviewer.locator('.el-message-box__btns button', { hasText: '公开' }).click();
    await expect.poll(() => status(reviewer)).toBe('已公开');
    await reviewer.waitForSelector('[data-test=public-link]');
    await shot(reviewer, 'review-workflow');
    const href = await reviewer.locator('[data-test=public-link]').getAttribute('href');
    expect(href).toBe('/public/2022/CJZ-YJB-001');

    const visitor = await newPage();
    await visitor.goto(new URL('/public', server.url).href);
    await visitor.waitForSelector('[data-test=public-index] .el-table__row');
    await shot(visitor, 'public-index');
    await visitor.locator('[data-test=public-index] a', { hasText: UNIT }).click();
    await visitor.waitForURL(/\/public\/2022\/CJZ-YJB-001$/);
    await visitor.waitForSelector('[data-test=public-narrative] p');
    await expect(visitor.locator('[data-test=public-title]').textContent()).resolves.toContain(UNIT);
    await expect(visitor.locator('[data-test=public-narrative]').textContent()).resolves.toContain('214.73');
    await shot(visitor, 'public-disclosure');
    await visitor.click('.el-tabs__item:has-text("决算报表")');
    await visitor.waitForSelector('[data-test=public-table-t1] td');
    await shot(visitor, 'public-tables');
    const [download] = await Promise.all([
      visitor.waitForEvent('download'),
      visitor.click('[data-test=download-csv]'),
    ]);
    expect(download.suggestedFilename()).toBe(`${UNIT}2022年度决算开放数据.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('214.73');
    expect(csv.split('\n').length).toBeGreaterThan(20);
  });

  it('the bureau reviewer withdraws the publication with a reason: the public page says so, the dashboard shows it; then it is published again', async () => {
    // The unit's editor has no such button.
    await editor.goto(new URL(`/review/${disclosureId}`, server.url).href);
    await expect.poll(() => status(editor)).toBe('已公开');
    expect(await editor.locator('[data-test=act-withdraw]').count()).toBe(0);

    await reviewer.goto(new URL(`/review/${disclosureId}`, server.url).href);
    await expect.poll(() => status(reviewer)).toBe('已公开');
    await reviewer.click('[data-test=act-withdraw]');
    const box = reviewer.locator('.el-message-box');
    // No reason, no withdrawal.
    await box.locator('.el-message-box__btns button', { hasText: '撤回公开' }).click();
    await expect(box.locator('.el-message-box__errormsg').textContent()).resolves.toBe('请写明撤回原因');
    await box.locator('textarea').fill('表三数据有误，更正后重新公开');
    await box.locator('.el-message-box__btns button', { hasText: '撤回公开' }).click();
    await expect.poll(() => status(reviewer)).toBe('已撤回公开');
    await expect(reviewer.locator('[data-test=withdrawal]').textContent()).resolves.toContain(
      '表三数据有误，更正后重新公开',
    );
    expect(await reviewer.locator('[data-test=public-link]').count()).toBe(0);
    await shot(reviewer, 'review-withdrawn');

    const visitor = await newPage();
    await visitor.goto(new URL('/public/2022/CJZ-YJB-001', server.url).href);
    await visitor.waitForSelector('[data-test=public-withdrawn]');
    const text = await visitor.locator('[data-test=public-withdrawn]').textContent();
    expect(text).toContain('已撤回公开');
    expect(text).toContain('表三数据有误，更正后重新公开');
    expect(await visitor.locator('[data-test=public-narrative]').count()).toBe(0);
    await shot(visitor, 'public-withdrawn');
    await visitor.goto(new URL('/public', server.url).href);
    await visitor.waitForSelector('[data-test=public-index]');
    await expect
      .poll(() => visitor.locator('[data-test=public-index]').textContent(), { timeout: 10_000 })
      .not.toContain(UNIT);

    // The status list: 已撤回公开, and a filter for it.
    await reviewer.goto(new URL('/review?year=2022', server.url).href);
    const table = reviewer.locator('[data-test=review-table]');
    await table.locator('.el-table__row', { hasText: UNIT }).waitFor();
    await expect(
      table.locator('.el-table__row', { hasText: UNIT }).locator('[data-test=review-status]').textContent(),
    ).resolves.toBe('已撤回公开');
    await reviewer.click('[data-test=filter-withdrawn]');
    await expect.poll(() => table.locator('.el-table__body-wrapper .el-table__row').count()).toBe(1);

    // Published again: the page is back.
    await reviewer.goto(new URL(`/review/${disclosureId}`, server.url).href);
    await act(reviewer, 'publish', '公开');
    await expect.poll(() => status(reviewer)).toBe('已公开');
    await visitor.goto(new URL('/public/2022/CJZ-YJB-001', server.url).href);
    await visitor.waitForSelector('[data-test=public-narrative] p');
    expect(pageErrors).toEqual([]);
  });

  it('the reviewer uploads published PDFs and sees each finding beside the page it quotes', async () => {
    await reviewer.click('.el-menu-item:has-text("公开文件审查")');
    await reviewer.waitForURL(/\/document-audits/);
    const files = [BUILT_PDF, ...(existsSync(REAL_PDF) ? [REAL_PDF] : [])];
    await reviewer.setInputFiles('[data-test=pdf-input]', files);
    await reviewer.click('[data-test=pdf-start]');
    await reviewer.waitForSelector('[data-test=audit-progress]');
    await expect
      .poll(() => reviewer.locator('[data-test=audit-file]').count(), { timeout: 60_000 })
      .toBe(files.length);
    await reviewer.waitForSelector('[data-test=audit-finding]', { timeout: 90_000 });
    await expect
      .poll(() => reviewer.locator('[data-test=audit-progress]').count(), { timeout: 10_000 })
      .toBe(0);
    // Pick the first finding that quotes a page: its page is shown beside it, with the quoted text.
    const withPage = reviewer.locator('[data-test=audit-finding]', { hasText: /第 \d+ 页/ }).first();
    await withPage.click();
    const pageNo = Number((await withPage.locator('.page-no').textContent())!.match(/\d+/)![0]);
    const img = reviewer.locator('[data-test=page-image]');
    await expect.poll(() => img.getAttribute('src')).toMatch(new RegExp(`/pages/${pageNo}$`));
    await expect
      .poll(() => img.evaluate((e) => (e as unknown as { naturalWidth: number }).naturalWidth), {
        timeout: 30_000,
      })
      .toBeGreaterThan(500);
    await shot(reviewer, 'document-audit');
    if (files.length > 1) {
      await reviewer.locator('[data-test=audit-file]', { hasText: 'shanghai-putuo' }).click();
      await reviewer.waitForSelector('[data-test=audit-finding]');
      await expect
        .poll(() => img.evaluate((e) => (e as unknown as { naturalWidth: number }).naturalWidth), {
          timeout: 30_000,
        })
        .toBeGreaterThan(500);
      await shot(reviewer, 'document-audit-real');
    }
    // A batch with bad files: the good one is audited, each bad one is listed with its reason.
    const before = await reviewer.locator('[data-test=audit-file]').count();
    await reviewer.setInputFiles('[data-test=pdf-input]', [
      { name: '空.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) },
      { name: '好.pdf', mimeType: 'application/pdf', buffer: readFileSync(BUILT_PDF) },
      { name: '说明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('不是 PDF') },
    ]);
    await reviewer.click('[data-test=pdf-start]');
    const rejected = reviewer.locator('[data-test=upload-rejected]');
    await expect.poll(() => rejected.textContent(), { timeout: 20_000 }).toContain('「空.pdf」文件为空');
    await expect.poll(() => rejected.textContent()).toContain('「说明.pdf」不是 PDF 文件');
    await expect
      .poll(() => reviewer.locator('[data-test=audit-file]').count(), { timeout: 60_000 })
      .toBe(before + 1);
    await expect
      .poll(() => reviewer.locator('[data-test=audit-progress]').count(), { timeout: 90_000 })
      .toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
