/**
 * On PostgreSQL the server's queries run as named prepared statements (database.ts): parsed and planned once per
 * connection, with the same results as unprepared ones.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { migrate } from './migrator.ts';
import { fullTest, pgUrl } from '../testing/targets.ts';

const run = pgUrl !== undefined || fullTest;
if (!run)
  console.log(
    'PostgreSQL 预备语句测试已跳过：未设置 JUESUAN_TEST_DATABASE_URL 或 DATABASE_URL（.ci/run 会设置）',
  );

describe.runIf(run)('prepared statements on PostgreSQL', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let database: Database;
  let plain: Database;
  beforeAll(async () => {
    if (!pgUrl)
      throw new Error('JUESUAN_FULL_TEST=1 时必须在 PostgreSQL 上运行：请设置 JUESUAN_TEST_DATABASE_URL');
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    // One connection, so that the statements it prepared can be listed on it.
    database = openDatabase({ databaseUrl: pgUrl, pgSchema: schema, pgPoolSize: 1 });
    await migrate(database.db, database.dialect);
    process.env['JUESUAN_PG_PREPARE'] = '0';
    plain = openDatabase({ databaseUrl: pgUrl, pgSchema: schema, pgPoolSize: 1 });
    delete process.env['JUESUAN_PG_PREPARE'];
  });
  afterAll(async () => {
    await database?.close();
    await plain?.close();
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  });

  const prepared = async (db: Database): Promise<string[]> =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db.db)).rows.map(
      (r) => r.statement,
    );

  it('prepares a query once on its connection and gives the same rows as an unprepared run', async () => {
    const now = new Date().toISOString();
    await database.db
      .insertInto('organisations')
      .values({
        id: 'o1',
        parent_id: null,
        kind: 'bureau',
        name: '财政局<b>',
        code: 'CZJ',
        sort_order: 0,
        active_from: null,
        active_to: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const query = (db: Database) =>
      db.db.selectFrom('organisations').select(['id', 'name', 'code']).where('code', '=', 'CZJ').execute();
    const first = await query(database);
    const second = await query(database);
    expect(second).toEqual(first);
    expect(first).toEqual([{ id: 'o1', name: '财政局<b>', code: 'CZJ' }]);
    expect(await query(plain)).toEqual(first);
    const statements = await prepared(database);
    expect(
      statements.filter((s) => s.includes('from "organisations"') && s.includes('"code" = $1')),
    ).toHaveLength(1);
    // The connection that was told not to prepare has nothing prepared.
    expect(await prepared(plain)).toEqual([]);
  });

  it('runs transactions and a failing query as before', async () => {
    await expect(
      database.db.transaction().execute(async (t) => {
        await t.updateTable('organisations').set({ name: '改名' }).where('id', '=', 'o1').execute();
        throw new Error('回滚');
      }),
    ).rejects.toThrow('回滚');
    const row = await database.db
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', 'o1')
      .executeTakeFirst();
    expect(row?.name).toBe('财政局<b>');
    await expect(
      database.db
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', 'o1')
        .where(sql`1/0`, '=', 1)
        .execute(),
    ).rejects.toThrow();
    // The connection is still usable after the error.
    expect(await database.db.selectFrom('organisations').select('id').execute()).toEqual([{ id: 'o1' }]);
  });
});
