import type { Localised } from '@motcua/core';
import { DECLARED_BUSINESS_LIMIT } from '@motcua/core';

/** Problem codes of acting for a business, spread into PROBLEMS (http/messages.ts). */
export const CITIZEN_BUSINESS_PROBLEMS = {
  business_not_represented: {
    vi: 'Tài khoản của bạn chưa khai báo doanh nghiệp có mã số thuế {taxCode}; hãy khai báo doanh nghiệp trước khi thao tác thay cho doanh nghiệp',
    en: 'Your account has not declared the business with tax code {taxCode}; declare it before acting for it',
  },
  declared_business_limit: {
    vi: `Mỗi tài khoản khai báo tối đa ${DECLARED_BUSINESS_LIMIT} doanh nghiệp`,
    en: `An account declares at most ${DECLARED_BUSINESS_LIMIT} businesses`,
  },
} as const satisfies Record<string, Localised>;
