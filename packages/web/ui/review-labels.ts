/** Chinese labels and colours of the review statuses (the stored ones and 逾期), for the review pages. */
import type { ReviewStatus } from '../src/server/review-schemas.ts';

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

export const REVIEW_STATUS: Record<ReviewStatus, { label: string; tag: TagType; colour: string }> = {
  not_started: { label: '未开始', tag: 'info', colour: '#c0c4cc' },
  draft: { label: '填报中', tag: 'primary', colour: '#409eff' },
  submitted: { label: '已提交', tag: 'warning', colour: '#e6a23c' },
  returned: { label: '已退回', tag: 'danger', colour: '#f56c6c' },
  approved: { label: '已审核', tag: 'success', colour: '#95d475' },
  published: { label: '已公开', tag: 'success', colour: '#529b2e' },
  overdue: { label: '逾期未公开', tag: 'danger', colour: '#c45656' },
  withdrawn: { label: '已撤回公开', tag: 'warning', colour: '#b88230' },
};

export const REVIEW_STATUS_ORDER: ReviewStatus[] = [
  'not_started',
  'draft',
  'submitted',
  'returned',
  'approved',
  'overdue',
  'published',
  'withdrawn',
];

export const ACTION_LABEL = {
  submit: '提交审核',
  return: '退回修改',
  approve: '审核通过',
  publish: '公开',
  withdraw: '撤回公开',
} as const;

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A date as publications print it (2026年12月4日), for the public pages. */
export function formatDateCn(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** Whole days from now to the deadline (negative when past). */
export function daysLeft(iso: string | null | undefined, now = new Date()): number | null {
  if (!iso) return null;
  return Math.ceil((new Date(iso).getTime() - now.getTime()) / (24 * 3600_000));
}

/** The CSRF token the server set as a cookie (sent as a header with every write). */
export function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === 'juesuan_csrf' && v) return decodeURIComponent(v);
  }
  return undefined;
}
