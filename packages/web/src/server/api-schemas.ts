/**
 * Request and response schemas of the JSON API. The same zod objects validate requests, type the
 * handlers and generate `/api/openapi.json`; the browser UI imports their inferred types only.
 */
import { z } from '@hono/zod-openapi';

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(100);

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'E_FORBIDDEN' }),
      message: z.string().openapi({ example: '没有权限执行此操作' }),
      problems: z
        .array(
          z.object({ path: z.string().optional(), line: z.number().int().optional(), message: z.string() }),
        )
        .optional(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export const RoleSchema = z.enum(['admin', 'reviewer', 'editor', 'viewer']).openapi('Role');
export const OrganisationKindSchema = z.enum(['bureau', 'department', 'unit']).openapi('OrganisationKind');
export const DisclosureStatusSchema = z
  .enum(['not_started', 'draft', 'submitted', 'returned', 'approved', 'published'])
  .openapi('DisclosureStatus');

export const ScopeSchema = z.object({ id, name: z.string(), kind: OrganisationKindSchema });

export const MeSchema = z
  .object({
    id,
    username: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    scopes: z.array(ScopeSchema),
    mustChangePassword: z.boolean(),
  })
  .openapi('Me');

export const LoginBodySchema = z
  .object({ username: text(100), password: z.string().min(1).max(200) })
  .openapi('LoginBody');
export const LoginResponseSchema = z
  .object({ user: MeSchema, csrfToken: z.string() })
  .openapi('LoginResponse');
export const ChangePasswordBodySchema = z
  .object({ oldPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) })
  .openapi('ChangePasswordBody');

export const OrganisationSchema = z
  .object({
    id,
    code: z.string(),
    name: z.string(),
    kind: OrganisationKindSchema,
    parentId: z.string().nullable(),
    sortOrder: z.number().int(),
    activeFrom: z.number().int().nullable(),
    activeTo: z.number().int().nullable(),
  })
  .openapi('Organisation');
export const OrganisationListSchema = z
  .object({ items: z.array(OrganisationSchema) })
  .openapi('OrganisationList');

const year = z.number().int().min(2000).max(2100);
export const OrganisationCreateSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]{1,50}$/, '编码只能由字母、数字、点、下划线和连字符组成，最长 50 个字符'),
    name: text(200),
    kind: OrganisationKindSchema,
    parentId: id.nullable(),
    sortOrder: z.number().int().min(0).max(1_000_000).optional(),
    activeFrom: year.nullable().optional(),
    activeTo: year.nullable().optional(),
  })
  .openapi('OrganisationCreate');
export const OrganisationUpdateSchema = OrganisationCreateSchema.omit({ kind: true })
  .partial()
  .openapi('OrganisationUpdate');

export const UserSchema = z
  .object({
    id,
    username: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    disabled: z.boolean(),
    scopes: z.array(id),
    createdAt: z.string(),
    lastLoginAt: z.string().nullable(),
  })
  .openapi('User');
export const UserListSchema = z.object({ items: z.array(UserSchema) }).openapi('UserList');
export const UserCreateSchema = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]{2,50}$/, '用户名为 2–50 个字母、数字、点、下划线或连字符'),
    displayName: text(100),
    role: RoleSchema,
    scopes: z.array(id).max(1000).default([]),
    password: z.string().min(1).max(200).optional(),
  })
  .openapi('UserCreate');
export const UserUpdateSchema = z
  .object({
    displayName: text(100),
    role: RoleSchema,
    scopes: z.array(id).max(1000),
    disabled: z.boolean(),
    password: z.string().min(1).max(200),
  })
  .partial()
  .openapi('UserUpdate');
export const UserCreatedSchema = z
  .object({ user: UserSchema, initialPassword: z.string().optional() })
  .openapi('UserCreated');

export const FindingCellSchema = z.object({
  label: z.string(),
  table: z.string().optional(),
  row: z.string().optional(),
  column: z.string().optional(),
  which: z.string().optional(),
  field: z.string().optional(),
  line: z.number().int().optional(),
  value: z.string().optional(),
});
export const FindingSchema = z
  .object({
    rule: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.string(),
    location: z.string(),
    cells: z.array(FindingCellSchema),
    expected: z.string().optional(),
    actual: z.string().optional(),
    difference: z.string().optional(),
    kind: z.string().optional(),
  })
  .openapi('Finding');
export const FindingsReportSchema = z
  .object({
    summary: z.object({
      error: z.number().int(),
      warning: z.number().int(),
      info: z.number().int(),
      rules: z.number().int(),
      notRun: z.number().int(),
    }),
    findings: z.array(FindingSchema),
    notRun: z.array(z.object({ rule: z.string(), reason: z.string(), detail: z.string() })),
  })
  .openapi('FindingsReport');

export const DisclosureSummarySchema = z
  .object({
    id,
    organisationId: id,
    year: z.number().int(),
    status: DisclosureStatusSchema,
    version: z.number().int(),
    unitName: z.string().nullable(),
    errorCount: z.number().int(),
    warningCount: z.number().int(),
    infoCount: z.number().int(),
    deadline: z.string().nullable(),
    /** Approved after its publication was withdrawn (撤回公开): not on the public pages. */
    withdrawn: z.boolean(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .openapi('DisclosureSummary');

export const DisclosureListItemSchema = z.object({
  organisation: z.object({ id, code: z.string(), name: z.string(), parentId: z.string().nullable() }),
  departmentName: z.string().nullable(),
  status: DisclosureStatusSchema,
  disclosure: DisclosureSummarySchema.nullable(),
});
export const DisclosureListSchema = z
  .object({
    year: z.number().int(),
    items: z.array(DisclosureListItemSchema),
    counts: z.record(z.string(), z.number().int()),
  })
  .openapi('DisclosureList');
export const DisclosureYearsSchema = z
  .object({ years: z.array(z.number().int()) })
  .openapi('DisclosureYears');

const dataObject = z
  .record(z.string(), z.unknown())
  .openapi({ description: '数据文件内容（JSON 对象，格式见 docs/data-format.md）' });

export const DisclosureCreateSchema = z
  .object({
    organisationId: id,
    fileName: text(200),
    content: z.string().min(1).openapi({ description: '数据文件（YAML 或 JSON）的全文' }),
  })
  .openapi('DisclosureCreate');
export const DisclosureDetailSchema = z
  .object({
    disclosure: DisclosureSummarySchema,
    organisation: OrganisationSchema,
    data: dataObject.nullable(),
    findings: FindingsReportSchema.nullable(),
    canEdit: z.boolean(),
  })
  .openapi('DisclosureDetail');
export const DisclosureSaveSchema = z
  .object({
    version: z.number().int().min(1).openapi({ description: '本次修改所依据的版本号' }),
    data: dataObject,
    note: z.string().max(500).optional(),
  })
  .openapi('DisclosureSave');
export const DisclosureSavedSchema = z
  .object({ disclosure: DisclosureSummarySchema, findings: FindingsReportSchema })
  .openapi('DisclosureSaved');
export const ValidateBodySchema = z.object({ data: dataObject }).openapi('ValidateBody');

export const ChangeSchema = z.object({
  path: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export const StaleVersionDetailsSchema = z
  .object({
    currentVersion: z.number().int(),
    yourVersion: z.number().int(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
    /** What changed between the version the client started from and the current one. */
    theirChanges: z.array(ChangeSchema),
    truncated: z.boolean(),
  })
  .openapi('StaleVersionDetails');

export const VersionItemSchema = z
  .object({
    version: z.number().int(),
    status: DisclosureStatusSchema,
    note: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .openapi('VersionItem');
export const VersionListSchema = z.object({ items: z.array(VersionItemSchema) }).openapi('VersionList');
export const VersionDetailSchema = VersionItemSchema.extend({ data: dataObject }).openapi('VersionDetail');
export const RestoreBodySchema = z.object({ currentVersion: z.number().int().min(1) }).openapi('RestoreBody');

export const CommentSchema = z
  .object({
    id,
    version: z.number().int(),
    authorName: z.string().nullable(),
    location: z.unknown().nullable(),
    body: z.string(),
    createdAt: z.string(),
  })
  .openapi('Comment');
export const CommentListSchema = z.object({ items: z.array(CommentSchema) }).openapi('CommentList');
export const CommentCreateSchema = z
  .object({
    body: text(5000),
    location: z
      .object({
        table: z.string().max(20),
        row: z.string().max(100),
        column: z.string().max(100),
        which: z.enum(['prior', 'budget']),
      })
      .partial()
      .extend({ sentence: z.string().max(2000).optional() })
      .optional(),
  })
  .openapi('CommentCreate');

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    ip: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    summary: z.string(),
    oldValue: z.unknown().nullable(),
    newValue: z.unknown().nullable(),
  })
  .openapi('AuditEntry');
export const AuditListSchema = z
  .object({ items: z.array(AuditEntrySchema), nextBefore: z.number().int().nullable() })
  .openapi('AuditList');

export const JobSchema = z
  .object({
    id,
    kind: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.number().int(),
    message: z.string().nullable(),
    result: z.unknown().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Job');
export const RevalidateBodySchema = z.object({ year }).openapi('RevalidateBody');

const labelled = z.object({ id: z.string(), label: z.string() });
export const TableSpecListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        number: z.string(),
        name: z.string(),
        columns: z.array(labelled),
        fixedRows: z.array(labelled),
      }),
    ),
  })
  .openapi('TableSpecList');

export type ErrorBody = z.infer<typeof ErrorBodySchema>;
export type Me = z.infer<typeof MeSchema>;
export type Role = z.infer<typeof RoleSchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;
export type OrganisationCreate = z.infer<typeof OrganisationCreateSchema>;
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;
export type User = z.infer<typeof UserSchema>;
export type UserCreate = z.input<typeof UserCreateSchema>;
export type UserCreated = z.infer<typeof UserCreatedSchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type FindingsReport = z.infer<typeof FindingsReportSchema>;
export type DisclosureStatus = z.infer<typeof DisclosureStatusSchema>;
export type DisclosureSummary = z.infer<typeof DisclosureSummarySchema>;
export type DisclosureList = z.infer<typeof DisclosureListSchema>;
export type DisclosureListItem = z.infer<typeof DisclosureListItemSchema>;
export type DisclosureDetail = z.infer<typeof DisclosureDetailSchema>;
export type DisclosureSaved = z.infer<typeof DisclosureSavedSchema>;
export type StaleVersionDetails = z.infer<typeof StaleVersionDetailsSchema>;
export type VersionItem = z.infer<typeof VersionItemSchema>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type Job = z.infer<typeof JobSchema>;
export type TableSpecList = z.infer<typeof TableSpecListSchema>;
