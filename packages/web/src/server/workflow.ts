/**
 * The review workflow of a disclosure: who may move it from which status to which, the deadline of
 * publication, and the status a reviewer sees (逾期 once an approved disclosure passes its deadline).
 *
 *   draft / returned ──submit (unit editor, no errors)──▶ submitted
 *   submitted ──return with comments (reviewer)──▶ returned
 *   submitted ──approve (reviewer)──▶ approved  (deadline = approval + 20 days)
 *   approved ──publish (reviewer)──▶ published
 *   published ──withdraw with a reason (admin, bureau reviewer)──▶ approved, shown as 已撤回公开
 *
 * A reviewer acts only on the units under the department or bureau they are scoped to; an editor
 * submits only their own units; an admin may do both; a viewer does nothing. Withdrawing a
 * publication is for admins and the reviewers of the bureau, not of a department.
 *
 * A withdrawn disclosure is stored as approved with the time it had been published kept
 * (`published_at`): no other approved disclosure has one, since approval clears it. From there it
 * may be published again or returned to the unit. The reason is in the audit log's withdraw event.
 */
import type { Access } from './access.ts';
import { columnWords } from '../shared/column-words.ts';
import type { CommentLocation, ReviewStatus } from './review-schemas.ts';
import type { DisclosureRow, DisclosureStatus, OrganisationRow } from './db/schema.ts';
import { ApiError, ApiErrorCode, forbidden, notFound } from './errors.ts';

/** Days from approval to the date by which the disclosure must be public. */
export const PUBLICATION_DAYS = 20;
const DAY_MS = 24 * 3600_000;

export const WorkflowAction = {
  Submit: 'submit',
  Return: 'return',
  Approve: 'approve',
  Publish: 'publish',
  Withdraw: 'withdraw',
} as const;
export type WorkflowAction = (typeof WorkflowAction)[keyof typeof WorkflowAction];

export const REVIEW_STATUS_LABEL: Record<ReviewStatus, string> = {
  not_started: '未开始',
  draft: '填报中',
  submitted: '已提交',
  returned: '已退回',
  approved: '已审核',
  published: '已公开',
  overdue: '逾期未公开',
  withdrawn: '已撤回公开',
};

const ACTION_LABEL: Record<WorkflowAction, string> = {
  submit: '提交',
  return: '退回',
  approve: '审核通过',
  publish: '公开',
  withdraw: '撤回公开',
};

/** Which stored statuses each action starts from, and where it leads. */
const TRANSITIONS: Record<WorkflowAction, { from: readonly DisclosureStatus[]; to: DisclosureStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted', 'approved'], to: 'returned' },
  approve: { from: ['submitted'], to: 'approved' },
  publish: { from: ['approved'], to: 'published' },
  withdraw: { from: ['published'], to: 'approved' },
};

export const deadlineAfter = (approvedAt: string): string =>
  new Date(new Date(approvedAt).getTime() + PUBLICATION_DAYS * DAY_MS).toISOString();

/** An approved disclosure that had been published: its publication was withdrawn. */
export const isWithdrawn = (row: Pick<DisclosureRow, 'status' | 'published_at'>): boolean =>
  row.status === 'approved' && row.published_at !== null;

/** The status shown: stored, except a withdrawn publication, and an approved disclosure past its deadline is overdue. */
export function reviewStatus(
  row: Pick<DisclosureRow, 'status' | 'deadline' | 'published_at'> | undefined,
  now: Date,
): ReviewStatus {
  if (!row) return 'not_started';
  if (isWithdrawn(row)) return 'withdrawn';
  if (row.status === 'approved' && row.deadline !== null && new Date(row.deadline).getTime() < now.getTime())
    return 'overdue';
  return row.status;
}

/** Reviewing a unit: admins, and reviewers whose department or bureau contains it. */
export function canReview(access: Access, orgId: string): boolean {
  if (access.user.role === 'admin') return access.orgs.has(orgId);
  return access.user.role === 'reviewer' && access.canRead(orgId);
}

/** Withdrawing a publication: admins, and reviewers scoped to a bureau that contains the unit. */
export function canWithdraw(access: Access, orgId: string): boolean {
  if (access.user.role === 'admin') return access.orgs.has(orgId);
  return (
    access.user.role === 'reviewer' &&
    access.canRead(orgId) &&
    access.user.scopeIds.some((id) => access.orgs.get(id)?.kind === 'bureau')
  );
}

function mayAct(access: Access, action: WorkflowAction, orgId: string): boolean {
  if (action === 'submit') return access.canEditData(orgId);
  if (action === 'withdraw') return canWithdraw(access, orgId);
  return canReview(access, orgId);
}

/** The actions the user may take on this disclosure now (for the UI's buttons; the server checks again). */
export function allowedActions(access: Access, row: DisclosureRow): WorkflowAction[] {
  return (Object.keys(TRANSITIONS) as WorkflowAction[]).filter(
    (a) => TRANSITIONS[a].from.includes(row.status) && mayAct(access, a, row.organisation_id),
  );
}

/**
 * Throws unless the user may take the action now: 404 for a unit they cannot see, 403 for a role or
 * scope that may not act, 409 for a status the action does not start from.
 */
export function assertMayAct(access: Access, action: WorkflowAction, row: DisclosureRow): DisclosureStatus {
  if (!access.canRead(row.organisation_id)) throw notFound('决算');
  if (!mayAct(access, action, row.organisation_id))
    throw forbidden(
      action === 'submit'
        ? '只有本单位的填报人员可以提交本单位的决算'
        : action === 'withdraw'
          ? '只有系统管理员或财政局的审核人员可以撤回公开'
          : '只有负责该单位所属部门或财政局的审核人员可以审核',
    );
  const t = TRANSITIONS[action];
  if (!t.from.includes(row.status))
    throw new ApiError(
      ApiErrorCode.Conflict,
      `这份决算当前为「${REVIEW_STATUS_LABEL[row.status]}」，不能${ACTION_LABEL[action]}（只有${t.from.map((s) => `「${REVIEW_STATUS_LABEL[s]}」`).join('或')}的决算可以${ACTION_LABEL[action]}）`,
    );
  if (action === 'submit' && row.error_count > 0)
    throw new ApiError(
      ApiErrorCode.Conflict,
      `校验仍有 ${row.error_count} 个错误，不能提交；请先更正后再提交`,
    );
  return t.to;
}

export const actionLabel = (a: WorkflowAction): string => ACTION_LABEL[a];

/** The nearest ancestor of a kind (a unit's department, its bureau). */
export function ancestorOfKind(
  orgs: ReadonlyMap<string, OrganisationRow>,
  id: string,
  kind: OrganisationRow['kind'],
): OrganisationRow | undefined {
  let cur = orgs.get(id)?.parent_id ?? null;
  const seen = new Set<string>();
  while (cur && !seen.has(cur)) {
    seen.add(cur);
    const o = orgs.get(cur);
    if (!o) return undefined;
    if (o.kind === kind) return o;
    cur = o.parent_id;
  }
  return undefined;
}

/** Where a comment points, in words: 表三「…」行「…」列, or the sentence quoted. */
export function locationText(
  loc: CommentLocation | null,
  tableName: (id: string) => string | undefined,
): string {
  if (!loc) return '';
  const parts: string[] = [];
  if (loc.table) parts.push(tableName(loc.table) ?? loc.table);
  if (loc.row) parts.push(`「${loc.row}」行`);
  if (loc.column) parts.push(`「${columnWords(loc.column, loc.which)}」列`);
  else if (loc.which) parts.push(`「${columnWords('决算数', loc.which)}」列`);
  if (loc.sentence)
    parts.push(`说明中“${loc.sentence.length > 60 ? loc.sentence.slice(0, 60) + '…' : loc.sentence}”`);
  return parts.join('');
}

/** The stable address of a published disclosure's public page. */
export const publicPath = (year: number, code: string): string =>
  `/public/${year}/${encodeURIComponent(code)}`;
