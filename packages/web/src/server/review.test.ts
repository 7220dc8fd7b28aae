/**
 * Review and publication (issue 11, items 4–5) on every database target: the year's dashboard, the
 * submit / return / approve / publish workflow with its permissions and log, the 整改通知 DOCX and
 * the public pages with their downloads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleById } from '@juesuan/core';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ReviewDashboard, Workflow, PublicDisclosure, PublicIndex } from './review-schemas.ts';
import { EXAMPLES_DIR, type Fixture } from './testing/fixture.ts';
import { withPeople, type People } from './testing/people.ts';
import { databaseTargets } from './testing/targets.ts';

const example = readFileSync(join(EXAMPLES_DIR, 'changji-2022.yaml'), 'utf8');

interface Err {
  error: { code: string; message: string };
}
interface Detail {
  disclosure: { version: number; errorCount: number };
  data: Record<string, unknown>;
}

function setT1(data: Record<string, unknown>, row: string, amount: string): Record<string, unknown> {
  const copy = structuredClone(data) as { tables: { t1: { rows: { row?: string; amount?: unknown }[] } } };
  copy.tables.t1.rows.find((x) => x.row === row)!.amount = amount;
  return copy as unknown as Record<string, unknown>;
}

const DAY = 24 * 3600_000;

describe.each(databaseTargets())('review and publication on $name', (target) => {
  let f: Fixture;
  let p: People;
  withPeople(target, example, (ff, pp) => void ([f, p] = [ff, pp]));

  it('lists every unit of the tree expected for the year, by status, for the reviewer only their department', async () => {
    const all = await p.admin.json<ReviewDashboard>('GET', '/api/review?year=2022');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(5);
    expect(all.body.counts).toEqual({ draft: 2, not_started: 3 });
    const a = all.body.items.find((i) => i.organisation.id === p.unitA)!;
    expect(a).toMatchObject({
      status: 'draft',
      departmentName: '自治州对口援疆工作领导小组办公室',
      errorCount: 0,
    });
    expect(all.body.departments.map((d) => d.name)).toContain('自治州教育局（演示）');
    // The reviewer of 教育局 sees its two units, nothing of other departments.
    const mine = await p.reviewer.json<ReviewDashboard>('GET', '/api/review?year=2022');
    expect(mine.body.items.map((i) => i.organisation.code).sort()).toEqual(['CJZ-JYJ-001', 'CJZ-JYJ-002']);
    // Filters and sorting.
    const drafts = await p.admin.json<ReviewDashboard>(
      'GET',
      '/api/review?year=2022&status=draft&sort=status',
    );
    expect(drafts.body.items.map((i) => i.organisation.id).sort()).toEqual([p.unitA, p.unitB].sort());
    const named = await p.admin.json<ReviewDashboard>(
      'GET',
      `/api/review?year=2022&q=${encodeURIComponent('第一中学')}`,
    );
    expect(named.body.items.map((i) => i.organisation.code)).toEqual(['CJZ-JYJ-002']);
    const dept = all.body.departments.find((d) => d.name === '自治州卫生健康委员会（演示）')!;
    const byDept = await p.admin.json<ReviewDashboard>(
      'GET',
      `/api/review?year=2022&departmentId=${dept.id}`,
    );
    expect(byDept.body.items.map((i) => i.organisation.code)).toEqual(['CJZ-WJW-001', 'CJZ-WJW-002']);
    expect((await p.admin.json<Err>('GET', '/api/review?year=2022&status=lost')).status).toBe(400);
  });

  it('runs submit → return with a cell comment → fix → resubmit → approve → publish, each step logged', async () => {
    const id = p.disclosureB;
    // Not submitted yet: the reviewer cannot approve it.
    const early = await p.reviewer.json<Err>('POST', `/api/disclosures/${id}/approve`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/当前为「填报中」，不能审核通过/);

    const sub = await p.editorB.json<Workflow>('POST', `/api/disclosures/${id}/submit`, {});
    expect(sub.status).toBe(200);
    expect(sub.body.status).toBe('submitted');
    expect(sub.body.actions).toEqual([]);
    // Submitted data is locked for the editor.
    const locked = await p.editorB.json<Detail>('GET', `/api/disclosures/${id}`);
    const put = await p.editorB.json<Err>('PUT', `/api/disclosures/${id}`, {
      version: locked.body.disclosure.version,
      data: setT1(locked.body.data, 'otherIncome', '43.79'),
    });
    expect(put.status).toBe(409);

    const rev = await p.reviewer.json<Workflow>('GET', `/api/disclosures/${id}/workflow`);
    expect(rev.body.actions.sort()).toEqual(['approve', 'return']);
    const noComment = await p.reviewer.json<Err>('POST', `/api/disclosures/${id}/return`, { comment: '  ' });
    expect(noComment.status).toBe(400);
    const ret = await p.reviewer.json<Workflow>('POST', `/api/disclosures/${id}/return`, {
      comment: '其他收入与决算报表不一致，请核实',
      location: { table: 't1', row: '其他收入', column: '金额' },
      more: [
        { comment: '请补充增加的主要原因', location: { sentence: '2022年度收入总计' } },
        // The 上年决算数 beside this year's figure, and a 年初预算数 whose column is not named.
        {
          comment: '上年数与上年公开的不一致',
          location: { table: 't1', row: '其他收入', column: '金额', which: 'prior' },
        },
        { comment: '预算数请核对', location: { table: 't5', row: '合计', which: 'budget' } },
      ],
    });
    expect(ret.status).toBe(200);
    expect(ret.body.status).toBe('returned');
    expect(ret.body.comments).toHaveLength(4);
    expect(ret.body.comments[0]!.where).toBe('表一收入支出决算总表「其他收入」行「金额」列');
    expect(ret.body.comments[1]!.where).toContain('说明中“2022年度收入总计”');
    expect(ret.body.comments[2]!.where).toBe('表一收入支出决算总表「其他收入」行「上年决算数（金额）」列');
    expect(ret.body.comments[2]!.location).toMatchObject({ which: 'prior' });
    expect(ret.body.comments[3]!.where).toBe('表五一般公共预算财政拨款支出决算表「合计」行「年初预算数」列');
    const badWhich = await p.reviewer.json<Err>('POST', `/api/disclosures/${id}/return`, {
      comment: '无效的列',
      location: { table: 't1', which: 'later' },
    });
    expect(badWhich.status).toBe(400);

    // The editor sees the comments and may change the data again.
    const seen = await p.editorB.json<Workflow>('GET', `/api/disclosures/${id}/workflow`);
    expect(seen.body.comments.map((c) => c.body)).toContain('其他收入与决算报表不一致，请核实');
    expect(seen.body.comments.every((c) => c.resolvedAt === null)).toBe(true);
    expect(seen.body.actions).toEqual(['submit']);
    const cur = await p.editorB.json<Detail>('GET', `/api/disclosures/${id}`);
    // A change that breaks T1 cannot be submitted …
    const broken = await p.editorB.json<Detail>('PUT', `/api/disclosures/${id}`, {
      version: cur.body.disclosure.version,
      data: setT1(cur.body.data, 'otherIncome', '53.78'),
    });
    expect(broken.status).toBe(200);
    const blocked = await p.editorB.json<Err>('POST', `/api/disclosures/${id}/submit`, {});
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toMatch(/校验仍有 \d+ 个错误，不能提交/);
    // … the fix can.
    const fixed = await p.editorB.json<{ disclosure: { version: number; errorCount: number } }>(
      'PUT',
      `/api/disclosures/${id}`,
      { version: cur.body.disclosure.version + 1, data: cur.body.data },
    );
    expect(fixed.body.disclosure.errorCount).toBe(0);
    expect((await p.editorB.json('POST', `/api/disclosures/${id}/submit`, {})).status).toBe(200);

    const before = Date.now();
    const ok = await p.reviewer.json<Workflow>('POST', `/api/disclosures/${id}/approve`, {
      comment: '同意公开',
    });
    expect(ok.body.status).toBe('approved');
    const approvedAt = new Date(ok.body.approvedAt!).getTime();
    expect(approvedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(ok.body.deadline!).getTime() - approvedAt).toBe(20 * DAY);
    // Approval settles the open comments.
    expect(ok.body.comments.filter((c) => c.resolvedAt === null)).toEqual([]);
    expect(ok.body.publicPath).toBeNull();

    const pub = await p.reviewer.json<Workflow>('POST', `/api/disclosures/${id}/publish`, {});
    expect(pub.body.status).toBe('published');
    expect(pub.body.publicPath).toBe('/public/2022/CJZ-JYJ-002');
    expect(pub.body.actions).toEqual([]);

    const actions = pub.body.events.map((e) => e.action).reverse();
    expect(actions.filter((a) => a.startsWith('disclosure.') && a !== 'disclosure.save')).toEqual([
      'disclosure.create',
      'disclosure.submit',
      'disclosure.return',
      'disclosure.submit',
      'disclosure.approve',
      'disclosure.publish',
    ]);
    const log = await p.admin.json<{
      items: { action: string; actorName: string; summary: string; oldValue: unknown; newValue: unknown }[];
    }>('GET', `/api/audit-log?entityType=disclosure&entityId=${id}`);
    const returned = log.body.items.find((e) => e.action === 'disclosure.return')!;
    expect(returned.actorName).toBe('reviewer');
    expect(returned.oldValue).toEqual({ status: 'submitted' });
    expect(JSON.stringify(returned.newValue)).toContain('其他收入与决算报表不一致');

    const board = await p.reviewer.json<ReviewDashboard>('GET', '/api/review?year=2022');
    const b = board.body.items.find((i) => i.organisation.id === p.unitB)!;
    expect(b).toMatchObject({ status: 'published', publicPath: '/public/2022/CJZ-JYJ-002', openComments: 0 });
  });

  it('checks who may act: editors on their own units only, reviewers in their scope only, viewers never', async () => {
    const a = p.disclosureA;
    // Editor B cannot see unit A at all; editor A cannot review their own unit.
    expect((await p.editorB.json('POST', `/api/disclosures/${a}/submit`, {})).status).toBe(404);
    expect((await p.editorB.json('GET', `/api/disclosures/${a}/workflow`)).status).toBe(404);
    expect((await p.editorB.json('GET', `/api/disclosures/${a}/rectification-notice`)).status).toBe(404);
    expect((await p.editorA.json('POST', `/api/disclosures/${a}/submit`, {})).status).toBe(200);
    const self = await p.editorA.json<Err>('POST', `/api/disclosures/${a}/approve`, {});
    expect(self.status).toBe(403);
    expect(self.body.error.message).toMatch(/审核人员/);
    // The reviewer of 教育局 has no say over 援疆办's unit: it does not exist for them.
    expect((await p.reviewer.json('POST', `/api/disclosures/${a}/return`, { comment: '越权' })).status).toBe(
      404,
    );
    // A viewer of the bureau sees it but may not move it.
    const v = await p.viewer.json<Workflow>('GET', `/api/disclosures/${a}/workflow`);
    expect(v.status).toBe(200);
    expect(v.body.actions).toEqual([]);
    for (const action of ['approve', 'publish', 'submit'])
      expect((await p.viewer.json('POST', `/api/disclosures/${a}/${action}`, {})).status).toBe(403);
    expect((await p.viewer.json('POST', `/api/disclosures/${a}/return`, { comment: '不行' })).status).toBe(
      403,
    );
    // No session: 401; a session without the CSRF header: 403; the status did not move.
    const anon = f.client();
    expect((await anon.json('GET', `/api/disclosures/${a}/workflow`)).status).toBe(401);
    expect((await anon.json('GET', '/api/review?year=2022')).status).toBe(401);
    await anon.call('GET', '/api/health');
    expect((await anon.json('POST', `/api/disclosures/${a}/approve`, {})).status).toBe(401);
    const noCsrf = await p.admin.json<Err>('POST', `/api/disclosures/${a}/approve`, {}, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('E_CSRF');
    const still = await p.admin.json<Workflow>('GET', `/api/disclosures/${a}/workflow`);
    expect(still.body.status).toBe('submitted');
    expect(still.body.actions.sort()).toEqual(['approve', 'return']);
  });

  it('shows an approved disclosure past its deadline as overdue', async () => {
    const a = p.disclosureA;
    await p.admin.json('POST', `/api/disclosures/${a}/approve`, {});
    const board = await p.admin.json<ReviewDashboard>('GET', '/api/review?year=2022');
    expect(board.body.items.find((i) => i.organisation.id === p.unitA)!.status).toBe('approved');
    await f.deps.db
      .updateTable('disclosures')
      .set({ deadline: new Date(Date.now() - DAY).toISOString() })
      .where('id', '=', a)
      .execute();
    const late = await p.admin.json<ReviewDashboard>('GET', '/api/review?year=2022&status=overdue');
    expect(late.body.items.map((i) => i.organisation.id)).toEqual([p.unitA]);
    expect(late.body.counts['overdue']).toBe(1);
    const wf = await p.admin.json<Workflow>('GET', `/api/disclosures/${a}/workflow`);
    expect(wf.body.status).toBe('overdue');
    expect(wf.body.storedStatus).toBe('approved');
    // It can still be published, and then it is no longer overdue.
    expect((await p.admin.json<Workflow>('POST', `/api/disclosures/${a}/publish`, {})).body.status).toBe(
      'published',
    );
  });

  it('writes a 整改通知 DOCX listing each finding with its basis and the open comments', async () => {
    // A published disclosure is not returned any more (returning is for submitted or approved ones).
    const ret = await p.admin.json<Err>('POST', `/api/disclosures/${p.disclosureA}/return`, {
      comment: '晚了',
    });
    expect(ret.status).toBe(409);

    // A new unit of 教育局 whose data breaks T1's income sum, with a reviewer's comment on a cell.
    const unit = await p.admin.json<{ id: string }>('POST', '/api/organisations', {
      code: 'CJZ-JYJ-003',
      name: '自治州第二中学（演示）',
      kind: 'unit',
      parentId: await f.org('CJZ-JYJ'),
    });
    const created = await p.admin.json<{ disclosure: { id: string; version: number } }>(
      'POST',
      '/api/disclosures',
      {
        organisationId: unit.body.id,
        fileName: 'c.yaml',
        content: example.replace(
          '{ row: otherIncome, amount: 43.78 }',
          '{ row: otherIncome, amount: 53.78 }',
        ),
      },
    );
    expect(created.status).toBe(201);
    const id = created.body.disclosure.id;
    await p.reviewer.json('POST', `/api/disclosures/${id}/comments`, {
      body: '<b>人员经费</b>说明不完整',
      location: { table: 't3', row: '合计', column: '人员经费' },
    });
    const res = await p.reviewer.call('GET', `/api/disclosures/${id}/rectification-notice`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/wordprocessingml/);
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain(
      '自治州第二中学（演示）2022年度决算整改通知.docx',
    );
    const zip = await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
    // The notice addresses the unit as registered, not the other unit the data file names.
    expect(text).toContain('关于自治州第二中学（演示）2022年度部门决算公开的整改通知');
    expect(text).not.toContain('新疆昌吉回族自治州对口援疆工作领导小组办公室2022');
    expect(text).toContain('自治州教育局（演示）'); // issued by the reviewer's department
    // The broken T1 sum is listed with the rule's basis (its title and the official source).
    const wf = await p.admin.json<
      Detail & { findings: { findings: { rule: string; severity: string; message: string }[] } }
    >('GET', `/api/disclosures/${id}`);
    const errors = wf.body.findings.findings.filter((x) => x.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      const rule = ruleById(e.rule)!;
      expect(text).toContain(e.message);
      expect(text).toContain(`${rule.title}（${rule.basis}）`);
    }
    // HTML in a comment is text in the document, escaped in the XML.
    expect(xml).toContain('&lt;b&gt;人员经费&lt;/b&gt;说明不完整');
    expect(text).toContain('<b>人员经费</b>说明不完整');
    expect(text).toContain('表三');
  });

  it('serves published disclosures without login at a stable address, with CSV and the official files', async () => {
    const anon = f.client();
    const idx = await anon.json<PublicIndex>('GET', '/api/public/disclosures?year=2022');
    expect(idx.status).toBe(200);
    expect(idx.body.items.map((i) => i.path).sort()).toEqual([
      '/public/2022/CJZ-JYJ-002',
      '/public/2022/CJZ-YJB-001',
    ]);
    const search = await anon.json<PublicIndex>(
      'GET',
      `/api/public/disclosures?q=${encodeURIComponent('教育局')}`,
    );
    // Searched by department: unit B carries the example's unit name but belongs to 教育局.
    expect(search.body.items.map((i) => i.code)).toEqual(['CJZ-JYJ-002']);

    const one = await anon.json<PublicDisclosure>('GET', '/api/public/disclosures/2022/CJZ-YJB-001');
    expect(one.status).toBe(200);
    expect(one.body.unitName).toBe('新疆昌吉回族自治州对口援疆工作领导小组办公室');
    const paragraphs = one.body.document.blocks.filter((b) => b.type === 'paragraph').map((b) => b.text);
    expect(paragraphs.join('')).toContain('214.73');
    expect(one.body.document.tables.map((t) => t.id)).toContain('t1');
    expect(one.body.downloads.map((d) => d.format)).toEqual(['docx', 'xlsx', 'html', 'csv', 'json']);

    const csv = await anon.call('GET', '/api/public/disclosures/2022/CJZ-YJB-001/files/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const csvText = await csv.text();
    expect(csvText).toContain('214.73');
    expect(csvText.split('\n').length).toBeGreaterThan(20);
    const docx = await anon.call('GET', '/api/public/disclosures/2022/CJZ-YJB-001/files/docx');
    const docxXml = await (
      await JSZip.loadAsync(new Uint8Array(await docx.arrayBuffer()))
    )
      .file('word/document.xml')!
      .async('string');
    expect(docxXml).toContain('新疆昌吉回族自治州对口援疆工作领导小组办公室');
    const xlsx = await anon.call('GET', '/api/public/disclosures/2022/CJZ-YJB-001/files/xlsx');
    expect(new Uint8Array(await xlsx.arrayBuffer()).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));

    // A disclosure that is not published has no public page, and neither has an unknown code.
    const notPublished = await anon.json<Err>('GET', '/api/public/disclosures/2022/CJZ-JYJ-003');
    expect(notPublished.status).toBe(404);
    expect(notPublished.body.error.message).toMatch(/已公开的该单位决算不存在/);
    expect((await anon.json('GET', '/api/public/disclosures/2022/CJZ-JYJ-003/files/csv')).status).toBe(404);
    expect((await anon.json('GET', '/api/public/disclosures/2021/CJZ-YJB-001')).status).toBe(404);
    expect((await anon.json('GET', '/api/public/disclosures/2022/CJZ-YJB-001/files/exe')).status).toBe(400);
  });

  it('escapes a script in the unit name in the public HTML file', async () => {
    const code = 'CJZ-JYJ-001';
    const org = await f.org(code);
    const evil = example.replace(
      'name: 新疆昌吉回族自治州对口援疆工作领导小组办公室\n',
      'name: "<script>alert(1)</script>测试单位"\n',
    );
    const c = await p.admin.json<{ disclosure: { id: string } }>('POST', '/api/disclosures', {
      organisationId: org,
      fileName: 'x.yaml',
      content: evil,
    });
    expect(c.status).toBe(201);
    const id = c.body.disclosure.id;
    for (const a of ['submit', 'approve', 'publish'])
      expect((await p.admin.json('POST', `/api/disclosures/${id}/${a}`, {})).status, a).toBe(200);
    const anon = f.client();
    const one = await anon.json<PublicDisclosure>('GET', `/api/public/disclosures/2022/${code}`);
    // The public page names the unit as registered; the file prints the data's name, escaped.
    expect(one.body.unitName).toBe('自治州教育局本级（演示）');
    const html = await (await anon.call('GET', `/api/public/disclosures/2022/${code}/files/html`)).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;测试单位');
  });

  it('withdraws a publication with a reason, by an admin or a bureau reviewer only: the public page says so, the index drops it, the dashboard and the log show it', async () => {
    const a = p.disclosureA; // published by the overdue test
    const created = await p.admin.json('POST', '/api/users', {
      username: 'bureau-reviewer',
      displayName: '财政局审核员',
      role: 'reviewer',
      scopes: [await f.org('CJZ-CZJ')],
      password: 'test-password-2024',
    });
    expect(created.status).toBe(201);
    const bureau = f.client();
    expect((await bureau.login('bureau-reviewer', 'test-password-2024')).status).toBe(200);
    const reason = '表三“一般公共预算财政拨款支出”数据有误，更正后重新公开';

    // Who may not: the unit's editor and a viewer (403), another unit's editor (404), a department's reviewer (403).
    for (const who of [p.editorA, p.viewer]) {
      const r = await who.json<Err>('POST', `/api/disclosures/${a}/withdraw`, { reason });
      expect(r.status).toBe(403);
      expect(r.body.error.message).toMatch(/撤回公开/);
    }
    expect((await p.editorB.json('POST', `/api/disclosures/${a}/withdraw`, { reason })).status).toBe(404);
    const dept = await p.reviewer.json<Err>('POST', `/api/disclosures/${p.disclosureB}/withdraw`, { reason });
    expect(dept.status).toBe(403);
    expect(dept.body.error.message).toBe('只有系统管理员或财政局的审核人员可以撤回公开');
    expect(
      (await p.reviewer.json<Workflow>('GET', `/api/disclosures/${p.disclosureB}/workflow`)).body.actions,
    ).not.toContain('withdraw');
    // A reason is required.
    const blank = await bureau.json<Err>('POST', `/api/disclosures/${a}/withdraw`, { reason: '  ' });
    expect(blank.status).toBe(400);
    const anon = f.client();
    expect((await anon.json('GET', '/api/public/disclosures/2022/CJZ-YJB-001')).status).toBe(200);

    const before = await bureau.json<Workflow>('GET', `/api/disclosures/${a}/workflow`);
    expect(before.body.actions).toContain('withdraw');
    const w = await bureau.json<Workflow>('POST', `/api/disclosures/${a}/withdraw`, { reason });
    expect(w.status).toBe(200);
    expect(w.body).toMatchObject({ status: 'withdrawn', storedStatus: 'approved', publicPath: null });
    expect(w.body.withdrawal).toMatchObject({ by: '财政局审核员', reason });
    expect(w.body.actions.sort()).toEqual(['publish', 'return']);
    expect(w.body.events[0]).toMatchObject({ action: 'disclosure.withdraw', actorName: '财政局审核员' });
    expect(w.body.events[0]!.summary).toContain(reason);
    // Twice is a conflict: it is no longer published.
    expect((await bureau.json('POST', `/api/disclosures/${a}/withdraw`, { reason })).status).toBe(409);

    // The public page and its files: 404 saying when and why; the index no longer lists it.
    const gone = await anon.json<Err & { error: { details: { withdrawn: Record<string, unknown> } } }>(
      'GET',
      '/api/public/disclosures/2022/CJZ-YJB-001',
    );
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toContain('撤回公开');
    expect(gone.body.error.message).toContain(reason);
    expect(gone.body.error.details.withdrawn).toMatchObject({
      reason,
      year: 2022,
      unitName: '新疆昌吉回族自治州对口援疆工作领导小组办公室',
    });
    expect((await anon.json('GET', '/api/public/disclosures/2022/CJZ-YJB-001/files/csv')).status).toBe(404);
    const idx = await anon.json<PublicIndex>('GET', '/api/public/disclosures?year=2022');
    expect(idx.body.items.map((i) => i.code)).not.toContain('CJZ-YJB-001');
    // The dashboard shows it withdrawn, and filters by it.
    const board = await p.admin.json<ReviewDashboard>('GET', '/api/review?year=2022&status=withdrawn');
    expect(board.body.items.map((i) => i.organisation.id)).toEqual([p.unitA]);
    expect(board.body.counts['withdrawn']).toBe(1);
    // So does the list of 决算填报与审核 (stored status approved, shown as withdrawn).
    const listed = await p.admin.json<{
      items: { organisation: { id: string }; status: string; disclosure: { withdrawn: boolean } | null }[];
    }>('GET', '/api/disclosures?year=2022');
    const itemA = listed.body.items.find((i) => i.organisation.id === p.unitA);
    expect(itemA).toMatchObject({ status: 'approved', disclosure: { withdrawn: true } });
    expect(listed.body.items.filter((i) => i.disclosure?.withdrawn)).toHaveLength(1);
    const log = await p.admin.json<{ items: { action: string; summary: string }[] }>(
      'GET',
      `/api/audit-log?entityType=disclosure&entityId=${a}`,
    );
    expect(log.status).toBe(200);
    expect(log.body.items.some((e) => e.action === 'disclosure.withdraw' && e.summary.includes(reason))).toBe(
      true,
    );

    // Published again (by the admin): the page is back, the withdrawal is over.
    const again = await p.admin.json<Workflow>('POST', `/api/disclosures/${a}/publish`, {});
    expect(again.body).toMatchObject({ status: 'published', withdrawal: null });
    expect((await anon.json('GET', '/api/public/disclosures/2022/CJZ-YJB-001')).status).toBe(200);
    // Withdrawn, returned to the unit, fixed, approved: a fresh approval, no longer withdrawn.
    expect((await p.admin.json('POST', `/api/disclosures/${a}/withdraw`, { reason })).status).toBe(200);
    expect(
      (await p.admin.json('POST', `/api/disclosures/${a}/return`, { comment: '请更正表三' })).status,
    ).toBe(200);
    expect((await p.editorA.json('POST', `/api/disclosures/${a}/submit`, {})).status).toBe(200);
    const approved = await p.admin.json<Workflow>('POST', `/api/disclosures/${a}/approve`, {});
    expect(approved.body).toMatchObject({ status: 'approved', publishedAt: null, withdrawal: null });
    expect((await p.admin.json<Workflow>('POST', `/api/disclosures/${a}/publish`, {})).body.status).toBe(
      'published',
    );
  });

  it('describes the review, public and document-audit routes in the OpenAPI document, the public ones without a session', async () => {
    const doc = await f.client().json<{
      paths: Record<
        string,
        Record<string, { security?: unknown[]; requestBody?: { content: Record<string, unknown> } }>
      >;
      components: { schemas: Record<string, unknown> };
    }>('GET', '/api/openapi.json');
    for (const path of [
      '/api/review',
      '/api/disclosures/{id}/workflow',
      '/api/disclosures/{id}/submit',
      '/api/disclosures/{id}/return',
      '/api/disclosures/{id}/approve',
      '/api/disclosures/{id}/publish',
      '/api/disclosures/{id}/withdraw',
      '/api/disclosures/{id}/rectification-notice',
      '/api/public/disclosures',
      '/api/public/disclosures/{year}/{code}',
      '/api/public/disclosures/{year}/{code}/files/{format}',
      '/api/document-audits',
      '/api/document-audits/{id}/pages/{page}',
    ])
      expect(Object.keys(doc.body.paths), path).toContain(path);
    expect(doc.body.paths['/api/public/disclosures/{year}/{code}']!['get']!.security).toEqual([]);
    expect(doc.body.paths['/api/review']!['get']!.security).toBeUndefined();
    expect(Object.keys(doc.body.paths['/api/document-audits']!['post']!.requestBody!.content)).toEqual([
      'multipart/form-data',
    ]);
    for (const name of [
      'ReturnBody',
      'Workflow',
      'ReviewDashboard',
      'PublicDisclosure',
      'PublicWithdrawn',
      'WithdrawBody',
      'DocumentAuditDetail',
    ])
      expect(doc.body.components.schemas).toHaveProperty(name);
  });
});
