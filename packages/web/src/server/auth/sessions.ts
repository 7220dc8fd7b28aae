/**
 * Sessions: a random token in an HttpOnly cookie; the database keeps only its SHA-256. Each session
 * carries its own CSRF token, which the browser sends back in the `X-CSRF-Token` header.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { nowIso, type AppConfig, type SessionUser } from '../context.ts';
import type { DB, SessionRow } from '../db/schema.ts';

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

export async function findSession(
  db: Kysely<DB>,
  config: AppConfig,
  token: string,
): Promise<{ session: SessionRow; user: SessionUser } | null> {
  const session = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', hashToken(token))
    .executeTakeFirst();
  if (!session) return null;
  const now = Date.now();
  if (
    Date.parse(session.expires_at) <= now ||
    Date.parse(session.last_seen_at) + config.sessionIdleMs <= now
  ) {
    await db.deleteFrom('sessions').where('id', '=', session.id).execute();
    return null;
  }
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  if (!user || user.disabled) return null;
  const scopes = await db
    .selectFrom('user_scopes')
    .select('organisation_id')
    .where('user_id', '=', user.id)
    .execute();
  // Writing last_seen on every request would turn reads into writes; once a minute is enough for the idle limit.
  if (now - Date.parse(session.last_seen_at) > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: nowIso() }).where('id', '=', session.id).execute();
  }
  return {
    session,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role,
      scopeIds: scopes.map((s) => s.organisation_id),
      mustChangePassword: user.must_change_password === 1,
    },
  };
}

export async function deleteSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

export const newId = (): string => randomUUID();
