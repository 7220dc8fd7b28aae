/**
 * The databases the server suite runs on: SQLite always; PostgreSQL when a URL is given
 * (JUESUAN_TEST_DATABASE_URL, else DATABASE_URL). Each test gets a schema of its own on PostgreSQL
 * and a fresh in-memory database on SQLite. With JUESUAN_FULL_TEST=1 a missing PostgreSQL fails
 * the suite instead of being skipped.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database.ts';

export interface TestDatabase {
  database: Database;
  cleanup(): Promise<void>;
}

export interface Target {
  name: 'sqlite' | 'postgres';
  open(): Promise<TestDatabase>;
}

export const pgUrl: string | undefined =
  process.env['JUESUAN_TEST_DATABASE_URL'] || process.env['DATABASE_URL'] || undefined;
export const fullTest = process.env['JUESUAN_FULL_TEST'] === '1';

const sqliteTarget: Target = {
  name: 'sqlite',
  open: async () => {
    const database = openDatabase({ dataDir: ':memory:' });
    return { database, cleanup: () => database.close() };
  },
};

const postgresTarget = (url: string): Target => ({
  name: 'postgres',
  open: async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const database = openDatabase({ databaseUrl: url, pgSchema: schema });
    return {
      database,
      cleanup: async () => {
        await database.close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  },
});

/** Under JUESUAN_FULL_TEST=1 a missing PostgreSQL is a failure of every suite that needs it, not a skip. */
const missingPostgres: Target = {
  name: 'postgres',
  open: () =>
    Promise.reject(
      new Error(
        'JUESUAN_FULL_TEST=1 时必须在 PostgreSQL 上运行：请设置 JUESUAN_TEST_DATABASE_URL（.ci/run 会安装并启动 PostgreSQL）',
      ),
    ),
};

let announced = false;

/** The targets to run on. Prints once why PostgreSQL is skipped. */
export function databaseTargets(): Target[] {
  if (pgUrl) return [sqliteTarget, postgresTarget(pgUrl)];
  if (fullTest) return [sqliteTarget, missingPostgres];
  if (!announced) {
    announced = true;
    console.log('PostgreSQL 测试已跳过：未设置 JUESUAN_TEST_DATABASE_URL 或 DATABASE_URL（.ci/run 会设置）');
  }
  return [sqliteTarget];
}
