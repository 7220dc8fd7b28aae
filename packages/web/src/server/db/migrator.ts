/**
 * Applies the numbered migrations in order, each in its own transaction. A database whose applied
 * migrations are not a prefix of the known ones (edited, removed, reordered, or from a newer release)
 * is refused before anything is changed: running on it would mean guessing at its schema.
 */
import { sql, type Kysely } from 'kysely';
import { ApiError, ApiErrorCode } from '../errors.ts';
import type { Dialect, Migration } from './migration-types.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { DB } from './schema.ts';

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

async function appliedMigrations(db: Kysely<DB>): Promise<string[]> {
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const rows = await db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
  return rows.map((r) => r.name);
}

/** Throws `E_MIGRATION_MISMATCH` unless `applied` is a prefix of `known`. */
export function checkMigrationPrefix(applied: readonly string[], known: readonly string[]): void {
  for (let i = 0; i < applied.length; i++) {
    if (i >= known.length) {
      throw new ApiError(
        ApiErrorCode.MigrationMismatch,
        `数据库由更新版本的 Juesuan 创建：已应用 ${applied.length} 个迁移，本程序只有 ${known.length} 个（第 ${i + 1} 个「${applied[i]}」本程序不认识）。请升级 Juesuan，或另建数据库；本程序没有改动这个数据库。`,
      );
    }
    if (applied[i] !== known[i]) {
      throw new ApiError(
        ApiErrorCode.MigrationMismatch,
        `数据库的迁移记录与本程序不符：第 ${i + 1} 个迁移在数据库中为「${applied[i]}」，本程序中为「${known[i]}」。已发布的迁移不得修改、改名或删除；请使用与该数据库匹配的 Juesuan 版本，或另建数据库。本程序没有改动这个数据库。`,
      );
    }
  }
}

export async function migrate(
  db: Kysely<DB>,
  dialect: Dialect,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationResult> {
  const applied = await appliedMigrations(db);
  checkMigrationPrefix(
    applied,
    migrations.map((m) => m.name),
  );
  const done: string[] = [];
  for (const m of migrations.slice(applied.length)) {
    await db.transaction().execute(async (trx) => {
      // A second server starting on the same PostgreSQL waits here instead of applying twice.
      if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(7406121)`.execute(trx);
      const again = await trx
        .selectFrom('schema_migrations')
        .select('name')
        .where('name', '=', m.name)
        .executeTakeFirst();
      if (again) return;
      await m.up(trx as unknown as Kysely<unknown>, dialect);
      await trx
        .insertInto('schema_migrations')
        .values({ name: m.name, applied_at: new Date().toISOString() })
        .execute();
      done.push(m.name);
    });
  }
  return { applied: done, alreadyApplied: applied };
}
