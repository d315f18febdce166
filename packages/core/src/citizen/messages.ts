import type { Localised } from '../i18n/locale.ts';

/** Field messages of citizen sign-in by email code and of a business's tax code, spread into CUSTOM_MESSAGES. */
const codeLabel = { vi: 'Mã xác nhận', en: 'Sign-in code' };
const taxCodeLabel = { vi: 'Mã số thuế', en: 'Tax code' };
export const CITIZEN_CUSTOM_MESSAGES: Record<string, Localised & { label?: Localised }> = {
  signin_code_wrong: {
    label: codeLabel,
    vi: 'không đúng; kiểm tra lại 6 chữ số trong thư; sau 5 lần sai cần yêu cầu mã mới',
    en: 'is wrong; check the 6 digits in the email; after 5 wrong tries ask for a new one',
  },
  signin_code_expired: {
    label: codeLabel,
    vi: 'đã hết hạn hoặc chưa được gửi; hãy yêu cầu mã mới',
    en: 'has expired or was never sent; ask for a new code',
  },
  signin_code_exhausted: {
    label: codeLabel,
    vi: 'đã bị nhập sai quá nhiều lần; hãy yêu cầu mã mới',
    en: 'was entered wrongly too many times; ask for a new code',
  },
  citizen_email_taken: {
    label: { vi: 'Địa chỉ email', en: 'Email address' },
    vi: 'đã được dùng cho một tài khoản khác (đăng nhập bằng mã qua email); hãy nhập một địa chỉ khác',
    en: 'is already used by another account (signed in by emailed code); enter another address',
  },
  tax_code_format: {
    label: taxCodeLabel,
    vi: 'gồm 10 chữ số, hoặc 13 chữ số với chi nhánh (ví dụ 0100107518 hoặc 0100107518-001)',
    en: 'has 10 digits, or 13 for a branch (e.g. 0100107518 or 0100107518-001)',
  },
  tax_code_check_digit: {
    label: taxCodeLabel,
    vi: 'không đúng: chữ số kiểm tra (chữ số thứ 10) không khớp; kiểm tra lại trên giấy chứng nhận đăng ký doanh nghiệp',
    en: 'is not valid: its check digit (the 10th) does not match; check it on the business registration certificate',
  },
};
