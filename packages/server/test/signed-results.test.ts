/**
 * Signed electronic results: the leader's approval yields the result as a PDF signed with the
 * agency's certificate (a CA made here with node-forge), which verifies, here independently with
 * Node's crypto and on the public verification API; a tampered copy, an unsigned PDF and a non-PDF
 * get their own verdicts; the public answer names no citizen; if signing fails the approval is
 * rolled back with 503 result_signing_failed.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRoles } from '../src/auth/sessions.ts';
import { actOnDossier } from '../src/dossiers/service.ts';
import { makeDemoChain, toP12 } from '../src/signing/keys.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { asn1Of, independentlyVerify, lastSignature } from './support/pdf-signature.ts';
import { receiveAtCounter, signIn, workPermitProcedure } from './support/staff.ts';

const APPLICANT = 'Lê Văn Minh';

interface Dossier {
  id: string;
  version: number;
  state: string;
  code: string;
  step: { role: string } | null;
  documents: { id: string; kind: string; name: string; mediaType: string }[];
}

/** Signing material of the test's own CA: a PKCS#12 file of a certificate it issued. */
async function testCertificate() {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-signing-'));
  const chain = makeDemoChain('Sở Nội vụ tỉnh Thử nghiệm');
  const p12 = join(dir, 'agency.p12');
  await writeFile(p12, toP12(chain.key, [chain.cert], 'mat-khau'));
  const ca = join(dir, 'ca.pem');
  await writeFile(ca, forge.pki.certificateToPem(chain.ca));
  const certDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(chain.cert)).getBytes(), 'binary');
  return { dir, p12, ca, caPem: forge.pki.certificateToPem(chain.ca), certDer };
}

const derOf = (node: forge.asn1.Asn1) => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
const kids = (node: forge.asn1.Asn1 | undefined) => (node?.value ?? []) as forge.asn1.Asn1[];

/**
 * The signed attributes of the PDF's CMS, read with the ASN.1 parser alone (RFC 5652):
 * ContentInfo → [0] SignedData → signerInfos (its last SET) → SignerInfo → [0] signedAttrs; by OID.
 */
function signedAttributes(pdf: Buffer) {
  const cms = asn1Of(lastSignature(pdf).cms);
  const signedData = kids(kids(cms)[1])[0];
  const signerInfos = kids(signedData)
    .filter((x) => x.type === forge.asn1.Type.SET)
    .at(-1);
  const signerInfo = kids(signerInfos)[0];
  const attrs = kids(signerInfo).find(
    (x) => x.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && x.type === 0,
  );
  const byOid = new Map<string, forge.asn1.Asn1>();
  for (const attr of kids(attrs)) {
    const [type, values] = kids(attr);
    byOid.set(forge.asn1.derToOid(type!.value as string), kids(values)[0]!);
  }
  return byOid;
}

function multipart(filename: string, data: Uint8Array, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([data]), filename);
  return new Request('http://x/', { method: 'POST', body: form });
}

async function post(client: { request: TestClient['request'] }, url: string, req: Request) {
  return client.request({
    method: 'POST',
    url,
    payload: Buffer.from(await req.arrayBuffer()),
    headers: { 'content-type': req.headers.get('content-type')! },
  });
}

/** A counter dossier of the work-permit procedure, moved on to the leader. */
async function dossierAwaitingApproval(t: TestApp, c: Record<string, TestClient>): Promise<Dossier> {
  const procedure = await workPermitProcedure(t);
  const created = await receiveAtCounter(c.tiepnhan!, procedure, APPLICANT);
  let d: Dossier = created.json();
  const act = async (who: string, action: string) => {
    const res = await c[who]!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/${action}`,
      payload: { version: d.version, input: {} },
    });
    expect(res.statusCode, res.body).toBe(200);
    d = res.json();
  };
  if (d.step?.role === 'counter_officer') await act('tiepnhan', 'forward_step');
  await act('chuyenvien', 'forward_step');
  await act('truongphong', 'forward_step');
  expect(d.state).toBe('awaiting_approval');
  return d;
}

describe.each(engines)('signed electronic results on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  let cert: Awaited<ReturnType<typeof testCertificate>>;
  let d: Dossier;
  let pdf: Buffer;
  let documentId: string;

  beforeAll(async () => {
    cert = await testCertificate();
    t = await startTestApp(engine, {
      env: {
        SEED_DEMO_DOSSIERS: '0',
        LOGIN_RATE_PER_MINUTE: '1000',
        DATA_DIR: cert.dir,
        RESULT_SIGNING_P12_FILE: cert.p12,
        RESULT_SIGNING_P12_PASSWORD: 'mat-khau',
        RESULT_SIGNING_CA_FILE: cert.ca,
      },
    });
    await signIn(t, ['tiepnhan', 'chuyenvien', 'truongphong', 'lanhdao'], c);
    d = await dossierAwaitingApproval(t, c);
  });
  afterAll(() => t.close());

  it('signs the result at approval; the counter downloads a PDF whose signature verifies against the CA', async () => {
    const approved = await c.lanhdao!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/approve`,
      payload: { version: d.version, input: { outcome: 'granted', resultNumber: '123/GPLĐ' } },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    d = approved.json();
    expect(d.state).toBe('result_ready');
    const result = d.documents.find((x) => x.kind === 'result');
    expect(result).toMatchObject({ name: 'Kết quả giải quyết (đã ký số)', mediaType: 'application/pdf' });
    documentId = result!.id;

    const download = await c.tiepnhan!.request({ url: `/api/v1/dossiers/${d.id}/documents/${documentId}` });
    expect(download.statusCode).toBe(200);
    pdf = download.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/ETSI.CAdES.detached');
    const check = independentlyVerify(pdf, cert.caPem);
    expect(check).toMatchObject({ signatureOk: true, digestInAttrs: true, issuedByCa: true });
    expect(check.subject).toContain('Sở Nội vụ tỉnh Thử nghiệm');

    const [row] = await t.db.query<{ sha256: string; signer_subject: string }>(
      'SELECT sha256, signer_subject FROM signed_result WHERE document_id = $1',
      [documentId],
    );
    expect(row!.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(row!.signer_subject).toContain('Sở Nội vụ tỉnh Thử nghiệm');
  });

  it('is a PAdES B-B signature: ESS signing-certificate-v2 names the signer certificate, the time is /M', async () => {
    const attrs = signedAttributes(pdf);
    // id-aa-signingCertificateV2 (RFC 5035): SigningCertificateV2 → certs → ESSCertIDv2.
    const v2 = attrs.get('1.2.840.113549.1.9.16.2.47');
    expect(v2, 'signing-certificate-v2 attribute').toBeDefined();
    const essCertId = kids(kids(v2)[0])[0];
    const [first, second] = kids(essCertId);
    // SHA-256 is the default hash algorithm, so the first field is the certificate's hash itself.
    expect(first!.type).toBe(forge.asn1.Type.OCTETSTRING);
    const certHash = Buffer.from(first!.value as string, 'binary');
    expect(certHash.toString('hex')).toBe(createHash('sha256').update(cert.certDer).digest('hex'));
    // issuerSerial: the signer certificate's issuer and serial number.
    const signer = new X509Certificate(cert.certDer);
    const [, serial] = kids(second);
    expect(derOf(serial!).subarray(2).toString('hex').toUpperCase()).toBe(signer.serialNumber);
    expect(attrs.get('1.2.840.113549.1.9.3')).toBeDefined(); // content-type
    expect(attrs.get('1.2.840.113549.1.9.4')).toBeDefined(); // message-digest
    // PAdES baseline: no CMS signing-time; the claimed time is the signature dictionary's /M.
    expect(attrs.has('1.2.840.113549.1.9.5')).toBe(false);
    expect(pdf.toString('latin1')).toMatch(/\/M\s*\(D:\d{14}/);
  });

  it('the signed PDF shows the signature block in Vietnamese with the document id', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.load(pdf);
    expect(doc.getTitle()).toBe(`Kết quả giải quyết hồ sơ ${d.code}`);
    // The text a reader sees on the page (pdf-parse), NFC and with line breaks as spaces.
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const text = (await parser.getText().finally(() => parser.destroy())).text
      .normalize('NFC')
      .replace(/\s+/g, ' ');
    expect(text).toContain('ĐÃ KÝ SỐ');
    expect(text).toContain('Cơ quan: Sở Nội vụ');
    expect(text).toContain('Người ký: Phạm Quốc Dũng'); // the seeded leader who approved
    expect(text).toMatch(/Thời gian ký: \d{2} giờ \d{2} phút, ngày \d{2}\/\d{1,2}\/\d{4}/);
    expect(text).toContain(`Mã văn bản: ${documentId}`);
    expect(text).toContain(`/xac-thuc/${documentId}`);
    expect(text).toContain(APPLICANT);
    // The visible signature's widget and the QR image are in the file.
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    expect(pdf.toString('latin1')).toMatch(/\/FT\s*\/Sig/);
  });

  it('the public verification says valid, names the agency and the date, and no citizen', async () => {
    const anonymous = t.client();
    for (const res of [
      await post(anonymous, '/api/v1/public/verify', multipart('ket-qua.pdf', pdf)),
      await anonymous.request({ url: `/api/v1/public/verify/${documentId}` }),
    ]) {
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ verdict: 'valid', signatureValid: true, unchanged: true });
      expect(body.message).toBe('Chữ ký số hợp lệ; văn bản còn nguyên vẹn, đúng bản do cơ quan cấp.');
      expect(body.document.documentId).toBe(documentId);
      expect(body.document.procedureName).toMatch(/^Cấp giấy phép lao động/);
      expect(body.document.agencyName.length).toBeGreaterThan(0);
      expect(body.document.dossierCode).not.toBe(d.code);
      expect(res.body).not.toContain(APPLICANT);
      expect(res.body).not.toContain(d.code);
    }
  });

  it('rejects a tampered copy, an unsigned PDF, a copy with content appended and a file that is not a PDF', async () => {
    const verdictOf = async (name: string, data: Uint8Array) => {
      const res = await post(t.client(), '/api/v1/public/verify', multipart(name, data));
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    // One byte of the page content changed, inside the signed range.
    const tampered = Buffer.from(pdf);
    const at = Math.floor(pdf.indexOf('/ByteRange') / 2);
    tampered[at] = tampered[at]! ^ 0x01;
    const t1 = await verdictOf('sua.pdf', tampered);
    expect(t1).toMatchObject({ verdict: 'altered', signatureValid: false, unchanged: false, document: null });
    expect(t1.message).toMatch(/đã bị thay đổi/);

    const receipt = await c.tiepnhan!.request({ url: `/api/v1/dossiers/${d.id}/forms/01.pdf` });
    const t2 = await verdictOf('bien-nhan.pdf', receipt.rawPayload);
    expect(t2).toMatchObject({ verdict: 'unsigned', signatureValid: false, document: null });
    expect(t2.message).toMatch(/không có chữ ký số/);

    // An incremental update after the signature: the signed ranges still check, the file is not the one issued.
    const appended = Buffer.concat([pdf, Buffer.from('\n% thêm nội dung\n', 'latin1')]);
    const t3 = await verdictOf('them.pdf', appended);
    expect(t3).toMatchObject({ verdict: 'not_issued', unchanged: false, document: null });

    const png = await readFile(join(import.meta.dirname, 'fixtures', 'scan.jpg'));
    const t4 = await verdictOf('anh.jpg', png);
    expect(t4).toMatchObject({ verdict: 'not_pdf', document: null });
    expect(t4.message).toMatch(/không phải văn bản PDF/);
  });

  it('index 766 measures 4.1 from the signed results and 4.2 from the digitised copies', async () => {
    // This month: d (approved and signed above, now handed over: resolved) and a second dossier
    // received at the counter, whose paper copy the counter digitises.
    const returned = await c.tiepnhan!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/return_result`,
      payload: { version: d.version, input: { channel: 'counter' } },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const second = await dossierAwaitingApproval(t, c);
    const scan = (await c.tiepnhan!.request({ url: `/api/v1/dossiers/${second.id}/forms/01.pdf` }))
      .rawPayload;
    const up = await post(
      c.tiepnhan!,
      `/api/v1/dossiers/${second.id}/documents`,
      multipart('ban-so-hoa.pdf', scan, { kind: 'digitised', name: 'Bản số hóa kết quả giấy' }),
    );
    expect(up.statusCode, up.body).toBe(201);

    const [{ agency_id: agency } = { agency_id: '' }] = await t.db.query<{ agency_id: string }>(
      'SELECT agency_id FROM dossier WHERE id = $1',
      [d.id],
    );
    const [y, m] = new Date(t.ctx.now().getTime() + 7 * 3_600_000).toISOString().split('-').map(Number);
    const res = await c.lanhdao!.request({
      url: `/api/v1/reports/766?agency=${agency}&period=month&year=${y}&index=${m}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const one = (code: string) => res.json().indicators.find((i: { code: string }) => i.code === code);
    // 4.1: 1 result signed of 1 dossier resolved = 100% → all 6 points.
    expect(one('4.1')).toMatchObject({
      status: 'measured',
      numerator: 1,
      denominator: 1,
      rate: 100,
      score: 6,
    });
    // 4.2: 1 dossier digitised of 2 received = 50% against the 80% target → 4 × 50 / 80 = 2.5 points.
    expect(one('4.2')).toMatchObject({
      status: 'measured',
      numerator: 1,
      denominator: 2,
      rate: 50,
      score: 2.5,
    });
  });

  it('answers 404 with a clear message for an unknown document id, 400 without a file', async () => {
    const res = await t
      .client()
      .request({ url: '/api/v1/public/verify/00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('verify_document_not_found');
    const empty = new FormData();
    empty.append('note', 'x');
    const req = new Request('http://x/', { method: 'POST', body: empty });
    const none = await post(t.client(), '/api/v1/public/verify', req);
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('verify_file_missing');
  });
});

describe.each(engines)('a signing failure on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-signing-'));
    await writeFile(join(dir, 'broken.p12'), Buffer.from('không phải chứng thư'));
    t = await startTestApp(engine, {
      env: {
        SEED_DEMO_DOSSIERS: '0',
        LOGIN_RATE_PER_MINUTE: '1000',
        DATA_DIR: dir,
        RESULT_SIGNING_P12_FILE: join(dir, 'broken.p12'),
      },
    });
    await signIn(t, ['tiepnhan', 'chuyenvien', 'truongphong', 'lanhdao'], c);
  });
  afterAll(() => t.close());

  it('rolls the approval back with 503 result_signing_failed; the dossier still awaits approval', async () => {
    const d = await dossierAwaitingApproval(t, c);
    const res = await c.lanhdao!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/approve`,
      payload: { version: d.version, input: { outcome: 'granted' } },
    });
    expect(res.statusCode, res.body).toBe(503);
    expect(res.json().code).toBe('result_signing_failed');
    expect(res.json().detail).toMatch(/chưa được phê duyệt/);
    const after = (await c.lanhdao!.request({ url: `/api/v1/dossiers/${d.id}` })).json();
    expect(after).toMatchObject({ state: 'awaiting_approval', version: d.version });
    expect(after.documents.filter((x: { kind: string }) => x.kind === 'result')).toEqual([]);
    const rows = await t.db.query('SELECT 1 FROM signed_result');
    expect(rows).toEqual([]);
  });

  it('the approval use case itself signs: called without the route, a signing failure still rolls it back', async () => {
    const d = await dossierAwaitingApproval(t, c);
    const [leader] = await t.db.query<{ id: string; full_name: string }>(
      "SELECT id, full_name FROM app_user WHERE username = 'lanhdao'",
    );
    const grants = (await loadRoles(t.db, leader!.id)).map((g) => ({ role: g.role, unitId: g.unitId }));
    const approve = t.db.transaction((tx) =>
      actOnDossier(
        t.ctx,
        tx,
        { dossierId: d.id, action: 'approve', expectedVersion: d.version, input: { outcome: 'granted' } },
        { userId: leader!.id, name: leader!.full_name, grants },
      ),
    );
    await expect(approve).rejects.toMatchObject({ status: 503, code: 'result_signing_failed' });
    const after = (await c.lanhdao!.request({ url: `/api/v1/dossiers/${d.id}` })).json();
    expect(after).toMatchObject({ state: 'awaiting_approval', version: d.version });
  });
});
