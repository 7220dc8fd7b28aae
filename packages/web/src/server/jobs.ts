/**
 * Long work (revalidating a year, later PDF generation and audits) runs off the request path: the
 * request creates a job row and returns at once; the work updates the row's progress, which the UI
 * polls. One job at a time, so background work never takes both cores from interactive requests.
 */
import type { Kysely } from 'kysely';
import { nowIso } from './context.ts';
import type { DB } from './db/schema.ts';
import { newId } from './auth/sessions.ts';

export type ReportProgress = (percent: number, message?: string) => Promise<void>;
export type JobWork = (progress: ReportProgress) => Promise<unknown>;

export class JobRunner {
  readonly #db: Kysely<DB>;
  #queue: Promise<void> = Promise.resolve();

  constructor(db: Kysely<DB>) {
    this.#db = db;
  }

  /** Jobs a stopped server left unfinished are marked failed, never left "running" for ever. */
  async recover(): Promise<void> {
    await this.#db
      .updateTable('jobs')
      .set({
        status: 'failed',
        error: '服务器重启，任务已中断，请重新发起',
        finished_at: nowIso(),
        updated_at: nowIso(),
      })
      .where('status', 'in', ['queued', 'running'])
      .execute();
  }

  async start(kind: string, createdBy: string | null, work: JobWork): Promise<string> {
    const id = newId();
    const now = nowIso();
    await this.#db
      .insertInto('jobs')
      .values({
        id,
        kind,
        status: 'queued',
        progress: 0,
        created_by: createdBy,
        created_at: now,
        updated_at: now,
      })
      .execute();
    this.#queue = this.#queue.then(() => this.#run(id, work));
    return id;
  }

  /** Resolves when every job started so far has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.#queue;
  }

  async #run(id: string, work: JobWork): Promise<void> {
    const db = this.#db;
    try {
      await db
        .updateTable('jobs')
        .set({ status: 'running', updated_at: nowIso() })
        .where('id', '=', id)
        .execute();
      const progress: ReportProgress = async (percent, message) => {
        await db
          .updateTable('jobs')
          .set({
            progress: Math.max(0, Math.min(100, Math.round(percent))),
            message: message ?? null,
            updated_at: nowIso(),
          })
          .where('id', '=', id)
          .execute();
      };
      const result = await work(progress);
      await db
        .updateTable('jobs')
        .set({
          status: 'done',
          progress: 100,
          result: JSON.stringify(result ?? null),
          finished_at: nowIso(),
          updated_at: nowIso(),
        })
        .where('id', '=', id)
        .execute();
    } catch (e) {
      console.error(`任务 ${id} 失败：`, e);
      await db
        .updateTable('jobs')
        .set({
          status: 'failed',
          error: '任务执行失败，请查看服务器日志',
          finished_at: nowIso(),
          updated_at: nowIso(),
        })
        .where('id', '=', id)
        .execute()
        .catch(() => undefined);
    }
  }
}
