/**
 * Auditing published documents (issue 11, item 4): a reviewer uploads one or many published PDFs;
 * a background job audits them one after another with progress; each finding is shown beside the
 * image of the page it quotes, rendered on demand by poppler's pdftoppm.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { recordAudit } from '../audit-log.ts';
import { requireRole, requireUser } from '../auth/middleware.ts';
import { newId } from '../auth/sessions.ts';
import { nowIso, type AppDeps, type AppEnv, type SessionUser } from '../context.ts';
import type { DocumentAuditRow } from '../db/schema.ts';
import { ApiError, ApiErrorCode, notFound } from '../errors.ts';
import {
  auditPublishedDocument,
  UnreadableDocument,
  type PdfAuditOutcome,
} from '../publication-core-adapter.ts';
import {
  DocumentAuditDetailSchema,
  DocumentAuditListSchema,
  DocumentAuditStartedSchema,
  type DocumentAuditDetail,
  type DocumentAuditSummary,
} from '../review-schemas.ts';
import { errorResponses, jsonContent } from './common.ts';

const run = promisify(execFile);

/** Per file; the whole request is bounded by the API's body limit as well. */
export const MAX_AUDIT_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_AUDIT_FILES = 20;

const idParam = z.object({ id: z.string().min(1).max(100) });

const upload = createRoute({
  method: 'post',
  path: '/api/document-audits',
  tags: ['公开文件审查'],
  summary: '上传已公开的决算 PDF（可多个）进行审查；在后台逐个审查，进度见任务',
  request: {
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({
            files: z
              .any()
              .optional()
              .openapi({ type: 'array', items: { type: 'string', format: 'binary' } }),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    202: jsonContent(DocumentAuditStartedSchema, '已开始审查'),
    ...errorResponses(400, 401, 403, 413, 422),
  },
});
const list = createRoute({
  method: 'get',
  path: '/api/document-audits',
  tags: ['公开文件审查'],
  summary: '本人上传审查的文件（系统管理员：全部）',
  responses: { 200: jsonContent(DocumentAuditListSchema, '新的在前'), ...errorResponses(401, 403) },
});
const get = createRoute({
  method: 'get',
  path: '/api/document-audits/{id}',
  tags: ['公开文件审查'],
  summary: '一份文件的审查结果：问题及其所在页',
  request: { params: idParam },
  responses: { 200: jsonContent(DocumentAuditDetailSchema, '审查结果'), ...errorResponses(401, 404) },
});
const page = createRoute({
  method: 'get',
  path: '/api/document-audits/{id}/pages/{page}',
  tags: ['公开文件审查'],
  summary: '文件某一页的图像（PNG）',
  request: { params: idParam.extend({ page: z.coerce.number().int().min(1).max(10_000) }) },
  responses: {
    200: {
      content: { 'image/png': { schema: z.string().openapi({ format: 'binary' }) } },
      description: '页面图像',
    },
    ...errorResponses(401, 404),
  },
});

const isPdf = (b: Uint8Array) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46; // %PDF
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04; // PK (DOCX)

function summaryOut(r: Omit<DocumentAuditRow, 'content' | 'result'>): DocumentAuditSummary {
  return {
    id: r.id,
    jobId: r.job_id,
    fileName: r.file_name,
    size: r.size,
    status: r.status,
    pages: r.pages,
    errorCount: r.error_count,
    warningCount: r.warning_count,
    infoCount: r.info_count,
    error: r.error,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

const SUMMARY_COLUMNS = [
  'id',
  'job_id',
  'file_name',
  'size',
  'status',
  'pages',
  'error_count',
  'warning_count',
  'info_count',
  'error',
  'created_at',
  'finished_at',
  'created_by',
] as const;

/** Renders one page of a PDF to PNG with pdftoppm (poppler), at screen resolution. */
async function renderPage(pdf: Uint8Array, pageNo: number): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'juesuan-page-'));
  try {
    const input = join(dir, 'in.pdf');
    await writeFile(input, pdf);
    await run(
      'pdftoppm',
      [
        '-png',
        '-r',
        '96',
        '-f',
        String(pageNo),
        '-l',
        String(pageNo),
        '-singlefile',
        input,
        join(dir, 'page'),
      ],
      {
        timeout: 30_000,
      },
    );
    return await readFile(join(dir, 'page.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function registerDocumentAuditRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { db, jobs } = deps;
  // Recently rendered pages: a reviewer clicks back and forth between findings on the same pages.
  const pageCache = new Map<string, Uint8Array>();

  const own = async (user: SessionUser, id: string): Promise<DocumentAuditRow> => {
    const r = await db.selectFrom('document_audits').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r || (user.role !== 'admin' && r.created_by !== user.id)) throw notFound('审查的文件');
    return r;
  };

  app.openapi(upload, async (c) => {
    const user = requireRole(c, 'admin', 'reviewer');
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody({ all: true });
    } catch {
      throw new ApiError(
        ApiErrorCode.BadRequest,
        '上传内容无法读取，请以表单（multipart/form-data）上传文件',
      );
    }
    const raw = form['files'];
    const files = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f,
    );
    if (files.length === 0)
      throw new ApiError(ApiErrorCode.BadRequest, '请选择要审查的 PDF 文件（字段名 files）');
    if (files.length > MAX_AUDIT_FILES)
      throw new ApiError(
        ApiErrorCode.BadRequest,
        `一次最多上传 ${MAX_AUDIT_FILES} 个文件，本次为 ${files.length} 个`,
      );
    // A bad file does not stop the batch: the good ones are audited, each bad one is listed with its reason.
    const accepted: { name: string; bytes: Uint8Array }[] = [];
    const rejected: { fileName: string; reason: string }[] = [];
    for (const f of files) {
      const name = (f.name || '未命名.pdf').slice(0, 200);
      if (f.size > MAX_AUDIT_FILE_BYTES) {
        rejected.push({
          fileName: name,
          reason: `文件过大（${(f.size / 1024 / 1024).toFixed(1)} MiB），每个文件不应超过 ${MAX_AUDIT_FILE_BYTES / 1024 / 1024} MiB`,
        });
        continue;
      }
      const bytes = new Uint8Array(await f.arrayBuffer());
      if (bytes.length === 0) rejected.push({ fileName: name, reason: '文件为空' });
      else if (!isPdf(bytes) && !isZip(bytes))
        rejected.push({ fileName: name, reason: '不是 PDF 文件（也不是 DOCX），请上传公开的决算 PDF' });
      else accepted.push({ name, bytes });
    }
    if (accepted.length === 0)
      throw new ApiError(
        rejected.every((r) => r.reason.startsWith('文件过大'))
          ? ApiErrorCode.TooLarge
          : ApiErrorCode.BadDataFile,
        `没有可审查的文件：${rejected.map((r) => `「${r.fileName}」${r.reason}`).join('；')}`,
        { problems: rejected.map((r) => ({ path: r.fileName, message: r.reason })) },
      );
    const now = nowIso();
    const rows = accepted.map((a) => ({ id: newId(), name: a.name, bytes: a.bytes }));
    // The job may start before the rows are written: it waits for them (or for their failure).
    let written!: (ok: boolean) => void;
    const rowsWritten = new Promise<boolean>((res) => (written = res));
    const jobId = await jobs.start('document-audit', user.id, async (progress) => {
      if (!(await rowsWritten)) throw new Error('上传的文件未能保存');
      let errors = 0;
      for (const [i, r] of rows.entries()) {
        await progress((i / rows.length) * 100, `正在审查 ${i + 1} / ${rows.length}：${r.name}`);
        let outcome: PdfAuditOutcome | undefined;
        let failure: string | null = null;
        try {
          outcome = await auditPublishedDocument(r.bytes, r.name);
        } catch (e) {
          failure =
            e instanceof UnreadableDocument
              ? `「${r.name}」无法读取：${e.message}`
              : `「${r.name}」审查时出错，请查看服务器日志`;
          if (!(e instanceof UnreadableDocument)) console.error(`审查 ${r.name} 出错：`, e);
        }
        errors += outcome?.summary.error ?? 0;
        await db
          .updateTable('document_audits')
          .set({
            status: outcome ? 'done' : 'failed',
            pages: outcome?.pages ?? null,
            error_count: outcome?.summary.error ?? 0,
            warning_count: outcome?.summary.warning ?? 0,
            info_count: outcome?.summary.info ?? 0,
            result: outcome ? JSON.stringify(outcome) : null,
            error: failure,
            finished_at: nowIso(),
          })
          .where('id', '=', r.id)
          .execute();
        await progress(((i + 1) / rows.length) * 100, `已审查 ${i + 1} / ${rows.length}`);
        await new Promise((res) => setImmediate(res));
      }
      return { files: rows.length, errors, audits: rows.map((r) => r.id) };
    });
    await db
      .transaction()
      .execute(async (trx) => {
        for (const r of rows)
          await trx
            .insertInto('document_audits')
            .values({
              id: r.id,
              job_id: jobId,
              created_by: user.id,
              file_name: r.name,
              size: r.bytes.length,
              content: Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength),
              status: 'queued',
              pages: null,
              error_count: 0,
              warning_count: 0,
              info_count: 0,
              result: null,
              error: null,
              created_at: now,
              finished_at: null,
            })
            .execute();
        await recordAudit(trx, {
          actor: user,
          ip: c.get('ip'),
          action: 'document.audit',
          entityType: 'job',
          entityId: jobId,
          summary: `上传 ${rows.length} 个公开文件进行审查：${rows
            .map((r) => r.name)
            .join('、')
            .slice(0, 300)}`,
          newValue: rows.map((r) => ({ id: r.id, fileName: r.name, size: r.bytes.length })),
        });
      })
      .then(
        () => written(true),
        (e: unknown) => {
          written(false);
          throw e;
        },
      );
    const saved = await db
      .selectFrom('document_audits')
      .select(SUMMARY_COLUMNS)
      .where('job_id', '=', jobId)
      .orderBy('created_at')
      .execute();
    return c.json({ jobId, items: saved.map(summaryOut), rejected }, 202);
  });

  app.openapi(list, async (c) => {
    const user = requireRole(c, 'admin', 'reviewer');
    let q = db.selectFrom('document_audits').select(SUMMARY_COLUMNS).orderBy('created_at', 'desc').limit(200);
    if (user.role !== 'admin') q = q.where('created_by', '=', user.id);
    return c.json({ items: (await q.execute()).map(summaryOut) }, 200);
  });

  app.openapi(get, async (c) => {
    const user = requireUser(c);
    const r = await own(user, c.req.valid('param').id);
    const result = r.result ? (JSON.parse(r.result) as PdfAuditOutcome) : undefined;
    const out: DocumentAuditDetail = {
      ...summaryOut(r),
      renderable: isPdf(r.content),
      unit: result?.unit ?? null,
      year: result?.year ?? null,
      findings: result?.findings ?? [],
      tables: result?.tables ?? [],
    };
    return c.json(out, 200);
  });

  app.openapi(page, async (c) => {
    const user = requireUser(c);
    const { id, page: pageNo } = c.req.valid('param');
    const r = await own(user, id);
    if (!isPdf(r.content) || (r.pages !== null && pageNo > r.pages)) throw notFound(`第 ${pageNo} 页`);
    const key = `${id}/${pageNo}`;
    let png = pageCache.get(key);
    if (!png) {
      try {
        png = await renderPage(r.content, pageNo);
      } catch (e) {
        console.error(`渲染 ${r.file_name} 第 ${pageNo} 页出错：`, e);
        throw new ApiError(ApiErrorCode.Internal, `无法显示「${r.file_name}」第 ${pageNo} 页的图像`);
      }
      pageCache.set(key, png);
      if (pageCache.size > 60) pageCache.delete(pageCache.keys().next().value!);
    }
    return c.body(png as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'image/png',
      'Cache-Control': 'private, max-age=3600',
    });
  });
}
