/**
 * The HTTP application: JSON API under /api (documented at /api/openapi.json), the built UI at /.
 * Errors leave as `{ error: { code, message, problems?, details? } }` with a Chinese message; stack
 * traces and SQL go to the server log only.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { csrfMiddleware, sessionMiddleware } from './auth/middleware.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { MAX_DATA_BYTES } from './core-adapter.ts';
import { ApiError, ApiErrorCode, badRequest, type ApiProblem } from './errors.ts';
import { registerAuditLogRoutes } from './routes/audit-log.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerCommentStateRoutes } from './routes/comment-state.ts';
import { registerDisclosureRoutes } from './routes/disclosures.ts';
import { registerDocumentAuditRoutes } from './routes/document-audits.ts';
import { registerJobRoutes } from './routes/jobs.ts';
import { registerOrganisationRoutes } from './routes/organisations.ts';
import { registerPublicRoutes } from './routes/public.ts';
import { registerReviewRoutes } from './routes/review.ts';
import { registerPrepareRoutes } from './routes/prepare.ts';
import { registerUserRoutes } from './routes/users.ts';
import { staticFiles } from './static-files.ts';

z.config(z.locales.zhCN());

function errorResponse(c: Context<AppEnv>, e: ApiError): Response {
  const body: { error: { code: string; message: string; problems?: ApiProblem[]; details?: unknown } } = {
    error: { code: e.code, message: e.message },
  };
  if (e.problems.length > 0) body.error.problems = e.problems;
  if (e.details !== undefined) body.error.details = e.details;
  if (e.retryAfter !== undefined) c.header('Retry-After', String(e.retryAfter));
  return c.json(body, e.status);
}

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      // Field names and zod's wording in plain Chinese (errors.ts).
      if (!result.success) return errorResponse(c as Context<AppEnv>, badRequest(result.error.issues));
      return undefined;
    },
  });

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Element Plus positions popups with inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: 'same-origin',
    }),
  );
  app.use(
    '/api/*',
    bodyLimit({
      // A data file may be up to core's limit; JSON escaping can nearly double Chinese text.
      maxSize: MAX_DATA_BYTES * 2 + 64 * 1024,
      onError: () => {
        throw new ApiError(
          ApiErrorCode.TooLarge,
          `请求过大：数据文件不应超过 ${MAX_DATA_BYTES / 1024 / 1024} MiB`,
        );
      },
    }),
  );
  app.use('/api/*', sessionMiddleware(deps));
  app.use('/api/*', csrfMiddleware);

  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  registerAuthRoutes(app, deps);
  registerOrganisationRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerDisclosureRoutes(app, deps);
  registerAuditLogRoutes(app, deps);
  registerJobRoutes(app, deps);
  registerReviewRoutes(app, deps);
  registerCommentStateRoutes(app, deps);
  registerPublicRoutes(app, deps);
  registerDocumentAuditRoutes(app, deps);
  registerPrepareRoutes(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'juesuan_session',
    description: '登录后设置的会话 Cookie；所有非 GET 请求还须在 X-CSRF-Token 头中带上登录时返回的令牌',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: '决算 Juesuan API',
      version: '0.1.0',
      description:
        '部门决算公开的填报、校验、审核与公开。错误统一为 { error: { code, message } }，message 为中文。',
    },
    security: [{ session: [] }],
  });

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/'))
      return errorResponse(c as Context<AppEnv>, new ApiError(ApiErrorCode.NotFound, '接口不存在'));
    if (deps.config.uiDir && (c.req.method === 'GET' || c.req.method === 'HEAD'))
      return staticFiles(deps.config.uiDir)(c);
    return c.text('页面不存在', 404);
  });

  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c as Context<AppEnv>, err);
    if (err instanceof HTTPException && err.status === 400)
      return errorResponse(
        c as Context<AppEnv>,
        new ApiError(ApiErrorCode.BadRequest, '请求内容不是有效的 JSON'),
      );
    const id = (c as Context<AppEnv>).get('requestId') ?? '';
    console.error(`请求 ${c.req.method} ${c.req.path} 出错（编号 ${id}）：`, err);
    return errorResponse(
      c as Context<AppEnv>,
      new ApiError(
        ApiErrorCode.Internal,
        `服务器内部错误，请稍后再试；如仍出错，请把编号 ${id} 告诉系统管理员`,
      ),
    );
  });
  return app;
}
