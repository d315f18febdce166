import type { Localised } from '@motcua/core';

/** Problem codes of signed results, verification and the postal channel, spread into PROBLEMS (http/messages.ts). */
export const SIGNING_PROBLEMS = {
  result_signing_failed: {
    vi: 'Không ký số được văn bản kết quả nên hồ sơ chưa được phê duyệt; đề nghị quản trị kiểm tra chứng thư số của cơ quan rồi phê duyệt lại',
    en: 'The result could not be digitally signed, so the dossier was not approved; ask an administrator to check the agency’s certificate, then approve again',
  },
  verify_file_missing: {
    vi: 'Hãy chọn tệp PDF kết quả cần kiểm tra',
    en: 'Choose the result PDF to check',
  },
  verify_document_not_found: {
    vi: 'Không tìm thấy văn bản có mã này; hãy kiểm tra lại mã trên văn bản hoặc quét lại mã QR',
    en: 'No document has this id; check the id on the document or scan the QR code again',
  },
  postal_not_post_dossier: {
    vi: 'Hồ sơ này không tiếp nhận qua bưu chính nên không ghi được vận đơn nhận hồ sơ',
    en: 'This dossier was not received by post, so no receipt shipment can be recorded',
  },
  postal_return_too_early: {
    vi: 'Hồ sơ chưa có kết quả nên chưa gửi trả qua bưu chính được',
    en: 'The dossier has no result yet, so it cannot be sent back by post',
  },
} as const satisfies Record<string, Localised>;
