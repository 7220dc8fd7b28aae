/**
 * Schemas of the review, publication and document-audit API (issue 11, items 4 and 5). Like
 * api-schemas.ts, the same zod objects validate requests, type handlers and generate the OpenAPI
 * document; the UI imports their inferred types only.
 */
import { z } from '@hono/zod-openapi';
import { DisclosureStatusSchema } from './api-schemas.ts';

const id = z.string().min(1).max(100);

/** The status a reviewer sees: the stored one, or 逾期 when an approved disclosure is past its publication deadline. */
export const ReviewStatusSchema = z
  .enum(['not_started', 'draft', 'submitted', 'returned', 'approved', 'published', 'overdue', 'withdrawn'])
  .openapi('ReviewStatus', {
    description:
      '状态：未开始、填报中、已提交、已退回、已审核、已公开、逾期未公开（审核通过后超过 20 天未公开）、已撤回公开（公开后被撤回，可重新公开或退回）',
  });

export const ReviewItemSchema = z
  .object({
    organisation: z.object({ id, code: z.string(), name: z.string() }),
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    status: ReviewStatusSchema,
    disclosureId: z.string().nullable(),
    errorCount: z.number().int(),
    warningCount: z.number().int(),
    openComments: z.number().int(),
    submittedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    /** Publication deadline: 20 days after approval. */
    deadline: z.string().nullable(),
    updatedAt: z.string().nullable(),
    /** The public page, once published. */
    publicPath: z.string().nullable(),
  })
  .openapi('ReviewItem');

export const ReviewDashboardSchema = z
  .object({
    year: z.number().int(),
    items: z.array(ReviewItemSchema),
    /** Units per status over the whole year (before filters). */
    counts: z.record(z.string(), z.number().int()),
    departments: z.array(z.object({ id, name: z.string() })),
    total: z.number().int(),
  })
  .openapi('ReviewDashboard');

export const ReviewQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  status: ReviewStatusSchema.optional(),
  departmentId: id.optional(),
  q: z.string().max(100).optional(),
  sort: z.enum(['tree', 'status', 'errors', 'deadline', 'updated']).optional(),
});

export const CommentLocationSchema = z
  .object({
    table: z.string().max(20).optional(),
    row: z.string().max(100).optional(),
    column: z.string().max(100).optional(),
    /** The 上年决算数 or 年初预算数 of that column rather than this year's figure. */
    which: z.enum(['prior', 'budget']).optional(),
    sentence: z.string().max(2000).optional(),
  })
  .openapi('CommentLocation');

export const ReturnBodySchema = z
  .object({
    comment: z.string().trim().min(1, '退回须写明意见').max(5000),
    location: CommentLocationSchema.optional(),
    /** More comments on further cells or sentences, returned together. */
    more: z
      .array(
        z.object({ comment: z.string().trim().min(1).max(5000), location: CommentLocationSchema.optional() }),
      )
      .max(100)
      .optional(),
  })
  .openapi('ReturnBody');
export const WithdrawBodySchema = z
  .object({ reason: z.string().trim().min(1, '撤回公开须写明原因').max(2000) })
  .openapi('WithdrawBody');
export const TransitionBodySchema = z
  .object({ comment: z.string().trim().max(5000).optional() })
  .openapi('TransitionBody');

/** Submitting may name the version the editor saw: a newer one on the server (saved by someone else) is a 409. */
export const SubmitBodySchema = z
  .object({
    comment: z.string().trim().max(5000).optional(),
    version: z.number().int().positive().optional(),
  })
  .openapi('SubmitBody');

export const WorkflowCommentSchema = z.object({
  id,
  version: z.number().int(),
  authorName: z.string().nullable(),
  location: CommentLocationSchema.nullable(),
  /** The location in words: 表三「…」行「…」列, or the sentence quoted. */
  where: z.string(),
  body: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});

export const WorkflowEventSchema = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  summary: z.string(),
});

export const WorkflowSchema = z
  .object({
    disclosureId: id,
    organisation: z.object({ id, code: z.string(), name: z.string() }),
    year: z.number().int(),
    version: z.number().int(),
    status: ReviewStatusSchema,
    storedStatus: DisclosureStatusSchema,
    errorCount: z.number().int(),
    warningCount: z.number().int(),
    submittedAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    deadline: z.string().nullable(),
    publicPath: z.string().nullable(),
    /** What the signed-in user may do now. */
    actions: z.array(z.enum(['submit', 'return', 'approve', 'publish', 'withdraw'])),
    /** Set while a publication is withdrawn: when, by whom and why. */
    withdrawal: z.object({ at: z.string(), by: z.string().nullable(), reason: z.string() }).nullable(),
    comments: z.array(WorkflowCommentSchema),
    events: z.array(WorkflowEventSchema),
  })
  .openapi('Workflow');

// Public pages -------------------------------------------------------------------------------

const PublicCellSchema = z.object({
  text: z.string(),
  colSpan: z.number().int().optional(),
  rowSpan: z.number().int().optional(),
  align: z.enum(['left', 'center', 'right']).optional(),
  bold: z.boolean().optional(),
  unknown: z.boolean().optional(),
});
export const PublicDocumentSchema = z
  .object({
    title: z.string(),
    unitName: z.string(),
    year: z.number().int(),
    profile: z.string(),
    draft: z.boolean(),
    blocks: z.array(
      z.union([
        z.object({ type: z.literal('title'), text: z.string(), subtitle: z.string().optional() }),
        z.object({ type: z.literal('heading'), level: z.number().int(), text: z.string() }),
        z.object({ type: z.literal('paragraph'), text: z.string(), placeholder: z.boolean() }),
        z.object({ type: z.literal('table'), tableId: z.string() }),
        z.object({ type: z.literal('chart'), chartId: z.string() }),
      ]),
    ),
    tables: z.array(
      z.object({
        id: z.string(),
        number: z.string(),
        title: z.string(),
        subtitle: z.string().optional(),
        unitLine: z.string().optional(),
        unitLabel: z.string().optional(),
        header: z.array(z.array(PublicCellSchema)),
        rows: z.array(
          z.object({
            cells: z.array(PublicCellSchema),
            bold: z.boolean().optional(),
            indent: z.number().int().optional(),
          }),
        ),
        notes: z.array(z.string()),
      }),
    ),
    charts: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['pie', 'bar']),
        title: z.string(),
        categories: z.array(z.string()),
        series: z.array(z.object({ name: z.string(), values: z.array(z.number()) })),
        unit: z.string(),
      }),
    ),
  })
  .openapi('PublicDocument');

export const PublicDownloadSchema = z.object({
  format: z.enum(['docx', 'xlsx', 'html', 'csv', 'json']),
  label: z.string(),
  path: z.string(),
  fileName: z.string(),
});

/** The `details` of the 404 of a withdrawn publication's public page. */
export const PublicWithdrawnSchema = z
  .object({
    withdrawn: z.object({ at: z.string(), reason: z.string(), unitName: z.string(), year: z.number().int() }),
  })
  .openapi('PublicWithdrawn');

export const PublicDisclosureSchema = z
  .object({
    year: z.number().int(),
    code: z.string(),
    unitName: z.string(),
    departmentName: z.string().nullable(),
    publishedAt: z.string(),
    document: PublicDocumentSchema,
    downloads: z.array(PublicDownloadSchema),
  })
  .openapi('PublicDisclosure');

export const PublicIndexSchema = z
  .object({
    years: z.array(z.number().int()),
    items: z.array(
      z.object({
        year: z.number().int(),
        code: z.string(),
        unitName: z.string(),
        departmentName: z.string().nullable(),
        publishedAt: z.string(),
        path: z.string(),
        /** Headline figures (T1), for comparing units and years. */
        figures: z.array(
          z.object({ key: z.string(), label: z.string(), fen: z.number().int(), text: z.string() }),
        ),
      }),
    ),
  })
  .openapi('PublicIndex');

// Document audits ----------------------------------------------------------------------------

export const DocumentAuditFindingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  page: z.number().int().optional(),
  text: z.string().optional(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  basis: z.string().optional(),
});

export const DocumentAuditSummarySchema = z
  .object({
    id,
    jobId: id,
    fileName: z.string(),
    size: z.number().int(),
    status: z.enum(['queued', 'done', 'failed']),
    pages: z.number().int().nullable(),
    errorCount: z.number().int(),
    warningCount: z.number().int(),
    infoCount: z.number().int(),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('DocumentAuditSummary');

export const DocumentAuditListSchema = z
  .object({ items: z.array(DocumentAuditSummarySchema) })
  .openapi('DocumentAuditList');

export const DocumentAuditDetailSchema = DocumentAuditSummarySchema.extend({
  /** Page images can be rendered (a PDF). */
  renderable: z.boolean(),
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  findings: z.array(DocumentAuditFindingSchema),
  tables: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: z.string(),
      pages: z.array(z.number().int()),
      reason: z.string().optional(),
    }),
  ),
}).openapi('DocumentAuditDetail');

export const DocumentAuditStartedSchema = z
  .object({
    jobId: id,
    items: z.array(DocumentAuditSummarySchema),
    /** Files of the upload that were not taken (empty, too large, not a PDF), each with its reason. */
    rejected: z.array(z.object({ fileName: z.string(), reason: z.string() })),
  })
  .openapi('DocumentAuditStarted');

export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;
export type ReviewItem = z.infer<typeof ReviewItemSchema>;
export type ReviewDashboard = z.infer<typeof ReviewDashboardSchema>;
export type CommentLocation = z.infer<typeof CommentLocationSchema>;
export type PublicWithdrawn = z.infer<typeof PublicWithdrawnSchema>;
export type Workflow = z.infer<typeof WorkflowSchema>;
export type WorkflowComment = z.infer<typeof WorkflowCommentSchema>;
export type PublicDisclosure = z.infer<typeof PublicDisclosureSchema>;
export type PublicDocument = z.infer<typeof PublicDocumentSchema>;
export type PublicIndex = z.infer<typeof PublicIndexSchema>;
export type DocumentAuditSummary = z.infer<typeof DocumentAuditSummarySchema>;
export type DocumentAuditDetail = z.infer<typeof DocumentAuditDetailSchema>;
export type DocumentAuditFinding = z.infer<typeof DocumentAuditFindingSchema>;

// One comment ticked off or opened again ----------------------------------------------------

export const CommentStateSchema = z
  .object({
    resolved: z.boolean().openapi({ description: 'true：标为已处理；false：重新打开' }),
  })
  .openapi('CommentState');
export const CommentStateOutSchema = z
  .object({
    id: z.string(),
    resolvedAt: z.string().nullable(),
    resolvedByName: z.string().nullable(),
  })
  .openapi('CommentStateOut');
export type CommentStateOut = z.infer<typeof CommentStateOutSchema>;
