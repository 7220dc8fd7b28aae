/**
 * One review comment marked as dealt with (已处理), or opened again: the unit's editor ticks off what they
 * have fixed while the rest stay open, and the reviewer sees which is which before approving. Approval still
 * settles every open comment at once (routes/review.ts).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { loadAccess } from '../access.ts';
import { recordAudit } from '../audit-log.ts';
import { requireUser } from '../auth/middleware.ts';
import { nowIso, type AppDeps, type AppEnv } from '../context.ts';
import { ApiError, ApiErrorCode, forbidden, notFound } from '../errors.ts';
import { CommentStateOutSchema, CommentStateSchema, type CommentStateOut } from '../review-schemas.ts';
import { errorResponses, jsonBody, jsonContent } from './common.ts';

const params = z.object({ id: z.string().min(1).max(100), commentId: z.string().min(1).max(100) });

const route = createRoute({
  method: 'put',
  path: '/api/disclosures/{id}/comments/{commentId}/state',
  tags: ['审核'],
  summary: '把一条审核意见标为已处理，或重新打开（本单位填报人员、审核人员）',
  request: { params, ...jsonBody(CommentStateSchema) },
  responses: {
    200: jsonContent(CommentStateOutSchema, '意见的处理状态'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export function registerCommentStateRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { db } = deps;
  app.openapi(route, async (c) => {
    const user = requireUser(c);
    const { id, commentId } = c.req.valid('param');
    const { resolved } = c.req.valid('json');
    const found = await db
      .selectFrom('comments')
      .innerJoin('disclosures', 'disclosures.id', 'comments.disclosure_id')
      .select([
        'comments.id',
        'comments.body',
        'comments.resolved_at',
        'disclosures.organisation_id',
        'disclosures.year',
        'disclosures.status',
      ])
      .where('comments.id', '=', commentId)
      .where('comments.disclosure_id', '=', id)
      .executeTakeFirst();
    const access = await loadAccess(db, user);
    if (!found || !access.canRead(found.organisation_id)) throw notFound('意见');
    if (user.role !== 'reviewer' && !access.canEditData(found.organisation_id))
      throw forbidden('只有本单位的填报人员和审核人员可以处理审核意见');
    if (found.status === 'approved' || found.status === 'published')
      throw new ApiError(ApiErrorCode.Conflict, '这份决算已审核通过，意见已随之办结，不能再改');
    if ((found.resolved_at !== null) === resolved) {
      const by = await stateOf(commentId);
      return c.json(by, 200);
    }
    const now = nowIso();
    const org = access.orgs.get(found.organisation_id);
    await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('comments')
        .set(resolved ? { resolved_at: now, resolved_by: user.id } : { resolved_at: null, resolved_by: null })
        .where('id', '=', commentId)
        .where('resolved_at', resolved ? 'is' : 'is not', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1)
        throw new ApiError(ApiErrorCode.Conflict, '这条意见的状态刚被他人改变，请刷新后再试');
      await recordAudit(trx, {
        actor: user,
        ip: c.get('ip'),
        action: resolved ? 'comment.resolve' : 'comment.reopen',
        entityType: 'disclosure',
        entityId: id,
        summary: `${resolved ? '把一条意见标为已处理' : '重新打开一条意见'}：「${org?.name ?? ''}」${found.year} 年度决算：${found.body.length > 40 ? found.body.slice(0, 40) + '…' : found.body}`,
        oldValue: { resolved: !resolved },
        newValue: { resolved },
      });
    });
    return c.json(await stateOf(commentId), 200);
  });

  async function stateOf(commentId: string): Promise<CommentStateOut> {
    const row = await db
      .selectFrom('comments')
      .leftJoin('users', 'users.id', 'comments.resolved_by')
      .select(['comments.id', 'comments.resolved_at', 'users.display_name'])
      .where('comments.id', '=', commentId)
      .executeTakeFirstOrThrow();
    return { id: row.id, resolvedAt: row.resolved_at, resolvedByName: row.display_name ?? null };
  }
}
