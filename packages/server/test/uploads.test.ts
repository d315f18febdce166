import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/dossiers/audit-chain.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { receiveAtCounter, signIn, workPermitProcedure } from './support/staff.ts';
import { deflatedRepeat, makeZip } from './support/zip.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function pdf(useObjectStreams: boolean): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 200]).drawText('Ho chieu');
  return Buffer.from(await doc.save({ useObjectStreams }));
}

/** An uncompressed 2x2 grey TIFF, as a scanner writes one. */
function tiff(): Buffer {
  const entries: [number, number, number][] = [
    [256, 3, 2], // ImageWidth
    [257, 3, 2], // ImageLength
    [258, 3, 8], // BitsPerSample
    [259, 3, 1], // Compression: none
    [262, 3, 1], // Photometric: black is zero
    [273, 4, 8 + 2 + 9 * 12 + 4], // StripOffsets
    [277, 3, 1], // SamplesPerPixel
    [278, 3, 2], // RowsPerStrip
    [279, 4, 4], // StripByteCounts
  ];
  const out = Buffer.alloc(8 + 2 + entries.length * 12 + 4 + 4);
  out.write('II*\0', 0, 'latin1');
  out.writeUInt32LE(8, 4);
  out.writeUInt16LE(entries.length, 8);
  entries.forEach(([tag, type, value], i) => {
    const at = 10 + i * 12;
    out.writeUInt16LE(tag, at);
    out.writeUInt16LE(type, at + 2);
    out.writeUInt32LE(1, at + 4);
    if (type === 3) out.writeUInt16LE(value, at + 8);
    else out.writeUInt32LE(value, at + 8);
  });
  Buffer.from([0x20, 0x80, 0xc0, 0xff]).copy(out, out.length - 4);
  return out;
}

/** Every file under a folder, however deep. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe.each(engines)('dossier uploads on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  let dossierId: string;

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { UPLOAD_MAX_MB: '1', SEED_DEMO_DOSSIERS: '0' } });
    await signIn(t, ['tiepnhan', 'thamdinh', 'congdan'], c);
    const procedure = await workPermitProcedure(t);
    const created = await receiveAtCounter(c.tiepnhan!, procedure, 'Nguyễn Thị Thu Hà');
    dossierId = created.json().id;
  });
  afterAll(() => t.close());

  /**
   * Sends a file as a browser would. `cuts` are offsets in the file where the body is split into
   * separate network chunks, so a test can make the limit fall exactly on a chunk boundary.
   */
  const upload = async (
    who: string,
    filename: string,
    data: Uint8Array,
    options: { id?: string; cuts?: number[]; language?: string } = {},
  ) => {
    const form = new FormData();
    form.append('name', 'Bản quét');
    form.append('file', new Blob([data]), filename);
    const req = new Request('http://x/', { method: 'POST', body: form });
    const body = Buffer.from(await req.arrayBuffer());
    const start = body.indexOf(Buffer.from(data.subarray(0, 16)));
    const offsets = [0, ...(options.cuts ?? []).map((cut) => start + cut), body.length];
    const chunks = offsets.slice(1).map((end, i) => body.subarray(offsets[i], end));
    return c[who]!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${options.id ?? dossierId}/documents`,
      payload: options.cuts ? Readable.from(chunks, { objectMode: false }) : body,
      headers: {
        'content-type': req.headers.get('content-type')!,
        'content-length': String(body.length),
        ...(options.language ? { 'accept-language': options.language } : {}),
      },
    });
  };

  const documentRows = async () =>
    (await t.db.query('SELECT id FROM dossier_document WHERE dossier_id = $1', [dossierId])).length;

  it('refuses every file above UPLOAD_MAX_MB with 413 and stores nothing', async () => {
    const limit = t.ctx.config.uploadMaxBytes;
    const sizes = [
      limit + 1,
      limit + 1000,
      limit + 16 * 1024,
      limit + 64 * 1024,
      2 * limit,
      3 * limit + 12345,
    ];
    for (let extra = 1; extra <= 64 * 1024; extra *= 2) sizes.push(limit + extra);
    for (const size of sizes) {
      const data = Buffer.alloc(size, 0x41);
      Buffer.from('%PDF-1.4\n').copy(data);
      // Whole, and cut by the network exactly at the limit, just before it, and in small pieces.
      for (const cuts of [
        undefined,
        [limit],
        [limit - 1],
        [limit - 7, limit, limit + 1],
        [4096, 65536, limit],
      ]) {
        const res = await upload('tiepnhan', 'lon.pdf', data, { cuts });
        expect(res.statusCode, `${size} bytes cut at ${cuts}: ${res.body}`).toBe(413);
        expect(res.json().code).toBe('upload_too_large');
        expect(res.json().detail).toContain('1 MB');
      }
    }
    expect(await documentRows()).toBe(0);
    expect(await filesUnder(t.ctx.files.root)).toEqual([]);
    expect((await t.db.query('SELECT sha256 FROM stored_file')).length).toBe(0);
  });

  it('accepts real PDF, PNG, JPEG, TIFF and DOCX files, judged by their content', async () => {
    const form = await c.tiepnhan!.request({ url: `/api/v1/dossiers/${dossierId}/forms/01.pdf` });
    const word = await c.tiepnhan!.request({ url: `/api/v1/dossiers/${dossierId}/forms/01.docx` });
    expect(form.statusCode).toBe(200);
    const files: [string, Buffer, string][] = [
      ['bien-nhan.pdf', form.rawPayload, 'application/pdf'],
      ['ho-chieu.pdf', await pdf(true), 'application/pdf'],
      ['ho-chieu-cu.pdf', await pdf(false), 'application/pdf'],
      ['ma-qr.png', await QRCode.toBuffer('https://motcua.example/tra-cuu'), 'image/png'],
      ['anh-chup.jpg', await readFile(join(import.meta.dirname, 'fixtures', 'scan.jpg')), 'image/jpeg'],
      ['ban-quet.tif', tiff(), 'image/tiff'],
      ['don.docx', word.rawPayload, DOCX_TYPE],
    ];
    for (const [filename, data, mediaType] of files) {
      const res = await upload('tiepnhan', filename, data);
      expect(res.statusCode, `${filename}: ${res.body}`).toBe(201);
      expect(res.json().mediaType).toBe(mediaType);
    }
  });

  it('refuses files that only start like an accepted kind, saying what to do, and stores nothing', async () => {
    const good = await pdf(false);
    const png = await QRCode.toBuffer('https://motcua.example/tra-cuu');
    const brokenIhdr = Buffer.from(png);
    brokenIhdr.writeUInt32BE(0, 16); // width 0, CRC no longer matching
    const word = (await c.tiepnhan!.request({ url: `/api/v1/dossiers/${dossierId}/forms/01.docx` }))
      .rawPayload;
    const contentTypes = Buffer.from(
      `<Types><Override PartName="/word/document.xml" ContentType="${DOCX_TYPE.replace('document', 'document.main+xml')}"/></Types>`,
    );
    const zeros = 100 * 1024 * 1024;
    const bomb = await deflatedRepeat('\0', zeros);
    const cases: [string, Buffer, number, RegExp][] = [
      [
        'chuong-trinh.pdf',
        Buffer.concat([
          Buffer.from('%PDF-'),
          Buffer.from('MZ\x90\x00\x03 This program cannot be run in DOS mode', 'latin1'),
        ]),
        422,
        /PDF/,
      ],
      [
        'trang-web.pdf',
        Buffer.from('%PDF-1.7\n<html><body><script>alert(1)</script></body></html>\n%%EOF\n'),
        422,
        /PDF/,
      ],
      ['cat-ngang.pdf', good.subarray(0, Math.floor(good.length * 0.7)), 422, /không đầy đủ/],
      [
        'rac.pdf',
        Buffer.concat([
          Buffer.from('%PDF-1.4\n'),
          Buffer.alloc(4000, 0x5a),
          Buffer.from('\nstartxref\n9\n%%EOF\n'),
        ]),
        422,
        /PDF/,
      ],
      ['hong.png', brokenIhdr, 422, /PNG/],
      ['cut.png', png.subarray(0, png.length - 20), 422, /PNG/],
      [
        'gia.jpg',
        Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html></html>')]),
        422,
        /JPEG/,
      ],
      ['gia.tif', Buffer.concat([Buffer.from('II*\0'), Buffer.alloc(40, 0xff)]), 422, /TIFF/],
      ['khong-phai-zip.docx', Buffer.from('<html>Đây không phải tài liệu Word</html>'), 415, /Word/],
      [
        'thieu-content-types.docx',
        makeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]),
        415,
        /Word/,
      ],
      ['thieu-document.docx', makeZip([{ name: '[Content_Types].xml', data: contentTypes }]), 415, /Word/],
      ['hong.docx', word.subarray(0, word.length - 200), 422, /DOCX/],
      [
        'bom.docx',
        makeZip([
          { name: '[Content_Types].xml', data: contentTypes },
          { name: 'word/document.xml', data: Buffer.alloc(0), packed: bomb, size: zeros, crc: 0 },
        ]),
        422,
        /giải nén/,
      ],
      [
        'bom-noi-doi.docx',
        makeZip([
          { name: '[Content_Types].xml', data: contentTypes },
          { name: 'word/document.xml', data: Buffer.alloc(0), packed: bomb, size: 2000, crc: 0 },
        ]),
        422,
        /giải nén/,
      ],
    ];
    const before = await documentRows();
    const storedBefore = (await filesUnder(t.ctx.files.root)).length;
    for (const [filename, data, status, message] of cases) {
      const res = await upload('tiepnhan', filename, data);
      expect(res.statusCode, `${filename}: ${res.body}`).toBe(status);
      expect(res.json().detail, filename).toMatch(message);
      expect(res.json().detail, filename).toMatch(/tải lên lại|Chỉ nhận/);
    }
    const english = await upload('tiepnhan', 'x.png', brokenIhdr, { language: 'en' });
    expect(english.json().code).toBe('upload_damaged');
    expect(english.json().detail).toMatch(/damaged/);
    expect(await documentRows()).toBe(before);
    expect((await filesUnder(t.ctx.files.root)).length).toBe(storedBefore);
  });

  it('refuses a catalogue workbook that unpacks to 100 MiB without unpacking it', async () => {
    const admin = t.client();
    await admin.login('admin');
    const strings = 100 * 1024 * 1024;
    const packed = await deflatedRepeat('A', strings);
    const parts = (size: number) => [
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(0), packed, size, crc: 0 },
    ];
    for (const [label, workbook] of [
      ['honest', makeZip(parts(strings))],
      ['lying', makeZip(parts(4096))],
    ] as const) {
      expect(workbook.length).toBeLessThan(200 * 1024);
      const form = new FormData();
      form.append('file', new Blob([workbook]), 'danh-muc.xlsx');
      const req = new Request('http://x/', { method: 'POST', body: form });
      let peak = 0;
      const base = process.memoryUsage().arrayBuffers;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().arrayBuffers - base);
      }, 1);
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/admin/catalogue/import',
        payload: Buffer.from(await req.arrayBuffer()),
        headers: { 'content-type': req.headers.get('content-type')! },
      });
      clearInterval(sampler);
      expect(res.statusCode, `${label}: ${res.body}`).toBe(422);
      expect(res.json().errors[0].message, label).toMatch(/giải nén/);
      expect(peak, label).toBeLessThan(50 * 1024 * 1024);
    }
  });

  it('records each upload in the dossier history, chained, and lets only those who work on it upload', async () => {
    const scan = await pdf(true);
    const res = await upload('tiepnhan', 'giay-to.pdf', scan);
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await c.tiepnhan!.request({ url: `/api/v1/dossiers/${dossierId}` })).json();
    const last = detail.events.at(-1);
    expect(last.action).toBe('document_added');
    expect(last.title).toBe('Đính kèm tài liệu');
    expect(last.payload).toMatchObject({
      documentId: res.json().id,
      name: 'Bản quét',
      mediaType: 'application/pdf',
    });
    expect((await verifyAuditChain(t.db)).firstProblem).toBeNull();

    const rows = await documentRows();
    const appraiser = await upload('thamdinh', 'giay-to.pdf', scan);
    expect([403, 404]).toContain(appraiser.statusCode);
    const stranger = await upload('congdan', 'giay-to.pdf', scan);
    expect([403, 404]).toContain(stranger.statusCode);
    expect(await documentRows()).toBe(rows);
  });
});
