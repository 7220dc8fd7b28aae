/**
 * 0002: published documents uploaded for audit (the PDF itself, kept to render the pages its
 * findings quote, and the audit's result), and the headline figures of each published disclosure
 * (for the public index). Frozen like every released migration.
 */
import type { Migration } from '../migration-types.ts';

export const migration0002: Migration = {
  name: '0002-review-publication',
  async up(db, dialect) {
    await db.schema
      .createTable('document_audits')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('job_id', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('pages', 'integer')
      .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('warning_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('info_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('result', 'text')
      .addColumn('error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema.createIndex('document_audits_job').on('document_audits').column('job_id').execute();
    await db.schema
      .createIndex('document_audits_created_by')
      .on('document_audits')
      .column('created_by')
      .execute();
    await db.schema
      .createTable('publications')
      .addColumn('disclosure_id', 'text', (c) =>
        c.primaryKey().references('disclosures.id').onDelete('cascade'),
      )
      .addColumn('figures', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .execute();
  },
};
