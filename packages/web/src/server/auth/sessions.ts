/**
 * Sessions: a random token in an HttpOnly cookie; the database keeps only its SHA-256. Each session
 * carries its own CSRF token, which the browser sends back in the `X-CSRF-Token` header.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { nowIso, type AppConfig, type SessionUser } from '../context.ts';
import { ORGANISATIONS_FINGERPRINT_SUBQUERIES, organisationsSeen } from '../access.ts';
import type { DB, SessionRow } from '../db/schema.ts';
import { databaseStampColumn } from '../db/database-stamp.ts';
import type { Dialect } from '../db/migration-types.ts';

export const SESSION_COOKIE = 'juesuan_session';
export const CSRF_COOKIE = 'juesuan_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

export const newToken = (): string => randomBytes(32).toString('base64url');
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Kysely<DB>,
  config: AppConfig,
  userId: string,
  ip: string,
  userAgent: string | undefined,
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  const now = Date.now();
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + config.sessionMaxMs).toISOString(),
      last_seen_at: new Date(now).toISOString(),
      ip,
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  // Housekeeping on login keeps the table small without a timer.
  await db.deleteFrom('sessions').where('expires_at', '<', new Date(now).toISOString()).execute();
  return { token, csrfToken };
}

/**
 * The session of a cookie token and its user with their scopes, in one indexed query (session by
 * primary key, its user by primary key, the user's scopes by the leading column of their key): it
 * runs on every request. The same query tells whether the organisations changed (see access.ts),
 * and reads the database stamp (db/database-stamp.ts) for what is kept against it.
 */
export async function findSession(
  db: Kysely<DB>,
  config: AppConfig,
  token: string,
  dialect: Dialect,
): Promise<{ session: SessionRow; user: SessionUser; databaseStamp: string } | null> {
  const checkedAt = performance.now();
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('user_scopes', 'user_scopes.user_id', 'users.id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'sessions.ip',
      'sessions.user_agent',
      'users.username',
      'users.display_name',
      'users.role',
      'users.disabled',
      'users.must_change_password',
      'user_scopes.organisation_id',
      // Whether the organisation tree the server keeps is still current (see access.ts).
      ...ORGANISATIONS_FINGERPRINT_SUBQUERIES,
      databaseStampColumn(dialect),
    ])
    .where('sessions.id', '=', hashToken(token))
    .execute();
  const first = rows[0];
  if (!first) return null;
  organisationsSeen(db, first, checkedAt);
  const session: SessionRow = {
    id: first.id,
    user_id: first.user_id,
    csrf_token: first.csrf_token,
    created_at: first.created_at,
    expires_at: first.expires_at,
    last_seen_at: first.last_seen_at,
    ip: first.ip,
    user_agent: first.user_agent,
  };
  const now = Date.now();
  if (
    Date.parse(session.expires_at) <= now ||
    Date.parse(session.last_seen_at) + config.sessionIdleMs <= now
  ) {
    await db.deleteFrom('sessions').where('id', '=', session.id).execute();
    return null;
  }
  if (first.disabled) return null;
  // Writing last_seen on every request would turn reads into writes; once a minute is enough for the idle limit.
  if (now - Date.parse(session.last_seen_at) > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: nowIso() }).where('id', '=', session.id).execute();
  }
  return {
    session,
    databaseStamp: String(first.db_stamp),
    user: {
      id: first.user_id,
      username: first.username,
      displayName: first.display_name,
      role: first.role,
      scopeIds: rows.flatMap((r) => (r.organisation_id === null ? [] : [r.organisation_id])),
      mustChangePassword: first.must_change_password === 1,
    },
  };
}

export async function deleteSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

export const newId = (): string => randomUUID();
