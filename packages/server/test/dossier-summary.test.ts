/**
 * The work summary on each role's home: every count equals the total of the queue it links to, and
 * a dossier past its date shows up in the leader's overdue count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { receiveAtCounter, signIn, workPermitProcedure } from './support/staff.ts';

interface Item {
  key: string;
  count: number;
  query: string;
}

describe.each(engines)('work summaries on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};

  beforeAll(async () => {
    t = await startTestApp(engine);
    await signIn(t, ['tiepnhan', 'lanhdao', 'chuyenvien'], c);
    const procedure = await workPermitProcedure(t);
    await receiveAtCounter(c.tiepnhan!, procedure, 'Trần Văn Bình');
  });
  afterAll(() => t.close());

  const summary = async (who: string) =>
    (await c[who]!.request({ url: '/api/v1/dossiers/summary' })).json().items as Item[];

  async function expectCountsMatchQueues(who: string) {
    const items = await summary(who);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const queue = (await c[who]!.request({ url: `/api/v1/dossiers?${item.query}` })).json();
      expect(queue.total, `${who} ${item.key}`).toBe(item.count);
    }
    return items;
  }

  it('gives each role counts that equal the queues they link to', async () => {
    const counter = await expectCountsMatchQueues('tiepnhan');
    expect(counter[0]!.key).toBe('toReceive');
    await expectCountsMatchQueues('chuyenvien');
  });

  it('puts the overdue first for a leader, and counts a dossier past its date', async () => {
    const before = (await summary('lanhdao')).find((i) => i.key === 'overdue')!.count;
    t.advance(400 * 86_400_000);
    // The session has ended by then: sign in again, on the later day.
    await c.lanhdao!.login('lanhdao');
    const items = await expectCountsMatchQueues('lanhdao');
    expect(items[0]!.key).toBe('overdue');
    expect(items[0]!.count).toBeGreaterThan(before);
    expect(items.map((i) => i.key)).toContain('toApprove');
    // The most overdue come by name, the longest past their date first, with how late each is.
    const body = (await c.lanhdao!.request({ url: '/api/v1/dossiers/summary' })).json();
    const worst = body.mostOverdue as {
      dueAt: string;
      code: string;
      time: { timeliness: string; remaining: { workingMinutes: number } };
    }[];
    expect(worst.length).toBeGreaterThan(0);
    expect(worst.length).toBeLessThanOrEqual(5);
    expect(worst.map((w) => w.dueAt)).toEqual(worst.map((w) => w.dueAt).sort());
    for (const w of worst) {
      expect(w.time.timeliness).toBe('overdue');
      expect(w.time.remaining.workingMinutes).toBeLessThan(0);
    }
    const queue = (
      await c.lanhdao!.request({ url: `/api/v1/dossiers?${items[0]!.query}&pageSize=5` })
    ).json();
    expect(worst.map((w) => w.code)).toEqual(queue.items.map((i: { code: string }) => i.code));
  });
});
