/**
 * Who may see and change what. An admin: everything. A reviewer or viewer: the subtree of each
 * organisation they are scoped to. An editor: the units they are scoped to, and nothing else.
 * Every write handler asks this module; the UI hiding a button is never the check.
 *
 * The organisation tree is read once and kept (per database) with what every check needs worked
 * out in advance: children, each organisation's subtree, and the readable set of each scope. A
 * request only asks whether the tree is still the one kept: an aggregate over the table (count and
 * latest `updated_at`), which any insert, update or delete changes, also by another server process
 * on the same PostgreSQL. The session lookup, which every signed-in request makes first, fetches the
 * aggregate in the same query and hands it here (`organisationsSeen`); a tree found current that way
 * within the last second is used without asking again. Writes through this server also drop the
 * kept tree at once (`organisationsChanged`), so that two changes within one millisecond are not
 * missed either.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { SessionUser } from './context.ts';
import type { DB, OrganisationRow } from './db/schema.ts';
import { forbidden, notFound } from './errors.ts';

/** The organisations as read at one moment, with the derived maps every access check uses. Immutable. */
export class OrganisationTree {
  readonly orgs: ReadonlyMap<string, OrganisationRow>;
  /** What the table looked like when read: row count and latest change. */
  readonly fingerprint: string;
  readonly #children = new Map<string, string[]>();
  readonly #subtrees = new Map<string, ReadonlySet<string>>();
  /** Readable sets by role and scopes: the same few users ask again and again. */
  readonly #readable = new Map<string, ReadonlySet<string>>();

  constructor(rows: readonly OrganisationRow[]) {
    this.orgs = new Map(rows.map((o) => [o.id, Object.freeze(o)]));
    this.fingerprint = fingerprintOf(
      rows.length,
      rows.reduce<string | null>((m, o) => (m === null || o.updated_at > m ? o.updated_at : m), null),
    );
    for (const o of rows) {
      if (o.parent_id === null) continue;
      const list = this.#children.get(o.parent_id) ?? [];
      list.push(o.id);
      this.#children.set(o.parent_id, list);
    }
  }

  /** The organisation and everything below it (empty if it does not exist). */
  subtree(id: string): ReadonlySet<string> {
    const known = this.#subtrees.get(id);
    if (known) return known;
    const out = new Set<string>();
    const stack = [id];
    while (stack.length > 0) {
      const cur = stack.pop()!;
      if (!this.orgs.has(cur) || out.has(cur)) continue;
      out.add(cur);
      for (const child of this.#children.get(cur) ?? []) stack.push(child);
    }
    this.#subtrees.set(id, out);
    return out;
  }

  readableFor(user: Pick<SessionUser, 'role' | 'scopeIds'>): ReadonlySet<string> {
    const key = `${user.role}:${JSON.stringify(user.scopeIds)}`;
    const known = this.#readable.get(key);
    if (known) return known;
    let out: Set<string>;
    if (user.role === 'admin') out = new Set(this.orgs.keys());
    else if (user.role === 'editor')
      out = new Set(user.scopeIds.filter((id) => this.orgs.get(id)?.kind === 'unit'));
    else {
      out = new Set();
      for (const s of user.scopeIds) for (const id of this.subtree(s)) out.add(id);
    }
    if (this.#readable.size > 1000) this.#readable.clear();
    this.#readable.set(key, out);
    return out;
  }
}

const fingerprintOf = (count: number | string | bigint, latest: string | null): string =>
  `${String(count)}|${latest ?? ''}`;

export class Access {
  readonly user: SessionUser;
  readonly orgs: ReadonlyMap<string, OrganisationRow>;
  readonly #tree: OrganisationTree;
  readonly #readable: ReadonlySet<string>;

  constructor(user: SessionUser, orgs: readonly OrganisationRow[] | OrganisationTree) {
    this.user = user;
    this.#tree = orgs instanceof OrganisationTree ? orgs : new OrganisationTree(orgs);
    this.orgs = this.#tree.orgs;
    this.#readable = this.#tree.readableFor(user);
  }

  /** The organisation and everything below it. */
  subtree(id: string): string[] {
    return [...this.#tree.subtree(id)];
  }

  canRead(orgId: string): boolean {
    return this.#readable.has(orgId);
  }

  /** Changing a unit's disclosure data: its editors, and admins. */
  canEditData(orgId: string): boolean {
    if (this.user.role === 'admin') return this.orgs.has(orgId);
    return this.user.role === 'editor' && this.#readable.has(orgId);
  }

  /** Organisations shown in the tree: the readable ones and their ancestors (for context only). */
  visibleInTree(): Set<string> {
    const out = new Set<string>();
    for (const id of this.#readable) {
      let cur: string | null | undefined = id;
      while (cur && !out.has(cur)) {
        out.add(cur);
        cur = this.orgs.get(cur)?.parent_id;
      }
    }
    return out;
  }

  readableIds(): ReadonlySet<string> {
    return this.#readable;
  }

  /** Throws 404 for an organisation the user may not see (no hint that it exists), 403 when they may see but not change. */
  assertCanEditData(orgId: string): void {
    if (!this.canRead(orgId)) throw notFound('单位');
    if (!this.canEditData(orgId)) throw forbidden('只有本单位的填报人员可以修改本单位的决算');
  }
}

interface Kept {
  tree: OrganisationTree | null;
  /** When the kept tree was last found current (performance.now()). */
  checkedAt: number;
  /** Bumped by every write through this process; a read that started before one is not kept. */
  generation: number;
}

/** How long finding the kept tree current stands for the requests that follow. */
const CHECK_VALID_MS = 1000;

const kept = new WeakMap<object, Kept>();

function keptFor(db: Kysely<DB>): Kept {
  let k = kept.get(db);
  if (!k) {
    k = { tree: null, checkedAt: -Infinity, generation: 0 };
    kept.set(db, k);
  }
  return k;
}

/** The organisation tree as it is now: the kept one if the table has not changed since, else read afresh. */
export async function organisationTree(db: Kysely<DB>): Promise<OrganisationTree> {
  const k = keptFor(db);
  if (k.tree && performance.now() - k.checkedAt < CHECK_VALID_MS) return k.tree;
  const generation = k.generation;
  if (k.tree) {
    const checkedAt = performance.now();
    const now = await db
      .selectFrom('organisations')
      .select(ORGANISATIONS_FINGERPRINT)
      .executeTakeFirstOrThrow();
    const tree = k.tree;
    if (
      generation === k.generation &&
      tree &&
      fingerprintOf(now.org_count, now.org_latest) === tree.fingerprint
    ) {
      k.checkedAt = checkedAt;
      return tree;
    }
  }
  const checkedAt = performance.now();
  const tree = new OrganisationTree(await db.selectFrom('organisations').selectAll().execute());
  if (generation === k.generation) {
    k.tree = tree;
    k.checkedAt = checkedAt;
  }
  return tree;
}

/**
 * The aggregate that tells whether the organisations changed, as select expressions: on the table
 * itself, or as scalar subqueries in another query (the session lookup).
 */
export const ORGANISATIONS_FINGERPRINT = [
  sql<number | string>`count(*)`.as('org_count'),
  sql<string | null>`max(updated_at)`.as('org_latest'),
] as const;
export const ORGANISATIONS_FINGERPRINT_SUBQUERIES = [
  sql<number | string>`(select count(*) from organisations)`.as('org_count'),
  sql<string | null>`(select max(updated_at) from organisations)`.as('org_latest'),
] as const;

/**
 * What the organisations looked like at the start of a request (read by the session lookup): keeps
 * the kept tree, as checked now, or drops it.
 */
export function organisationsSeen(
  db: Kysely<DB>,
  seen: { org_count: number | string | bigint; org_latest: string | null },
  checkedAt: number,
): void {
  const k = kept.get(db);
  if (!k?.tree) return;
  if (fingerprintOf(seen.org_count, seen.org_latest) === k.tree.fingerprint) {
    if (checkedAt > k.checkedAt) k.checkedAt = checkedAt;
  } else {
    k.tree = null;
    k.checkedAt = -Infinity;
    k.generation++;
  }
}

/**
 * After any write to `organisations` (call it once the transaction has committed): the kept tree is
 * dropped. Takes the database the server was opened with, not a transaction.
 */
export function organisationsChanged(db: Kysely<DB> | Transaction<DB>): void {
  const k = kept.get(db);
  if (!k) return;
  k.tree = null;
  k.checkedAt = -Infinity;
  k.generation++;
}

export async function loadAccess(db: Kysely<DB>, user: SessionUser): Promise<Access> {
  return new Access(user, await organisationTree(db));
}
