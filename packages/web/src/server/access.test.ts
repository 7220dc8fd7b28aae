/**
 * The organisation tree the server keeps between requests (access.ts) never grants or hides more
 * than the tree in the database: a change through the API, and one written by another server process
 * on the same database, count from the next request on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nowIso } from './context.ts';
import { EXAMPLES_DIR, type Fixture } from './testing/fixture.ts';
import { withPeople, type People } from './testing/people.ts';
import { databaseTargets } from './testing/targets.ts';

const example = readFileSync(join(EXAMPLES_DIR, 'changji-2022.yaml'), 'utf8');
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe.each(databaseTargets())('kept organisation tree on $name', (target) => {
  let f: Fixture;
  let p: People;
  let education: string;
  let health: string;
  withPeople(target, example, async (ff, pp) => {
    f = ff;
    p = pp;
    education = await f.org('CJZ-JYJ');
    health = await f.org('CJZ-WJW');
  });

  const reviewerSees = async (): Promise<number> =>
    (await p.reviewer.json('GET', `/api/disclosures/${p.disclosureB}`)).status;

  it('follows a unit moved through the API at once', async () => {
    // The reviewer is scoped to the education department, which holds unit B.
    expect(await reviewerSees()).toBe(200);
    const moved = await p.admin.json('PATCH', `/api/organisations/${p.unitB}`, { parentId: health });
    expect(moved.status).toBe(200);
    expect(await reviewerSees()).toBe(404);
    const back = await p.admin.json('PATCH', `/api/organisations/${p.unitB}`, { parentId: education });
    expect(back.status).toBe(200);
    expect(await reviewerSees()).toBe(200);
  });

  it('follows a change another server process wrote to the database, from the next request on', async () => {
    expect(await reviewerSees()).toBe(200);
    await tick();
    await f.deps.db
      .updateTable('organisations')
      .set({ parent_id: health, updated_at: nowIso() })
      .where('id', '=', p.unitB)
      .execute();
    expect(await reviewerSees()).toBe(404);
    await tick();
    await f.deps.db
      .updateTable('organisations')
      .set({ parent_id: education, updated_at: nowIso() })
      .where('id', '=', p.unitB)
      .execute();
    expect(await reviewerSees()).toBe(200);

    // A unit another process added appears in the tree of the next request.
    await f.deps.db
      .insertInto('organisations')
      .values({
        id: 'unit-from-elsewhere',
        code: 'CJZ-JYJ-099',
        name: '另一进程新建的单位',
        kind: 'unit',
        parent_id: education,
        sort_order: 99,
        active_from: null,
        active_to: null,
        created_at: nowIso(),
        updated_at: nowIso(),
      })
      .execute();
    const tree = await p.reviewer.json<{ items: { code: string }[] }>('GET', '/api/organisations');
    expect(tree.body.items.map((o) => o.code)).toContain('CJZ-JYJ-099');
  });
});
