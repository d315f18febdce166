import { createRequire } from 'node:module';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, publicUrlMissing } from '../src/config.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { receiveAtCounter, workPermitProcedure } from './support/staff.ts';

const require = createRequire(import.meta.url);
const { PNG } = require('pngjs') as {
  PNG: { sync: { read(data: Buffer): { width: number; height: number; data: Buffer } } };
};
// A QR decoder, as a phone's camera app reads the code.
const jsQR = require('jsqr') as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

/** What a phone camera reads from the receipt: the QR code of the PDF, decoded. */
async function qrOfPdf(pdf: Buffer): Promise<string | null> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const images = await parser.getImage({ imageBuffer: true, imageDataUrl: false });
    for (const image of images.pages.flatMap((p) => p.images)) {
      const png = PNG.sync.read(Buffer.from(image.data));
      const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      if (code) return code.data;
    }
    return null;
  } finally {
    await parser.destroy();
  }
}

async function receiveAndPrint(t: TestApp): Promise<{ code: string; qr: string | null; client: TestClient }> {
  const client = t.client();
  await client.login('tiepnhan');
  const procedure = await workPermitProcedure(t);
  const created = await receiveAtCounter(client, procedure, {
    name: 'Nguyễn Văn An',
    idNumber: '079203001234',
  });
  const d = created.json();
  const pdf = await client.request({ url: `/api/v1/dossiers/${d.id}/forms/01.pdf` });
  expect(pdf.statusCode).toBe(200);
  return { code: d.code, qr: await qrOfPdf(pdf.rawPayload), client };
}

describe('PUBLIC_URL', () => {
  it('is reported missing only outside the demo, when it is not set', () => {
    expect(publicUrlMissing(loadConfig({ SEED_DEMO: 'false' }))).toBe(true);
    expect(publicUrlMissing(loadConfig({}))).toBe(false);
    expect(
      publicUrlMissing(loadConfig({ SEED_DEMO: 'false', PUBLIC_URL: 'https://dvc.example.gov.vn' })),
    ).toBe(false);
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });
});

describe.each(engines)('the QR code of the receipt on %s', (engine) => {
  let configured: TestApp;
  let unset: TestApp;
  beforeAll(async () => {
    configured = await startTestApp(engine, { env: { PUBLIC_URL: 'https://motcua.example.gov.vn/' } });
    unset = await startTestApp(engine, { env: { SEED_DEMO: 'false', PORT: '3000' } });
  });
  afterAll(async () => {
    await configured?.close();
    await unset?.close();
  });

  it('opens the public lookup page of the dossier at PUBLIC_URL', async () => {
    const { code, qr, client } = await receiveAndPrint(configured);
    expect(qr).toBe(`https://motcua.example.gov.vn/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`);
    const address = (await client.request({ url: '/api/v1/dossiers/receipt-address' })).json();
    expect(address).toEqual({
      publicUrl: 'https://motcua.example.gov.vn/',
      configured: true,
      missing: false,
    });
  });

  it('points to localhost without PUBLIC_URL, and the counter is told before printing', async () => {
    const { code, qr, client } = await receiveAndPrint(unset);
    expect(qr).toBe(`http://localhost:3000/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`);
    const address = (await client.request({ url: '/api/v1/dossiers/receipt-address' })).json();
    expect(address).toEqual({ publicUrl: 'http://localhost:3000', configured: false, missing: true });
    expect((await unset.app.inject({ url: '/api/v1/dossiers/receipt-address' })).statusCode).toBe(401);
  });
});
