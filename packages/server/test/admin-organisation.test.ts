import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCY_CODE, DEMO_UNIT_CODES } from '../src/seed/organisation-data.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';

interface UnitView {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  agencyId: string | null;
  successorId: string | null;
  effectiveTo: string | null;
  active: boolean;
}

describe.each(engines)('organisation and accounts administration on %s', (engine) => {
  let t: TestApp;
  let admin: TestClient;
  let units: UnitView[];
  const unit = (code: string) => units.find((u) => u.code === code)!;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = t.client();
    await admin.login('admin');
    units = (await admin.request({ url: '/api/v1/admin/units' })).json().items;
  });
  afterAll(() => t.close());

  it('shows the 2025 reorganisation: the former labour department closed with the Department of Home Affairs as successor', () => {
    const former = units.find((u) => u.name === 'Sở Lao động - Thương binh và Xã hội')!;
    expect(former.active).toBe(false);
    expect(former.effectiveTo).toBe('2025-02-28');
    expect(former.successorId).toBe(unit(DEMO_AGENCY_CODE).id);
    expect(unit(DEMO_UNIT_CODES.employment).agencyId).toBe(unit(DEMO_AGENCY_CODE).id);
  });

  it('creates a department under an agency and refuses a duplicate code or a wrong kind of parent', async () => {
    const agency = unit(DEMO_AGENCY_CODE);
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/units',
      payload: {
        parentId: agency.id,
        kind: 'department',
        code: 'SNV.TEST',
        name: 'Phòng Thử nghiệm',
        effectiveFrom: '2026-01-01',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ agencyId: agency.id, active: true });
    const dup = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/units',
      payload: {
        parentId: agency.id,
        kind: 'department',
        code: 'SNV.TEST',
        name: 'Phòng khác',
        effectiveFrom: '2026-01-01',
      },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().detail).toContain('SNV.TEST');
    const wrongKind = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/units',
      payload: {
        parentId: created.json().id,
        kind: 'agency',
        code: 'X.1',
        name: 'Sở trong phòng',
        effectiveFrom: '2026-01-01',
      },
    });
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json().code).toBe('unit_kind_invalid');
  });

  it('closes a unit with a successor and keeps its history; an end before the start is refused', async () => {
    const target = unit(DEMO_UNIT_CODES.organisation);
    const bad = await admin.request({
      method: 'PATCH',
      url: `/api/v1/admin/units/${target.id}`,
      payload: { effectiveTo: '2020-01-01' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('effectiveTo');
    const closed = await admin.request({
      method: 'PATCH',
      url: `/api/v1/admin/units/${target.id}`,
      payload: { effectiveTo: '2026-06-30', successorId: unit(DEMO_UNIT_CODES.civilService).id },
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      effectiveTo: '2026-06-30',
      successorId: unit(DEMO_UNIT_CODES.civilService).id,
    });
  });

  it('creates a staff account with scoped roles; a weak password is refused with a reason', async () => {
    const weak = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      payload: { username: 'nv.moi', fullName: 'Nhân viên Mới', password: 'ngan', roles: [] },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors[0].message).toMatch(/12 ký tự/);
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      payload: {
        username: 'nv.moi',
        fullName: 'Nhân viên Mới',
        password: 'mật khẩu tạm thời đủ dài',
        roles: [{ role: 'specialist', unitId: unit(DEMO_UNIT_CODES.merit).id }],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ mustChangePassword: true, roles: [{ role: 'specialist' }] });
    const c = t.client();
    await c.login('nv.moi', 'mật khẩu tạm thời đủ dài');
    const blocked = await c.request({ url: '/api/v1/admin/units' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');
  });

  it('keeps an agency administrator inside their agency', async () => {
    const agencyAdmin = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      payload: {
        username: 'qt.snv',
        fullName: 'Quản trị Sở Nội vụ',
        password: 'quản trị sở nội vụ 2026',
        roles: [{ role: 'administrator', unitId: unit(DEMO_AGENCY_CODE).id }],
      },
    });
    expect(agencyAdmin.statusCode).toBe(201);
    await t.db.query("UPDATE app_user SET must_change_password = false WHERE username = 'qt.snv'");
    const c = t.client();
    await c.login('qt.snv', 'quản trị sở nội vụ 2026');
    const visible = (await c.request({ url: '/api/v1/admin/units' })).json().items as UnitView[];
    expect(visible.every((u) => u.agencyId === unit(DEMO_AGENCY_CODE).id)).toBe(true);
    const outside = await c.request({
      method: 'POST',
      url: '/api/v1/admin/units',
      payload: {
        parentId: units.find((u) => u.kind === 'province')!.id,
        kind: 'agency',
        code: '000.00.77.H29',
        name: 'Sở Mới',
        effectiveFrom: '2026-01-01',
      },
    });
    expect(outside.statusCode).toBe(403);
    const users = (await c.request({ url: '/api/v1/admin/users' })).json().items as { username: string }[];
    expect(users.map((u) => u.username)).not.toContain('admin');
  });

  it('refuses admin pages to other roles and to anonymous visitors', async () => {
    const specialist = t.client();
    await specialist.login('chuyenvien');
    expect((await specialist.request({ url: '/api/v1/admin/users' })).statusCode).toBe(403);
    expect((await t.client().request({ url: '/api/v1/admin/users' })).statusCode).toBe(401);
  });

  it('deactivates an account, which ends its sessions, and unlocks a locked one', async () => {
    const list = (await admin.request({ url: '/api/v1/admin/users?q=chuyenvien' })).json().items;
    const target = list[0];
    const c = t.client();
    await c.login('chuyenvien');
    const off = await admin.request({
      method: 'PATCH',
      url: `/api/v1/admin/users/${target.id}`,
      payload: { active: false },
    });
    expect(off.statusCode).toBe(200);
    expect((await c.request({ url: '/api/v1/auth/session' })).statusCode).toBe(401);
    expect((await t.client().login('chuyenvien')).statusCode).toBe(403);
    await admin.request({
      method: 'PATCH',
      url: `/api/v1/admin/users/${target.id}`,
      payload: { active: true, unlock: true },
    });
    expect((await t.client().login('chuyenvien')).statusCode).toBe(200);
  });
});
