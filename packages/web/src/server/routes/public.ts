/**
 * Publication (issue 11, item 5): read-only pages of published disclosures, open to anyone without
 * signing in. A disclosure's address is stable: /public/{year}/{unit code}; the unit code never
 * changes across years. Only published disclosures exist here; anything else is 404, and a
 * withdrawn publication's 404 says so: when it was withdrawn and why (its `details`).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import type { OrganisationRow } from '../db/schema.ts';
import { ApiError, ApiErrorCode, notFound } from '../errors.ts';
import {
  FORMAT_TYPE,
  PUBLICATION_FORMATS,
  Publication,
  type KeyFigure,
  type PublicationFormat,
} from '../publication-core-adapter.ts';
import { PublicDisclosureSchema, PublicIndexSchema, PublicWithdrawnSchema } from '../review-schemas.ts';
import { ancestorOfKind, publicPath } from '../workflow.ts';
import { errorResponses, jsonContent } from './common.ts';
import { attachment, lastWithdrawal } from './review.ts';

const FORMAT_LABEL: Record<PublicationFormat, string> = {
  docx: '公开说明（Word）',
  xlsx: '公开报表（Excel）',
  html: '公开说明（网页）',
  csv: '开放数据（CSV）',
  json: '开放数据（JSON）',
};

const where = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  code: z.string().min(1).max(50),
});

const index = createRoute({
  method: 'get',
  path: '/api/public/disclosures',
  tags: ['公开'],
  summary: '已公开的决算（无需登录；可按年度与名称检索）',
  security: [],
  request: {
    query: z.object({
      year: z.coerce.number().int().min(2000).max(2100).optional(),
      q: z.string().max(100).optional(),
    }),
  },
  responses: { 200: jsonContent(PublicIndexSchema, '已公开的决算'), ...errorResponses(400) },
});
const one = createRoute({
  method: 'get',
  path: '/api/public/disclosures/{year}/{code}',
  tags: ['公开'],
  summary: '一份已公开的决算：说明、报表、图表与下载（无需登录）',
  security: [],
  request: { params: where },
  responses: {
    200: jsonContent(PublicDisclosureSchema, '公开的决算'),
    ...errorResponses(404),
  },
});
const file = createRoute({
  method: 'get',
  path: '/api/public/disclosures/{year}/{code}/files/{format}',
  tags: ['公开'],
  summary: '下载已公开决算的文件：docx、xlsx、html，及开放数据 csv、json（无需登录）',
  security: [],
  request: { params: where.extend({ format: z.enum(PUBLICATION_FORMATS) }) },
  responses: {
    200: {
      content: Object.fromEntries(
        PUBLICATION_FORMATS.map((f) => [
          FORMAT_TYPE[f].split(';')[0]!,
          { schema: z.string().openapi({ format: 'binary' }) },
        ]),
      ),
      description: '文件',
    },
    ...errorResponses(404),
  },
});

export function registerPublicRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { db } = deps;
  app.openAPIRegistry.register('PublicWithdrawn', PublicWithdrawnSchema);

  const published = async (year: number, code: string) => {
    const org = await db.selectFrom('organisations').selectAll().where('code', '=', code).executeTakeFirst();
    const row = org
      ? await db
          .selectFrom('disclosures')
          .selectAll()
          .where('organisation_id', '=', org.id)
          .where('year', '=', year)
          .executeTakeFirst()
      : undefined;
    if (org && row && row.status !== 'published') {
      const w = await lastWithdrawal(db, row.id);
      if (w) {
        const unitName = org.name;
        throw new ApiError(
          ApiErrorCode.NotFound,
          `「${unitName}」${year} 年度决算已于 ${w.at.slice(0, 10)} 撤回公开${w.reason ? `，原因：${w.reason}` : ''}。如需查阅，请关注重新公开的版本。`,
          { details: { withdrawn: { at: w.at, reason: w.reason, unitName, year } } },
        );
      }
    }
    if (!org || !row || row.status !== 'published' || row.data === null)
      throw notFound(`${year} 年度已公开的该单位决算`);
    return { org, row, data: JSON.parse(row.data) as unknown };
  };

  const departmentOf = async (org: OrganisationRow): Promise<string | null> => {
    const orgs = await db.selectFrom('organisations').selectAll().execute();
    return ancestorOfKind(new Map(orgs.map((o) => [o.id, o])), org.id, 'department')?.name ?? null;
  };

  // The unit is named as registered (organisations), not by the name inside its data file.
  const fileName = (unit: string, year: number, f: PublicationFormat): string =>
    f === 'csv' || f === 'json'
      ? `${unit}${year}年度决算开放数据.${f}`
      : `${unit}${year}年度部门决算公开.${f}`;

  app.openapi(index, async (c) => {
    const q = c.req.valid('query');
    const rows = await db
      .selectFrom('disclosures')
      .innerJoin('organisations', 'organisations.id', 'disclosures.organisation_id')
      .leftJoin('publications', 'publications.disclosure_id', 'disclosures.id')
      .select([
        'publications.figures',
        'disclosures.year',
        'disclosures.published_at',
        'organisations.id as org_id',
        'organisations.code',
        'organisations.name',
      ])
      .where('disclosures.status', '=', 'published')
      .orderBy('disclosures.year', 'desc')
      .orderBy('organisations.code')
      .execute();
    const orgs = await db.selectFrom('organisations').selectAll().execute();
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const years = [...new Set(rows.map((r) => r.year))];
    const needle = q.q?.trim().toLowerCase();
    const items = rows
      .filter((r) => q.year === undefined || r.year === q.year)
      .map((r) => ({
        year: r.year,
        code: r.code,
        unitName: r.name,
        departmentName: ancestorOfKind(byId, r.org_id, 'department')?.name ?? null,
        publishedAt: r.published_at ?? '',
        path: publicPath(r.year, r.code),
        figures: r.figures ? (JSON.parse(r.figures) as KeyFigure[]) : [],
      }))
      .filter(
        (i) =>
          !needle ||
          i.unitName.toLowerCase().includes(needle) ||
          (i.departmentName ?? '').toLowerCase().includes(needle) ||
          i.code.toLowerCase().includes(needle),
      );
    return c.json({ years, items }, 200);
  });

  app.openapi(one, async (c) => {
    const { year, code } = c.req.valid('param');
    const { org, row, data } = await published(year, code);
    const doc = new Publication(data).view();
    return c.json(
      {
        year,
        code: org.code,
        unitName: org.name,
        departmentName: await departmentOf(org),
        publishedAt: row.published_at ?? '',
        document: doc,
        downloads: PUBLICATION_FORMATS.map((f) => ({
          format: f,
          label: FORMAT_LABEL[f],
          path: `/api/public/disclosures/${year}/${encodeURIComponent(org.code)}/files/${f}`,
          fileName: fileName(org.name, year, f),
        })),
      },
      200,
    );
  });

  app.openapi(file, async (c) => {
    const { year, code, format } = c.req.valid('param');
    const { org, data } = await published(year, code);
    const out = await new Publication(data).file(format);
    const bytes = typeof out === 'string' ? new TextEncoder().encode(out) : out;
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': FORMAT_TYPE[format],
      'Content-Disposition': attachment(fileName(org.name, year, format), `${org.code}-${year}.${format}`),
      // Published data changes only when it is published again.
      'Cache-Control': 'public, max-age=300',
    });
  });
}
