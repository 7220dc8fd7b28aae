/**
 * The UI's only way to the server: JSON over /api with the session cookie and the CSRF header.
 * Every failure becomes an ApiFailure with the server's Chinese message (or one of ours when the
 * network or the server cannot answer), so pages never show English or raw errors.
 */
import type { ErrorBody } from '../src/server/api-schemas.ts';

export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  readonly problems: NonNullable<ErrorBody['error']['problems']>;
  readonly details: unknown;
  constructor(
    status: number,
    code: string,
    message: string,
    problems: ApiFailure['problems'] = [],
    details?: unknown,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.problems = problems;
    this.details = details;
  }
}

function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === 'juesuan_csrf' && v) return decodeURIComponent(v);
  }
  return undefined;
}

let onUnauthenticated: (() => void) | undefined;
/** Called when a request finds the session gone (the router sends the user to the login page). */
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn;
}

export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    // The login form needs the token too: the server sets its cookie on the first visit.
    if (!csrfToken()) await fetch('/api/health', { credentials: 'same-origin' }).catch(() => undefined);
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiFailure(0, 'E_NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (res.status === 204) return undefined as T;
  let payload: unknown;
  try {
    payload = await res.json();
  } catch {
    throw new ApiFailure(
      res.status,
      'E_BAD_RESPONSE',
      `服务器返回了无法识别的内容（HTTP ${res.status}），请稍后再试`,
    );
  }
  if (!res.ok) {
    const e = (payload as Partial<ErrorBody>).error;
    if (res.status === 401 && path !== '/api/auth/login') onUnauthenticated?.();
    throw new ApiFailure(
      res.status,
      e?.code ?? 'E_UNKNOWN',
      e?.message ?? `请求失败（HTTP ${res.status}）`,
      e?.problems ?? [],
      e?.details,
    );
  }
  return payload as T;
}

export const errorText = (e: unknown): string =>
  e instanceof ApiFailure ? e.message : '操作失败，请稍后再试';
