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
  // The keys from the top down to the values compared. A path is written out only for a change: a
  // save changes a cell or two of thousands, and building every path took most of the walk.
  const keys: (string | number)[] = [];
  const walk = (a: unknown, b: unknown): void => {
    if (changes.length >= limit) {
      truncated = true;
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n; i++) {
        keys.push(i);
        walk(a[i], b[i]);
        keys.pop();
      }
      return;
    }
    if (isObject(a) && isObject(b)) {
      // The keys of `a` in order, then those only `b` has. Own keys only: a data key such as
      // `constructor` must not meet Object.prototype's.
      for (const k of Object.keys(a)) {
        keys.push(k);
        walk(a[k], Object.hasOwn(b, k) ? b[k] : undefined);
        keys.pop();
      }
      for (const k of Object.keys(b)) {
        if (Object.hasOwn(a, k)) continue;
        keys.push(k);
        walk(undefined, b[k]);
        keys.pop();
      }
      return;
    }
    // Equal primitives are the common case; two values that are not both objects compare as their
    // JSON text, as before.
    if (a === b) return;
    if ((typeof a === 'object' && a !== null) || (typeof b === 'object' && b !== null)) {
      if (JSON.stringify(a) === JSON.stringify(b)) return;
    }
    const c: Change = { path: keys.reduce<string>(join, '') || '（全部）' };
    if (a !== undefined) c.before = a;
    if (b !== undefined) c.after = b;
    changes.push(c);
  };
  walk(before, after);
  return { changes, truncated };
}
