import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, createDossier, performAction } from '../src/dossiers/service.ts';
import { loadDossier } from '../src/dossiers/store.ts';
import { emailChannel } from '../src/notifications/email.ts';
import { deliverNotifications } from '../src/notifications/worker.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { type Office, openOffice, workPermit } from './support/report06.ts';
import { startSmtp, type TestSmtp } from './support/smtp.ts';

/**
 * A citizen signed in to the portal (a citizen_account, not a staff user) as the engine's actor:
 * the applicant of the dossier they submit online, acting on it and on nothing of anyone else's,
 * and told by email what happens to it.
 */
describe('a portal citizen as the applicant of their dossier', () => {
  let t: TestApp;
  let o: Office;
  let smtp: TestSmtp;
  const lan = { id: randomUUID(), name: 'Nguyễn Thị Lan', email: 'lan@example.vn' };
  const binh = { id: randomUUID(), name: 'Trần Văn Bình', email: 'binh@example.vn' };
  const actorOf = (c: typeof lan): Actor => ({ userId: null, citizenId: c.id, name: c.name, grants: [] });

  beforeAll(async () => {
    t = await startTestApp('pglite');
    smtp = await startSmtp();
    o = await openOffice(t.db, t.ctx);
    for (const c of [lan, binh]) {
      await t.db.query(
        `INSERT INTO citizen_account (id, email, full_name, created_at, last_sign_in_at) VALUES ($1, $2, $3, now(), now())`,
        [c.id, c.email, c.name],
      );
    }
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  const act = (id: string, action: string, input: unknown, actor: Actor) =>
    t.db.transaction(async (tx) => {
      const d = (await loadDossier(tx, id))!;
      return performAction(
        o.ctx,
        tx,
        { dossierId: id, action: action as never, expectedVersion: d.version, input },
        actor,
      );
    });

  it('submits online, is told when it is accepted, may withdraw it, and another citizen may not', async () => {
    const permit = await workPermit(o);
    const submitted = await t.db.transaction((tx) =>
      createDossier(
        o.ctx,
        tx,
        {
          procedureId: permit.id,
          channel: 'online',
          applicant: { name: lan.name, email: lan.email },
          applicantUserId: null,
          decision: 'receive',
        },
        actorOf(lan),
      ),
    );
    const id = submitted.record.id;
    expect(submitted.record.state).toBe('submitted');
    expect(submitted.record.applicantCitizenId).toBe(lan.id);
    // The history names the citizen; no staff account acted.
    const [event] = await t.db.query<{ actor_id: string | null; actor_name: string }>(
      `SELECT actor_id, actor_name FROM dossier_event WHERE dossier_id = $1`,
      [id],
    );
    expect(event).toEqual({ actor_id: null, actor_name: lan.name });

    // Another citizen is told the dossier does not exist.
    await expect(
      act(id, 'request_withdrawal', { reason: 'Không cần nữa' }, actorOf(binh)),
    ).rejects.toMatchObject({ status: 404, code: 'dossier_not_found' });

    // The counter accepts it; the acceptance goes to the citizen's account, not to a staff user.
    await act(
      id,
      'receive',
      { checklist: permit.documents.map((document) => ({ document, received: true })) },
      o.staff,
    );
    const rows = await t.db.query<{ recipient_id: string | null; recipient_citizen_id: string | null }>(
      `SELECT recipient_id, recipient_citizen_id FROM outbox WHERE dossier_id = $1 AND kind = 'dossier.applicant.receive'`,
      [id],
    );
    expect(rows).toEqual([{ recipient_id: null, recipient_citizen_id: lan.id }]);
    await deliverNotifications(t.ctx, [emailChannel({ smtpUrl: smtp.url, from: 'motcua@example.gov.vn' })], {
      worker: 'w1',
    });
    const mail = smtp.received.find((m) => m.to.includes(lan.email));
    expect(mail?.text).toContain(`Kính gửi ${lan.name}`);
    expect(mail?.text).toContain((await loadDossier(t.db, id))!.code);

    // The applicant asks to withdraw it.
    const withdrawn = await act(id, 'request_withdrawal', { reason: 'Tôi nộp nhầm thủ tục' }, actorOf(lan));
    expect(withdrawn.record.state).toBe('withdrawal_requested');
  });
});
