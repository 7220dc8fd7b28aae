/** Chinese labels and tag colours for the codes the API uses. */
import type { DisclosureStatus, OrganisationKind, Role } from '../src/server/api-schemas.ts';

export const ROLE_LABEL: Record<Role, string> = {
  admin: '系统管理员',
  reviewer: '审核人员',
  editor: '填报人员',
  viewer: '查阅人员',
};

export const KIND_LABEL: Record<OrganisationKind, string> = {
  bureau: '财政局',
  department: '部门',
  unit: '单位',
};

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

export const STATUS: Record<DisclosureStatus, { label: string; tag: TagType }> = {
  not_started: { label: '未开始', tag: 'info' },
  draft: { label: '填报中', tag: 'primary' },
  submitted: { label: '已提交', tag: 'warning' },
  returned: { label: '已退回', tag: 'danger' },
  approved: { label: '已审核', tag: 'success' },
  published: { label: '已公开', tag: 'success' },
};

/** Shown instead of 已审核 for an approved disclosure whose publication was withdrawn. */
export const WITHDRAWN = { label: '已撤回公开', tag: 'warning' } as const satisfies {
  label: string;
  tag: TagType;
};

export const SEVERITY: Record<'error' | 'warning' | 'info', { label: string; tag: TagType }> = {
  error: { label: '错误', tag: 'danger' },
  warning: { label: '警告', tag: 'warning' },
  info: { label: '提示', tag: 'info' },
};

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
