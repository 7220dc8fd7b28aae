/** The organisation tree: finance bureau → departments → units. Everyone reads their part; admins change it. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { loadAccess, organisationsChanged } from '../access.ts';
import {
  OrganisationCreateSchema,
  OrganisationListSchema,
  OrganisationSchema,
  OrganisationUpdateSchema,
  type Organisation,
} from '../api-schemas.ts';
import { recordAudit } from '../audit-log.ts';
import { requireRole, requireUser } from '../auth/middleware.ts';
import { newId } from '../auth/sessions.ts';
import { nowIso, type AppDeps, type AppEnv } from '../context.ts';
import type { OrganisationKind, OrganisationRow } from '../db/schema.ts';
import { ApiError, ApiErrorCode, notFound } from '../errors.ts';
import { errorResponses, jsonBody, jsonContent } from './common.ts';

export function organisationOut(o: OrganisationRow): Organisation {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    kind: o.kind,
    parentId: o.parent_id,
    sortOrder: o.sort_order,
    activeFrom: o.active_from,
    activeTo: o.active_to,
  };
}

const KIND_LABEL: Record<OrganisationKind, string> = { bureau: '财政局', department: '部门', unit: '单位' };
/** Which kind may sit under which: a bureau at the top (or under a higher bureau), departments under a bureau, units under a department. */
const PARENT_KINDS: Record<OrganisationKind, (OrganisationKind | null)[]> = {
  bureau: [null, 'bureau'],
  department: ['bureau'],
  unit: ['department'],
};

function checkParent(kind: OrganisationKind, parent: OrganisationRow | undefined | null): void {
  const parentKind = parent ? parent.kind : null;
  if (!PARENT_KINDS[kind].includes(parentKind)) {
    const allowed = PARENT_KINDS[kind].map((k) => (k === null ? '顶层' : KIND_LABEL[k])).join('或');
    throw new ApiError(ApiErrorCode.BadRequest, `${KIND_LABEL[kind]}只能位于${allowed}之下`);
  }
}

const idParam = z.object({ id: z.string().min(1).max(100) });

const list = createRoute({
  method: 'get',
  path: '/api/organisations',
  tags: ['组织机构'],
  summary: '组织机构树（扁平列表，含上级编号）',
  responses: { 200: jsonContent(OrganisationListSchema, '本人可见的组织机构'), ...errorResponses(401) },
});
const create = createRoute({
  method: 'post',
  path: '/api/organisations',
  tags: ['组织机构'],
  summary: '新增组织机构（系统管理员）',
  request: jsonBody(OrganisationCreateSchema),
  responses: { 201: jsonContent(OrganisationSchema, '已新增'), ...errorResponses(400, 401, 403, 409) },
});
const update = createRoute({
  method: 'patch',
  path: '/api/organisations/{id}',
  tags: ['组织机构'],
  summary: '修改组织机构（系统管理员）',
  request: { params: idParam, ...jsonBody(OrganisationUpdateSchema) },
  responses: { 200: jsonContent(OrganisationSchema, '已修改'), ...errorResponses(400, 401, 403, 404, 409) },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/organisations/{id}',
  tags: ['组织机构'],
  summary: '删除组织机构（系统管理员；有下级、决算或用户时不可删除）',
  request: { params: idParam },
  responses: { 204: { description: '已删除' }, ...errorResponses(401, 403, 404, 409) },
});

export function registerOrganisationRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { db } = deps;

  app.openapi(list, async (c) => {
    const user = requireUser(c);
    const access = await loadAccess(db, user);
    const visible = access.visibleInTree();
    const items = [...access.orgs.values()]
      .filter((o) => visible.has(o.id))
      .sort((a, b) => a.sort_order - b.sort_order || a.code.localeCompare(b.code))
      .map(organisationOut);
    return c.json({ items }, 200);
  });

  app.openapi(create, async (c) => {
    const user = requireRole(c, 'admin');
    const body = c.req.valid('json');
    const parent = body.parentId
      ? await db.selectFrom('organisations').selectAll().where('id', '=', body.parentId).executeTakeFirst()
      : null;
    if (body.parentId && !parent) throw notFound('上级机构');
    checkParent(body.kind, parent);
    const taken = await db
      .selectFrom('organisations')
      .select('id')
      .where('code', '=', body.code)
      .executeTakeFirst();
    if (taken) throw new ApiError(ApiErrorCode.Conflict, `机构编码「${body.code}」已被使用`);
    const now = nowIso();
    const row: OrganisationRow = {
      id: newId(),
      code: body.code,
      name: body.name,
      kind: body.kind,
      parent_id: body.parentId,
      sort_order: body.sortOrder ?? 0,
      active_from: body.activeFrom ?? null,
      active_to: body.activeTo ?? null,
      created_at: now,
      updated_at: now,
    };
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('organisations').values(row).execute();
      await recordAudit(trx, {
        actor: user,
        ip: c.get('ip'),
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: row.id,
        summary: `新增${KIND_LABEL[row.kind]}「${row.name}」`,
        newValue: organisationOut(row),
      });
    });
    organisationsChanged(db);
    return c.json(organisationOut(row), 201);
  });

  app.openapi(update, async (c) => {
    const user = requireRole(c, 'admin');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const access = await loadAccess(db, user);
    const old = access.orgs.get(id);
    if (!old) throw notFound('机构');
    if (body.parentId !== undefined && body.parentId !== old.parent_id) {
      const parent = body.parentId === null ? null : access.orgs.get(body.parentId);
      if (body.parentId !== null && !parent) throw notFound('上级机构');
      checkParent(old.kind, parent);
      if (body.parentId !== null && access.subtree(id).includes(body.parentId))
        throw new ApiError(ApiErrorCode.BadRequest, '不能把机构移到它自己的下级之下');
    }
    if (body.code !== undefined && body.code !== old.code) {
      const taken = await db
        .selectFrom('organisations')
        .select('id')
        .where('code', '=', body.code)
        .executeTakeFirst();
      if (taken) throw new ApiError(ApiErrorCode.Conflict, `机构编码「${body.code}」已被使用`);
    }
    const next: OrganisationRow = {
      ...old,
      ...(body.code !== undefined ? { code: body.code } : {}),
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.parentId !== undefined ? { parent_id: body.parentId } : {}),
      ...(body.sortOrder !== undefined ? { sort_order: body.sortOrder } : {}),
      ...(body.activeFrom !== undefined ? { active_from: body.activeFrom } : {}),
      ...(body.activeTo !== undefined ? { active_to: body.activeTo } : {}),
      updated_at: nowIso(),
    };
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('organisations')
        .set({
          code: next.code,
          name: next.name,
          parent_id: next.parent_id,
          sort_order: next.sort_order,
          active_from: next.active_from,
          active_to: next.active_to,
          updated_at: next.updated_at,
        })
        .where('id', '=', id)
        .execute();
      await recordAudit(trx, {
        actor: user,
        ip: c.get('ip'),
        action: 'organisation.update',
        entityType: 'organisation',
        entityId: id,
        summary: `修改${KIND_LABEL[old.kind]}「${old.name}」`,
        oldValue: organisationOut(old),
        newValue: organisationOut(next),
      });
    });
    organisationsChanged(db);
    return c.json(organisationOut(next), 200);
  });

  app.openapi(remove, async (c) => {
    const user = requireRole(c, 'admin');
    const { id } = c.req.valid('param');
    const old = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!old) throw notFound('机构');
    const child = await db
      .selectFrom('organisations')
      .select('id')
      .where('parent_id', '=', id)
      .executeTakeFirst();
    if (child)
      throw new ApiError(ApiErrorCode.Conflict, `「${old.name}」还有下级机构，请先删除或移走下级机构`);
    const disclosure = await db
      .selectFrom('disclosures')
      .select('id')
      .where('organisation_id', '=', id)
      .executeTakeFirst();
    if (disclosure)
      throw new ApiError(
        ApiErrorCode.Conflict,
        `「${old.name}」已有决算数据，不能删除；不再存在的机构请设置“终止年度”`,
      );
    const scoped = await db
      .selectFrom('user_scopes')
      .select('user_id')
      .where('organisation_id', '=', id)
      .executeTakeFirst();
    if (scoped)
      throw new ApiError(ApiErrorCode.Conflict, `还有用户的权限范围包含「${old.name}」，请先调整这些用户`);
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('organisations').where('id', '=', id).execute();
      await recordAudit(trx, {
        actor: user,
        ip: c.get('ip'),
        action: 'organisation.delete',
        entityType: 'organisation',
        entityId: id,
        summary: `删除${KIND_LABEL[old.kind]}「${old.name}」`,
        oldValue: organisationOut(old),
      });
    });
    organisationsChanged(db);
    return c.body(null, 204);
  });
}
