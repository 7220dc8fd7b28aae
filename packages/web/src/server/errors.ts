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

/** Request fields in words, for the messages of a request that does not pass its schema. */
const FIELD_LABEL: Record<string, string> = {
  username: '用户名',
  displayName: '姓名',
  password: '密码',
  oldPassword: '原密码',
  newPassword: '新密码',
  role: '角色',
  scopes: '负责范围',
  disabled: '停用',
  code: '代码',
  name: '名称',
  kind: '类型',
  parentId: '上级机构',
  sortOrder: '排序',
  activeFrom: '启用日期',
  activeTo: '停用日期',
  organisationId: '单位',
  year: '年度',
  version: '版本',
  data: '数据',
  content: '文件内容',
  contentBase64: '文件内容',
  fileName: '文件名',
  profile: '公开口径',
  reason: '原因',
  body: '意见',
  comment: '意见',
  comments: '意见',
  note: '说明',
  files: '文件',
};

/** The part of a zod issue the message needs (zod 4's issue shapes, structurally). */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  minimum?: number | bigint | undefined;
  maximum?: number | bigint | undefined;
  origin?: string | undefined;
  expected?: string | undefined;
  input?: unknown;
}

/** A field path in words: `scopes[0]` → 负责范围第 1 项. */
export function fieldText(path: readonly PropertyKey[]): string {
  return path
    .map((k) => (typeof k === 'number' ? `第 ${k + 1} 项` : (FIELD_LABEL[String(k)] ?? String(k))))
    .join('');
}

const ownMessage = (i: SchemaIssue): boolean => !/无效|数值过[大小]|期望|未知|不支持|意外/.test(i.message);

/** What is wrong, in plain Chinese (never zod's "期望 string >=1 字符"), to follow the field's name. */
export function issueText(i: SchemaIssue): string {
  // A message the schema wrote itself (a regex's, a refinement's) already says it plainly.
  if (ownMessage(i)) return `：${i.message}`;
  const n = Number(i.code === 'too_small' ? i.minimum : i.maximum);
  switch (i.code) {
    case 'too_small':
      if (i.origin === 'string') return n <= 1 ? '不能为空' : `至少 ${n} 个字符`;
      if (i.origin === 'array' || i.origin === 'set') return n <= 1 ? '至少选择一项' : `至少 ${n} 项`;
      return `不能小于 ${n}`;
    case 'too_big':
      if (i.origin === 'string') return `不能超过 ${n} 个字符`;
      if (i.origin === 'array' || i.origin === 'set') return `不能超过 ${n} 项`;
      return `不能大于 ${n}`;
    case 'invalid_type':
      return i.input === undefined ? '必须填写' : '格式不对';
    case 'invalid_value':
      return '不在可选的范围内';
    case 'invalid_format':
      return '格式不对';
    case 'unrecognized_keys':
      return '含有不认识的字段';
    default:
      return '填写有误';
  }
}

/** The error for a request that does not pass its schema: each field named in words, with what is wrong. */
export function badRequest(issues: readonly SchemaIssue[]): ApiError {
  const problems = issues.slice(0, 20).map((i) => ({
    path: pathOf(i.path),
    message: `${fieldText(i.path) || '请求'}${issueText(i)}`,
  }));
  return new ApiError(
    ApiErrorCode.BadRequest,
    `请求数据不合法：${problems.map((p) => p.message).join('；')}`,
    {
      problems,
    },
  );
}

const pathOf = (path: readonly PropertyKey[]): string =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('');
