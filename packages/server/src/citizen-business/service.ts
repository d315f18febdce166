import {
  type ActingAs,
  type CitizenBusiness,
  type CitizenBusinesses,
  DECLARED_BUSINESS_LIMIT,
  type DossierScope,
  dossierScope,
  parseTaxCode,
} from '@motcua/core';
import { decryptIdentityNumber, identityNumberHmac } from '../citizen-auth/identity-number.ts';
import type { CitizenSession } from '../citizen-auth/sessions.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../http/problem.ts';
import { businessesOf, declareBusiness, replaceProviderBusinesses, setSessionActing } from './store.ts';

/**
 * A person acting for a business on the portal (người đại diện doanh nghiệp). The session names the
 * business it acts for; what the session may see and do follows core's `dossierScope`.
 */

/** The business the session acts for, or null acting as the person (also when it is no longer theirs). */
export async function actingBusiness(
  db: Queryable,
  session: { actingTaxCode: string | null; citizen: { id: string } },
): Promise<CitizenBusiness | null> {
  if (!session.actingTaxCode) return null;
  return (
    (await businessesOf(db, session.citizen.id)).find((b) => b.taxCode === session.actingTaxCode) ?? null
  );
}

export function actingAsOf(business: CitizenBusiness | null): ActingAs {
  return business ? { kind: 'business', business } : { kind: 'self' };
}

/** The keyed HMAC a business's dossiers carry (dossier.applicant_id_hmac, migration 0033). */
export const taxCodeHmac = (ctx: AppContext, taxCode: string) =>
  identityNumberHmac(ctx.config.citizenIdKeyFile, taxCode);

/** The HMAC of the person's verified identity number (from the electronic identity), or null. */
async function personIdHmac(ctx: AppContext, session: CitizenSession): Promise<string | null> {
  const sealed = session.citizen.identity_number_encrypted;
  if (!sealed) return null;
  const keyFile = ctx.config.citizenIdKeyFile;
  return identityNumberHmac(keyFile, await decryptIdentityNumber(keyFile, sealed));
}

/** Which dossiers this session sees and acts on, and the business it acts for. */
export async function sessionScope(
  ctx: AppContext,
  db: Queryable,
  session: CitizenSession,
): Promise<{ scope: DossierScope; business: CitizenBusiness | null }> {
  const business = await actingBusiness(db, session);
  const scope = dossierScope(
    { id: session.citizen.id, idHmac: await personIdHmac(ctx, session) },
    business
      ? { taxHmac: await taxCodeHmac(ctx, business.taxCode), representation: business.representation }
      : null,
  );
  return { scope, business };
}

export async function businessesView(ctx: AppContext, session: CitizenSession): Promise<CitizenBusinesses> {
  const businesses = await businessesOf(ctx.db, session.citizen.id);
  const acting = businesses.find((b) => b.taxCode === session.actingTaxCode) ?? null;
  return { actingAs: actingAsOf(acting), businesses };
}

export async function declareOwnBusiness(
  ctx: AppContext,
  session: CitizenSession,
  body: { taxCode: string; name: string },
): Promise<CitizenBusinesses> {
  const known = await businessesOf(ctx.db, session.citizen.id);
  const declared = known.filter((b) => b.representation === 'declared');
  if (!known.some((b) => b.taxCode === body.taxCode) && declared.length >= DECLARED_BUSINESS_LIMIT)
    throw new Problem(409, 'declared_business_limit');
  await declareBusiness(ctx.db, session.citizen.id, body, ctx.now());
  return businessesView(ctx, session);
}

/** The session acts as the person, or for one of their businesses (else 422: declare it first). */
export async function chooseActingAs(
  ctx: AppContext,
  session: CitizenSession,
  body: { kind: 'self' } | { kind: 'business'; taxCode: string },
): Promise<CitizenBusinesses> {
  const taxCode = body.kind === 'business' ? body.taxCode : null;
  if (taxCode && !(await businessesOf(ctx.db, session.citizen.id)).some((b) => b.taxCode === taxCode))
    throw new Problem(422, 'business_not_represented', { taxCode });
  await setSessionActing(ctx.db, session.tokenHash, taxCode);
  return businessesView(ctx, { ...session, actingTaxCode: taxCode });
}

/**
 * The organisations the provider named at sign-in become the person's ('provider'); a claim that is
 * not a valid tax code is left out. Null (no organisation claim configured): nothing changes.
 */
export async function applyProviderBusinesses(
  ctx: AppContext,
  citizenId: string,
  claimed: { taxCode: unknown; name: string | null }[] | null,
): Promise<{ ignored: number }> {
  if (claimed === null) return { ignored: 0 };
  const valid = new Map<string, string>();
  for (const c of claimed) {
    const parsed = typeof c.taxCode === 'string' ? parseTaxCode(c.taxCode) : null;
    if (parsed?.ok) valid.set(parsed.taxCode, c.name ?? `Doanh nghiệp ${parsed.taxCode}`);
  }
  await replaceProviderBusinesses(
    ctx.db,
    citizenId,
    [...valid].map(([taxCode, name]) => ({ taxCode, name })),
    ctx.now(),
  );
  return { ignored: claimed.length - valid.size };
}
