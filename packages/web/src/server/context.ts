/** What every request handler can reach: the database, the settings, and the signed-in user. */
import type { Kysely } from 'kysely';
import type { LoginThrottle } from './auth/throttle.ts';
import type { Dialect } from './db/migration-types.ts';
import type { DB, Role, SessionRow } from './db/schema.ts';
import type { JobRunner } from './jobs.ts';

export interface AppConfig {
  /** log2 of scrypt's N for new password hashes. */
  scryptCost: number;
  /** Secure cookies: 'auto' sets them when the request came over TLS (directly or per X-Forwarded-Proto). */
  secureCookies: 'auto' | 'always' | 'never';
  /** Take the client address from X-Forwarded-For (only behind a reverse proxy that sets it). */
  trustProxy: boolean;
  /** A session ends after this long without a request … */
  sessionIdleMs: number;
  /** … and after this long in any case. */
  sessionMaxMs: number;
  /** Built UI to serve at `/`; none in API-only tests. */
  uiDir?: string | undefined;
}

export const DEFAULT_CONFIG: AppConfig = {
  scryptCost: 17,
  secureCookies: 'auto',
  trustProxy: false,
  sessionIdleMs: 8 * 3600_000,
  sessionMaxMs: 7 * 24 * 3600_000,
};

export interface AppDeps {
  db: Kysely<DB>;
  dialect: Dialect;
  config: AppConfig;
  throttle: LoginThrottle;
  jobs: JobRunner;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scopeIds: string[];
  mustChangePassword: boolean;
}

export interface AppEnv {
  Variables: {
    user: SessionUser | null;
    session: SessionRow | null;
    /** The database stamp as the session lookup read it (db/database-stamp.ts); null without a session. */
    databaseStamp: string | null;
    ip: string;
    requestId: string;
  };
}

export const nowIso = (): string => new Date().toISOString();
