/** Login, logout, the signed-in user, and changing one's own password. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  ChangePasswordBodySchema,
  LoginBodySchema,
  LoginResponseSchema,
  MeSchema,
  type Me,
} from '../api-schemas.ts';
import { recordAudit } from '../audit-log.ts';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from '../auth/password.ts';
import { overTls, requireUser, setCsrfCookie } from '../auth/middleware.ts';
import { SESSION_COOKIE, createSession, deleteSession } from '../auth/sessions.ts';
import { nowIso, type AppDeps, type AppEnv, type SessionUser } from '../context.ts';
import { ApiError, ApiErrorCode } from '../errors.ts';
import { errorResponses, jsonBody, jsonContent } from './common.ts';

export async function meOf(deps: AppDeps, user: SessionUser): Promise<Me> {
  const scopes =
    user.scopeIds.length === 0
      ? []
      : await deps.db
          .selectFrom('organisations')
          .select(['id', 'name', 'kind'])
          .where('id', 'in', user.scopeIds)
          .orderBy('name')
          .execute();
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    scopes,
    mustChangePassword: user.mustChangePassword,
  };
}

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['登录'],
  summary: '登录',
  request: jsonBody(LoginBodySchema),
  responses: {
    200: jsonContent(LoginResponseSchema, '已登录；会话 Cookie 已设置'),
    ...errorResponses(400, 401, 403, 429),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['登录'],
  summary: '退出登录',
  responses: { 204: { description: '已退出' }, ...errorResponses(403) },
});

const me = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: ['登录'],
  summary: '当前用户',
  responses: { 200: jsonContent(MeSchema, '当前用户'), ...errorResponses(401) },
});

const changePassword = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags: ['登录'],
  summary: '修改本人密码',
  request: jsonBody(ChangePasswordBodySchema),
  responses: { 204: { description: '已修改' }, ...errorResponses(400, 401, 403) },
});

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { db, config, throttle } = deps;

  app.openapi(login, async (c) => {
    const body = c.req.valid('json');
    const username = body.username.toLowerCase();
    const ip = c.get('ip');
    const wait = throttle.retryAfter(username, ip);
    if (wait > 0) {
      throw new ApiError(
        ApiErrorCode.TooManyAttempts,
        `登录失败次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试`,
        { retryAfter: wait },
      );
    }
    const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    const ok = await verifyPassword(
      body.password,
      user?.password_hash ?? (await dummyPasswordHash(config.scryptCost)),
    );
    if (!user || !ok) {
      const left = throttle.fail(username, ip);
      await recordAudit(db, {
        actor: null,
        ip,
        action: 'login.failed',
        entityType: 'session',
        entityId: user?.id ?? null,
        summary: `用户名「${username}」登录失败`,
      });
      // The last tries before a wait say so, so that the owner can stop and ask for a new password.
      throw new ApiError(
        ApiErrorCode.BadCredentials,
        left === 0
          ? `用户名或密码不正确。失败次数过多，请 ${throttle.lockMinutes} 分钟后再试，或请系统管理员重设密码`
          : left <= 2
            ? `用户名或密码不正确（再错 ${left} 次，将须等待 ${throttle.lockMinutes} 分钟才能再试）`
            : '用户名或密码不正确',
      );
    }
    if (user.disabled) throw new ApiError(ApiErrorCode.Forbidden, '该账号已停用，请联系系统管理员');
    throttle.succeed(username);
    const { token, csrfToken } = await createSession(db, config, user.id, ip, c.req.header('user-agent'));
    await db.updateTable('users').set({ last_login_at: nowIso() }).where('id', '=', user.id).execute();
    await recordAudit(db, {
      actor: { id: user.id, displayName: user.display_name },
      ip,
      action: 'login',
      entityType: 'session',
      entityId: user.id,
      summary: `${user.display_name} 登录`,
    });
    const secure = overTls(c, config.secureCookies);
    setCookie(c, SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure });
    setCsrfCookie(c, deps, csrfToken);
    const scopes = await db
      .selectFrom('user_scopes')
      .select('organisation_id')
      .where('user_id', '=', user.id)
      .execute();
    const sessionUser: SessionUser = {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role,
      scopeIds: scopes.map((s) => s.organisation_id),
      mustChangePassword: user.must_change_password === 1,
    };
    return c.json({ user: await meOf(deps, sessionUser), csrfToken }, 200);
  });

  app.openapi(logout, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const user = c.get('user');
    if (token) await deleteSession(db, token);
    if (user)
      await recordAudit(db, {
        actor: user,
        ip: c.get('ip'),
        action: 'logout',
        entityType: 'session',
        entityId: user.id,
        summary: `${user.displayName} 退出登录`,
      });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  app.openapi(me, async (c) => c.json(await meOf(deps, requireUser(c)), 200));

  app.openapi(changePassword, async (c) => {
    const user = requireUser(c);
    const body = c.req.valid('json');
    const row = await db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    if (!(await verifyPassword(body.oldPassword, row.password_hash)))
      throw new ApiError(ApiErrorCode.BadRequest, '原密码不正确');
    const problem = passwordProblem(body.newPassword);
    if (problem) throw new ApiError(ApiErrorCode.BadRequest, problem);
    await db
      .updateTable('users')
      .set({
        password_hash: await hashPassword(body.newPassword, config.scryptCost),
        must_change_password: 0,
        updated_at: nowIso(),
      })
      .where('id', '=', user.id)
      .execute();
    // Other sessions of this user end: a changed password must lock out whoever knew the old one.
    const session = c.get('session');
    await db
      .deleteFrom('sessions')
      .where('user_id', '=', user.id)
      .$if(session !== null, (q) => q.where('id', '!=', session!.id))
      .execute();
    await recordAudit(db, {
      actor: user,
      ip: c.get('ip'),
      action: 'user.password',
      entityType: 'user',
      entityId: user.id,
      summary: `${user.displayName} 修改了本人密码`,
    });
    return c.body(null, 204);
  });
}
