/** Paths at which two JSON values differ, for the audit log and the conflict report of a stale save. */
export interface Change {
  path: string;
  before?: unknown;
  after?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

export function jsonChanges(
  before: unknown,
  after: unknown,
  limit = 200,
): { changes: Change[]; truncated: boolean } {
  const changes: Change[] = [];
  let truncated = false;
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (changes.length >= limit) {
      truncated = true;
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n; i++) walk(a[i], b[i], join(path, i));
      return;
    }
    if (isObject(a) && isObject(b)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], join(path, k));
      return;
    }
    // Equal primitives are the common case (a save changes a cell or two of thousands); two values
    // that are not both objects compare as their JSON text, as before.
    if (a === b) return;
    if ((typeof a === 'object' && a !== null) || (typeof b === 'object' && b !== null)) {
      if (JSON.stringify(a) === JSON.stringify(b)) return;
    }
    const c: Change = { path: path || '（全部）' };
    if (a !== undefined) c.before = a;
    if (b !== undefined) c.after = b;
    changes.push(c);
  };
  walk(before, after, '');
  return { changes, truncated };
}
