/**
 * Who may see and change what. An admin: everything. A reviewer or viewer: the subtree of each
 * organisation they are scoped to. An editor: the units they are scoped to, and nothing else.
 * Every write handler asks this module; the UI hiding a button is never the check.
 */
import type { Kysely } from 'kysely';
import type { SessionUser } from './context.ts';
import type { DB, OrganisationRow } from './db/schema.ts';
import { forbidden, notFound } from './errors.ts';

export class Access {
  readonly user: SessionUser;
  readonly orgs: ReadonlyMap<string, OrganisationRow>;
  readonly #readable: ReadonlySet<string>;
  readonly #children = new Map<string, string[]>();

  constructor(user: SessionUser, orgs: readonly OrganisationRow[]) {
    this.user = user;
    this.orgs = new Map(orgs.map((o) => [o.id, o]));
    for (const o of orgs) {
      if (o.parent_id === null) continue;
      const list = this.#children.get(o.parent_id) ?? [];
      list.push(o.id);
      this.#children.set(o.parent_id, list);
    }
    if (user.role === 'admin') this.#readable = new Set(this.orgs.keys());
    else if (user.role === 'editor')
      this.#readable = new Set(user.scopeIds.filter((id) => this.orgs.get(id)?.kind === 'unit'));
    else {
      const out = new Set<string>();
      for (const s of user.scopeIds) for (const id of this.subtree(s)) out.add(id);
      this.#readable = out;
    }
  }

  /** The organisation and everything below it. */
  subtree(id: string): string[] {
    const out = new Set<string>();
    const stack = [id];
    while (stack.length > 0) {
      const cur = stack.pop()!;
      if (!this.orgs.has(cur) || out.has(cur)) continue;
      out.add(cur);
      stack.push(...(this.#children.get(cur) ?? []));
    }
    return [...out];
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

export async function loadAccess(db: Kysely<DB>, user: SessionUser): Promise<Access> {
  const orgs = await db.selectFrom('organisations').selectAll().execute();
  return new Access(user, orgs);
}
