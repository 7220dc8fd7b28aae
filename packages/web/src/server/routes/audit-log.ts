/** Reading the audit log: admins see everything; others see the entries of a disclosure they can read. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { loadAccess } from '../access.ts';
import { AuditListSchema } from '../api-schemas.ts';
import { requireUser } from '../auth/middleware.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { errorResponses, jsonContent } from './common.ts';

const query = z.object({
  entityType: z.enum(['organisation', 'user', 'disclosure', 'session', 'job']).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.string().max(100).optional(),
  before: z.coerce.number().int().optional().openapi({ description: '只列编号小于此值的记录（翻页）' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const list = createRoute({
  method: 'get',
  path: '/api/audit-log',
  tags: ['操作日志'],
  summary: '操作日志（新的在前）',
  request: { query },
  responses: { 200: jsonContent(AuditListSchema, '日志'), ...errorResponses(400, 401, 403, 404) },
});

const parse = (t: string | null): unknown => (t === null ? null : (JSON.parse(t) as unknown));

export function registerAuditLogRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { db } = deps;
  app.openapi(list, async (c) => {
    const user = requireUser(c);
    const q = c.req.valid('query');
    if (user.role !== 'admin') {
      if (q.entityType !== 'disclosure' || !q.entityId) throw forbidden('只有系统管理员可以查看全部操作日志');
      const d = await db
        .selectFrom('disclosures')
        .select('organisation_id')
        .where('id', '=', q.entityId)
        .executeTakeFirst();
      const access = await loadAccess(db, user);
      if (!d || !access.canRead(d.organisation_id)) throw notFound('决算');
    }
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .$if(q.entityType !== undefined, (b) => b.where('entity_type', '=', q.entityType!))
      .$if(q.entityId !== undefined, (b) => b.where('entity_id', '=', q.entityId!))
      .$if(q.actorId !== undefined, (b) => b.where('actor_id', '=', q.actorId!))
      .$if(q.before !== undefined, (b) => b.where('id', '<', q.before!))
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .execute();
    const page = rows.slice(0, q.limit);
    return c.json(
      {
        items: page.map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          ip: r.ip,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          summary: r.summary,
          oldValue: parse(r.old_value),
          newValue: parse(r.new_value),
        })),
        nextBefore: rows.length > q.limit ? (page[page.length - 1]?.id ?? null) : null,
      },
      200,
    );
  });
}
