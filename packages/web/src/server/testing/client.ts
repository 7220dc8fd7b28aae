/** A test client for the app: keeps cookies like a browser and sends the CSRF header unless told not to. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context.ts';

export interface CallOptions {
  csrf?: boolean | string;
  headers?: Record<string, string>;
  raw?: string;
}

export class TestClient {
  readonly #app: OpenAPIHono<AppEnv>;
  readonly cookies = new Map<string, string>();

  constructor(app: OpenAPIHono<AppEnv>) {
    this.#app = app;
  }

  async call(method: string, path: string, body?: unknown, opts: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookies.size > 0) headers['Cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = opts.csrf ?? true;
    if (csrf !== false && method !== 'GET') {
      const token = typeof csrf === 'string' ? csrf : this.cookies.get('juesuan_csrf');
      if (token) headers['X-CSRF-Token'] = token;
    }
    let payload: string | undefined = opts.raw;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    } else if (payload !== undefined) headers['Content-Type'] ??= 'application/json';
    const res = await this.#app.request(path, { method, headers, body: payload });
    for (const sc of res.headers.getSetCookie()) {
      const [pair] = sc.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(sc)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async json<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    opts?: CallOptions,
  ): Promise<{ status: number; body: T }> {
    const res = await this.call(method, path, body, opts);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Visits the API once (to get a CSRF cookie), then logs in. */
  async login(
    username: string,
    password: string,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    if (!this.cookies.has('juesuan_csrf')) await this.call('GET', '/api/health');
    return this.json('POST', '/api/auth/login', { username, password });
  }
}
