import { z } from 'zod';

/**
 * The applicant (người nộp hồ sơ). The ID number and phone are personal data (Decree 13/2023):
 * kept in the dossier, masked on every public page, never written to logs.
 */
export const applicantSchema = z.strictObject({
  name: z.string().trim().min(2).max(200),
  /** Số định danh cá nhân (12 digits), old ID card (9), or an organisation's tax code (10 or 10-3). */
  idNumber: z
    .string()
    .trim()
    .regex(/^(\d{9}|\d{12}|\d{10}(-\d{3})?)$/, 'id_number_format')
    .optional(),
  phone: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s.-]/g, ''))
    .pipe(z.string().regex(/^(\+84|0)\d{9,10}$/, 'phone_format'))
    .optional(),
  email: z.email().max(200).optional(),
  address: z.string().trim().max(500).optional(),
  /** The organisation the applicant acts for, if any. */
  organisation: z.string().trim().max(300).optional(),
  /** A proxy (người được ủy quyền) handing the dossier in for the applicant. */
  proxyName: z.string().trim().max(200).optional(),
  /** The proxy's own personal identification number (12 digits) or old ID card (9). */
  proxyIdNumber: z
    .string()
    .trim()
    .regex(/^(\d{9}|\d{12})$/, 'id_number_format')
    .optional(),
  proxyPhone: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s.-]/g, ''))
    .pipe(z.string().regex(/^(\+84|0)\d{9,10}$/, 'phone_format'))
    .optional(),
});

/** An enterprise or tax code (mã số doanh nghiệp/mã số thuế): 10 digits, or 10-3 for a branch. */
export function isTaxCode(id: string | undefined): boolean {
  return !!id && /^\d{10}(-\d{3})?$/.test(id.trim());
}

export type Applicant = z.infer<typeof applicantSchema>;

/** "Nguyễn Văn An" → "Nguyễn V. A." : enough for the applicant to recognise, little for anyone else. */
export function maskName(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length <= 1) return `${parts[0]?.[0] ?? ''}***`;
  return [parts[0], ...parts.slice(1).map((p) => `${p[0]}.`)].join(' ');
}

/** Keeps the first and last few characters: "079123456789" → "079******789". */
export function maskDigits(value: string, keepStart = 3, keepEnd = 3): string {
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length);
  return value.slice(0, keepStart) + '*'.repeat(value.length - keepStart - keepEnd) + value.slice(-keepEnd);
}

/** Words that open the name of an organisation rather than a person ("Công ty TNHH …"). */
const ORGANISATION_NAME =
  /^(công ty|cty|doanh nghiệp|tổng công ty|tập đoàn|hợp tác xã|htx|chi nhánh|văn phòng|trường|bệnh viện|trung tâm|hội|quỹ|ngân hàng|cơ sở|hộ kinh doanh|ban quản lý|ủy ban|uỷ ban|viện|nhà máy|xí nghiệp|liên hiệp|tổ chức)\s/iu;

/**
 * The applicant's name on a public page. A company's or an association's name is public (it is on
 * its registration), so it is shown whole; a person's is masked.
 */
export function publicName(a: Applicant): string {
  if (a.organisation) return a.organisation;
  if (ORGANISATION_NAME.test(a.name.trim())) return a.name.trim();
  return maskName(a.name);
}

export function maskedApplicant(a: Applicant) {
  return {
    name: publicName(a),
    idNumber: a.idNumber ? maskDigits(a.idNumber) : null,
    phone: a.phone ? maskDigits(a.phone, 2, 2) : null,
  };
}
