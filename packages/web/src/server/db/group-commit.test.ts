import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Generated, type Transaction } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.ts';
import type { DB } from './schema.ts';

/** A scratch table of its own: the group commit knows nothing of the server's tables. */
interface Scratch {
  parents: { id: number };
  notes: { id: Generated<number>; parent_id: number | null; body: string };
}

describe('groupCommit on SQLite', () => {
  let sqlite: SQLite.Database;
  let db: Kysely<Scratch>;
  let begins: number;

  beforeEach(async () => {
    sqlite = new SQLite(':memory:');
    sqlite.pragma('foreign_keys = ON');
    begins = 0;
    db = new Kysely<Scratch>({
      dialect: new SqliteDialect({ database: sqlite }),
      log: (e) => {
        if (e.level === 'query' && /^begin\b/i.test(e.query.sql)) begins++;
      },
    });
    await sql`create table parents (id integer primary key)`.execute(db);
    // Checked at COMMIT, not at the insert: a way to make a commit fail.
    await sql`create table notes (id integer primary key, parent_id integer
      references parents (id) deferrable initially deferred, body text not null unique)`.execute(db);
    begins = 0;
  });
  afterEach(async () => {
    await db.destroy();
  });

  const writes = () => groupCommit(db as unknown as Kysely<DB>);
  const note =
    (body: string, parentId: number | null = null) =>
    async (trx: Transaction<DB>): Promise<string> => {
      const t = trx as unknown as Transaction<Scratch>;
      await t.insertInto('notes').values({ parent_id: parentId, body }).execute();
      return body;
    };
  const bodies = async (): Promise<string[]> =>
    (await db.selectFrom('notes').select('body').orderBy('body').execute()).map((r) => r.body);

  it('commits writes asked for together in one transaction, answering each only once it is committed', async () => {
    const g = writes();
    const answered: boolean[] = [];
    const results = await Promise.all(
      ['a', 'b', 'c'].map((b) =>
        g.run(note(b)).then((r) => {
          // Answered after COMMIT: no transaction is open any more, and the row is there.
          answered.push(
            !sqlite.inTransaction &&
              sqlite.prepare('select 1 from notes where body = ?').get(b) !== undefined,
          );
          return r;
        }),
      ),
    );
    expect(results).toEqual(['a', 'b', 'c']);
    expect(answered).toEqual([true, true, true]);
    expect(begins).toBe(1);
    expect(await bodies()).toEqual(['a', 'b', 'c']);
  });

  it('undoes a write that fails, and only that one', async () => {
    const g = writes();
    const failing = async (trx: Transaction<DB>): Promise<string> => {
      await note('half')(trx);
      throw new Error('写到一半失败');
    };
    const [a, b, c, d] = await Promise.allSettled([
      g.run(note('a')),
      g.run(failing),
      // A constraint error of the database itself: the second 'a'.
      g.run(note('a')),
      g.run(note('d')),
    ]);
    expect(a).toEqual({ status: 'fulfilled', value: 'a' });
    expect(b).toMatchObject({ status: 'rejected', reason: { message: '写到一半失败' } });
    expect(c.status).toBe('rejected');
    expect(d).toEqual({ status: 'fulfilled', value: 'd' });
    expect(begins).toBe(1);
    expect(await bodies()).toEqual(['a', 'd']);
  });

  it('fails every write of the batch, and stores none, when the commit fails', async () => {
    const g = writes();
    const results = await Promise.allSettled([g.run(note('a')), g.run(note('orphan', 42)), g.run(note('c'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(sqlite.inTransaction).toBe(false);
    expect(await bodies()).toEqual([]);
    // The next batch is not affected.
    expect(await g.run(note('after'))).toBe('after');
    expect(await bodies()).toEqual(['after']);
  });

  it('takes writes of later turns, and more than a batch holds, in further transactions', async () => {
    const g = groupCommit(db as unknown as Kysely<DB>, 2);
    await g.run(note('first'));
    expect(begins).toBe(1);
    await Promise.all(['p', 'q', 'r', 's', 't'].map((b) => g.run(note(b))));
    expect(begins).toBe(1 + 3);
    expect(await bodies()).toEqual(['first', 'p', 'q', 'r', 's', 't']);
  });
});
