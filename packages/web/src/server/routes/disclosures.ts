/**
 * Disclosures: one per unit and year. Create from a data file, read with findings, save the whole
 * data under optimistic locking (a stale save is 409 with what changed meanwhile), history, restore,
 * comments, and checking data without saving.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { sql, type Kysely, type Transaction } from 'kysely';
import { loadAccess, type Access } from '../access.ts';
import {
  CommentCreateSchema,
  CommentListSchema,
  CommentSchema,
  DisclosureCreateSchema,
  DisclosureDetailSchema,
  DisclosureListSchema,
  DisclosureSaveSchema,
  DisclosureSavedSchema,
  DisclosureYearsSchema,
  FindingsReportSchema,
  RestoreBodySchema,
  StaleVersionDetailsSchema,
  TableSpecListSchema,
  ValidateBodySchema,
  VersionDetailSchema,
  VersionListSchema,
  type DisclosureListItem,
  type DisclosureSummary,
} from '../api-schemas.ts';
import { recordAudit } from '../audit-log.ts';
import { requireUser } from '../auth/middleware.ts';
import { newId } from '../auth/sessions.ts';
import { nowIso, type AppDeps, type AppEnv, type SessionUser } from '../context.ts';
import {
  checkData,
  readDataFile,
  tableSpecs,
  type CheckedData,
  type FindingsReport,
} from '../core-adapter.ts';
import { groupCommit } from '../db/group-commit.ts';
import type { DB, DisclosureRow, DisclosureStatus, OrganisationRow } from '../db/schema.ts';
import { ApiError, ApiErrorCode, forbidden, notFound } from '../errors.ts';
import { jsonChanges } from '../json-diff.ts';
import { ReadAnswers } from '../read-answers.ts';
import { acceptsGzip } from '../review-list.ts';
import { isWithdrawn } from '../workflow.ts';
import { organisationOut } from './organisations.ts';
import { errorResponses, jsonBody, jsonContent } from './common.ts';

/** Disclosures whose last saved data is kept as a tree for the next save's diff (see `savedData`). */
const SAVED_DATA_KEPT = 200;

/** Statuses in which the unit may still change its data; later ones are locked for review. */
const EDITABLE: ReadonlySet<DisclosureStatus> = new Set(['not_started', 'draft', 'returned']);
const STATUS_LABEL: Record<DisclosureStatus, string> = {
  not_started: '未开始',
  draft: '填报中',
  submitted: '已提交',
  returned: '已退回',
  approved: '已审核',
  published: '已公开',
};

/** Display names by user id. Inside a transaction pass the transaction: SQLite has one connection. */
async function userNames(
  deps: AppDeps | { db: Kysely<DB> | Transaction<DB> },
  ids: (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await deps.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/**
 * Every column but `data` (the whole data file, ~20 kB a unit): what lists of many disclosures read.
 * A bureau's list of 500 units reading `data` too moved ~10 MB per request.
 */
export const SUMMARY_COLUMNS = [
  'id',
  'organisation_id',
  'year',
  'status',
  'version',
  'unit_name',
  'error_count',
  'warning_count',
  'info_count',
  'deadline',
  'submitted_at',
  'approved_at',
  'published_at',
  'created_at',
  'updated_at',
  'updated_by',
] as const satisfies readonly Exclude<keyof DisclosureRow, 'data'>[];

function summaryOut(d: Omit<DisclosureRow, 'data'>, names: Map<string, string>): DisclosureSummary {
  return {
    id: d.id,
    organisationId: d.organisation_id,
    year: d.year,
    status: d.status,
    version: d.version,
    unitName: d.unit_name,
    errorCount: d.error_count,
    warningCount: d.warning_count,
    infoCount: d.info_count,
    deadline: d.deadline,
    withdrawn: isWithdrawn(d),
    updatedAt: d.updated_at,
    updatedBy: d.updated_by ? (names.get(d.updated_by) ?? null) : null,
  };
}

const parseData = (text: string | null): Record<string, unknown> | null =>
  text === null ? null : (JSON.parse(text) as Record<string, unknown>);

/**
 * A JSON object response put together from members that are already JSON text (each one from
 * JSON.stringify, or stored as such), in the order given.
 */
function jsonText(c: Context<AppEnv>, status: 200, members: Record<string, string>): Response {
  const body = `{${Object.entries(members)
    .map(([k, v]) => `${JSON.stringify(k)}:${v}`)
    .join(',')}}`;
  return c.body(body, status, { 'Content-Type': 'application/json' });
}

const idParam = z.object({ id: z.string().min(1).max(100) });
const versionParam = idParam.extend({ version: z.coerce.number().int().min(1) });

const years = createRoute({
  method: 'get',
  path: '/api/disclosure-years',
  tags: ['决算'],
  summary: '有决算数据的年度',
  responses: { 200: jsonContent(DisclosureYearsSchema, '年度，新的在前'), ...errorResponses(401) },
});
const list = createRoute({
  method: 'get',
  path: '/api/disclosures',
  tags: ['决算'],
  summary: '某年度本人可见的全部单位及其决算状态',
  request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) },
  responses: { 200: jsonContent(DisclosureListSchema, '单位与状态'), ...errorResponses(400, 401) },
});
const create = createRoute({
  method: 'post',
  path: '/api/disclosures',
  tags: ['决算'],
  summary: '由数据文件（YAML/JSON）新建某单位一个年度的决算',
  request: jsonBody(DisclosureCreateSchema),
  responses: {
    201: jsonContent(DisclosureSavedSchema, '已新建（第 1 版）'),
    ...errorResponses(400, 401, 403, 404, 409, 413, 422),
  },
});
const get = createRoute({
  method: 'get',
  path: '/api/disclosures/{id}',
  tags: ['决算'],
  summary: '一份决算：数据与校验结果',
  request: { params: idParam },
  responses: { 200: jsonContent(DisclosureDetailSchema, '决算'), ...errorResponses(401, 404) },
});
const save = createRoute({
  method: 'put',
  path: '/api/disclosures/{id}',
  tags: ['决算'],
  summary: '保存整份数据；版本号已过期时返回 409 及期间他人所作的修改',
  request: { params: idParam, ...jsonBody(DisclosureSaveSchema) },
  responses: {
    200: jsonContent(DisclosureSavedSchema, '已保存（版本号加一）'),
    ...errorResponses(400, 401, 403, 404, 409, 413, 422),
  },
});
const validate = createRoute({
  method: 'post',
  path: '/api/validate',
  tags: ['决算'],
  summary: '校验数据而不保存',
  request: jsonBody(ValidateBodySchema),
  responses: {
    200: jsonContent(FindingsReportSchema, '校验结果'),
    ...errorResponses(400, 401, 403, 413, 422),
  },
});
const versions = createRoute({
  method: 'get',
  path: '/api/disclosures/{id}/versions',
  tags: ['决算'],
  summary: '历史版本',
  request: { params: idParam },
  responses: { 200: jsonContent(VersionListSchema, '新的在前'), ...errorResponses(401, 404) },
});
const versionGet = createRoute({
  method: 'get',
  path: '/api/disclosures/{id}/versions/{version}',
  tags: ['决算'],
  summary: '某一历史版本的数据',
  request: { params: versionParam },
  responses: { 200: jsonContent(VersionDetailSchema, '历史版本'), ...errorResponses(401, 404) },
});
const restore = createRoute({
  method: 'post',
  path: '/api/disclosures/{id}/versions/{version}/restore',
  tags: ['决算'],
  summary: '恢复某一历史版本（作为新版本保存）',
  request: { params: versionParam, ...jsonBody(RestoreBodySchema) },
  responses: {
    200: jsonContent(DisclosureSavedSchema, '已恢复'),
    ...errorResponses(401, 403, 404, 409, 422),
  },
});
const tables = createRoute({
  method: 'get',
  path: '/api/table-specs',
  tags: ['决算'],
  summary: '九张公开报表的表名、列名与固定行名',
  responses: { 200: jsonContent(TableSpecListSchema, '报表'), ...errorResponses(401) },
});
const comments = createRoute({
  method: 'get',
  path: '/api/disclosures/{id}/comments',
  tags: ['决算'],
  summary: '意见',
  request: { params: idParam },
  responses: { 200: jsonContent(CommentListSchema, '意见'), ...errorResponses(401, 404) },
});
const commentCreate = createRoute({
  method: 'post',
  path: '/api/disclosures/{id}/comments',
  tags: ['决算'],
  summary: '提出意见（可指向单元格或句子）',
  request: { params: idParam, ...jsonBody(CommentCreateSchema) },
  responses: { 201: jsonContent(CommentSchema, '已添加'), ...errorResponses(400, 401, 403, 404) },
});

/** Inserts a new disclosure (version 1, draft) with its first history entry and a log entry, in one transaction. */
export async function insertDisclosure(
  db: Kysely<DB>,
  a: { actor: SessionUser | null; ip: string; org: OrganisationRow; checked: CheckedData; fileName: string },
): Promise<string> {
  const { org, checked } = a;
  const now = nowIso();
  const text = JSON.stringify(checked.data);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('disclosures')
      .values({
        id,
        organisation_id: org.id,
        year: checked.year,
        status: 'draft',
        version: 1,
        data: text,
        unit_name: checked.unitName,
        error_count: checked.report.summary.error,
        warning_count: checked.report.summary.warning,
        info_count: checked.report.summary.info,
        deadline: null,
        submitted_at: null,
        approved_at: null,
        published_at: null,
        created_at: now,
        updated_at: now,
        updated_by: a.actor?.id ?? null,
      })
      .execute();
    await trx
      .insertInto('disclosure_versions')
      .values({
        id: newId(),
        disclosure_id: id,
        version: 1,
        data: text,
        status: 'draft',
        note: `导入 ${a.fileName}`,
        created_at: now,
        created_by: a.actor?.id ?? null,
      })
      .execute();
    await recordAudit(trx, {
      actor: a.actor,
      ip: a.ip,
      action: 'disclosure.create',
      entityType: 'disclosure',
      entityId: id,
      summary: `导入「${org.name}」${checked.year} 年度决算（${a.fileName}）`,
      newValue: { fileName: a.fileName, year: checked.year, unitName: checked.unitName },
    });
  });
  return id;
}

export function registerDisclosureRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { db } = deps;
  const sqliteWrites = groupCommit(db);
  // The `details` of a 409 E_STALE_VERSION; listed so that clients can generate its type.
  app.openAPIRegistry.register('StaleVersionDetails', StaleVersionDetailsSchema);

  /**
   * The disclosure, if the user may see its unit; otherwise 404 so that ids reveal nothing. With the
   * display name of whoever saved it last (one query, not two).
   */
  const readable = async (
    user: SessionUser,
    id: string,
  ): Promise<{ row: DisclosureRow; updatedByName: string | null; access: Access }> => {
    const found = await db
      .selectFrom('disclosures')
      .leftJoin('users', 'users.id', 'disclosures.updated_by')
      .selectAll('disclosures')
      .select('users.display_name as updated_by_name')
      .where('disclosures.id', '=', id)
      .executeTakeFirst();
    const access = await loadAccess(db, user);
    if (!found || !access.canRead(found.organisation_id)) throw notFound('决算');
    const { updated_by_name, ...row } = found;
    return { row, updatedByName: updated_by_name, access };
  };
  const nameOf = (userId: string | null, name: string | null): Map<string, string> =>
    userId !== null && name !== null ? new Map([[userId, name]]) : new Map();

  /**
   * Findings by disclosure, with the stored data text they were worked out from: reading a
   * disclosure need not re-run every rule each time, and they are used only while the data just
   * read is exactly that text (compared as strings), so a save, a restore, another process or a
   * repair by hand is never shown with the findings of other data. Bounded; the oldest go first.
   */
  const findingsMemo = new Map<string, { data: string; text: string }>();
  /** The bytes of reads, kept while the stored data is the same text. */
  const readAnswers = new ReadAnswers();
  /** The report of the stored data text `data` as JSON text: what the responses carry, serialised once. */
  const rememberFindings = (id: string, data: string, report: FindingsReport): string => {
    const text = JSON.stringify(report);
    findingsMemo.delete(id);
    findingsMemo.set(id, { data, text });
    if (findingsMemo.size > 2000) findingsMemo.delete(findingsMemo.keys().next().value!);
    return text;
  };
  /** The findings of stored data as a read shows them: worked out from the stored text, as any later read would. */
  const findingsOfStored = (data: string): FindingsReport => checkData(JSON.parse(data)).report;
  const findingsTextOf = (row: { id: string; data: string }): string => {
    const kept = findingsMemo.get(row.id);
    return kept !== undefined && kept.data === row.data
      ? kept.text
      : rememberFindings(row.id, row.data, findingsOfStored(row.data));
  };

  /**
   * The data of the version last saved through this process, by disclosure, as the object it was
   * saved from: the next save's list of changes starts from it instead of parsing the stored text
   * (~20 kB) again. Used only while the stored text is exactly the text saved from it. Bounded (each
   * is the tree of a whole data file); the oldest entries go first.
   */
  const savedData = new Map<string, { text: string; data: unknown }>();
  const keepSaved = (id: string, text: string, data: unknown): void => {
    savedData.delete(id);
    savedData.set(id, { text, data });
    if (savedData.size > SAVED_DATA_KEPT) savedData.delete(savedData.keys().next().value!);
  };
  const storedData = (row: DisclosureRow): unknown => {
    const kept = savedData.get(row.id);
    return kept !== undefined && kept.text === row.data ? kept.data : parseData(row.data);
  };

  const checkYear = (checked: CheckedData, year: number): void => {
    if (checked.year !== year)
      throw new ApiError(
        ApiErrorCode.BadDataFile,
        `数据的年度（${checked.year}）与这份决算的年度（${year}）不一致`,
        {
          problems: [{ path: 'year', message: `应为 ${year}` }],
        },
      );
  };

  /** The 409 of a save based on `baseVersion` when another save came first: what that one changed. */
  const staleVersion = async (row: DisclosureRow, baseVersion: number): Promise<ApiError> => {
    const current = await db
      .selectFrom('disclosures')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    const base = await db
      .selectFrom('disclosure_versions')
      .select('data')
      .where('disclosure_id', '=', row.id)
      .where('version', '=', baseVersion)
      .executeTakeFirst();
    const theirs = jsonChanges(base ? JSON.parse(base.data) : null, parseData(current.data), 100);
    const names = await userNames(deps, [current.updated_by]);
    return new ApiError(
      ApiErrorCode.StaleVersion,
      `保存未成功：这份决算已被${names.get(current.updated_by ?? '') ?? '他人'}于 ${current.updated_at} 修改（当前为第 ${current.version} 版，您的修改基于第 ${baseVersion} 版）。您的修改没有丢失，请对照对方的修改后再保存。`,
      {
        details: {
          currentVersion: current.version,
          yourVersion: baseVersion,
          updatedAt: current.updated_at,
          updatedBy: names.get(current.updated_by ?? '') ?? null,
          theirChanges: theirs.changes,
          truncated: theirs.truncated,
        },
      },
    );
  };

  /**
   * Writes new data as the next version only if nobody saved since `baseVersion`, all or nothing:
   * the disclosure, its history entry and the log entry (who, when, each changed path with its old
   * and new value). A stale save changes nothing and reports what the other save changed.
   */
  const saveVersion = async (
    user: SessionUser,
    ip: string,
    row: DisclosureRow,
    baseVersion: number,
    checked: CheckedData,
    note: string | null,
    action: string,
    access: Access,
    text: string = JSON.stringify(checked.data),
  ): Promise<Omit<DisclosureRow, 'data'>> => {
    const now = nowIso();
    // What this save changes, for the log, worked out before writing (SQLite has one connection:
    // every other request waits while a transaction is open). Only a save based on the version read
    // can succeed, so only then is there anything to log.
    const changes = baseVersion === row.version ? jsonChanges(storedData(row), checked.data, 200) : null;
    if (changes === null) throw await staleVersion(row, baseVersion);
    const status = row.status === 'not_started' ? 'draft' : row.status;
    const next = {
      data: text,
      version: baseVersion + 1,
      status,
      unit_name: checked.unitName,
      error_count: checked.report.summary.error,
      warning_count: checked.report.summary.warning,
      info_count: checked.report.summary.info,
      updated_at: now,
      updated_by: user.id,
    };
    const audit = {
      actor: user,
      ip,
      action,
      entityType: 'disclosure',
      entityId: row.id,
      // The unit as registered, not the name in the data (which may have come from another unit's file).
      summary: `${note ?? '保存'}「${access.orgs.get(row.organisation_id)?.name ?? checked.unitName}」${row.year} 年度决算（第 ${baseVersion + 1} 版，改动 ${changes.changes.length}${changes.truncated ? '+' : ''} 处）`,
      oldValue: changes.changes.map((ch) => ({ path: ch.path, value: ch.before })),
      newValue: changes.changes.map((ch) => ({ path: ch.path, value: ch.after })),
    } as const;

    if (deps.dialect === 'postgres') {
      // One statement, so one round trip instead of six (begin, update, two inserts, commit): the
      // history entry and the log entry are written from the updated row, and only if there is one.
      const summary = sql.join(SUMMARY_COLUMNS.map((col) => sql.ref(col)));
      const saved = await sql<Omit<DisclosureRow, 'data'>>`
        with u as (
          update disclosures set
            data = ${next.data}, version = ${next.version}, status = ${next.status},
            unit_name = ${next.unit_name}, error_count = ${next.error_count},
            warning_count = ${next.warning_count}, info_count = ${next.info_count},
            updated_at = ${next.updated_at}, updated_by = ${next.updated_by}
          where id = ${row.id} and version = ${baseVersion}
          returning data, ${summary}
        ), v as (
          insert into disclosure_versions (id, disclosure_id, version, data, status, note, created_at, created_by)
          select ${newId()}::text, u.id, u.version, u.data, u.status, ${note}::text, ${now}::text, ${user.id}::text
          from u
        ), a as (
          insert into audit_log (at, actor_id, actor_name, ip, action, entity_type, entity_id, summary, old_value, new_value)
          select ${now}::text, ${user.id}::text, ${user.displayName}::text, ${ip}::text, ${action}::text,
            ${audit.entityType}::text, u.id, ${audit.summary}::text, ${JSON.stringify(audit.oldValue)}::text,
            ${JSON.stringify(audit.newValue)}::text
          from u
        )
        select ${summary} from u`.execute(db);
      const updated = saved.rows[0];
      if (updated === undefined) throw await staleVersion(row, baseVersion);
      keepSaved(row.id, text, checked.data);
      return updated;
    }

    // Shares its transaction, and so its sync to disk, with the saves that arrive together (in a
    // savepoint of its own): answered only once committed.
    const updated = await sqliteWrites.run(async (trx: Transaction<DB>) => {
      const u = await trx
        .updateTable('disclosures')
        .set(next)
        .where('id', '=', row.id)
        .where('version', '=', baseVersion)
        // The saved row as the response shows it, without reading it again.
        .returning(SUMMARY_COLUMNS)
        .executeTakeFirst();
      if (u === undefined) return undefined;
      await trx
        .insertInto('disclosure_versions')
        .values({
          id: newId(),
          disclosure_id: row.id,
          version: next.version,
          data: text,
          status,
          note,
          created_at: now,
          created_by: user.id,
        })
        .execute();
      await recordAudit(trx, audit);
      return u;
    });
    if (updated === undefined) throw await staleVersion(row, baseVersion);
    keepSaved(row.id, text, checked.data);
    return updated;
  };

  const assertEditable = (access: Access, row: DisclosureRow): void => {
    access.assertCanEditData(row.organisation_id);
    if (!EDITABLE.has(row.status))
      throw new ApiError(
        ApiErrorCode.Conflict,
        `这份决算${STATUS_LABEL[row.status]}，不能再修改；如需修改，请审核人员先退回`,
      );
  };

  app.openapi(tables, async (c) => {
    requireUser(c);
    return c.json({ items: tableSpecs() }, 200);
  });

  app.openapi(years, async (c) => {
    const user = requireUser(c);
    const access = await loadAccess(db, user);
    const rows = await db.selectFrom('disclosures').select(['year', 'organisation_id']).execute();
    const ys = [...new Set(rows.filter((r) => access.canRead(r.organisation_id)).map((r) => r.year))];
    return c.json({ years: ys.sort((a, b) => b - a) }, 200);
  });

  app.openapi(list, async (c) => {
    const user = requireUser(c);
    const { year } = c.req.valid('query');
    const access = await loadAccess(db, user);
    const units = [...access.orgs.values()]
      .filter((o) => o.kind === 'unit' && access.canRead(o.id))
      .filter(
        (o) =>
          (o.active_from === null || o.active_from <= year) && (o.active_to === null || o.active_to >= year),
      );
    const rows = await db
      .selectFrom('disclosures')
      .select(SUMMARY_COLUMNS)
      .where('year', '=', year)
      .execute();
    const byOrg = new Map(rows.map((r) => [r.organisation_id, r]));
    const names = await userNames(
      deps,
      rows.map((r) => r.updated_by),
    );
    const order = (id: string | null): string => {
      const o = id ? access.orgs.get(id) : undefined;
      return o ? `${order(o.parent_id)}/${String(o.sort_order).padStart(7, '0')}${o.code}` : '';
    };
    units.sort((a, b) => order(a.id).localeCompare(order(b.id)));
    const counts: Record<string, number> = {};
    const items: DisclosureListItem[] = units.map((o) => {
      const d = byOrg.get(o.id);
      const status = d?.status ?? 'not_started';
      counts[status] = (counts[status] ?? 0) + 1;
      return {
        organisation: { id: o.id, code: o.code, name: o.name, parentId: o.parent_id },
        departmentName: o.parent_id ? (access.orgs.get(o.parent_id)?.name ?? null) : null,
        status,
        disclosure: d ? summaryOut(d, names) : null,
      };
    });
    return c.json({ year, items, counts }, 200);
  });

  app.openapi(create, async (c) => {
    const user = requireUser(c);
    const body = c.req.valid('json');
    const access = await loadAccess(db, user);
    const org = access.orgs.get(body.organisationId);
    access.assertCanEditData(body.organisationId);
    if (!org || org.kind !== 'unit')
      throw new ApiError(ApiErrorCode.BadRequest, '决算只能建在单位上，不能建在部门或财政局上');
    const checked = readDataFile(body.content, body.fileName);
    const existing = await db
      .selectFrom('disclosures')
      .select('id')
      .where('organisation_id', '=', org.id)
      .where('year', '=', checked.year)
      .executeTakeFirst();
    if (existing)
      throw new ApiError(
        ApiErrorCode.Conflict,
        `「${org.name}」${checked.year} 年度的决算已经存在，请在原有决算上修改`,
        {
          details: { disclosureId: existing.id },
        },
      );
    const id = await insertDisclosure(db, {
      actor: user,
      ip: c.get('ip'),
      org,
      checked,
      fileName: body.fileName,
    });
    const row = await db.selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    // The first read of the new disclosure then need not run every rule again. The answer here
    // names the lines of the uploaded file; reads name none (the stored data has no lines), so the
    // read's findings are worked out from the stored text, as every later read would.
    if (row.data !== null) rememberFindings(row.id, row.data, findingsOfStored(row.data));
    return c.json(
      { disclosure: summaryOut(row, await userNames(deps, [user.id])), findings: checked.report },
      201,
    );
  });

  app.openapi(get, async (c) => {
    const user = requireUser(c);
    const { id } = c.req.valid('param');
    const { row, updatedByName, access } = await readable(user, id);
    const org = access.orgs.get(row.organisation_id)!;
    const members = {
      disclosure: JSON.stringify(summaryOut(row, nameOf(row.updated_by, updatedByName))),
      organisation: JSON.stringify(organisationOut(org)),
    };
    const canEdit = JSON.stringify(access.canEditData(row.organisation_id) && EDITABLE.has(row.status));
    if (row.data === null) return jsonText(c, 200, { ...members, data: 'null', findings: 'null', canEdit });
    // The stored data and the version's findings go out as the JSON text they already are, never
    // parsed and serialised again: they are nearly all of the response, kept as bytes while the
    // stored text is the same (read-answers.ts).
    const data = row.data;
    const answer = readAnswers.answer(
      row.id,
      data,
      () => findingsTextOf({ ...row, data }),
      `{"disclosure":${members.disclosure},"organisation":${members.organisation},`,
      `,"canEdit":${canEdit}}`,
      acceptsGzip(c.req.header('Accept-Encoding')),
    );
    const headers = { 'Content-Type': 'application/json', Vary: 'Accept-Encoding' };
    return answer.gzip
      ? c.body(answer.body, 200, { ...headers, 'Content-Encoding': 'gzip' })
      : c.body(answer.body, 200, headers);
  });

  app.openapi(save, async (c) => {
    const user = requireUser(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { row, updatedByName, access } = await readable(user, id);
    assertEditable(access, row);
    if (body.version > row.version)
      throw new ApiError(
        ApiErrorCode.BadRequest,
        `版本号 ${body.version} 不存在（当前为第 ${row.version} 版）`,
      );
    // Validated once: the same report is stored (counts), returned, and kept for reading this version.
    const checked = checkData(body.data);
    checkYear(checked, row.year);
    const text = JSON.stringify(checked.data);
    if (body.version === row.version && row.data !== null && text === row.data) {
      // Nothing changed: no new version, no log entry.
      return jsonText(c, 200, {
        disclosure: JSON.stringify(summaryOut(row, nameOf(row.updated_by, updatedByName))),
        findings: JSON.stringify(checked.report),
      });
    }
    const saved = await saveVersion(
      user,
      c.get('ip'),
      row,
      body.version,
      checked,
      body.note ?? null,
      'disclosure.save',
      access,
      text,
    );
    return jsonText(c, 200, {
      // The saver is the signed-in user: no need to look up their name.
      disclosure: JSON.stringify(summaryOut(saved, nameOf(user.id, user.displayName))),
      findings: rememberFindings(saved.id, text, checked.report),
    });
  });

  app.openapi(validate, async (c) => {
    requireUser(c);
    return c.json(checkData(c.req.valid('json').data).report, 200);
  });

  app.openapi(versions, async (c) => {
    const user = requireUser(c);
    const { id } = c.req.valid('param');
    await readable(user, id);
    const rows = await db
      .selectFrom('disclosure_versions')
      .select(['version', 'status', 'note', 'created_at', 'created_by'])
      .where('disclosure_id', '=', id)
      .orderBy('version', 'desc')
      .execute();
    const names = await userNames(
      deps,
      rows.map((r) => r.created_by),
    );
    return c.json(
      {
        items: rows.map((r) => ({
          version: r.version,
          status: r.status,
          note: r.note,
          createdAt: r.created_at,
          createdBy: r.created_by ? (names.get(r.created_by) ?? null) : null,
        })),
      },
      200,
    );
  });

  app.openapi(versionGet, async (c) => {
    const user = requireUser(c);
    const { id, version } = c.req.valid('param');
    await readable(user, id);
    const r = await db
      .selectFrom('disclosure_versions')
      .selectAll()
      .where('disclosure_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!r) throw notFound(`第 ${version} 版`);
    const names = await userNames(deps, [r.created_by]);
    return c.json(
      {
        version: r.version,
        status: r.status,
        note: r.note,
        createdAt: r.created_at,
        createdBy: r.created_by ? (names.get(r.created_by) ?? null) : null,
        data: JSON.parse(r.data) as Record<string, unknown>,
      },
      200,
    );
  });

  app.openapi(restore, async (c) => {
    const user = requireUser(c);
    const { id, version } = c.req.valid('param');
    const body = c.req.valid('json');
    const { row, access } = await readable(user, id);
    assertEditable(access, row);
    const r = await db
      .selectFrom('disclosure_versions')
      .select('data')
      .where('disclosure_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!r) throw notFound(`第 ${version} 版`);
    const checked = checkData(JSON.parse(r.data));
    const text = JSON.stringify(checked.data);
    const saved = await saveVersion(
      user,
      c.get('ip'),
      row,
      body.currentVersion,
      checked,
      `恢复第 ${version} 版`,
      'disclosure.restore',
      access,
      text,
    );
    rememberFindings(saved.id, text, checked.report);
    return c.json(
      { disclosure: summaryOut(saved, nameOf(user.id, user.displayName)), findings: checked.report },
      200,
    );
  });

  app.openapi(comments, async (c) => {
    const user = requireUser(c);
    const { id } = c.req.valid('param');
    await readable(user, id);
    const rows = await db
      .selectFrom('comments')
      .selectAll()
      .where('disclosure_id', '=', id)
      .orderBy('created_at')
      .execute();
    const names = await userNames(
      deps,
      rows.map((r) => r.author_id),
    );
    return c.json(
      {
        items: rows.map((r) => ({
          id: r.id,
          version: r.version,
          authorName: r.author_id ? (names.get(r.author_id) ?? null) : null,
          location: r.location ? (JSON.parse(r.location) as unknown) : null,
          body: r.body,
          createdAt: r.created_at,
        })),
      },
      200,
    );
  });

  app.openapi(commentCreate, async (c) => {
    const user = requireUser(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { row } = await readable(user, id);
    if (user.role === 'viewer') throw forbidden('查阅人员不能提出意见');
    const comment = {
      id: newId(),
      disclosure_id: id,
      version: row.version,
      author_id: user.id,
      location: body.location ? JSON.stringify(body.location) : null,
      body: body.body,
      created_at: nowIso(),
      resolved_at: null,
      resolved_by: null,
    };
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('comments').values(comment).execute();
      await recordAudit(trx, {
        actor: user,
        ip: c.get('ip'),
        action: 'comment.create',
        entityType: 'disclosure',
        entityId: id,
        summary: `对「${row.unit_name ?? ''}」${row.year} 年度决算提出意见`,
        newValue: { body: body.body, location: body.location ?? null },
      });
    });
    return c.json(
      {
        id: comment.id,
        version: comment.version,
        authorName: user.displayName,
        location: body.location ?? null,
        body: comment.body,
        createdAt: comment.created_at,
      },
      201,
    );
  });
}
