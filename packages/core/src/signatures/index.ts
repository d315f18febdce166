/**
 * Verification of signed electronic results (kết quả điện tử ký số): what the checks found, the
 * verdict they add up to (a typed table, first matching row wins) and the public answer's schema.
 * The public answer names no citizen: the dossier code masked, the procedure, the agency, the date.
 */
import { z } from 'zod';
import type { Localised } from '../i18n/locale.ts';

/** What the server's checks of an uploaded (or stored) file found. */
export interface SignatureFacts {
  isPdf: boolean;
  hasSignature: boolean;
  /** The byte ranges' SHA-256 equals the signature's message digest. */
  digestMatches: boolean;
  /** The signature over the signed attributes verifies with the signer's certificate. */
  signatureValid: boolean;
  /** The signer's certificate chains to the agency's configured CA. */
  trustedSigner: boolean;
  /** The whole file's SHA-256 is that of a result this system issued. */
  issuedCopy: boolean;
}

export const VERIFY_VERDICTS = [
  'valid',
  'not_pdf',
  'unsigned',
  'altered',
  'untrusted',
  'not_issued',
] as const;
export type VerifyVerdict = (typeof VERIFY_VERDICTS)[number];

/** The verdict rules, in order: the first whose test holds decides. */
export const VERDICT_RULES: readonly { verdict: VerifyVerdict; when: (f: SignatureFacts) => boolean }[] = [
  { verdict: 'not_pdf', when: (f) => !f.isPdf },
  { verdict: 'unsigned', when: (f) => !f.hasSignature },
  { verdict: 'altered', when: (f) => !f.digestMatches || !f.signatureValid },
  { verdict: 'untrusted', when: (f) => !f.trustedSigner },
  { verdict: 'not_issued', when: (f) => !f.issuedCopy },
  { verdict: 'valid', when: () => true },
];

export function verifyVerdict(facts: SignatureFacts): VerifyVerdict {
  return VERDICT_RULES.find((r) => r.when(facts))!.verdict;
}

export const VERDICT_WORDING: Readonly<Record<VerifyVerdict, Localised>> = {
  valid: {
    vi: 'Chữ ký số hợp lệ; văn bản còn nguyên vẹn, đúng bản do cơ quan cấp.',
    en: 'The signature is valid; the document is unchanged and is the copy the agency issued.',
  },
  not_pdf: {
    vi: 'Tệp không phải văn bản PDF; hãy chọn đúng tệp kết quả đã tải về.',
    en: 'The file is not a PDF; choose the result file you downloaded.',
  },
  unsigned: {
    vi: 'Văn bản không có chữ ký số; không xác thực được nguồn gốc.',
    en: 'The document carries no digital signature; its origin cannot be confirmed.',
  },
  altered: {
    vi: 'Văn bản đã bị thay đổi sau khi ký hoặc chữ ký không hợp lệ; không sử dụng bản này.',
    en: 'The document was changed after signing or its signature is invalid; do not rely on this copy.',
  },
  untrusted: {
    vi: 'Chữ ký không do chứng thư số của cơ quan cấp; không sử dụng bản này.',
    en: 'The signature is not from the agency’s certificate; do not rely on this copy.',
  },
  not_issued: {
    vi: 'Chữ ký đúng nhưng tệp không khớp với bản kết quả đã cấp (có thể đã được thêm nội dung); hãy đối chiếu với cơ quan.',
    en: 'The signature checks but the file does not match the issued result (content may have been added); check with the agency.',
  },
};

/** Only the first and last four characters of a dossier code, e.g. "000.…-0001". */
export function maskDossierCode(code: string): string {
  if (code.length <= 8) return `${code.slice(0, 2)}…`;
  return `${code.slice(0, 4)}…${code.slice(-4)}`;
}

export const verifyResponse = z.object({
  verdict: z.enum(VERIFY_VERDICTS),
  message: z.string(),
  signatureValid: z.boolean(),
  unchanged: z.boolean(),
  /** Present when the file is a result this system issued. */
  document: z
    .object({
      documentId: z.uuid(),
      agencyName: z.string(),
      procedureName: z.string(),
      dossierCode: z.string(),
      signedAt: z.iso.datetime({ offset: true }),
      signer: z.string(),
    })
    .nullable(),
});
export type VerifyResponse = z.infer<typeof verifyResponse>;
