import { DOSSIER_ACTIONS } from '@motcua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/dossiers/audit-chain.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { signIn } from './support/staff.ts';

/**
 * Junk sent by the people who may act on a real dossier, to every action and to the receipt form:
 * each answer is a 4xx problem saying what is wrong, and the dossier, its events and the audit
 * chain are exactly as before.
 */
const JUNK_INPUTS: unknown[] = [
  null,
  'text',
  [],
  { note: 42 },
  { reason: '' },
  { reason: 'x'.repeat(5000) },
  { items: [] },
  { items: [{ description: null }] },
  { items: [{ name: 'Lệ phí', amountVnd: -1 }] },
  { items: [{ name: 'Lệ phí', amountVnd: 1e30 }] },
  { assigneeId: "1' OR '1'='1" },
  { newDueAt: '2026-02-30T10:00:00+07:00', reason: 'x' },
  { newDueAt: '9999-01-01T00:00:00Z', reason: 'x' },
  { outcome: 'maybe' },
  { channel: 'pigeon' },
  { documents: [] },
  { checklist: 'all' },
];
const JUNK_RECEIPTS: unknown[] = [
  { channel: 'counter', applicant: { name: 'A' } },
  {
    procedureId: '00000000-0000-4000-8000-000000000000',
    channel: 'counter',
    applicant: { name: 'Lê Văn A' },
  },
  { channel: 'online', applicant: { name: 'Lê Văn A', idNumber: '12', phone: 'abc', email: 'no' } },
  { decision: 'refuse', channel: 'counter', applicant: { name: 'Lê Văn A' } },
  { checklist: [{ document: '', received: 'yes' }], channel: 'counter', applicant: [] },
];

describe('bad input to the dossier endpoints from the people who work on dossiers', () => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  let procedureId: string;
  let documents: string[];

  beforeAll(async () => {
    t = await startTestApp('pglite');
    await signIn(t, ['tiepnhan', 'chuyenvien', 'truongphong', 'lanhdao'], c);
    const list = (await t.app.inject({ url: '/api/v1/procedures?q=cap%20giay%20phep%20lao%20dong' })).json();
    procedureId = list.items[0].id;
    const detail = (await t.app.inject({ url: `/api/v1/procedures/${procedureId}` })).json();
    documents = detail.documents.map((d: { name: string }) => d.name);
  });
  afterAll(() => t.close());

  const snapshot = async (id: string) => {
    const [row] = await t.db.query<{ version: number; state: string; events: number }>(
      `SELECT version, state, (SELECT count(*)::int FROM dossier_event WHERE dossier_id = d.id) AS events
         FROM dossier d WHERE id = $1`,
      [id],
    );
    return row;
  };

  it('refuses every junk action with a 4xx and leaves the dossier untouched', async () => {
    const created = await c.tiepnhan!.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: {
        procedureId,
        channel: 'counter',
        applicant: { name: 'Phạm Thị Hoa', idNumber: '079123456789' },
        checklist: documents.map((document) => ({ document, received: true })),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json();
    const before = await snapshot(id);

    const failures: string[] = [];
    for (const who of Object.keys(c)) {
      for (const action of DOSSIER_ACTIONS) {
        for (const input of JUNK_INPUTS) {
          for (const body of [{ version, input }, { version: 0, input }, { input }]) {
            const res = await c[who]!.request({
              method: 'POST',
              url: `/api/v1/dossiers/${id}/actions/${action}`,
              payload: body,
            });
            const what = `${who} ${action} ${JSON.stringify(body).slice(0, 80)} -> ${res.statusCode}`;
            if (res.statusCode < 400 || res.statusCode >= 500)
              failures.push(`${what} ${res.body.slice(0, 160)}`);
            else if (!String(res.headers['content-type']).includes('application/problem+json'))
              failures.push(what);
            else if (!res.json().detail || /undefined|\[object/.test(res.body))
              failures.push(`${what}: ${res.json().detail}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot(id)).toEqual(before);
    expect((await verifyAuditChain(t.db)).firstProblem).toBeNull();
  });

  it('refuses junk receipts with a message per field and creates nothing', async () => {
    const count = async () =>
      (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM dossier'))[0]!.n;
    const before = await count();
    for (const payload of JUNK_RECEIPTS) {
      const res = await c.tiepnhan!.request({
        method: 'POST',
        url: '/api/v1/dossiers',
        payload: { procedureId, ...(payload as object) },
      });
      expect(res.statusCode, `${JSON.stringify(payload)}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      const problem = res.json();
      expect(problem.detail).toBeTruthy();
      for (const error of problem.errors ?? []) expect(error.message).not.toMatch(/undefined|\[object/);
    }
    expect(await count()).toBe(before);
  });
});
