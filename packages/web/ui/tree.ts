/** Builds the organisation tree from the API's flat list (each item names its parent). */
import type { Organisation } from '../src/server/api-schemas.ts';

export interface OrgNode {
  id: string;
  label: string;
  org: Organisation;
  children: OrgNode[];
}

export function buildTree(items: readonly Organisation[]): OrgNode[] {
  const nodes = new Map(
    items.map((o) => [o.id, { id: o.id, label: o.name, org: o, children: [] as OrgNode[] }]),
  );
  const roots: OrgNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.org.parentId ? nodes.get(n.org.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}
