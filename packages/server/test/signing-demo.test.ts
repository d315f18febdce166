/**
 * With no certificate configured, results are signed with the demo chain: on the very first start
 * (the chain made and written under DATA_DIR), after a restart (read back from its files) and with a
 * DATA_DIR that cannot be written (kept in memory), the public verification says "valid", not
 * "untrusted" (a freshly made CA once failed to recognise the certificates it had just issued).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';

/** A counter dossier of the work permit, moved on and approved; the verdict of its signed result. */
async function approveAndVerify(t: TestApp): Promise<string> {
  const c: Record<string, TestClient> = {};
  for (const user of ['tiepnhan', 'chuyenvien', 'truongphong', 'lanhdao']) {
    c[user] = t.client();
    expect((await c[user]!.login(user)).statusCode).toBe(200);
  }
  const list = (await t.app.inject({ url: '/api/v1/procedures?q=cap%20giay%20phep%20lao%20dong' })).json();
  const permit = list.items.find((i: { name: string }) => i.name.startsWith('Cấp giấy phép lao động'));
  const procedure = (await t.app.inject({ url: `/api/v1/procedures/${permit.id}` })).json();
  const created = await c.tiepnhan!.request({
    method: 'POST',
    url: '/api/v1/dossiers',
    payload: {
      procedureId: procedure.id,
      channel: 'counter',
      applicant: { name: 'Phạm Thu Trang' },
      checklist: procedure.documents.map((x: { name: string }) => ({ document: x.name, received: true })),
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  let d = created.json();
  const act = async (who: string, action: string, input: object = {}) => {
    const res = await c[who]!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/${action}`,
      payload: { version: d.version, input },
    });
    expect(res.statusCode, res.body).toBe(200);
    d = res.json();
  };
  if (d.step?.role === 'counter_officer') await act('tiepnhan', 'forward_step');
  await act('chuyenvien', 'forward_step');
  await act('truongphong', 'forward_step');
  await act('lanhdao', 'approve', { outcome: 'granted', resultNumber: '77/GPLĐ' });
  const result = d.documents.find((x: { kind: string }) => x.kind === 'result');
  const verdict = await t.app.inject({ url: `/api/v1/public/verify/${result.id}` });
  expect(verdict.statusCode, verdict.body).toBe(200);
  return verdict.json().verdict;
}

describe.each(engines)('results signed with the demo chain on %s', (engine) => {
  it('verify as valid on the first start, after a restart, and with an unwritable DATA_DIR', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-demo-signing-'));
    const env = { SEED_DEMO_DOSSIERS: '0', LOGIN_RATE_PER_MINUTE: '1000', DATA_DIR: dir };
    const first = await startTestApp(engine, { env });
    try {
      expect(await approveAndVerify(first)).toBe('valid');
    } finally {
      await first.close();
    }
    const again = await startTestApp(engine, { env });
    try {
      expect(await approveAndVerify(again)).toBe('valid');
    } finally {
      await again.close();
    }
    const memory = await startTestApp(engine, {
      env: { SEED_DEMO_DOSSIERS: '0', LOGIN_RATE_PER_MINUTE: '1000' },
    });
    try {
      expect(await approveAndVerify(memory)).toBe('valid');
    } finally {
      await memory.close();
    }
  }, 180_000);
});
