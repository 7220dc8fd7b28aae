import { describe, expect, it } from 'vitest';
import { setupApp } from './testing/fixture.ts';
import { databaseTargets } from './testing/targets.ts';

describe.each(databaseTargets())('smoke on $name', (target) => {
  it('logs in and reads', async () => {
    const f = await setupApp(target);
    try {
      const c = f.client();
      const r = await c.login('admin', f.adminPassword);
      expect(r.status).toBe(200);
      const list = await c.json('GET', '/api/disclosures?year=2022');
      console.log(JSON.stringify(list.body).slice(0, 1500));
      const orgs = await c.json('GET', '/api/organisations');
      expect(orgs.status).toBe(200);
    } finally {
      await f.cleanup();
    }
  });
});
