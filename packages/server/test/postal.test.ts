/**
 * The postal channel: a counter officer records the carrier and tracking number of a dossier
 * received by post and of its result sent back by post; a number that does not fit the carrier is
 * refused with a message saying its form; the public lookup shows the carrier and number (no
 * personal data); staff of another agency, and staff who are not its counter officers, cannot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUnitByCode } from '../src/org/units.ts';
import { DEMO_FORMER_LABOUR_AGENCY_CODE } from '../src/seed/organisation-data.ts';
import { createUser } from '../src/users/users.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { signIn, workPermitProcedure } from './support/staff.ts';

const APPLICANT = { name: 'Nguyễn Thị Bưu', idNumber: '079190001234', phone: '0903123456' };

interface Dossier {
  id: string;
  version: number;
  state: string;
  code: string;
  step: { role: string } | null;
}

describe.each(engines)('postal channel on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  let d: Dossier;
  let checklist: unknown[];

  const put = (who: TestClient, direction: string, payload: Record<string, unknown>, id = d.id) =>
    who.request({ method: 'PUT', url: `/api/v1/dossiers/${id}/postal/${direction}`, payload });
  const act = async (who: string, action: string, input: Record<string, unknown> = {}) => {
    const res = await c[who]!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/${action}`,
      payload: { version: d.version, input },
    });
    expect(res.statusCode, res.body).toBe(200);
    d = res.json();
  };

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { SEED_DEMO_DOSSIERS: '0', LOGIN_RATE_PER_MINUTE: '1000' } });
    await signIn(t, ['tiepnhan', 'chuyenvien', 'truongphong', 'lanhdao'], c);
    const former = (await getUnitByCode(t.db, DEMO_FORMER_LABOUR_AGENCY_CODE))!;
    await createUser(t.db, {
      username: 'tiepnhan.khac',
      fullName: 'Trần Thị Khác',
      password: 'Motcua@2025!demo',
      mustChangePassword: false,
      roles: [{ role: 'counter_officer', unitId: former.id }],
    });
    c.outsider = t.client();
    expect((await c.outsider.login('tiepnhan.khac', 'Motcua@2025!demo')).statusCode).toBe(200);

    const procedure = await workPermitProcedure(t);
    checklist = procedure.documents.map((x: { name: string }) => ({ document: x.name, received: true }));
    const created = await c.tiepnhan!.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: {
        procedureId: procedure.id,
        channel: 'post',
        applicant: APPLICANT,
        checklist,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    d = created.json();
  });
  afterAll(() => t.close());

  it('records the receipt by post: carrier and tracking number, written as the carrier prints it', async () => {
    const res = await put(c.tiepnhan!, 'receipt', { carrier: 'vnpost', trackingNumber: ' eb 123456789 vn ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      receipt: {
        direction: 'receipt',
        carrier: 'vnpost',
        carrierName: 'Bưu điện Việt Nam (VNPost)',
        trackingNumber: 'EB123456789VN',
      },
      return: null,
    });
    const read = await c.tiepnhan!.request({ url: `/api/v1/dossiers/${d.id}/postal` });
    expect(read.json().receipt.trackingNumber).toBe('EB123456789VN');
  });

  it('refuses a tracking number that does not fit the carrier, saying the form, and keeps the recorded one', async () => {
    const res = await put(c.tiepnhan!, 'receipt', { carrier: 'vnpost', trackingNumber: '12345' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      {
        path: 'trackingNumber',
        message: 'Số hiệu bưu gửi của Bưu điện Việt Nam gồm 2 chữ cái, 9 chữ số và “VN”, ví dụ EB123456789VN',
      },
    ]);
    const viettel = await put(c.tiepnhan!, 'receipt', { carrier: 'viettel_post', trackingNumber: 'ABC' });
    expect(viettel.statusCode).toBe(422);
    expect(viettel.json().errors[0].message).toContain('9 đến 15 chữ số');
    const unknown = await put(c.tiepnhan!, 'receipt', { carrier: 'dhl', trackingNumber: '1234567890' });
    expect(unknown.statusCode).toBe(422);
    const read = await c.tiepnhan!.request({ url: `/api/v1/dossiers/${d.id}/postal` });
    expect(read.json().receipt.trackingNumber).toBe('EB123456789VN');
  });

  it('shows the carrier and tracking number on the public lookup, with no personal data', async () => {
    const res = await t.app.inject({ url: `/api/v1/dossiers/lookup?code=${encodeURIComponent(d.code)}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().postal).toEqual([
      { direction: 'receipt', carrierName: 'Bưu điện Việt Nam (VNPost)', trackingNumber: 'EB123456789VN' },
    ]);
    expect(res.body).not.toContain(APPLICANT.idNumber);
    expect(res.body).not.toContain(APPLICANT.phone);
  });

  it('denies staff of another agency (404, not disclosed) and staff who are not its counter officers (403)', async () => {
    const other = await put(c.outsider!, 'receipt', { carrier: 'vnpost', trackingNumber: 'EB999999999VN' });
    expect(other.statusCode).toBe(404);
    expect((await c.outsider!.request({ url: `/api/v1/dossiers/${d.id}/postal` })).statusCode).toBe(404);
    const leader = await put(c.lanhdao!, 'receipt', { carrier: 'vnpost', trackingNumber: 'EB999999999VN' });
    expect(leader.statusCode).toBe(403);
    const [row] = await t.db.query<{ tracking_number: string }>(
      `SELECT tracking_number FROM postal_shipment WHERE dossier_id = $1 AND direction = 'receipt'`,
      [d.id],
    );
    expect(row!.tracking_number).toBe('EB123456789VN');
  });

  it('records the result sent by post only once there is a result', async () => {
    const early = await put(c.tiepnhan!, 'return', { carrier: 'viettel_post', trackingNumber: '1234567890' });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe('Hồ sơ chưa có kết quả nên chưa gửi trả qua bưu chính được');
    if (d.step?.role === 'counter_officer') await act('tiepnhan', 'forward_step');
    await act('chuyenvien', 'forward_step');
    await act('truongphong', 'forward_step');
    await act('lanhdao', 'approve', { outcome: 'granted' });
    expect(d.state).toBe('result_ready');
    const sent = await put(c.tiepnhan!, 'return', { carrier: 'viettel_post', trackingNumber: '1234567890' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().return).toMatchObject({ carrierName: 'Viettel Post', trackingNumber: '1234567890' });
    const pub = await t.app.inject({ url: `/api/v1/dossiers/lookup?code=${encodeURIComponent(d.code)}` });
    expect(pub.json().postal).toHaveLength(2);
  });

  it('refuses a receipt shipment for a dossier received at the counter', async () => {
    const counter = await c.tiepnhan!.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: {
        procedureId: (
          await t.db.query<{ procedure_id: string }>('SELECT procedure_id FROM dossier WHERE id = $1', [d.id])
        )[0]!.procedure_id,
        channel: 'counter',
        applicant: { name: 'Lê Văn Quầy' },
        checklist,
      },
    });
    expect(counter.statusCode, counter.body).toBe(201);
    const res = await put(
      c.tiepnhan!,
      'receipt',
      { carrier: 'vnpost', trackingNumber: 'EB123456789VN' },
      counter.json().id,
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('postal_not_post_dossier');
  });
});
