/**
 * The unit editor (issue 11, "Prepare"): the year's catalogue and report profiles, reading an uploaded
 * data file or workbook (with the importer's report), starting from last year's data, the live check
 * behind the grid (findings with cells, the reasons panel, the narrative preview, what the
 * publication lacks) and the whole package in one download. Submitting is the review workflow's
 * `POST /api/disclosures/{id}/submit` (routes/review.ts), which takes the version the editor saw.
 * Saving itself is `PUT /api/disclosures/{id}` (version-checked, 409 on a stale save).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { loadAccess } from '../access.ts';
import { JobSchema } from '../api-schemas.ts';
import { recordAudit } from '../audit-log.ts';
import { requireUser } from '../auth/middleware.ts';
import { type AppDeps, type AppEnv, type SessionUser } from '../context.ts';
import { ApiError, ApiErrorCode, forbidden, notFound } from '../errors.ts';
import {
  buildPackage,
  catalogueOf,
  liveCheck,
  fieldLabels,
  profileList,
  readUploadedFile,
  startFromPreviousYear,
} from '../prepare/prepare-core-adapter.ts';
import { docxToPdf } from '../prepare/pdf.ts';
import {
  CatalogueSchema,
  CheckBodySchema,
  LiveCheckSchema,
  PackageBodySchema,
  PackageBlockedSchema,
  PreviousYearBodySchema,
  PreviousYearResultSchema,
  ProfileListSchema,
  ReadFileBodySchema,
  ReadFileResultSchema,
} from '../prepare/schemas.ts';
import { zip } from '../prepare/zip.ts';
import { errorResponses, jsonBody, jsonContent } from './common.ts';

/** Largest uploaded file (before Base64): fits the API's body limit. */
export const MAX_UPLOAD_BYTES = 14 * 1024 * 1024;

const id = z.string().min(1).max(100);

const catalogue = createRoute({
  method: 'get',
  path: '/api/catalogues/{year}',
  tags: ['填报'],
  summary: '某年度的支出功能分类与经济分类科目（编码与名称）',
  request: { params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) },
  responses: { 200: jsonContent(CatalogueSchema, '科目'), ...errorResponses(401) },
});
const profiles = createRoute({
  method: 'get',
  path: '/api/report-profiles',
  tags: ['填报'],
  summary: '可选的公开口径',
  responses: { 200: jsonContent(ProfileListSchema, '口径'), ...errorResponses(401) },
});
const fieldLabelsRoute = createRoute({
  method: 'get',
  path: '/api/prepare/field-labels',
  tags: ['填报'],
  summary: '数据文件各字段的中文名称（按数据格式的说明；列表项写作 []）',
  responses: {
    200: jsonContent(z.object({ items: z.record(z.string(), z.string()) }), '字段路径 → 名称'),
    ...errorResponses(401),
  },
});
const readFile = createRoute({
  method: 'post',
  path: '/api/prepare/read-file',
  tags: ['填报'],
  summary: '读入上传的数据文件（YAML/JSON）或工作簿（XLSX/CSV），返回数据、导入报告与校验结果（不保存）',
  request: jsonBody(ReadFileBodySchema),
  responses: {
    200: jsonContent(ReadFileResultSchema, '读入的数据'),
    ...errorResponses(400, 401, 403, 413, 422),
  },
});
const previousYear = createRoute({
  method: 'post',
  path: '/api/prepare/previous-year',
  tags: ['填报'],
  summary: '以上年数据开始本年填报：带入单位概况、科目行与上年数（不保存）',
  request: jsonBody(PreviousYearBodySchema),
  responses: {
    200: jsonContent(PreviousYearResultSchema, '本年数据的起点'),
    ...errorResponses(400, 401, 403, 404, 422),
  },
});
const check = createRoute({
  method: 'post',
  path: '/api/prepare/check',
  tags: ['填报'],
  summary: '边填边校验：校验结果（含单元格位置）、主要原因清单、情况说明预览与待补内容（不保存）',
  request: jsonBody(CheckBodySchema),
  responses: { 200: jsonContent(LiveCheckSchema, '校验与预览'), ...errorResponses(400, 401, 413, 422) },
});
const pkg = createRoute({
  method: 'post',
  path: '/api/disclosures/{id}/package',
  tags: ['填报'],
  summary: '下载整套公开文件（ZIP：DOCX、XLSX、HTML、PDF、CSV、JSON 与数据文件）；校验有错误时拒绝',
  request: { params: z.object({ id }), ...jsonBody(PackageBodySchema) },
  responses: {
    200: {
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
      description: 'ZIP 文件',
    },
    409: jsonContent(PackageBlockedSchema, '校验有错误，未生成'),
    ...errorResponses(401, 404, 422),
  },
});
const pkgJob = createRoute({
  method: 'post',
  path: '/api/disclosures/{id}/package-jobs',
  tags: ['填报'],
  summary: '在后台生成整套公开文件（含 PDF），返回任务；完成后从 /api/package-files/{任务编号} 下载',
  request: { params: z.object({ id }), ...jsonBody(PackageBodySchema) },
  responses: {
    202: jsonContent(JobSchema, '任务已开始'),
    409: jsonContent(PackageBlockedSchema, '校验有错误，未生成'),
    ...errorResponses(401, 404, 422),
  },
});
const pkgFile = createRoute({
  method: 'get',
  path: '/api/package-files/{jobId}',
  tags: ['填报'],
  summary: '下载后台生成的整套公开文件（ZIP，生成后保留 15 分钟）',
  request: { params: z.object({ jobId: id }) },
  responses: {
    200: {
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
      description: 'ZIP 文件',
    },
    ...errorResponses(401, 404),
  },
});
function decodeUpload(b64: string, fileName: string): Uint8Array {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(b64))
    throw new ApiError(ApiErrorCode.BadRequest, `${fileName}：文件内容的编码不正确，请重新选择文件`);
  const bytes = new Uint8Array(Buffer.from(b64, 'base64'));
  if (bytes.length === 0) throw new ApiError(ApiErrorCode.BadDataFile, `${fileName}：文件为空`);
  if (bytes.length > MAX_UPLOAD_BYTES)
    throw new ApiError(
      ApiErrorCode.TooLarge,
      `${fileName}：文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MiB），不应超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB`,
    );
  return bytes;
}

/** Packages built in the background, kept in memory for their creator until fetched or expired. */
const PACKAGE_TTL_MS = 15 * 60_000;
const packages = new Map<string, { userId: string; name: string; bytes: Uint8Array; at: number }>();
function sweepPackages(now = Date.now()): void {
  for (const [k, v] of packages) if (now - v.at > PACKAGE_TTL_MS) packages.delete(k);
}

type Built = Awaited<ReturnType<typeof buildPackage>>;

/** The ZIP of a built package: its files, the PDF when LibreOffice makes one, and the list of what it lacks. */
async function packageZip(
  built: Built,
  withPdf: boolean,
  progress?: (p: number, m: string) => Promise<void>,
) {
  const files = [...built.files];
  if (withPdf) {
    await progress?.(40, '正在用 LibreOffice 生成 PDF…');
    const pdf = await docxToPdf(files[0]!.bytes);
    if (pdf) files.splice(1, 0, { name: `${built.baseName}.pdf`, bytes: pdf });
  }
  await progress?.(90, '正在打包…');
  const gapsText = [
    `待补充的内容 ${built.gaps.placeholders.length} 处，未提供的表格数 ${built.gaps.unknownCells.length} 个。`,
    ...built.gaps.placeholders.map(
      (g) => `【待补充】${g.place}：${g.text}${g.fieldLabel ? `（${g.fieldLabel}）` : ''}`,
    ),
    ...built.gaps.unknownCells.map(
      (g) => `【未提供】${g.place}：${g.text}${g.fieldLabel ? `（${g.fieldLabel}）` : ''}`,
    ),
    ...built.gaps.warnings.map((w) => `【注意】${w}`),
    files.some((f) => f.name.endsWith('.pdf')) ? '' : '本次未附 PDF：服务器未安装 LibreOffice 或转换失败。',
  ].join('\r\n');
  files.push({ name: '待补内容清单.txt', bytes: new TextEncoder().encode(gapsText) });
  return { files, bytes: zip(files), name: `${built.baseName}.zip` };
}

export function registerPrepareRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { db } = deps;
  app.openAPIRegistry.register('PackageBlocked', PackageBlockedSchema);

  const mayPrepare = (user: SessionUser): void => {
    if (user.role !== 'editor' && user.role !== 'admin') throw forbidden('只有填报人员可以导入或填报数据');
  };

  const readable = async (user: SessionUser, disclosureId: string) => {
    const row = await db
      .selectFrom('disclosures')
      .selectAll()
      .where('id', '=', disclosureId)
      .executeTakeFirst();
    const access = await loadAccess(db, user);
    if (!row || !access.canRead(row.organisation_id)) throw notFound('决算');
    // The unit as registered names it in the audit log, whatever name the data file gives.
    const unitName = access.orgs.get(row.organisation_id)?.name ?? row.unit_name ?? '';
    return { row, access, unitName };
  };

  app.openapi(fieldLabelsRoute, async (c) => {
    requireUser(c);
    return c.json({ items: Object.fromEntries(fieldLabels()) }, 200);
  });

  app.openapi(catalogue, async (c) => {
    requireUser(c);
    const { year } = c.req.valid('param');
    return c.json({ year, ...catalogueOf(year) }, 200);
  });

  app.openapi(profiles, async (c) => {
    requireUser(c);
    return c.json({ items: profileList() }, 200);
  });

  app.openapi(readFile, async (c) => {
    const user = requireUser(c);
    mayPrepare(user);
    const body = c.req.valid('json');
    const bytes = decodeUpload(body.contentBase64, body.fileName);
    const r = await readUploadedFile(bytes, body.fileName, {
      year: body.year,
      unitName: body.unitName,
      profile: body.profile,
    });
    return c.json(r, 200);
  });

  app.openapi(previousYear, async (c) => {
    const user = requireUser(c);
    mayPrepare(user);
    const body = c.req.valid('json');
    const access = await loadAccess(db, user);
    access.assertCanEditData(body.organisationId);
    const prev = await db
      .selectFrom('disclosures')
      .selectAll()
      .where('organisation_id', '=', body.organisationId)
      .where('year', '=', body.year - 1)
      .executeTakeFirst();
    if (!prev || prev.data === null)
      throw new ApiError(
        ApiErrorCode.NotFound,
        `本单位没有 ${body.year - 1} 年度的决算数据，无法从上年数据开始；请导入数据文件或工作簿`,
      );
    const r = startFromPreviousYear(JSON.parse(prev.data) as Record<string, unknown>, body.year);
    return c.json(
      {
        data: r.data,
        previousYear: prev.year,
        previousVersion: prev.version,
        carried: r.carried,
        findings: r.findings,
      },
      200,
    );
  });

  app.openapi(check, async (c) => {
    requireUser(c);
    const body = c.req.valid('json');
    return c.json(liveCheck(body.data, body.profile), 200);
  });

  app.openapi(pkg, async (c) => {
    const user = requireUser(c);
    const { id: disclosureId } = c.req.valid('param');
    const body = c.req.valid('json');
    const { row, unitName } = await readable(user, disclosureId);
    if (row.data === null) throw new ApiError(ApiErrorCode.Conflict, '这份决算还没有数据，请先导入或填报');
    const built = await buildPackage(JSON.parse(row.data), body.profile);
    if (built.errors.length > 0) return c.json({ errors: built.errors, gaps: built.gaps }, 409);
    const files = [...built.files];
    const MIME = {
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      html: 'text/html; charset=utf-8',
      pdf: 'application/pdf',
    } as const;
    if (body.only !== undefined) {
      const only = body.only;
      const file =
        only === 'pdf'
          ? { name: `${built.baseName}.pdf`, bytes: await docxToPdf(files[0]!.bytes) }
          : files.find((x) => x.name.endsWith(`.${only}`));
      if (!file?.bytes)
        throw new ApiError(ApiErrorCode.Conflict, '服务器未安装 LibreOffice 或转换失败，暂不能生成 PDF');
      return new Response(file.bytes, {
        status: 200,
        headers: {
          'Content-Type': MIME[only],
          'Content-Disposition': `attachment; filename="publication.${only}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        },
      }) as never;
    }
    const z = await packageZip(built, body.pdf !== false);

    await recordAudit(db, {
      actor: user,
      ip: c.get('ip'),
      action: 'disclosure.package',
      entityType: 'disclosure',
      entityId: row.id,
      summary: `下载「${unitName}」${row.year} 年度公开文件（第 ${row.version} 版，${z.files.length} 个文件）`,
      newValue: { version: row.version, files: z.files.map((f) => f.name) },
    });
    const zipName = z.name;
    return new Response(z.bytes, {
      status: 200,
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="package.zip"; filename*=UTF-8''${encodeURIComponent(zipName)}`,
        'X-Juesuan-Files': encodeURIComponent(z.files.map((f) => f.name).join('|')),
      },
    }) as never;
  });

  app.openapi(pkgJob, async (c) => {
    const user = requireUser(c);
    const { id: disclosureId } = c.req.valid('param');
    const body = c.req.valid('json');
    const { row, unitName } = await readable(user, disclosureId);
    if (row.data === null) throw new ApiError(ApiErrorCode.Conflict, '这份决算还没有数据，请先导入或填报');
    const built = await buildPackage(JSON.parse(row.data), body.profile);
    if (built.errors.length > 0) return c.json({ errors: built.errors, gaps: built.gaps }, 409);
    const ip = c.get('ip');
    const jobId = await deps.jobs.start('package', user.id, async (progress) => {
      await progress(10, '正在生成 DOCX、XLSX、HTML…');
      const z = await packageZip(built, body.pdf !== false, progress);
      sweepPackages();
      packages.set(jobId, { userId: user.id, name: z.name, bytes: z.bytes, at: Date.now() });
      await recordAudit(db, {
        actor: user,
        ip,
        action: 'disclosure.package',
        entityType: 'disclosure',
        entityId: row.id,
        summary: `生成「${unitName}」${row.year} 年度公开文件（第 ${row.version} 版，${z.files.length} 个文件）`,
        newValue: { version: row.version, files: z.files.map((f) => f.name) },
      });
      return { fileName: z.name, files: z.files.map((f) => f.name), bytes: z.bytes.length };
    });
    const job = await db.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
    return c.json(
      {
        id: job.id,
        kind: job.kind,
        status: job.status,
        progress: job.progress,
        message: job.message,
        result: null,
        error: job.error,
        createdAt: job.created_at,
        updatedAt: job.updated_at,
        finishedAt: job.finished_at,
      },
      202,
    );
  });

  app.openapi(pkgFile, async (c) => {
    const user = requireUser(c);
    const { jobId } = c.req.valid('param');
    sweepPackages();
    const p = packages.get(jobId);
    if (!p || p.userId !== user.id) throw notFound('文件（生成后保留 15 分钟，请重新生成）');
    return new Response(p.bytes, {
      status: 200,
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="package.zip"; filename*=UTF-8''${encodeURIComponent(p.name)}`,
      },
    }) as never;
  });
}
