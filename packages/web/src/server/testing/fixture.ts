/** A seeded app on one test database, with quick password hashing and a client factory. */
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp } from '../app.ts';
import type { AppConfig, AppDeps, AppEnv } from '../context.ts';
import { seedDatabase } from '../seed.ts';
import { prepareDeps } from '../server.ts';
import { TestClient } from './client.ts';
import type { Target } from './targets.ts';

export const EXAMPLES_DIR = fileURLToPath(new URL('../../../../../examples/', import.meta.url));

export interface Fixture {
  app: OpenAPIHono<AppEnv>;
  deps: AppDeps;
  adminPassword: string;
  client(): TestClient;
  /** Organisation id by code. */
  org(code: string): Promise<string>;
  cleanup(): Promise<void>;
}

export async function setupApp(target: Target, config: Partial<AppConfig> = {}): Promise<Fixture> {
  const { database, cleanup } = await target.open();
  // Cheap hashes in tests: the cost is a parameter of the hash, the code path is the same.
  const deps = await prepareDeps(database, { scryptCost: 10, ...config });
  const seed = await seedDatabase(deps, { examplesDir: EXAMPLES_DIR });
  const app = createApp(deps);
  return {
    app,
    deps,
    adminPassword: seed.adminPassword!,
    client: () => new TestClient(app),
    org: async (code) =>
      (
        await deps.db
          .selectFrom('organisations')
          .select('id')
          .where('code', '=', code)
          .executeTakeFirstOrThrow()
      ).id,
    cleanup: async () => {
      await deps.jobs.idle();
      await cleanup();
    },
  };
}
