/**
 * The kept bytes of a disclosure's read (read-answers.ts) on every database target: whatever
 * changes the disclosure, its workflow or who may see it shows in the very next read, plain or
 * gzipped, and the answer is the same JSON either way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, type Fixture } from './testing/fixture.ts';
import { withPeople, PASSWORD, type People } from './testing/people.ts';
import type { TestClient } from './testing/client.ts';
import { databaseTargets } from './testing/targets.ts';

const example = readFileSync(join(EXAMPLES_DIR, 'changji-2022.yaml'), 'utf8');

interface Detail {
  disclosure: { version: number; status: string; updatedBy: string | null };
  organisation: { name: string };
  data: Record<string, unknown>;
  findings: { summary: { error: number } };
  canEdit: boolean;
}

function setT1(data: Record<string, unknown>, row: string, amount: string): Record<string, unknown> {
  const copy = structuredClone(data) as { tables: { t1: { rows: { row?: string; amount?: unknown }[] } } };
  copy.tables.t1.rows.find((x) => x.row === row)!.amount = amount;
  return copy as unknown as Record<string, unknown>;
}
const t1 = (data: Record<string, unknown>, row: string): unknown =>
  (data as { tables: { t1: { rows: { row?: string; amount?: unknown }[] } } }).tables.t1.rows.find(
    (x) => x.row === row,
  )!.amount;

describe.each(databaseTargets())('a disclosure read on $name', (target) => {
  let f: Fixture;
  let p: People;
  withPeople(target, example, (ff, pp) => void ([f, p] = [ff, pp]));

  /** The read, plain and gzipped: both must be the same JSON. */
  const read = async (who: TestClient, id = p.disclosureB): Promise<{ status: number; body: Detail }> => {
    const plain = await who.call('GET', `/api/disclosures/${id}`);
    const zipped = await who.call('GET', `/api/disclosures/${id}`, undefined, {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(zipped.status).toBe(plain.status);
    const text = await plain.text();
    if (plain.status !== 200) return { status: plain.status, body: JSON.parse(text) as Detail };
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(zipped.headers.get('Content-Encoding')).toBe('gzip');
    expect(zipped.headers.get('Vary')).toBe('Accept-Encoding');
    // app.request hands back the bytes as sent.
    const unzipped = gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8');
    expect(unzipped).toBe(text);
    return { status: 200, body: JSON.parse(text) as Detail };
  };

  it('shows a save, a restore and a stale save refused, read after read', async () => {
    const first = await read(p.editorB);
    expect((await read(p.editorB)).body).toEqual(first.body);
    const v = first.body.disclosure.version;
    const changed = setT1(first.body.data, 'otherIncome', '12.34');
    const saved = await p.editorB.json('PUT', `/api/disclosures/${p.disclosureB}`, {
      version: v,
      data: changed,
    });
    expect(saved.status).toBe(200);
    const after = (await read(p.editorB)).body;
    expect(after.disclosure.version).toBe(v + 1);
    expect(t1(after.data, 'otherIncome')).toBe('12.34');
    // The reviewer (other rights, so another head) sees the same data.
    expect(t1((await read(p.reviewer)).body.data, 'otherIncome')).toBe('12.34');
    const restored = await p.editorB.json('POST', `/api/disclosures/${p.disclosureB}/versions/${v}/restore`, {
      currentVersion: v + 1,
    });
    expect(restored.status).toBe(200);
    const back = (await read(p.editorB)).body;
    expect(back.disclosure.version).toBe(v + 2);
    expect(back.data).toEqual(first.body.data);
    // The same data has the same findings, whichever path (create, save, restore) stored it.
    expect(back.findings).toEqual(first.body.findings);
  });

  it('shows a workflow change that leaves the data as it was', async () => {
    expect((await read(p.editorB)).body.canEdit).toBe(true);
    expect((await p.editorB.json('POST', `/api/disclosures/${p.disclosureB}/submit`, {})).status).toBe(200);
    const submitted = (await read(p.editorB)).body;
    expect(submitted.disclosure.status).toBe('submitted');
    expect(submitted.canEdit).toBe(false);
    expect(
      (
        await p.reviewer.json('POST', `/api/disclosures/${p.disclosureB}/return`, {
          comment: '请核对其他收入',
        })
      ).status,
    ).toBe(200);
    const returned = (await read(p.editorB)).body;
    expect(returned.disclosure.status).toBe('returned');
    expect(returned.canEdit).toBe(true);
  });

  it('shows a change by hand to the stored data, the version left as it was', async () => {
    const before = (await read(p.editorB)).body;
    const edited = setT1(before.data, 'otherIncome', '99.99');
    await f.deps.db
      .updateTable('disclosures')
      .set({ data: JSON.stringify(edited) })
      .where('id', '=', p.disclosureB)
      .execute();
    const after = (await read(p.editorB)).body;
    expect(after.disclosure.version).toBe(before.disclosure.version);
    expect(t1(after.data, 'otherIncome')).toBe('99.99');
    // The findings are those of the data shown: 本年收入合计 no longer adds up.
    expect(after.findings.summary.error).toBeGreaterThan(before.findings.summary.error);
    await f.deps.db
      .updateTable('disclosures')
      .set({ data: JSON.stringify(before.data) })
      .where('id', '=', p.disclosureB)
      .execute();
    const restored = (await read(p.editorB)).body;
    expect(restored.data).toEqual(before.data);
    expect(restored.findings).toEqual(before.findings);
  });

  it('shows a renamed unit and a withdrawn permission', async () => {
    expect((await read(p.editorB)).status).toBe(200);
    expect(
      (await p.admin.json('PATCH', `/api/organisations/${p.unitB}`, { name: '自治州教育局（读取测试）' }))
        .status,
    ).toBe(200);
    expect((await read(p.editorB)).body.organisation.name).toBe('自治州教育局（读取测试）');
    const users = await p.admin.json<{ items: { id: string; username: string }[] }>('GET', '/api/users');
    const editorB = users.body.items.find((u) => u.username === 'editor-b')!;
    expect((await p.admin.json('PATCH', `/api/users/${editorB.id}`, { scopes: [p.unitA] })).status).toBe(200);
    // Changing the scopes ends the user's sessions: a new one sees the new scopes.
    expect((await read(p.editorB)).status).toBe(401);
    expect((await p.editorB.login('editor-b', PASSWORD)).status).toBe(200);
    expect((await read(p.editorB)).status).toBe(404);
    expect((await read(p.editorB, p.disclosureA)).status).toBe(200);
  });
});
