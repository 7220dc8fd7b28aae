/**
 * Group commit for SQLite: writes that arrive together share one transaction, so one sync of the
 * disk (`synchronous = FULL`) instead of one each. better-sqlite3 syncs on the event loop: with a
 * commit per save, the server stood still for the disk at every save (docs/adr/0016-web-api-latency.md).
 *
 * Each write still stands alone: it runs in its own savepoint, and a write that throws is rolled
 * back to that savepoint without touching the others. None is answered before the shared COMMIT has
 * returned, i.e. before it is on disk; if the COMMIT fails, every write of the batch fails.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

export interface GroupCommit {
  /**
   * Runs `work` in a savepoint of the next shared transaction. Resolves with its result once that
   * transaction is committed; rejects with its error (its changes undone), or with the commit's.
   */
  run<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T>;
}

interface Pending {
  work: (trx: Transaction<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Writes per transaction at most: a batch holds the only connection while its statements run, and
 * the requests of the next batch go on being validated meanwhile.
 */
export const GROUP_COMMIT_MAX = 64;

/**
 * Collects the writes asked for during one turn of the event loop (a save is validated, then asks)
 * and commits them together at the end of that turn. Under load the batch grows by itself: whatever
 * arrived while the disk synced goes into the next one. With one save at a time it is a transaction
 * per save, as before, one event-loop turn later.
 */
export function groupCommit(db: Kysely<DB>, max: number = GROUP_COMMIT_MAX): GroupCommit {
  let queue: Pending[] = [];
  let scheduled = false;

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void flush();
    });
  };

  const flush = async (): Promise<void> => {
    const batch = queue.slice(0, max);
    queue = queue.slice(batch.length);
    if (queue.length > 0) schedule();
    if (batch.length === 0) return;
    const outcomes: Outcome[] = [];
    try {
      await db.transaction().execute(async (trx) => {
        for (const p of batch) {
          await sql`savepoint group_commit_write`.execute(trx);
          try {
            outcomes.push({ ok: true, value: await p.work(trx) });
          } catch (error) {
            // Undoes this write only. Should SQLite have ended the whole transaction (disk full, I/O
            // error), this throws too and the batch fails as one.
            await sql`rollback to group_commit_write`.execute(trx);
            outcomes.push({ ok: false, error });
          }
          await sql`release group_commit_write`.execute(trx);
        }
      });
    } catch (error) {
      // Not committed: nothing of the batch is stored, so no write of it may report success.
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o.ok) p.resolve(o.value);
      else p.reject(o.error);
    });
  };

  return {
    run<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
        schedule();
      });
    },
  };
}
