import { createRequire } from 'node:module';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { PDFParse } from 'pdf-parse';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { balancedLines } from '../src/documents/forms.ts';
import {
  FORM_CODES,
  FORMS,
  type FormCode,
  type FormContext,
  FormDataError,
  findSerifFontFiles,
  formInfo,
  placeAndDate,
  renderFormDocx,
  renderFormPdf,
  viDateTime,
  viLongDate,
  viShortDate,
} from '../src/documents/index.ts';

const { PNG } = createRequire(import.meta.url)('pngjs') as {
  PNG: { sync: { read(data: Buffer): { width: number; height: number; data: Buffer } } };
};

/** A local time in Vietnam. */
const vn = (local: string) => new Date(`${local}+07:00`);

const CODE = '000.00.12.H57-260305-0001';
const LOOKUP = `https://dichvucong.example.gov.vn/tra-cuu?ma=${CODE}`;

function context(): FormContext {
  return {
    agency: { parentName: 'UBND Thành phố Hồ Chí Minh', name: 'Sở Nội vụ', place: 'Thành phố Hồ Chí Minh' },
    receivingUnit: { name: 'Bộ phận Một cửa Sở Nội vụ', address: '159 Pasteur, Phường Xuân Hòa' },
    dossier: {
      code: CODE,
      procedureName: 'Giải quyết hưởng trợ cấp thất nghiệp',
      procedureCode: '1.001978',
      fieldName: 'Việc làm',
      processingTime: { amount: 15, unit: 'working_days' },
      receivedAt: vn('2026-03-05T08:30:00'),
      dueAt: vn('2026-03-26T16:00:00'),
      channel: 'counter',
      registerBook: '01',
      registerNumber: 125,
      leadUnit: 'Phòng Lao động - Việc làm',
    },
    applicant: {
      name: 'Nguyễn Thị Hồng Nhung',
      salutation: 'Bà',
      idNumber: '079186001234',
      address: '12 Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh',
      phone: '0903 123 456',
      email: 'nhung@example.vn',
    },
    documents: [
      { name: 'Đề nghị hưởng trợ cấp thất nghiệp (Mẫu số 03)', copies: 1, form: 'original' },
      { name: 'Quyết định thôi việc', copies: 1, form: 'certified_copy' },
    ],
    officer: { name: 'Trần Văn Bình' },
    signer: { name: 'Lê Thị Thu Hà', title: 'Phó Giám đốc', authority: 'KT. Giám đốc' },
    supplement: {
      items: [{ name: 'Sổ bảo hiểm xã hội', reason: 'chưa chốt thời gian đóng bảo hiểm thất nghiệp' }],
      officer: 'Trần Văn Bình',
      officerPhone: '028 3829 1234',
    },
    refusal: { reasons: ['Hồ sơ không thuộc thẩm quyền giải quyết của Sở Nội vụ'] },
    apology: { reason: 'Cần xác minh thời gian đóng bảo hiểm', newDueAt: vn('2026-04-02T16:00:00') },
    stop: { reason: 'Theo đề nghị rút hồ sơ của người nộp', requestedAt: vn('2026-03-10T09:00:00') },
    controlSheet: [
      {
        fromUnit: 'Bộ phận Một cửa',
        fromPerson: 'Trần Văn Bình',
        toUnit: 'Phòng Lao động - Việc làm',
        toPerson: 'Phạm Minh Tuấn',
        at: vn('2026-03-05T10:15:00'),
        result: 'early',
      },
      {
        fromUnit: 'Phòng Lao động - Việc làm',
        fromPerson: 'Phạm Minh Tuấn',
        toUnit: 'Lãnh đạo Sở',
        toPerson: 'Lê Thị Thu Hà',
        at: vn('2026-03-27T09:00:00'),
        result: 'late',
        note: 'Chờ ký số',
      },
    ],
    lookupUrl: LOOKUP,
    issuedAt: vn('2026-03-05T08:45:00'),
  };
}

/** Text as a reader sees it: NFC, and line breaks (a layout matter) as single spaces. */
const plain = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return plain((await parser.getText()).text);
  } finally {
    await parser.destroy();
  }
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

async function docxXml(docx: Buffer, path = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file(path);
  if (!file) throw new Error(`${path} missing`);
  return file.async('string');
}

/** The text of word/document.xml, paragraph by paragraph. */
async function docxText(docx: Buffer): Promise<string> {
  const xml = await docxXml(docx);
  const paragraphs = xml.split('</w:p>').map((p) =>
    [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1]!)
      .join('')
      .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]!),
  );
  return plain(paragraphs.join('\n'));
}

/** What every form must show: its title (printed in capitals), the code, the applicant, a Vietnamese date. */
function expectEssentials(text: string, form: FormCode) {
  expect(text).toContain(formInfo(form).title.toLocaleUpperCase('vi'));
  expect(text).toContain(CODE);
  expect(text).toContain('Nguyễn Thị Hồng Nhung');
  expect(text).toContain('Thành phố Hồ Chí Minh, ngày 05 tháng 3 năm 2026');
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
  expect(text).toContain('SỞ NỘI VỤ');
  const date: Partial<Record<FormCode, string>> = {
    '04': '16 giờ 00 phút, ngày 26/3/2026',
    '07': '05/3/2026',
  };
  expect(text).toContain(date[form] ?? '08 giờ 30 phút, ngày 05/3/2026');
}

describe('Vietnamese dates', () => {
  it('prints Vietnam time whatever the machine time zone, with the Decree 30 leading zeros', () => {
    // 20:15 UTC on 4 March is 03:15 on 5 March in Vietnam.
    const t = new Date('2026-03-04T20:15:00Z');
    expect(viDateTime(t)).toBe('03 giờ 15 phút, ngày 05/3/2026');
    expect(viLongDate(t)).toBe('ngày 05 tháng 3 năm 2026');
    expect(viShortDate(vn('2026-02-01T09:00:00'))).toBe('01/02/2026');
    expect(viLongDate(vn('2026-12-25T09:00:00'))).toBe('ngày 25 tháng 12 năm 2026');
    expect(placeAndDate('Hà Nội', vn('2026-01-09T09:00:00'))).toBe('Hà Nội, ngày 09 tháng 01 năm 2026');
  });
});

describe('form list', () => {
  it('has the seven forms of Appendix I with their Vietnamese titles', () => {
    expect(FORMS.map((f) => f.code)).toEqual([...FORM_CODES]);
    expect(formInfo('01').title).toBe('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    expect(formInfo('06').title).toBe('Phiếu kiểm soát quá trình giải quyết hồ sơ');
    expect(formInfo('07').orientation).toBe('landscape');
  });

  it('breaks long header names into even lines', () => {
    expect(balancedLines('UBND THÀNH PHỐ HỒ CHÍ MINH', 30)).toEqual(['UBND THÀNH PHỐ HỒ CHÍ MINH']);
    expect(balancedLines('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG', 23)).toEqual([
      'TRUNG TÂM PHỤC VỤ',
      'HÀNH CHÍNH CÔNG',
    ]);
  });
});

describe.each(FORMS.map((f) => f.code))('form %s', (form) => {
  it('renders a PDF with real, correctly accented text on A4', async () => {
    const pdf = await renderFormPdf(form, context());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expectEssentials(await pdfText(pdf), form);
    const doc = await PDFDocument.load(pdf);
    const { width, height } = doc.getPage(0).getSize();
    const [short, long] = form === '07' ? [height, width] : [width, height];
    expect(short).toBeCloseTo(595.3, 0);
    expect(long).toBeCloseTo(841.9, 0);
    expect(doc.getTitle()).toContain(formInfo(form).title);
  });

  it('renders a DOCX with the same content, in Times New Roman on A4', async () => {
    const docx = await renderFormDocx(form, context());
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expectEssentials(await docxText(docx), form);
    const xml = await docxXml(docx);
    expect(xml).toContain('w:ascii="Times New Roman"');
    // A4 (11906 x 16838 twips) with the Decree 30 margins: top and bottom 20 mm, left 30 mm, right 15 mm.
    const size = form === '07' ? 'w:w="16838" w:h="11906" w:orient="landscape"' : 'w:w="11906" w:h="16838"';
    expect(xml).toContain(size);
    expect(xml).toMatch(/<w:pgMar[^>]*w:top="1134"[^>]*w:right="850"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
  });
});

describe('form 01, the receipt', () => {
  it('carries a QR code of the lookup address and a barcode, in both formats', async () => {
    const ctx = context();
    const pdf = await renderFormPdf('01', ctx);
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const images = await parser.getImage({ imageBuffer: true, imageDataUrl: false });
    await parser.destroy();
    const found = images.pages.flatMap((p) => p.images);
    expect(found).toHaveLength(2);
    // The square image is the QR code: compare its modules with those of a QR code of the lookup URL.
    const qr = found.find((img) => img.width === img.height)!;
    const png = PNG.sync.read(Buffer.from(qr.data));
    const { modules } = QRCode.create(LOOKUP, { errorCorrectionLevel: 'M' });
    const scale = png.width / (modules.size + 2);
    let differences = 0;
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        const x = Math.floor((col + 1.5) * scale);
        const y = Math.floor((row + 1.5) * scale);
        const dark = png.data[(y * png.width + x) * 4]! < 128;
        if (dark !== !!modules.get(row, col)) differences++;
      }
    }
    expect(differences).toBe(0);

    const zip = await JSZip.loadAsync(await renderFormDocx('01', ctx));
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(2);
  });

  it('lists the documents received and the register entry', async () => {
    const text = await pdfText(await renderFormPdf('01', context()));
    expect(text).toContain('Quyết định thôi việc Bản sao có chứng thực 01');
    expect(text).toContain('16 giờ 00 phút, ngày 26/3/2026');
    expect(text).toContain('15 ngày làm việc');
    expect(text).toContain('Quyển số: 01, Số thứ tự: 125');
  });
});

describe("each form's own content", () => {
  it('04 gives the original and the new appointment and is signed for the director', async () => {
    const text = await pdfText(await renderFormPdf('04', context()));
    expect(text).toContain('16 giờ 00 phút, ngày 26/3/2026');
    expect(text).toContain('16 giờ 00 phút, ngày 02/4/2026');
    expect(text).toContain('Cần xác minh thời gian đóng bảo hiểm');
    expect(text).toContain('KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC');
    expect(text).toContain('Lê Thị Thu Hà');
  });

  it('06 has one row per hand-over with its result, and runs over pages repeating the header', async () => {
    const text = await pdfText(await renderFormPdf('06', context()));
    expect(text).toContain('10 giờ 15 phút ngày 05/3/2026 Trước hạn');
    expect(text).toContain('Quá hạn Chờ ký số');

    const ctx = context();
    const first = ctx.controlSheet![0]!;
    ctx.controlSheet = Array.from({ length: 30 }, (_, n) => ({ ...first, note: `Bước ${n + 1}` }));
    const pdf = await renderFormPdf('06', ctx);
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    expect(pages).toBeGreaterThan(1);
    const long = await pdfText(pdf);
    expect(long.split('Bên giao').length - 1).toBe(pages);
    expect(long).toContain('Bước 30');
  });

  it('07 lists the register rows given', async () => {
    const ctx = context();
    ctx.register = [
      {
        code: CODE,
        procedureName: 'Giải quyết hưởng trợ cấp thất nghiệp',
        applicantName: 'Nguyễn Thị Hồng Nhung',
        receivedAt: vn('2026-03-05T08:30:00'),
        dueAt: vn('2026-03-26T16:00:00'),
        returnedAt: vn('2026-03-20T10:00:00'),
        returnMethod: 'post',
      },
      {
        code: '000.00.12.H57-260305-0002',
        procedureName: 'Cấp giấy phép lao động cho người lao động nước ngoài',
        applicantName: 'Công ty TNHH Ánh Dương',
        receivedAt: vn('2026-03-05T09:10:00'),
        dueAt: vn('2026-03-12T16:00:00'),
      },
    ];
    const text = await pdfText(await renderFormPdf('07', ctx));
    expect(text).toContain('000.00.12.H57-260305-0002');
    expect(text).toContain('Công ty TNHH Ánh Dương');
    expect(text).toContain('20/3/2026');
    expect(text).toContain('Bưu chính công ích');
  });

  it('04 and 05 without a known signer name the office the regulation gives and leave the name to sign', async () => {
    const ctx = context();
    delete ctx.signer;
    const apology = await pdfText(await renderFormPdf('04', ctx));
    expect(apology).toContain('THỦ TRƯỞNG CƠ QUAN (Ký, ghi rõ họ tên và đóng dấu)');
    const stop = await pdfText(await renderFormPdf('05', ctx));
    expect(stop).toContain('LÃNH ĐẠO CƠ QUAN (Ký, ghi rõ họ tên và đóng dấu)');
    expect(stop).not.toContain('THỦ TRƯỞNG CƠ QUAN');
  });

  it('each form carries its number and its legal basis, Circular 03/2025', async () => {
    for (const form of FORM_CODES) {
      const text = await docxText(await renderFormDocx(form, context()));
      expect(text).toContain(
        `Mẫu số ${form} (ban hành kèm theo Thông tư số 03/2025/TT-VPCP ngày 15 tháng 9 năm 2025 của Văn phòng Chính phủ)`,
      );
      expect(text).not.toContain('01/2018');
    }
    expect(formInfo('04').title).toBe('Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết');
  });

  it('01 prints an organisation with its code and representative, and a proxy with their own details', async () => {
    const ctx = context();
    ctx.applicant = {
      kind: 'organisation',
      name: 'Công ty TNHH Ánh Dương',
      idNumber: '0312345678',
      representative: { name: 'Trần Văn Bình', idNumber: '079186001234' },
      proxy: { name: 'Lê Văn Cường', idNumber: '001099012345', phone: '0912345678' },
    };
    const text = await pdfText(await renderFormPdf('01', ctx));
    expect(text).toContain('tiếp nhận hồ sơ của: Công ty TNHH Ánh Dương');
    expect(text).toContain('Mã số doanh nghiệp/Mã số thuế: 0312345678');
    expect(text).toContain('Người đại diện: Ông/Bà Trần Văn Bình; số định danh cá nhân: 079186001234');
    expect(text).toContain(
      'Người nộp thay: Ông/Bà Lê Văn Cường; số định danh cá nhân: 001099012345; số điện thoại: 0912345678',
    );
  });

  it('refuses to render a form whose section is missing', async () => {
    const ctx = context();
    delete ctx.supplement;
    delete ctx.apology;
    await expect(renderFormPdf('02', ctx)).rejects.toBeInstanceOf(FormDataError);
    await expect(renderFormDocx('04', ctx)).rejects.toThrow(/form 04 needs apology/);
  });

  it('normalises decomposed (NFD) input to composed text', async () => {
    const ctx = context();
    ctx.applicant.name = 'Nguyễn Thị Hồng Nhung'.normalize('NFD');
    const pdf = await renderFormPdf('03', ctx);
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const raw = (await parser.getText()).text;
    await parser.destroy();
    expect(raw).toContain('Nguyễn Thị Hồng Nhung'.normalize('NFC'));
  });
});

describe('fonts', () => {
  it('uses Liberation Serif when installed, else DejaVu Serif from npm, with every face', async () => {
    const fallback = findSerifFontFiles(['/nonexistent']);
    expect(fallback.family).toBe('DejaVu Serif');
    expect(fallback.boldItalic).toMatch(/DejaVuSerif-BoldItalic\.ttf$/);

    const pdf = await renderFormPdf('04', context(), { fontDirs: [] });
    const text = await pdfText(pdf);
    expectEssentials(text, '04');
    expect(text).toContain('KT. GIÁM ĐỐC');
  });
});
