/**
 * The review dashboard's list (GET /api/review): every unit expected to report for a year, with the
 * status of its disclosure. A bureau of 500 units asks for it again and again while little changes,
 * so the server keeps what it built and answers from it while nothing it shows can have changed.
 *
 * What is kept, and why it can never be stale:
 * - The expected units of a scope (tree order, department) are worked out once per kept
 *   organisation tree: the readable set they hang on belongs to one tree (access.ts), and a changed
 *   tree is a new tree with new sets.
 * - The built list of a year, with the answer to each query asked of it, is kept per scope with
 *   two stamps of the database it was built from:
 *   1. a stamp of the whole database that moves with every committed write (db/database-stamp.ts:
 *      on SQLite the connection's count of changed rows and `data_version`, on PostgreSQL the
 *      snapshot), read by the session lookup at the start of the request;
 *   2. the content itself: every column the list shows of each of the year's disclosures and the
 *      count of open comments of each, read in one statement as one text (readContent).
 *   If the first moved, a request reads the second; only if that
 *   differs too is the list built again, from the content just read. The first is read before the
 *   second, so a write in between makes the kept stamp older than the list, never newer: at worst
 *   a needless read. No write path needs to tell this module anything.
 * - 逾期 depends on the clock: the list records the window of time in which every status it shows
 *   stays as it is (after the latest deadline already passed, up to the next one) and is built
 *   again outside it.
 */
import { gzipSync } from 'node:zlib';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Access } from './access.ts';
import { readDatabaseStamp } from './db/database-stamp.ts';
import type { Dialect } from './db/migration-types.ts';
import type { DB, DisclosureRow, DisclosureStatus, OrganisationRow } from './db/schema.ts';
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

/** What the list shows of a disclosure. */
type Shown = Pick<
  DisclosureRow,
  | 'id'
  | 'organisation_id'
  | 'status'
  | 'error_count'
  | 'warning_count'
  | 'deadline'
  | 'submitted_at'
  | 'published_at'
  | 'updated_at'
>;

/** The year's disclosures as the list shows them, and the open comments of each. */
interface Content {
  /** As read: the same text, the same list (the content stamp). */
  text: string;
  /** By organisation. */
  disclosures: Map<string, Shown>;
  /** By disclosure. */
  openComments: Map<string, number>;
}

/**
 * Reads the content in one statement (one snapshot), as one text: every column the list shows of
 * each disclosure, fields joined by `,`, records by `;`, then the open comments per disclosure.
 * Reading it as one text in SQL cost a third of reading the rows; it is taken apart here. Ids are
 * the server's UUIDs and times ISO 8601, neither holds a separator; should a value hold one all the
 * same, the text does not split into records of the right length and the rows are read instead.
 */
async function readContent(
  db: Kysely<DB>,
  dialect: Dialect,
  year: number,
): Promise<{ text: string; shown: string | null; open: string | null }> {
  const agg = (expr: RawBuilder<unknown>, order: RawBuilder<unknown>) =>
    dialect === 'sqlite'
      ? sql<string | null>`group_concat(${expr}, ';')`
      : sql<string | null>`string_agg(${expr}, ';' order by ${order})`;
  const shownText = sql`concat_ws(',', d.id, d.organisation_id, d.status, d.error_count, d.warning_count,
    coalesce(d.deadline, ''), coalesce(d.submitted_at, ''), coalesce(d.published_at, ''), d.updated_at)`;
  const openText = sql`concat_ws(',', o.disclosure_id, o.n)`;
  const r = await sql<{ d: string | null; c: string | null }>`
    select
      (select ${agg(shownText, sql`d.id`)} from disclosures d where d.year = ${year}) as d,
      (select ${agg(openText, sql`o.disclosure_id`)} from (
        select c.disclosure_id, count(*) as n from comments c
        inner join disclosures d on d.id = c.disclosure_id
        where d.year = ${year} and c.resolved_at is null
        group by c.disclosure_id
      ) o) as c
  `.execute(db);
  const shown = r.rows[0]?.d ?? null;
  const open = r.rows[0]?.c ?? null;
  return { text: `${shown ?? ''}#${open ?? ''}`, shown, open };
}

/** The content text taken apart; null if a value held a separator. */
function parseContent({ text, shown, open }: Awaited<ReturnType<typeof readContent>>): Content | null {
  const disclosures = new Map<string, Shown>();
  const openComments = new Map<string, number>();
  const orNull = (x: string): string | null => (x === '' ? null : x);
  for (const record of shown ? shown.split(';') : []) {
    const f = record.split(',');
    if (f.length !== 9) return null;
    const [id, organisationId, status, errors, warnings, deadline, submitted, published, updated] = f as [
      string,
      string,
      DisclosureStatus,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    disclosures.set(organisationId, {
      id,
      organisation_id: organisationId,
      status,
      error_count: Number(errors),
      warning_count: Number(warnings),
      deadline: orNull(deadline),
      submitted_at: orNull(submitted),
      published_at: orNull(published),
      updated_at: updated,
    });
  }
  for (const record of open ? open.split(';') : []) {
    const f = record.split(',');
    if (f.length !== 2) return null;
    openComments.set(f[0]!, Number(f[1]));
  }
  return { text, disclosures, openComments };
}

/** The content read as rows: for a value that holds a separator. Never kept (its text is unique). */
async function queryContent(db: Kysely<DB>, year: number): Promise<Content> {
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
  const open = await db
    .selectFrom('comments')
    .innerJoin('disclosures', 'disclosures.id', 'comments.disclosure_id')
    .select(['comments.disclosure_id as id', sql<number | string>`count(*)`.as('n')])
    .where('disclosures.year', '=', year)
    .where('comments.resolved_at', 'is', null)
    .groupBy('comments.disclosure_id')
    .execute();
  return {
    text: UNKEPT,
    disclosures: new Map(rows.map((r) => [r.organisation_id, r])),
    openComments: new Map(open.map((o) => [o.id, Number(o.n)])),
  };
}

/** The content text of a list that must not be kept: every text read has a `#`, this has none. */
const UNKEPT = '\u0000';

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

/** The list of the scope from the content read, as of `now`. */
function build(access: Access, year: number, content: Content, now: number): Built {
  const expected = expectedUnits(access, year);
  const byOrg = content.disclosures;
  const openCount = content.openComments;
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

const pendingByScope = new WeakMap<
  ReadonlySet<string>,
  Map<number, { stamp: string; kept: Promise<Kept> }>
>();

/** Reads the content after the database stamp `stamp`: the kept list if it shows the same, else one built from it. */
async function refresh(
  db: Kysely<DB>,
  dialect: Dialect,
  access: Access,
  year: number,
  stamp: string,
  kept: Kept | undefined,
  byYear: Map<number, Kept>,
): Promise<Kept> {
  const read = await readContent(db, dialect, year);
  if (kept && read.text === kept.contentStamp) {
    kept.databaseStamp = stamp;
    return kept;
  }
  const content = parseContent(read) ?? (await queryContent(db, year));
  const next: Kept = {
    databaseStamp: stamp,
    contentStamp: content.text,
    built: build(access, year, content, Date.now()),
    answers: new Map(),
  };
  if (content.text !== UNKEPT) {
    if (byYear.size > 20) byYear.clear();
    byYear.set(year, next);
  }
  return next;
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
  /** The database stamp read with the session at the start of this request, if it was. */
  seenStamp?: string | null,
): Promise<ReviewListAnswer> {
  const scope = access.readableIds();
  let byYear = keptByScope.get(scope);
  if (!byYear) {
    byYear = new Map();
    keptByScope.set(scope, byYear);
  }
  const now = Date.now();
  // The statuses it shows still hold now.
  const inTime = (k: Kept | undefined): k is Kept => !!k && k.built.after < now && now <= k.built.until;
  let kept = byYear.get(q.year);
  if (!inTime(kept)) kept = undefined;
  // Read first: a write after it moves it, and the list read below is never older than it.
  const stamp = seenStamp ?? (await readDatabaseStamp(db, dialect));
  if (!kept || stamp !== kept.databaseStamp) {
    // Requests that find the same stamp share one read: its content is no older than that stamp.
    let pending = pendingByScope.get(scope);
    if (!pending) {
      pending = new Map();
      pendingByScope.set(scope, pending);
    }
    const shared = pending.get(q.year);
    const got = shared && shared.stamp === stamp ? await shared.kept : undefined;
    if (inTime(got)) kept = got;
    else {
      const next = refresh(db, dialect, access, q.year, stamp, kept, byYear);
      pending.set(q.year, { stamp, kept: next });
      try {
        kept = await next;
      } finally {
        if (pending.get(q.year)?.kept === next) pending.delete(q.year);
      }
    }
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
