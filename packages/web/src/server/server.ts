/**
 * Starting and stopping the whole server: open the database, migrate, seed, serve. Used by `npm start`
 * (main.ts) and by the end-to-end test, so that both run exactly the same start-up.
 */
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.ts';
import { LoginThrottle } from './auth/throttle.ts';
import { DEFAULT_CONFIG, type AppConfig, type AppDeps } from './context.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrator.ts';
import { JobRunner } from './jobs.ts';
import { seedDatabase, type SeedResult } from './seed.ts';

export interface StartOptions {
  port: number;
  host?: string | undefined;
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  pgSchema?: string | undefined;
  examplesDir?: string | undefined;
  seed?: boolean | undefined;
  config?: Partial<AppConfig> | undefined;
}

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  deps: AppDeps;
  seed: SeedResult;
  close(): Promise<void>;
}

export async function prepareDeps(database: Database, config: Partial<AppConfig> = {}): Promise<AppDeps> {
  await migrate(database.db, database.dialect);
  const jobs = new JobRunner(database.db);
  await jobs.recover();
  return {
    db: database.db,
    dialect: database.dialect,
    config: { ...DEFAULT_CONFIG, ...config },
    throttle: new LoginThrottle(),
    jobs,
  };
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const database = openDatabase({
    databaseUrl: opts.databaseUrl,
    dataDir: opts.dataDir,
    pgSchema: opts.pgSchema,
  });
  let deps: AppDeps;
  let seed: SeedResult = { seeded: false };
  try {
    deps = await prepareDeps(database, opts.config);
    if (opts.seed !== false) seed = await seedDatabase(deps, { examplesDir: opts.examplesDir });
  } catch (e) {
    await database.close();
    throw e;
  }
  const app = createApp(deps);
  const host = opts.host ?? '127.0.0.1';
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`,
    port,
    database,
    deps,
    seed,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await deps.jobs.idle();
      await database.close();
    },
  };
}
