import type { Localised } from '@motcua/core';
import { CITIZEN_PROBLEMS } from '../citizen-auth/messages.ts';
import { CITIZEN_BUSINESS_PROBLEMS } from '../citizen-business/messages.ts';
import { CITIZEN_DOSSIER_PROBLEMS } from '../citizen-dossiers/messages.ts';
import { FEEDBACK_PROBLEMS } from '../feedback/messages.ts';
import { FEE_PROBLEMS } from '../fees/messages.ts';
import { NOTIFICATION_PROBLEMS } from '../notifications/messages.ts';
import { ONLINE_SUBMISSION_PROBLEMS } from '../online-submission/messages.ts';
import { PAR_PROBLEMS } from '../par/messages.ts';
import { RATING_PROBLEMS } from '../ratings/messages.ts';
import { REFORM_PROBLEMS } from '../reform/messages.ts';
import { REPORT_PROBLEMS } from '../reform-reports/messages.ts';
import { SIGNING_PROBLEMS } from '../signing/messages.ts';
import { SURVEY_PROBLEMS } from '../surveys/messages.ts';

/**
 * Stable problem codes and their messages. Clients branch on `code`; people read the message.
 * Add a code here before using it, so every error has both languages.
 */
export const PROBLEMS = {
  ...REFORM_PROBLEMS,
  ...SURVEY_PROBLEMS,
  ...SIGNING_PROBLEMS,
  ...REPORT_PROBLEMS,
  ...PAR_PROBLEMS,
  ...CITIZEN_PROBLEMS,
  ...CITIZEN_BUSINESS_PROBLEMS,
  ...CITIZEN_DOSSIER_PROBLEMS,
  ...NOTIFICATION_PROBLEMS,
  ...FEEDBACK_PROBLEMS,
  ...FEE_PROBLEMS,
  ...RATING_PROBLEMS,
  ...ONLINE_SUBMISSION_PROBLEMS,
  validation_failed: { vi: 'Dữ liệu gửi lên chưa hợp lệ', en: 'The request has invalid data' },
  malformed_request: {
    vi: 'Yêu cầu không đọc được (JSON sai cú pháp?)',
    en: 'The request could not be read (invalid JSON?)',
  },
  body_too_deep: {
    vi: 'Dữ liệu gửi lên lồng nhau quá sâu (tối đa {max} cấp)',
    en: 'The request data is nested too deeply (at most {max} levels)',
  },
  multipart_malformed: {
    vi: 'Không đọc được tệp tải lên: nội dung multipart thiếu hoặc sai ranh giới (boundary)',
    en: 'The upload could not be read: its multipart boundary is missing or wrong',
  },
  unsupported_media_type: { vi: 'Định dạng nội dung không được hỗ trợ', en: 'Unsupported content type' },
  payload_too_large: { vi: 'Dữ liệu gửi lên quá lớn', en: 'The request is too large' },
  not_found: { vi: 'Không tìm thấy', en: 'Not found' },
  route_not_found: { vi: 'Không có địa chỉ API này', en: 'There is no such API address' },
  method_not_allowed: { vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  unauthenticated: { vi: 'Bạn cần đăng nhập', en: 'You need to sign in' },
  session_expired: {
    vi: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại',
    en: 'Your session has expired; please sign in again',
  },
  forbidden: { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  csrf_failed: {
    vi: 'Yêu cầu thiếu mã bảo vệ (CSRF); vui lòng tải lại trang',
    en: 'The request is missing its CSRF token; please reload the page',
  },
  invalid_credentials: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong username or password' },
  account_locked: {
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau {minutes} phút hoặc liên hệ quản trị',
    en: 'The account is locked after too many failed sign-ins; try again in {minutes} minutes or contact an administrator',
  },
  account_disabled: { vi: 'Tài khoản đã bị vô hiệu hóa', en: 'The account is disabled' },
  rate_limited: {
    vi: 'Quá nhiều yêu cầu; vui lòng thử lại sau {seconds} giây',
    en: 'Too many requests; please try again in {seconds} seconds',
  },
  password_change_required: {
    vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục',
    en: 'You must change your password before continuing',
  },
  wrong_current_password: { vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' },
  conflict: { vi: 'Dữ liệu đã bị thay đổi hoặc trùng lặp', en: 'The data changed or already exists' },
  duplicate_code: { vi: 'Mã đã tồn tại: {code}', en: 'The code already exists: {code}' },
  duplicate_username: {
    vi: 'Tên đăng nhập đã tồn tại: {username}',
    en: 'The username already exists: {username}',
  },
  unit_not_found: { vi: 'Không tìm thấy đơn vị', en: 'Unit not found' },
  unit_outside_scope: {
    vi: 'Đơn vị nằm ngoài phạm vi quản lý của bạn',
    en: 'The unit is outside the part of the organisation you manage',
  },
  report_period_reversed: {
    vi: 'Ngày kết thúc kỳ báo cáo phải bằng hoặc sau ngày bắt đầu',
    en: 'The end of the report period must be on or after its start',
  },
  report_period_too_long: {
    vi: 'Kỳ báo cáo dài tối đa {max} ngày',
    en: 'A report period is at most {max} days long',
  },
  report_period_not_started: {
    vi: 'Kỳ {period} chưa bắt đầu (từ ngày {from}); chọn một kỳ đã bắt đầu',
    en: 'The period {period} has not begun (it starts on {from}); choose one that has',
  },
  report_agency_not_found: { vi: 'Không tìm thấy cơ quan', en: 'Agency not found' },
  user_outside_scope: {
    vi: 'Tài khoản này không thuộc phạm vi quản lý của bạn',
    en: 'This account is outside the part of the organisation you manage',
  },
  unit_not_receiving: {
    vi: 'Đơn vị này không có Bộ phận Một cửa nên không tiếp nhận hồ sơ',
    en: 'This unit has no one-stop desk and does not receive dossiers',
  },
  unit_closed: {
    vi: 'Đơn vị đã ngừng hoạt động (sau sắp xếp tổ chức) và không tiếp nhận hồ sơ',
    en: 'This unit has closed (after a reorganisation) and receives no dossiers',
  },
  receiving_unit_not_yours: {
    vi: 'Bạn không giữ vai trò Công chức Bộ phận Một cửa tại đơn vị tiếp nhận này',
    en: 'You do not hold the counter officer role at this receiving unit',
  },
  online_receiving_unit_only: {
    vi: 'Hồ sơ trực tuyến được tiếp nhận tại đơn vị cơ quan đã chỉ định; không chọn được đơn vị khác',
    en: 'Online dossiers are received at the unit the agency designated; another unit cannot be chosen',
  },
  unit_cycle: {
    vi: 'Đơn vị không thể trực thuộc chính nó hoặc đơn vị cấp dưới của nó',
    en: 'A unit cannot sit under itself',
  },
  unit_kind_invalid: {
    vi: 'Loại đơn vị này không thể đặt dưới đơn vị đã chọn',
    en: 'A unit of this kind cannot be placed under the chosen parent',
  },
  successor_invalid: {
    vi: 'Đơn vị kế thừa phải là một đơn vị khác đang hoạt động',
    en: 'The successor must be another unit that is still active',
  },
  procedure_not_found: { vi: 'Không tìm thấy thủ tục hành chính', en: 'Procedure not found' },
  procedure_code_ambiguous: {
    vi: 'Có nhiều thủ tục mang mã {code} ở các cơ quan khác nhau; vui lòng chọn thủ tục từ danh mục',
    en: 'Several agencies have a procedure with code {code}; choose the procedure from the catalogue',
  },
  agency_not_found: { vi: 'Không tìm thấy cơ quan có mã {code}', en: 'No agency has the code {code}' },
  field_not_found: { vi: 'Không tìm thấy lĩnh vực có mã {code}', en: 'No field has the code {code}' },
  no_draft: { vi: 'Thủ tục không có bản dự thảo để công bố', en: 'The procedure has no draft to publish' },
  publish_blocked: {
    vi: 'Chưa thể công bố: còn {count} lỗi cần sửa',
    en: 'Cannot publish yet: {count} problems must be fixed',
  },
  already_abolished: { vi: 'Thủ tục đã bị bãi bỏ', en: 'The procedure is already abolished' },
  import_invalid: {
    vi: 'Tệp có {count} lỗi; chưa nhập dữ liệu nào. Sửa các dòng được nêu và tải lên lại.',
    en: 'The file has {count} errors; nothing was imported. Fix the rows listed and upload it again.',
  },
  import_file_missing: { vi: 'Chưa chọn tệp để nhập', en: 'No file was uploaded' },
  history_import_invalid: {
    vi: 'Tệp chuyển đổi dữ liệu không đúng định dạng (motcua.history-import, phiên bản 1)',
    en: 'The history import file does not follow its format (motcua.history-import, version 1)',
  },
  history_import_agency_unknown: {
    vi: 'Không có cơ quan mã {code}',
    en: 'There is no agency with the code {code}',
  },
  history_import_refused: {
    vi: 'Có {count} hồ sơ hoặc sự kiện không được chấp nhận; chưa nhập hồ sơ nào. Sửa các dòng được nêu và nhập lại.',
    en: '{count} dossiers or events were refused; nothing was imported. Fix the rows listed and import again.',
  },
  history_import_repeated: {
    vi: 'Hồ sơ này trùng với hồ sơ thứ {first} (tính từ 0) trong cùng tệp',
    en: 'This dossier repeats dossier {first} (counted from 0) of the same file',
  },
  history_import_procedure_unknown: {
    vi: 'Cơ quan không có thủ tục mã {code} trong danh mục',
    en: 'The agency has no procedure with the code {code} in its catalogue',
  },
  history_import_field_mismatch: {
    vi: 'Lĩnh vực {field} không phải lĩnh vực của thủ tục ({expected})',
    en: 'The field {field} is not the procedure’s field ({expected})',
  },
  history_import_unit_unknown: {
    vi: 'Không có đơn vị tiếp nhận mã {code}',
    en: 'There is no receiving unit with the code {code}',
  },
  history_import_in_future: {
    vi: 'Thời điểm này sau thời điểm nhập dữ liệu: lịch sử chỉ gồm những việc đã xảy ra',
    en: 'This instant is after the import itself: a history holds only what has happened',
  },
  import_file_type: {
    vi: 'Chỉ nhận tệp Excel (.xlsx) hoặc JSON (.json)',
    en: 'Only Excel (.xlsx) or JSON (.json) files are accepted',
  },
  idempotency_key_invalid: {
    vi: 'Idempotency-Key phải có từ 8 đến 200 ký tự in được',
    en: 'Idempotency-Key must have 8 to 200 printable characters',
  },
  idempotency_key_reused: {
    vi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác',
    en: 'This Idempotency-Key was already used for a different request',
  },
  upload_empty: { vi: 'Tệp tải lên không có nội dung', en: 'The uploaded file is empty' },
  upload_too_large: {
    vi: 'Tệp lớn hơn {mb} MB; hãy quét lại ở độ phân giải thấp hơn',
    en: 'The file is larger than {mb} MB; scan it again at a lower resolution',
  },
  upload_type_refused: {
    vi: 'Chỉ nhận tệp PDF, ảnh (PNG, JPEG, TIFF) hoặc Word (.docx); nội dung tệp này không thuộc loại nào trong số đó',
    en: 'Only PDF, images (PNG, JPEG, TIFF) or Word (.docx) files are accepted; this file’s content is none of them',
  },
  upload_damaged: {
    vi: 'Tệp bắt đầu như một tệp {type} nhưng nội dung bị hỏng, không đầy đủ hoặc không phải {type} thật; hãy mở tệp trên máy để kiểm tra, lưu hoặc quét lại rồi tải lên lại',
    en: 'The file starts like a {type} file but its content is damaged, incomplete or not really {type}; open it on your computer to check it, save or scan it again, then upload it again',
  },
  upload_extension_mismatch: {
    vi: 'Tên tệp có đuôi .{ext} nhưng nội dung là tệp {type}; hãy chọn đúng tệp, hoặc đổi đuôi tên tệp cho khớp với nội dung rồi tải lên lại',
    en: 'The file name ends in .{ext} but the file is a {type} file; choose the right file, or rename it to match its content, then upload it again',
  },
  upload_unpacks_too_large: {
    vi: 'Tệp {type} này khi giải nén lớn bất thường (có thể là tệp nén độc hại); hãy mở bằng Word, lưu lại hoặc chuyển sang PDF rồi tải lên lại',
    en: 'This {type} file unpacks to an abnormal size (it may be a malicious archive); open it in Word and save it again, or convert it to PDF, then upload it again',
  },
  dossier_action_refused: { vi: '{reason}', en: '{reason}' },
  dossier_not_found: { vi: 'Không tìm thấy hồ sơ', en: 'Dossier not found' },
  dossier_changed: {
    vi: 'Hồ sơ vừa được người khác cập nhật; tải lại để xem trạng thái mới rồi thực hiện lại nếu vẫn cần',
    en: 'Someone else has just updated this dossier; reload it to see its new state, then try again if still needed',
  },
  procedure_not_in_force: {
    vi: 'Thủ tục không có hoặc không còn hiệu lực',
    en: 'The procedure does not exist or is no longer in force',
  },
  procedure_without_time: {
    vi: 'Thủ tục chưa có thời hạn giải quyết được xác nhận; đề nghị quản trị cập nhật danh mục trước khi tiếp nhận',
    en: 'The procedure has no confirmed processing time; ask an administrator to complete the catalogue before receiving',
  },
  form_not_available: {
    vi: 'Hồ sơ chưa có nội dung cho mẫu này',
    en: 'This dossier has nothing to fill this form with yet',
  },
  dossier_code_format: {
    vi: 'Mã hồ sơ có dạng <mã đơn vị>-YYMMDD-XXXX, ví dụ 000.00.12.H29-260305-0001',
    en: 'A dossier code looks like <unit code>-YYMMDD-XXXX, e.g. 000.00.12.H29-260305-0001',
  },
  date_out_of_range: {
    vi: 'Lịch làm việc chỉ tính được cho các năm {first}–{last}; ngày cần tính rơi vào năm {year}',
    en: 'The working calendar covers the years {first}–{last}; this date falls in {year}',
  },
  internal_error: {
    vi: 'Hệ thống gặp lỗi; thao tác chưa được thực hiện. Vui lòng thử lại sau (mã tra cứu: {requestId})',
    en: 'Something went wrong; nothing was changed. Please try again later (reference: {requestId})',
  },
  database_unavailable: {
    vi: 'Hệ thống tạm thời không kết nối được cơ sở dữ liệu; vui lòng thử lại sau ít phút (mã tra cứu: {requestId})',
    en: 'The database cannot be reached for the moment; please try again in a few minutes (reference: {requestId})',
  },
  service_unavailable: {
    vi: 'Hệ thống đang khởi động lại, vui lòng thử lại',
    en: 'The system is restarting; please retry',
  },
} as const satisfies Record<string, Localised>;

export type ProblemCode = keyof typeof PROBLEMS;
