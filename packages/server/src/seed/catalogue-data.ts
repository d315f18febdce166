import type { DocumentForm, Fee, ProcedureContent, ProcessStep, RequiredDocument } from '@motcua/core';
import { DEMO_AGENCY_CODE, DEMO_UNIT_CODES } from './organisation-data.ts';

/**
 * Demo procedure catalogue of the demo Sở Nội vụ: the procedures it took over from the former
 * Sở Lao động - Thương binh và Xã hội in 2025 (employment, unemployment insurance, foreign workers,
 * employment services, labour sub-leasing, occupational safety, labour relations, people with merit).
 *
 * Every figure here is one that was published; a figure that could not be confirmed is left empty
 * (null time, null fee amount, empty list) and flagged in `needsReview` for the administrator.
 * Procedures without a processing time cannot be published and are seeded as drafts.
 * Social protection moved to the Department of Health and vocational education to the Department of
 * Education and Training in 2025, so those fields carry no procedure of this agency.
 */

/** Fields (lĩnh vực). Foreign-worker procedures are grouped under Việc làm, as in the national catalogue. */
export const DEMO_FIELDS: { code: string; name: string }[] = [
  { code: 'viec-lam', name: 'Việc làm' },
  { code: 'an-toan-ve-sinh-lao-dong', name: 'An toàn, vệ sinh lao động' },
  { code: 'lao-dong-tien-luong', name: 'Lao động - Tiền lương' },
  { code: 'quan-he-lao-dong', name: 'Quan hệ lao động' },
  { code: 'bao-hiem-xa-hoi', name: 'Bảo hiểm xã hội' },
  { code: 'nguoi-co-cong', name: 'Người có công' },
  { code: 'giao-duc-nghe-nghiep', name: 'Giáo dục nghề nghiệp' },
];

/**
 * Placeholder for the demo province's publication decision (quyết định công bố danh mục thủ tục
 * hành chính). The administrator replaces it with the real decision number and date.
 */
export const DEMO_PUBLICATION: NonNullable<ProcedureContent['publication']> = {
  decisionNumber: '1234/QĐ-UBND',
  date: '2026-03-02',
};

const PROVINCIAL_FEE_NOTE = 'Mức thu theo Nghị quyết của HĐND tỉnh/thành phố';
const ONLINE_HOW_TO_APPLY =
  'Nộp trực tiếp hoặc qua dịch vụ bưu chính công ích tại Bộ phận Một cửa (Trung tâm Phục vụ hành chính công, tiếp nhận không phụ thuộc địa giới hành chính), hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn).';

/** A fee set by the provincial People's Council: the amount differs by province. */
const provincialFee = (name = 'Phí, lệ phí'): Fee => ({ name, amountVnd: null, note: PROVINCIAL_FEE_NOTE });

/** A fee whose very existence is not confirmed. */
const unconfirmedFee = (): Fee => ({
  name: 'Phí, lệ phí (nếu có)',
  amountVnd: null,
  note: 'Chưa xác định có thu phí, lệ phí; trường hợp có thu, mức thu theo Nghị quyết của HĐND tỉnh/thành phố',
});

const workingDays = (value: number, note?: string): ProcedureContent['processingTime'] =>
  note ? { value, unit: 'working_days', note } : { value, unit: 'working_days' };

/** "ngày" in the decree without "làm việc": calendar days. */
const calendarDays = (value: number, note?: string): ProcedureContent['processingTime'] =>
  note ? { value, unit: 'calendar_days', note } : { value, unit: 'calendar_days' };

const unknownTime = (note?: string): ProcedureContent['processingTime'] =>
  note ? { value: null, unit: 'working_days', note } : { value: null, unit: 'working_days' };

const doc = (
  name: string,
  form: DocumentForm,
  options: { copies?: number; required?: boolean; template?: string } = {},
): RequiredDocument => ({
  name,
  copies: options.copies ?? 1,
  form,
  required: options.required ?? true,
  ...(options.template ? { template: options.template } : {}),
});

/**
 * The usual ISO internal process: one-stop counter, the competent department, its head, the agency
 * leader, and back to the counter. `hours` is the whole budget (8 h = 1 working day). The counter
 * steps carry no unit unless the dossier is received by a unit of the agency (the employment service
 * centre); otherwise they are done at the one-stop desk that received the dossier.
 */
function internalSteps(hours: number, unitCode: string, counterUnitCode?: string): ProcessStep[] {
  const short = hours < 40;
  const counter = short ? 2 : 4;
  const review = short ? 4 : 8;
  const counterUnit = counterUnitCode ? { unitCode: counterUnitCode } : {};
  return [
    {
      name: 'Tiếp nhận, kiểm tra hồ sơ và chuyển xử lý',
      role: 'counter_officer',
      ...counterUnit,
      hours: counter,
    },
    {
      name: 'Thẩm định hồ sơ, dự thảo kết quả',
      role: 'specialist',
      unitCode,
      hours: hours - 2 * counter - 2 * review,
    },
    { name: 'Xem xét, trình lãnh đạo Sở', role: 'head_of_unit', unitCode, hours: review },
    { name: 'Phê duyệt, ký kết quả', role: 'leader', hours: review },
    { name: 'Vào sổ, trả kết quả', role: 'counter_officer', ...counterUnit, hours: counter },
  ];
}

const common = {
  agencyCode: DEMO_AGENCY_CODE,
  level: 'province',
  publication: DEMO_PUBLICATION,
} as const;

// ---------------------------------------------------------------------------------------------
// Việc làm: người lao động nước ngoài (Nghị định 219/2025/NĐ-CP, thay thế Nghị định 152/2020/NĐ-CP
// và Nghị định 70/2023/NĐ-CP). Since Decree 219 the employer's demand for foreign workers is approved
// within the work-permit procedure itself, so there is no separate "chấp thuận nhu cầu" procedure.
// ---------------------------------------------------------------------------------------------

const FOREIGN_WORKER_LAW = [
  'Bộ luật Lao động số 45/2019/QH14',
  'Nghị định số 219/2025/NĐ-CP ngày 07/8/2025 của Chính phủ quy định về người lao động nước ngoài làm việc tại Việt Nam',
];
const FOREIGN_WORKER_APPLICANTS =
  'Người sử dụng lao động (doanh nghiệp, cơ quan, tổ chức, cá nhân, nhà thầu) sử dụng người lao động nước ngoài làm việc trên địa bàn.';
const FOREIGN_WORKER_CONDITIONS =
  'Người lao động nước ngoài đáp ứng điều kiện tại khoản 1 Điều 151 Bộ luật Lao động: đủ 18 tuổi trở lên và có năng lực hành vi dân sự đầy đủ; có trình độ chuyên môn, kỹ thuật, tay nghề, kinh nghiệm làm việc; có đủ sức khỏe; không phải là người đang trong thời gian chấp hành hình phạt hoặc chưa được xóa án tích hoặc đang trong thời gian bị truy cứu trách nhiệm hình sự.';

const foreignWorkers: ProcedureContent[] = [
  {
    ...common,
    code: '1.014199',
    codeKind: 'national',
    name: 'Cấp giấy phép lao động đối với người lao động nước ngoài làm việc tại Việt Nam',
    fieldCode: 'viec-lam',
    legalBasis: FOREIGN_WORKER_LAW,
    processingTime: workingDays(
      10,
      '10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ trong trường hợp chấp thuận nhu cầu và cấp giấy phép lao động; 03 ngày làm việc trong trường hợp không chấp thuận nhu cầu sử dụng người lao động nước ngoài hoặc không cấp giấy phép lao động.',
    ),
    fees: [provincialFee()],
    documents: [doc('Văn bản đề nghị cấp giấy phép lao động của người sử dụng lao động', 'original')],
    resultType: 'paper',
    resultName: 'Giấy phép lao động',
    onlineLevel: 'partial',
    postalAllowed: true,
    steps: internalSteps(80, DEMO_UNIT_CODES.employment),
    applicants: FOREIGN_WORKER_APPLICANTS,
    conditions: `${FOREIGN_WORKER_CONDITIONS} Nhu cầu sử dụng người lao động nước ngoài được xem xét, chấp thuận trong cùng hồ sơ cấp giấy phép lao động.`,
    howToApply: ONLINE_HOW_TO_APPLY,
    needsReview: ['fees', 'documents'],
  },
  {
    ...common,
    code: '1.014200',
    codeKind: 'national',
    name: 'Cấp lại giấy phép lao động đối với người lao động nước ngoài làm việc tại Việt Nam',
    fieldCode: 'viec-lam',
    legalBasis: FOREIGN_WORKER_LAW,
    processingTime: workingDays(3, '03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.'),
    fees: [provincialFee()],
    documents: [doc('Văn bản đề nghị cấp lại giấy phép lao động của người sử dụng lao động', 'original')],
    resultType: 'paper',
    resultName: 'Giấy phép lao động',
    onlineLevel: 'partial',
    postalAllowed: true,
    steps: internalSteps(24, DEMO_UNIT_CODES.employment),
    applicants: FOREIGN_WORKER_APPLICANTS,
    howToApply: ONLINE_HOW_TO_APPLY,
    needsReview: ['fees', 'documents'],
  },
  {
    ...common,
    code: '1.014201',
    codeKind: 'national',
    name: 'Gia hạn giấy phép lao động đối với người lao động nước ngoài làm việc tại Việt Nam',
    fieldCode: 'viec-lam',
    legalBasis: FOREIGN_WORKER_LAW,
    processingTime: workingDays(10, '10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.'),
    fees: [provincialFee()],
    documents: [doc('Văn bản đề nghị gia hạn giấy phép lao động của người sử dụng lao động', 'original')],
    resultType: 'paper',
    resultName: 'Giấy phép lao động',
    onlineLevel: 'partial',
    postalAllowed: true,
    steps: internalSteps(80, DEMO_UNIT_CODES.employment),
    applicants: FOREIGN_WORKER_APPLICANTS,
    conditions: FOREIGN_WORKER_CONDITIONS,
    howToApply: ONLINE_HOW_TO_APPLY,
    needsReview: ['fees', 'documents'],
  },
  {
    ...common,
    code: '1.014196',
    codeKind: 'national',
    name: 'Cấp giấy xác nhận không thuộc diện cấp giấy phép lao động đối với người lao động nước ngoài làm việc tại Việt Nam',
    fieldCode: 'viec-lam',
    legalBasis: FOREIGN_WORKER_LAW,
    processingTime: workingDays(
      5,
      '05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ trong trường hợp cấp giấy xác nhận; 03 ngày làm việc trong trường hợp không cấp giấy xác nhận.',
    ),
    fees: [provincialFee()],
    documents: [
      doc(
        'Văn bản đề nghị xác nhận không thuộc diện cấp giấy phép lao động của người sử dụng lao động',
        'original',
      ),
    ],
    resultType: 'paper',
    resultName: 'Giấy xác nhận không thuộc diện cấp giấy phép lao động',
    onlineLevel: 'partial',
    postalAllowed: true,
    steps: internalSteps(40, DEMO_UNIT_CODES.employment),
    applicants: FOREIGN_WORKER_APPLICANTS,
    conditions:
      'Người lao động nước ngoài thuộc trường hợp không thuộc diện cấp giấy phép lao động theo Điều 154 Bộ luật Lao động và Nghị định số 219/2025/NĐ-CP.',
    howToApply: ONLINE_HOW_TO_APPLY,
    needsReview: ['fees', 'documents'],
  },
  {
    ...common,
    code: '1.014197',
    codeKind: 'national',
    name: 'Cấp lại giấy xác nhận không thuộc diện cấp giấy phép lao động đối với người lao động nước ngoài làm việc tại Việt Nam',
    fieldCode: 'viec-lam',
    legalBasis: FOREIGN_WORKER_LAW,
    processingTime: workingDays(3, '03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.'),
    fees: [provincialFee()],
    documents: [
      doc('Văn bản đề nghị cấp lại giấy xác nhận không thuộc diện cấp giấy phép lao động', 'original'),
    ],
    resultType: 'paper',
    resultName: 'Giấy xác nhận không thuộc diện cấp giấy phép lao động',
    onlineLevel: 'partial',
    postalAllowed: true,
    steps: internalSteps(24, DEMO_UNIT_CODES.employment),
    applicants: FOREIGN_WORKER_APPLICANTS,
    howToApply: ONLINE_HOW_TO_APPLY,
    needsReview: ['processingTime', 'fees', 'documents'],
  },
  {
    ...common,
    code: '1.014198',
    codeKind: 'national',
    name: 'Gia hạn giấy xác nhận không thuộc diện cấp giấy phép lao động đối với người lao động nước ngoài làm việc tại Việt Nam',
    fieldCode: 'viec-lam',
    legalBasis: FOREIGN_WORKER_LAW,
    processingTime: workingDays(5, '05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.'),
    fees: [provincialFee()],
    documents: [
      doc('Văn bản đề nghị gia hạn giấy xác nhận không thuộc diện cấp giấy phép lao động', 'original'),
    ],
    resultType: 'paper',
    resultName: 'Giấy xác nhận không thuộc diện cấp giấy phép lao động',
    onlineLevel: 'partial',
    postalAllowed: true,
    steps: internalSteps(40, DEMO_UNIT_CODES.employment),
    applicants: FOREIGN_WORKER_APPLICANTS,
    howToApply: ONLINE_HOW_TO_APPLY,
    needsReview: ['processingTime', 'fees', 'documents'],
  },
];

// ---------------------------------------------------------------------------------------------
// Việc làm: bảo hiểm thất nghiệp (Luật Việc làm 2025, từ 01/01/2026). The dossier is received by the
// public employment service organisation (Trung tâm Dịch vụ việc làm). None of these procedures
// carries a fee or charge.
// ---------------------------------------------------------------------------------------------

const EMPLOYMENT_LAW_2025 = 'Luật Việc làm số 74/2025/QH15';
const UNEMPLOYMENT_LAW = [
  EMPLOYMENT_LAW_2025,
  'Nghị định số 374/2025/NĐ-CP của Chính phủ về bảo hiểm thất nghiệp',
];
const UNEMPLOYMENT_HOW_TO_APPLY =
  'Nộp hồ sơ trực tiếp tại Trung tâm Dịch vụ việc làm (tổ chức dịch vụ việc làm công) hoặc trực tuyến trên Cổng Dịch vụ công quốc gia; trường hợp gửi qua dịch vụ bưu chính, thời điểm tiếp nhận tính theo dấu bưu điện.';

/** A procedure of the unemployment-insurance set whose time, documents and steps are still to confirm. */
function unemploymentDraft(code: string, name: string): ProcedureContent {
  return {
    ...common,
    code,
    codeKind: 'local',
    name,
    fieldCode: 'viec-lam',
    legalBasis: UNEMPLOYMENT_LAW,
    processingTime: unknownTime(),
    fees: [],
    documents: [],
    resultType: 'paper',
    onlineLevel: 'partial',
    postalAllowed: true,
    steps: [],
    applicants: 'Người lao động đang hưởng hoặc đề nghị hưởng chế độ bảo hiểm thất nghiệp.',
    howToApply: UNEMPLOYMENT_HOW_TO_APPLY,
    needsReview: ['code', 'processingTime', 'documents', 'legalBasis', 'steps'],
  };
}

const unemployment: ProcedureContent[] = [
  {
    ...common,
    code: 'SNV-VL-001',
    codeKind: 'local',
    name: 'Hưởng trợ cấp thất nghiệp',
    fieldCode: 'viec-lam',
    legalBasis: UNEMPLOYMENT_LAW,
    processingTime: workingDays(15, '15 ngày làm việc kể từ ngày nhận đủ hồ sơ theo quy định.'),
    fees: [],
    documents: [doc('Đề nghị hưởng trợ cấp thất nghiệp (theo mẫu)', 'original')],
    resultType: 'paper',
    resultName: 'Quyết định về việc hưởng trợ cấp thất nghiệp',
    onlineLevel: 'partial',
    postalAllowed: true,
    steps: internalSteps(120, DEMO_UNIT_CODES.employmentCentre, DEMO_UNIT_CODES.employmentCentre),
    applicants:
      'Người lao động đang đóng bảo hiểm thất nghiệp khi chấm dứt hợp đồng lao động hoặc hợp đồng làm việc.',
    howToApply: UNEMPLOYMENT_HOW_TO_APPLY,
    needsReview: ['code', 'documents', 'legalBasis'],
  },
  unemploymentDraft('SNV-VL-002', 'Tạm dừng hưởng trợ cấp thất nghiệp'),
  unemploymentDraft('SNV-VL-003', 'Tiếp tục hưởng trợ cấp thất nghiệp'),
  unemploymentDraft('SNV-VL-004', 'Chấm dứt hưởng trợ cấp thất nghiệp'),
  unemploymentDraft('SNV-VL-005', 'Chuyển nơi hưởng trợ cấp thất nghiệp'),
  unemploymentDraft('SNV-VL-006', 'Thông báo hằng tháng về việc tìm kiếm việc làm'),
  unemploymentDraft('SNV-VL-007', 'Hỗ trợ tư vấn, giới thiệu việc làm'),
];

// ---------------------------------------------------------------------------------------------
// Việc làm: dịch vụ việc làm của doanh nghiệp (Luật Việc làm 2025). Decided by the provincial People's
// Committee on the agency's submission; the Ministry published them as fit for a full online service.
// ---------------------------------------------------------------------------------------------

function employmentServiceDraft(code: string, name: string, resultName?: string): ProcedureContent {
  return {
    ...common,
    code,
    codeKind: 'local',
    name,
    fieldCode: 'viec-lam',
    legalBasis: [EMPLOYMENT_LAW_2025],
    processingTime: unknownTime('Thẩm quyền quyết định: Ủy ban nhân dân cấp tỉnh.'),
    fees: [unconfirmedFee()],
    documents: [],
    resultType: 'both',
    ...(resultName ? { resultName } : {}),
    onlineLevel: 'full',
    postalAllowed: true,
    steps: [],
    applicants: 'Doanh nghiệp hoạt động dịch vụ việc làm có trụ sở chính trên địa bàn.',
    howToApply: ONLINE_HOW_TO_APPLY,
    needsReview: ['code', 'processingTime', 'fees', 'documents', 'legalBasis', 'steps'],
  };
}

const employmentServices: ProcedureContent[] = [
  employmentServiceDraft(
    'SNV-VL-011',
    'Cấp giấy phép hoạt động dịch vụ việc làm',
    'Giấy phép hoạt động dịch vụ việc làm',
  ),
  employmentServiceDraft(
    'SNV-VL-012',
    'Cấp lại giấy phép hoạt động dịch vụ việc làm',
    'Giấy phép hoạt động dịch vụ việc làm',
  ),
  employmentServiceDraft(
    'SNV-VL-013',
    'Gia hạn giấy phép hoạt động dịch vụ việc làm',
    'Giấy phép hoạt động dịch vụ việc làm',
  ),
  employmentServiceDraft('SNV-VL-014', 'Thu hồi giấy phép hoạt động dịch vụ việc làm'),
  employmentServiceDraft('SNV-VL-015', 'Rút tiền ký quỹ của doanh nghiệp hoạt động dịch vụ việc làm'),
  {
    ...common,
    code: '2.002820',
    codeKind: 'national',
    name: 'Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng',
    fieldCode: 'viec-lam',
    legalBasis: [],
    processingTime: unknownTime('Thẩm quyền quyết định: Ủy ban nhân dân cấp tỉnh.'),
    fees: [unconfirmedFee()],
    documents: [],
    resultType: 'paper',
    onlineLevel: 'partial',
    postalAllowed: true,
    steps: [],
    applicants: 'Người lao động thuộc đối tượng được hỗ trợ đi làm việc ở nước ngoài theo hợp đồng.',
    needsReview: ['processingTime', 'fees', 'documents', 'legalBasis', 'steps'],
  },
];

// ---------------------------------------------------------------------------------------------
// An toàn, vệ sinh lao động
// ---------------------------------------------------------------------------------------------

const safety: ProcedureContent[] = [
  {
    ...common,
    code: '2.000134',
    codeKind: 'national',
    name: 'Khai báo với Sở Lao động – Thương binh và Xã hội địa phương khi đưa vào sử dụng các loại máy, thiết bị, vật tư có yêu cầu nghiêm ngặt về an toàn lao động',
    fieldCode: 'an-toan-ve-sinh-lao-dong',
    legalBasis: [
      'Luật An toàn, vệ sinh lao động số 84/2015/QH13',
      'Nghị định số 44/2016/NĐ-CP ngày 15/5/2016 của Chính phủ',
      'Thông tư số 16/2017/TT-BLĐTBXH',
    ],
    processingTime: workingDays(5, 'Không quá 05 ngày làm việc kể từ khi nhận được hồ sơ đầy đủ, hợp lệ.'),
    fees: [],
    documents: [
      doc(
        'Phiếu khai báo sử dụng máy, thiết bị, vật tư có yêu cầu nghiêm ngặt về an toàn lao động',
        'original',
      ),
      doc('Giấy chứng nhận kết quả kiểm định', 'copy'),
    ],
    resultType: 'paper',
    resultName:
      'Giấy xác nhận khai báo sử dụng máy, thiết bị, vật tư có yêu cầu nghiêm ngặt về an toàn lao động hoặc văn bản nêu rõ lý do không cấp',
    onlineLevel: 'partial',
    postalAllowed: true,
    steps: internalSteps(40, DEMO_UNIT_CODES.employment),
    applicants: 'Tổ chức, cá nhân sử dụng máy, thiết bị, vật tư có yêu cầu nghiêm ngặt về an toàn lao động.',
    howToApply:
      'Trong khoảng thời gian 30 ngày trước hoặc sau khi đưa vào sử dụng, gửi 01 bộ hồ sơ đến cơ quan chuyên môn về lao động của tỉnh/thành phố nơi sử dụng, trực tiếp, qua dịch vụ bưu chính công ích hoặc trực tuyến.',
    needsReview: ['documents', 'legalBasis'],
  },
];

// ---------------------------------------------------------------------------------------------
// Lao động - Tiền lương (nội quy lao động, Hội đồng thương lượng tập thể, cho thuê lại lao động), as
// the national catalogue groups them.
// ---------------------------------------------------------------------------------------------

const LABOUR_CODE = 'Bộ luật Lao động số 45/2019/QH14';
const DECREE_145 =
  'Nghị định số 145/2020/NĐ-CP ngày 14/12/2020 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Bộ luật Lao động về điều kiện lao động và quan hệ lao động';

function labourDraft(code: string, name: string, extra: Partial<ProcedureContent> = {}): ProcedureContent {
  return {
    ...common,
    code,
    codeKind: 'local',
    name,
    fieldCode: 'lao-dong-tien-luong',
    legalBasis: [LABOUR_CODE, DECREE_145],
    processingTime: unknownTime(),
    fees: [unconfirmedFee()],
    documents: [],
    resultType: 'paper',
    onlineLevel: 'partial',
    postalAllowed: true,
    steps: [],
    needsReview: ['code', 'processingTime', 'fees', 'documents', 'legalBasis', 'steps'],
    ...extra,
  };
}

const SUBLEASING = {
  processingTime: unknownTime(
    'Thẩm quyền cấp, gia hạn, cấp lại, thu hồi giấy phép: Chủ tịch Ủy ban nhân dân cấp tỉnh.',
  ),
  applicants: 'Doanh nghiệp cho thuê lại lao động có trụ sở chính trên địa bàn.',
  conditions: 'Theo Điều 21 Nghị định số 145/2020/NĐ-CP (đã được sửa đổi, bổ sung).',
} as const;

const labour: ProcedureContent[] = [
  {
    ...common,
    code: 'SNV-LDTL-001',
    codeKind: 'local',
    name: 'Đăng ký nội quy lao động của doanh nghiệp',
    fieldCode: 'lao-dong-tien-luong',
    legalBasis: [
      'Bộ luật Lao động năm 2019',
      'Nghị định số 145/2020/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Bộ luật Lao động về điều kiện lao động và quan hệ lao động',
      'Nghị quyết số 190/2025/QH15 quy định về xử lý một số vấn đề liên quan đến sắp xếp tổ chức bộ máy nhà nước',
      'Nghị định số 25/2025/NĐ-CP ngày 21/02/2025 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ',
      'Nghị định số 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương và Ủy ban nhân dân huyện, quận, thị xã, thành phố thuộc tỉnh, thành phố thuộc thành phố trực thuộc trung ương',
      'Nghị định số 129/2025/NĐ-CP ngày 11/6/2025 của Chính phủ quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp trong quản lý nhà nước của Bộ Nội vụ',
    ],
    processingTime: workingDays(7, '07 ngày làm việc kể từ ngày nhận được hồ sơ đăng ký nội quy lao động.'),
    fees: [],
    documents: [
      doc('Văn bản đề nghị đăng ký nội quy lao động', 'original'),
      doc('Nội quy lao động', 'original'),
      doc(
        'Văn bản góp ý của tổ chức đại diện người lao động tại cơ sở (đối với nơi có tổ chức đại diện người lao động tại cơ sở)',
        'original',
        { required: false },
      ),
      doc(
        'Các văn bản của người sử dụng lao động có quy định liên quan đến kỷ luật lao động và trách nhiệm vật chất (nếu có)',
        'original',
        { required: false },
      ),
    ],
    resultType: 'paper',
    resultName:
      'Thông báo và hướng dẫn người sử dụng lao động sửa đổi, bổ sung, đăng ký lại nội quy lao động (nếu nội quy lao động có quy định trái pháp luật)',
    onlineLevel: 'partial',
    postalAllowed: true,
    steps: internalSteps(56, DEMO_UNIT_CODES.labourWages),
    applicants: 'Người sử dụng lao động sử dụng từ 10 người lao động trở lên.',
    conditions:
      'Các quy định của nội quy lao động không trái với pháp luật lao động và quy định của pháp luật có liên quan; nội dung chủ yếu theo khoản 2 Điều 118 Bộ luật Lao động (hướng dẫn tại Điều 69 Nghị định số 145/2020/NĐ-CP).',
    howToApply:
      'Trong thời hạn 10 ngày kể từ ngày ban hành nội quy lao động, nộp 01 bộ hồ sơ trực tiếp, qua đường bưu điện hoặc trực tuyến đến cơ quan chuyên môn về nội vụ thuộc Ủy ban nhân dân cấp tỉnh (hoặc cấp xã nếu được ủy quyền) nơi người sử dụng lao động đăng ký kinh doanh.',
    needsReview: ['code'],
  },
  labourDraft('SNV-LDTL-002', 'Thành lập Hội đồng thương lượng tập thể'),
  labourDraft(
    'SNV-LDTL-003',
    'Thay đổi Chủ tịch Hội đồng thương lượng tập thể, đại diện Ủy ban nhân dân cấp tỉnh, chức năng, nhiệm vụ, kế hoạch, thời gian hoạt động của Hội đồng thương lượng tập thể',
  ),
  labourDraft('SNV-LDTL-011', 'Cấp giấy phép hoạt động cho thuê lại lao động', {
    ...SUBLEASING,
    resultName: 'Giấy phép hoạt động cho thuê lại lao động',
  }),
  labourDraft('SNV-LDTL-012', 'Gia hạn giấy phép hoạt động cho thuê lại lao động', {
    ...SUBLEASING,
    resultName: 'Giấy phép hoạt động cho thuê lại lao động',
  }),
  labourDraft('SNV-LDTL-013', 'Cấp lại giấy phép hoạt động cho thuê lại lao động', {
    ...SUBLEASING,
    resultName: 'Giấy phép hoạt động cho thuê lại lao động',
  }),
  labourDraft('SNV-LDTL-014', 'Thu hồi giấy phép hoạt động cho thuê lại lao động', SUBLEASING),
];

// ---------------------------------------------------------------------------------------------
// Người có công (Pháp lệnh Ưu đãi người có công với cách mạng; Nghị định 131/2021/NĐ-CP). No fee or
// charge is collected. Where the decree says "ngày" without "làm việc" the time is in calendar days.
// ---------------------------------------------------------------------------------------------

const MERIT_LAW = [
  'Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14',
  'Nghị định số 131/2021/NĐ-CP ngày 30/12/2021 của Chính phủ quy định chi tiết và biện pháp thi hành Pháp lệnh Ưu đãi người có công với cách mạng',
];
/** The records department's share of a 12-day (calendar) time: 8 working days at most. */
const MERIT_12_DAY_HOURS = 64;

function meritDraft(code: string, name: string, extra: Partial<ProcedureContent> = {}): ProcedureContent {
  return {
    ...common,
    code,
    codeKind: 'local',
    name,
    fieldCode: 'nguoi-co-cong',
    legalBasis: MERIT_LAW,
    processingTime: unknownTime(),
    fees: [],
    documents: [],
    resultType: 'paper',
    onlineLevel: 'none',
    postalAllowed: true,
    steps: [],
    needsReview: ['code', 'processingTime', 'documents', 'legalBasis', 'steps'],
    ...extra,
  };
}

const merit: ProcedureContent[] = [
  {
    ...common,
    code: 'SNV-NCC-001',
    codeKind: 'local',
    name: 'Cấp trích lục hoặc sao hồ sơ người có công với cách mạng',
    fieldCode: 'nguoi-co-cong',
    legalBasis: MERIT_LAW,
    processingTime: calendarDays(
      12,
      '12 ngày kể từ ngày tiếp nhận đơn hoặc văn bản đề nghị (Điều 129 Nghị định số 131/2021/NĐ-CP).',
    ),
    fees: [],
    documents: [
      doc(
        'Đơn nêu rõ lý do đề nghị cấp trích lục hoặc sao giấy tờ trong hồ sơ người có công (cá nhân) hoặc văn bản nêu rõ lý do đề nghị (cơ quan, tổ chức)',
        'original',
      ),
    ],
    resultType: 'paper',
    resultName: 'Bản trích lục hoặc bản sao hồ sơ người có công',
    onlineLevel: 'none',
    postalAllowed: true,
    steps: internalSteps(MERIT_12_DAY_HOURS, DEMO_UNIT_CODES.merit),
    applicants:
      'Người có công, thân nhân người có công; cơ quan, tổ chức cần hồ sơ để giải quyết vụ việc có liên quan.',
    howToApply: 'Nộp trực tiếp hoặc qua dịch vụ bưu chính tại Bộ phận Một cửa.',
    needsReview: ['code', 'legalBasis'],
  },
  {
    ...common,
    code: 'SNV-NCC-002',
    codeKind: 'local',
    name: 'Di chuyển hồ sơ khi người hưởng trợ cấp ưu đãi thay đổi nơi thường trú',
    fieldCode: 'nguoi-co-cong',
    legalBasis: MERIT_LAW,
    processingTime: calendarDays(
      12,
      '12 ngày kể từ ngày nhận đủ giấy tờ tại nơi quản lý hồ sơ (nơi đi); nơi đến có 12 ngày kể từ ngày nhận được hồ sơ để đăng ký quản lý (Điều 131 Nghị định số 131/2021/NĐ-CP).',
    ),
    fees: [],
    documents: [
      doc('Đơn đề nghị di chuyển hồ sơ', 'original', {
        template: 'Mẫu số 27 Phụ lục I Nghị định số 131/2021/NĐ-CP',
      }),
      doc('Căn cước công dân hoặc giấy xác nhận của cơ quan đăng ký cư trú', 'certified_copy'),
    ],
    resultType: 'paper',
    resultName: 'Phiếu báo di chuyển hồ sơ người có công',
    onlineLevel: 'none',
    postalAllowed: true,
    steps: internalSteps(MERIT_12_DAY_HOURS, DEMO_UNIT_CODES.merit),
    applicants:
      'Người đang hưởng trợ cấp ưu đãi người có công thay đổi nơi thường trú sang tỉnh, thành phố khác.',
    howToApply: 'Nộp trực tiếp hoặc qua dịch vụ bưu chính tại nơi đang quản lý hồ sơ.',
    needsReview: ['code', 'legalBasis'],
  },
  {
    ...common,
    code: 'SNV-NCC-003',
    codeKind: 'local',
    name: 'Cấp bổ sung hoặc cấp lại giấy chứng nhận người có công do ngành Lao động - Thương binh và Xã hội quản lý và giấy chứng nhận thân nhân liệt sĩ',
    fieldCode: 'nguoi-co-cong',
    legalBasis: MERIT_LAW,
    processingTime: calendarDays(
      17,
      '17 ngày kể từ ngày nhận đủ hồ sơ: 05 ngày làm việc tại Ủy ban nhân dân cấp xã và 12 ngày tại cơ quan quản lý hồ sơ.',
    ),
    fees: [],
    documents: [
      doc('Đơn đề nghị', 'original', { template: 'Mẫu số 25 Phụ lục I Nghị định số 131/2021/NĐ-CP' }),
    ],
    resultType: 'paper',
    resultName:
      'Giấy chứng nhận người có công hoặc giấy chứng nhận thân nhân liệt sĩ (cấp bổ sung hoặc cấp lại)',
    onlineLevel: 'none',
    postalAllowed: true,
    steps: internalSteps(MERIT_12_DAY_HOURS, DEMO_UNIT_CODES.merit),
    applicants: 'Người có công do ngành quản lý hồ sơ; thân nhân liệt sĩ.',
    howToApply:
      'Nộp đơn tại Ủy ban nhân dân cấp xã nơi thường trú; Ủy ban nhân dân cấp xã xác nhận, lập danh sách gửi cơ quan quản lý hồ sơ.',
    needsReview: ['code', 'processingTime', 'legalBasis'],
  },
  meritDraft('SNV-NCC-004', 'Sửa đổi, bổ sung thông tin cá nhân trong hồ sơ người có công', {
    processingTime: unknownTime(
      'Điều 130 Nghị định số 131/2021/NĐ-CP: 12 ngày kể từ ngày nhận đủ giấy tờ để kiểm tra và gửi cơ quan có thẩm quyền; 12 ngày kể từ ngày nhận văn bản sửa đổi, bổ sung thông tin của cơ quan có thẩm quyền để ban hành quyết định. Tổng thời hạn phụ thuộc cơ quan có thẩm quyền.',
    ),
    documents: [
      doc('Đơn đề nghị', 'original', { template: 'Mẫu số 26 Phụ lục I Nghị định số 131/2021/NĐ-CP' }),
      doc('Căn cước công dân của người được đề nghị đính chính thông tin', 'certified_copy'),
    ],
    resultName: 'Quyết định sửa đổi, bổ sung thông tin trong hồ sơ người có công',
    applicants:
      'Người có công; thân nhân liệt sĩ hoặc người hưởng trợ cấp thờ cúng liệt sĩ; thân nhân của người có công đã từ trần.',
    needsReview: ['code', 'processingTime', 'legalBasis', 'steps'],
  }),
  meritDraft(
    'SNV-NCC-005',
    'Xác định danh tính hài cốt liệt sĩ còn thiếu thông tin bằng phương pháp thực chứng',
    {
      processingTime: unknownTime(
        'Điều 145 Nghị định số 131/2021/NĐ-CP: 05 ngày làm việc tại nơi quản lý hồ sơ gốc liệt sĩ và 07 ngày làm việc tại nơi quản lý mộ; tổng thời hạn tùy hai nơi có cùng địa bàn hay không.',
      ),
      documents: [
        doc(
          'Đơn đề nghị của đại diện thân nhân liệt sĩ hoặc người hưởng trợ cấp thờ cúng liệt sĩ (hoặc giấy đề nghị của tổ chức, cá nhân được ủy quyền theo Mẫu số 29)',
          'original',
          { template: 'Mẫu số 28 Phụ lục I Nghị định số 131/2021/NĐ-CP' },
        ),
        doc('Giấy xác nhận thông tin về nơi liệt sĩ hy sinh', 'original', {
          template: 'Mẫu số 44 Phụ lục I Nghị định số 131/2021/NĐ-CP',
        }),
        doc(
          'Các giấy tờ thể hiện thông tin mới được phát hiện về mộ liệt sĩ và thân nhân liệt sĩ',
          'original',
        ),
        doc(
          'Văn bản ủy quyền của đại diện thân nhân liệt sĩ hoặc người hưởng trợ cấp thờ cúng liệt sĩ',
          'original',
          {
            required: false,
          },
        ),
      ],
      resultName: 'Quyết định xác định danh tính hài cốt liệt sĩ còn thiếu thông tin',
      applicants:
        'Đại diện thân nhân liệt sĩ, người hưởng trợ cấp thờ cúng liệt sĩ, hoặc tổ chức, cá nhân được ủy quyền.',
      needsReview: ['code', 'processingTime', 'legalBasis', 'steps'],
    },
  ),
  {
    ...common,
    code: 'SNV-NCC-006',
    codeKind: 'local',
    name: 'Giải quyết chế độ trợ cấp ưu đãi đối với thân nhân liệt sĩ',
    fieldCode: 'nguoi-co-cong',
    legalBasis: MERIT_LAW,
    processingTime: calendarDays(
      20,
      '20 ngày kể từ ngày nhận đủ giấy tờ (khoản 2 Điều 26 Nghị định số 131/2021/NĐ-CP). Con bị khuyết tật nặng, đặc biệt nặng: cấp giấy giới thiệu giám định y khoa trong 05 ngày làm việc và ban hành quyết định trong 05 ngày làm việc kể từ ngày nhận biên bản giám định. Thân nhân đã hưởng chế độ nhưng chưa được cấp giấy chứng nhận: 12 ngày kể từ ngày nhận được đơn.',
    ),
    fees: [],
    documents: [
      doc('Bản khai có xác nhận của Ủy ban nhân dân cấp xã nơi thường trú', 'original', {
        template: 'Mẫu số 05 Phụ lục I Nghị định số 131/2021/NĐ-CP',
      }),
      doc('Bằng “Tổ quốc ghi công”', 'certified_copy'),
      doc(
        'Văn bản đồng thuận của các thân nhân liệt sĩ có xác nhận của Ủy ban nhân dân cấp xã (trường hợp thân nhân là người có công nuôi liệt sĩ)',
        'original',
        { required: false },
      ),
      doc('Giấy khai sinh hoặc trích lục khai sinh (trường hợp con chưa đủ 18 tuổi)', 'certified_copy', {
        required: false,
      }),
      doc(
        'Giấy xác nhận của cơ sở giáo dục nơi đang theo học (trường hợp con từ đủ 18 tuổi trở lên đang đi học)',
        'original',
        {
          required: false,
        },
      ),
      doc(
        'Giấy xác nhận khuyết tật theo Luật Người khuyết tật, kèm giấy xác nhận thu nhập theo Mẫu số 47 (trường hợp con từ đủ 18 tuổi trở lên bị khuyết tật nặng, đặc biệt nặng)',
        'original',
        { required: false },
      ),
    ],
    resultType: 'paper',
    resultName:
      'Quyết định cấp giấy chứng nhận thân nhân liệt sĩ và trợ cấp một lần khi báo tử; quyết định trợ cấp tuất hằng tháng (nếu đủ điều kiện)',
    onlineLevel: 'none',
    postalAllowed: true,
    steps: internalSteps(96, DEMO_UNIT_CODES.merit),
    applicants: 'Thân nhân liệt sĩ.',
    howToApply: 'Nộp hồ sơ trực tiếp hoặc qua dịch vụ bưu chính tại cơ quan quản lý hồ sơ liệt sĩ.',
    needsReview: ['code', 'legalBasis'],
  },
  {
    ...common,
    code: 'SNV-NCC-015',
    codeKind: 'local',
    name: 'Giải quyết chế độ ưu đãi đối với vợ hoặc chồng liệt sĩ lấy chồng hoặc vợ khác',
    fieldCode: 'nguoi-co-cong',
    legalBasis: MERIT_LAW,
    processingTime: calendarDays(
      12,
      '12 ngày kể từ ngày nhận đủ giấy tờ (khoản 2 Điều 27 Nghị định số 131/2021/NĐ-CP).',
    ),
    fees: [],
    documents: [
      doc('Đơn đề nghị', 'original', { template: 'Mẫu số 17 Phụ lục I Nghị định số 131/2021/NĐ-CP' }),
      doc(
        'Ý kiến đồng thuận bằng văn bản của con liệt sĩ có xác nhận của Ủy ban nhân dân cấp xã (trường hợp nuôi con liệt sĩ đến tuổi trưởng thành)',
        'original',
        { required: false },
      ),
      doc(
        'Văn bản xác nhận của Ủy ban nhân dân cấp xã nơi bố mẹ liệt sĩ thường trú khi còn sống và biên bản họp đồng thuận theo Mẫu số 80 (trường hợp chăm sóc bố, mẹ liệt sĩ khi còn sống)',
        'original',
        { required: false },
      ),
    ],
    resultType: 'paper',
    resultName: 'Quyết định trợ cấp tuất hằng tháng đối với vợ hoặc chồng liệt sĩ đã lấy chồng hoặc vợ khác',
    onlineLevel: 'none',
    postalAllowed: true,
    steps: internalSteps(MERIT_12_DAY_HOURS, DEMO_UNIT_CODES.merit),
    applicants: 'Vợ hoặc chồng liệt sĩ đã lấy chồng hoặc vợ khác.',
    howToApply:
      'Nộp hồ sơ trực tiếp hoặc qua dịch vụ bưu chính tại cơ quan chuyên môn về người có công nơi thường trú.',
    needsReview: ['code', 'legalBasis'],
  },
  meritDraft('SNV-NCC-007', 'Giải quyết chế độ trợ cấp thờ cúng liệt sĩ', {
    processingTime: unknownTime(
      'Điều 28 Nghị định số 131/2021/NĐ-CP: Ủy ban nhân dân cấp xã 05 ngày làm việc; cơ quan quản lý hồ sơ 12 ngày kể từ ngày nhận đủ giấy tờ. Tổng thời hạn theo quyết định công bố hiện hành.',
    ),
    documents: [
      doc('Đơn đề nghị', 'original', { template: 'Mẫu số 18 Phụ lục I Nghị định số 131/2021/NĐ-CP' }),
      doc(
        'Văn bản ủy quyền thờ cúng liệt sĩ (theo khoản 6 Điều 28 Nghị định số 131/2021/NĐ-CP)',
        'original',
        {
          required: false,
        },
      ),
      doc('Bằng “Tổ quốc ghi công”', 'certified_copy'),
    ],
    resultName: 'Quyết định trợ cấp thờ cúng liệt sĩ',
    applicants: 'Người được ủy quyền thờ cúng liệt sĩ.',
    needsReview: ['code', 'processingTime', 'legalBasis', 'steps'],
  }),
  meritDraft(
    'SNV-NCC-008',
    'Giải quyết chế độ ưu đãi đối với trường hợp tặng hoặc truy tặng danh hiệu vinh dự nhà nước “Bà mẹ Việt Nam anh hùng”',
    {
      processingTime: unknownTime(
        'Điều 30 Nghị định số 131/2021/NĐ-CP: Ủy ban nhân dân cấp xã 05 ngày làm việc; cơ quan quản lý 12 ngày kể từ ngày nhận đủ giấy tờ. Tổng thời hạn theo quyết định công bố hiện hành.',
      ),
      documents: [
        doc('Bản khai', 'original', { template: 'Mẫu số 03 Phụ lục I Nghị định số 131/2021/NĐ-CP' }),
        doc('Quyết định tặng hoặc truy tặng danh hiệu hoặc Bằng “Bà mẹ Việt Nam anh hùng”', 'certified_copy'),
        doc(
          'Giấy báo tử hoặc trích lục khai tử (trường hợp đã chết mà chưa được hưởng chế độ ưu đãi)',
          'copy',
          {
            required: false,
          },
        ),
      ],
      resultName: 'Quyết định trợ cấp, phụ cấp ưu đãi',
      needsReview: ['code', 'processingTime', 'legalBasis', 'steps'],
    },
  ),
  meritDraft(
    'SNV-NCC-009',
    'Giải quyết chế độ ưu đãi đối với Anh hùng Lực lượng vũ trang nhân dân, Anh hùng Lao động trong thời kỳ kháng chiến hiện không công tác trong quân đội, công an',
    {
      processingTime: unknownTime(
        'Điều 32 Nghị định số 131/2021/NĐ-CP: Ủy ban nhân dân cấp xã 05 ngày làm việc; cơ quan quản lý 12 ngày kể từ ngày nhận đủ giấy tờ. Tổng thời hạn theo quyết định công bố hiện hành.',
      ),
      documents: [
        doc('Bản khai', 'original', { template: 'Mẫu số 04 Phụ lục I Nghị định số 131/2021/NĐ-CP' }),
        doc('Quyết định phong tặng hoặc truy tặng danh hiệu anh hùng hoặc Bằng anh hùng', 'certified_copy'),
        doc(
          'Giấy báo tử hoặc trích lục khai tử (trường hợp đã chết mà chưa được hưởng chế độ ưu đãi)',
          'copy',
          {
            required: false,
          },
        ),
      ],
      resultName: 'Quyết định trợ cấp ưu đãi',
      needsReview: ['code', 'processingTime', 'legalBasis', 'steps'],
    },
  ),
  meritDraft('SNV-NCC-010', 'Hưởng trợ cấp khi người có công đang hưởng trợ cấp ưu đãi từ trần', {
    processingTime: unknownTime(
      'Điều 122-124 Nghị định số 131/2021/NĐ-CP: cơ quan quản lý hồ sơ có 12 ngày kể từ ngày nhận đủ giấy tờ do cấp xã chuyển đến.',
    ),
  }),
  meritDraft('SNV-NCC-011', 'Bổ sung tình hình thân nhân trong hồ sơ liệt sĩ', {
    processingTime: unknownTime(
      'Điều 29 Nghị định số 131/2021/NĐ-CP: Ủy ban nhân dân cấp xã 05 ngày làm việc; cơ quan quản lý hồ sơ 12 ngày. Tổng thời hạn theo quyết định công bố hiện hành.',
    ),
    documents: [
      doc('Bản khai', 'original', { template: 'Mẫu số 06 Phụ lục I Nghị định số 131/2021/NĐ-CP' }),
      doc(
        'Giấy tờ chứng minh mối quan hệ với liệt sĩ (theo khoản 1 Điều 29 Nghị định số 131/2021/NĐ-CP)',
        'certified_copy',
      ),
    ],
    resultName: 'Quyết định bổ sung tình hình thân nhân liệt sĩ và trợ cấp ưu đãi',
    needsReview: ['code', 'processingTime', 'legalBasis', 'steps'],
  }),
  meritDraft(
    'SNV-NCC-012',
    'Giải quyết chế độ trợ cấp ưu đãi đối với con đẻ của người hoạt động kháng chiến bị nhiễm chất độc hóa học',
  ),
  meritDraft(
    'SNV-NCC-013',
    'Tiếp nhận người có công vào cơ sở nuôi dưỡng, điều dưỡng người có công do tỉnh quản lý',
  ),
  meritDraft(
    'SNV-NCC-014',
    'Đưa người có công đối với trường hợp thương binh, bệnh binh, người hoạt động kháng chiến bị nhiễm chất độc hóa học suy giảm khả năng lao động từ 81% trở lên về sống tại gia đình',
  ),
];

export const DEMO_PROCEDURES: ProcedureContent[] = [
  ...foreignWorkers,
  ...unemployment,
  ...employmentServices,
  ...safety,
  ...labour,
  ...merit,
];
