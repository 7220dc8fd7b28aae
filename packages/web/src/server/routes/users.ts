/** User accounts (system administrators only): roles, the organisations each works on, passwords. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely, Transaction } from 'kysely';
import {
  UserCreateSchema,
  UserCreatedSchema,
  UserListSchema,
  UserSchema,
  UserUpdateSchema,
  type User,
} from '../api-schemas.ts';
import { recordAudit } from '../audit-log.ts';
import { generatePassword, hashPassword, passwordProblem } from '../auth/password.ts';
import { requireRole } from '../auth/middleware.ts';
import { newId } from '../auth/sessions.ts';
import { nowIso, type AppDeps, type AppEnv } from '../context.ts';
import type { DB, Role, UserRow } from '../db/schema.ts';
import { ApiError, ApiErrorCode, notFound } from '../errors.ts';
import { errorResponses, jsonBody, jsonContent } from './common.ts';

function userOut(u: UserRow, scopes: string[]): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    disabled: u.disabled === 1,
    scopes,
    createdAt: u.created_at,
    lastLoginAt: u.last_login_at,
  };
}

/** An editor works on units; a reviewer on a department or a bureau; a viewer anywhere; an admin everywhere (no scope). */
async function checkScopes(db: Kysely<DB>, role: Role, scopes: readonly string[]): Promise<void> {
  if (role === 'admin') {
    if (scopes.length > 0)
      throw new ApiError(ApiErrorCode.BadRequest, '系统管理员可管理全部机构，不需要设置权限范围');
    return;
  }
  if (scopes.length === 0)
    throw new ApiError(ApiErrorCode.BadRequest, '请为该用户选择至少一个机构作为权限范围');
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'kind', 'name'])
    .where('id', 'in', [...scopes])
    .execute();
  if (rows.length !== new Set(scopes).size) throw notFound('权限范围中的机构');
  for (const r of rows) {
    if (role === 'editor' && r.kind !== 'unit')
      throw new ApiError(ApiErrorCode.BadRequest, `填报人员的权限范围只能是单位，「${r.name}」不是单位`);
    if (role === 'reviewer' && r.kind === 'unit')
      throw new ApiError(ApiErrorCode.BadRequest, `审核人员的权限范围应为部门或财政局，「${r.name}」是单位`);
  }
}

async function activeAdminCount(db: Kysely<DB> | Transaction<DB>): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const idParam = z.object({ id: z.string().min(1).max(100) });
const list = createRoute({
  method: 'get',
  path: '/api/users',
  tags: ['用户'],
  summary: '用户列表（系统管理员）',
  responses: { 200: jsonContent(UserListSchema, '全部用户'), ...errorResponses(401, 403) },
});
const create = createRoute({
  method: 'post',
  path: '/api/users',
  tags: ['用户'],
  summary: '新增用户（系统管理员）；未给密码时生成初始密码，只返回这一次',
  request: jsonBody(UserCreateSchema),
  responses: { 201: jsonContent(UserCreatedSchema, '已新增'), ...errorResponses(400, 401, 403, 404, 409) },
});
const update = createRoute({
  method: 'patch',
  path: '/api/users/{id}',
  tags: ['用户'],
  summary: '修改用户（系统管理员）',
  request: { params: idParam, ...jsonBody(UserUpdateSchema) },
  responses: { 200: jsonContent(UserSchema, '已修改'), ...errorResponses(400, 401, 403, 404, 409) },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/users/{id}',
  tags: ['用户'],
  summary: '删除用户（系统管理员）',
  request: { params: idParam },
  responses: { 204: { description: '已删除' }, ...errorResponses(401, 403, 404, 409) },
});

export function registerUserRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { db, config } = deps;

  const scopesOf = async (ids: string[]): Promise<Map<string, string[]>> => {
    const out = new Map<string, string[]>(ids.map((i) => [i, []]));
    if (ids.length === 0) return out;
    const rows = await db.selectFrom('user_scopes').selectAll().where('user_id', 'in', ids).execute();
    for (const r of rows) out.get(r.user_id)?.push(r.organisation_id);
    return out;
  };

  app.openapi(list, async (c) => {
    requireRole(c, 'admin');
    const users = await db.selectFrom('users').selectAll().orderBy('username').execute();
    const scopes = await scopesOf(users.map((u) => u.id));
    return c.json({ items: users.map((u) => userOut(u, scopes.get(u.id) ?? [])) }, 200);
  });

  app.openapi(create, async (c) => {
    const admin = requireRole(c, 'admin');
    const body = c.req.valid('json');
    const username = body.username.toLowerCase();
    const scopes = [...new Set(body.scopes)];
    await checkScopes(db, body.role, scopes);
    if (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst())
      throw new ApiError(ApiErrorCode.Conflict, `用户名「${username}」已被使用`);
    let initialPassword: string | undefined;
    if (body.password !== undefined) {
      const problem = passwordProblem(body.password);
      if (problem) throw new ApiError(ApiErrorCode.BadRequest, problem);
    } else initialPassword = generatePassword();
    const now = nowIso();
    const row: UserRow = {
      id: newId(),
      username,
      display_name: body.displayName,
      role: body.role,
      password_hash: await hashPassword(body.password ?? initialPassword!, config.scryptCost),
      disabled: 0,
      must_change_password: 1,
      created_at: now,
      updated_at: now,
      last_login_at: null,
    };
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values(row).execute();
      if (scopes.length > 0)
        await trx
          .insertInto('user_scopes')
          .values(scopes.map((organisation_id) => ({ user_id: row.id, organisation_id })))
          .execute();
      await recordAudit(trx, {
        actor: admin,
        ip: c.get('ip'),
        action: 'user.create',
        entityType: 'user',
        entityId: row.id,
        summary: `新增用户「${row.display_name}」（${username}）`,
        newValue: userOut(row, scopes),
      });
    });
    const user = userOut(row, scopes);
    return c.json(initialPassword ? { user, initialPassword } : { user }, 201);
  });

  app.openapi(update, async (c) => {
    const admin = requireRole(c, 'admin');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const old = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!old) throw notFound('用户');
    const oldScopes = (await scopesOf([id])).get(id) ?? [];
    const role = body.role ?? old.role;
    const scopes = body.scopes ? [...new Set(body.scopes)] : role === 'admin' ? [] : oldScopes;
    if (body.role !== undefined || body.scopes !== undefined) await checkScopes(db, role, scopes);
    if (body.password !== undefined) {
      const problem = passwordProblem(body.password);
      if (problem) throw new ApiError(ApiErrorCode.BadRequest, problem);
    }
    const disabled = body.disabled === undefined ? old.disabled : body.disabled ? 1 : 0;
    const losesAdmin = old.role === 'admin' && old.disabled === 0 && (role !== 'admin' || disabled === 1);
    const next: UserRow = {
      ...old,
      display_name: body.displayName ?? old.display_name,
      role,
      disabled,
      updated_at: nowIso(),
      ...(body.password !== undefined
        ? { password_hash: await hashPassword(body.password, config.scryptCost), must_change_password: 1 }
        : {}),
    };
    await db.transaction().execute(async (trx) => {
      if (losesAdmin && (await activeAdminCount(trx)) <= 1)
        throw new ApiError(ApiErrorCode.Conflict, '至少要保留一个可用的系统管理员');
      await trx
        .updateTable('users')
        .set({
          display_name: next.display_name,
          role: next.role,
          disabled: next.disabled,
          password_hash: next.password_hash,
          must_change_password: next.must_change_password,
          updated_at: next.updated_at,
        })
        .where('id', '=', id)
        .execute();
      await trx.deleteFrom('user_scopes').where('user_id', '=', id).execute();
      if (scopes.length > 0)
        await trx
          .insertInto('user_scopes')
          .values(scopes.map((organisation_id) => ({ user_id: id, organisation_id })))
          .execute();
      // Whoever held a session of this account must sign in again under the new role, scope or password.
      if (body.password !== undefined || disabled === 1 || role !== old.role || body.scopes !== undefined)
        await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      // A new password given by an administrator lifts a login wait (the owner may have locked themselves out).
      if (body.password !== undefined) deps.throttle.succeed(old.username);
      await recordAudit(trx, {
        actor: admin,
        ip: c.get('ip'),
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        summary: `修改用户「${old.display_name}」（${old.username}）${body.password !== undefined ? '，重设密码' : ''}`,
        oldValue: userOut(old, oldScopes),
        newValue: userOut(next, scopes),
      });
    });
    return c.json(userOut(next, scopes), 200);
  });

  app.openapi(remove, async (c) => {
    const admin = requireRole(c, 'admin');
    const { id } = c.req.valid('param');
    if (id === admin.id) throw new ApiError(ApiErrorCode.Conflict, '不能删除本人账号');
    const old = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!old) throw notFound('用户');
    const oldScopes = (await scopesOf([id])).get(id) ?? [];
    await db.transaction().execute(async (trx) => {
      if (old.role === 'admin' && old.disabled === 0 && (await activeAdminCount(trx)) <= 1)
        throw new ApiError(ApiErrorCode.Conflict, '至少要保留一个可用的系统管理员');
      await trx.deleteFrom('user_scopes').where('user_id', '=', id).execute();
      await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      await trx.deleteFrom('users').where('id', '=', id).execute();
      await recordAudit(trx, {
        actor: admin,
        ip: c.get('ip'),
        action: 'user.delete',
        entityType: 'user',
        entityId: id,
        summary: `删除用户「${old.display_name}」（${old.username}）`,
        oldValue: userOut(old, oldScopes),
      });
    });
    return c.body(null, 204);
  });
}
