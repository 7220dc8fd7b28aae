/**
 * The review dashboard's kept list (review-list.ts) on every database target: whatever changes a
 * disclosure, its comments, the tree or the clock shows in the very next list, whoever asks and
 * whichever connection wrote it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db/database.ts';
import { acceptsGzip } from './review-list.ts';
import { ReviewDashboardSchema, ReviewItemSchema, type ReviewDashboard } from './review-schemas.ts';
import { EXAMPLES_DIR, setupApp, type Fixture } from './testing/fixture.ts';
import { withPeople, people, type People } from './testing/people.ts';
import { databaseTargets, pgUrl, type Target } from './testing/targets.ts';

const example = readFileSync(join(EXAMPLES_DIR, 'changji-2022.yaml'), 'utf8');

interface Detail {
  disclosure: { version: number };
  data: Record<string, unknown>;
}

function setT1(data: Record<string, unknown>, row: string, amount: string): Record<string, unknown> {
  const copy = structuredClone(data) as { tables: { t1: { rows: { row?: string; amount?: unknown }[] } } };
  copy.tables.t1.rows.find((x) => x.row === row)!.amount = amount;
  return copy as unknown as Record<string, unknown>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** SQLite in a file, so that a second connection (another process, say) can write to it. */
function sqliteFileTarget(dir: string): Target {
  return {
    name: 'sqlite',
    open: async () => {
      const database = openDatabase({ dataDir: dir });
      return { database, cleanup: () => database.close() };
    },
  };
}

describe.each(databaseTargets())('the review list on $name', (target) => {
  let f: Fixture;
  let p: People;
  withPeople(target, example, (ff, pp) => void ([f, p] = [ff, pp]));

  const board = async (who = p.admin, query = ''): Promise<ReviewDashboard> => {
    const r = await who.json<ReviewDashboard>('GET', `/api/review?year=2022${query}`);
    expect(r.status).toBe(200);
    return r.body;
  };
  const itemOf = async (unit: string, who = p.admin) =>
    (await board(who)).items.find((i) => i.organisation.id === unit);

  it('sends only what the schema describes', async () => {
    const b = await board();
    expect(ReviewDashboardSchema.safeParse(b).success).toBe(true);
    for (const i of b.items)
      expect(Object.keys(i).sort()).toEqual(Object.keys(ReviewItemSchema.shape).sort());
  });

  it('sends the same JSON gzipped to a client that accepts it', async () => {
    const plain = await p.admin.call('GET', '/api/review?year=2022&sort=status');
    const zipped = await p.admin.call('GET', '/api/review?year=2022&sort=status', undefined, {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(zipped.headers.get('Content-Encoding')).toBe('gzip');
    expect(zipped.headers.get('Vary')).toBe('Accept-Encoding');
    const bytes = new Uint8Array(await zipped.arrayBuffer());
    expect(gunzipSync(bytes).toString('utf8')).toBe(await plain.text());
  });

  it('shows a save, a submit, a return, a comment and an approval in the next list', async () => {
    const id = p.disclosureB;
    const before = (await itemOf(p.unitB))!;
    // Asked twice: the second answer comes from the kept list, and is the same.
    expect(await itemOf(p.unitB)).toEqual(before);
    const reviewerView = await board(p.reviewer);

    const cur = await p.editorB.json<Detail>('GET', `/api/disclosures/${id}`);
    const saved = await p.editorB.json('PUT', `/api/disclosures/${id}`, {
      version: cur.body.disclosure.version,
      data: setT1(cur.body.data, 'otherIncome', '53.78'),
    });
    expect(saved.status).toBe(200);
    const broken = (await itemOf(p.unitB))!;
    expect(broken.errorCount).toBeGreaterThan(before.errorCount);
    expect(broken.updatedAt).not.toBe(before.updatedAt);
    // Every scope's kept list sees it, not only the one that was asked last.
    const reviewerNow = (await board(p.reviewer)).items.find((i) => i.organisation.id === p.unitB)!;
    expect(reviewerNow.errorCount).toBe(broken.errorCount);
    expect(reviewerView.items.find((i) => i.organisation.id === p.unitB)!.errorCount).toBe(before.errorCount);

    const fixed = await p.editorB.json('PUT', `/api/disclosures/${id}`, {
      version: cur.body.disclosure.version + 1,
      data: cur.body.data,
    });
    expect(fixed.status).toBe(200);
    expect((await itemOf(p.unitB))!.errorCount).toBe(before.errorCount);

    expect((await p.editorB.json('POST', `/api/disclosures/${id}/submit`, {})).status).toBe(200);
    const submitted = (await itemOf(p.unitB))!;
    expect(submitted.status).toBe('submitted');
    expect(submitted.submittedAt).not.toBeNull();
    expect((await board(p.admin, '&status=submitted')).items.map((i) => i.organisation.id)).toEqual([
      p.unitB,
    ]);

    expect(
      (await p.reviewer.json('POST', `/api/disclosures/${id}/return`, { comment: '请核实其他收入' })).status,
    ).toBe(200);
    expect(await itemOf(p.unitB, p.reviewer)).toMatchObject({ status: 'returned', openComments: 1 });

    // A comment alone changes no column of the disclosure.
    expect(
      (await p.reviewer.json('POST', `/api/disclosures/${id}/comments`, { body: '另请补充说明' })).status,
    ).toBe(201);
    expect((await itemOf(p.unitB, p.reviewer))!.openComments).toBe(2);

    expect((await p.editorB.json('POST', `/api/disclosures/${id}/submit`, {})).status).toBe(200);
    expect((await p.reviewer.json('POST', `/api/disclosures/${id}/approve`, {})).status).toBe(200);
    const approved = (await itemOf(p.unitB, p.reviewer))!;
    expect(approved).toMatchObject({ status: 'approved', openComments: 0 });
    expect(approved.deadline).not.toBeNull();
  });

  it('shows a save in a list asked for after it, while lists asked for before it are still being answered', async () => {
    for (let round = 0; round < 3; round++) {
      const before = (await itemOf(p.unitA))!;
      const earlier = Array.from({ length: 8 }, () => board());
      await f.deps.db
        .updateTable('disclosures')
        .set({ warning_count: before.warningCount + 1 })
        .where('id', '=', p.disclosureA)
        .execute();
      const later = await Promise.all(Array.from({ length: 8 }, () => itemOf(p.unitA)));
      for (const i of later) expect(i!.warningCount).toBe(before.warningCount + 1);
      await Promise.all(earlier);
      await f.deps.db
        .updateTable('disclosures')
        .set({ warning_count: before.warningCount })
        .where('id', '=', p.disclosureA)
        .execute();
    }
  });

  it('shows a change that leaves the time of change as it was (a revalidation, a repair by hand)', async () => {
    const before = (await itemOf(p.unitA))!;
    await f.deps.db
      .updateTable('disclosures')
      .set({ warning_count: before.warningCount + 7 })
      .where('id', '=', p.disclosureA)
      .execute();
    expect((await itemOf(p.unitA))!.warningCount).toBe(before.warningCount + 7);
    await f.deps.db
      .updateTable('disclosures')
      .set({ warning_count: before.warningCount })
      .where('id', '=', p.disclosureA)
      .execute();
    expect((await itemOf(p.unitA))!.warningCount).toBe(before.warningCount);
  });

  it('reads a value that holds a separator of the content text as it is', async () => {
    const odd = '2022-06-30T00:00:00.000Z,;备注';
    await f.deps.db
      .updateTable('disclosures')
      .set({ submitted_at: odd })
      .where('id', '=', p.disclosureA)
      .execute();
    expect((await itemOf(p.unitA))!.submittedAt).toBe(odd);
    await f.deps.db
      .updateTable('disclosures')
      .set({ submitted_at: null })
      .where('id', '=', p.disclosureA)
      .execute();
    expect((await itemOf(p.unitA))!.submittedAt).toBeNull();
  });

  it('shows a new unit, its first disclosure, a renamed unit and a unit no longer active', async () => {
    const dept = await f.org('CJZ-JYJ');
    const total = (await board()).total;
    const reviewerTotal = (await board(p.reviewer)).total;
    const created = await p.admin.json<{ id: string }>('POST', '/api/organisations', {
      code: 'CJZ-JYJ-009',
      name: '自治州第九中学（演示）',
      kind: 'unit',
      parentId: dept,
    });
    expect(created.status).toBe(201);
    const unit = created.body.id;
    expect((await board()).total).toBe(total + 1);
    expect(await itemOf(unit, p.reviewer)).toMatchObject({ status: 'not_started', disclosureId: null });
    expect((await board(p.reviewer)).total).toBe(reviewerTotal + 1);

    const imported = await p.admin.json<{ disclosure: { id: string } }>('POST', '/api/disclosures', {
      organisationId: unit,
      fileName: 'nine.yaml',
      content: example,
    });
    expect(imported.status).toBe(201);
    expect(await itemOf(unit, p.reviewer)).toMatchObject({
      status: 'draft',
      disclosureId: imported.body.disclosure.id,
    });

    expect(
      (await p.admin.json('PATCH', `/api/organisations/${unit}`, { name: '自治州第九中学（更名）' })).status,
    ).toBe(200);
    expect((await itemOf(unit, p.reviewer))!.organisation.name).toBe('自治州第九中学（更名）');
    expect((await board(p.reviewer, `&q=${encodeURIComponent('更名')}`)).items).toHaveLength(1);

    expect((await p.admin.json('PATCH', `/api/organisations/${unit}`, { activeTo: 2021 })).status).toBe(200);
    expect(await itemOf(unit, p.reviewer)).toBeUndefined();
    expect((await board()).total).toBe(total);
  });

  it('turns an approved disclosure overdue when its deadline passes, with nothing written', async () => {
    expect((await p.editorA.json('POST', `/api/disclosures/${p.disclosureA}/submit`, {})).status).toBe(200);
    expect((await p.admin.json('POST', `/api/disclosures/${p.disclosureA}/approve`, {})).status).toBe(200);
    await f.deps.db
      .updateTable('disclosures')
      .set({ deadline: new Date(Date.now() + 400).toISOString() })
      .where('id', '=', p.disclosureA)
      .execute();
    expect((await itemOf(p.unitA))!.status).toBe('approved');
    expect((await board(p.admin, '&status=overdue')).items).toEqual([]);
    await sleep(500);
    expect((await itemOf(p.unitA))!.status).toBe('overdue');
    const late = await board(p.admin, '&status=overdue');
    expect(late.items.map((i) => i.organisation.id)).toEqual([p.unitA]);
    expect(late.counts['overdue']).toBe(1);
  });
});

it('reads Accept-Encoding as RFC 9110 says', () => {
  expect(acceptsGzip(undefined)).toBe(false);
  expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
  expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
  expect(acceptsGzip('gzip;q=0, *')).toBe(false);
  expect(acceptsGzip('identity')).toBe(false);
  expect(acceptsGzip('*')).toBe(true);
  expect(acceptsGzip('*;q=0')).toBe(false);
});

describe('the review list, written to by another connection', () => {
  it('on SQLite: sees a commit of another connection to the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-review-list-'));
    const f = await setupApp(sqliteFileTarget(dir));
    try {
      const p = await people(f, example);
      const get = async () =>
        (await p.admin.json<ReviewDashboard>('GET', '/api/review?year=2022')).body.items.find(
          (i) => i.organisation.id === p.unitB,
        )!;
      const before = await get();
      const other = new SQLite(join(dir, 'juesuan.db'));
      other.prepare('update disclosures set error_count = error_count + 3 where id = ?').run(p.disclosureB);
      other.close();
      expect((await get()).errorCount).toBe(before.errorCount + 3);
    } finally {
      await f.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!pgUrl)(
    'on PostgreSQL: sees a commit of another server process on the same database',
    async () => {
      const [pgTarget] = databaseTargets().filter((t) => t.name === 'postgres');
      const f = await setupApp(pgTarget!);
      try {
        const p = await people(f, example);
        const get = async () =>
          (await p.admin.json<ReviewDashboard>('GET', '/api/review?year=2022')).body.items.find(
            (i) => i.organisation.id === p.unitB,
          )!;
        expect((await get()).status).toBe('draft');
        const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(f.deps.db)).rows[0]!.s;
        const other = new pg.Client({ connectionString: pgUrl, options: `-c search_path=${schema}` });
        await other.connect();
        try {
          await other.query("update disclosures set status = 'submitted' where id = $1", [p.disclosureB]);
        } finally {
          await other.end();
        }
        expect((await get()).status).toBe('submitted');
      } finally {
        await f.cleanup();
      }
    },
  );
});
