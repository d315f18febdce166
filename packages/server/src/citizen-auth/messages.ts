import type { Localised } from '@motcua/core';

/** Problem codes of citizen sign-in, spread into PROBLEMS (http/messages.ts). */
export const CITIZEN_PROBLEMS = {
  citizen_oidc_unavailable: {
    vi: 'Đăng nhập bằng VNeID chưa được cấu hình trên hệ thống này',
    en: 'Sign-in with VNeID is not configured on this system',
  },
  signin_code_recently_sent: {
    vi: 'Mã vừa được gửi tới địa chỉ này; vui lòng chờ {seconds} giây trước khi yêu cầu mã mới',
    en: 'A code was just sent to this address; please wait {seconds} seconds before asking for another',
  },
} as const satisfies Record<string, Localised>;
