import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { databaseTargets, type TestDatabase } from '../testing/targets.ts';
import { checkMigrationPrefix, migrate } from './migrator.ts';
import type { Migration } from './migration-types.ts';
import { MIGRATIONS } from './migrations/index.ts';

describe('checkMigrationPrefix', () => {
  const known = ['0001-initial', '0002-more'];
  it('accepts a prefix of the known migrations', () => {
    expect(() => checkMigrationPrefix([], known)).not.toThrow();
    expect(() => checkMigrationPrefix(['0001-initial'], known)).not.toThrow();
    expect(() => checkMigrationPrefix(known, known)).not.toThrow();
  });
  it('refuses an edited or reordered history, with a Chinese message naming both sides', () => {
    try {
      checkMigrationPrefix(['0001-renamed'], known);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe('E_MIGRATION_MISMATCH');
      expect((e as ApiError).message).toContain(
        '第 1 个迁移在数据库中为「0001-renamed」，本程序中为「0001-initial」',
      );
    }
    expect(() => checkMigrationPrefix(['0002-more', '0001-initial'], known)).toThrow(/迁移记录与本程序不符/);
  });
  it('refuses a database from a newer release', () => {
    expect(() => checkMigrationPrefix([...known, '0003-future'], known)).toThrow(
      /更新版本的 Juesuan.*0003-future/,
    );
  });
});

describe('migration files', () => {
  it('are numbered 0001, 0002, … in order, each name unique', () => {
    MIGRATIONS.forEach((m, i) =>
      expect(m.name).toMatch(new RegExp(`^${String(i + 1).padStart(4, '0')}-[a-z0-9-]+$`)),
    );
  });
});

describe.each(databaseTargets())('migrations on $name', (target) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await target.open();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  const tables = async (): Promise<string[]> => {
    const db = t.database.db as unknown as Kysely<unknown>;
    const list = await db.introspection.getTables();
    // PostgreSQL lists every schema's tables; other test files run in schemas of their own.
    const schema =
      t.database.dialect === 'postgres'
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
        : undefined;
    return list
      .filter((x) => schema === undefined || x.schema === schema)
      .map((x) => x.name)
      .sort();
  };

  it('creates every table on a fresh database, and a second run does nothing', async () => {
    const first = await migrate(t.database.db, t.database.dialect);
    expect(first.applied).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await tables()).toEqual(
      [
        'audit_log',
        'comments',
        'disclosure_versions',
        'disclosures',
        'document_audits',
        'jobs',
        'organisations',
        'publications',
        'schema_migrations',
        'sessions',
        'user_scopes',
        'users',
      ].sort(),
    );
    const second = await migrate(t.database.db, t.database.dialect);
    expect(second.applied).toEqual([]);
  });

  it('applies only the missing migrations, in order', async () => {
    const extra: Migration = {
      name: '0002-test-extra',
      up: async (db) => {
        await db.schema
          .createTable('extra_test')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .execute();
      },
    };
    await migrate(t.database.db, t.database.dialect);
    const r = await migrate(t.database.db, t.database.dialect, [...MIGRATIONS, extra]);
    expect(r.applied).toEqual(['0002-test-extra']);
    expect(await tables()).toContain('extra_test');
  });

  it('refuses a database whose applied migrations are not a prefix, and changes nothing', async () => {
    await migrate(t.database.db, t.database.dialect);
    await sql`update schema_migrations set name = '0001-edited' where name = '0001-initial'`.execute(
      t.database.db,
    );
    const before = await tables();
    await expect(migrate(t.database.db, t.database.dialect)).rejects.toThrow(
      /迁移记录与本程序不符.*0001-edited/,
    );
    expect(await tables()).toEqual(before);
  });

  it('refuses a database migrated by a newer release', async () => {
    await migrate(t.database.db, t.database.dialect);
    await t.database.db
      .insertInto('schema_migrations')
      .values({ name: '0999-from-the-future', applied_at: new Date().toISOString() })
      .execute();
    await expect(migrate(t.database.db, t.database.dialect)).rejects.toThrow(/更新版本的 Juesuan/);
  });

  it('rolls a failing migration back whole', async () => {
    await migrate(t.database.db, t.database.dialect);
    const broken: Migration = {
      name: '0002-broken',
      up: async (db) => {
        await db.schema.createTable('half_done').addColumn('id', 'text').execute();
        throw new Error('boom');
      },
    };
    await expect(migrate(t.database.db, t.database.dialect, [...MIGRATIONS, broken])).rejects.toThrow('boom');
    expect(await tables()).not.toContain('half_done');
    const applied = await t.database.db.selectFrom('schema_migrations').select('name').execute();
    expect(applied.map((a) => a.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });
});
