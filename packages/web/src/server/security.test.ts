/** The security guarantees of issue 11, on every database target. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, type Fixture } from './testing/fixture.ts';
import { withPeople, type People } from './testing/people.ts';
import { databaseTargets } from './testing/targets.ts';

const example = readFileSync(join(EXAMPLES_DIR, 'changji-2022.yaml'), 'utf8');

interface Detail {
  disclosure: { version: number };
  data: Record<string, unknown>;
}

describe.each(databaseTargets())('security on $name', (target) => {
  let f: Fixture;
  let p: People;
  withPeople(target, example, (ff, pp) => void ([f, p] = [ff, pp]));

  it('refuses every API call without a session with 401 and a Chinese message', async () => {
    const anon = f.client();
    for (const path of [
      '/api/auth/me',
      '/api/organisations',
      '/api/users',
      `/api/disclosures/${p.disclosureA}`,
      '/api/disclosures?year=2022',
      '/api/audit-log',
    ]) {
      const r = await anon.json<{ error: { code: string; message: string } }>('GET', path);
      expect(r.status, path).toBe(401);
      expect(r.body.error.code).toBe('E_UNAUTHENTICATED');
      expect(r.body.error.message).toMatch(/未登录/);
    }
    // A write with a valid pre-login CSRF token but no session is 401 too.
    await anon.call('GET', '/api/health');
    const w = await anon.json('PUT', `/api/disclosures/${p.disclosureA}`, { version: 1, data: {} });
    expect(w.status).toBe(401);
  });

  it('refuses a write without the CSRF header, or with a wrong one, with 403', async () => {
    const missing = await p.admin.json<{ error: { code: string; message: string } }>(
      'POST',
      '/api/organisations',
      { code: 'X1', name: '甲', kind: 'bureau', parentId: null },
      { csrf: false },
    );
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('E_CSRF');
    expect(missing.body.error.message).toMatch(/安全令牌/);
    const wrong = await p.admin.json(
      'POST',
      '/api/organisations',
      { code: 'X1', name: '甲', kind: 'bureau', parentId: null },
      { csrf: 'x'.repeat(43) },
    );
    expect(wrong.status).toBe(403);
    // The pre-login cookie token is not the session's token: a signed-in write needs the session's.
    const login = f.client();
    await login.call('GET', '/api/health');
    const preLogin = login.cookies.get('juesuan_csrf')!;
    const res = await login.login('editor-a', 'test-password-2024');
    expect(res.status).toBe(200);
    const stale = await login.json('POST', '/api/validate', { data: {} }, { csrf: preLogin });
    expect(stale.status).toBe(403);
    const noCsrfLogin = await f
      .client()
      .json('POST', '/api/auth/login', { username: 'admin', password: 'x' }, { csrf: false });
    expect(noCsrfLogin.status).toBe(403);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, and Secure behind TLS', async () => {
    const c = f.client();
    await c.call('GET', '/api/health');
    const res = await c.call('POST', '/api/auth/login', {
      username: 'editor-a',
      password: 'test-password-2024',
    });
    const cookie = res.headers.getSetCookie().find((s) => s.startsWith('juesuan_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const tls = f.client();
    await tls.call('GET', '/api/health');
    const res2 = await tls.call(
      'POST',
      '/api/auth/login',
      { username: 'editor-a', password: 'test-password-2024' },
      { headers: { 'X-Forwarded-Proto': 'https' } },
    );
    expect(res2.headers.getSetCookie().find((s) => s.startsWith('juesuan_session='))).toMatch(/Secure/);
  });

  it('lets an editor see and change only their own unit', async () => {
    const list = await p.editorA.json<{ items: { organisation: { id: string } }[] }>(
      'GET',
      '/api/disclosures?year=2022',
    );
    expect(list.body.items.map((i) => i.organisation.id)).toEqual([p.unitA]);
    expect((await p.editorA.json('GET', `/api/disclosures/${p.disclosureA}`)).status).toBe(200);
    // Another unit's disclosure does not exist for this editor: 404, not 403, so that ids reveal nothing.
    const other = await p.editorA.json<Detail>('GET', `/api/disclosures/${p.disclosureB}`);
    expect(other.status).toBe(404);
    const own = await p.editorB.json<Detail>('GET', `/api/disclosures/${p.disclosureB}`);
    const put = await p.editorA.json('PUT', `/api/disclosures/${p.disclosureB}`, {
      version: own.body.disclosure.version,
      data: own.body.data,
    });
    expect(put.status).toBe(404);
    expect((await p.editorA.json('GET', `/api/disclosures/${p.disclosureB}/versions`)).status).toBe(404);
    expect(
      (
        await p.editorA.json('POST', `/api/disclosures/${p.disclosureB}/versions/1/restore`, {
          currentVersion: 1,
        })
      ).status,
    ).toBe(404);
    expect(
      (await p.editorA.json('POST', `/api/disclosures/${p.disclosureB}/comments`, { body: '看看' })).status,
    ).toBe(404);
    const create = await p.editorA.json('POST', '/api/disclosures', {
      organisationId: p.unitB,
      fileName: 'x.yaml',
      content: example,
    });
    expect(create.status).toBe(404);
    const tree = await p.editorA.json<{ items: { id: string; kind: string }[] }>('GET', '/api/organisations');
    expect(tree.body.items.filter((o) => o.kind === 'unit').map((o) => o.id)).toEqual([p.unitA]);
    // Nothing of unit B changed.
    const after = await p.editorB.json<Detail>('GET', `/api/disclosures/${p.disclosureB}`);
    expect(after.body.disclosure.version).toBe(own.body.disclosure.version);
  });

  it('lets a viewer read but never write', async () => {
    const d = await p.viewer.json<Detail>('GET', `/api/disclosures/${p.disclosureA}`);
    expect(d.status).toBe(200);
    expect((d.body as unknown as { canEdit: boolean }).canEdit).toBe(false);
    const put = await p.viewer.json<{ error: { code: string } }>('PUT', `/api/disclosures/${p.disclosureA}`, {
      version: d.body.disclosure.version,
      data: d.body.data,
    });
    expect(put.status).toBe(403);
    expect(put.body.error.code).toBe('E_FORBIDDEN');
    expect(
      (
        await p.viewer.json('POST', '/api/disclosures', {
          organisationId: p.unitA,
          fileName: 'x.yaml',
          content: example,
        })
      ).status,
    ).toBe(403);
    expect(
      (await p.viewer.json('POST', `/api/disclosures/${p.disclosureA}/comments`, { body: '意见' })).status,
    ).toBe(403);
    expect(
      (
        await p.viewer.json('POST', '/api/organisations', {
          code: 'V1',
          name: '乙',
          kind: 'bureau',
          parentId: null,
        })
      ).status,
    ).toBe(403);
    expect((await p.viewer.json('GET', '/api/users')).status).toBe(403);
    expect((await p.viewer.json('POST', '/api/jobs/revalidate', { year: 2022 })).status).toBe(403);
  });

  it('keeps reviewers to their department and out of the data', async () => {
    expect((await p.reviewer.json('GET', `/api/disclosures/${p.disclosureB}`)).status).toBe(200);
    expect((await p.reviewer.json('GET', `/api/disclosures/${p.disclosureA}`)).status).toBe(404);
    const d = await p.reviewer.json<Detail>('GET', `/api/disclosures/${p.disclosureB}`);
    expect(
      (
        await p.reviewer.json('PUT', `/api/disclosures/${p.disclosureB}`, {
          version: d.body.disclosure.version,
          data: d.body.data,
        })
      ).status,
    ).toBe(403);
    expect(
      (await p.reviewer.json('POST', `/api/disclosures/${p.disclosureB}/comments`, { body: '请核对表五' }))
        .status,
    ).toBe(201);
  });

  it('keeps user and organisation management to admins', async () => {
    for (const c of [p.editorA, p.reviewer, p.viewer]) {
      expect((await c.json('GET', '/api/users')).status).toBe(403);
      expect(
        (
          await c.json('POST', '/api/users', {
            username: 'evil',
            displayName: 'x',
            role: 'admin',
            scopes: [],
          })
        ).status,
      ).toBe(403);
      expect((await c.json('DELETE', `/api/organisations/${p.unitA}`)).status).toBe(403);
      const msg = await c.json<{ error: { message: string } }>('PATCH', `/api/organisations/${p.unitA}`, {
        name: '改名',
      });
      expect(msg.status).toBe(403);
      expect(msg.body.error.message).toBe('此操作仅限系统管理员');
    }
  });

  it('returns HTML in a unit name as the same text, never interpreted', async () => {
    const bureau = await f.org('CJZ-CZJ');
    const dept = await p.admin.json<{ id: string }>('POST', '/api/organisations', {
      code: 'XSS-D',
      name: '测试部门',
      kind: 'department',
      parentId: bureau,
    });
    const name = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const r = await p.admin.json<{ name: string }>('POST', '/api/organisations', {
      code: 'XSS-U',
      name,
      kind: 'unit',
      parentId: dept.body.id,
    });
    expect(r.status).toBe(201);
    expect(r.body.name).toBe(name);
    const res = await p.admin.call('GET', '/api/organisations');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });

  it('throttles password guessing per account, and warns before the wait', async () => {
    const c = f.client();
    await c.call('GET', '/api/health');
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await c.json<{ error: { code: string; message: string } }>('POST', '/api/auth/login', {
        username: 'viewer',
        password: `guess-${i}`,
      });
      expect(r.status).toBe(401);
      messages.push(r.body.error.message);
    }
    expect(messages.slice(0, 2)).toEqual(['用户名或密码不正确', '用户名或密码不正确']);
    expect(messages[2]).toBe('用户名或密码不正确（再错 2 次，将须等待 15 分钟才能再试）');
    expect(messages[3]).toBe('用户名或密码不正确（再错 1 次，将须等待 15 分钟才能再试）');
    expect(messages[4]).toMatch(/^用户名或密码不正确。失败次数过多，请 15 分钟后再试/);
    const locked = await c.call('POST', '/api/auth/login', {
      username: 'viewer',
      password: 'test-password-2024',
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await locked.json()) as { error: { message: string } }).error.message).toMatch(/分钟后再试/);
    // The already signed-in viewer is unaffected; the unknown-user path answers the same way.
    expect((await p.viewer.json('GET', '/api/auth/me')).status).toBe(200);
    const unknown = await c.json<{ error: { message: string } }>('POST', '/api/auth/login', {
      username: 'nobody',
      password: 'x',
    });
    expect(unknown.body.error.message).toBe('用户名或密码不正确');
  });

  it('a new password set by an administrator lifts the wait of a locked-out account', async () => {
    const made = await p.admin.json<{ user: { id: string } }>('POST', '/api/users', {
      username: 'forgetful',
      displayName: '健忘的填报员',
      role: 'viewer',
      scopes: [p.unitA],
      password: 'first-password-2024',
    });
    expect(made.status).toBe(201);
    const c = f.client();
    await c.call('GET', '/api/health');
    for (let i = 0; i < 5; i++)
      await c.call('POST', '/api/auth/login', { username: 'forgetful', password: `wrong-${i}` });
    expect((await c.login('forgetful', 'first-password-2024')).status).toBe(429);
    const reset = await p.admin.json('PATCH', `/api/users/${made.body.user.id}`, {
      password: 'second-password-2024',
    });
    expect(reset.status).toBe(200);
    expect((await c.login('forgetful', 'second-password-2024')).status).toBe(200);
  });

  it('never leaks stack traces or SQL: bad JSON, bad fields and unknown routes get Chinese errors', async () => {
    const bad = await p.admin.json<{ error: { code: string; message: string } }>(
      'POST',
      '/api/organisations',
      undefined,
      { raw: '{not json' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('请求内容不是有效的 JSON');
    const fields = await p.admin.json<{ error: { code: string; message: string; problems: unknown[] } }>(
      'POST',
      '/api/organisations',
      { code: '空 格', name: '', kind: 'planet', parentId: null },
    );
    expect(fields.status).toBe(400);
    expect(fields.body.error.code).toBe('E_BAD_REQUEST');
    expect(fields.body.error.message).toMatch(/请求数据不合法/);
    // Fields in words, zod's wording in plain Chinese: never "name 数值过小：期望 string >=1 字符".
    expect(fields.body.error.message).toContain('名称不能为空');
    expect(fields.body.error.message).toContain('类型不在可选的范围内');
    expect(fields.body.error.message).toContain('代码：编码只能由字母、数字');
    expect(fields.body.error.message).not.toMatch(/期望|string|kind|name/);
    const user = await p.admin.json<{ error: { message: string } }>('POST', '/api/users', {
      username: 'new-user',
      displayName: '',
      role: 'editor',
      scopes: [],
      password: 'a-long-password-1',
    });
    expect(user.status).toBe(400);
    expect(user.body.error.message).toContain('姓名不能为空');
    expect(user.body.error.message).not.toMatch(/displayName|期望/);
    expect(JSON.stringify(fields.body)).not.toMatch(/at .*\.ts|select |insert |Invalid/);
    const none = await p.admin.json<{ error: { message: string } }>('GET', '/api/nothing-here');
    expect(none.status).toBe(404);
    expect(none.body.error.message).toBe('接口不存在');
  });

  it('ends the session on logout', async () => {
    const c = f.client();
    await c.login('editor-b', 'test-password-2024');
    expect((await c.json('GET', '/api/auth/me')).status).toBe(200);
    const token = c.cookies.get('juesuan_session')!;
    expect((await c.call('POST', '/api/auth/logout')).status).toBe(204);
    c.cookies.set('juesuan_session', token);
    expect((await c.json('GET', '/api/auth/me')).status).toBe(401);
  });
});
