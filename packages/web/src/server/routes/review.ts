/**
 * Review (issue 11, item 4): the year's dashboard of expected submissions, the workflow of one
 * disclosure (submit / return with comments / approve / publish) and its 整改通知 as DOCX.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { loadAccess, type Access } from '../access.ts';
import { recordAudit } from '../audit-log.ts';
import { requireUser } from '../auth/middleware.ts';
import { newId } from '../auth/sessions.ts';
import { nowIso, type AppDeps, type AppEnv, type SessionUser } from '../context.ts';
import { checkData, tableSpecs } from '../core-adapter.ts';
import type { CommentRow, DB, DisclosureRow } from '../db/schema.ts';
import { ApiError, ApiErrorCode, notFound } from '../errors.ts';
import { acceptsGzip, reviewList } from '../review-list.ts';
import { Publication, rectificationNoticeDocx } from '../publication-core-adapter.ts';
import {
  ReturnBodySchema,
  ReviewDashboardSchema,
  ReviewQuerySchema,
  SubmitBodySchema,
  TransitionBodySchema,
  WithdrawBodySchema,
  WorkflowSchema,
  type CommentLocation,
  type Workflow,
  type WorkflowComment,
} from '../review-schemas.ts';
import {
  actionLabel,
  allowedActions,
  ancestorOfKind,
  assertMayAct,
  deadlineAfter,
  isWithdrawn,
  locationText,
  publicPath,
  reviewStatus,
  REVIEW_STATUS_LABEL,
  type WorkflowAction,
} from '../workflow.ts';
import { errorResponses, jsonBody, jsonContent } from './common.ts';

const idParam = z.object({ id: z.string().min(1).max(100) });

const dashboard = createRoute({
  method: 'get',
  path: '/api/review',
  tags: ['审核'],
  summary: '某年度应报送的全部单位：状态、错误与警告数、公开期限（可筛选、排序）',
  request: { query: ReviewQuerySchema },
  responses: { 200: jsonContent(ReviewDashboardSchema, '审核总览'), ...errorResponses(400, 401) },
});
const workflowGet = createRoute({
  method: 'get',
  path: '/api/disclosures/{id}/workflow',
  tags: ['审核'],
  summary: '一份决算的流转状态、可执行的操作、审核意见与流转记录',
  request: { params: idParam },
  responses: { 200: jsonContent(WorkflowSchema, '流转'), ...errorResponses(401, 404) },
});
const transition = (action: WorkflowAction, summary: string, body: z.ZodType) =>
  createRoute({
    method: 'post',
    path: `/api/disclosures/{id}/${action}`,
    tags: ['审核'],
    summary,
    request: { params: idParam, ...jsonBody(body) },
    responses: { 200: jsonContent(WorkflowSchema, '已完成'), ...errorResponses(400, 401, 403, 404, 409) },
  });
const submitRoute = transition('submit', '提交审核（本单位填报人员；校验无错误时）', SubmitBodySchema);
const returnRoute = transition('return', '退回修改，须附意见（可指向单元格或句子）', ReturnBodySchema);
const approveRoute = transition('approve', '审核通过（公开期限为 20 天后）', TransitionBodySchema);
const publishRoute = transition('publish', '公开（生成公开页面与下载文件）', TransitionBodySchema);
const withdrawRoute = transition(
  'withdraw',
  '撤回公开，须写明原因（系统管理员或财政局审核人员）；公开页面随即显示已撤回，可重新公开或退回修改',
  WithdrawBodySchema,
);
const notice = createRoute({
  method: 'get',
  path: '/api/disclosures/{id}/rectification-notice',
  tags: ['审核'],
  summary: '整改通知（DOCX）：逐条列出问题及其依据',
  request: { params: idParam },
  responses: {
    200: {
      content: {
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
          schema: z.string().openapi({ format: 'binary' }),
        },
      },
      description: '整改通知',
    },
    ...errorResponses(401, 404),
  },
});

/** Content-Disposition for a Chinese file name (RFC 6266 / 5987), with an ASCII fallback. */
export function attachment(fileName: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const TABLE_NAMES = new Map(tableSpecs().map((t) => [t.id, `${t.number}${t.name}`]));
const tableName = (id: string): string | undefined => TABLE_NAMES.get(id);

function commentOut(r: CommentRow, names: Map<string, string>): WorkflowComment {
  const location = r.location ? (JSON.parse(r.location) as CommentLocation) : null;
  return {
    id: r.id,
    version: r.version,
    authorName: r.author_id ? (names.get(r.author_id) ?? null) : null,
    location,
    where: locationText(location, tableName),
    body: r.body,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
  };
}

async function names(db: Kysely<DB>, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/**
 * The withdrawal of a disclosure's publication, if its latest publication event is one: when, by
 * whom, why (from the audit log, where the workflow records every step).
 */
export async function lastWithdrawal(
  db: Kysely<DB>,
  disclosureId: string,
): Promise<{ at: string; by: string | null; reason: string } | null> {
  const e = await db
    .selectFrom('audit_log')
    .select(['at', 'actor_name', 'action', 'new_value'])
    .where('entity_type', '=', 'disclosure')
    .where('entity_id', '=', disclosureId)
    .where('action', 'in', ['disclosure.publish', 'disclosure.withdraw'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!e || e.action !== 'disclosure.withdraw') return null;
  const v = e.new_value ? (JSON.parse(e.new_value) as { reason?: unknown }) : {};
  return { at: e.at, by: e.actor_name, reason: typeof v.reason === 'string' ? v.reason : '' };
}

export function registerReviewRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { db } = deps;

  const readable = async (user: SessionUser, id: string): Promise<{ row: DisclosureRow; access: Access }> => {
    const row = await db.selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirst();
    const access = await loadAccess(db, user);
    if (!row || !access.canRead(row.organisation_id)) throw notFound('决算');
    return { row, access };
  };

  const workflowOut = async (row: DisclosureRow, access: Access): Promise<Workflow> => {
    const org = access.orgs.get(row.organisation_id)!;
    const comments = await db
      .selectFrom('comments')
      .selectAll()
      .where('disclosure_id', '=', row.id)
      .orderBy('created_at')
      .execute();
    const events = await db
      .selectFrom('audit_log')
      .select(['at', 'actor_name', 'action', 'summary'])
      .where('entity_type', '=', 'disclosure')
      .where('entity_id', '=', row.id)
      .orderBy('id', 'desc')
      .limit(100)
      .execute();
    const n = await names(
      db,
      comments.map((c) => c.author_id),
    );
    return {
      disclosureId: row.id,
      organisation: { id: org.id, code: org.code, name: org.name },
      year: row.year,
      version: row.version,
      status: reviewStatus(row, new Date()),
      storedStatus: row.status,
      errorCount: row.error_count,
      warningCount: row.warning_count,
      submittedAt: row.submitted_at,
      approvedAt: row.approved_at,
      publishedAt: row.published_at,
      deadline: row.deadline,
      publicPath: row.status === 'published' ? publicPath(row.year, org.code) : null,
      actions: allowedActions(access, row),
      withdrawal: isWithdrawn(row) ? await lastWithdrawal(db, row.id) : null,
      comments: comments.map((c) => commentOut(c, n)),
      events: events.map((e) => ({
        at: e.at,
        actorName: e.actor_name,
        action: e.action,
        summary: e.summary,
      })),
    };
  };

  app.openapi(dashboard, async (c) => {
    const user = requireUser(c);
    const access = await loadAccess(db, user);
    const answer = await reviewList(db, deps.dialect, access, c.req.valid('query'), c.get('databaseStamp'));
    const headers = { 'Content-Type': 'application/json', Vary: 'Accept-Encoding' };
    return acceptsGzip(c.req.header('Accept-Encoding'))
      ? c.body(answer.gzip(), 200, { ...headers, 'Content-Encoding': 'gzip' })
      : c.body(answer.json, 200, headers);
  });

  app.openapi(workflowGet, async (c) => {
    const user = requireUser(c);
    const { row, access } = await readable(user, c.req.valid('param').id);
    return c.json(await workflowOut(row, access), 200);
  });

  /** One move of the workflow, in one transaction, guarded by the status it starts from. */
  const act = async (
    user: SessionUser,
    ip: string,
    id: string,
    action: WorkflowAction,
    comments: { comment: string; location?: CommentLocation | undefined }[],
    seenVersion?: number,
    reason?: string,
  ): Promise<Workflow> => {
    const { row, access } = await readable(user, id);
    if (seenVersion !== undefined && access.canRead(row.organisation_id) && seenVersion !== row.version)
      throw new ApiError(
        ApiErrorCode.StaleVersion,
        `提交未成功：当前为第 ${row.version} 版，您看到的是第 ${seenVersion} 版。请刷新后确认再提交。`,
      );
    if (action === 'submit' && row.data !== null) {
      // Counts are stored at save time; rules may have changed since, so check the data as it is now.
      const s = checkData(JSON.parse(row.data)).report.summary;
      row.error_count = s.error;
      row.warning_count = s.warning;
    }
    const to = assertMayAct(access, action, row);
    const now = nowIso();
    // The headline figures are kept at publication, so that the public index compares units without rebuilding each.
    const figures =
      action === 'publish' && row.data !== null ? new Publication(JSON.parse(row.data)).keyFigures() : null;
    const org = access.orgs.get(row.organisation_id)!;
    await db.transaction().execute(async (trx) => {
      const set: Partial<DisclosureRow> = { status: to, updated_at: now };
      if (action === 'submit') {
        set.submitted_at = now;
        set.error_count = row.error_count;
        set.warning_count = row.warning_count;
      }
      if (action === 'approve') {
        set.approved_at = now;
        set.deadline = deadlineAfter(now);
        // A publication withdrawn earlier is over: this approval starts the next one.
        set.published_at = null;
      }
      if (action === 'publish') set.published_at = now;
      if (action === 'return') {
        set.approved_at = null;
        set.deadline = null;
      }
      const r = await trx
        .updateTable('disclosures')
        .set(set)
        .where('id', '=', row.id)
        .where('status', '=', row.status)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) {
        throw new ApiError(ApiErrorCode.Conflict, '这份决算的状态刚被他人改变，请刷新后再试');
      }
      for (const cm of comments)
        await trx
          .insertInto('comments')
          .values({
            id: newId(),
            disclosure_id: row.id,
            version: row.version,
            author_id: user.id,
            location: cm.location ? JSON.stringify(cm.location) : null,
            body: cm.comment,
            created_at: now,
            resolved_at: null,
            resolved_by: null,
          })
          .execute();
      // Withdrawn: off the public index (its figures go with it); published_at stays, marking the withdrawal.
      if (action === 'withdraw')
        await trx.deleteFrom('publications').where('disclosure_id', '=', row.id).execute();
      if (figures) {
        await trx.deleteFrom('publications').where('disclosure_id', '=', row.id).execute();
        await trx
          .insertInto('publications')
          .values({ disclosure_id: row.id, figures: JSON.stringify(figures), published_at: now })
          .execute();
      }
      // Approval settles the open comments: what was asked has been done.
      if (action === 'approve')
        await trx
          .updateTable('comments')
          .set({ resolved_at: now, resolved_by: user.id })
          .where('disclosure_id', '=', row.id)
          .where('resolved_at', 'is', null)
          .execute();
      await recordAudit(trx, {
        actor: user,
        ip,
        action: `disclosure.${action}`,
        entityType: 'disclosure',
        entityId: row.id,
        summary: `${actionLabel(action)}「${org.name}」${row.year} 年度决算（${REVIEW_STATUS_LABEL[row.status]} → ${REVIEW_STATUS_LABEL[action === 'withdraw' ? 'withdrawn' : to]}）${comments.length > 0 ? `，意见 ${comments.length} 条` : ''}${reason ? `，原因：${reason}` : ''}`,
        oldValue: { status: row.status },
        newValue: {
          status: to,
          ...(reason ? { reason } : {}),
          ...(comments.length > 0
            ? { comments: comments.map((cm) => ({ body: cm.comment, location: cm.location ?? null })) }
            : {}),
          ...(set.deadline ? { deadline: set.deadline } : {}),
        },
      });
    });
    const fresh = await readable(user, id);
    return workflowOut(fresh.row, fresh.access);
  };

  /** An optional comment of submit, approve or publish is recorded like a return's. */
  const simple = (body: { comment?: string | undefined }) =>
    body.comment ? [{ comment: body.comment }] : [];

  app.openapi(submitRoute, async (c) => {
    const user = requireUser(c);
    const body = c.req.valid('json') as z.infer<typeof SubmitBodySchema>;
    return c.json(
      await act(user, c.get('ip'), c.req.valid('param').id, 'submit', simple(body), body.version),
      200,
    );
  });
  app.openapi(returnRoute, async (c) => {
    const user = requireUser(c);
    const body = c.req.valid('json') as z.infer<typeof ReturnBodySchema>;
    const comments = [{ comment: body.comment, location: body.location }, ...(body.more ?? [])];
    return c.json(await act(user, c.get('ip'), c.req.valid('param').id, 'return', comments), 200);
  });
  app.openapi(approveRoute, async (c) => {
    const user = requireUser(c);
    const body = c.req.valid('json') as z.infer<typeof TransitionBodySchema>;
    return c.json(await act(user, c.get('ip'), c.req.valid('param').id, 'approve', simple(body)), 200);
  });
  app.openapi(publishRoute, async (c) => {
    const user = requireUser(c);
    const body = c.req.valid('json') as z.infer<typeof TransitionBodySchema>;
    return c.json(await act(user, c.get('ip'), c.req.valid('param').id, 'publish', simple(body)), 200);
  });

  app.openapi(withdrawRoute, async (c) => {
    const user = requireUser(c);
    const body = c.req.valid('json') as z.infer<typeof WithdrawBodySchema>;
    return c.json(
      await act(user, c.get('ip'), c.req.valid('param').id, 'withdraw', [], undefined, body.reason),
      200,
    );
  });

  app.openapi(notice, async (c) => {
    const user = requireUser(c);
    const { row, access } = await readable(user, c.req.valid('param').id);
    const org = access.orgs.get(row.organisation_id)!;
    const findings = row.data ? checkData(JSON.parse(row.data)).report.findings : [];
    const open = await db
      .selectFrom('comments')
      .selectAll()
      .where('disclosure_id', '=', row.id)
      .where('resolved_at', 'is', null)
      .orderBy('created_at')
      .execute();
    const n = await names(
      db,
      open.map((o) => o.author_id),
    );
    // The issuer: the reviewer's own department or bureau; else the unit's department, else its bureau.
    const scope = user.role === 'reviewer' ? access.orgs.get(user.scopeIds[0] ?? '') : undefined;
    const issuer =
      scope?.name ??
      ancestorOfKind(access.orgs, org.id, 'department')?.name ??
      ancestorOfKind(access.orgs, org.id, 'bureau')?.name ??
      '';
    const today = new Date();
    const bytes = await rectificationNoticeDocx({
      // The notice addresses the unit as registered, not the name a data file gives it.
      unitName: org.name,
      year: row.year,
      issuer,
      date: `${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日`,
      findings,
      comments: open.map((o) => {
        const cm = commentOut(o, n);
        return {
          body: cm.body,
          where: cm.where,
          author: cm.authorName ?? '',
          createdAt: cm.createdAt.slice(0, 10),
        };
      }),
    });
    await recordAudit(db, {
      actor: user,
      ip: c.get('ip'),
      action: 'disclosure.notice',
      entityType: 'disclosure',
      entityId: row.id,
      summary: `生成「${org.name}」${row.year} 年度决算整改通知（问题 ${findings.filter((f) => f.severity !== 'info').length} 个，意见 ${open.length} 条）`,
    });
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': attachment(
        `${org.name}${row.year}年度决算整改通知.docx`,
        'rectification-notice.docx',
      ),
    });
  });
}
