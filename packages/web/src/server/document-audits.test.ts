/**
 * Auditing uploaded publications (issue 11, item 4) on every database target: one upload of several
 * PDFs is audited by a background job with progress; findings carry the page they quote, whose
 * image the server renders; bad uploads get a clear Chinese message; only reviewers and admins.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentAuditDetail, DocumentAuditStartedSchema } from './review-schemas.ts';
import type { TestClient } from './testing/client.ts';
import { EXAMPLES_DIR, type Fixture } from './testing/fixture.ts';
import { withPeople, type People } from './testing/people.ts';
import { databaseTargets } from './testing/targets.ts';
import type { z } from '@hono/zod-openapi';

const repo = join(EXAMPLES_DIR, '..');
const example = readFileSync(join(EXAMPLES_DIR, 'changji-2022.yaml'), 'utf8');
const builtPdf = join(repo, 'packages/core/test/fixtures/built/unit-1-xinjiang-2022.pdf');
const realPdf = join(repo, '../shared/fixtures/real/shanghai-putuo-shehuigongzuobu-2024.pdf');

type Started = z.infer<typeof DocumentAuditStartedSchema>;
interface Job {
  status: string;
  progress: number;
  message: string | null;
  result: { files: number; audits: string[] } | null;
}

/** Posts files as multipart/form-data with the client's cookies and CSRF token. */
async function upload(
  f: Fixture,
  client: TestClient,
  files: { name: string; bytes: Uint8Array; type?: string }[],
  opts: { csrf?: boolean } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  for (const file of files)
    form.append(
      'files',
      new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type ?? 'application/pdf' }),
    );
  const headers: Record<string, string> = {
    Cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
  };
  if (opts.csrf !== false) headers['X-CSRF-Token'] = client.cookies.get('juesuan_csrf') ?? '';
  const res = await f.app.request('/api/document-audits', { method: 'POST', headers, body: form });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe.each(databaseTargets())('document audits on $name', (target) => {
  let f: Fixture;
  let p: People;
  withPeople(target, example, (ff, pp) => void ([f, p] = [ff, pp]));

  it('audits several PDFs in one background job and shows each finding with its page image', async () => {
    const files = [{ name: '昌吉演示单位2022年决算公开.pdf', bytes: new Uint8Array(readFileSync(builtPdf)) }];
    if (existsSync(realPdf))
      files.push({ name: '普陀区委社会工作部2024.pdf', bytes: new Uint8Array(readFileSync(realPdf)) });
    const r = await upload(f, p.reviewer, files);
    expect(r.status).toBe(202);
    const started = r.body as unknown as Started;
    expect(started.items.map((i) => i.fileName)).toEqual(files.map((x) => x.name));
    expect(started.items.every((i) => i.status === 'queued')).toBe(true);

    // The job's progress is what the UI polls.
    await f.deps.jobs.idle();
    const job = await p.reviewer.json<Job>('GET', `/api/jobs/${started.jobId}`);
    expect(job.body.status).toBe('done');
    expect(job.body.progress).toBe(100);
    expect(job.body.message).toBe(`已审查 ${files.length} / ${files.length}`);
    expect(job.body.result!.audits).toEqual(started.items.map((i) => i.id));

    const list = await p.reviewer.json<{ items: { id: string }[] }>('GET', '/api/document-audits');
    expect(list.body.items.map((i) => i.id).sort()).toEqual(started.items.map((i) => i.id).sort());

    for (const item of started.items) {
      const d = await p.reviewer.json<DocumentAuditDetail>('GET', `/api/document-audits/${item.id}`);
      expect(d.status).toBe(200);
      expect(d.body.status).toBe('done');
      expect(d.body.renderable).toBe(true);
      expect(d.body.pages).toBeGreaterThan(3);
      expect(d.body.errorCount + d.body.warningCount + d.body.infoCount).toBe(d.body.findings.length);
      const onPage = d.body.findings.filter((x) => x.page !== undefined);
      expect(onPage.length).toBeGreaterThan(0);
      for (const x of onPage) expect(x.page!).toBeLessThanOrEqual(d.body.pages!);
      // The page a finding quotes renders as a PNG of an A4 page.
      const res = await p.reviewer.call('GET', `/api/document-audits/${item.id}/pages/${onPage[0]!.page}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      const png = new Uint8Array(await res.arrayBuffer());
      expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
      const view = new DataView(png.buffer, png.byteOffset);
      const [w, h] = [view.getUint32(16), view.getUint32(20)];
      expect(Math.max(w, h) / Math.min(w, h)).toBeCloseTo(297 / 210, 1);
      // Past the last page: 404.
      expect(
        (await p.reviewer.json('GET', `/api/document-audits/${item.id}/pages/${d.body.pages! + 1}`)).status,
      ).toBe(404);
    }
    if (files.length > 1) {
      // The real publication's findings name the tables it could read and where figures disagree.
      const real = await p.reviewer.json<DocumentAuditDetail>(
        'GET',
        `/api/document-audits/${started.items[1]!.id}`,
      );
      expect(real.body.year).toBe(2024);
      expect(real.body.tables.some((t) => t.status === 'read')).toBe(true);
    }

    // Another reviewer's or an editor's eyes: the audit does not exist for them.
    const other = f.client();
    await other.login('editor-a', 'test-password-2024');
    expect((await other.json('GET', `/api/document-audits/${started.items[0]!.id}`)).status).toBe(404);
    expect((await other.json('GET', `/api/document-audits/${started.items[0]!.id}/pages/1`)).status).toBe(
      404,
    );
    // The admin sees every upload.
    expect((await p.admin.json('GET', `/api/document-audits/${started.items[0]!.id}`)).status).toBe(200);
  }, 120_000);

  it('refuses uploads that are not PDFs, are empty, or come from a viewer or editor or without CSRF', async () => {
    const text = await upload(f, p.reviewer, [
      { name: '说明.txt', bytes: new TextEncoder().encode('<script>x</script>'), type: 'text/plain' },
    ]);
    expect(text.status).toBe(422);
    expect((text.body['error'] as { message: string }).message).toBe(
      '没有可审查的文件：「说明.txt」不是 PDF 文件（也不是 DOCX），请上传公开的决算 PDF',
    );
    const none = await upload(f, p.reviewer, []);
    expect(none.status).toBe(400);
    expect((none.body['error'] as { message: string }).message).toMatch(/请选择要审查的 PDF 文件/);
    const pdf = new Uint8Array(readFileSync(builtPdf));
    for (const who of [p.viewer, p.editorA]) {
      const r = await upload(f, who, [{ name: 'a.pdf', bytes: pdf }]);
      expect(r.status).toBe(403);
    }
    expect((await upload(f, p.reviewer, [{ name: 'a.pdf', bytes: pdf }], { csrf: false })).status).toBe(403);
    expect((await upload(f, f.client(), [{ name: 'a.pdf', bytes: pdf }], { csrf: false })).status).toBe(403);
  });

  it('audits the good files of a batch and lists each bad one with its reason; an empty file is 文件为空', async () => {
    const pdf = new Uint8Array(readFileSync(builtPdf));
    const r = await upload(f, p.reviewer, [
      { name: '空.pdf', bytes: new Uint8Array() },
      { name: '好.pdf', bytes: pdf },
      { name: '说明.txt', bytes: new TextEncoder().encode('不是 PDF'), type: 'text/plain' },
    ]);
    expect(r.status).toBe(202);
    const started = r.body as unknown as Started & { rejected: { fileName: string; reason: string }[] };
    expect(started.items.map((i) => i.fileName)).toEqual(['好.pdf']);
    expect(started.rejected).toEqual([
      { fileName: '空.pdf', reason: '文件为空' },
      { fileName: '说明.txt', reason: '不是 PDF 文件（也不是 DOCX），请上传公开的决算 PDF' },
    ]);
    await f.deps.jobs.idle();
    const d = await p.reviewer.json<DocumentAuditDetail>(
      'GET',
      `/api/document-audits/${started.items[0]!.id}`,
    );
    expect(d.body.status).toBe('done');
    // Only empty files: refused, saying so.
    const empty = await upload(f, p.reviewer, [{ name: '空.pdf', bytes: new Uint8Array() }]);
    expect(empty.status).toBe(422);
    expect((empty.body['error'] as { message: string }).message).toBe('没有可审查的文件：「空.pdf」文件为空');
  }, 120_000);

  it('records a corrupt PDF as failed with a Chinese message, and the job still finishes', async () => {
    const good = new Uint8Array(readFileSync(builtPdf));
    const corrupt = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...good.subarray(5000, 9000)]);
    const r = await upload(f, p.reviewer, [{ name: '损坏.pdf', bytes: corrupt }]);
    expect(r.status).toBe(202);
    const started = r.body as unknown as Started;
    await f.deps.jobs.idle();
    const job = await p.reviewer.json<Job>('GET', `/api/jobs/${started.jobId}`);
    expect(job.body.status).toBe('done');
    const d = await p.reviewer.json<DocumentAuditDetail>(
      'GET',
      `/api/document-audits/${started.items[0]!.id}`,
    );
    expect(d.body.status).toBe('failed');
    expect(d.body.error).toMatch(/^「损坏\.pdf」无法读取：/);
    expect(d.body.error).not.toMatch(/at |Error|\.ts/);
  });
});
