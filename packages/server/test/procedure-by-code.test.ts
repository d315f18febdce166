import { procedureByCodeResponse } from '@motcua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.ts';

/**
 * The online application's address names the procedure by its code (/nop-truc-tuyen/SNV-VL-001):
 * the public catalogue finds the procedure by it, says when there is none, and says when two
 * agencies use the same code rather than opening either.
 */
describe('a public procedure found by its code', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
  });
  afterAll(() => t.close());

  it('answers the procedure of the code, however the code is cased', async () => {
    const [p] = await t.db.query<{ id: string }>("SELECT id FROM procedure WHERE code = 'SNV-VL-001'");
    for (const code of ['SNV-VL-001', 'snv-vl-001']) {
      const res = await t.app.inject({ url: `/api/v1/procedures/by-code/${code}` });
      expect(res.statusCode, res.body).toBe(200);
      expect(procedureByCodeResponse.parse(res.json())).toEqual({ id: p!.id, code: 'SNV-VL-001' });
    }
  });

  it('says in Vietnamese that no procedure has an unknown code', async () => {
    const res = await t.app.inject({ url: '/api/v1/procedures/by-code/KHONG-CO-999' });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toBe('Không tìm thấy thủ tục hành chính');
  });

  it('refuses to guess when two agencies use the same code', async () => {
    // Another agency's procedure with the same code (codes are unique within an agency only).
    const [other] = await t.db.query<{ id: string }>(
      `SELECT id FROM org_unit WHERE kind = 'agency'
          AND id <> (SELECT agency_id FROM procedure WHERE code = 'SNV-VL-001') LIMIT 1`,
    );
    expect(other, 'the demo has a second agency').toBeTruthy();
    await t.db.query(
      `INSERT INTO procedure (id, agency_id, code, status, current_version_id, name, field_code, online_level, search_text)
       SELECT gen_random_uuid(), $1, code, status, current_version_id, name, field_code, online_level, search_text
         FROM procedure WHERE code = 'SNV-VL-001'`,
      [other!.id],
    );
    const res = await t.app.inject({ url: '/api/v1/procedures/by-code/SNV-VL-001' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('procedure_code_ambiguous');
    expect(res.json().detail).toContain('chọn thủ tục từ danh mục');
  });
});
