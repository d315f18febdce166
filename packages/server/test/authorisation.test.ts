import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_AGENCY_CODE,
  DEMO_FORMER_LABOUR_AGENCY_CODE,
  DEMO_PROVINCE_CODE,
  DEMO_SERVICE_CENTRE_CODE,
  DEMO_UNIT_CODES,
} from '../src/seed/organisation-data.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { signIn } from './support/staff.ts';

const FIRST_PASSWORD = 'Một mật khẩu tạm đủ dài 2026';
const OWN_PASSWORD = 'Mật khẩu riêng của tôi 2026';

describe.each(engines)('who may do what with a dossier, on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  let procedureId: string;
  let documents: string[];
  const unit: Record<string, string> = {};

  /** An account an administrator creates, signed in with the password changed as required. */
  const staff = async (
    admin: TestClient,
    username: string,
    roles: { role: string; unitId: string }[],
  ): Promise<TestClient> => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      payload: { username, fullName: `Cán bộ ${username}`, password: FIRST_PASSWORD, roles },
    });
    expect(created.statusCode, created.body).toBe(201);
    const client = t.client();
    await client.login(username, FIRST_PASSWORD);
    const changed = await client.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: FIRST_PASSWORD, newPassword: OWN_PASSWORD },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    return client;
  };

  const receive = (client: TestClient, extra: Record<string, unknown> = {}) =>
    client.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: {
        procedureId,
        channel: 'counter',
        applicant: { name: 'Nguyễn Văn Bình', idNumber: '079123456789', phone: '0909 111 222' },
        checklist: documents.map((d) => ({ document: d, received: true })),
        ...extra,
      },
    });

  const dossierCount = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM dossier'))[0]!.n;

  /** Attaches a real PDF: the dossier's own receipt, printed by the counter officer. */
  const upload = async (client: TestClient, id: string) => {
    const pdf = (await c.tiepnhan!.request({ url: `/api/v1/dossiers/${id}/forms/01.pdf` })).rawPayload;
    const form = new FormData();
    form.append('file', new Blob([pdf]), 'scan.pdf');
    const req = new Request('http://x/', { method: 'POST', body: form });
    return client.request({
      method: 'POST',
      url: `/api/v1/dossiers/${id}/documents`,
      payload: Buffer.from(await req.arrayBuffer()),
      headers: { 'content-type': req.headers.get('content-type')! },
    });
  };

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    await signIn(t, ['tiepnhan', 'chuyenvien', 'thamdinh', 'admin', 'congdan'], c);
    const codes = {
      province: DEMO_PROVINCE_CODE,
      centre: DEMO_SERVICE_CENTRE_CODE,
      agency: DEMO_AGENCY_CODE,
      closed: DEMO_FORMER_LABOUR_AGENCY_CODE,
      employment: DEMO_UNIT_CODES.employment,
    };
    for (const [name, code] of Object.entries(codes)) {
      const [row] = await t.db.query<{ id: string }>('SELECT id FROM org_unit WHERE code = $1', [code]);
      unit[name] = row!.id;
    }
    const list = (await t.app.inject({ url: '/api/v1/procedures?q=cap%20giay%20phep%20lao%20dong' })).json();
    procedureId = list.items[0].id;
    const detail = (await t.app.inject({ url: `/api/v1/procedures/${procedureId}` })).json();
    documents = detail.documents.map((d: { name: string }) => d.name);
  });
  afterAll(() => t.close());

  it('lets a counter officer receive only at an open receiving unit where they hold the role', async () => {
    const before = await dossierCount();
    const province = await receive(c.tiepnhan!, { receivingUnitId: unit.province });
    expect(province.statusCode).toBe(422);
    expect(province.json().code).toBe('unit_not_receiving');
    const department = await receive(c.tiepnhan!, { receivingUnitId: unit.employment });
    expect(department.json().code).toBe('unit_not_receiving');
    const closed = await receive(c.tiepnhan!, { receivingUnitId: unit.closed });
    expect(closed.statusCode).toBe(422);
    expect(closed.json().code).toBe('unit_closed');
    expect(closed.json().detail).toMatch(/ngừng hoạt động/);

    const other = await c.admin!.request({
      method: 'POST',
      url: '/api/v1/admin/units',
      payload: {
        parentId: unit.province,
        kind: 'service_centre',
        code: `TTPV.KHAC.${engine}`,
        name: 'Trung tâm Phục vụ hành chính công khu vực 2',
        effectiveFrom: '2025-01-01',
      },
    });
    expect(other.statusCode, other.body).toBe(201);
    const notTheirs = await receive(c.tiepnhan!, { receivingUnitId: other.json().id });
    expect(notTheirs.statusCode).toBe(403);
    expect(notTheirs.json().code).toBe('receiving_unit_not_yours');
    expect(await dossierCount()).toBe(before);

    const atCentre = await receive(c.tiepnhan!, { receivingUnitId: unit.centre });
    expect(atCentre.statusCode, atCentre.body).toBe(201);
    expect(atCentre.json().receivingUnit.id).toBe(unit.centre);
  });

  it('sends an online submission to the agency’s designated receiving unit, never to one the citizen picks', async () => {
    const submit = (extra: Record<string, unknown>) =>
      c.congdan!.request({
        method: 'POST',
        url: '/api/v1/dossiers',
        payload: { procedureId, channel: 'online', applicant: { name: 'Hoàng Văn An' }, ...extra },
      });
    const before = await dossierCount();
    const intoDepartment = await submit({ receivingUnitId: unit.employment });
    expect(intoDepartment.statusCode).toBe(422);
    expect(intoDepartment.json().code).toBe('online_receiving_unit_only');
    expect(await dossierCount()).toBe(before);
    const submitted = await submit({});
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(submitted.json().receivingUnit.id).toBe(unit.centre);
    // The counter that must accept it sees it in its queue.
    const queue = (
      await c.tiepnhan!.request({ url: '/api/v1/dossiers?state=submitted&pageSize=100' })
    ).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(submitted.json().id);
  });

  it('shows the appraiser and an administrator without a dossier role nothing of a dossier', async () => {
    const d = (await receive(c.tiepnhan!)).json();
    const doc = await upload(c.tiepnhan!, d.id);
    expect(doc.statusCode, doc.body).toBe(201);
    for (const who of ['thamdinh', 'admin']) {
      const client = c[who]!;
      for (const url of [
        `/api/v1/dossiers/${d.id}`,
        `/api/v1/dossiers/${d.id}/forms/01.pdf`,
        `/api/v1/dossiers/${d.id}/documents/${doc.json().id}`,
        `/api/v1/dossiers/${d.id}/assignees`,
      ]) {
        const res = await client.request({ url });
        expect(res.statusCode, `${who} ${url}`).toBe(404);
        expect(res.body).not.toContain('079123456789');
      }
      expect((await upload(client, d.id)).statusCode, `${who} upload`).toBe(404);
      const action = await client.request({
        method: 'POST',
        url: `/api/v1/dossiers/${d.id}/actions/forward_step`,
        payload: { version: d.version, input: {} },
      });
      expect(action.statusCode).toBe(404);
      expect((await client.request({ url: '/api/v1/dossiers' })).statusCode).toBe(403);
    }
    const [row] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM dossier_document WHERE dossier_id = $1',
      [d.id],
    );
    expect(row!.n).toBe(1);
  });

  it('gives an inspector the agency granted read access only, and records every staff read of personal data', async () => {
    const inspector = await staff(c.admin!, `thanhtra.${engine}`, [
      { role: 'inspector', unitId: unit.agency! },
    ]);
    const d = (await receive(c.tiepnhan!)).json();
    const doc = (await upload(c.tiepnhan!, d.id)).json();

    const seen = await inspector.request({ url: `/api/v1/dossiers/${d.id}` });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().applicant.idNumber).toBe('079123456789');
    expect(seen.json().availableActions).toEqual([]);
    expect((await inspector.request({ url: `/api/v1/dossiers/${d.id}/forms/01.pdf` })).statusCode).toBe(200);
    expect(
      (await inspector.request({ url: `/api/v1/dossiers/${d.id}/documents/${doc.id}` })).statusCode,
    ).toBe(200);
    const queue = (await inspector.request({ url: '/api/v1/dossiers?pageSize=100&sort=-received' })).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(d.id);

    const action = await inspector.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/forward_step`,
      payload: { version: d.version, input: {} },
    });
    expect(action.statusCode).toBe(403);
    expect((await upload(inspector, d.id)).statusCode).toBe(403);
    const after = (await c.tiepnhan!.request({ url: `/api/v1/dossiers/${d.id}` })).json();
    expect(after.version).toBe(d.version);
    expect(after.documents).toHaveLength(1);

    const log = await c.admin!.request({ url: `/api/v1/admin/dossier-access?dossier=${d.id}&pageSize=100` });
    expect(log.statusCode, log.body).toBe(200);
    const reads = log.json().items as {
      user: { username: string };
      access: string;
      what: string;
      item: string | null;
      at: string;
    }[];
    const byInspector = reads.filter((r) => r.user.username === `thanhtra.${engine}`);
    expect(byInspector.map((r) => [r.what, r.item, r.access]).sort()).toEqual(
      [
        ['detail', null, 'read_grant'],
        ['document', doc.id, 'read_grant'],
        ['form', '01', 'read_grant'],
      ].sort(),
    );
    expect(reads.some((r) => r.user.username === 'tiepnhan' && r.what === 'detail')).toBe(true);
    expect(JSON.stringify(log.json())).not.toContain('079123456789');
    // Only administrators read the record, and nobody rewrites it.
    expect((await inspector.request({ url: '/api/v1/admin/dossier-access' })).statusCode).toBe(403);
    await expect(t.db.query('DELETE FROM dossier_access_log WHERE dossier_id = $1', [d.id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('lets only staff list the people a dossier can be assigned to', async () => {
    const submitted = await c.congdan!.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: { procedureId, channel: 'online', applicant: { name: 'Hoàng Văn An' } },
    });
    const d = submitted.json();
    expect((await c.congdan!.request({ url: `/api/v1/dossiers/${d.id}` })).statusCode).toBe(200);
    const citizen = await c.congdan!.request({ url: `/api/v1/dossiers/${d.id}/assignees` });
    expect(citizen.statusCode).toBe(403);
    expect((await c.tiepnhan!.request({ url: `/api/v1/dossiers/${d.id}/assignees` })).statusCode).toBe(200);
    // The applicant's own reads are not staff reads.
    const [row] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM dossier_access_log l JOIN app_user u ON u.id = l.user_id
        WHERE l.dossier_id = $1 AND u.username = 'congdan'`,
      [d.id],
    );
    expect(row!.n).toBe(0);
  });

  it('keeps an agency administrator away from a role-less account the province created', async () => {
    const agencyAdmin = await staff(c.admin!, `quantri.snv.${engine}`, [
      { role: 'administrator', unitId: unit.agency! },
    ]);
    const create = (client: TestClient, username: string) =>
      client.request({
        method: 'POST',
        url: '/api/v1/admin/users',
        payload: { username, fullName: 'Tài khoản chờ phân quyền', password: FIRST_PASSWORD, roles: [] },
      });
    const provinces = (await create(c.admin!, `cho.tinh.${engine}`)).json();
    const own = (await create(agencyAdmin, `cho.so.${engine}`)).json();
    const reset = (client: TestClient, id: string) =>
      client.request({
        method: 'PATCH',
        url: `/api/v1/admin/users/${id}`,
        payload: { password: 'Mật khẩu do quản trị đặt 2026' },
      });
    const refused = await reset(agencyAdmin, provinces.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('user_outside_scope');
    const listed = (await agencyAdmin.request({ url: '/api/v1/admin/users' })).json();
    const names = listed.items.map((u: { username: string }) => u.username);
    expect(names).not.toContain(`cho.tinh.${engine}`);
    expect(names).toContain(`cho.so.${engine}`);
    expect((await reset(agencyAdmin, own.id)).statusCode).toBe(200);
    expect((await reset(c.admin!, provinces.id)).statusCode).toBe(200);
    expect((await reset(c.admin!, own.id)).statusCode).toBe(200);
  });

  it('keeps Idempotency-Keys per user: another user’s action with the same key is applied, not replayed', async () => {
    const second = await staff(c.admin!, `tiepnhan2.${engine}`, [
      { role: 'counter_officer', unitId: unit.centre! },
    ]);
    const d = (await receive(c.tiepnhan!, { receivingUnitId: unit.centre })).json();
    const key = `action-key-${engine}-shared`;
    const forward = (client: TestClient) =>
      client.request({
        method: 'POST',
        url: `/api/v1/dossiers/${d.id}/actions/forward_step`,
        headers: { 'idempotency-key': key },
        payload: { version: d.version, input: {} },
      });
    const first = await forward(c.tiepnhan!);
    expect(first.statusCode, first.body).toBe(200);
    // The same request from someone else is their own, made on a dossier that has moved on.
    const same = await forward(second);
    expect(same.headers['idempotent-replayed']).toBeUndefined();
    expect(same.statusCode).toBe(409);
    expect(same.json().code).toBe('dossier_changed');
    const withdrawal = await second.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/request_withdrawal`,
      headers: { 'idempotency-key': key },
      payload: { version: first.json().version, input: { reason: 'Người nộp xin rút hồ sơ' } },
    });
    expect(withdrawal.statusCode, withdrawal.body).toBe(200);
    expect(withdrawal.headers['idempotent-replayed']).toBeUndefined();
    expect(withdrawal.json().state).toBe('withdrawal_requested');
    // The first user's retry still gets their own first answer.
    const retry = await forward(c.tiepnhan!);
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().version).toBe(first.json().version);
  });

  it('answers concurrent retries of one action key with the replay, and acts once', async () => {
    const d = (await receive(c.tiepnhan!)).json();
    const key = `action-key-${engine}-concurrent`;
    const responses = await Promise.all(
      [1, 2, 3].map(() =>
        c.tiepnhan!.request({
          method: 'POST',
          url: `/api/v1/dossiers/${d.id}/actions/forward_step`,
          headers: { 'idempotency-key': key },
          payload: { version: d.version, input: {} },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(2);
    expect(new Set(responses.map((r) => r.json().version)).size).toBe(1);
    const events = (await c.tiepnhan!.request({ url: `/api/v1/dossiers/${d.id}` })).json().events;
    expect(events.filter((e: { action: string }) => e.action === 'forward_step')).toHaveLength(1);
  });

  it('refuses writes from another site or Origin null even with a valid CSRF token', async () => {
    const client = t.client();
    await client.login('chuyenvien');
    for (const headers of [
      { origin: 'null' },
      { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' },
      { origin: 'http://localhost:80.evil.example' },
    ]) {
      const res = await client.request({ method: 'POST', url: '/api/v1/auth/logout', headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().code).toBe('csrf_failed');
    }
    expect((await client.request({ url: '/api/v1/auth/session' })).statusCode).toBe(200);
    const own = await client.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { origin: 'http://localhost:80' },
    });
    expect(own.statusCode).toBe(204);
  });

  it('ends the previous session of a browser that signs in again', async () => {
    const browser = t.client();
    const first = await browser.login('chuyenvien');
    const oldCookie = first.cookies.find((k) => k.name === 'motcua_session')!.value;
    await browser.login('tiepnhan');
    const old = await t.app.inject({
      url: '/api/v1/auth/session',
      headers: { cookie: `motcua_session=${oldCookie}` },
    });
    expect(old.statusCode).toBe(401);
    const now = await browser.request({ url: '/api/v1/auth/session' });
    expect(now.json().user.username).toBe('tiepnhan');
  });
});

describe.each([
  ['true', '203.0.113.7'],
  ['2', '203.0.113.7'],
  ['127.0.0.1, 10.0.0.0/8', '203.0.113.7'],
])('sign-in rate limit behind TRUST_PROXY=%s', (trustProxy, client) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', { env: { TRUST_PROXY: trustProxy, LOGIN_RATE_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  // The proxy in front appends the address it saw; with a hop count of 2, a second proxy (10.0.0.5) too.
  const forwarded = (spoofed: string, real: string) =>
    trustProxy === '2' ? `${spoofed}, ${real}, 10.0.0.5` : `${spoofed}, ${real}`;
  const attempt = (spoofed: string, real: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-for': forwarded(spoofed, real) },
      payload: { username: 'nobody-here', password: 'guess-guess-guess' },
    });

  it('still slows down a client that rotates X-Forwarded-For, and not the client next to it', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt(`198.51.100.${i}`, client)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect((await attempt('198.51.100.9', '203.0.113.8')).statusCode).toBe(401);
  });
});
