/** Request middleware: client address, session, CSRF check, and the guards handlers call. */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppDeps, AppEnv, SessionUser } from '../context.ts';
import type { Role } from '../db/schema.ts';
import { ApiError, ApiErrorCode, forbidden } from '../errors.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, findSession, newId, newToken } from './sessions.ts';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

function clientIp(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd.slice(0, 64);
  }
  const env = c.env as NodeBindings | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Whether the browser reached us over TLS: directly, or through a proxy that says so. */
export function overTls(c: Context<AppEnv>, mode: AppDeps['config']['secureCookies']): boolean {
  if (mode !== 'auto') return mode === 'always';
  if (new URL(c.req.url).protocol === 'https:') return true;
  // Trusting the header is safe here: a forged "https" only makes the forger's own cookie stricter.
  return c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

export function setCsrfCookie(c: Context<AppEnv>, deps: AppDeps, token: string): void {
  // Readable by the page's script (double submit), so not HttpOnly.
  setCookie(c, CSRF_COOKIE, token, {
    path: '/',
    sameSite: 'Lax',
    secure: overTls(c, deps.config.secureCookies),
  });
}

export function sessionMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('requestId', newId());
    c.set('ip', clientIp(c, deps.config.trustProxy));
    c.set('user', null);
    c.set('session', null);
    c.set('databaseStamp', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length < 200) {
      const found = await findSession(deps.db, deps.config, token, deps.dialect);
      if (found) {
        c.set('user', found.user);
        c.set('session', found.session);
        c.set('databaseStamp', found.databaseStamp);
      }
    }
    // A visitor without a session still gets a CSRF token, so that the login form can send one.
    if (!c.get('session') && !getCookie(c, CSRF_COOKIE)) setCsrfCookie(c, deps, newToken());
    await next();
  };
}

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every request that changes something must carry the CSRF token in a header: the session's token
 * when signed in, the cookie's token before (login). Another site can make the browser send cookies,
 * but it can neither read the token nor set a custom header without CORS, which we never allow.
 */
export const csrfMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    const sent = c.req.header(CSRF_HEADER);
    const session = c.get('session');
    const expected = session ? session.csrf_token : getCookie(c, CSRF_COOKIE);
    if (!sameToken(sent, expected)) {
      throw new ApiError(ApiErrorCode.Csrf, '请求缺少有效的安全令牌（CSRF），请刷新页面后重试');
    }
  }
  await next();
};

export function requireUser(c: Context<AppEnv>): SessionUser {
  const user = c.get('user');
  if (!user) throw new ApiError(ApiErrorCode.Unauthenticated, '未登录或登录已过期，请重新登录');
  return user;
}

const ROLE_LABEL: Record<Role, string> = {
  admin: '系统管理员',
  reviewer: '审核人员',
  editor: '填报人员',
  viewer: '查阅人员',
};

export function requireRole(c: Context<AppEnv>, ...roles: Role[]): SessionUser {
  const user = requireUser(c);
  if (!roles.includes(user.role)) {
    throw forbidden(`此操作仅限${roles.map((r) => ROLE_LABEL[r]).join('或')}`);
  }
  return user;
}
