import { z } from 'zod';
import { actingAsSchema } from './business.ts';

/**
 * Citizen (công dân) sign-in. A citizen signs in through the electronic identity provider
 * (VNeID, by OpenID Connect) or with a one-time code sent to an email address.
 */

/** The identity number (số định danh cá nhân / CCCD) as shown: only the first 4 and last 2 digits. */
export function maskIdentityNumber(identityNumber: string): string {
  const n = identityNumber.trim();
  if (n.length <= 6) return '*'.repeat(n.length);
  return `${n.slice(0, 4)}${'*'.repeat(n.length - 6)}${n.slice(-2)}`;
}

export const citizenMeResponse = z.strictObject({
  id: z.uuid(),
  fullName: z.string().nullable(),
  email: z.string().nullable(),
  /** Masked, e.g. 0792******34; null for an email-only account. */
  identityNumberMasked: z.string().nullable(),
  signInMethod: z.enum(['oidc', 'email']),
  /** Whom the session acts as: the person, or a business they represent (chosen on /cong-dan). */
  actingAs: actingAsSchema,
  csrfToken: z.string(),
});

/** Which sign-in methods this server offers (VNeID only when OIDC is configured). */
export const citizenAuthMethodsResponse = z.strictObject({
  oidc: z.boolean(),
  email: z.boolean(),
});

export const citizenEmailStartResponse = z.strictObject({
  /** Minutes the code stays valid. */
  expiresInMinutes: z.number().int(),
});

export const CITIZEN_CODE_MINUTES = 10;
export const CITIZEN_CODE_MAX_ATTEMPTS = 5;

export type CitizenMe = z.infer<typeof citizenMeResponse>;
export type CitizenAuthMethods = z.infer<typeof citizenAuthMethodsResponse>;
