import type { ProcedureContent } from '@motcua/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  type ImportError,
  readCatalogueJson,
  readCatalogueWorkbook,
  writeCatalogueJson,
  writeCatalogueWorkbook,
} from '../src/catalogue/workbook.ts';

const workPermit: ProcedureContent = {
  code: '1.000105',
  codeKind: 'national',
  name: 'Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam',
  fieldCode: 'lao-dong-nuoc-ngoai',
  agencyCode: '000.00.12.H57',
  level: 'province',
  legalBasis: [
    'Bộ luật Lao động số 45/2019/QH14 ngày 20/11/2019',
    'Nghị định số 152/2020/NĐ-CP ngày 30/12/2020 của Chính phủ quy định về người lao động nước ngoài làm việc tại Việt Nam và tuyển dụng, quản lý người lao động Việt Nam làm việc cho tổ chức, cá nhân nước ngoài tại Việt Nam (Điều 9, Điều 11)',
    'Nghị định số 70/2023/NĐ-CP ngày 18/9/2023 sửa đổi, bổ sung một số điều của Nghị định số 152/2020/NĐ-CP',
  ],
  processingTime: {
    value: 5,
    unit: 'working_days',
    note: 'Kể từ ngày nhận đủ hồ sơ đề nghị cấp giấy phép lao động',
  },
  fees: [
    {
      name: 'Lệ phí cấp giấy phép lao động',
      amountVnd: 600_000,
      note: 'Theo nghị quyết của Hội đồng nhân dân tỉnh',
    },
  ],
  documents: [
    {
      name: 'Văn bản đề nghị cấp giấy phép lao động của người sử dụng lao động',
      copies: 1,
      form: 'original',
      required: true,
      template: 'Mẫu số 11/PLI Nghị định 70/2023/NĐ-CP',
    },
    {
      name: 'Giấy chứng nhận sức khỏe hoặc giấy khám sức khỏe do cơ sở khám bệnh, chữa bệnh có thẩm quyền cấp, có giá trị trong thời hạn 12 tháng',
      copies: 1,
      form: 'original_or_certified_copy',
      required: true,
    },
    {
      name: 'Phiếu lý lịch tư pháp hoặc văn bản xác nhận không phải là người đang trong thời gian chấp hành hình phạt',
      copies: 1,
      form: 'original_or_certified_copy',
      required: true,
    },
    {
      name: '02 ảnh màu (kích thước 4 cm x 6 cm, phông nền trắng)',
      copies: 2,
      form: 'original',
      required: true,
    },
    {
      name: 'Hộ chiếu còn giá trị theo quy định của pháp luật',
      copies: 1,
      form: 'certified_copy',
      required: true,
    },
    {
      name: 'Văn bản chấp thuận nhu cầu sử dụng người lao động nước ngoài',
      copies: 1,
      form: 'copy',
      required: false,
    },
  ],
  resultType: 'both',
  resultName: 'Giấy phép lao động',
  onlineLevel: 'full',
  postalAllowed: true,
  steps: [
    { name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'counter_officer', hours: 4 },
    { name: 'Thẩm định hồ sơ, dự thảo giấy phép', role: 'specialist', unitCode: 'VLATLD', hours: 20 },
    { name: 'Xem xét, trình ký', role: 'head_of_unit', unitCode: 'VLATLD', hours: 8 },
    { name: 'Phê duyệt, ký số giấy phép', role: 'leader', hours: 4 },
    { name: 'Trả kết quả', role: 'counter_officer', hours: 3.5 },
  ],
  publication: { decisionNumber: '2345/QĐ-UBND', date: '2023-10-20' },
  applicants: 'Người sử dụng lao động (doanh nghiệp, cơ quan, tổ chức)',
  conditions:
    'Đủ 18 tuổi trở lên và có năng lực hành vi dân sự đầy đủ;\nCó trình độ chuyên môn, kỹ thuật, tay nghề, kinh nghiệm làm việc;\nCó đủ sức khỏe theo quy định.',
  howToApply:
    'Nộp trực tuyến trên Cổng Dịch vụ công quốc gia, qua dịch vụ bưu chính công ích hoặc trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh.',
  needsReview: ['fees'],
};

const unemployment: ProcedureContent = {
  code: '1.001978',
  codeKind: 'national',
  name: 'Giải quyết hưởng trợ cấp thất nghiệp',
  fieldCode: 'viec-lam',
  agencyCode: '000.00.12.H57',
  level: 'province',
  legalBasis: [
    'Luật Việc làm số 38/2013/QH13 ngày 16/11/2013',
    'Nghị định số 28/2015/NĐ-CP ngày 12/3/2015 quy định chi tiết thi hành một số điều của Luật Việc làm về bảo hiểm thất nghiệp',
  ],
  processingTime: { value: 20, unit: 'working_days' },
  fees: [],
  documents: [
    {
      name: 'Đề nghị hưởng trợ cấp thất nghiệp',
      copies: 1,
      form: 'original',
      required: true,
      template: 'Mẫu số 03 Thông tư 15/2023/TT-BLĐTBXH',
    },
    {
      name: 'Giấy tờ xác nhận việc chấm dứt hợp đồng lao động hoặc hợp đồng làm việc',
      copies: 1,
      form: 'original_or_certified_copy',
      required: true,
    },
    { name: 'Sổ bảo hiểm xã hội', copies: 1, form: 'electronic', required: true },
  ],
  resultType: 'paper',
  resultName: 'Quyết định về việc hưởng trợ cấp thất nghiệp',
  onlineLevel: 'partial',
  postalAllowed: true,
  steps: [
    { name: 'Tiếp nhận hồ sơ', role: 'counter_officer', unitCode: 'TTDVVL', hours: 8 },
    { name: 'Xem xét, dự thảo quyết định', role: 'specialist', unitCode: 'TTDVVL', hours: 112 },
    { name: 'Trình ký', role: 'head_of_unit', hours: 24 },
    { name: 'Ký quyết định', role: 'leader', hours: 16 },
  ],
  publication: { decisionNumber: '1021/QĐ-UBND', date: '2024-02-29' },
  needsReview: [],
};

const localConfirmation: ProcedureContent = {
  code: 'DP.LDTL.01',
  codeKind: 'local',
  name: 'Xác nhận đơn đề nghị hỗ trợ của người lao động tạm hoãn thực hiện hợp đồng lao động',
  fieldCode: 'lao-dong-tien-luong',
  agencyCode: 'H57.12.01',
  level: 'commune',
  legalBasis: [],
  processingTime: { value: null, unit: 'calendar_days' },
  fees: [{ name: 'Phí xác nhận', amountVnd: null }],
  documents: [],
  resultType: 'electronic',
  onlineLevel: 'none',
  postalAllowed: false,
  steps: [],
  publication: null,
  needsReview: ['processingTime', 'fees'],
};

const FIXTURES = [workPermit, unemployment, localConfirmation];

const PROCEDURE_HEADERS = [
  'Mã thủ tục',
  'Loại mã',
  'Tên thủ tục',
  'Mã lĩnh vực',
  'Mã cơ quan thực hiện',
  'Cấp thực hiện',
  'Thời hạn giải quyết',
  'Đơn vị thời hạn',
  'Ghi chú thời hạn',
  'Hình thức kết quả',
  'Tên kết quả',
  'Mức độ DVCTT',
  'Bưu chính công ích',
  'Số quyết định công bố',
  'Ngày công bố',
  'Đối tượng thực hiện',
  'Điều kiện',
  'Cách thức thực hiện',
  'Căn cứ pháp lý',
  'Cần xác nhận',
] as const;
const DOCUMENT_HEADERS = [
  'Mã thủ tục',
  'STT',
  'Tên giấy tờ',
  'Số bản',
  'Loại bản',
  'Bắt buộc',
  'Mẫu đơn, tờ khai',
] as const;
const FEE_HEADERS = ['Mã thủ tục', 'Tên phí', 'Mức thu (đồng)', 'Ghi chú'] as const;
const STEP_HEADERS = ['Mã thủ tục', 'Bước', 'Tên bước', 'Vai trò', 'Mã đơn vị', 'Số giờ'] as const;

type Cell = string | number | boolean | Date | null;
type Row<H extends string> = Partial<Record<H, Cell>>;

/** A workbook made by hand: sheet name → header row and data rows, as a person would type them. */
async function handMade(
  sheets: Record<string, { headers: readonly string[]; rows: Row<string>[] }>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, { headers, rows }] of Object.entries(sheets)) {
    const worksheet = workbook.addWorksheet(name);
    worksheet.addRow([...headers]);
    for (const row of rows) worksheet.addRow(headers.map((h) => row[h] ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function procedureRow(overrides: Row<(typeof PROCEDURE_HEADERS)[number]>): Row<string> {
  return {
    'Mã thủ tục': '1.000105',
    'Loại mã': 'Quốc gia',
    'Tên thủ tục': 'Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam',
    'Mã lĩnh vực': 'lao-dong-nuoc-ngoai',
    'Mã cơ quan thực hiện': '000.00.12.H57',
    'Cấp thực hiện': 'Tỉnh',
    'Thời hạn giải quyết': 5,
    'Đơn vị thời hạn': 'Ngày làm việc',
    'Hình thức kết quả': 'Giấy và điện tử',
    'Mức độ DVCTT': 'Toàn trình',
    'Bưu chính công ích': 'Có',
    ...overrides,
  };
}

function documentRow(overrides: Row<(typeof DOCUMENT_HEADERS)[number]>): Row<string> {
  return {
    'Tên giấy tờ': 'Văn bản đề nghị cấp giấy phép lao động',
    'Số bản': 1,
    'Loại bản': 'Bản chính',
    'Bắt buộc': 'Có',
    ...overrides,
  };
}

const where = (errors: ImportError[]) => errors.map(({ sheet, row, column }) => ({ sheet, row, column }));
const messageAt = (errors: ImportError[], sheet: string, row: number, column?: string) =>
  errors.find((e) => e.sheet === sheet && e.row === row && e.column === column)?.message;

describe('catalogue workbook (XLSX)', () => {
  it('reads back what it writes', async () => {
    const xlsx = await writeCatalogueWorkbook(FIXTURES);
    const read = await readCatalogueWorkbook(xlsx, 'vi');
    expect(read.errors).toEqual([]);
    expect(read.procedures).toEqual(FIXTURES);
    expect(read.rows).toEqual([2, 3, 4]);
  });

  it('writes the layout a person fills in: Vietnamese sheets, headers, labels and drop-downs', async () => {
    const workbook = new ExcelJS.Workbook();
    const xlsx = await writeCatalogueWorkbook(FIXTURES);
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const visible = workbook.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);
    expect(visible).toEqual(['Thủ tục', 'Thành phần hồ sơ', 'Phí, lệ phí', 'Quy trình nội bộ']);

    const procedures = workbook.getWorksheet('Thủ tục')!;
    expect((procedures.getRow(1).values as Cell[]).slice(1)).toEqual([...PROCEDURE_HEADERS]);
    expect(procedures.getCell('A1').font?.bold).toBe(true);
    expect(procedures.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const row2 = procedures.getRow(2);
    expect(row2.getCell(2).value).toBe('Quốc gia');
    expect(row2.getCell(6).value).toBe('Tỉnh');
    expect(row2.getCell(8).value).toBe('Ngày làm việc');
    expect(row2.getCell(10).value).toBe('Giấy và điện tử');
    expect(row2.getCell(12).value).toBe('Toàn trình');
    expect(row2.getCell(13).value).toBe('Có');
    expect(row2.getCell(15).value).toEqual(new Date(Date.UTC(2023, 9, 20)));
    expect(String(row2.getCell(19).value).split('\n')).toHaveLength(3);
    expect(procedures.getRow(4).getCell(20).value).toBe('Thời hạn, Phí lệ phí');
    expect(procedures.getCell('H2').dataValidation).toMatchObject({ type: 'list' });
    expect(procedures.getCell('H500').dataValidation).toMatchObject({ type: 'list' });

    const documents = workbook.getWorksheet('Thành phần hồ sơ')!;
    expect((documents.getRow(1).values as Cell[]).slice(1)).toEqual([...DOCUMENT_HEADERS]);
    expect(documents.getRow(3).getCell(5).value).toBe('Bản chính hoặc bản sao chứng thực');
    expect(documents.getCell('E2').dataValidation).toMatchObject({ type: 'list' });
    expect((workbook.getWorksheet('Phí, lệ phí')!.getRow(1).values as Cell[]).slice(1)).toEqual([
      ...FEE_HEADERS,
    ]);
    const steps = workbook.getWorksheet('Quy trình nội bộ')!;
    expect((steps.getRow(1).values as Cell[]).slice(1)).toEqual([...STEP_HEADERS]);
    expect(steps.getRow(2).getCell(4).value).toBe('Công chức Bộ phận Một cửa');
  });

  it('reports each bad row by sheet, row and column, in Vietnamese and in English', async () => {
    const xlsx = await handMade({
      'Thủ tục': {
        headers: PROCEDURE_HEADERS,
        rows: [
          procedureRow({}), // row 2
          procedureRow({ 'Mã thủ tục': '1.000200', 'Đơn vị thời hạn': 'Tuần' }), // row 3: unknown unit
          procedureRow({ 'Mã thủ tục': '1.000300', 'Tên thủ tục': null }), // row 4: no name
          { 'Mã thủ tục': '  ', 'Tên thủ tục': '' }, // row 5: blank, ignored
          procedureRow({ 'Tên thủ tục': 'Bản trùng mã' }), // row 6: same code as row 2
          procedureRow({ 'Mã thủ tục': '1.000400' }), // row 7
        ],
      },
      'Thành phần hồ sơ': {
        headers: DOCUMENT_HEADERS,
        rows: [
          documentRow({ 'Mã thủ tục': '1.000400', STT: 1 }), // row 2
          documentRow({ 'Mã thủ tục': '1.000400', STT: 2, 'Số bản': 'hai' }), // row 3: text in copies
          documentRow({ 'Mã thủ tục': 'LOCAL-99', STT: 1 }), // row 4: no such procedure
          documentRow({ 'Mã thủ tục': '1.000400', STT: 3, 'Loại bản': 'Bản photo' }), // row 5: unknown form
          documentRow({ 'Mã thủ tục': '1.000400', STT: 4 }), // row 6
          documentRow({ 'Mã thủ tục': '1.000400', STT: 5, 'Số bản': 0 }), // row 7: too few copies
        ],
      },
      'Phí, lệ phí': {
        headers: FEE_HEADERS,
        rows: [{ 'Mã thủ tục': '1.000400', 'Tên phí': 'Lệ phí', 'Mức thu (đồng)': 600000 }],
      },
      'Quy trình nội bộ': {
        headers: STEP_HEADERS,
        rows: [
          {
            'Mã thủ tục': '1.000400',
            Bước: 1,
            'Tên bước': 'Tiếp nhận',
            'Vai trò': 'Công chức Bộ phận Một cửa',
            'Số giờ': 4,
          },
          { 'Mã thủ tục': '1.000400', Bước: 2, 'Tên bước': 'Thẩm định', 'Vai trò': 'Giám đốc', 'Số giờ': 8 }, // row 3
        ],
      },
    });

    const expected = [
      { sheet: 'Thủ tục', row: 2, column: 'Mã thủ tục' },
      { sheet: 'Thủ tục', row: 3, column: 'Đơn vị thời hạn' },
      { sheet: 'Thủ tục', row: 4, column: 'Tên thủ tục' },
      { sheet: 'Thủ tục', row: 6, column: 'Mã thủ tục' },
      { sheet: 'Thành phần hồ sơ', row: 3, column: 'Số bản' },
      { sheet: 'Thành phần hồ sơ', row: 4, column: 'Mã thủ tục' },
      { sheet: 'Thành phần hồ sơ', row: 5, column: 'Loại bản' },
      { sheet: 'Thành phần hồ sơ', row: 7, column: 'Số bản' },
      { sheet: 'Quy trình nội bộ', row: 3, column: 'Vai trò' },
    ];

    const vi = await readCatalogueWorkbook(xlsx, 'vi');
    expect(where(vi.errors)).toEqual(expected);
    expect(messageAt(vi.errors, 'Thành phần hồ sơ', 3, 'Số bản')).toBe(
      'Số bản phải là số nguyên từ 1 trở lên',
    );
    expect(messageAt(vi.errors, 'Thành phần hồ sơ', 7, 'Số bản')).toBe(
      'Số bản phải là số nguyên từ 1 trở lên',
    );
    expect(messageAt(vi.errors, 'Thủ tục', 4, 'Tên thủ tục')).toBe('Tên thủ tục chưa được nhập');
    expect(messageAt(vi.errors, 'Thủ tục', 3, 'Đơn vị thời hạn')).toBe(
      'Đơn vị thời hạn: giá trị "Tuần" không hợp lệ; hãy chọn một trong: "Ngày làm việc", "Ngày", "Giờ làm việc".',
    );
    expect(messageAt(vi.errors, 'Thủ tục', 2, 'Mã thủ tục')).toContain(
      '"1.000105" bị trùng (cũng có ở dòng 6)',
    );
    expect(messageAt(vi.errors, 'Thủ tục', 6, 'Mã thủ tục')).toContain('dòng 2');
    expect(messageAt(vi.errors, 'Thành phần hồ sơ', 4, 'Mã thủ tục')).toBe(
      'Không có thủ tục mã "LOCAL-99" trên trang "Thủ tục"; hãy sửa mã hoặc thêm dòng thủ tục đó.',
    );
    expect(messageAt(vi.errors, 'Thành phần hồ sơ', 5, 'Loại bản')).toContain('"Bản photo"');
    expect(messageAt(vi.errors, 'Quy trình nội bộ', 3, 'Vai trò')).toContain('"Chuyên viên"');
    // Nothing is to be imported; the procedures that were clean may still be listed.
    expect(vi.procedures.map((p) => p.code)).toEqual([]);

    const en = await readCatalogueWorkbook(xlsx, 'en');
    expect(where(en.errors)).toEqual(expected);
    expect(messageAt(en.errors, 'Thành phần hồ sơ', 3, 'Số bản')).toBe(
      'Copies must be a whole number from 1',
    );
    expect(messageAt(en.errors, 'Thủ tục', 4, 'Tên thủ tục')).toBe('Procedure name is required');
    expect(messageAt(en.errors, 'Thủ tục', 3, 'Đơn vị thời hạn')).toMatch(
      /^Time unit: "Tuần" is not a valid value/,
    );
    expect(messageAt(en.errors, 'Thủ tục', 6, 'Mã thủ tục')).toContain('is repeated (also at row 2)');
    expect(messageAt(en.errors, 'Thành phần hồ sơ', 4, 'Mã thủ tục')).toContain(
      'no procedure with code "LOCAL-99"',
    );
  });

  it('points schema errors in child rows at their own row, after sorting by STT', async () => {
    const xlsx = await handMade({
      'Thủ tục': { headers: PROCEDURE_HEADERS, rows: [procedureRow({ 'Mã thủ tục': '1.000400' })] },
      'Thành phần hồ sơ': {
        headers: DOCUMENT_HEADERS,
        rows: [
          documentRow({ 'Mã thủ tục': '1.000400', STT: 2, 'Tên giấy tờ': 'Thứ hai' }),
          documentRow({ 'Mã thủ tục': '1.000400', STT: 1, 'Tên giấy tờ': 'Thứ nhất', 'Số bản': 101 }), // row 3
        ],
      },
      'Phí, lệ phí': { headers: FEE_HEADERS, rows: [] },
      'Quy trình nội bộ': { headers: STEP_HEADERS, rows: [] },
    });
    const read = await readCatalogueWorkbook(xlsx, 'vi');
    expect(read.errors).toEqual([
      { sheet: 'Thành phần hồ sơ', row: 3, column: 'Số bản', message: 'Số bản phải nhỏ hơn hoặc bằng 100' },
    ]);
  });

  it('accepts enum values without accents, in any case, and internal codes', async () => {
    const xlsx = await handMade({
      'Thủ tục': {
        headers: [...PROCEDURE_HEADERS, 'Ghi chú nội bộ'],
        rows: [
          {
            'Mã thủ tục': 1.00165, // typed into a General cell: Excel drops the trailing zero
            'Loại mã': 'national',
            'Tên thủ tục': 'Cấp lại giấy phép lao động',
            'Mã lĩnh vực': 'lao-dong-nuoc-ngoai',
            'Mã cơ quan thực hiện': '000.00.12.H57',
            'Cấp thực hiện': 'CAP TINH',
            'Thời hạn giải quyết': '3',
            'Đơn vị thời hạn': 'Ngay lam viec',
            'Hình thức kết quả': 'giay va dien tu',
            'Mức độ DVCTT': 'toan trinh',
            'Bưu chính công ích': 'co',
            'Số quyết định công bố': '2345/QĐ-UBND',
            'Ngày công bố': '20/10/2023',
            'Căn cứ pháp lý': 'Nghị định số 152/2020/NĐ-CP\r\n\r\nNghị định số 70/2023/NĐ-CP  ',
            'Cần xác nhận': 'thoi han; Phí, lệ phí',
            'Ghi chú nội bộ': 'không nhập',
          },
        ],
      },
      'Thanh phan ho so': {
        headers: DOCUMENT_HEADERS,
        rows: [
          {
            'Mã thủ tục': '1.001650',
            'Tên giấy tờ': 'Bản sao hộ chiếu',
            'Số bản': '2',
            'Loại bản': 'ban sao chung thuc',
            'Bắt buộc': 'KHONG',
          },
        ],
      },
      'Phí, lệ phí': {
        headers: FEE_HEADERS,
        rows: [{ 'Mã thủ tục': '1.001650', 'Tên phí': 'Lệ phí', 'Mức thu (đồng)': '450.000 đồng' }],
      },
      'Quy trình nội bộ': {
        headers: STEP_HEADERS,
        rows: [
          { 'Mã thủ tục': '1.001650', 'Tên bước': 'Thẩm định', 'Vai trò': 'specialist', 'Số giờ': '16' },
          { 'Mã thủ tục': '1.001650', 'Tên bước': 'Trình ký', 'Vai trò': 'lanh dao phong', 'Số giờ': '4,5' },
        ],
      },
    });
    const read = await readCatalogueWorkbook(xlsx, 'vi');
    expect(read.errors).toEqual([]);
    expect(read.procedures).toEqual([
      {
        code: '1.001650',
        codeKind: 'national',
        name: 'Cấp lại giấy phép lao động',
        fieldCode: 'lao-dong-nuoc-ngoai',
        agencyCode: '000.00.12.H57',
        level: 'province',
        legalBasis: ['Nghị định số 152/2020/NĐ-CP', 'Nghị định số 70/2023/NĐ-CP'],
        processingTime: { value: 3, unit: 'working_days' },
        fees: [{ name: 'Lệ phí', amountVnd: 450_000 }],
        documents: [{ name: 'Bản sao hộ chiếu', copies: 2, form: 'certified_copy', required: false }],
        resultType: 'both',
        onlineLevel: 'full',
        postalAllowed: true,
        steps: [
          { name: 'Thẩm định', role: 'specialist', hours: 16 },
          { name: 'Trình ký', role: 'head_of_unit', hours: 4.5 },
        ],
        publication: { decisionNumber: '2345/QĐ-UBND', date: '2023-10-20' },
        needsReview: ['processingTime', 'fees'],
      },
    ]);
  });

  it('names a missing sheet or header', async () => {
    const xlsx = await handMade({
      'Thủ tục': { headers: PROCEDURE_HEADERS.filter((h) => h !== 'Tên thủ tục'), rows: [procedureRow({})] },
      'Thành phần hồ sơ': { headers: DOCUMENT_HEADERS, rows: [] },
    });
    const read = await readCatalogueWorkbook(xlsx, 'vi');
    expect(read.procedures).toEqual([]);
    expect(where(read.errors)).toEqual([
      { sheet: 'Thủ tục', row: 1, column: 'Tên thủ tục' },
      { sheet: 'Phí, lệ phí', row: 0, column: undefined },
      { sheet: 'Quy trình nội bộ', row: 0, column: undefined },
    ]);
    expect(read.errors[0]!.message).toBe('Trang "Thủ tục" thiếu cột "Tên thủ tục" ở dòng tiêu đề (dòng 1).');
    expect(read.errors[1]!.message).toContain('Tệp thiếu trang "Phí, lệ phí"');
    const en = await readCatalogueWorkbook(xlsx, 'en');
    expect(en.errors[2]!.message).toContain('The workbook has no sheet "Quy trình nội bộ"');
  });

  it('gives one clear error for a file that is not an XLSX workbook', async () => {
    const csv = Buffer.from('Mã thủ tục;Tên thủ tục\n1.000105;Cấp giấy phép lao động\n', 'utf8');
    const read = await readCatalogueWorkbook(csv, 'vi');
    expect(read.procedures).toEqual([]);
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0]).toMatchObject({ sheet: '', row: 0 });
    expect(read.errors[0]!.message).toMatch(/không phải là bảng tính Excel \.xlsx/);

    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const broken = await readCatalogueWorkbook(new Uint8Array(brokenZip), 'en');
    expect(broken.errors).toHaveLength(1);
    expect(broken.errors[0]!.message).toMatch(/not an Excel \.xlsx workbook/);

    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await readCatalogueWorkbook(xls, 'vi')).errors[0]!.message).toContain('Excel 97-2003 (.xls)');
    expect((await readCatalogueWorkbook(Buffer.alloc(0), 'vi')).errors).toHaveLength(1);
  });

  it('refuses more than 5,000 procedures', async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => ({ 'Mã thủ tục': `DP-${i + 1}` }));
    const xlsx = await handMade({
      'Thủ tục': { headers: PROCEDURE_HEADERS, rows },
      'Thành phần hồ sơ': { headers: DOCUMENT_HEADERS, rows: [] },
      'Phí, lệ phí': { headers: FEE_HEADERS, rows: [] },
      'Quy trình nội bộ': { headers: STEP_HEADERS, rows: [] },
    });
    const read = await readCatalogueWorkbook(xlsx, 'vi');
    expect(read.procedures).toEqual([]);
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0]).toMatchObject({ sheet: 'Thủ tục', row: 5002 });
    expect(read.errors[0]!.message).toContain('5.001 thủ tục, vượt quá giới hạn 5.000');
  });
});

describe('catalogue JSON', () => {
  it('reads back what it writes, from a string or a buffer', () => {
    const json = writeCatalogueJson(FIXTURES);
    expect(JSON.parse(json)).toMatchObject({ format: 'motcua-catalogue', version: 1 });
    expect(readCatalogueJson(json, 'vi')).toEqual({ procedures: FIXTURES, rows: [1, 2, 3], errors: [] });
    expect(readCatalogueJson(Buffer.from(`\uFEFF${json}`, 'utf8'), 'en').procedures).toEqual(FIXTURES);
  });

  it('reports errors by position and path', () => {
    const bad = {
      format: 'motcua-catalogue',
      version: 1,
      procedures: [
        workPermit,
        { ...unemployment, documents: [{ ...unemployment.documents[0]!, copies: 0 }] },
        { ...localConfirmation, code: workPermit.code, codeKind: 'national' },
      ],
    };
    const read = readCatalogueJson(JSON.stringify(bad), 'vi');
    expect(where(read.errors)).toEqual([
      { sheet: 'json', row: 1, column: 'code' },
      { sheet: 'json', row: 2, column: 'documents[0].copies' },
      { sheet: 'json', row: 3, column: 'code' },
    ]);
    expect(read.errors[1]!.message).toBe('Số bản (documents[0].copies): phải lớn hơn hoặc bằng 1');
    expect(read.errors[2]!.message).toContain('thủ tục thứ 1');
    expect(read.procedures).toEqual([]);
  });

  it('rejects what is not a catalogue', () => {
    expect(readCatalogueJson('{ not json', 'vi').errors[0]!.message).toMatch(
      /^Tệp không phải là JSON hợp lệ/,
    );
    expect(readCatalogueJson('[]', 'en').errors[0]!.message).toMatch(/not a Motcua procedure catalogue/);
    const v2 = readCatalogueJson(
      JSON.stringify({ format: 'motcua-catalogue', version: 2, procedures: [] }),
      'vi',
    );
    expect(v2.errors).toEqual([{ sheet: 'json', row: 0, message: expect.stringContaining('phiên bản 1') }]);
    const many = {
      format: 'motcua-catalogue',
      version: 1,
      procedures: Array.from({ length: 5001 }, () => ({})),
    };
    expect(readCatalogueJson(JSON.stringify(many), 'vi').errors).toHaveLength(1);
  });
});
