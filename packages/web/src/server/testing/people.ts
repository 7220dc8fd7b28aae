/** Standard test accounts on the seeded tree: two editors (one unit each), a viewer and a reviewer. */
import { afterAll, beforeAll } from 'vitest';
import type { TestClient } from './client.ts';
import { setupApp, type Fixture } from './fixture.ts';
import type { Target } from './targets.ts';

export const PASSWORD = 'test-password-2024';

export interface People {
  admin: TestClient;
  editorA: TestClient;
  editorB: TestClient;
  viewer: TestClient;
  reviewer: TestClient;
  unitA: string;
  unitB: string;
  /** Disclosure of unit A (the Changji example, seeded). */
  disclosureA: string;
  /** Disclosure of unit B (same data, imported by the admin). */
  disclosureB: string;
}

export async function people(f: Fixture, exampleText: string): Promise<People> {
  const admin = f.client();
  const r = await admin.login('admin', f.adminPassword);
  if (r.status !== 200) throw new Error(`admin login ${r.status}`);
  const unitA = await f.org('CJZ-YJB-001');
  const unitB = await f.org('CJZ-JYJ-002');
  const bureau = await f.org('CJZ-CZJ');
  const department = await f.org('CJZ-JYJ');
  const add = async (username: string, role: string, scopes: string[]): Promise<TestClient> => {
    const res = await admin.json('POST', '/api/users', {
      username,
      displayName: username,
      role,
      scopes,
      password: PASSWORD,
    });
    if (res.status !== 201) throw new Error(`create ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    const c = f.client();
    const l = await c.login(username, PASSWORD);
    if (l.status !== 200) throw new Error(`login ${username}: ${l.status}`);
    return c;
  };
  const b = await admin.json<{ disclosure: { id: string } }>('POST', '/api/disclosures', {
    organisationId: unitB,
    fileName: 'b.yaml',
    content: exampleText,
  });
  if (b.status !== 201) throw new Error(`import B: ${b.status} ${JSON.stringify(b.body)}`);
  const list = await admin.json<{
    items: { organisation: { id: string }; disclosure: { id: string } | null }[];
  }>('GET', '/api/disclosures?year=2022');
  const disclosureA = list.body.items.find((i) => i.organisation.id === unitA)!.disclosure!.id;
  return {
    admin,
    editorA: await add('editor-a', 'editor', [unitA]),
    editorB: await add('editor-b', 'editor', [unitB]),
    viewer: await add('viewer', 'viewer', [bureau]),
    reviewer: await add('reviewer', 'reviewer', [department]),
    unitA,
    unitB,
    disclosureA,
    disclosureB: b.body.disclosure.id,
  };
}

/**
 * A server with the standard accounts for the tests of one `describe` on one database target: set up before
 * its tests (the seeded tree, `exampleText` imported for unit B), torn down after them. `take` receives both,
 * and may do more setup of its own.
 */
export function withPeople(
  target: Target,
  exampleText: string,
  take: (f: Fixture, p: People) => void | Promise<void>,
): void {
  let fixture: Fixture | undefined;
  beforeAll(async () => {
    fixture = await setupApp(target);
    await take(fixture, await people(fixture, exampleText));
  });
  afterAll(async () => {
    await fixture?.cleanup();
  });
}
