/**
 * Row types of the database as Kysely sees them. The same shape on SQLite and PostgreSQL: ids are
 * text (UUIDs), times are ISO-8601 text in UTC, flags are integers 0/1, JSON is text.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export const OrganisationKind = { Bureau: 'bureau', Department: 'department', Unit: 'unit' } as const;
export type OrganisationKind = (typeof OrganisationKind)[keyof typeof OrganisationKind];

export const Role = { Admin: 'admin', Reviewer: 'reviewer', Editor: 'editor', Viewer: 'viewer' } as const;
export type Role = (typeof Role)[keyof typeof Role];

export const DisclosureStatus = {
  NotStarted: 'not_started',
  Draft: 'draft',
  Submitted: 'submitted',
  Returned: 'returned',
  Approved: 'approved',
  Published: 'published',
} as const;
export type DisclosureStatus = (typeof DisclosureStatus)[keyof typeof DisclosureStatus];

export const JobStatus = { Queued: 'queued', Running: 'running', Done: 'done', Failed: 'failed' } as const;
export type JobStatus = (typeof JobStatus)[keyof typeof JobStatus];

export interface SchemaMigrationsTable {
  name: string;
  applied_at: string;
}

/** An organisation keeps its id across years; `active_from`/`active_to` bound the years it exists. */
export interface OrganisationsTable {
  id: string;
  code: string;
  name: string;
  kind: OrganisationKind;
  parent_id: string | null;
  sort_order: number;
  active_from: number | null;
  active_to: number | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  must_change_password: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

/** The organisations a reviewer, editor or viewer works on (an admin has none: everything). */
export interface UserScopesTable {
  user_id: string;
  organisation_id: string;
}

/** `id` is the SHA-256 of the cookie token, so a copy of the table does not hand out sessions. */
export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface DisclosuresTable {
  id: string;
  organisation_id: string;
  year: number;
  status: DisclosureStatus;
  /** Optimistic lock: a save names the version it started from. */
  version: number;
  /** The data file as JSON text (floats kept as decimal text); null while not started. */
  data: string | null;
  unit_name: string | null;
  error_count: number;
  warning_count: number;
  info_count: number;
  deadline: string | null;
  submitted_at: string | null;
  approved_at: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export interface DisclosureVersionsTable {
  id: string;
  disclosure_id: string;
  version: number;
  data: string;
  status: DisclosureStatus;
  note: string | null;
  created_at: string;
  created_by: string | null;
}

export interface CommentsTable {
  id: string;
  disclosure_id: string;
  version: number;
  author_id: string | null;
  /** JSON: the cell or sentence the comment is about. */
  location: string | null;
  body: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  old_value: string | null;
  new_value: string | null;
}

export interface JobsTable {
  id: string;
  kind: string;
  status: JobStatus;
  /** 0–100. */
  progress: number;
  message: string | null;
  result: string | null;
  error: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** A published document (PDF, DOCX or text) uploaded to be audited; `job_id` groups one upload of many files. */
export interface DocumentAuditsTable {
  id: string;
  job_id: string;
  created_by: string;
  file_name: string;
  size: number;
  content: Uint8Array;
  status: 'queued' | 'done' | 'failed';
  pages: number | null;
  error_count: number;
  warning_count: number;
  info_count: number;
  /** JSON of the audit's findings and tables. */
  result: string | null;
  /** Why the document could not be audited (Chinese). */
  error: string | null;
  created_at: string;
  finished_at: string | null;
}

/** What a publication states at its headline, kept when it is published (JSON of KeyFigure[]). */
export interface PublicationsTable {
  disclosure_id: string;
  figures: string;
  published_at: string;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  user_scopes: UserScopesTable;
  sessions: SessionsTable;
  disclosures: DisclosuresTable;
  disclosure_versions: DisclosureVersionsTable;
  comments: CommentsTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  document_audits: DocumentAuditsTable;
  publications: PublicationsTable;
}

export type OrganisationRow = Selectable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type DisclosureRow = Selectable<DisclosuresTable>;
export type DisclosureVersionRow = Selectable<DisclosureVersionsTable>;
export type CommentRow = Selectable<CommentsTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type JobRow = Selectable<JobsTable>;
export type NewAuditLog = Insertable<AuditLogTable>;
export type OrganisationUpdate = Updateable<OrganisationsTable>;
export type DocumentAuditRow = Selectable<DocumentAuditsTable>;
