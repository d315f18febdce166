import type { Words } from './score.ts';

/** "How this is counted" in this system, for the indicators it measures. */
const COUNTED: Readonly<Record<string, Words>> = {
  '1.3': {
    vi: 'Đếm các TTHC có hiệu lực vào ngày cuối kỳ (phiên bản đang áp dụng ngày đó); tử số là các TTHC có đủ thời hạn giải quyết, thành phần hồ sơ và quyết định công bố, không còn mục chờ rà soát. Chỉ số tính cho cả cơ quan.',
    en: "Counts the procedures in force on the period's last day (the version in effect then); the numerator is those with a processing time, documents and a publication decision, and nothing awaiting review. Computed for the whole agency.",
  },
  '2.1': {
    vi: 'Lấy từ Biểu số 06 của cùng kỳ: tử số = giải quyết trước hạn (cột 8) + đúng hạn (cột 9) + đang giải quyết trong hạn cuối kỳ (cột 12); mẫu số = đã giải quyết (cột 7) + đang giải quyết cuối kỳ (cột 11). Hồ sơ từ chối, rút, dừng không tính.',
    en: 'From Biểu số 06 for the same period: numerator = resolved early (col 8) + on time (col 9) + open and in time at the end (col 12); denominator = resolved (col 7) + open at the end (col 11). Refused, withdrawn and stopped dossiers are left out.',
  },
  '3.1': {
    vi: 'Đếm các TTHC có hiệu lực vào ngày cuối kỳ; tử số là các TTHC cung cấp dịch vụ công trực tuyến toàn trình hoặc một phần. Chỉ số tính cho cả cơ quan.',
    en: "Counts the procedures in force on the period's last day; the numerator is those offered online fully or partly. Computed for the whole agency.",
  },
  '3.3': {
    vi: 'Lấy từ Biểu số 06 của cùng kỳ: tử số = hồ sơ tiếp nhận trực tuyến (cột 4); mẫu số = hồ sơ tiếp nhận trong kỳ (cột 4 + cột 5), không tính hồ sơ kỳ trước chuyển sang.',
    en: 'From Biểu số 06 for the same period: numerator = received online (col 4); denominator = received in the period (col 4 + col 5), without those carried over.',
  },
  '3.5': {
    vi: 'Đếm các TTHC có hồ sơ được yêu cầu nộp phí, lệ phí trong kỳ; tử số là các TTHC có ít nhất một khoản nộp trực tuyến (chuyển khoản VietQR hoặc cổng thanh toán) trong kỳ.',
    en: 'Counts the procedures with a fee requested on a dossier in the period; the numerator is those with at least one payment made online (VietQR transfer or the payment gateway) in the period.',
  },
  '3.6': {
    vi: 'Mẫu số = hồ sơ được yêu cầu nộp phí, lệ phí trong kỳ (trừ khoản đã miễn); tử số = khoản nộp trực tuyến (chuyển khoản VietQR hoặc cổng thanh toán) trong kỳ.',
    en: 'Denominator = dossiers asked to pay a fee in the period (exempted ones left out); numerator = payments made online (VietQR transfer or the payment gateway) in the period.',
  },
  '4.1': {
    vi: 'Mẫu số = hồ sơ đã giải quyết (cột 7 của Biểu số 06); tử số = hồ sơ có kết quả điện tử được ký số bằng chứng thư của cơ quan trong kỳ.',
    en: "Denominator = resolved dossiers (col 7 of Biểu số 06); numerator = dossiers whose result was signed electronically with the agency's certificate in the period.",
  },
  '4.2': {
    vi: 'Mẫu số = hồ sơ tiếp nhận trong kỳ (cột 4 + cột 5 của Biểu số 06); tử số = hồ sơ có bản số hoá (kết quả giấy được quét tại quầy) thêm vào trong kỳ.',
    en: 'Denominator = dossiers received in the period (col 4 + col 5 of Biểu số 06); numerator = dossiers with a digitised copy (a paper result scanned at the counter) added in the period.',
  },
  '5.2': {
    vi: 'Đếm phản ánh, kiến nghị tiếp nhận trong kỳ (trừ phản ánh không thuộc thẩm quyền); tử số = đã trả lời trong 15 ngày làm việc theo lịch của cơ quan + đang xử lý còn trong hạn cuối kỳ.',
    en: "Counts the feedback received in the period (out-of-scope cases left out); numerator = answered within 15 working days on the agency's calendar + open and still in time at the end.",
  },
  '5.3': {
    vi: 'Đếm các đánh giá của người dân về câu trả lời phản ánh, kiến nghị trong kỳ; tử số = đánh giá "Hài lòng" hoặc "Chấp nhận được".',
    en: 'Counts the citizens\' ratings of feedback answers given in the period; numerator = "Satisfied" or "Acceptable".',
  },
  '5.4': {
    vi: 'Mẫu số = hồ sơ đã giải quyết (cột 7 của Biểu số 06); tử số = đã giải quyết − giải quyết quá hạn (cột 10) − số hồ sơ bị đánh giá "Không hài lòng" hoặc bị phản ánh trong kỳ.',
    en: 'Denominator = resolved dossiers (col 7 of Biểu số 06); numerator = resolved − resolved late (col 10) − dossiers rated "Not satisfied" or named in feedback in the period.',
  },
};

export function index766Explanation(code: string, formula: Words): Words {
  return (
    COUNTED[code] ?? {
      vi: `Chưa đo trong hệ thống. Công thức: ${formula.vi}.`,
      en: `Not counted in this system. Formula: ${formula.en}.`,
    }
  );
}
