/**
 * Opens the database: SQLite (better-sqlite3) in the data folder by default, PostgreSQL (pg) when a
 * connection URL is given. Both speak through Kysely, so the rest of the server is one code path.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Dialect } from './migration-types.ts';
import type { DB } from './schema.ts';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Where the data lives, for the start-up message (never includes a password). */
  description: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection URL; SQLite when absent. */
  databaseUrl?: string | undefined;
  /** Folder for the SQLite file (`juesuan.db`); `:memory:` for a throw-away database. */
  dataDir?: string | undefined;
  /** PostgreSQL schema to use (tests give each run its own). */
  pgSchema?: string | undefined;
  /** Connections to PostgreSQL at most; default JUESUAN_PG_POOL_SIZE from the environment, else PG_POOL_SIZE. */
  pgPoolSize?: number | undefined;
}

/**
 * Connections to PostgreSQL. A request holds one only while a query or transaction runs, and the
 * database's own work needs the same cores as the server's: more connections than that only queue
 * inside PostgreSQL instead of in the pool.
 */
export const PG_POOL_SIZE = 10;

/** Statements kept prepared on SQLite, by SQL text. Kysely's queries are few and fixed in shape. */
const STATEMENT_CACHE_SIZE = 500;

type KyselyStatement = ReturnType<SqliteDatabase['prepare']>;

/**
 * A prepared statement as Kysely's driver uses it. Rows are read as arrays and made into objects
 * here: better-sqlite3 builds each row object property by property through V8's C++ API, which took
 * a third more time than this for the hundreds of rows of a list. Same objects: one property per
 * result column, in order, a later column of the same name overwriting an earlier one.
 */
function kept(stmt: SQLite.Statement): KyselyStatement {
  if (!stmt.reader)
    return {
      reader: false,
      all: (parameters) => stmt.all(parameters as unknown[]),
      run: (parameters) => stmt.run(parameters as unknown[]),
      iterate: (parameters) => stmt.iterate(parameters as unknown[]),
    };
  const names = stmt.columns().map((c) => c.name);
  const all = (parameters: ReadonlyArray<unknown>): unknown[] => {
    const rows = stmt.raw(true).all(parameters as unknown[]) as unknown[][];
    return rows.map((r) => {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) o[names[i]!] = r[i];
      return o;
    });
  };
  return {
    reader: true,
    all,
    run: (parameters) => stmt.run(parameters as unknown[]),
    iterate: (parameters) => stmt.raw(false).iterate(parameters as unknown[]),
  };
}

/** Statements that change the schema: any kept statement may then read other columns. */
const DDL = /^\s*(create|alter|drop)\b/i;

/**
 * The connection as Kysely's SQLite driver sees it, with each SQL text prepared once: Kysely asks
 * `prepare` for every query, and preparing (parsing and planning) cost more than running the small
 * queries of a request. A statement runs to its end before the next query starts (better-sqlite3 is
 * synchronous; the server never streams), so reusing one is safe. `IN (?, ?, …)` lists make texts
 * vary with their length, hence the bound: the oldest text goes first. A schema change (migrations)
 * empties the cache.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, KyselyStatement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      if (DDL.test(text)) {
        statements.clear();
        return kept(sqlite.prepare(text));
      }
      let stmt = statements.get(text);
      if (stmt) {
        // Most recently used last.
        statements.delete(text);
      } else {
        stmt = kept(sqlite.prepare(text));
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      }
      statements.set(text, stmt);
      return stmt;
    },
  };
}

/** Statements kept prepared on one PostgreSQL connection at most; later new texts run unprepared. */
const PG_PREPARED_PER_CONNECTION = 500;
/** Statement names by SQL text (bounded: variable-length `in (…)` lists make many texts). */
const statementNames = new Map<string, string>();
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = 'j' + createHash('sha1').update(text).digest('hex').slice(0, 24);
    if (statementNames.size >= 4 * PG_PREPARED_PER_CONNECTION)
      statementNames.delete(statementNames.keys().next().value!);
    statementNames.set(text, name);
  }
  return name;
}

const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();

/**
 * Runs Kysely's queries on this connection as named prepared statements (docs/adr/0016-web-api-latency.md,
 * amendment "PostgreSQL prepares its statements"): PostgreSQL then parses and plans a query once per connection
 * rather than on every request. The statement is the same SQL with the same parameters, so results do not change;
 * only the first PG_PREPARED_PER_CONNECTION distinct texts are kept per connection.
 */
function preparing(client: pg.PoolClient): pg.PoolClient {
  if (preparedOn.has(client)) return client;
  const names = new Set<string>();
  preparedOn.set(client, names);
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (text: unknown, values?: unknown, ...rest: unknown[]): unknown => {
    if (typeof text === 'string' && Array.isArray(values) && rest.length === 0 && PREPARABLE.test(text)) {
      const name = statementName(text);
      if (names.has(name) || names.size < PG_PREPARED_PER_CONNECTION) {
        names.add(name);
        return query({ name, text, values });
      }
    }
    return query(text, values, ...rest);
  };
  return client;
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'PostgreSQL';
  }
}

export function openDatabase(options: OpenOptions): Database {
  if (options.databaseUrl) {
    if (options.pgSchema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.pgSchema))
      throw new Error(`PostgreSQL 模式名不合法：${options.pgSchema}`);
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.pgPoolSize ?? (Number(process.env['JUESUAN_PG_POOL_SIZE']) || PG_POOL_SIZE),
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', (e) => console.error('PostgreSQL 连接错误：', e.message));
    const prepared = process.env['JUESUAN_PG_PREPARE'] !== '0';
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({
        pool: prepared
          ? { connect: async () => preparing(await pool.connect()), end: () => pool.end() }
          : pool,
      }),
    });
    return {
      db,
      dialect: 'postgres',
      description: `PostgreSQL ${redactUrl(options.databaseUrl)}`,
      close: () => db.destroy(),
    };
  }
  const dir = options.dataDir ?? './data';
  let file = ':memory:';
  if (dir !== ':memory:') {
    mkdirSync(dir, { recursive: true });
    file = join(dir, 'juesuan.db');
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // A save the user was told is stored must survive a power cut as well: FULL syncs the disk at every commit.
  // JUESUAN_SQLITE_SYNC=normal trades that for speed (in WAL mode a commit is then lost only to a crash of the
  // machine, never of the server, and the file is never corrupted): docs/adr/0016-web-api-latency.md.
  sqlite.pragma(
    process.env['JUESUAN_SQLITE_SYNC'] === 'normal' ? 'synchronous = NORMAL' : 'synchronous = FULL',
  );
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (default 2 MiB) and temporary tables in memory.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', description: `SQLite ${file}`, close: () => db.destroy() };
}
