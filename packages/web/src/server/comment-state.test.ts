/**
 * One review comment ticked off as dealt with (or opened again) on every database target: who may, what
 * the workflow then shows, what the log records, and that approval still settles the rest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './api-schemas.ts';
import type { CommentStateOut, Workflow } from './review-schemas.ts';
import { EXAMPLES_DIR } from './testing/fixture.ts';
import { withPeople, type People } from './testing/people.ts';
import { databaseTargets } from './testing/targets.ts';

const example = readFileSync(join(EXAMPLES_DIR, 'changji-2022.yaml'), 'utf8');

interface Err {
  error: { code: string; message: string };
}

describe.each(databaseTargets())('comment state on $name', (target) => {
  let p: People;
  withPeople(target, example, (_f, pp) => void (p = pp));

  it('lets the unit editor and the reviewer mark one comment done or open it again; others may not; approval settles the rest', async () => {
    const id = p.disclosureB;
    expect((await p.editorB.json('POST', `/api/disclosures/${id}/submit`, {})).status).toBe(200);
    const ret = await p.reviewer.json<Workflow>('POST', `/api/disclosures/${id}/return`, {
      comment: '其他收入与决算报表不一致，请核实',
      location: { table: 't1', row: '其他收入', column: '金额' },
      more: [{ comment: '请补充增加的主要原因', location: { sentence: '2022年度收入总计' } }],
    });
    expect(ret.status).toBe(200);
    const [first, second] = ret.body.comments;
    const path = (c: { id: string }) => `/api/disclosures/${id}/comments/${c.id}/state`;

    // The editor of another unit does not even learn that the comment exists; a viewer may not change it.
    const other = await p.editorA.json<Err>('PUT', path(first!), { resolved: true });
    expect(other.status).toBe(404);
    const viewer = await p.viewer.json<Err>('PUT', path(first!), { resolved: true });
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.message).toMatch(/填报人员和审核人员/);
    // A comment of another disclosure under this one's address is not found.
    expect(
      (
        await p.editorA.json<Err>('PUT', `/api/disclosures/${p.disclosureA}/comments/${first!.id}/state`, {
          resolved: true,
        })
      ).status,
    ).toBe(404);
    expect((await p.editorB.json<Err>('PUT', path(first!), { resolved: 'yes' })).status).toBe(400);

    // The unit's editor ticks the first off; the second stays open.
    const done = await p.editorB.json<CommentStateOut>('PUT', path(first!), { resolved: true });
    expect(done.status).toBe(200);
    expect(done.body.resolvedAt).not.toBeNull();
    expect(done.body.resolvedByName).toBe('editor-b');
    // Saying so again changes nothing and is no error.
    const again = await p.editorB.json<CommentStateOut>('PUT', path(first!), { resolved: true });
    expect(again.body.resolvedAt).toBe(done.body.resolvedAt);
    let wf = await p.reviewer.json<Workflow>('GET', `/api/disclosures/${id}/workflow`);
    const state = new Map(wf.body.comments.map((c) => [c.id, c.resolvedAt]));
    expect(state.get(first!.id)).toBe(done.body.resolvedAt);
    expect(state.get(second!.id)).toBeNull();
    const list = await p.reviewer.json<{ items: { organisation: { id: string }; openComments: number }[] }>(
      'GET',
      '/api/review?year=2022',
    );
    expect(list.body.items.find((i) => i.organisation.id === p.unitB)!.openComments).toBe(1);

    // The reviewer opens it again: the fix was not enough.
    const reopened = await p.reviewer.json<CommentStateOut>('PUT', path(first!), { resolved: false });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ resolvedAt: null, resolvedByName: null });
    const log = await p.admin.json<{ items: AuditEntry[] }>('GET', `/api/audit-log?entityId=${id}`);
    const actions = log.body.items.map((e) => e.action);
    expect(actions).toContain('comment.resolve');
    expect(actions).toContain('comment.reopen');
    const entry = log.body.items.find((e) => e.action === 'comment.resolve')!;
    expect(entry.summary).toContain('其他收入与决算报表不一致');
    expect(entry.newValue).toEqual({ resolved: true });

    // Resubmitted and approved: every comment still open is settled with it, and none can be reopened.
    expect((await p.editorB.json('POST', `/api/disclosures/${id}/submit`, {})).status).toBe(200);
    expect((await p.reviewer.json('POST', `/api/disclosures/${id}/approve`, {})).status).toBe(200);
    wf = await p.reviewer.json<Workflow>('GET', `/api/disclosures/${id}/workflow`);
    expect(wf.body.comments.every((c) => c.resolvedAt !== null)).toBe(true);
    const late = await p.reviewer.json<Err>('PUT', path(second!), { resolved: false });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/已审核通过/);
  });
});
