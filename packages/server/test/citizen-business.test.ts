import { mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { citizenBusinessesResponse, citizenMeResponse } from '@motcua/core';
import type { LightMyRequestResponse } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Applicant } from '../src/dossiers/applicant.ts';
import { createDossier } from '../src/dossiers/service.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { citizenByEmail } from './support/citizen.ts';
import {
  Browser,
  CALLBACK,
  MOTCUA,
  type Person,
  signInThroughProvider,
  startProvider,
} from './support/oidc.ts';
import { type Office, openOffice, workPermit } from './support/report06.ts';

/** Two real businesses (public registrations), each with its own representative at the provider. */
const AN_PHAT = { taxCode: '0100107518', name: 'Công ty TNHH An Phát' };
const BINH_MINH = { taxCode: '0100109106', name: 'Công ty CP Bình Minh' };
const CUONG_ID = '079200001234';
const PEOPLE: Record<string, Person> = {
  // An organisation account: the provider names the business the person signs in for.
  'vneid-cuong': {
    name: 'Lê Văn Cường',
    identity_number: CUONG_ID,
    org_tax_code: AN_PHAT.taxCode,
    org_name: AN_PHAT.name,
  },
  'vneid-dung': {
    name: 'Phạm Thị Dung',
    identity_number: '001199005678',
    org_tax_code: BINH_MINH.taxCode,
    org_name: BINH_MINH.name,
  },
  // A claim that is not a tax code (wrong check digit) gives no business.
  'vneid-em': { name: 'Đỗ Văn Em', identity_number: '001199005679', org_tax_code: '0100107519' },
};

type Client = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  headers?: Record<string, string>,
) => Promise<LightMyRequestResponse>;

/**
 * A person signs in as the representative of a business and acts for it, as on VNeID's
 * organisation accounts: the provider's organisation claim makes them its representative; a person
 * signed in by email code may declare one, and then acts for it only on what they submit. My
 * dossiers follows whom the session acts as, and another business's representative sees nothing.
 */
describe('acting for a business on the citizen portal', () => {
  let provider: { issuer: string; server: Server };
  let t: TestApp;
  let o: Office;
  let procedureId: string;

  beforeAll(async () => {
    provider = await startProvider(PEOPLE, ['name', 'identity_number', 'org_tax_code', 'org_name']);
    t = await startTestApp('pglite', {
      env: {
        DATA_DIR: await mkdtemp(join(tmpdir(), 'motcua-business-')),
        LOGIN_RATE_PER_MINUTE: '1000',
        CITIZEN_CODE_RATE_PER_MINUTE: '1000',
        OIDC_ISSUER_URL: provider.issuer,
        OIDC_CLIENT_ID: 'motcua',
        OIDC_CLIENT_SECRET: 'motcua-test-secret',
        OIDC_REDIRECT_URL: CALLBACK,
        OIDC_BUSINESS_TAX_CODE_CLAIM: 'org_tax_code',
        OIDC_BUSINESS_NAME_CLAIM: 'org_name',
      },
    });
    o = await openOffice(t.db, t.ctx);
    const [p] = await t.db.query<{ id: string }>("SELECT id FROM procedure WHERE code = 'SNV-VL-001'");
    procedureId = p!.id;
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((done) => provider?.server.close(done));
  });

  /** A browser session signed in at the provider as `subject`. */
  async function viaProvider(subject: string): Promise<Client> {
    const browser = new Browser(t.app);
    const landed = await signInThroughProvider(browser, subject);
    expect(landed.location?.pathname).toBe('/cong-dan');
    const cookie = `motcua_citizen=${browser.jars.get(MOTCUA)!.get('motcua_citizen')}`;
    const csrf = (await t.app.inject({ url: '/api/v1/citizen/me', headers: { cookie } })).json().csrfToken;
    return clientOf(cookie, csrf);
  }

  /** A session opened by the code emailed to `email`. */
  async function viaEmail(email: string): Promise<Client> {
    const session = await citizenByEmail(t, email);
    return clientOf(session.cookie, session.csrfToken);
  }

  function clientOf(cookie: string, csrf: string): Client {
    return (method, url, payload, headers = {}) =>
      t.app.inject({
        method,
        url: `/api/v1/citizen${url}`,
        ...(payload !== undefined ? { payload: payload as object } : {}),
        headers: { cookie, 'x-csrf-token': csrf, ...headers },
      });
  }

  /** A dossier received at the counter for `applicant`. */
  async function counterDossier(applicant: Applicant): Promise<string> {
    const p = await workPermit(o);
    const created = await t.db.transaction((tx) =>
      createDossier(
        o.ctx,
        tx,
        {
          procedureId: p.id,
          channel: 'counter',
          applicant,
          applicantUserId: null,
          decision: 'receive',
          checklist: p.documents.map((document) => ({ document, received: true })),
        },
        o.staff,
      ),
    );
    return created.record.id;
  }

  /** Answers the unemployment benefit e-form, uploads a real PDF for each required item, submits. */
  async function submitOnline(who: Client): Promise<{ dossierId: string; code: string }> {
    const started = await who('POST', '/drafts', { procedureId });
    expect([200, 201], started.body).toContain(started.statusCode);
    const draft = started.json();
    const saved = await who('PUT', `/drafts/${procedureId}`, {
      draftId: draft.id,
      version: draft.version,
      answers: {
        fullName: 'Lê Văn Cường',
        idNumber: CUONG_ID,
        phone: '0912 345 678',
        contractEnd: tenDaysAgo(),
        monthsPaid: 30,
        payment: 'bank',
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawText('Don de nghi');
    const bytes = await doc.save();
    for (const item of saved.json().checklist.filter((c: { required: boolean }) => c.required)) {
      const form = new FormData();
      form.append('draftId', draft.id);
      form.append('file', new Blob([bytes]), 'don.pdf');
      const req = new Request('http://x/', { method: 'POST', body: form });
      const up = await who(
        'POST',
        `/drafts/${procedureId}/documents/${item.item}`,
        Buffer.from(await req.arrayBuffer()),
        {
          'content-type': req.headers.get('content-type')!,
        },
      );
      expect(up.statusCode, up.body).toBe(200);
    }
    const version = (await who('GET', `/drafts/${procedureId}`)).json().version;
    const submitted = await who('POST', `/drafts/${procedureId}/submit`, { draftId: draft.id, version });
    expect(submitted.statusCode, submitted.body).toBe(201);
    return submitted.json();
  }

  /** A contract end the form accepts whatever day the suite runs: ten days before today. */
  const tenDaysAgo = () => {
    const d = new Date(t.ctx.now().getTime() - 10 * 86_400_000);
    return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
  };

  const idsOf = async (who: Client): Promise<string[]> => {
    const list = await who('GET', '/dossiers');
    expect(list.statusCode, list.body).toBe(200);
    return list.json().items.map((i: { id: string }) => i.id);
  };
  const actAs = (who: Client, body: unknown) => who('PUT', '/acting-as', body);

  let cuong: Client;
  let anPhatCounter: string;
  let cuongOwnCounter: string;
  let binhMinhCounter: string;
  let anPhatOnline: string;

  it('makes the person the representative of the business their provider names, acting as themselves at first', async () => {
    cuong = await viaProvider('vneid-cuong');
    const me = citizenMeResponse.parse((await cuong('GET', '/me')).json());
    expect(me.actingAs).toEqual({ kind: 'self' });
    const businesses = citizenBusinessesResponse.parse((await cuong('GET', '/businesses')).json());
    expect(businesses.businesses).toEqual([{ ...AN_PHAT, representation: 'provider' }]);

    // A claim with a wrong check digit names no business.
    const em = await viaProvider('vneid-em');
    expect((await em('GET', '/businesses')).json().businesses).toEqual([]);
  });

  it('shows the business’s counter dossiers only while acting for it, and the person’s own only while acting as themselves', async () => {
    anPhatCounter = await counterDossier({
      name: 'Lê Văn Cường',
      organisation: AN_PHAT.name,
      idNumber: AN_PHAT.taxCode,
    });
    cuongOwnCounter = await counterDossier({ name: 'Lê Văn Cường', idNumber: CUONG_ID });
    binhMinhCounter = await counterDossier({
      name: 'Phạm Thị Dung',
      organisation: BINH_MINH.name,
      idNumber: BINH_MINH.taxCode,
    });

    const asSelf = await idsOf(cuong);
    expect(asSelf).toContain(cuongOwnCounter);
    expect(asSelf).not.toContain(anPhatCounter);
    expect((await cuong('GET', `/dossiers/${anPhatCounter}`)).statusCode).toBe(404);

    // The tax code may be typed as 13 digits with the dash or without: the same business.
    const chosen = await actAs(cuong, { kind: 'business', taxCode: AN_PHAT.taxCode });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json().actingAs).toEqual({
      kind: 'business',
      business: { ...AN_PHAT, representation: 'provider' },
    });
    expect((await cuong('GET', '/me')).json().actingAs.kind).toBe('business');

    const asBusiness = await idsOf(cuong);
    expect(asBusiness).toEqual([anPhatCounter]);
    const detail = await cuong('GET', `/dossiers/${anPhatCounter}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().applicantIdNumberMasked).toBe('010****518');
    expect((await cuong('GET', `/dossiers/${cuongOwnCounter}`)).statusCode).toBe(404);
    expect((await cuong('GET', `/dossiers/${binhMinhCounter}`)).statusCode).toBe(404);
  });

  it('submits online with the business as the applicant, found under its tax code and never among the person’s own', async () => {
    const done = await submitOnline(cuong);
    anPhatOnline = done.dossierId;
    const [row] = await t.db.query<{ applicant: Applicant; applicant_id_hmac: string | null }>(
      'SELECT applicant, applicant_id_hmac FROM dossier WHERE id = $1',
      [anPhatOnline],
    );
    expect(row!.applicant).toMatchObject({
      name: 'Lê Văn Cường',
      organisation: AN_PHAT.name,
      idNumber: AN_PHAT.taxCode,
    });
    const [counter] = await t.db.query<{ applicant_id_hmac: string }>(
      'SELECT applicant_id_hmac FROM dossier WHERE id = $1',
      [anPhatCounter],
    );
    expect(row!.applicant_id_hmac).toBe(counter!.applicant_id_hmac);

    expect((await idsOf(cuong)).sort()).toEqual([anPhatCounter, anPhatOnline].sort());
    const back = await actAs(cuong, { kind: 'self' });
    expect(back.json().actingAs).toEqual({ kind: 'self' });
    const asSelf = await idsOf(cuong);
    expect(asSelf).toContain(cuongOwnCounter);
    expect(asSelf).not.toContain(anPhatOnline);
    expect((await cuong('GET', `/dossiers/${anPhatOnline}`)).statusCode).toBe(404);
  });

  it('lets another business’s representative see none of the first business’s dossiers', async () => {
    const dung = await viaProvider('vneid-dung');
    const refused = await actAs(dung, { kind: 'business', taxCode: AN_PHAT.taxCode });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('business_not_represented');
    expect(refused.json().detail).toContain('0100107518');
    expect((await dung('GET', '/me')).json().actingAs).toEqual({ kind: 'self' });

    expect((await actAs(dung, { kind: 'business', taxCode: BINH_MINH.taxCode })).statusCode).toBe(200);
    expect(await idsOf(dung)).toEqual([binhMinhCounter]);
    for (const id of [anPhatCounter, anPhatOnline]) {
      expect((await dung('GET', `/dossiers/${id}`)).statusCode).toBe(404);
      expect(
        (await dung('POST', `/dossiers/${id}/withdrawal`, { reason: 'Không cần nữa', expectedVersion: 1 }))
          .statusCode,
      ).toBe(404);
    }

    // Declaring the first business by hand makes them no representative of its dossiers either.
    const declared = await dung('POST', '/businesses', AN_PHAT);
    expect(declared.statusCode, declared.body).toBe(200);
    expect(declared.json().businesses).toContainEqual({ ...AN_PHAT, representation: 'declared' });
    expect((await actAs(dung, { kind: 'business', taxCode: AN_PHAT.taxCode })).statusCode).toBe(200);
    expect(await idsOf(dung)).toEqual([]);
    expect((await dung('GET', `/dossiers/${anPhatCounter}`)).statusCode).toBe(404);
  });

  it('lets an email account declare a business: a wrong tax code is named next to the field, and it acts for it only on what it submitted', async () => {
    const giang = await viaEmail('giang@example.vn');
    const wrong = await giang('POST', '/businesses', { taxCode: '0100107519', name: AN_PHAT.name });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([
      expect.objectContaining({ path: 'taxCode', message: expect.stringContaining('chữ số kiểm tra') }),
    ]);
    const short = await giang(
      'POST',
      '/businesses',
      { taxCode: '01001', name: AN_PHAT.name },
      { 'accept-language': 'en' },
    );
    expect(short.json().errors[0].message).toContain('10 digits');

    const ok = await giang('POST', '/businesses', { taxCode: '0100107518001', name: 'Chi nhánh An Phát' });
    expect(ok.json().businesses).toEqual([
      { taxCode: '0100107518-001', name: 'Chi nhánh An Phát', representation: 'declared' },
    ]);
    expect((await actAs(giang, { kind: 'business', taxCode: '0100107518-001' })).statusCode).toBe(200);
    const branchCounter = await counterDossier({
      name: 'Nguyễn Giang',
      organisation: 'Chi nhánh An Phát',
      idNumber: '0100107518-001',
    });
    expect(await idsOf(giang)).toEqual([]);
    expect((await giang('GET', `/dossiers/${branchCounter}`)).statusCode).toBe(404);

    const mine = await submitOnline(giang);
    expect(await idsOf(giang)).toEqual([mine.dossierId]);
    const [row] = await t.db.query<{ applicant: Applicant }>('SELECT applicant FROM dossier WHERE id = $1', [
      mine.dossierId,
    ]);
    expect(row!.applicant).toMatchObject({ organisation: 'Chi nhánh An Phát', idNumber: '0100107518-001' });
    // Acting as herself, the business's dossier is not among hers.
    await actAs(giang, { kind: 'self' });
    expect(await idsOf(giang)).toEqual([]);
  });

  it('stops acting for a business the provider no longer names at the next sign-in', async () => {
    PEOPLE['vneid-cuong'] = { name: 'Lê Văn Cường', identity_number: CUONG_ID };
    const again = await viaProvider('vneid-cuong');
    expect((await again('GET', '/businesses')).json().businesses).toEqual([]);
    // The earlier session had chosen the business; it no longer acts for it.
    expect((await actAs(cuong, { kind: 'business', taxCode: AN_PHAT.taxCode })).statusCode).toBe(422);
    expect(await idsOf(again)).not.toContain(anPhatCounter);
  });
});
