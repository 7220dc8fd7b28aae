/**
 * End to end in real Chromium (Debian's, driven by playwright-core): the built UI served by the real
 * server on a free port with a temporary data folder. Logs in as the admin printed at start-up, sees
 * the tree and the Changji disclosure with its findings, checks that HTML in a unit name shows as
 * text, and saves screenshots of the main pages at 1366×768 into docs/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUi, paths } from '../../scripts/build.mjs';
import { startServer, type RunningServer } from '../server/server.ts';

const CHROMIUM = process.env['JUESUAN_CHROMIUM'] ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const full = process.env['JUESUAN_FULL_TEST'] === '1';
const SHOTS = join(paths.repo, 'docs', 'screenshots');
const XSS_NAME = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>测试单位';

if (!available && !full) console.log(`浏览器测试已跳过：没有 ${CHROMIUM}（.ci/run 会安装 chromium）`);

describe.runIf(available || full)('web UI in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!available) throw new Error(`JUESUAN_FULL_TEST=1 需要 Chromium：没有 ${CHROMIUM}`);
    await buildUi();
    dataDir = mkdtempSync(join(tmpdir(), 'juesuan-e2e-'));
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
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Calls the API as the signed-in browser: its cookies, its CSRF token. */
  const call = async (method: string, path: string, body?: unknown) => {
    const cookies = await page.context().cookies();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = cookies.find((c) => c.name === 'juesuan_csrf')!.value;
    const r = await fetch(new URL(path, server.url), {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return {
      status: r.status,
      body: (await r.json()) as { id: string; items: { id: string; kind: string; code?: string }[] },
    };
  };

  // Screenshots wait for passing toasts to go, so that each page is seen as it stays.
  const shot = async (name: string): Promise<void> => {
    // (A locator, not waitForFunction: the page's CSP rightly forbids the eval that the latter uses.)
    await expect.poll(() => page.locator('.el-message').count(), { timeout: 10_000 }).toBe(0);
    await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled' });
  };

  it('logs in as the first admin and lists the year with status tags', async () => {
    await page.goto(server.url);
    await page.waitForURL(/\/login/);
    await expect(page.locator('h2', { hasText: '用户登录' }).isVisible()).resolves.toBe(true);
    // A wrong password gives the server's Chinese message on the page.
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'wrong-password-1');
    await page.click('[data-test=login]');
    await expect(page.locator('[data-test=login-error]').textContent()).resolves.toContain(
      '用户名或密码不正确',
    );
    await shot('login');
    await page.fill('input[name=password]', server.seed.adminPassword!);
    await page.click('[data-test=login]');
    await page.waitForURL(/\/disclosures/);
    await page.waitForSelector('[data-test=disclosure-table] .el-table__row');
    await expect(page.locator('[data-test=role]').textContent()).resolves.toBe('系统管理员');
    const rows = page.locator('[data-test=disclosure-table] .el-table__body-wrapper .el-table__row');
    expect(await rows.count()).toBe(5);
    const changji = rows.filter({ hasText: '新疆昌吉回族自治州对口援疆工作领导小组办公室' });
    await expect(changji.locator('[data-test=status]').textContent()).resolves.toBe('填报中');
    await expect(
      rows.filter({ hasText: '自治州第一中学' }).locator('[data-test=status]').textContent(),
    ).resolves.toBe('未开始');
    // Long work runs as a job whose progress the page polls.
    await page.click('button:has-text("重新校验本年度")');
    await expect(page.locator('.el-message--success').first().textContent()).resolves.toContain(
      '已重新校验 2022 年度全部决算',
    );
    await shot('disclosure-list');
  });

  it('shows the organisation tree, with HTML in a unit name rendered as text', async () => {
    const bureau = (await call('GET', '/api/organisations')).body.items.find((o) => o.kind === 'bureau')!.id;
    const dept = await call('POST', '/api/organisations', {
      code: 'E2E-D',
      name: '测试部门（页面测试）',
      kind: 'department',
      parentId: bureau,
    });
    const created = (
      await call('POST', '/api/organisations', {
        code: 'E2E-U',
        name: XSS_NAME,
        kind: 'unit',
        parentId: dept.body.id,
      })
    ).status;
    expect(created).toBe(201);
    await page.click('.el-menu-item:has-text("组织机构")');
    await page.waitForSelector('[data-test=org-tree] .el-tree-node');
    const text = (await page.locator('[data-test=org-tree]').textContent()) ?? '';
    expect(text).toContain('昌吉回族自治州财政局（演示）');
    expect(text).toContain('新疆昌吉回族自治州对口援疆工作领导小组办公室');
    expect(text).toContain(XSS_NAME);
    expect(await page.locator('[data-test=org-tree] img').count()).toBe(0);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    await page
      .locator('[data-test=org-tree] .el-tree-node__content', { hasText: '自治州对口援疆工作领导小组办公室' })
      .first()
      .click();
    await shot('organisations');
  });

  it('shows the users page', async () => {
    const orgs = (await call('GET', '/api/organisations')).body.items;
    const unit = orgs.find((o) => o.code === 'CJZ-YJB-001')!.id;
    const bureau = orgs.find((o) => o.kind === 'bureau')!.id;
    const users = [
      { username: 'yjb-editor', displayName: '援疆办填报员', role: 'editor', scopes: [unit] },
      { username: 'czj-reviewer', displayName: '财政局审核员', role: 'reviewer', scopes: [bureau] },
    ];
    for (const u of users) expect((await call('POST', '/api/users', u)).status).toBe(201);
    await page.click('.el-menu-item:has-text("用户管理")');
    await page.waitForSelector('[data-test=users-table] .el-table__row');
    await expect(page.locator('[data-test=users-table]').textContent()).resolves.toContain('admin');
    await shot('users');
  });

  it("opens the Changji unit's disclosure with its findings and data", async () => {
    await page.click('.el-menu-item:has-text("决算填报与审核")');
    await page.waitForSelector('[data-test=disclosure-table] .el-table__row');
    await page
      .locator('[data-test=disclosure-table] .el-table__row', {
        hasText: '新疆昌吉回族自治州对口援疆工作领导小组办公室',
      })
      .click();
    await page.waitForURL(/\/disclosures\/[0-9a-f-]+$/);
    await page.waitForSelector('[data-test=findings-table] .el-table__row');
    await expect(page.locator('[data-test=disclosure-title]').textContent()).resolves.toBe(
      '新疆昌吉回族自治州对口援疆工作领导小组办公室',
    );
    const findings = (await page.locator('[data-test=findings-table]').textContent()) ?? '';
    expect(findings).toContain('提示');
    expect(findings).toContain('四舍五入');
    await shot('disclosure-findings');
    await page.click('.el-tabs__item:has-text("报表数据")');
    await page.waitForSelector('.data-table .el-table__row');
    await expect(page.locator('.data-table').first().textContent()).resolves.toContain('360.44');
    await shot('disclosure-tables');
    expect(pageErrors).toEqual([]);
  });

  it('asks before importing another unit’s data file from the list, with a Chinese file button', async () => {
    await page.click('.el-menu-item:has-text("决算填报与审核")');
    await page.waitForSelector('[data-test=disclosure-table] .el-table__row');
    await page
      .locator('[data-test=disclosure-table] .el-table__row', { hasText: '自治州第一中学' })
      .locator('button:has-text("导入")')
      .click();
    const dialog = page.locator('.el-dialog', { hasText: '导入数据文件' });
    await expect(dialog.locator('button:has-text("选择文件…")').isVisible()).resolves.toBe(true);
    await expect(dialog.textContent()).resolves.toContain('未选择文件');
    await page.setInputFiles(
      '[data-test=list-import-file]',
      join(paths.repo, 'examples', 'changji-2022.yaml'),
    );
    await expect.poll(() => dialog.textContent()).toContain('changji-2022.yaml');
    await dialog.locator('button:has-text("导入")').last().click();
    const box = page.locator('.el-message-box', { hasText: '不是本单位的数据' });
    await expect
      .poll(() => box.textContent(), { timeout: 10_000 })
      .toContain('文件中的单位是「新疆昌吉回族自治州对口援疆工作领导小组办公室」');
    await box.locator('button:has-text("取消")').click();
    // Nothing was imported.
    await page.keyboard.press('Escape');
    await expect
      .poll(() =>
        page
          .locator('[data-test=disclosure-table] .el-table__row', { hasText: '自治州第一中学' })
          .locator('[data-test=status]')
          .textContent(),
      )
      .toBe('未开始');
    expect(pageErrors).toEqual([]);
  });
});
