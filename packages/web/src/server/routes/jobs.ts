/** Background jobs: start one, then poll its progress. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { JobSchema, RevalidateBodySchema, type Job } from '../api-schemas.ts';
import { recordAudit } from '../audit-log.ts';
import { requireRole, requireUser } from '../auth/middleware.ts';
import { type AppDeps, type AppEnv } from '../context.ts';
import { checkData } from '../core-adapter.ts';
import type { JobRow } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { errorResponses, jsonBody, jsonContent } from './common.ts';

function jobOut(j: JobRow): Job {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    progress: j.progress,
    message: j.message,
    result: j.result === null ? null : (JSON.parse(j.result) as unknown),
    error: j.error,
    createdAt: j.created_at,
    updatedAt: j.updated_at,
    finishedAt: j.finished_at,
  };
}

const get = createRoute({
  method: 'get',
  path: '/api/jobs/{id}',
  tags: ['后台任务'],
  summary: '任务进度',
  request: { params: z.object({ id: z.string().min(1).max(100) }) },
  responses: { 200: jsonContent(JobSchema, '任务'), ...errorResponses(401, 404) },
});
const revalidate = createRoute({
  method: 'post',
  path: '/api/jobs/revalidate',
  tags: ['后台任务'],
  summary: '按当前规则重新校验某年度全部决算（系统管理员）',
  request: jsonBody(RevalidateBodySchema),
  responses: { 202: jsonContent(JobSchema, '任务已开始'), ...errorResponses(400, 401, 403) },
});

export function registerJobRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { db, jobs } = deps;

  app.openapi(get, async (c) => {
    const user = requireUser(c);
    const { id } = c.req.valid('param');
    const job = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!job || (user.role !== 'admin' && job.created_by !== user.id)) throw notFound('任务');
    return c.json(jobOut(job), 200);
  });

  app.openapi(revalidate, async (c) => {
    const user = requireRole(c, 'admin');
    const { year } = c.req.valid('json');
    const id = await jobs.start('revalidate', user.id, async (progress) => {
      const rows = await db
        .selectFrom('disclosures')
        .select(['id', 'data'])
        .where('year', '=', year)
        .execute();
      let errors = 0;
      for (const [i, r] of rows.entries()) {
        if (r.data !== null) {
          const s = checkData(JSON.parse(r.data)).report.summary;
          errors += s.error;
          await db
            .updateTable('disclosures')
            .set({ error_count: s.error, warning_count: s.warning, info_count: s.info })
            .where('id', '=', r.id)
            .execute();
        }
        await progress(((i + 1) / rows.length) * 100, `已校验 ${i + 1} / ${rows.length}`);
        // Yield between units so that requests are served while a large year is checked.
        await new Promise((r) => setImmediate(r));
      }
      return { disclosures: rows.length, errors };
    });
    await recordAudit(db, {
      actor: user,
      ip: c.get('ip'),
      action: 'job.revalidate',
      entityType: 'job',
      entityId: id,
      summary: `重新校验 ${year} 年度全部决算`,
    });
    const job = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return c.json(jobOut(job), 202);
  });
}
