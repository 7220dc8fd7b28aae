/**
 * The review dashboard's list (GET /api/review): every unit expected to report for a year, with the
 * status of its disclosure. A bureau of 500 units asks for it again and again while little changes,
 * so the server keeps what it built and answers from it while nothing it shows can have changed.
 *
 * What is kept, and why it can never be stale:
 * - The expected units of a scope (tree order, department) are worked out once per kept
 *   organisation tree: the readable set they hang on belongs to one tree (access.ts), and a changed
 *   tree is a new tree with new sets.
 * - The built list of a year, with the JSON text of each query answered from it, is kept per scope
 *   together with the state of the database it was built from, read in the same snapshot:
 *   1. a stamp of the whole database that moves with every committed write — on SQLite the
 *      connection's count of changed rows and `data_version` (commits by other connections); on
 *      PostgreSQL the snapshot (`pg_current_snapshot()`: the next transaction id and those still
 *      running), which moves when any transaction writes or ends;
 *   2. the content stamp: one text of every column the list shows of each of the year's disclosures
 *      and its count of open comments, aggregated in SQL (MD5 of it on PostgreSQL).
 *   A request asks the first (one tiny query); if it moved, the second (one indexed query); only if
 *   that moved too is the list built again. Stamps are read before the data they vouch for, so a
 *   write in between makes the stamp older than the list, never newer: at worst a needless rebuild.
 * - 逾期 depends on the clock: the list records the window of time in which every status it shows
 *   stays as it is (after the latest deadline already passed, up to the next one) and is built
 *   again outside it.
 */
import { gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { Access } from './access.ts';
import type { Dialect } from './db/migration-types.ts';
import type { DB, OrganisationRow } from './db/schema.ts';
import type { ReviewDashboard, ReviewItem, ReviewStatus } from './review-schemas.ts';
import { ancestorOfKind, publicPath, reviewStatus } from './workflow.ts';

export interface ReviewListQuery {
  year: number;
  status?: ReviewStatus | undefined;
  departmentId?: string | undefined;
  q?: string | undefined;
  sort?: 'tree' | 'status' | 'errors' | 'deadline' | 'updated' | undefined;
}

const STATUS_ORDER: Record<ReviewStatus, number> = {
  overdue: 0,
  withdrawn: 1,
  submitted: 2,
  returned: 3,
  approved: 4,
  draft: 5,
  not_started: 6,
  published: 7,
};

/** A unit expected to report, with what the tree says of it. */
interface ExpectedUnit {
  org: OrganisationRow;
  department: OrganisationRow | undefined;
  /** Position in tree order (bureau, department, unit by sort order and code). */
  rank: number;
  /** Lower-case name and code, for the search. */
  nameLower: string;
  codeLower: string;
}

interface Expected {
  /** In tree order. */
  units: ExpectedUnit[];
  departments: { id: string; name: string }[];
}

const expectedByScope = new WeakMap<ReadonlySet<string>, Map<number, Expected>>();

/** The units of the user's scope expected to report for the year, worked out once per kept tree. */
function expectedUnits(access: Access, year: number): Expected {
  const scope = access.readableIds();
  let byYear = expectedByScope.get(scope);
  if (!byYear) {
    byYear = new Map();
    expectedByScope.set(scope, byYear);
  }
  const known = byYear.get(year);
  if (known) return known;
  const orgs = access.orgs;
  const treeOrder = new Map<string, string>();
  const order = (id: string | null): string => {
    const o = id ? orgs.get(id) : undefined;
    if (!o) return '';
    let k = treeOrder.get(o.id);
    if (k === undefined) {
      k = `${order(o.parent_id)}/${String(o.sort_order).padStart(7, '0')}${o.code}`;
      treeOrder.set(o.id, k);
    }
    return k;
  };
  const departments = new Map<string, string>();
  const units: (ExpectedUnit & { key: string })[] = [];
  for (const o of orgs.values()) {
    if (
      o.kind !== 'unit' ||
      !access.canRead(o.id) ||
      (o.active_from !== null && o.active_from > year) ||
      (o.active_to !== null && o.active_to < year)
    )
      continue;
    const department = ancestorOfKind(orgs, o.id, 'department');
    if (department) departments.set(department.id, department.name);
    units.push({
      org: o,
      department,
      rank: 0,
      nameLower: o.name.toLowerCase(),
      codeLower: o.code.toLowerCase(),
      key: order(o.id),
    });
  }
  units.sort((a, b) => a.key.localeCompare(b.key));
  units.forEach((u, i) => (u.rank = i));
  const out: Expected = {
    units: units.map(({ key: _, ...u }) => u),
    departments: [...departments].map(([id, name]) => ({ id, name })),
  };
  // A scope asks for a handful of years; more are kept by the next tree.
  if (byYear.size > 20) byYear.clear();
  byYear.set(year, out);
  return out;
}

/** The stamp of the whole database: moves with every committed write (see the module comment). */
async function databaseStamp(db: Kysely<DB>, dialect: Dialect): Promise<string> {
  if (dialect === 'sqlite') {
    const r = await sql<{ changes: number; version: number }>`
      select total_changes() as changes, (select data_version from pragma_data_version) as version
    `.execute(db);
    const row = r.rows[0];
    return row ? `${row.changes}|${row.version}` : '';
  }
  const r = await sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`.execute(db);
  return r.rows[0]?.snapshot ?? '';
}

/** Every column of the year's disclosures that the list shows, and the open comments of each. */
async function contentStamp(db: Kysely<DB>, dialect: Dialect, year: number): Promise<string> {
  const row = sql`d.id || ',' || d.organisation_id || ',' || d.status || ',' || d.error_count || ','
    || d.warning_count || ',' || coalesce(d.deadline, '') || ',' || coalesce(d.submitted_at, '') || ','
    || coalesce(d.published_at, '') || ',' || d.updated_at || ',' ||
    (select count(*) from comments c where c.disclosure_id = d.id and c.resolved_at is null)`;
  const all =
    dialect === 'sqlite'
      ? sql<string | null>`group_concat(${row}, ';')`
      : sql<string | null>`md5(string_agg(${row}, ';' order by d.id))`;
  const r = await sql<{ n: number | string; s: string | null }>`
    select count(*) as n, ${all} as s from disclosures d where d.year = ${year}
  `.execute(db);
  const first = r.rows[0];
  return first ? `${String(first.n)}|${first.s ?? ''}` : '';
}

interface Built {
  items: (ReviewItem & { rank: number })[];
  counts: Record<string, number>;
  departments: { id: string; name: string }[];
  /** The statuses shown hold while after < now ≤ until (milliseconds). */
  after: number;
  until: number;
}

interface Kept {
  databaseStamp: string;
  contentStamp: string;
  built: Built;
  /** The answers given from this list, by query. */
  answers: Map<string, ReviewListAnswer>;
}

/**
 * One answer, kept as bytes: for 500 units the JSON is ~220 kB, and encoding it again for each
 * request cost more than all else the request did; gzip (which browsers accept) makes it ~15 times
 * smaller, compressed once per answer when first asked for.
 */
export class ReviewListAnswer {
  readonly json: Uint8Array<ArrayBuffer>;
  #gzip: Uint8Array<ArrayBuffer> | undefined;
  constructor(json: Uint8Array<ArrayBuffer>) {
    this.json = json;
  }
  gzip(): Uint8Array<ArrayBuffer> {
    this.#gzip ??= new Uint8Array(gzipSync(this.json, { level: 6 }));
    return this.#gzip;
  }
}

/** Whether an Accept-Encoding header admits gzip (RFC 9110 §12.5.3: `gzip` or `*`, unless q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let star = false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'gzip' || name === 'x-gzip') return allowed;
    if (name === '*') star = allowed;
  }
  return star;
}

const keptByScope = new WeakMap<ReadonlySet<string>, Map<number, Kept>>();

/** Reads the year's disclosures and builds the list of the scope, as of `now`. */
async function build(db: Kysely<DB>, access: Access, year: number, now: number): Promise<Built> {
  const expected = expectedUnits(access, year);
  const rows = await db
    .selectFrom('disclosures')
    .select([
      'id',
      'organisation_id',
      'status',
      'error_count',
      'warning_count',
      'deadline',
      'submitted_at',
      'published_at',
      'updated_at',
    ])
    .where('year', '=', year)
    .execute();
  const byOrg = new Map(rows.map((r) => [r.organisation_id, r]));
  const open = await db
    .selectFrom('comments')
    .innerJoin('disclosures', 'disclosures.id', 'comments.disclosure_id')
    .select(['comments.disclosure_id as id', sql<number | string>`count(*)`.as('n')])
    .where('disclosures.year', '=', year)
    .where('comments.resolved_at', 'is', null)
    .groupBy('comments.disclosure_id')
    .execute();
  const openCount = new Map(open.map((o) => [o.id, Number(o.n)]));
  const nowDate = new Date(now);
  let after = -Infinity;
  let until = Infinity;
  const counts: Record<string, number> = {};
  const items = expected.units.map((u): ReviewItem & { rank: number } => {
    const d = byOrg.get(u.org.id);
    const status = reviewStatus(d, nowDate);
    counts[status] = (counts[status] ?? 0) + 1;
    // Only an approved disclosure that is not a withdrawn publication turns overdue (reviewStatus).
    if (d && d.status === 'approved' && d.published_at === null && d.deadline !== null) {
      const t = new Date(d.deadline).getTime();
      if (t < now) after = Math.max(after, t);
      else if (t >= now) until = Math.min(until, t);
    }
    return {
      rank: u.rank,
      organisation: { id: u.org.id, code: u.org.code, name: u.org.name },
      departmentId: u.department?.id ?? null,
      departmentName: u.department?.name ?? null,
      status,
      disclosureId: d?.id ?? null,
      errorCount: d?.error_count ?? 0,
      warningCount: d?.warning_count ?? 0,
      openComments: d ? (openCount.get(d.id) ?? 0) : 0,
      submittedAt: d?.submitted_at ?? null,
      publishedAt: d?.published_at ?? null,
      deadline: d?.deadline ?? null,
      updatedAt: d?.updated_at ?? null,
      publicPath: d?.status === 'published' ? publicPath(year, u.org.code) : null,
    };
  });
  return { items, counts, departments: expected.departments, after, until };
}

type Item = Built['items'][number];
const byTree = (a: Item, b: Item): number => a.rank - b.rank;
const SORTERS: Record<NonNullable<ReviewListQuery['sort']>, (a: Item, b: Item) => number> = {
  tree: byTree,
  status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || byTree(a, b),
  errors: (a, b) => b.errorCount - a.errorCount || b.warningCount - a.warningCount || byTree(a, b),
  // Units with a deadline first, the nearest first.
  deadline: (a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || byTree(a, b),
  updated: (a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '') || byTree(a, b),
};

/** The answer to one query from a built list. */
function answer(built: Built, q: ReviewListQuery): ReviewListAnswer {
  let items = built.items;
  const total = items.length;
  if (q.status) items = items.filter((i) => i.status === q.status);
  if (q.departmentId) items = items.filter((i) => i.departmentId === q.departmentId);
  if (q.q) {
    const needle = q.q.trim().toLowerCase();
    items = items.filter(
      (i) =>
        i.organisation.name.toLowerCase().includes(needle) ||
        i.organisation.code.toLowerCase().includes(needle),
    );
  }
  const sort = q.sort ?? 'tree';
  // Built in tree order already.
  if (sort !== 'tree') items = [...items].sort(SORTERS[sort]);
  const body: ReviewDashboard = {
    year: q.year,
    items: items.map(({ rank: _, ...rest }) => rest),
    counts: built.counts,
    departments: built.departments,
    total,
  };
  return new ReviewListAnswer(new TextEncoder().encode(JSON.stringify(body)));
}

const ANSWERS_KEPT = 32;

/** Whether a kept list still shows the database as it is now, and the statuses as of this moment. */
async function stillCurrent(db: Kysely<DB>, dialect: Dialect, kept: Kept, year: number): Promise<boolean> {
  const now = Date.now();
  if (!(kept.built.after < now && now <= kept.built.until)) return false;
  const stamp = await databaseStamp(db, dialect);
  if (stamp === kept.databaseStamp) return true;
  if ((await contentStamp(db, dialect, year)) !== kept.contentStamp) return false;
  // Read before the content stamp that just matched: never newer than the list.
  kept.databaseStamp = stamp;
  return true;
}

/**
 * The dashboard of the user's scope for the query: from the kept list while the database shows
 * nothing new to it, else built again (see the module comment).
 */
export async function reviewList(
  db: Kysely<DB>,
  dialect: Dialect,
  access: Access,
  q: ReviewListQuery,
): Promise<ReviewListAnswer> {
  const scope = access.readableIds();
  let byYear = keptByScope.get(scope);
  if (!byYear) {
    byYear = new Map();
    keptByScope.set(scope, byYear);
  }
  let kept = byYear.get(q.year);
  if (!kept || !(await stillCurrent(db, dialect, kept, q.year))) {
    // The stamps and the list from one snapshot of the database (SQLite's transactions are
    // serialisable; PostgreSQL's default, read committed, takes a snapshot per statement).
    const next = await (
      dialect === 'postgres' ? db.transaction().setIsolationLevel('repeatable read') : db.transaction()
    ).execute(async (trx) => {
      const databaseStampNow = await databaseStamp(trx, dialect);
      const contentStampNow = await contentStamp(trx, dialect, q.year);
      const built = await build(trx, access, q.year, Date.now());
      return { databaseStamp: databaseStampNow, contentStamp: contentStampNow, built };
    });
    kept = { ...next, answers: new Map() };
    if (byYear.size > 20) byYear.clear();
    byYear.set(q.year, kept);
  }
  const key = JSON.stringify([q.status, q.departmentId, q.q, q.sort]);
  let out = kept.answers.get(key);
  if (out === undefined) {
    out = answer(kept.built, q);
    if (kept.answers.size >= ANSWERS_KEPT) kept.answers.clear();
    kept.answers.set(key, out);
  }
  return out;
}
