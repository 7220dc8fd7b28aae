/** The audit log: who changed what, when, from which address, with the old and the new value. */
import type { Kysely, Transaction } from 'kysely';
import { nowIso, type SessionUser } from './context.ts';
import type { DB } from './db/schema.ts';

export interface AuditInput {
  actor: Pick<SessionUser, 'id' | 'displayName'> | null;
  ip: string;
  action: string;
  entityType: 'organisation' | 'user' | 'disclosure' | 'session' | 'job';
  entityId: string | null;
  summary: string;
  oldValue?: unknown;
  newValue?: unknown;
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

export async function recordAudit(db: Kysely<DB> | Transaction<DB>, e: AuditInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      actor_id: e.actor?.id ?? null,
      actor_name: e.actor?.displayName ?? null,
      ip: e.ip,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      summary: e.summary,
      old_value: json(e.oldValue),
      new_value: json(e.newValue),
    })
    .execute();
}
