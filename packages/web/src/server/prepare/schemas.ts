/** Request and response schemas of the unit editor's API (import, previous year, live check, package, submit). */
import { z } from '@hono/zod-openapi';
import { FindingsReportSchema } from '../api-schemas.ts';

const id = z.string().min(1).max(100);
const year = z.number().int().min(2000).max(2100);
const dataObject = z
  .record(z.string(), z.unknown())
  .openapi({ description: '数据文件内容（JSON 对象，格式见 docs/data-format.md）' });

export const CatalogueItemSchema = z.object({ code: z.string(), name: z.string(), level: z.string() });
export const CatalogueSchema = z
  .object({
    year: z.number().int(),
    function: z.array(CatalogueItemSchema).openapi({ description: '支出功能分类科目（类、款、项）' }),
    economic: z.array(CatalogueItemSchema).openapi({ description: '支出经济分类科目（类、款）' }),
    source: z.string(),
  })
  .openapi('Catalogue');

export const ProfileListSchema = z
  .object({ items: z.array(z.object({ id: z.string(), name: z.string() })) })
  .openapi('ReportProfileList');

export const ReadFileBodySchema = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    contentBase64: z
      .string()
      .min(1)
      .openapi({ description: '文件内容（Base64）：数据文件 YAML/JSON，或工作簿 XLSX/CSV' }),
    year: year.optional().openapi({ description: '工作簿未写明年度时使用' }),
    unitName: z.string().max(200).optional(),
    profile: z.string().max(100).optional(),
  })
  .openapi('ReadFileBody');

export const ImportReportSchema = z
  .object({
    lines: z.array(z.string()),
    tables: z.array(
      z.object({
        table: z.string(),
        name: z.string(),
        sheet: z.string(),
        cell: z.string(),
        rows: z.number().int(),
        cells: z.number().int(),
        unit: z.string(),
      }),
    ),
    notFound: z.array(z.string()),
    skipped: z.array(
      z.object({
        sheet: z.string(),
        cell: z.string().optional(),
        text: z.string().optional(),
        reason: z.string(),
      }),
    ),
    warnings: z.array(z.string()),
  })
  .openapi('ImportReport');

export const ReadFileResultSchema = z
  .object({
    kind: z.enum(['data', 'workbook']),
    data: dataObject,
    importReport: ImportReportSchema.nullable(),
    findings: FindingsReportSchema,
  })
  .openapi('ReadFileResult');

export const PreviousYearBodySchema = z
  .object({ organisationId: id, year: year.openapi({ description: '要填报的年度（上年数据取自前一年）' }) })
  .openapi('PreviousYearBody');
export const PreviousYearResultSchema = z
  .object({
    data: dataObject,
    previousYear: z.number().int(),
    previousVersion: z.number().int(),
    carried: z.number().int().openapi({ description: '带入的上年数个数' }),
    findings: FindingsReportSchema,
  })
  .openapi('PreviousYearResult');

export const CheckBodySchema = z
  .object({ data: dataObject, profile: z.string().max(100).optional() })
  .openapi('LiveCheckBody');

const GapSchema = z.object({
  place: z.string(),
  text: z.string(),
  field: z.string().optional(),
  /** The field in words, when place and text do not already say where (never an internal path). */
  fieldLabel: z.string().optional(),
});
export const GapsSchema = z.object({
  placeholders: z.array(GapSchema),
  unknownCells: z.array(GapSchema),
  warnings: z.array(z.string()),
});
export const ReasonItemSchema = z.object({
  field: z.string(),
  table: z.string().nullable(),
  row: z.string().nullable(),
  kind: z.enum(['prior', 'budget']),
  label: z.string(),
  current: z.string().nullable(),
  base: z.string().nullable(),
  baseName: z.string(),
  reason: z.string(),
  state: z.enum(['missing', 'given']),
  message: z.string().nullable(),
});
export const PreviewBlockSchema = z.object({
  type: z.enum(['title', 'heading', 'paragraph', 'table', 'chart']),
  level: z.number().int().optional(),
  text: z.string(),
  runs: z.array(z.object({ text: z.string(), placeholder: z.boolean().optional() })).optional(),
});
export const LiveCheckSchema = z
  .object({
    findings: FindingsReportSchema,
    reasons: z.array(ReasonItemSchema),
    preview: z
      .object({
        profile: z.string(),
        profileName: z.string(),
        title: z.string(),
        draft: z.boolean(),
        blocks: z.array(PreviewBlockSchema),
      })
      .nullable(),
    gaps: GapsSchema,
  })
  .openapi('LiveCheck');

export const PackageBodySchema = z
  .object({
    profile: z.string().max(100).optional(),
    pdf: z.boolean().optional().openapi({ description: '附带 PDF（需服务器装有 LibreOffice），默认附带' }),
    only: z
      .enum(['docx', 'xlsx', 'html', 'pdf'])
      .optional()
      .openapi({ description: '只下载其中一个文件（不打包）' }),
  })
  .openapi('PackageBody');
export const PackageBlockedSchema = z
  .object({ errors: z.array(z.string()), gaps: GapsSchema })
  .openapi('PackageBlocked');

export type Catalogue = z.infer<typeof CatalogueSchema>;
export type ReadFileResult = z.infer<typeof ReadFileResultSchema>;
export type PreviousYearResult = z.infer<typeof PreviousYearResultSchema>;
export type LiveCheck = z.infer<typeof LiveCheckSchema>;
export type ReasonItem = z.infer<typeof ReasonItemSchema>;
export type ImportReport = z.infer<typeof ImportReportSchema>;
export type PreviewBlock = z.infer<typeof PreviewBlockSchema>;
export type Gaps = z.infer<typeof GapsSchema>;
export type ProfileList = z.infer<typeof ProfileListSchema>;
