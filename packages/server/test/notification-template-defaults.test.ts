import { DEFAULT_TEMPLATES, notificationTemplateResponse } from '@motcua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { signIn } from './support/staff.ts';

/**
 * An administrator edited a template before its default gained a placeholder (the supplement email's
 * `{{items}}`, the list of what is asked for): the API reports what the edit lacks, so the editor
 * warns, and "restore the default" puts the shipped text back. Nothing changes silently.
 */
describe('an edited template that lacks what its default now uses', () => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  const url = '/api/v1/admin/notification-templates/dossier.applicant.request_supplement/vi';
  // The edit as it was saved before the default listed the items.
  const OLD_EDIT = {
    subject: 'Hồ sơ {{code}} cần bổ sung giấy tờ',
    body: 'Kính gửi {{recipient}},\n\nHồ sơ {{code}} ({{procedure}}) cần bổ sung. Vui lòng xem phiếu yêu cầu bổ sung.',
  };

  beforeAll(async () => {
    t = await startTestApp('pglite', { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    await signIn(t, ['admin', 'tiepnhan'], c);
  });
  afterAll(() => t.close());

  it('reports nothing missing while the default is in force', async () => {
    const res = await c.admin!.request({ url });
    expect(res.statusCode).toBe(200);
    expect(notificationTemplateResponse.parse(res.json())).toMatchObject({
      customised: false,
      missingFromDefault: [],
    });
  });

  it('names the placeholder the default uses and the edit lacks, on the template and in the list', async () => {
    const saved = await c.admin!.request({ method: 'PUT', url, payload: OLD_EDIT });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ customised: true, missingFromDefault: ['items'] });
    expect((await c.admin!.request({ url })).json().missingFromDefault).toEqual(['items']);
    const list = (await c.admin!.request({ url: '/api/v1/admin/notification-templates' })).json();
    const entry = list.items.find(
      (i: { kind: string; locale: string }) =>
        i.kind === 'dossier.applicant.request_supplement' && i.locale === 'vi',
    );
    expect(entry.missingFromDefault).toEqual(['items']);
    // The English one was not edited: nothing to warn about.
    const en = list.items.find(
      (i: { kind: string; locale: string }) =>
        i.kind === 'dossier.applicant.request_supplement' && i.locale === 'en',
    );
    expect(en).toMatchObject({ customised: false, missingFromDefault: [] });
    // The edit stays in force until the administrator chooses: it is not changed silently.
    expect(entry.body).toBe(OLD_EDIT.body);
  });

  it('an edit that uses every placeholder of the default is not warned about', async () => {
    const full = await c.admin!.request({
      method: 'PUT',
      url,
      payload: { subject: OLD_EDIT.subject, body: `${OLD_EDIT.body}\n\nCần bổ sung:\n{{items}}` },
    });
    expect(full.json()).toMatchObject({ customised: true, missingFromDefault: [] });
    await c.admin!.request({ method: 'PUT', url, payload: OLD_EDIT });
  });

  it('restores the default in one request, for an administrator only, and records it', async () => {
    const refused = await c.tiepnhan!.request({ method: 'DELETE', url });
    expect(refused.statusCode).toBe(403);
    const restored = await c.admin!.request({ method: 'DELETE', url });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({
      customised: false,
      missingFromDefault: [],
      subject: DEFAULT_TEMPLATES['dossier.applicant.request_supplement'].vi.subject,
      body: DEFAULT_TEMPLATES['dossier.applicant.request_supplement'].vi.body,
    });
    // Restoring again changes nothing and records nothing more.
    expect((await c.admin!.request({ method: 'DELETE', url })).json().customised).toBe(false);
    const [audit] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM admin_audit WHERE action = 'notification_template.restore_default' AND subject_id = $1`,
      ['dossier.applicant.request_supplement:vi'],
    );
    expect(audit!.n).toBe(1);
  });
});
