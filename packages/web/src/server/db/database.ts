/**
 * Opens the database: SQLite (better-sqlite3) in the data folder by default, PostgreSQL (pg) when a
 * connection URL is given. Both speak through Kysely, so the rest of the server is one code path.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
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
      max: 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', (e) => console.error('PostgreSQL 连接错误：', e.message));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
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
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', description: `SQLite ${file}`, close: () => db.destroy() };
}
