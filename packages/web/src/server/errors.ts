/**
 * The server's one error class. Every error a client sees has a stable `code` and a Chinese message;
 * stack traces and SQL stay in the server log.
 */
export const ApiErrorCode = {
  BadRequest: 'E_BAD_REQUEST',
  BadDataFile: 'E_BAD_DATA_FILE',
  Unauthenticated: 'E_UNAUTHENTICATED',
  BadCredentials: 'E_BAD_CREDENTIALS',
  Forbidden: 'E_FORBIDDEN',
  Csrf: 'E_CSRF',
  NotFound: 'E_NOT_FOUND',
  Conflict: 'E_CONFLICT',
  StaleVersion: 'E_STALE_VERSION',
  TooLarge: 'E_TOO_LARGE',
  TooManyAttempts: 'E_TOO_MANY_ATTEMPTS',
  MigrationMismatch: 'E_MIGRATION_MISMATCH',
  Internal: 'E_INTERNAL',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

const STATUS: Record<ApiErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500> = {
  E_BAD_REQUEST: 400,
  E_BAD_DATA_FILE: 422,
  E_UNAUTHENTICATED: 401,
  E_BAD_CREDENTIALS: 401,
  E_FORBIDDEN: 403,
  E_CSRF: 403,
  E_NOT_FOUND: 404,
  E_CONFLICT: 409,
  E_STALE_VERSION: 409,
  E_TOO_LARGE: 413,
  E_TOO_MANY_ATTEMPTS: 429,
  E_MIGRATION_MISMATCH: 500,
  E_INTERNAL: 500,
};

/** One problem with the input: where (field path, line) and what, in Chinese. */
export interface ApiProblem {
  path?: string;
  line?: number;
  message: string;
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: (typeof STATUS)[ApiErrorCode];
  readonly problems: ApiProblem[];
  /** Extra data for the client (e.g. the conflicting change of a stale save). */
  readonly details: unknown;
  /** Seconds after which a throttled client may try again. */
  readonly retryAfter: number | undefined;

  constructor(
    code: ApiErrorCode,
    message: string,
    extra: { problems?: ApiProblem[]; details?: unknown; retryAfter?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = STATUS[code];
    this.problems = extra.problems ?? [];
    this.details = extra.details;
    this.retryAfter = extra.retryAfter;
  }
}

export const notFound = (what: string): ApiError => new ApiError(ApiErrorCode.NotFound, `${what}不存在`);
export const forbidden = (why = '没有权限执行此操作'): ApiError => new ApiError(ApiErrorCode.Forbidden, why);
