/** Pieces shared by the route definitions. */
import type { z } from '@hono/zod-openapi';
import { ErrorBodySchema } from '../api-schemas.ts';

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const DESCRIPTIONS = {
  400: '请求格式不对',
  401: '未登录或登录已过期',
  403: '没有权限，或缺少安全令牌（CSRF）',
  404: '对象不存在，或无权查看',
  409: '与现有数据冲突（如版本已过期）',
  413: '请求过大',
  422: '数据文件无法读入',
  429: '尝试次数过多',
} as const;

type ErrorStatus = keyof typeof DESCRIPTIONS;

export function errorResponses(...statuses: ErrorStatus[]) {
  const out: Partial<Record<ErrorStatus, ReturnType<typeof jsonContent<typeof ErrorBodySchema>>>> = {};
  for (const s of statuses) out[s] = jsonContent(ErrorBodySchema, DESCRIPTIONS[s]);
  return out;
}
