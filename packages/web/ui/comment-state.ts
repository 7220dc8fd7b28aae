/** Ticking a review comment off as dealt with, or opening it again: the editor's and the review page's button. */
import { ElMessage } from 'element-plus';
import type { CommentStateOut, WorkflowComment } from '../src/server/review-schemas.ts';
import { api, errorText } from './api.ts';

/** Sets the comment's state on the server and on the comment shown; says so, or why not, in a message. */
export async function setCommentResolved(
  disclosureId: string,
  c: WorkflowComment,
  resolved: boolean,
): Promise<void> {
  try {
    const r = await api<CommentStateOut>('PUT', `/api/disclosures/${disclosureId}/comments/${c.id}/state`, {
      resolved,
    });
    c.resolvedAt = r.resolvedAt;
    ElMessage.success(resolved ? '已标为已处理' : '已重新打开');
  } catch (e) {
    ElMessage.error(errorText(e));
  }
}
