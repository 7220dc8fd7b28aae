/**
 * A stamp of the whole database that moves with every committed write, by this process or any
 * other: on SQLite the connection's count of changed rows (`total_changes()`) and `data_version`
 * (which moves with each commit of another connection); on PostgreSQL the snapshot
 * (`pg_current_snapshot()`: the transactions still running and the latest to end), which moves
 * when any transaction that wrote ends. Equal stamps: nothing was committed in between. The review
 * list keeps what it built against it (review-list.ts); the session lookup reads it in the same
 * query, so that the list needs no query of its own for it.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from './migration-types.ts';
import type { DB } from './schema.ts';

/** The stamp as a select expression (`db_stamp`), the same text however it is read. */
export const databaseStampColumn = (dialect: Dialect) =>
  (dialect === 'sqlite'
    ? sql<string>`(total_changes() || '|' || (select data_version from pragma_data_version))`
    : sql<string>`pg_current_snapshot()::text`
  ).as('db_stamp');

export async function readDatabaseStamp(db: Kysely<DB>, dialect: Dialect): Promise<string> {
  const r = await db.selectNoFrom(databaseStampColumn(dialect)).executeTakeFirstOrThrow();
  return String(r.db_stamp);
}
