/**
 * 0003: on SQLite, an index that holds every summary column of a disclosure, so that lists of many
 * disclosures (the review dashboard, the year's list) read the index alone. SQLite stores a row's
 * columns in order, and every column after `data` (~20 kB a unit, spread over overflow pages) sat
 * behind it: reading a unit's status or counts walked its whole data file. PostgreSQL keeps large
 * values out of line (TOAST) and needs no such index; there it would only cost every save its
 * in-place (HOT) update. Frozen like every released migration.
 */
import type { Migration } from '../migration-types.ts';

export const migration0003: Migration = {
  name: '0003-disclosure-summary-index',
  async up(db, dialect) {
    if (dialect !== 'sqlite') return;
    await db.schema
      .createIndex('disclosures_summary')
      .on('disclosures')
      .columns([
        'year',
        'organisation_id',
        'id',
        'status',
        'version',
        'unit_name',
        'error_count',
        'warning_count',
        'info_count',
        'deadline',
        'submitted_at',
        'approved_at',
        'published_at',
        'created_at',
        'updated_at',
        'updated_by',
      ])
      .execute();
  },
};
