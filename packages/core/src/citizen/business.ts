import { z } from 'zod';

/**
 * A business (doanh nghiệp, hợp tác xã, hộ kinh doanh…) on the citizen portal: a signed-in person
 * acts for it as its representative, as on the national portal and VNeID's organisation accounts.
 *
 * Its tax code (mã số thuế, Circular 105/2020/TT-BTC art. 5) has 10 digits, or 13 for a branch
 * or dependent unit: the parent's 10 digits, then 3 digits 001–999 (written 0100107518-001). The
 * 10th digit checks the first nine: 10 − (Σ dᵢ·wᵢ mod 11) with weights 31 29 23 19 17 13 7 5 3;
 * when that is 10 the sequence was never issued.
 */

const CHECK_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

export type TaxCodeProblem = 'tax_code_format' | 'tax_code_check_digit';

/** The tax code written the official way (10 digits, or 10-3), or why it is not one. */
export function parseTaxCode(
  input: string,
): { ok: true; taxCode: string } | { ok: false; problem: TaxCodeProblem } {
  const digits = input.trim().replace(/[\s.]/g, '');
  const m = /^(\d{10})(?:-?(\d{3}))?$/.exec(digits);
  if (!m) return { ok: false, problem: 'tax_code_format' };
  const [, main, branch] = m as unknown as [string, string, string | undefined];
  if (branch === '000') return { ok: false, problem: 'tax_code_format' };
  const sum = CHECK_WEIGHTS.reduce((s, w, i) => s + w * Number(main[i]), 0);
  const check = 10 - (sum % 11);
  if (check === 10 || check !== Number(main[9])) return { ok: false, problem: 'tax_code_check_digit' };
  return { ok: true, taxCode: branch ? `${main}-${branch}` : main };
}

export const isValidTaxCode = (input: string): boolean => parseTaxCode(input).ok;

/** A tax code as the API takes it: checked, answered in its official form. */
export const taxCodeSchema = z
  .string()
  .max(20)
  .transform((v, ctx) => {
    const parsed = parseTaxCode(v);
    if (parsed.ok) return parsed.taxCode;
    ctx.addIssue({ code: 'custom', message: parsed.problem });
    return z.NEVER;
  });

/**
 * How a person became a business's representative here. `provider`: the identity provider said
 * so (an organisation claim in the sign-in); `declared`: the person typed it in, which nobody has
 * checked — they act for it only on what they submitted themselves, and the counter checks the
 * authorisation when it accepts the dossier.
 */
export const BUSINESS_REPRESENTATION = ['provider', 'declared'] as const;
export type BusinessRepresentation = (typeof BUSINESS_REPRESENTATION)[number];

export const citizenBusinessSchema = z.strictObject({
  taxCode: z.string(),
  name: z.string(),
  representation: z.enum(BUSINESS_REPRESENTATION),
});
export type CitizenBusiness = z.infer<typeof citizenBusinessSchema>;

/** Who the session acts as: the person, or one business they represent. */
export const actingAsSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('self') }),
  z.strictObject({ kind: z.literal('business'), business: citizenBusinessSchema }),
]);
export type ActingAs = z.infer<typeof actingAsSchema>;

export const actingAsBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('self') }),
  z.strictObject({ kind: z.literal('business'), taxCode: taxCodeSchema }),
]);

export const declareBusinessBody = z.strictObject({
  taxCode: taxCodeSchema,
  name: z.string().trim().min(2).max(300),
});

export const citizenBusinessesResponse = z.strictObject({
  actingAs: actingAsSchema,
  businesses: z.array(citizenBusinessSchema),
});
export type CitizenBusinesses = z.infer<typeof citizenBusinessesResponse>;

/** A person declares at most this many businesses (the provider's are not counted). */
export const DECLARED_BUSINESS_LIMIT = 5;

/**
 * Which dossiers the session sees, as a rule the server's query follows. Acting as oneself: the
 * person's own (their account, no business tax code on it) and counter ones under their verified
 * identity number. Acting for a business the provider vouched for: every dossier under the
 * business's tax code. Acting for a declared business: only those this account submitted for it.
 */
export type DossierScope =
  | { kind: 'self'; citizenId: string; idHmac: string | null }
  | { kind: 'business_verified'; taxHmac: string }
  | { kind: 'business_declared'; citizenId: string; taxHmac: string };

export function dossierScope(
  citizen: { id: string; idHmac: string | null },
  acting: { taxHmac: string; representation: BusinessRepresentation } | null,
): DossierScope {
  if (!acting) return { kind: 'self', citizenId: citizen.id, idHmac: citizen.idHmac };
  return acting.representation === 'provider'
    ? { kind: 'business_verified', taxHmac: acting.taxHmac }
    : { kind: 'business_declared', citizenId: citizen.id, taxHmac: acting.taxHmac };
}

/** Whether a dossier (its applicant account and applicant number's HMAC) is in the scope. */
export function inDossierScope(
  scope: DossierScope,
  dossier: { applicantCitizenId: string | null; applicantIdHmac: string | null },
): boolean {
  switch (scope.kind) {
    case 'self':
      return (
        (dossier.applicantCitizenId === scope.citizenId && dossier.applicantIdHmac === null) ||
        (scope.idHmac !== null && dossier.applicantIdHmac === scope.idHmac)
      );
    case 'business_verified':
      return dossier.applicantIdHmac === scope.taxHmac;
    case 'business_declared':
      return dossier.applicantCitizenId === scope.citizenId && dossier.applicantIdHmac === scope.taxHmac;
  }
}

/**
 * The identity the engine's own_dossier guard compares with the applicant's (actor.idHmac): the
 * person's verified number acting as themselves, the business's tax code when the provider vouched
 * for it, none for a declared business (then only dossiers they submitted, by their account).
 */
export function scopeIdHmac(scope: DossierScope): string | null {
  return scope.kind === 'self' ? scope.idHmac : scope.kind === 'business_verified' ? scope.taxHmac : null;
}
