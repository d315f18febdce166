import type { z } from 'zod';
import { CITIZEN_CUSTOM_MESSAGES } from '../citizen/messages.ts';
import { FEEDBACK_CUSTOM_MESSAGES, FEEDBACK_FIELD_LABELS } from '../feedback/messages.ts';
import { REFORM_CUSTOM_MESSAGES, REFORM_FIELD_LABELS } from '../reform/messages.ts';
import { REPORT_CUSTOM_MESSAGES, REPORT_FIELD_LABELS } from '../reform-reports/messages.ts';
import { STATISTICS_CUSTOM_MESSAGES } from '../statistics/messages.ts';
import { SURVEY_CUSTOM_MESSAGES, SURVEY_FIELD_LABELS } from '../surveys/messages.ts';
import type { Locale, Localised } from './locale.ts';

/** Names of fields as a person reads them, keyed by the last named segment of a path. */
export const FIELD_LABELS: Record<string, Localised> = {
  ...REFORM_FIELD_LABELS,
  ...SURVEY_FIELD_LABELS,
  ...REPORT_FIELD_LABELS,
  ...FEEDBACK_FIELD_LABELS,
  code: { vi: 'Mã thủ tục', en: 'Procedure code' },
  codeKind: { vi: 'Loại mã', en: 'Code kind' },
  name: { vi: 'Tên', en: 'Name' },
  fieldCode: { vi: 'Lĩnh vực', en: 'Field' },
  agencyCode: { vi: 'Mã cơ quan thực hiện', en: 'Competent agency code' },
  level: { vi: 'Cấp thực hiện', en: 'Level' },
  legalBasis: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  processingTime: { vi: 'Thời hạn giải quyết', en: 'Processing time' },
  value: { vi: 'Giá trị', en: 'Value' },
  unit: { vi: 'Đơn vị tính', en: 'Unit' },
  fees: { vi: 'Phí, lệ phí', en: 'Fees' },
  amountVnd: { vi: 'Mức thu (đồng)', en: 'Amount (VND)' },
  documents: { vi: 'Thành phần hồ sơ', en: 'Required documents' },
  copies: { vi: 'Số bản', en: 'Copies' },
  form: { vi: 'Loại bản', en: 'Document form' },
  required: { vi: 'Bắt buộc', en: 'Required' },
  template: { vi: 'Mẫu đơn, tờ khai', en: 'Form template' },
  resultType: { vi: 'Hình thức kết quả', en: 'Result type' },
  resultName: { vi: 'Kết quả thực hiện', en: 'Result' },
  onlineLevel: { vi: 'Mức độ dịch vụ công trực tuyến', en: 'Online service level' },
  postalAllowed: { vi: 'Dịch vụ bưu chính công ích', en: 'Postal service' },
  steps: { vi: 'Quy trình nội bộ', en: 'Internal process' },
  role: { vi: 'Vai trò', en: 'Role' },
  hours: { vi: 'Số giờ làm việc', en: 'Working hours' },
  publication: { vi: 'Quyết định công bố', en: 'Publication decision' },
  decisionNumber: { vi: 'Số quyết định', en: 'Decision number' },
  date: { vi: 'Ngày', en: 'Date' },
  needsReview: { vi: 'Cần xác nhận', en: 'Needs review' },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  currentPassword: { vi: 'Mật khẩu hiện tại', en: 'Current password' },
  newPassword: { vi: 'Mật khẩu mới', en: 'New password' },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  email: { vi: 'Thư điện tử', en: 'Email' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  parentId: { vi: 'Đơn vị cấp trên', en: 'Parent unit' },
  kind: { vi: 'Loại đơn vị', en: 'Unit kind' },
  shortName: { vi: 'Tên viết tắt', en: 'Short name' },
  effectiveFrom: { vi: 'Hiệu lực từ ngày', en: 'Effective from' },
  effectiveTo: { vi: 'Hiệu lực đến ngày', en: 'Effective to' },
  successorId: { vi: 'Đơn vị kế thừa', en: 'Successor unit' },
  unitId: { vi: 'Đơn vị', en: 'Unit' },
  roles: { vi: 'Vai trò', en: 'Roles' },
  q: { vi: 'Từ khóa', en: 'Search text' },
  page: { vi: 'Trang', en: 'Page' },
  pageSize: { vi: 'Số dòng mỗi trang', en: 'Page size' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  id: { vi: 'Mã định danh', en: 'Identifier' },
  year: { vi: 'Năm', en: 'Year' },
  from: { vi: 'Từ ngày', en: 'From' },
  workingDays: { vi: 'Số ngày làm việc', en: 'Working days' },
  dueBefore: { vi: 'Hạn trước thời điểm', en: 'Due before' },
  // Dossiers (hồ sơ) and their actions.
  procedureId: { vi: 'Thủ tục', en: 'Procedure' },
  channel: { vi: 'Hình thức', en: 'Channel' },
  receivingUnitId: { vi: 'Đơn vị tiếp nhận', en: 'Receiving unit' },
  applicant: { vi: 'Người nộp hồ sơ', en: 'Applicant' },
  idNumber: { vi: 'Số định danh cá nhân', en: 'Personal ID number' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  organisation: { vi: 'Tổ chức', en: 'Organisation' },
  proxyName: { vi: 'Người được ủy quyền', en: 'Proxy' },
  proxyIdNumber: { vi: 'Số định danh cá nhân của người được ủy quyền', en: "Proxy's personal ID number" },
  proxyPhone: { vi: 'Số điện thoại của người được ủy quyền', en: "Proxy's phone number" },
  decision: { vi: 'Quyết định tiếp nhận', en: 'Decision' },
  checklist: { vi: 'Danh mục giấy tờ', en: 'Checklist' },
  document: { vi: 'Giấy tờ', en: 'Document' },
  received: { vi: 'Đã nhận', en: 'Received' },
  reason: { vi: 'Lý do', en: 'Reason' },
  note: { vi: 'Ghi chú', en: 'Note' },
  version: { vi: 'Phiên bản hồ sơ', en: 'Dossier version' },
  input: { vi: 'Nội dung thao tác', en: 'Action details' },
  assigneeId: { vi: 'Người được giao', en: 'Assignee' },
  items: { vi: 'Danh sách', en: 'Items' },
  description: { vi: 'Nội dung', en: 'Description' },
  contact: { vi: 'Người liên hệ', en: 'Contact' },
  reference: { vi: 'Số chứng từ', en: 'Reference' },
  outcome: { vi: 'Kết quả giải quyết', en: 'Outcome' },
  resultNumber: { vi: 'Số văn bản kết quả', en: 'Result number' },
  newDueAt: { vi: 'Ngày hẹn mới', en: 'New due date' },
  letterNumber: { vi: 'Số văn bản xin lỗi', en: 'Apology letter number' },
  noticeNumber: { vi: 'Số thông báo', en: 'Notice number' },
  to: { vi: 'Đến ngày', en: 'To' },
};

/**
 * Custom messages raised by refinements, by their stable code. `label` names the field where the
 * same key means different things in different requests (`code` of a procedure, of a dossier).
 */
export const CUSTOM_MESSAGES: Record<string, Localised & { label?: Localised }> = {
  ...REFORM_CUSTOM_MESSAGES,
  ...CITIZEN_CUSTOM_MESSAGES,
  ...SURVEY_CUSTOM_MESSAGES,
  ...REPORT_CUSTOM_MESSAGES,
  ...FEEDBACK_CUSTOM_MESSAGES,
  ...STATISTICS_CUSTOM_MESSAGES,
  dossier_code_required: {
    label: { vi: 'Mã hồ sơ', en: 'Dossier code' },
    vi: 'chưa được nhập; mã ghi trên giấy tiếp nhận, ví dụ 000.00.12.H29-260305-0001',
    en: 'is required; it is printed on the receipt, e.g. 000.00.12.H29-260305-0001',
  },
  national_code_format: {
    vi: 'mã quốc gia phải có dạng 1.001653 (một chữ số, dấu chấm, sáu chữ số); mã địa phương hãy chọn loại mã "địa phương"',
    en: 'a national code looks like 1.001653 (one digit, a dot, six digits); mark a local code as "local"',
  },
  password_too_weak: {
    vi: 'mật khẩu phải có ít nhất 12 ký tự và không được trùng tên đăng nhập',
    en: 'the password must have at least 12 characters and differ from the username',
  },
  wrong_current_password: { vi: 'mật khẩu hiện tại không đúng', en: 'the current password is wrong' },
  password_unchanged: {
    vi: 'mật khẩu mới phải khác mật khẩu hiện tại',
    en: 'the new password must differ from the current one',
  },
  processing_time_missing: {
    vi: 'chưa có thời hạn giải quyết; không thể công bố thủ tục khi chưa biết thời hạn',
    en: 'no processing time yet; a procedure cannot be published without one',
  },
  no_documents: { vi: 'cần ít nhất một thành phần hồ sơ', en: 'at least one required document is needed' },
  no_publication: {
    vi: 'cần số và ngày của quyết định công bố',
    en: 'the publication decision number and date are needed',
  },
  needs_review: {
    vi: 'còn số liệu chưa được xác nhận với văn bản công bố; kiểm tra trước khi công bố',
    en: 'some figures are not yet confirmed against the published text; check before publishing',
  },
  steps_exceed_time: {
    vi: 'tổng số giờ của các bước vượt quá thời hạn giải quyết (1 ngày làm việc = 8 giờ)',
    en: 'the steps take more hours than the processing time (1 working day = 8 hours)',
  },
  agency_not_found: { vi: 'không có cơ quan nào mang mã này', en: 'no agency has this code' },
  field_not_found: { vi: 'không có lĩnh vực nào mang mã này', en: 'no field has this code' },
  code_taken: {
    vi: 'mã này đã được dùng cho một thủ tục khác của cơ quan',
    en: 'another procedure of the agency has this code',
  },
  override_outside_year: {
    vi: 'ngày này không thuộc năm đang sửa',
    en: 'this date is not in the year being edited',
  },
  override_duplicate_day: { vi: 'ngày này đã có trong danh sách', en: 'this day is already in the list' },
  id_number_format: {
    vi: 'số định danh cá nhân gồm 12 chữ số (CMND cũ 9 chữ số; mã số thuế 10 chữ số hoặc 10-3)',
    en: 'a personal ID number has 12 digits (old ID card 9; a tax code 10 digits, or 10-3)',
  },
  phone_format: {
    vi: 'số điện thoại Việt Nam gồm 10 chữ số bắt đầu bằng 0 (hoặc +84)',
    en: 'a Vietnamese phone number has 10 digits starting with 0 (or +84)',
  },
  refusal_reason_required: {
    vi: 'cần ghi rõ lý do từ chối tiếp nhận (mẫu 03)',
    en: 'the reason for refusing the dossier is required (form 03)',
  },
  instant_format: {
    vi: 'phải có dạng YYYY-MM-DD, YYYY-MM-DDTHH:mm (giờ Việt Nam) hoặc kèm múi giờ, ví dụ 2027-02-04T09:00:00+07:00',
    en: 'must be YYYY-MM-DD, YYYY-MM-DDTHH:mm (Vietnam time) or carry its offset, e.g. 2027-02-04T09:00:00+07:00',
  },
  due_date_range: {
    vi: 'ngày hẹn mới phải nằm trong các năm 2000–2199',
    en: 'the new due date must fall in the years 2000–2199',
  },
  unit_parent_missing: { vi: 'không tìm thấy đơn vị cấp trên', en: 'the parent unit does not exist' },
  text_nul_character: {
    vi: 'không được chứa ký tự NUL (U+0000)',
    en: 'must not contain the NUL character (U+0000)',
  },
  effective_range: {
    vi: 'ngày kết thúc hiệu lực phải sau ngày bắt đầu',
    en: 'the end date must be after the start date',
  },
};

function labelFor(path: readonly PropertyKey[], locale: Locale): string | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'string' && FIELD_LABELS[seg]) return FIELD_LABELS[seg][locale];
  }
  return null;
}

/** A dotted path for machines: ["documents", 2, "copies"] -> "documents[2].copies". */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, seg) => {
    if (typeof seg === 'number') return `${acc}[${seg}]`;
    return acc ? `${acc}.${String(seg)}` : String(seg);
  }, '');
}

/**
 * Whether the value was absent rather than of the wrong kind. Zod leaves `input` out of issues unless
 * asked, so its own wording is the fallback; a wrong kind must never read as "is required".
 */
function isMissing(issue: z.core.$ZodIssue): boolean {
  if ('input' in issue) return issue.input === undefined;
  return issue.message.endsWith('received undefined');
}

function describe(issue: z.core.$ZodIssue, locale: Locale): string {
  const vi = locale === 'vi';
  // A schema may name one of our messages instead of zod's generic one (e.g. a regex's message).
  const named = CUSTOM_MESSAGES[issue.message];
  if (named) return named[locale];
  switch (issue.code) {
    case 'invalid_type':
      if (isMissing(issue)) return vi ? 'chưa được nhập' : 'is required';
      return vi
        ? `phải là ${typeName(issue.expected, locale)}`
        : `must be ${typeName(issue.expected, locale)}`;
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? vi
            ? 'chưa được nhập'
            : 'is required'
          : vi
            ? `phải có ít nhất ${issue.minimum} ký tự`
            : `must have at least ${issue.minimum} characters`;
      }
      if (issue.origin === 'array')
        return vi ? `cần ít nhất ${issue.minimum} mục` : `needs at least ${issue.minimum} items`;
      return vi
        ? `phải ${issue.inclusive ? 'lớn hơn hoặc bằng' : 'lớn hơn'} ${issue.minimum}`
        : `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string')
        return vi
          ? `không được dài quá ${issue.maximum} ký tự`
          : `must have at most ${issue.maximum} characters`;
      if (issue.origin === 'array')
        return vi ? `tối đa ${issue.maximum} mục` : `at most ${issue.maximum} items`;
      return vi
        ? `phải ${issue.inclusive ? 'nhỏ hơn hoặc bằng' : 'nhỏ hơn'} ${issue.maximum}`
        : `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    case 'invalid_value':
      return vi
        ? `phải là một trong: ${issue.values.map(String).join(', ')}`
        : `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'date')
        return vi ? 'phải là ngày dạng YYYY-MM-DD' : 'must be a date as YYYY-MM-DD';
      if (issue.format === 'datetime')
        return vi
          ? 'phải là thời điểm dạng YYYY-MM-DDTHH:mm:ss+07:00, ví dụ 2027-02-04T09:00:00+07:00'
          : 'must be an instant as YYYY-MM-DDTHH:mm:ss+07:00, e.g. 2027-02-04T09:00:00+07:00';
      if (issue.format === 'email')
        return vi ? 'không phải địa chỉ thư điện tử hợp lệ' : 'is not a valid email address';
      if (issue.format === 'uuid') return vi ? 'không phải mã định danh hợp lệ' : 'is not a valid identifier';
      return vi ? 'không đúng định dạng' : 'has the wrong format';
    case 'unrecognized_keys':
      return vi
        ? `có trường không được phép: ${issue.keys.join(', ')}`
        : `has unknown fields: ${issue.keys.join(', ')}`;
    case 'custom': {
      const m = CUSTOM_MESSAGES[issue.message];
      return m ? m[locale] : issue.message;
    }
    default:
      return vi ? 'không hợp lệ' : 'is not valid';
  }
}

function typeName(expected: string, locale: Locale): string {
  const names: Record<string, Localised> = {
    string: { vi: 'chuỗi ký tự', en: 'text' },
    number: { vi: 'số', en: 'a number' },
    int: { vi: 'số nguyên', en: 'a whole number' },
    boolean: { vi: 'đúng/sai', en: 'true or false' },
    array: { vi: 'danh sách', en: 'a list' },
    object: { vi: 'đối tượng', en: 'an object' },
  };
  return names[expected]?.[locale] ?? expected;
}

export interface FieldError {
  path: string;
  message: string;
}

/** Zod issues as messages a person can act on: "Số bản (documents[2].copies): phải lớn hơn hoặc bằng 1". */
export function localiseIssues(issues: readonly z.core.$ZodIssue[], locale: Locale): FieldError[] {
  return issues.map((issue) => {
    const path = formatPath(issue.path);
    const label = CUSTOM_MESSAGES[issue.message]?.label?.[locale] ?? labelFor(issue.path, locale);
    const what = describe(issue, locale);
    const subject = label ? (path && path !== label ? `${label} (${path})` : label) : path;
    return { path, message: subject ? `${subject}: ${what}` : what };
  });
}
